"""Archive backfills end to end: a generated 1,000-record WARC and the bundled samples, single- and multi-process."""

from __future__ import annotations

import gzip
import shutil

import duckdb
import pyarrow.dataset as ds
import pytest

from bench.make_warc import SAMPLE_WARC, corpus_records
from pipelines import backfill
from tests.conftest import SAMPLES, write_bad_inputs
from transforms import warc

CORPUS = 1000


def parquet_rows(folder) -> list[dict]:
    if not folder.exists():
        return []
    return ds.dataset(folder, format="parquet", partitioning="hive").to_table().to_pylist()


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """1,000 HTML responses, one of them in a damaged gzip member, and the last one cut short."""
    folder = tmp_path_factory.mktemp("archive")
    members = [gzip.compress(r, mtime=0) for r in corpus_records(CORPUS)]  # members[0] is warcinfo
    bad = bytearray(members[500])
    bad[30:60] = bytes(30)  # zeroes inside the deflate stream of one record
    members[500] = bytes(bad)
    data = b"".join(members)
    (folder / "cc-news.warc.gz").write_bytes(data[:-20])
    shutil.copy(SAMPLE_WARC, folder / "sample.warc.gz")
    return folder


def test_thousand_record_warc_rows_plus_dead_letters_equal_records_in(archive, tmp_path):
    out = tmp_path / "out"
    manifest = backfill.main(["--input", str(archive), "--output", str(out), "--split-bytes=60000"])
    records_in = CORPUS + 3  # + the sample's two articles and its 404 page
    articles = duckdb.sql(
        f"SELECT count(*), count(DISTINCT doc_id) FROM read_parquet('{out}/articles/**/*.parquet', "
        "hive_partitioning = true)"
    ).fetchall()
    dead = duckdb.sql(
        f"SELECT reason, count(*) FROM read_parquet('{out}/dead_letter/*.parquet') GROUP BY reason ORDER BY reason"
    ).fetchall()
    assert dead == [("corrupt_compression", 1), ("http_status", 1), ("truncated_record", 1)]
    assert articles[0][0] + sum(n for _, n in dead) == records_in
    assert articles == [(records_in - 3, records_in - 3)]
    assert manifest["records_in"] == records_in and manifest["balanced"]
    offsets = duckdb.sql(
        f"SELECT input_uri FROM read_parquet('{out}/dead_letter/*.parquet') WHERE reason = 'corrupt_compression'"
    ).fetchall()
    expected = sum(len(gzip.compress(r, mtime=0)) for r in corpus_records(CORPUS)[:500])
    assert offsets == [(f"{archive}/cc-news.warc.gz#offset={expected}",)]


@pytest.fixture(scope="module")
def mixed_inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mixed")
    for name in ("text", "html", "jsonl", "warc"):
        shutil.copytree(SAMPLES / name, folder / name)
    write_bad_inputs(folder / "bad")
    warc.write_warc(str(folder / "warc" / "small.warc"), corpus_records(12), gzipped=False)  # ~1.3 KB each: 4 ranges
    return folder


def comparable(out) -> tuple[list[dict], list[tuple]]:
    rows = sorted(parquet_rows(out / "articles"), key=lambda r: r["doc_id"])
    for row in rows:
        row.pop("ingested_at")
    dead = sorted((d["input_uri"], d["stage"], d["reason"]) for d in parquet_rows(out / "dead_letter"))
    return rows, dead


def test_multi_process_run_writes_the_same_rows_as_the_single_process_run(mixed_inputs, tmp_path):
    args = ["--input", str(mixed_inputs), "--split-bytes=4000"]
    single = backfill.main([*args, "--output", str(tmp_path / "single")])
    multi = backfill.main(
        [
            *args,
            "--output",
            str(tmp_path / "multi"),
            "--direct_running_mode=multi_processing",  # pickles every DoFn like a remote worker does
            "--direct_num_workers=2",
        ]
    )
    assert single["balanced"] and multi["balanced"] and single["records_in"] == multi["records_in"] > 30
    rows_single, dead_single = comparable(tmp_path / "single")
    rows_multi, dead_multi = comparable(tmp_path / "multi")
    assert len(rows_single) == single["articles_out"] and dead_single
    assert [r["doc_id"] for r in rows_multi] == [r["doc_id"] for r in rows_single]
    assert rows_multi == rows_single
    assert dead_multi == dead_single
