"""newsbeam benchmark: throughput, stage breakdown, scaling, memory and the datatrove baseline, in one run.

python -m bench.run --docs 2000 --rss-docs 2000,20000      (what `make bench` runs; see the Makefile for variables)

Every measurement runs in a fresh child process on the same seeded corpus (bench/corpus.py). Absolute docs/s
depend on how busy the machine is, so the report leads with ratios measured in the same run, and records the
load average beside each measurement.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import threading
import time
from typing import Any

import psutil

from bench.corpus import ensure_corpus

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
RESULTS = os.path.join(HERE, "results")
WORK = os.path.join(HERE, ".work")  # corpora and outputs; gitignored, reused between runs
DATATROVE_PYTHON = os.path.join(HERE, ".venv-datatrove", "bin", "python")
RSS_SAMPLE_S = 0.1  # sampling period of the process-tree RSS; peaks shorter than this can be missed
STAGES = ("read", "decode", "extract", "clean", "metadata", "language", "entities", "dedup", "write")

TARGETS = {
    "pipeline_vs_bare": 0.75,
    "newsbeam_vs_datatrove": 1.2,
    "speedup_2_workers": 1.7,
    "rss_growth": 1.2,
    "rss_max_mb": 1536,
}


class TreeSampler:
    """Samples the summed RSS of a process and all its descendants until stopped; keeps the peak."""

    def __init__(self, pid: int) -> None:
        self.root = psutil.Process(pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                return
            total = 0
            for proc in procs:
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    continue
            self.peak = max(self.peak, total)
            self._stop.wait(RSS_SAMPLE_S)

    def __enter__(self) -> TreeSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._stop.set()
        self._thread.join()


def run_child(cmd: list[str], label: str) -> dict[str, Any]:
    """Runs a command, returns wall seconds, peak tree RSS (MB), load average around it and its last JSON line."""
    load_before = os.getloadavg()[0]
    cpu_before = _children_cpu()
    started = time.perf_counter()
    log_path = os.path.join(WORK, f"{label}.log")
    with open(log_path, "w") as log:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=log, text=True, env=child_env())
        with TreeSampler(proc.pid) as sampler:
            out, _ = proc.communicate()
    seconds = time.perf_counter() - started
    cpu_s = _children_cpu() - cpu_before
    if proc.returncode != 0:
        raise SystemExit(f"bench: {label} failed (exit {proc.returncode}); see {log_path}")
    result: dict[str, Any] = {}
    for line in reversed(out.strip().splitlines()):
        if line.startswith("{"):
            result = json.loads(line)
            break
    result.update(
        wall_s=seconds,
        cpu_s=cpu_s,
        peak_rss_mb=sampler.peak / 2**20,
        load_before=load_before,
        load_after=os.getloadavg()[0],
    )
    print(
        f"  {label}: {seconds:.1f} s wall, {cpu_s:.1f} s CPU, peak RSS {result['peak_rss_mb']:.0f} MB, "
        f"load {load_before:.1f}",
        flush=True,
    )
    return result


def _children_cpu() -> float:
    """CPU seconds (user + system) of every finished child process and their reaped descendants."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def child_env() -> dict[str, str]:
    env = dict(os.environ, NO_GCE_CHECK="true", PYTHONHASHSEED="0")
    env["PYTHONPATH"] = ROOT + os.pathsep + env.get("PYTHONPATH", "")
    return env


def html_files(folder: str) -> list[str]:
    return sorted(os.path.join(d, f) for d, _, files in os.walk(folder) for f in files if f.endswith(".html"))


# --- child measurements (run as `python -m bench.run child-...`) ---------------------------------------------


def child_bare(html_dir: str, fast: bool = False) -> dict[str, Any]:
    """Bare trafilatura.extract in a plain loop: the floor of an extraction-bound pipeline. With its defaults, or
    with `fast=True` (no readability/justext comparison), the setting of newsbeam's first extraction pass."""
    import trafilatura

    paths = html_files(html_dir)
    started = time.perf_counter()
    extracted = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            extracted += trafilatura.extract(f.read(), fast=fast) is not None
    seconds = time.perf_counter() - started
    return {"docs": len(paths), "extracted": extracted, "seconds": seconds}


def child_stages(html_dir: str, out_dir: str) -> dict[str, Any]:
    """Times newsbeam's pure step functions over the corpus in-process, one stage at a time, plus the writer."""
    from bench import stages

    return stages.time_stages(html_files(html_dir), out_dir)


# --- orchestration -----------------------------------------------------------------------------------------------


def newsbeam_cmd(inputs: list[str], output: str, workers: int, extra: tuple[str, ...] = ()) -> list[str]:
    cmd = [sys.executable, "-m", "pipelines.backfill", "--output", output, *extra]
    for item in inputs:
        cmd += ["--input", item]
    if workers > 1:
        cmd += ["--direct_running_mode=multi_processing", f"--direct_num_workers={workers}"]
    return cmd


def run_newsbeam(inputs: list[str], label: str, workers: int = 1, extra: tuple[str, ...] = ()) -> dict[str, Any]:
    output = os.path.join(WORK, "out", label)
    shutil.rmtree(output, ignore_errors=True)
    result = run_child(newsbeam_cmd(inputs, output, workers, extra), label)
    with open(os.path.join(output, "_manifest.json")) as f:
        manifest = json.load(f)
    result.update(articles=manifest["articles_out"], records=manifest["records_in"], balanced=manifest["balanced"])
    return result


