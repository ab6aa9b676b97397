"""The real backfill CLI on the hostile corpus (tests/hostile.py): no crash, nothing lost, nothing outside the output.

Run `make hostile` for the same table with the default limits (a 3 GB gzip bomb); here the decompression limit is
lowered so the bombs cost a fraction of a second.
"""

from __future__ import annotations

import json
import os
import re

import duckdb
import pyarrow.parquet as pq
import pytest

from tests.hostile import ACCENTED, MB, format_table, outcome_table, run_backfill, write_corpus

TEST_DECOMPRESSED_LIMIT = 256 * MB  # the bombs expand to 1 GB: 4x past this limit, cheap to inflate in a test
PARTITION = re.compile(r"^published_date=(\d{4}-\d{2}-\d{2}|__HIVE_DEFAULT_PARTITION__)/language=[a-z]{2,3}(-\w+)?$")


def snapshot(folder) -> set[str]:
    return {os.path.relpath(os.path.join(d, f), folder) for d, _, files in os.walk(folder) for f in files}


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    sandbox = tmp_path_factory.mktemp("hostile")
    inputs, out, cwd = sandbox / "inputs", sandbox / "out", sandbox / "cwd"
    cases = write_corpus(inputs, bomb_bytes=1024 * MB)
    cwd.mkdir()
    before = snapshot(sandbox)
    # Run from inside the sandbox, so a relative path built from data ("../../etc") would land where we look.
    proc = run_backfill(inputs, out, f"--max-decompressed-bytes={TEST_DECOMPRESSED_LIMIT}", cwd=cwd)
    return sandbox, cases, out, proc, before


def test_hostile_corpus_never_crashes_and_loses_nothing(hostile_run):
    _, cases, out, proc, _ = hostile_run
    assert proc.returncode == 0, proc.stderr[-3000:]
    table = outcome_table(cases, out)
    print("\n" + format_table(table))
    assert [o.kind for o in table if o.problems] == [], format_table(table)
    manifest = json.loads((out / "_manifest.json").read_text())
    assert manifest["balanced"] and manifest["records_in"] == sum(c.records for c in cases)
    assert manifest["articles_out"] == sum(o.articles for o in table)
    assert manifest["dead_letters"] == sum(o.dead for o in table)


def test_every_charset_decodes_to_the_same_text(hostile_run):
    _, _, out, _, _ = hostile_run
    rows = duckdb.sql(
        f"SELECT input_uri, text FROM read_parquet('{out}/articles/**/*.parquet', hive_partitioning = true)"
    ).fetchall()
    texts = {os.path.basename(uri): text for uri, text in rows}
    for name in ("cp1252.txt", "cp1252-declared.html", "utf16-bom.txt", "utf16-nobom.txt", "utf16-declared.html"):
        assert ACCENTED.split(" a blow")[0] in texts[name], name
    for name in ("latin1.txt", "latin1-declared.html"):
        assert "Café owners in Münster" in texts[name] and "crème brûlée" in texts[name], name


def test_impossible_dates_are_rejected_not_used(hostile_run):
    _, _, out, _, _ = hostile_run
    rows = duckdb.sql(
        f"SELECT input_uri, published_date, published_at, date_rejected FROM read_parquet("
        f"'{out}/articles/**/*.parquet', hive_partitioning = true) "
        f"WHERE input_uri LIKE '%dates.jsonl%' OR input_uri LIKE '%bad-date.html'"
    ).fetchall()
    assert len(rows) == 11
    for uri, date, at, rejected in rows:
        assert rejected, uri  # the impossible candidate is recorded, never silently dropped
        if "dates.jsonl" in uri:  # the JSONL field was the only date evidence
            assert date is None and at is None, (uri, date)
        else:
            assert "unparseable:2026-02-30" in rejected


def test_nothing_is_written_outside_the_output_folder(hostile_run):
    sandbox, _, out, proc, before = hostile_run
    assert proc.returncode == 0
    created = snapshot(sandbox) - before
    assert created and all(path.startswith("out" + os.sep) for path in created), sorted(created)[:20]
    for table in ("articles", "entity_mentions"):
        partitions = {os.path.relpath(d, out / table) for d, _, files in os.walk(out / table) if files}
        assert partitions and all(PARTITION.match(p) for p in partitions), partitions
    names = {os.path.basename(p) for p in created}
    expected = re.compile(r"part-[0-9a-f]{12}-\d{3}-\d{4}\.parquet|_manifest\.json|report\.html")
    assert all(expected.fullmatch(n) for n in names), names
    for path in created:  # every visible file is complete Parquet that a reader can open
        if path.endswith(".parquet"):
            assert pq.ParquetFile(sandbox / path).metadata.num_rows > 0


def test_a_reader_bug_costs_one_unit_not_the_run(tmp_path, monkeypatch):
    """An unexpected exception half-way through a file: the records read so far go on, the rest is a dead letter."""
    import apache_beam as beam
    from apache_beam.options.pipeline_options import PipelineOptions
    from apache_beam.testing.test_pipeline import TestPipeline
    from apache_beam.testing.util import assert_that, equal_to

    from transforms import read
    from transforms.common import DEAD

    (tmp_path / "a.jsonl").write_text('{"text": "one"}\n{"text": "two"}\n', "utf-8")
    real = read.read_unit

    def buggy(unit, *args):
        for record in real(unit, *args):
            yield record
            raise MemoryError("a bug in a reader")

    monkeypatch.setattr(read, "read_unit", buggy)
    with TestPipeline(options=PipelineOptions(["--runner=FnApiRunner"])) as p:
        out = p | read.ReadInputs([str(tmp_path)])
        assert_that(read.all_records(out) | beam.Map(lambda r: r.uri.rsplit("/", 1)[1]), equal_to(["a.jsonl#line=1"]))
        dead = out[DEAD] | beam.Map(lambda d: (d.stage, d.reason, d.error))
        assert_that(dead, equal_to([("read", "read_error", "MemoryError: a bug in a reader")]), label="dead")
