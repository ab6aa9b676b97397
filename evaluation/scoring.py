"""Scorers: each takes the gold files and the output rows matched to them and returns named scores.

Gold files have the form of `tests/gold/*.json`: `input` (file name of the input, or `file.jsonl#line=N`),
`format`, `published_date`, `source`, `syndicator`, `language`, `must_keep` (sentences a clean text must keep),
`must_drop` (boilerplate it must not contain), `entities`. To add a scorer, write a function with the
`Scorer` signature and append it to `SCORERS`.
"""

from __future__ import annotations

import dataclasses
import json
import pathlib
import re
from collections.abc import Callable, Sequence
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds

_SPACE = re.compile(r"\s+")
_PARTITIONS = pa.schema([("published_date", pa.string()), ("language", pa.string())])  # transforms/write.py
_PUNCT = re.compile(r"[^\w\s]")


@dataclasses.dataclass(frozen=True)
class Score:
    name: str
    value: float | None  # None when no gold item applies
    hits: int
    total: int
    misses: tuple[str, ...] = ()  # what went wrong, for the detail listing

    def formatted(self) -> str:
        return "n/a" if self.value is None else f"{self.value:.4f}"


@dataclasses.dataclass(frozen=True)
class Case:
    """One gold file, the output row found for it (None when missing) and where its input lives."""

    gold: dict[str, Any]
    row: dict[str, Any] | None
    input_path: pathlib.Path | None = None


Scorer = Callable[[Sequence[Case]], list[Score]]


