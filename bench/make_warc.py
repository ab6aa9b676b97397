"""Builds WARC files from the project's own pages: the bundled sample and synthetic corpora for tests and benchmarks.

python -m bench.make_warc sample                     # samples/warc/sample.warc.gz (what `make run` reads)
python -m bench.make_warc corpus OUT.warc.gz -n 1000 # N small synthetic news pages, one gzip member per record
"""

from __future__ import annotations

import argparse
import datetime as dt
import pathlib
import random

from transforms.warc import html_record, info_record, request_record, write_warc

ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLE_HTML = ROOT / "samples" / "html"
SAMPLE_WARC = ROOT / "samples" / "warc" / "sample.warc.gz"
CRAWL_DATE = dt.datetime(2026, 4, 20, 6, 0, tzinfo=dt.UTC)  # a fixed crawl time keeps the sample reproducible
# where each bundled page was "crawled" from; the pages carry their own canonical links and dates
SAMPLE_URLS = {
    "harbour-cleanup.html": "https://www.coastalcourier.example/news/2026/03/14/harbour-cleanup",
    "rail-strike-de.html": "https://www.nordkurier.example/wirtschaft/2026/02/03/bahnstreik",
}
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)  # an image the crawler also fetched; skipped as not HTML

NOT_FOUND = b"<html><head><title>Not found</title></head><body><h1>404</h1><p>This page has moved.</p></body></html>"


def sample_records() -> list[bytes]:
    """warcinfo, request + response for each sample page, an image, and an HTML 404 (a dead letter by design)."""
    records = [info_record(CRAWL_DATE)]
    for name, url in sorted(SAMPLE_URLS.items()):
        records.append(request_record(url, CRAWL_DATE))
        records.append(html_record(url, (SAMPLE_HTML / name).read_bytes(), CRAWL_DATE))
    logo = "https://www.coastalcourier.example/logo.png"
    records.append(html_record(logo, PNG, CRAWL_DATE, content_type="image/png"))
    records.append(html_record("https://www.coastalcourier.example/old-page", NOT_FOUND, CRAWL_DATE, status=404))
    return records


TOPICS = ("council budget", "harbour cleanup", "rail strike", "library opening", "storm damage", "school funding")
WORDS = ("officials", "said", "the", "plan", "would", "take", "effect", "after", "a", "vote", "on", "Tuesday")


def synthetic_page(i: int, rng: random.Random) -> tuple[str, bytes, dt.datetime]:
    """A small, unique news page (about 1 KB) with a title, a date and three paragraphs."""
    day = dt.date(2025, 1, 1) + dt.timedelta(days=i % 365)
    topic = TOPICS[i % len(TOPICS)]
    paragraphs = "".join(
        "<p>" + " ".join(rng.choice(WORDS) for _ in range(40)) + f" Story {i} paragraph {p}.</p>" for p in range(3)
    )
    html = (
        f"<html><head><title>{topic.title()} update {i}</title>"
        f'<meta property="article:published_time" content="{day.isoformat()}T09:00:00+00:00"></head>'
        f"<body><article><h1>{topic.title()} update {i}</h1>{paragraphs}</article></body></html>"
    )
    url = f"https://news{i % 7}.example/{day.isoformat().replace('-', '/')}/story-{i}"
    crawled = dt.datetime.combine(day, dt.time(12), dt.UTC) + dt.timedelta(days=1)
    return url, html.encode("utf-8"), crawled


def corpus_records(n: int, seed: int = 7) -> list[bytes]:
    """A warcinfo record and `n` HTML responses of distinct synthetic pages."""
    rng = random.Random(seed)
    records = [info_record(CRAWL_DATE)]
    for i in range(n):
        url, html, crawled = synthetic_page(i, rng)
        records.append(html_record(url, html, crawled))
    return records


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    sub.add_parser("sample", help=f"write {SAMPLE_WARC.relative_to(ROOT)}")
    corpus = sub.add_parser("corpus", help="write N synthetic pages")
    corpus.add_argument("out")
    corpus.add_argument("-n", type=int, default=1000)
    corpus.add_argument("--plain", action="store_true", help="uncompressed .warc instead of per-record gzip")
    args = parser.parse_args(argv)
    if args.what == "sample":
        SAMPLE_WARC.parent.mkdir(parents=True, exist_ok=True)
        write_warc(str(SAMPLE_WARC), sample_records(), gzipped=True)
        print(SAMPLE_WARC)
    else:
        write_warc(args.out, corpus_records(args.n), gzipped=not args.plain)
        print(args.out)


if __name__ == "__main__":
    main()
