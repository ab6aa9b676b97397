"""The benchmark corpus is what the issue asks for: ~60 KB pages, 400-1,200-word articles, copies, three formats."""

from __future__ import annotations

import gzip
import json
import os

from fastwarc.warc import ArchiveIterator, WarcRecordType

from bench import corpus, report
from bench.run import TARGETS


def _pages(folder: str) -> list[str]:
    return sorted(os.path.join(d, f) for d, _, files in os.walk(folder) for f in files)


def test_corpus_shapes_and_formats(tmp_path):
    paths = corpus.generate(30, str(tmp_path / "c"), seed=3)
    pages = _pages(paths["html"])
    assert len(pages) == 30
    sizes = [os.path.getsize(p) for p in pages]
    assert all(50_000 <= s <= 70_000 for s in sizes), sizes
    with open(paths["jsonl"], encoding="utf-8") as f:
        lines = [json.loads(line) for line in f]
    assert len(lines) == 30 and all(line["html"].startswith("<!DOCTYPE html>") for line in lines)
    with gzip.open(paths["warc"]) as f:
        records = [r for r in ArchiveIterator(f, record_types=WarcRecordType.response)]
    assert len(records) == 30
    assert records[0].headers["WARC-Target-URI"] == lines[0]["url"]


def test_articles_have_realistic_length_languages_and_copies():
    stories = corpus.articles(400, seed=5)
    words = [sum(len(p.split()) for p in a.paragraphs) for a in stories if a.original_of is None]
    assert min(words) >= corpus.MIN_WORDS and max(words) <= corpus.MAX_WORDS + 150  # the last paragraph overshoots
    assert {a.outlet.language for a in stories} == {"en", "de", "fr", "es"}
    copies = [a for a in stories if a.original_of is not None]
    assert 20 <= len(copies) <= 70  # ~10 % of 400
    original = stories[copies[0].original_of]
    assert copies[0].outlet != original.outlet and copies[0].paragraphs[-1] == original.paragraphs[-1]


def test_same_seed_same_corpus(tmp_path):
    a = corpus.generate(5, str(tmp_path / "a"), seed=11)
    b = corpus.generate(5, str(tmp_path / "b"), seed=11)
    with open(a["jsonl"], "rb") as fa, open(b["jsonl"], "rb") as fb:
        assert fa.read() == fb.read()


def test_report_verdicts_follow_the_targets():
    res = {
        "docs": 100,
        "bare": {"seconds": 10.0},
        "w1_html": {"wall_s": 12.0},
        "w2_html": {"wall_s": 8.0},
        "rss": {"100": {"peak_rss_mb": 400.0}, "1000": {"peak_rss_mb": 600.0}},
    }
    verdicts = {name: verdict for name, _, _, verdict in report.rows(res, TARGETS)}
    assert verdicts["newsbeam 1 worker / bare loop"] == "met"  # 10/12 = 0.83
    assert verdicts["2 workers / 1 worker"] == "NOT met"  # 1.5
    assert verdicts["peak RSS 1,000 / 100 docs"] == "NOT met"  # 1.5
