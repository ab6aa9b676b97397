"""Distinct pairs of 64-bit numbers in numpy arrays: the accumulator of combiners that would otherwise group one
Python tuple per article and key.

On the local runner a grouping keeps its values as Python objects until its whole input has arrived: ~100-300
bytes per (key, value) entry. Repeated-line counting (a few pairs per paragraph) and LSH banding (33 buckets per
article) held most of what a backfill's memory still grew by per article; as pairs of numbers they take 16 bytes.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

CHUNK_PAIRS = 4_096  # pairs kept as Python tuples (~128 bytes each) before they become an array (16 bytes each)


class DistinctPairs:
    """Distinct (a, b) pairs of uint64: a sorted array of unique rows, arrays of pairs not deduplicated yet, and a
    short list of pairs not yet in an array.

    The unsorted arrays are deduplicated into `done` once they hold as many rows as it (so sorting stays
    O(n log n) overall). LSH banding keeps 33 of these accumulators, one per band: with a list of up to 100,000
    tuples each, they held ~90 MB at 20,000 pages (bench/README.md)."""

    __slots__ = ("chunk_rows", "chunks", "done", "pending")

    def __init__(self) -> None:
        self.done = np.empty((0, 2), dtype=np.uint64)
        self.chunks: list[np.ndarray] = []
        self.chunk_rows = 0
        self.pending: list[tuple[int, int]] = []

    def add(self, pairs: Iterable[tuple[int, int]]) -> DistinctPairs:
        self.pending.extend(pairs)
        if len(self.pending) >= CHUNK_PAIRS:
            self._to_chunk()
            if self.chunk_rows >= len(self.done):
                self.compact()
        return self

    def _to_chunk(self) -> None:
        if self.pending:
            self.chunks.append(np.array(self.pending, dtype=np.uint64).reshape(-1, 2))
            self.chunk_rows += len(self.pending)
            self.pending = []

    def compact(self) -> DistinctPairs:
        self._to_chunk()
        if self.chunks:
            self.done = np.unique(np.concatenate([self.done, *self.chunks]), axis=0)  # sorted by a, then b
            self.chunks, self.chunk_rows = [], 0
        return self

    @classmethod
    def merged(cls, accs: Iterable[DistinctPairs]) -> DistinctPairs:
        out = cls()
        arrays = [acc.compact().done for acc in accs]
        if arrays:
            out.done = np.unique(np.concatenate([out.done, *arrays]), axis=0)
        return out

    def __getstate__(self):
        return self.compact().done

    def __setstate__(self, done) -> None:
        self.done, self.chunks, self.chunk_rows, self.pending = done, [], 0, []
