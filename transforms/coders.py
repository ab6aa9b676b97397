"""A compact coder for newsbeam's records between Beam stages.

Records (RawDoc, Doc, DeadLetter) have no Beam type, so Beam encodes them with FastPrimitivesCoder, which pickles
objects it does not know. The local runner keeps every stage's encoded output in memory until the next stage
has consumed it, and copies it for each extra consumer; on a 20,000-page backfill that held ~1 GB of pickled
articles (bench/README.md). Article text compresses about 2.5x with zlib at level 1 for ~0.1 ms per record, so
large pickles are stored compressed. On Dataflow the same coder makes shuffles smaller.

Spilling (the backfill turns it on for the local runners, `--no-spill` turns it off): the local runner holds
every grouping and every buffer between stages in memory, so a backfill's memory grew with its input (~40 KB per
article at 20,000 pages). With NEWSBEAM_SPILL_DIR set, large records are appended uncompressed to a file of this
process in that folder, and only a reference (offset, length, file) travels through the runner. Readers in other
processes of the same machine (the multi-process runner's workers) open the file by its name. Dataflow never
spills: its workers do not share a disk, and its shuffle keeps data on disk anyway.

`register()` makes it Beam's fallback for values without a registered coder; primitives, strings, tuples and
dicts are still encoded by FastPrimitivesCoder itself, only the pickled objects change.
"""

from __future__ import annotations

import os
import pickle
import struct
import threading
import zlib
from typing import Any

from apache_beam import coders
from apache_beam.coders.typecoders import registry

COMPRESS_FROM_BYTES = 1024  # smaller pickles (dead letters, keys) gain little and would pay the zlib call
ZLIB_LEVEL = 1  # fastest level: ~2.5x on article text; higher levels gain ~10 % more for 3-5x the time
_RAW, _ZLIB, _SPILLED = b"p", b"z", b"s"
SPILL_ENV = "NEWSBEAM_SPILL_DIR"
_REF = struct.Struct("<QI")  # offset and length of a spilled record in its file


class _Spill:
    """This process's append-only spill file, and read handles of the spill files of any process."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.owner = -1  # the pid that opened `writer`; a forked child opens its own file
        self.folder = ""  # each run spills to its own folder; a second run in this process opens a new file
        self.writer: Any = None
        self.path = b""
        self.readers: dict[bytes, int] = {}

    def write(self, folder: str, data: bytes) -> bytes:
        with self.lock:
            if self.owner != os.getpid() or self.folder != folder:
                if self.writer is not None and self.owner == os.getpid():
                    self.writer.close()
                name = os.path.join(folder, f"spill-{os.getpid()}.bin")
                self.writer, self.path = open(name, "ab"), os.fsencode(name)  # noqa: SIM115
                self.owner, self.folder = os.getpid(), folder
            offset = self.writer.tell()
            self.writer.write(data)
            self.writer.flush()  # readers use their own handle
            return _SPILLED + _REF.pack(offset, len(data)) + self.path

    def close(self) -> None:
        """Closes this process's spill file and read handles (their folder is about to be removed)."""
        with self.lock:
            if self.writer is not None and self.owner == os.getpid():
                self.writer.close()
            self.writer, self.owner, self.folder = None, -1, ""
            for fd in self.readers.values():
                os.close(fd)
            self.readers.clear()

    def read(self, ref: memoryview) -> bytes:
        offset, length = _REF.unpack_from(ref)
        path = bytes(ref[_REF.size :])
        fd = self.readers.get(path)
        if fd is None:
            fd = self.readers[path] = os.open(path, os.O_RDONLY)
        return os.pread(fd, length, offset)


_spill = _Spill()


def close_spill() -> None:
    _spill.close()


def encode_object(value: Any) -> bytes:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    if len(data) < COMPRESS_FROM_BYTES:
        return _RAW + data
    folder = os.environ.get(SPILL_ENV)
    if folder:  # a local file in the page cache: compressing (~0.12 ms a record) would only save disk space
        return _spill.write(folder, _RAW + data)
    return _ZLIB + zlib.compress(data, ZLIB_LEVEL)


def decode_object(data: bytes) -> Any:
    if data[:1] == _SPILLED:
        data = _spill.read(memoryview(data)[1:])
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
