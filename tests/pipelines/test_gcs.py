"""gs:// in and out against a real GCS protocol server: WARC in a bucket -> Parquet partitions in the bucket."""

from __future__ import annotations

import json

import duckdb
import pyarrow.dataset as ds
import pytest
from pyarrow import fs as pafs

from bench.make_warc import SAMPLE_WARC, corpus_records
from pipelines import backfill
from tests.gcs_emulator import gcs_emulator, upload
from transforms import warc
from transforms.read import expand_input, plan_reads, read_unit

BUCKET = "newsbeam-test"
CORPUS = 12  # synthetic pages: enough for several ranges and partitions, quick to extract


@pytest.fixture(scope="module")
def gcs(tmp_path_factory):
    with gcs_emulator(BUCKET) as endpoint:
        corpus = tmp_path_factory.mktemp("warc") / "corpus.warc.gz"
        warc.write_warc(str(corpus), corpus_records(CORPUS), gzipped=True)
        upload(BUCKET, "archive/2026/sample.warc.gz", SAMPLE_WARC.read_bytes())
        upload(BUCKET, "archive/2026/corpus.warc.gz", corpus.read_bytes())
        upload(BUCKET, "archive/2026/cut.warc.gz", corpus.read_bytes()[:-25])  # its last record is truncated
        yield endpoint


def test_warc_ranges_are_read_from_a_bucket(gcs):
    paths = expand_input(f"gs://{BUCKET}/archive/")
    assert paths == [f"gs://{BUCKET}/archive/2026/{n}.warc.gz" for n in ("corpus", "cut", "sample")]
    units = list(plan_reads(paths[0], split_bytes=2000))
    assert len(units) > 3
    docs = [r for u in units for r in read_unit(u) if hasattr(r, "body")]
    assert len(docs) == CORPUS and docs[0].uri == f"{paths[0]}#offset={units[0].spans[1].offset}"


def test_round_trip_warc_in_bucket_to_parquet_in_bucket(gcs):
    out = f"gs://{BUCKET}/newsbeam"
    manifest = backfill.main(
        [f"--input=gs://{BUCKET}/archive/**", f"--output={out}", "--split-bytes=3000", "--runner=FnApiRunner"]
    )
    # in: 12 + 12 (11 read, 1 truncated) + 3 from the sample (2 articles, one 404 page)
    assert manifest["records_in"] == 2 * CORPUS + 3 and manifest["balanced"]
    assert manifest["dead_letters_by_reason"] == {"read/http_status": 1, "read/truncated_record": 1}

    gcsfs = pafs.GcsFileSystem(anonymous=True, scheme="http", endpoint_override=gcs)
    table = ds.dataset(f"{BUCKET}/newsbeam/articles", filesystem=gcsfs, format="parquet", partitioning="hive")
    articles = table.to_table()
    assert articles.num_rows == manifest["articles_out"] == 2 * CORPUS - 1 + 2
    rows = duckdb.sql(
        "SELECT CAST(published_date AS VARCHAR) AS day, count(*) AS n, count(DISTINCT url) AS urls "
        "FROM articles WHERE url LIKE 'https://news%' GROUP BY day ORDER BY day LIMIT 1"
    ).fetchall()
    assert rows == [("2025-01-01", 2, 1)]  # the page of 1 Jan is in both copies of the corpus
    sample = duckdb.sql(
        "SELECT url, input_uri FROM articles WHERE input_uri LIKE '%sample.warc.gz#offset=%' ORDER BY url"
    ).fetchall()
    assert [u for u, _ in sample] == [
        "https://www.coastalcourier.example/news/2026/03/14/harbour-cleanup",
        "https://www.nordkurier.example/wirtschaft/2026/02/03/bahnstreik",
    ]
    dead = ds.dataset(f"{BUCKET}/newsbeam/dead_letter", filesystem=gcsfs, format="parquet").to_table()
    assert sorted(dead.column("reason").to_pylist()) == ["http_status", "truncated_record"]
    with gcsfs.open_input_stream(f"{BUCKET}/newsbeam/_manifest.json") as f:
        assert json.loads(f.read())["articles_out"] == articles.num_rows
    listing = gcsfs.get_file_info(pafs.FileSelector(f"{BUCKET}/newsbeam", recursive=True))
    assert not [i.path for i in listing if ".inprogress" in i.path]  # every temporary file was renamed
