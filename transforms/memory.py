"""Giving freed memory back to the operating system during local backfills.

On the local runners one process holds every grouping after the barrier (RepeatedLines), and the steps there
decode and re-encode whole documents. glibc's allocator keeps what they free in its heaps, so the resident size
grew with the input although live Python memory stayed flat (tracemalloc over a 2,000-page run, bench/README.md).
As Dask's workers do, a local backfill caps glibc's arenas, lowers its trim threshold, and trims the heaps at the
end of each bundle of the steps after the barrier; Arrow allocates from glibc too, so the trim covers the Parquet
writer. Elsewhere (other C libraries, macOS, Dataflow, where NEWSBEAM_TRIM is not set) `trim` does nothing.

Beam's SDK worker also keeps each finished bundle's output streams: a stage's bundle processor is cached for reuse,
and its output operations hold their last, closed stream, whose buffer (libc memory, up to Beam's 10 MB flush
size) is freed only when the next bundle of that stage replaces it. On the local runner every stage is one
bundle, so ~48 such buffers stayed for the whole run and grew with the input (~120 MB of the 20,000-page run's
growth, bench/README.md). A tuned run drops each stream once its operation has finished.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import os
from typing import Any

TRIM_ENV = "NEWSBEAM_TRIM"
# glibc mallopt parameters (malloc.h) and their values here
M_TRIM_THRESHOLD, M_ARENA_MAX = -1, -8
TRIM_THRESHOLD = 128 * 1024  # glibc's initial value; fixing it stops glibc raising it after large frees
ARENA_MAX = 2  # one per core of a small machine; the default (8 per core) keeps a heap per worker thread
ALLOCATOR_ENV = {"MALLOC_ARENA_MAX": str(ARENA_MAX), "MALLOC_TRIM_THRESHOLD_": str(TRIM_THRESHOLD)}


@functools.cache
def _glibc() -> Any:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return libc if libc is not None and hasattr(libc, "malloc_trim") and hasattr(libc, "mallopt") else None


_pools: list[Any] = []  # Arrow's pool before `tune`
_set_here: list[str] = []  # the variables `tune` set, which `untune` removes; a user's own settings stay


def tune() -> None:
    """Caps this process's allocator and marks the environment so that worker processes and `trim` follow."""
    for name, value in {TRIM_ENV: "1", **ALLOCATOR_ENV}.items():  # glibc reads its two when a worker starts
        if name not in os.environ:
            os.environ[name] = value
            _set_here.append(name)
    libc = _glibc()
    if libc is not None:
        libc.mallopt(M_ARENA_MAX, ARENA_MAX)
        libc.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD)
    import pyarrow

    _pools.append(pyarrow.default_memory_pool())
    pyarrow.set_memory_pool(pyarrow.system_memory_pool())  # Arrow's own pools (mimalloc here) keep freed pages
    release_output_streams()


def _drop_stream_after(finish: Any) -> Any:
    @functools.wraps(finish)
    def finish_and_drop(op: Any) -> None:
        finish(op)
        op.output_stream = None  # closed and sent; the next bundle sets a fresh one before it writes

    finish_and_drop.beam_finish = finish  # type: ignore[attr-defined]
    return finish_and_drop


def release_output_streams() -> None:
    """Makes Beam's output operations in this process let go of a bundle's stream once they have finished."""
    from apache_beam.runners.worker import bundle_processor

    op = bundle_processor.DataOutputOperation
    if not hasattr(op.finish, "beam_finish"):
        op.finish = _drop_stream_after(op.finish)


def keep_output_streams() -> None:
    from apache_beam.runners.worker import bundle_processor

    op = bundle_processor.DataOutputOperation
    op.finish = getattr(op.finish, "beam_finish", op.finish)


def untune() -> None:
    keep_output_streams()
    while _set_here:
        os.environ.pop(_set_here.pop(), None)
    if _pools:
        import pyarrow

        pyarrow.set_memory_pool(_pools[0])
        _pools.clear()


def trim() -> None:
    """Returns the free pages of glibc's heaps to the system, in a tuned (local) run only."""
    if os.environ.get(TRIM_ENV):
        release_output_streams()  # at once in a worker process of the multi-process runner; tune did this one
        libc = _glibc()
        if libc is not None:
            libc.malloc_trim(0)


class Trimmer:
    """Trims every `every` records inside a bundle as well as at its end: on the local runner a stage after the
    barrier is one bundle of every document, and its peak came from inside it."""

    every = 256  # records; a trim walks the heap in ~1 ms, so this costs under 4 us a record

    def __init__(self) -> None:
        self.seen = 0

    def tick(self) -> None:
        self.seen += 1
        if self.seen % self.every == 0:
            trim()
