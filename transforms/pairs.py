"""Distinct pairs of 64-bit numbers in numpy arrays: the accumulator of combiners that would otherwise group one
Python tuple per article and key.

On the local runner a grouping keeps its values as Python objects until its whole input has arrived: ~100-300
bytes per (key, value) entry. Repeated-line counting (a few pairs per paragraph) and LSH banding (33 buckets per
article) held most of what a backfill's memory still grew by per article; as pairs of numbers they take 16 bytes.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

COMPACT_PAIRS = 100_000  # pairs collected before they are deduplicated into the array (~1.6 MB as numbers)


class DistinctPairs:
    """Distinct (a, b) pairs of uint64: a sorted array of unique rows plus pairs not compacted yet."""

    __slots__ = ("done", "pending")

    def __init__(self) -> None:
        self.done = np.empty((0, 2), dtype=np.uint64)
        self.pending: list[tuple[int, int]] = []

    def add(self, pairs: Iterable[tuple[int, int]]) -> DistinctPairs:
        self.pending.extend(pairs)
        return self.compact() if len(self.pending) >= COMPACT_PAIRS else self

    def compact(self) -> DistinctPairs:
        if self.pending:
            fresh = np.array(self.pending, dtype=np.uint64).reshape(-1, 2)
            self.done = np.unique(np.concatenate([self.done, fresh]), axis=0)  # sorted by a, then b
            self.pending = []
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
        self.done, self.pending = done, []
