"""The BigQuery tables' `uris` match finished Parquet files only: never the writer's in-progress files (a run still
writing, or one killed mid-write) nor the manifests. Checked on a real output folder, with BigQuery's wildcard rule
(one `*` per URI, matching any characters, `/` included), against every object a bucket holding that folder lists."""

from __future__ import annotations

import pathlib

import pytest

from schemas.articles import ARTICLE_SCHEMA, DEAD_LETTER_SCHEMA, file_schema
from schemas.bigquery import PARQUET_SUFFIX, ddl, table_uri_pattern
from schemas.tables import tables
from tests.warehouse_data import INGESTED, sample_dead, sample_docs, write_output
from transforms.write import ROWS_PER_GROUP, article_row, dead_letter_row, write_parquet_files

BUCKET = "gs://bucket/newsbeam"


def bigquery_matches(pattern: str, uri: str) -> bool:
    """BigQuery's Cloud Storage wildcard: one `*`, matching any run of characters, across folders."""
    assert pattern.count("*") == 1, pattern  # BigQuery allows one wildcard per URI
    head, tail = pattern.split("*")
    return uri.startswith(head) and uri.endswith(tail) and len(uri) >= len(head) + len(tail)


def killed_mid_write(folder: pathlib.Path, rows: list[dict], schema) -> None:
    """The real writer, stopped after its first row group: its hidden in-progress file stays behind."""

    def rows_then_crash():
        yield from rows
        raise RuntimeError("worker killed")

    folder.mkdir(parents=True, exist_ok=True)
    with pytest.raises(RuntimeError):
        write_parquet_files(str(folder), "part-killed-000", rows_then_crash(), schema)


def test_every_table_uri_matches_finished_parquet_only(tmp_path):
    root = tmp_path
    write_output(root)
    partition = root / "articles" / "published_date=2026-03-01" / "language=en"
    article = article_row(sample_docs()[0], INGESTED)
    killed_mid_write(partition, [article] * ROWS_PER_GROUP, file_schema(ARTICLE_SCHEMA))
    dead = dead_letter_row(sample_dead()[0], INGESTED)
    killed_mid_write(root / "dead_letter", [dead] * ROWS_PER_GROUP, DEAD_LETTER_SCHEMA)
    (root / "_manifest.json").write_text("{}")
    (root / "._manifest.json.inprogress").write_text("{")
    (root / "_manifests").mkdir()
    (root / "_manifests" / "s1-w20260301T000000000.json").write_text("{}")
    objects = {f"{BUCKET}/{p.relative_to(root).as_posix()}" for p in root.rglob("*") if p.is_file()}
    assert len([o for o in objects if o.endswith(".inprogress")]) == 3  # two killed writers, the manifest's temp
    for table in tables():
        prefix = f"{BUCKET}/{table.name}"
        finished = {
            o for o in objects
            if o.startswith(prefix + "/") and o.endswith(PARQUET_SUFFIX) and not o.rsplit("/", 1)[1].startswith(".")
        }  # fmt: skip
        pattern = table_uri_pattern(prefix)
        assert f"uris = ['{pattern}']" in ddl(BUCKET + "/")  # the pattern the printed DDL holds
        assert {o for o in objects if bigquery_matches(pattern, o)} == finished, table.name
        if table.name in ("articles", "dead_letter"):
            assert finished  # real files, in Hive partition folders for articles
            stale = {o for o in objects if bigquery_matches(prefix + "/*", o)} - finished
            assert stale and all(o.endswith(".parquet.inprogress") for o in stale)  # what `prefix/*` also read
