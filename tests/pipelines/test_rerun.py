"""Idempotent reruns and crash safety of the real backfill CLI.

A run is killed with a real SIGKILL in the middle of writing a Parquet file (the process kills itself right after
pyarrow wrote a row group into a temp file, which is as mid-write as it gets and never flaky), readers are checked
to see only complete files, and the rerun must complete the table and clean up.
"""

from __future__ import annotations

import json
import os
import pathlib
import shutil
import signal
import subprocess
import sys

import duckdb
import pyarrow.parquet as pq
import pytest

from pipelines.backfill import run_key
from tests.conftest import ROOT, SAMPLES, write_bad_inputs
from tests.hostile import run_backfill

KILL_AT_WRITE = 4  # the 4th Parquet write of the run: 3 files are complete and renamed, the 4th is half-written
KILLER = """
import os, signal, sys
import pyarrow.parquet as pq
from pipelines import backfill

calls = [0]
original = pq.ParquetWriter.write_table

def write_then_die(self, *args, **kwargs):
    original(self, *args, **kwargs)
    calls[0] += 1
    if calls[0] == int(os.environ["KILL_AT_WRITE"]):
        os.kill(os.getpid(), signal.SIGKILL)

pq.ParquetWriter.write_table = write_then_die
backfill.main(sys.argv[1:])
"""


def make_inputs(folder: pathlib.Path) -> int:
    """Good and bad inputs spread over several date partitions; returns the number of records."""
    counts = write_bad_inputs(folder)
    for path in sorted((SAMPLES / "text").glob("*.txt")):
        shutil.copy(path, folder / path.name)
    shutil.copy(SAMPLES / "jsonl" / "wire.jsonl", folder / "wire.jsonl")
    wire = sum(1 for line in (SAMPLES / "jsonl" / "wire.jsonl").read_text("utf-8").splitlines() if line.strip())
    return sum(counts.values()) + len(list((SAMPLES / "text").glob("*.txt"))) + wire


def articles(out: pathlib.Path) -> list[tuple[str, str]]:
    return sorted(
        duckdb.sql(
            f"SELECT doc_id, content_hash FROM read_parquet('{out}/articles/**/*.parquet', hive_partitioning = true)"
        ).fetchall()
    )


def files(out: pathlib.Path) -> set[str]:
    return {str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()}


def temp_files(out: pathlib.Path) -> set[str]:
    return {f for f in files(out) if f.endswith(".inprogress")}


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """One complete run: its inputs, output, record count and articles."""
    base = tmp_path_factory.mktemp("reference")
    inputs = base / "inputs"
    records = make_inputs(inputs)
    proc = run_backfill(inputs, base / "out")
    assert proc.returncode == 0, proc.stderr[-3000:]
    return inputs, base / "out", records, articles(base / "out")


def test_reference_run_is_complete(reference):
    _, out, records, rows = reference
    manifest = json.loads((out / "_manifest.json").read_text())
    assert manifest["balanced"] and manifest["records_in"] == records
    assert len(rows) == manifest["articles_out"] == len({doc_id for doc_id, _ in rows}) > 10
    assert manifest["stale_files_removed"] == 0 and not temp_files(out)


def test_rerun_replaces_its_files_and_removes_stale_ones(reference, tmp_path):
    inputs, ref_out, _, ref_rows = reference
    out = tmp_path / "out"
    shutil.copytree(ref_out, out)
    key = run_key([str(inputs)])
    article_file = sorted((out / "articles").rglob(f"part-{key}-*.parquet"))[0]
    dead_file = sorted((out / "dead_letter").glob(f"part-{key}-*.parquet"))[0]
    gone_partition = out / "articles" / "published_date=1999-01-01" / "language=en"
    gone_partition.mkdir(parents=True)
    stale = {
        article_file.parent / f"part-{key}-000-0007.parquet": article_file,  # an earlier run wrote more seq files
        out / "dead_letter" / f"part-{key}-000-0003.parquet": dead_file,  # dead letters that no longer occur
        gone_partition / f"part-{key}-001-0000.parquet": article_file,  # a partition that no longer occurs
    }
    for target, source in stale.items():
        shutil.copy(source, target)
    leftover = article_file.parent / f".part-{key}-002-0005.parquet.inprogress"  # a killed run's temp file
    leftover.write_bytes(b"PAR1 half a file")
    other_run = article_file.parent / "part-0123456789ab-000-0000.parquet"  # another backfill's file: kept
    shutil.copy(article_file, other_run)
    assert len(articles(out)) == len(ref_rows) + 2 * pq.ParquetFile(article_file).metadata.num_rows + len(
        articles_of(other_run)
    )

    proc = run_backfill(inputs, out)
    assert proc.returncode == 0, proc.stderr[-3000:]
    other_rows = articles_of(other_run)
    other_run.unlink()
    assert articles(out) == ref_rows  # the same doc_ids and content, no duplicates
    assert files(out) == files(ref_out)
    manifest = json.loads((out / "_manifest.json").read_text())
    assert manifest["stale_files_removed"] == 4 and manifest["balanced"]
    assert manifest["articles_out"] == len(ref_rows) and other_rows


def articles_of(path: pathlib.Path) -> list:
    return pq.read_table(path, columns=["doc_id"]).column("doc_id").to_pylist()


def test_sigkill_mid_write_leaves_only_complete_files_and_rerun_completes(reference, tmp_path):
    inputs, _, records, ref_rows = reference
    out = tmp_path / "out"
    env = {**os.environ, "KILL_AT_WRITE": str(KILL_AT_WRITE)}
    cmd = [sys.executable, "-c", KILLER, "--input", str(inputs), "--output", str(out)]
    killed = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-3000:]

    assert temp_files(out), "the kill should leave a half-written temp file behind"
    visible = sorted(out.glob("articles/**/*.parquet")) + sorted(out.glob("dead_letter/*.parquet"))
    assert visible, "files completed before the kill should be visible"
    for path in visible:  # every file a reader can see is a complete Parquet file
        assert pq.ParquetFile(path).metadata.num_rows > 0
    seen = duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}/articles/**/*.parquet')").fetchall()[0][0]
    assert seen <= len(ref_rows) and not (out / "_manifest.json").exists()

    proc = run_backfill(inputs, out)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert articles(out) == ref_rows and not temp_files(out)
    manifest = json.loads((out / "_manifest.json").read_text())
    assert manifest["balanced"] and manifest["records_in"] == records
