"""A compact coder for newsbeam's records between Beam stages.

Records (RawDoc, Doc, DeadLetter) have no Beam type, so Beam encodes them with FastPrimitivesCoder, which pickles
objects it does not know. The local runner keeps every stage's encoded output in memory until the next stage
has consumed it, and copies it for each extra consumer; on a 20,000-page backfill that held ~1 GB of pickled
articles (bench/README.md). Article text compresses about 2.5x with zlib at level 1 for ~0.1 ms per record, so
large pickles are stored compressed. On Dataflow the same coder makes shuffles smaller.

`register()` makes it Beam's fallback for values without a registered coder; primitives, strings, tuples and
dicts are still encoded by FastPrimitivesCoder itself, only the pickled objects change.
"""

from __future__ import annotations

import pickle
import zlib
from typing import Any

from apache_beam import coders
from apache_beam.coders.typecoders import registry

COMPRESS_FROM_BYTES = 1024  # smaller pickles (dead letters, keys) gain little and would pay the zlib call
ZLIB_LEVEL = 1  # fastest level: ~2.5x on article text; higher levels gain ~10 % more for 3-5x the time
_RAW, _ZLIB = b"p", b"z"


def encode_object(value: Any) -> bytes:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    if len(data) < COMPRESS_FROM_BYTES:
        return _RAW + data
    return _ZLIB + zlib.compress(data, ZLIB_LEVEL)


def decode_object(data: bytes) -> Any:
    body = memoryview(data)[1:]
    return pickle.loads(zlib.decompress(body) if data[:1] == _ZLIB else body)


class CompressedPickleCoder(coders.Coder):
    """Pickle, zlib-compressed when large."""

    def encode(self, value: Any) -> bytes:
        return encode_object(value)

    def decode(self, encoded: bytes) -> Any:
        return decode_object(encoded)

    def is_deterministic(self) -> bool:
        return False  # pickles of equal objects may differ: never a grouping key

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other)

    def __hash__(self) -> int:
        return hash(type(self))


class RecordCoder(coders.FastPrimitivesCoder):
    """FastPrimitivesCoder whose fallback for unknown objects is the compressed pickle."""

    def __init__(self, fallback_coder: coders.Coder | None = None) -> None:
        super().__init__(fallback_coder or CompressedPickleCoder())

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self._fallback_coder == other._fallback_coder

    def __hash__(self) -> int:
        return hash((type(self), self._fallback_coder))


_registered = False


def register() -> None:
    """Makes RecordCoder Beam's fallback coder in this process (idempotent). Call before building a pipeline."""
    global _registered
    if not _registered:
        registry.register_fallback_coder(RecordCoder)
        _registered = True
