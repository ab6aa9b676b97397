"""Schema evolution: files written by an older schema version read with the current one (added columns as null)."""

from __future__ import annotations

import datetime as dt

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipelines.query import reader, run_query
from schemas.articles import ARTICLE_SCHEMA
from schemas.tables import dataset, table
from tests.warehouse_data import write_output

# What an older writer knew: the current schema less the columns added since (dedup's, word_count, crawled_at).
ADDED_SINCE = (
    "word_count", "content_hash", "cluster_id", "cluster_size", "is_representative", "boilerplate_removed",
    "crawled_at",
)  # fmt: skip


def old_schema() -> pa.Schema:
    stored = table("articles").file_schema
    return pa.schema([f for f in stored if f.name not in ADDED_SINCE], metadata={"newsbeam.schema_version": "0.9.0"})


def write_old_file(root) -> None:
    schema = old_schema()
    folder = root / "articles" / "published_date=2026-03-01" / "language=en"
    folder.mkdir(parents=True)
    row = {f.name: None for f in schema}
    row.update(
        doc_id="old1",
        input_uri="file:///old/1.txt",
        text="An article from an older run",
        source="Old Gazette",
        authors=["A. Writer"],
        entities=[{"text": "Kyiv", "label": "GPE", "start": 0, "end": 4, "entity_id": "Q1899", "name": "Kyiv"}],
        ingested_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
        schema_version="0.9.0",
    )
    pq.write_table(pa.Table.from_pylist([row], schema=schema), folder / "part-old-000-0000.parquet")


def test_old_files_have_fewer_columns_than_the_current_schema(tmp_path):
    write_old_file(tmp_path)
    [path] = (tmp_path / "articles").rglob("*.parquet")
    stored = pq.read_schema(path).names
    assert set(ADDED_SINCE) & set(ARTICLE_SCHEMA.names) == set(ADDED_SINCE)
    assert not set(ADDED_SINCE) & set(stored)


def test_pyarrow_dataset_with_the_current_schema_reads_old_and_new_files(tmp_path):
    write_old_file(tmp_path)
    write_output(tmp_path)
    got = dataset(str(tmp_path), "articles").to_table()
    assert got.schema.names == ARTICLE_SCHEMA.names and got.num_rows == 13
    assert got.schema.field("published_date").type == pa.date32()
    old = got.filter(pc.equal(got["doc_id"], "old1")).to_pylist()[0]
    assert all(old[c] is None for c in ADDED_SINCE)
    assert old["published_date"] == dt.date(2026, 3, 1) and old["language"] == "en"
    assert old["entities"][0]["name"] == "Kyiv" and old["source"] == "Old Gazette"
    new = got.filter(pc.equal(got["doc_id"], "doc001")).to_pylist()[0]
    assert new["cluster_id"] == "wire1" and new["cluster_size"] == 4 and new["word_count"] == 60


def test_duckdb_union_by_name_reads_old_and_new_files(tmp_path):
    write_old_file(tmp_path)
    write_output(tmp_path)
    rows = duckdb.sql(
        "SELECT doc_id, cluster_id, word_count, schema_version, published_date"
        f" FROM {reader(str(tmp_path), 'articles')} ORDER BY doc_id"
    ).fetchall()
    assert len(rows) == 13
    assert rows[-1] == ("old1", None, None, "0.9.0", dt.date(2026, 3, 1))
    # the ready queries keep working over the mix
    _, langs = run_query("languages", str(tmp_path))
    assert {r[0]: r[1] for r in langs}["en"] == 9
    _, clusters = run_query("syndicated_clusters", str(tmp_path))
    assert [r[0] for r in clusters] == ["wire1", "pair"]


def test_dead_letters_written_by_an_older_version_read_too(tmp_path):
    current = table("dead_letter")
    schema = pa.schema([f for f in current.schema if f.name != "excerpt"])
    (tmp_path / "dead_letter").mkdir()
    row = {"input_uri": "file:///x", "stage": "read", "reason": "too_large", "error": "big", "ingested_at": None,
           "schema_version": "0.9.0"}  # fmt: skip
    pq.write_table(pa.Table.from_pylist([row], schema=schema), tmp_path / "dead_letter" / "part-old-000-0000.parquet")
    got = dataset(str(tmp_path), "dead_letter").to_table().to_pylist()
    assert got == [{**row, "excerpt": None}]
