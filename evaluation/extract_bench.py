"""trafilatura settings side by side on the HTML gold pages: snippet F1 and time per page.

python -m evaluation.extract_bench [--gold tests/gold] [--inputs tests/gold/inputs] [--repeat N]

Scores the bare extraction of each setting (no newsbeam cleaning) and newsbeam's `extract_html` followed by the
clean step, with the must_keep / must_drop snippets of the gold files (see `evaluation.scoring.snippet_f1`).
"""

from __future__ import annotations

import argparse
import pathlib
import time
from collections.abc import Callable

import trafilatura

from evaluation.scoring import f1, load_gold, snippet_f1
from transforms.clean import apply_rules
from transforms.extract import CONFIG, extract_html

SETTINGS: dict[str, dict] = {
    "default": {},
    "favor_precision": {"favor_precision": True},
    "favor_recall": {"favor_recall": True},
    "fast (no fallbacks)": {"fast": True},
}


def _bare(kwargs: dict) -> Callable[[str], str]:
    return lambda html: trafilatura.extract(html, deduplicate=False, config=CONFIG, **kwargs) or ""


def _newsbeam(html: str) -> str:
    return apply_rules(extract_html(html)["text"])[0]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m evaluation.extract_bench")
    parser.add_argument("--gold", default="tests/gold")
    parser.add_argument("--inputs", action="append", default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    dirs = [pathlib.Path(d) for d in (args.inputs or ["tests/gold/inputs"])]
    pages = []
    for g in load_gold(args.gold):
        path = next((d / g["input"] for d in dirs if (d / g["input"]).is_file()), None)
        if g.get("format") == "html" and path is not None:
            pages.append((g, path.read_text("utf-8", errors="replace")))
    runs = {name: _bare(kwargs) for name, kwargs in SETTINGS.items()}
    runs["newsbeam (extract + clean)"] = _newsbeam
    print(f"{len(pages)} HTML gold pages")
    print(f"{'setting':<28} {'F1':>6} {'kept':>7} {'leaked':>7} {'ms/page':>8}")
    for name, fn in runs.items():
        tp = fn_ = fp = 0
        for g, html in pages:
            a, b, c = snippet_f1(fn(html), g)
            tp, fn_, fp = tp + a, fn_ + b, fp + c
        started = time.perf_counter()
        for _ in range(args.repeat):
            for _, html in pages:
                fn(html)
        ms = 1000 * (time.perf_counter() - started) / max(1, args.repeat * len(pages))
        print(f"{name:<28} {f1(tp, fn_, fp) or 0:>6.3f} {tp:>3}/{tp + fn_:<3} {fp:>7} {ms:>8.1f}")


if __name__ == "__main__":
    main()
