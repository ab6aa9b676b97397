"""`crawled_at` (schema 1.3): a WARC record's WARC-Date lands in its own UTC column, read back with pyarrow and
DuckDB, and is never used as the publication date; inputs that carry no crawl time leave it null."""

from __future__ import annotations

import datetime as dt
import json

import duckdb
import pyarrow as pa
import pyarrow.dataset as ds
import pytest

from pipelines import backfill
from schemas.articles import ARTICLE_SCHEMA, SCHEMA_VERSION
from tests.feed_server import article_page, article_text
from transforms import warc

CRAWLED = dt.datetime(2025, 5, 6, 7, 8, 9, tzinfo=dt.UTC)
PUBLISHED = dt.datetime(2024, 1, 10, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))  # 07:00 UTC


def undated_page(name: str) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in article_text(name))
    return f"<html><head><title>{name}</title></head><body><article>{paragraphs}</article></body></html>".encode()


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    folder = tmp_path_factory.mktemp("crawl")
    records = [
        warc.info_record(CRAWLED),
        warc.html_record("https://news.example/dated", article_page("harbour dated", PUBLISHED), CRAWLED),
        warc.html_record("https://news.example/story", undated_page("harbour undated"), CRAWLED),
    ]
    warc.write_warc(str(folder / "crawl.warc.gz"), records, gzipped=True)
    line = {"url": "https://news.example/j", "text": "\n\n".join(article_text("harbour jsonl")), "title": "J"}
    (folder / "feed.jsonl").write_text(json.dumps(line) + "\n")
    out = folder / "out"
    manifest = backfill.main(["--input", str(folder / "crawl.warc.gz"), "--input", str(folder / "feed.jsonl"),
                              "--output", str(out)])  # fmt: skip
    assert manifest["balanced"] and manifest["articles_out"] == 3
    return out


def test_schema_adds_crawled_at_as_a_utc_timestamp():
    assert SCHEMA_VERSION == "1.3.0"
    field = ARTICLE_SCHEMA.field("crawled_at")
    assert field.type == pa.timestamp("us", tz="UTC") and field.nullable
    assert ARTICLE_SCHEMA.names[-1] == "crawled_at"  # added at the end, nothing moved


def test_pyarrow_reads_the_warc_date_as_crawled_at_not_as_published_at(output):
    table = ds.dataset(output / "articles", format="parquet", partitioning="hive").to_table()
    assert table.schema.field("crawled_at").type == pa.timestamp("us", tz="UTC")
    rows = {r["url"]: r for r in table.to_pylist()}
    dated, undated, jsonl = (
        rows["https://news.example/dated"],
        rows["https://news.example/story"],
        rows["https://news.example/j"],
    )
    assert dated["crawled_at"] == CRAWLED and dated["published_at"] == PUBLISHED.astimezone(dt.UTC)
    assert undated["crawled_at"] == CRAWLED
    assert undated["published_at"] is None and undated["date_source"] is None  # the crawl date is no fallback
    assert jsonl["crawled_at"] is None and jsonl["schema_version"] == "1.3.0"


def test_duckdb_reads_crawled_at_as_timestamptz(output):
    rows = duckdb.sql(
        "SELECT url, typeof(crawled_at), epoch(crawled_at), CAST(published_date AS VARCHAR) FROM read_parquet("
        f"'{output}/articles/**/*.parquet', hive_partitioning = true) ORDER BY url"
    ).fetchall()
    assert rows == [
        ("https://news.example/dated", "TIMESTAMP WITH TIME ZONE", CRAWLED.timestamp(), "2024-01-10"),
        ("https://news.example/j", "TIMESTAMP WITH TIME ZONE", None, None),
        ("https://news.example/story", "TIMESTAMP WITH TIME ZONE", CRAWLED.timestamp(), None),
    ]
