"""Idempotent reruns and crash recovery of a batch run's output files.

A backfill names its files `part-<run_key>-<shard>-<seq>.parquet`, where the run key is a hash of its `--input`
values. Rerunning the same backfill writes the same names, and each file replaces its old version with an atomic
rename. What the new run did not write (fewer sequence files, partitions that no longer occur, dead letters that
are gone, hidden `.part-*.inprogress` temp files left by a killed run) is removed once the run has written all
its files, so the output then holds exactly the rerun's rows: no duplicates, no stale rows.

Files of other run keys (other backfills into the same output) and streaming files (`part-<key>-w<window>-...`)
are never touched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from apache_beam.io.filesystems import FileSystems

# The batch writer's names: `part-<key>-<shard>-<seq>.parquet`, and `.<same>.inprogress` while being written.
_RUN_FILE = r"^\.?part-{key}-\d{{3}}-\d{{4}}\.parquet(?:\.inprogress)?$"


def run_files(root: str, run_key: str) -> list[str]:
    """Every file of this run key under ROOT (any table, finished or temporary)."""
    pattern = re.compile(_RUN_FILE.format(key=re.escape(run_key)))
    try:
        found = FileSystems.match([FileSystems.join(root, "**")])[0].metadata_list
    except Exception:  # a missing output folder has no files; Beam raises for some file systems
        return []
    return sorted(m.path for m in found if pattern.match(m.path.rsplit("/", 1)[-1]))


def _relative(root: str, path: str) -> str:
    root = root.rstrip("/") + "/"
    return path[len(root) :] if path.startswith(root) else path


def remove_stale(root: str, run_key: str, written: Iterable[str]) -> list[str]:
    """Deletes this run key's files that are not in `written`; returns what it deleted (relative to ROOT)."""
    keep = {_relative(root, p) for p in written}
    stale = [p for p in run_files(root, run_key) if _relative(root, p) not in keep]
    if stale:
        FileSystems.delete(stale)
    return [_relative(root, p) for p in stale]
