"""Sources: expand paths, globs and folders (local or gs://) and turn each file into RawDoc records.

Supported: .txt, .html/.htm, .jsonl (one article per line), each optionally gzip-compressed, and WARC archives
(.warc, .warc.gz; see transforms/warc.py). Reading is bounded: a document larger than `max_doc_bytes` and a gzip
stream that expands past `max_decompressed_bytes` become dead letters instead of filling a worker's memory.

A big file is not one unit of work: a planning pass (`plan_reads`) cuts a WARC into ranges of records (from an index
of record offsets) and an uncompressed JSONL file into ranges of lines; the ranges are reshuffled across workers and
read independently (`read_unit`). Gzip has no random access (a reader cannot start inside a deflate stream without
inflating everything before it), so a .jsonl.gz (or a WARC gzipped as one member) stays one unit of work: one worker
inflates it from start to end. So that the costly steps after reading do not stay on that worker too (a runner fuses
them into the read), the records of a whole JSONL file are reshuffled (`SpreadRecords`) before they go on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import io
import json
import os
import re
import zlib
from collections.abc import Iterator
from typing import Any

import apache_beam as beam
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems
from apache_beam.metrics import Metrics
from apache_beam.pvalue import TaggedOutput

from schemas.record import DeadLetter, RawDoc
from transforms import warc
from transforms.common import DEAD, MAIN, Progress, dead_letter

STAGE = "read"
MAX_DOC_BYTES = 10 * 1024 * 1024  # a news article page is < 1 MB; 10 MB leaves room for inline images and junk
MAX_DECOMPRESSED_BYTES = 2 * 1024**3  # per file; stops gzip bombs while allowing multi-GB JSONL dumps
READ_CHUNK = 1024 * 1024  # streaming chunk for bounded reads
SPLIT_BYTES = warc.RANGE_BYTES  # uncompressed files larger than this are read as several ranges in parallel
SPREAD = "spread"  # output of records from a unit that holds a whole JSONL file: reshuffled in ReadInputs

FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
}
JSONL_FIELDS = ("url", "title", "published", "source", "authors", "language", "syndicator")
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")  # JSON may escape half a UTF-16 pair; UTF-8 cannot encode it


class ReadError(Exception):
    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def file_format(path: str) -> tuple[str | None, bool]:
    """(format, gzipped) from the file name; format is None for unsupported files."""
    name = path.lower()
    gzipped = name.endswith(".gz")
    if gzipped:
        name = name[:-3]
    return FORMATS.get(os.path.splitext(name)[1]), gzipped


def expand_input(pattern: str) -> list[str] | str:
    """Paths matched by a path, glob or folder; an error message when nothing matched."""
    if "://" not in pattern and os.path.isdir(pattern):
        pattern = os.path.join(pattern, "**")
    elif pattern.endswith("/"):
        pattern += "**"
    try:
        result = FileSystems.match([pattern])[0]
    except Exception as exc:  # a bad bucket or pattern is reported, not raised
        return f"{type(exc).__name__}: {exc}"
    paths = sorted(m.path for m in result.metadata_list if not os.path.basename(m.path).startswith("."))
    if "://" not in pattern:
        paths = [os.path.abspath(p) for p in paths if os.path.isfile(p)]
    return paths or "no file matched"


class _BoundedReader(io.RawIOBase):
    """Wraps a stream and fails once more than `limit` bytes have been read from it."""

    def __init__(self, raw: Any, limit: int) -> None:
        self.raw, self.limit, self.count = raw, limit, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.raw.read(len(buffer))
        self.count += len(data)
        if self.count > self.limit:
            raise ReadError("decompression_limit", f"expanded past {self.limit} bytes")
        buffer[: len(data)] = data
        return len(data)


def open_bounded(path: str, gzipped: bool, max_decompressed: int) -> io.BufferedReader:
    raw = FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED)
    if gzipped:
        raw = gzip.GzipFile(fileobj=raw, mode="rb")
    return io.BufferedReader(_BoundedReader(raw, max_decompressed), buffer_size=READ_CHUNK)


def read_whole(stream: io.BufferedReader, max_doc: int) -> bytes:
    data = stream.read(max_doc + 1)
    if len(data) > max_doc:
        raise ReadError("document_too_large", f"document larger than {max_doc} bytes")
    return data


def jsonl_record(line: bytes) -> tuple[bytes, dict[str, Any]]:
    """Body bytes and hints of one JSONL article; raises ReadError on a broken or unusable line."""
    try:
        obj = json.loads(line)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:  # RecursionError: nested ~1,000+ levels deep
        raise ReadError("invalid_json", str(exc)) from exc
    if not isinstance(obj, dict):
        raise ReadError("invalid_json", f"expected an object, got {type(obj).__name__}")
    body, fmt = obj.get("html"), "html"
    if not body:
        body, fmt = obj.get("text") or obj.get("content"), "text"
    if not isinstance(body, str) or not body.strip():
        raise ReadError("missing_body", "no non-empty string field 'html', 'text' or 'content'")
    hints: dict[str, Any] = {"format": fmt, "charset": "utf-8"}
    for key in JSONL_FIELDS:
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            hints[key] = valid_text(value.strip())
        elif key == "authors" and isinstance(value, list):
            hints[key] = [valid_text(v) for v in value if isinstance(v, str)]
    return valid_text(body).encode("utf-8"), hints


def valid_text(value: str) -> str:
    """The string with lone surrogates replaced by U+FFFD, so it encodes to UTF-8 (Beam coders, Parquet)."""
    return _LONE_SURROGATE.sub("\ufffd", value)


def read_file(
    path: str, max_doc: int = MAX_DOC_BYTES, max_decompressed: int = MAX_DECOMPRESSED_BYTES
) -> Iterator[RawDoc | DeadLetter]:
    """Every record of one file, or dead letters for what could not be read. Never raises."""
    fmt, gzipped = file_format(path)
    if fmt is None:
        yield dead_letter(path, STAGE, "unsupported_format", "file type is not .txt/.html/.htm/.jsonl/.warc(.gz)", path)
        return
    if fmt == "warc":  # a WARC holds many records: plan its ranges and read them here, one after the other
        for unit in plan_reads(path, max_decompressed):
            records = [unit] if isinstance(unit, DeadLetter) else read_unit(unit, max_doc, max_decompressed)
            yield from (r for r in records if not isinstance(r, warc.Skipped))
        return
    fetched = dt.datetime.now(dt.UTC)
    try:
        with open_bounded(path, gzipped, max_decompressed) as stream:
            if fmt != "jsonl":
                yield RawDoc(path, read_whole(stream, max_doc), fetched, {"format": fmt})
                return
            yield from _jsonl_records(stream, path, fetched, max_doc, 1)
    except ReadError as exc:
        yield dead_letter(path, STAGE, exc.reason, str(exc), "")
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        yield dead_letter(path, STAGE, "corrupt_compression", f"{type(exc).__name__}: {exc}", "")
    except OSError as exc:
        yield dead_letter(path, STAGE, "unreadable", f"{type(exc).__name__}: {exc}", "")


def _jsonl_records(
    stream: io.BufferedReader, path: str, fetched: dt.datetime, max_doc: int, first_line: int
) -> Iterator[RawDoc | DeadLetter]:
    for lineno, line in enumerate(_lines(stream, max_doc), start=first_line):
        uri = f"{path}#line={lineno}"
        if isinstance(line, ReadError):
            yield dead_letter(uri, STAGE, line.reason, str(line), "")
            continue
        if not line.strip():
            continue  # blank lines separate nothing; they are not records
        try:
            body, hints = jsonl_record(line)
        except ReadError as exc:
            yield dead_letter(uri, STAGE, exc.reason, str(exc), line)
            continue
        yield RawDoc(uri, body, fetched, hints)


def _lines(stream: io.BufferedReader, max_line: int) -> Iterator[bytes | ReadError]:
    """Lines of a stream; an over-long line is skipped up to its end and reported as a ReadError."""
    while True:
        line = stream.readline(max_line + 1)
        if not line:
            return
        if len(line) > max_line and not line.endswith(b"\n"):
            while True:  # drain the rest of the over-long line
                rest = stream.readline(READ_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield ReadError("document_too_large", f"line longer than {max_line} bytes")
            continue
        yield line


@dataclasses.dataclass(frozen=True)
class ReadUnit:
    """One unit of read work: a whole file, a range of WARC records, or a range of lines of a JSONL file."""

    path: str
    kind: str = "file"  # "file" | "warc" | "lines"
    spans: tuple[warc.Span, ...] = ()  # kind "warc": the records to read
    start: int = 0  # kind "lines": byte range [start, end) that begins at line `first_line`
    end: int = 0
    first_line: int = 1


def file_size(path: str) -> int:
    return FileSystems.match([path])[0].metadata_list[0].size_in_bytes


def plan_reads(
    path: str, max_decompressed: int = MAX_DECOMPRESSED_BYTES, split_bytes: int = SPLIT_BYTES
) -> Iterator[ReadUnit | DeadLetter]:
    """Units of work for one file, plus dead letters for damaged WARC regions found while indexing. Never raises."""
    fmt, gzipped = file_format(path)
    try:
        if fmt == "warc":
            yield from _plan_warc(path, gzipped, max_decompressed, split_bytes)
        elif fmt == "jsonl" and not gzipped and file_size(path) > split_bytes:
            yield from _plan_lines(path, split_bytes)
        else:
            yield ReadUnit(path)
    except OSError as exc:
        yield dead_letter(path, STAGE, "unreadable", f"{type(exc).__name__}: {exc}", "")


def _plan_warc(path: str, gzipped: bool, max_decompressed: int, split_bytes: int) -> Iterator[ReadUnit | DeadLetter]:
    spans: list[warc.Span] = []
    with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as stream:
        for item in warc.index_warc(stream, gzipped, file_size(path), max_decompressed):
            if isinstance(item, warc.BadSpan):
                yield dead_letter(warc.span_uri(path, item.offset), STAGE, item.reason, item.message, "")
            else:
                spans.append(item)
    for group in warc.group_spans(spans, split_bytes):
        yield ReadUnit(path, "warc", spans=group)


def _plan_lines(path: str, split_bytes: int) -> Iterator[ReadUnit]:
    """Ranges of about `split_bytes` that start at line starts, with the number of their first line."""
    start, first_line, pos, newlines = 0, 1, 0, 0
    with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as stream:
        while chunk := stream.read(READ_CHUNK):
            counted = 0  # newlines of this chunk before `counted` are already in `newlines`
            while (target := start + split_bytes - pos) < len(chunk):
                cut = chunk.find(b"\n", max(target, counted))
                if cut < 0:
                    break
                newlines += chunk.count(b"\n", counted, cut + 1)
                counted = cut + 1
                yield ReadUnit(path, "lines", start=start, end=pos + cut + 1, first_line=first_line)
                start, first_line = pos + cut + 1, newlines + 1
            newlines += chunk.count(b"\n", counted)
            pos += len(chunk)
    if pos > start:
        yield ReadUnit(path, "lines", start=start, end=pos, first_line=first_line)


def spreads(unit: ReadUnit) -> bool:
    """True for a unit that is a whole JSONL file (.jsonl.gz, or a .jsonl too small to split): its many records are
    reshuffled after reading, or every later step of them would run on the one worker that read the file."""
    return unit.kind == "file" and file_format(unit.path)[0] == "jsonl"


def read_unit(
    unit: ReadUnit, max_doc: int = MAX_DOC_BYTES, max_decompressed: int = MAX_DECOMPRESSED_BYTES
) -> Iterator[RawDoc | DeadLetter | warc.Skipped]:
    """Every record of one unit of work, dead letters for what could not be read, Skipped for non-articles."""
    if unit.kind == "file":
        yield from read_file(unit.path, max_doc, max_decompressed)
        return
    try:
        with FileSystems.open(unit.path, compression_type=CompressionTypes.UNCOMPRESSED) as stream:
            if unit.kind == "warc":
                gzipped = file_format(unit.path)[1]
                for span in unit.spans:
                    yield from warc.read_span(stream, unit.path, span, gzipped, max_doc)
            else:
                window = warc.Window(stream, unit.start, unit.end - unit.start)
                lines = io.BufferedReader(window, buffer_size=READ_CHUNK)
                yield from _jsonl_records(lines, unit.path, dt.datetime.now(dt.UTC), max_doc, unit.first_line)
    except OSError as exc:
        uri = unit.path if unit.kind == "warc" else f"{unit.path}#line={unit.first_line}"
        yield dead_letter(uri, STAGE, "unreadable", f"{type(exc).__name__}: {exc}", "")


class _ExpandFn(beam.DoFn):
    def process(self, pattern: str):
        found = expand_input(pattern)
        if isinstance(found, str):
            Metrics.counter(STAGE, "dropped_no_match").inc()
            yield TaggedOutput(DEAD, dead_letter(pattern, STAGE, "no_match", found, pattern))
            return
        yield from found


class _PlanFn(beam.DoFn):
    def __init__(self, max_decompressed: int, split_bytes: int) -> None:
        self.max_decompressed, self.split_bytes = max_decompressed, split_bytes
        self.units = Metrics.counter(STAGE, "units")

    def process(self, path: str):
        for item in plan_reads(path, self.max_decompressed, self.split_bytes):
            if isinstance(item, DeadLetter):
                Metrics.counter(STAGE, "total").inc()
                Metrics.counter(STAGE, f"dropped_{item.reason}").inc()
                yield TaggedOutput(DEAD, item)
            else:
                self.units.inc()
                yield item


class _ReadUnitFn(beam.DoFn):
    def __init__(self, max_doc: int, max_decompressed: int) -> None:
        self.max_doc, self.max_decompressed = max_doc, max_decompressed
        self.total = Metrics.counter(STAGE, "total")
        self.forwarded = Metrics.counter(STAGE, "forwarded")

    def process(self, unit: ReadUnit):
        spread = spreads(unit)
        try:
            for record in read_unit(unit, self.max_doc, self.max_decompressed):
                yield from self._route(record, spread)
        except Exception as exc:  # a reader bug costs the rest of one unit (as a dead letter), never the whole run
            uri = unit.path if unit.kind != "lines" else f"{unit.path}#line={unit.first_line}"
            yield from self._route(dead_letter(uri, STAGE, "read_error", f"{type(exc).__name__}: {exc}", ""), spread)

    def _route(self, record, spread: bool = False):
        if isinstance(record, warc.Skipped):
            Metrics.counter(STAGE, f"skipped_{record.why}").inc()
            return
        self.total.inc()
        if isinstance(record, DeadLetter):
            Metrics.counter(STAGE, f"dropped_{record.reason}").inc()
            yield TaggedOutput(DEAD, record)
        else:
            self.forwarded.inc()
            Progress.tick("read")
            yield TaggedOutput(SPREAD, record) if spread else record


class ReadInputs(beam.PTransform):
    """Paths, globs or folders in; RawDoc records and read failures (`dead_letter`) out. Records come in two
    branches: `main`, read straight from their unit, and `spread`, the records of units holding a whole JSONL or
    compressed file, reshuffled so that one big file's records reach many workers. The branches stay apart: a
    Flatten of outputs of two stages is a buffer on the local runner, and this one would hold every page read
    before the first is extracted (~60 KB per page). `all_records` joins them where that does not matter."""

    def __init__(
        self,
        patterns: list[str],
        max_doc: int = MAX_DOC_BYTES,
        max_decompressed: int = MAX_DECOMPRESSED_BYTES,
        split_bytes: int = SPLIT_BYTES,
    ):
        super().__init__()
        self.patterns = list(patterns)
        self.max_doc, self.max_decompressed, self.split_bytes = max_doc, max_decompressed, split_bytes

    def expand(self, pbegin):
        files = (
            pbegin
            | "Patterns" >> beam.Create(self.patterns)
            | "ExpandPatterns" >> beam.ParDo(_ExpandFn()).with_outputs(DEAD, main=MAIN)
        )
        units = (
            files[MAIN]
            | "SpreadFiles" >> beam.Reshuffle()
            | "PlanReads" >> beam.ParDo(_PlanFn(self.max_decompressed, self.split_bytes)).with_outputs(DEAD, main=MAIN)
        )
        records = (
            units[MAIN]
            | "SpreadUnits" >> beam.Reshuffle()
            | "ReadUnits"
            >> beam.ParDo(_ReadUnitFn(self.max_doc, self.max_decompressed)).with_outputs(DEAD, SPREAD, main=MAIN)
        )
        spread = records[SPREAD] | "SpreadRecords" >> beam.Reshuffle()
        dead = (files[DEAD], units[DEAD], records[DEAD]) | "FlattenReadDead" >> beam.Flatten()
        return {MAIN: records[MAIN], SPREAD: spread, DEAD: dead}


def all_records(read: dict[str, Any], label: str = "AllRecords"):
    """Both record branches of a ReadInputs result as one PCollection."""
    return (read[MAIN], read[SPREAD]) | label >> beam.Flatten()