def flat(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def name_key(value: str | None) -> str | None:
    """Outlet names compare without case, punctuation or a leading "The" ("The Independent" == "Independent")."""
    if value is None:
        return None
    key = _SPACE.sub(" ", _PUNCT.sub(" ", value.casefold())).strip()
    return key.removeprefix("the ") or None


def ratio(name: str, hits: int, total: int, misses: list[str]) -> Score:
    return Score(name, hits / total if total else None, hits, total, tuple(misses))


def load_gold(folder: str | pathlib.Path) -> list[dict[str, Any]]:
    return [json.loads(p.read_text("utf-8")) for p in sorted(pathlib.Path(folder).glob("*.json"))]


def load_rows(output: str | pathlib.Path) -> list[dict[str, Any]]:
    folder = pathlib.Path(output) / "articles"
    if not folder.is_dir():
        return []
    # partition values are read as text: type inference fails when every article's date is null (only
    # __HIVE_DEFAULT_PARTITION__ folders) and would turn a date into a timestamp elsewhere
    partitioning = ds.HivePartitioning(_PARTITIONS, null_fallback="__HIVE_DEFAULT_PARTITION__")
    table = ds.dataset(folder, format="parquet", partitioning=partitioning).to_table()
    rows = table.to_pylist()
    for row in rows:
        date = row.get("published_date")
        row["published_date"] = None if date is None else str(date)
    return rows


def input_key(uri: str) -> str:
    return uri.replace("\\", "/").rsplit("/", 1)[-1]


def match_cases(
    gold: list[dict[str, Any]], rows: list[dict[str, Any]], input_dirs: Sequence[str | pathlib.Path] = ()
) -> list[Case]:
    by_input = {input_key(r["input_uri"]): r for r in rows}
    cases = []
    for g in gold:
        path = next(
            (pathlib.Path(d) / g["input"] for d in input_dirs if (pathlib.Path(d) / g["input"]).is_file()), None
        )
        cases.append(Case(g, by_input.get(g["input"]), path))
    return cases


def score_text(cases: Sequence[Case]) -> list[Score]:
    """must_keep sentence recall and must_drop leak rate over all gold sentences and snippets."""
    kept = keep_total = leaked = drop_total = 0
    keep_misses: list[str] = []
    leaks: list[str] = []
    for case in cases:
        text = flat(case.row["text"]) if case.row else ""
        for sentence in case.gold.get("must_keep", []):
            keep_total += 1
            if flat(sentence) in text:
                kept += 1
            else:
                keep_misses.append(f"{case.gold['input']}: {sentence[:90]}")
        for junk in case.gold.get("must_drop", []):
            drop_total += 1
            if case.row is not None and flat(junk) in text:
                leaked += 1
                leaks.append(f"{case.gold['input']}: {junk[:90]}")
    return [
        ratio("must_keep_recall", kept, keep_total, keep_misses),
        ratio("must_drop_leak_rate", leaked, drop_total, leaks),
    ]


def _field_accuracy(cases: Sequence[Case], field: str, key: Callable[[Any], Any]) -> Score:
    hits, misses = 0, []
    applicable = [c for c in cases if field in c.gold]
    for case in applicable:
        got = case.row.get(field) if case.row else "<missing row>"
        if case.row is not None and key(got) == key(case.gold[field]):
            hits += 1
        else:
            misses.append(f"{case.gold['input']}: want {case.gold[field]!r}, got {got!r}")
    return ratio(f"{field}_accuracy", hits, len(applicable), misses)


def score_metadata(cases: Sequence[Case]) -> list[Score]:
    """Date, source, syndicator and language accuracy (null must match null)."""
    return [
        _field_accuracy(cases, "published_date", lambda v: v),
        _field_accuracy(cases, "source", name_key),
        _field_accuracy(cases, "syndicator", name_key),
        _field_accuracy(cases, "language", lambda v: v),
    ]


def score_rows_present(cases: Sequence[Case]) -> list[Score]:
    present = [c for c in cases if c.row is not None]
    misses = [c.gold["input"] for c in cases if c.row is None]
    return [ratio("gold_rows_found", len(present), len(cases), misses)]


def snippet_f1(text: str, cases_gold: dict[str, Any]) -> tuple[int, int, int]:
    """(true positives, false negatives, false positives) of one text against must_keep / must_drop snippets."""
    flat_text = flat(text)
    tp = sum(flat(s) in flat_text for s in cases_gold.get("must_keep", []))
    fn = len(cases_gold.get("must_keep", [])) - tp
    fp = sum(flat(s) in flat_text for s in cases_gold.get("must_drop", []))
    return tp, fn, fp


def f1(tp: int, fn: int, fp: int) -> float | None:
    if tp + fn + fp == 0:
        return None
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score_html_vs_trafilatura(cases: Sequence[Case]) -> list[Score]:
    """Snippet F1 of our text on HTML gold pages next to bare trafilatura (defaults) on the same pages.

    The way trafilatura's own benchmark scores extraction: must_keep snippets found are true positives, missing
    ones false negatives, must_drop snippets found false positives.
    """
    import trafilatura  # only this scorer needs it

    ours = [0, 0, 0]
    bare = [0, 0, 0]
    worse: list[str] = []
    pages = [c for c in cases if c.gold.get("format") == "html" and c.input_path is not None]
    for case in pages:
        html = case.input_path.read_text("utf-8", errors="replace")
        bare_text = trafilatura.extract(html, deduplicate=False) or ""
        b = snippet_f1(bare_text, case.gold)
        o = snippet_f1(case.row["text"] if case.row else "", case.gold)
        for i in range(3):
            bare[i] += b[i]
            ours[i] += o[i]
        if (f1(*o) or 0.0) < (f1(*b) or 0.0):
            worse.append(f"{case.gold['input']}: ours {f1(*o):.3f} < bare {f1(*b):.3f}")
    n = len(pages)
    at_least = n - len(worse)
    return [
        Score("html_f1_ours", f1(*ours), ours[0], ours[0] + ours[1], ()),
        Score("html_f1_bare_trafilatura", f1(*bare), bare[0], bare[0] + bare[1], ()),
        Score("html_pages_ours_ge_bare", at_least / n if n else None, at_least, n, tuple(worse)),
    ]


def score_entities(cases: Sequence[Case]) -> list[Score]:
    """Entity recall, precision and alias grouping: evaluation/entities.py (imported here on use, as it imports
    this module)."""
    from evaluation.entities import score_entities as score

    return score(cases)


SCORERS: list[Scorer] = [
    score_rows_present,
    score_text,
    score_metadata,
    score_html_vs_trafilatura,
    score_entities,
]


def evaluate(
    output: str | pathlib.Path,
    gold_dir: str | pathlib.Path,
    input_dirs: Sequence[str | pathlib.Path] = (),
    scorers: Sequence[Scorer] = SCORERS,
) -> list[Score]:
    cases = match_cases(load_gold(gold_dir), load_rows(output), input_dirs)
    return [score for scorer in scorers for score in scorer(cases)]


def table(scores: Sequence[Score], details: bool = False) -> str:
    width = max(len(s.name) for s in scores) if scores else 10
    lines = [f"{'metric':<{width}}  {'value':>8}  {'hits/total':>11}", "-" * (width + 23)]
    for s in scores:
        lines.append(f"{s.name:<{width}}  {s.formatted():>8}  {f'{s.hits}/{s.total}':>11}")
        if details:
            lines.extend(f"    - {m}" for m in s.misses)
    return "\n".join(lines)