def run_datatrove(corpus_dir: str, label: str, fmt: str) -> dict[str, Any] | None:
    if not os.path.exists(DATATROVE_PYTHON):
        print("  datatrove: bench/.venv-datatrove is missing (make bench creates it); skipped")
        return None
    output = os.path.join(WORK, "out", label)
    shutil.rmtree(output, ignore_errors=True)
    cmd = [DATATROVE_PYTHON, os.path.join(HERE, "datatrove_run.py"), "--input", corpus_dir, "--format", fmt]
    result = run_child([*cmd, "--output", output], label)
    steps = result.pop("stats", [])
    result["articles"] = next((s["stats"].get("total", 0) for s in steps if "WRITER" in s.get("name", "")), 0)
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="newsbeam benchmark")
    parser.add_argument("--docs", type=int, default=2000, help="corpus size for throughput and scaling")
    parser.add_argument("--rss-docs", default="2000,20000", help="corpus sizes for peak RSS, comma-separated")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip", default="", help="comma-separated parts to skip: bare,stages,w1,w2,rss,datatrove")
    parser.add_argument(
        "--add-rss",
        metavar="N=JSON",
        action="append",
        default=[],
        help="re-render bench/results from latest.json plus a peak-RSS run measured separately (no new runs)",
    )
    parser.add_argument("--merge", action="store_true", help="keep latest.json's other measurements (partial runs)")
    args = parser.parse_args(argv)
    if args.add_rss:
        return rerender(args.add_rss)
    skip = set(filter(None, args.skip.split(",")))
    os.makedirs(WORK, exist_ok=True)
    corpora = os.path.join(WORK, "corpus")
    print(f"bench: corpus of {args.docs} docs (seed {args.seed})", flush=True)
    corpus = ensure_corpus(args.docs, corpora, args.seed)
    corpus_dir = os.path.dirname(corpus["jsonl"])
    res: dict[str, Any] = {}
    if args.merge and os.path.exists(os.path.join(RESULTS, "latest.json")):
        with open(os.path.join(RESULTS, "latest.json")) as f:
            res = json.load(f)
        if res.get("docs") != args.docs:
            raise SystemExit(f"bench: --merge needs the same --docs as latest.json ({res.get('docs')})")
    res.update(docs=args.docs, seed=args.seed, started=res.get("started") or dt.datetime.now(dt.UTC).isoformat())
    py = sys.executable
    if "bare" not in skip:
        res["bare"] = run_child([py, "-m", "bench.run", "child-bare", corpus["html"]], "bare")
        res["bare_fast"] = run_child([py, "-m", "bench.run", "child-bare-fast", corpus["html"]], "bare_fast")
    if "stages" not in skip:
        out = os.path.join(WORK, "out", "stages")
        shutil.rmtree(out, ignore_errors=True)
        res["stages"] = run_child([py, "-m", "bench.run", "child-stages", corpus["html"], out], "stages")
    if "w1" not in skip:
        res["w1_html"] = run_newsbeam([corpus["html"]], "newsbeam_1w_html")
        res["w1_jsonl"] = run_newsbeam([corpus["jsonl"]], "newsbeam_1w_jsonl")
        res["w1_fast"] = run_newsbeam([corpus["html"]], "newsbeam_1w_fast", extra=("--extract-fast",))
        res["w1_serial"] = run_newsbeam([corpus["html"]], "newsbeam_1w_serial", extra=("--no-extract-overlap",))
    if "w2" not in skip:
        res["w2_html"] = run_newsbeam([corpus["html"]], "newsbeam_2w_html", workers=2)
        res["w2_serial"] = run_newsbeam(
            [corpus["html"]], "newsbeam_2w_serial", workers=2, extra=("--no-extract-overlap",)
        )
    if "datatrove" not in skip:
        res["datatrove_jsonl"] = run_datatrove(corpus_dir, "datatrove_1w_jsonl", "jsonl")
    if "rss" not in skip:
        res.setdefault("rss", {})
        for n in (int(x) for x in args.rss_docs.split(",") if x):
            rss_corpus = ensure_corpus(n, corpora, args.seed)
            res["rss"][str(n)] = run_newsbeam([rss_corpus["html"]], f"newsbeam_rss_{n}")
    res["finished"] = dt.datetime.now(dt.UTC).isoformat()
    res["machine"] = {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()}
    publish(res)


def publish(res: dict[str, Any]) -> None:
    from bench import report

    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, "latest.json"), "w") as f:
        json.dump(res, f, indent=2, sort_keys=True)
    print(report.write(res, RESULTS, TARGETS))


def rerender(extra: list[str]) -> None:
    """Adds peak-RSS runs measured by a separate (long) invocation to latest.json and writes the report again."""
    with open(os.path.join(RESULTS, "latest.json")) as f:
        res = json.load(f)
    for item in extra:
        n, _, path = item.partition("=")
        with open(path) as f:
            res.setdefault("rss", {})[str(int(n))] = json.load(f)
    publish(res)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] in ("child-bare", "child-bare-fast"):
        print(json.dumps(child_bare(sys.argv[2], fast=sys.argv[1].endswith("fast"))))
    elif len(sys.argv) > 1 and sys.argv[1] == "child-stages":
        print(json.dumps(child_stages(sys.argv[2], sys.argv[3])))
    else:
        main()
