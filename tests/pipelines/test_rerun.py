"""Idempotent reruns and crash safety of the real backfill CLI.

A run is killed with a real SIGKILL in the middle of writing a Parquet file (the process kills itself right after
pyarrow wrote a row group into a temp file, which is as mid-write as it gets and never flaky), readers are checked
to see only complete files, and the rerun must complete the table and clean up.
"""

from __future__ import annotations

import dataclasses
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


@dataclasses.dataclass
class KilledRun:
    inputs: pathlib.Path
    out: pathlib.Path
    records: int
    killed: subprocess.CompletedProcess
    temp_after_kill: set[str]
    visible_after_kill: dict[str, int]  # Parquet files a reader could see after the kill, and their row counts
    manifest_after_kill: bool
    rerun: subprocess.CompletedProcess


@pytest.fixture(scope="module")
def killed_run(tmp_path_factory):
    """A backfill killed with SIGKILL mid-write, the state it left, then the same backfill rerun to completion."""
    base = tmp_path_factory.mktemp("killed")
    inputs, out = base / "inputs", base / "out"
    records = make_inputs(inputs)
    env = {**os.environ, "KILL_AT_WRITE": str(KILL_AT_WRITE)}
    cmd = [sys.executable, "-c", KILLER, "--input", str(inputs), "--output", str(out)]
    killed = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False)
    temps = temp_files(out)
    # What DuckDB's and pyarrow's globs of any table read; a partial file would fail to open here.
    visible = {str(p.relative_to(out)): pq.ParquetFile(p).metadata.num_rows for p in sorted(out.rglob("*.parquet"))}
    manifest = (out / "_manifest.json").exists()
    rerun = run_backfill(inputs, out)
    return KilledRun(inputs, out, records, killed, temps, visible, manifest, rerun)


def test_sigkill_mid_write_leaves_only_complete_files(killed_run):
    assert killed_run.killed.returncode == -signal.SIGKILL, killed_run.killed.stderr[-3000:]
    assert killed_run.temp_after_kill, "the kill should leave a half-written temp file behind"
    assert killed_run.visible_after_kill, "files completed before the kill should be visible"
    assert all(rows > 0 for rows in killed_run.visible_after_kill.values())
    assert not killed_run.manifest_after_kill


def test_rerun_after_sigkill_completes_the_table(killed_run):
    out = killed_run.out
    assert killed_run.rerun.returncode == 0, killed_run.rerun.stderr[-3000:]
    rows = articles(out)
    manifest = json.loads((out / "_manifest.json").read_text())
    assert manifest["balanced"] and manifest["records_in"] == killed_run.records
    assert len(rows) == manifest["articles_out"] == len({doc_id for doc_id, _ in rows}) > 10
    assert not temp_files(out)
    for name in killed_run.visible_after_kill:  # files of the killed run were replaced by the rerun's
        assert (out / name).exists()


def test_rerun_replaces_its_files_and_removes_stale_ones(killed_run, tmp_path):
    assert killed_run.rerun.returncode == 0
    inputs, ref_out = killed_run.inputs, killed_run.out
    ref_rows = articles(ref_out)
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
    duplicated = pq.ParquetFile(article_file).metadata.num_rows
    assert len(articles(out)) == len(ref_rows) + 3 * duplicated  # the planted copies double rows before the rerun

    proc = run_backfill(inputs, out)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert pq.ParquetFile(other_run).metadata.num_rows == duplicated
    other_run.unlink()
    assert articles(out) == ref_rows  # the same doc_ids and content, no duplicates
    assert files(out) == files(ref_out)
    manifest = json.loads((out / "_manifest.json").read_text())
    assert manifest["stale_files_removed"] == 4 and manifest["balanced"]
    assert manifest["articles_out"] == len(ref_rows)
