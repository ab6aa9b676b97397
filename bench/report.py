"""Turns one benchmark run's measurements into bench/results/latest.md (a table) and stages.png (a chart)."""

from __future__ import annotations

import os
from typing import Any

STAGE_ORDER = (
    "read",
    "decode",
    "extract",
    "clean",
    "metadata",
    "language",
    "entities",
    "dedup",
    "write",
    "runner + start-up",
)


def _rate(docs: int, seconds: float) -> float:
    return docs / seconds if seconds > 0 else 0.0


def _verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def rows(res: dict[str, Any], targets: dict[str, float]) -> list[tuple[str, str, str, str]]:
    """(measure, value, target, verdict) rows."""
    out: list[tuple[str, str, str, str]] = []
    docs = res["docs"]
    bare = res.get("bare")
    w1 = res.get("w1_html")
    if bare:
        out.append(("bare `trafilatura.extract` loop", f"{_rate(docs, bare['seconds']):.1f} docs/s", "", ""))
    if w1:
        out.append(("newsbeam 1 worker, HTML files → Parquet", f"{_rate(docs, w1['wall_s']):.1f} docs/s", "", ""))
    if bare and w1:
        ratio = _rate(docs, w1["wall_s"]) / _rate(docs, bare["seconds"])
        goal = targets["pipeline_vs_bare"]
        out.append(("newsbeam 1 worker / bare loop", f"{ratio:.3f}", f"≥ {goal}", _verdict(ratio >= goal)))
        if bare.get("cpu_s") and w1.get("cpu_s"):
            cpu_ratio = bare["cpu_s"] / w1["cpu_s"]
            out.append(("same, by CPU seconds (less sensitive to load)", f"{cpu_ratio:.2f}", f"≥ {goal}", ""))
    fast, w1_fast = res.get("bare_fast"), res.get("w1_fast")
    if fast and w1_fast:
        out.append(("bare `trafilatura.extract(fast=True)` loop", f"{_rate(docs, fast['seconds']):.1f} docs/s", "", ""))
        label = "newsbeam 1 worker `--extract-fast`, HTML files → Parquet"
        out.append((label, f"{_rate(docs, w1_fast['wall_s']):.1f} docs/s", "", ""))
        ratio = _rate(docs, w1_fast["wall_s"]) / _rate(docs, fast["seconds"])
        out.append(("newsbeam `--extract-fast` / bare fast loop", f"{ratio:.2f}", "", ""))
        if fast.get("cpu_s") and w1_fast.get("cpu_s"):
            out.append(("same, by CPU seconds", f"{fast['cpu_s'] / w1_fast['cpu_s']:.2f}", "", ""))
        if bare:
            ratio = _rate(docs, w1_fast["wall_s"]) / _rate(docs, bare["seconds"])
            out.append(("newsbeam `--extract-fast` / bare default loop", f"{ratio:.2f}", "", ""))
    serial = res.get("w1_serial")
    if serial:
        label = "newsbeam 1 worker, no extraction overlap (`--no-extract-overlap`)"
        out.append((label, f"{_rate(docs, serial['wall_s']):.1f} docs/s", "", ""))
    jsonl, dtrove = res.get("w1_jsonl"), res.get("datatrove_jsonl")
    if jsonl:
        out.append(("newsbeam 1 worker, JSONL → Parquet", f"{_rate(docs, jsonl['wall_s']):.1f} docs/s", "", ""))
    if dtrove:
        out.append(("datatrove 1 task, JSONL → Parquet", f"{_rate(docs, dtrove['wall_s']):.1f} docs/s", "", ""))
    if jsonl and dtrove:
        ratio = dtrove["wall_s"] / jsonl["wall_s"]
        goal = targets["newsbeam_vs_datatrove"]
        out.append(("newsbeam / datatrove (JSONL, 1 worker)", f"{ratio:.3f}", f"≥ {goal}", _verdict(ratio >= goal)))
        if dtrove.get("cpu_s") and jsonl.get("cpu_s"):
            cpu_ratio = dtrove["cpu_s"] / jsonl["cpu_s"]
            out.append(("same, by CPU seconds", f"{cpu_ratio:.2f}", f"≥ {goal}", ""))
    w2 = res.get("w2_html")
    if w2:
        out.append(("newsbeam 2 workers, HTML files → Parquet", f"{_rate(docs, w2['wall_s']):.1f} docs/s", "", ""))
    if w1 and w2:
        speedup = w1["wall_s"] / w2["wall_s"]
        goal = targets["speedup_2_workers"]
        out.append(("2 workers / 1 worker", f"{speedup:.2f}", f"≥ {goal}", _verdict(speedup >= goal)))
    w2_serial = res.get("w2_serial")
    if serial and w2_serial:
        speedup = serial["wall_s"] / w2_serial["wall_s"]
        goal = targets["speedup_2_workers"]
        out.append(("same, both `--no-extract-overlap`", f"{speedup:.2f}", f"≥ {goal}", _verdict(speedup >= goal)))
    rss = res.get("rss") or {}
    sizes = sorted(rss, key=int)
    for n in sizes:
        peak = rss[n]["peak_rss_mb"]
        goal = targets["rss_max_mb"]
        out.append((f"peak RSS, 1 worker, {int(n):,} docs", f"{peak:.0f} MB", f"< {goal} MB", _verdict(peak < goal)))
    if len(sizes) >= 2:
        growth = rss[sizes[-1]]["peak_rss_mb"] / rss[sizes[0]]["peak_rss_mb"]
        goal = targets["rss_growth"]
        label = f"peak RSS {int(sizes[-1]):,} / {int(sizes[0]):,} docs"
        out.append((label, f"{growth:.2f}", f"≤ {goal}", _verdict(growth <= goal)))
    return out


