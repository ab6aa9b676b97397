"""Entity tagging cost next to extraction cost, on the same pages in the same run (issue #4: at most a third).

Two sets of ~60 KB pages rendered with the corpus templates of bench/corpus.py:
- corpus: the seeded synthetic news pages of `make bench` (prose with names inserted);
- gold: the real article texts of samples/text and tests/gold/inputs (e_*.txt), dense with names, in the same
  page templates.
For each page: `trafilatura.extract(page)` is timed, then `tag_entities` on the text it extracted. Warm-up runs
first, so spaCy's and the gazetteer's one-off start-up (about 2 s per worker) is not counted per article.

python -m bench.entities_bench [--docs 200] [--model NAME]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import pathlib
import random
import statistics
import time

import trafilatura

from bench.corpus import OUTLETS, Article, articles, render
from transforms.entities import tag_entities

ROOT = pathlib.Path(__file__).resolve().parent.parent
TARGET_RATIO = 1 / 3  # the budget: tagging may cost at most a third of extraction per article


def gold_pages(seed: int) -> list[tuple[str, str]]:
    """(language, page) for every bundled and e_* gold text, in an English outlet's template."""
    rng = random.Random(seed)
    outlet = next(o for o in OUTLETS if o.language == "en")
    files = sorted((ROOT / "samples" / "text").glob("*.txt")) + sorted((ROOT / "tests/gold/inputs").glob("e_*.txt"))
    pages = []
    for n, path in enumerate(files):
        paragraphs = tuple(p for p in path.read_text("utf-8").split("\n\n") if p.strip())
        article = Article(
            n, outlet, f"https://www.{outlet.host}/gold/{n}", paragraphs[0][:90], "Anna Weber",
            dt.datetime(2026, 1, 1, tzinfo=dt.UTC), paragraphs,
        )  # fmt: skip
        pages.append(("en", render(rng, article)))
    return pages


def corpus_pages(docs: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    return [(a.outlet.language, render(rng, a)) for a in articles(docs, seed)]


@dataclasses.dataclass
class Timing:
    extract_ms: list[float] = dataclasses.field(default_factory=list)
    tag_ms: list[float] = dataclasses.field(default_factory=list)
    mentions: int = 0


def measure(pages: list[tuple[str, str]], model: str | None) -> Timing:
    timing = Timing()
    for language, page in pages:
        start = time.perf_counter()
        text = trafilatura.extract(page, deduplicate=False) or ""
        middle = time.perf_counter()
        timing.mentions += len(tag_entities(text, language, model))
        end = time.perf_counter()
        timing.extract_ms.append((middle - start) * 1000)
        timing.tag_ms.append((end - middle) * 1000)
    return timing


def report(name: str, timing: Timing) -> float:
    extract, tag = sum(timing.extract_ms), sum(timing.tag_ms)
    ratio = tag / extract if extract else float("nan")
    n = len(timing.extract_ms)
    print(
        f"{name:<8} pages {n:>4}  extract {extract / n:7.2f} ms/page"
        f" (median {statistics.median(timing.extract_ms):.2f})"
        f"  tag {tag / n:6.2f} ms/page (median {statistics.median(timing.tag_ms):.2f})"
        f"  mentions/page {timing.mentions / n:5.1f}  tag/extract {ratio:.3f}"
        f"  {'OK' if ratio <= TARGET_RATIO else 'OVER'} (<= {TARGET_RATIO:.3f})"
    )
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200, help="synthetic corpus pages")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--model", default=None, help="an installed spaCy model instead of the default tagger")
    args = parser.parse_args()
    sets = {"gold": gold_pages(args.seed), "corpus": corpus_pages(args.docs, args.seed)}
    for language in ("en", "de", "fr", "es"):  # warm-up: load each language's pipeline once
        tag_entities("Warm up in Berlin.", language, args.model)
    measure(sets["gold"][:3], args.model)
    print(f"tagger: {args.model or 'default (blank spaCy + EntityRuler + rules)'}")
    for name, pages in sets.items():
        report(name, measure(pages, args.model))


if __name__ == "__main__":
    main()