def stage_shares(res: dict[str, Any]) -> dict[str, float]:
    """Share of the 1-worker pipeline's CPU seconds per stage; `runner + start-up` is what remains around the steps."""
    stages = (res.get("stages") or {}).get("seconds") or {}
    if not stages:
        return {}
    total = sum(stages.values())
    w1 = res.get("w1_html")
    pipeline = (w1 or {}).get("cpu_s", 0.0)
    if pipeline > total:
        stages = {**stages, "runner + start-up": pipeline - total}
        total = pipeline
    order = [*STAGE_ORDER, *sorted(set(stages) - set(STAGE_ORDER))]  # pipeline order, whatever the JSON's order
    return {name: stages[name] / total for name in order if name in stages}


def markdown(res: dict[str, Any], targets: dict[str, float]) -> str:
    lines = [
        "# newsbeam benchmark: latest run",
        "",
        f"Corpus: {res['docs']:,} generated news pages of ~60 KB (bench/corpus.py, seed {res['seed']}), "
        f"run {res['started'][:16]}Z to {res['finished'][11:16]}Z on {res['machine']['cpus']} cores shared with "
        "other jobs. docs/s are wall-clock, end to end (process start to last file written, for newsbeam and "
        "datatrove alike); compare the ratios, which were measured in the same run.",
        "",
        "| measure | value | target | verdict |",
        "| --- | --- | --- | --- |",
    ]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows(res, targets)]
    if res.get("notes"):
        lines += ["", "## Notes on this run", ""] + [f"- {note}" for note in res["notes"]]
    shares = stage_shares(res)
    if shares:
        lines += ["", "## Where the 1-worker time goes", "", "| stage | share |", "| --- | --- |"]
        lines += [f"| {name} | {share:.1%} |" for name, share in shares.items()]
        lines += [
            "",
            "Stage times are CPU seconds of newsbeam's pure step functions run in-process over the same corpus "
            "(bench/stages.py; one-time set-up such as spaCy's tokenizers and the gazetteer counts in its stage); "
            "`runner + start-up` is the 1-worker pipeline's CPU seconds minus their sum.",
        ]
    loads = [
        (name, value["load_before"], value["load_after"])
        for name, value in res.items()
        if isinstance(value, dict) and "load_before" in value
    ]
    loads += [(f"rss {n}", v["load_before"], v["load_after"]) for n, v in (res.get("rss") or {}).items()]
    if loads:
        lines += ["", "## Machine load (1-minute load average before → after each measurement)", ""]
        lines += [f"- {name}: {before:.1f} → {after:.1f}" for name, before, after in loads]
    return "\n".join(lines) + "\n"


def chart(res: dict[str, Any], path: str) -> bool:
    shares = stage_shares(res)
    if not shares:
        return False
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(shares)[::-1]
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.barh(names, [shares[n] * 100 for n in names], color="#3b75af")
    for i, name in enumerate(names):
        ax.text(shares[name] * 100 + 0.5, i, f"{shares[name]:.1%}", va="center", fontsize=8)
    ax.set_xlabel("share of 1-worker CPU time (%)")
    ax.set_title(f"newsbeam stage breakdown, {res['docs']:,} docs")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True


def write(res: dict[str, Any], folder: str, targets: dict[str, float]) -> str:
    text = markdown(res, targets)
    if chart(res, os.path.join(folder, "stages.png")):
        text += "\n![stage breakdown](stages.png)\n"
    with open(os.path.join(folder, "latest.md"), "w") as f:
        f.write(text)
    return text
