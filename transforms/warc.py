"""WARC input (.warc, .warc.gz): an index of record spans, then each span read and parsed on its own.

Reading a WARC happens in two passes so that one big file is not one unit of work:

1. `index_warc` walks the file and yields the byte span of every record: for a plain `.warc` by following each
   record's `Content-Length`; for a `.warc.gz` by walking its gzip members (the WARC standard's per-record
   compression, as Common Crawl writes it). A damaged region (bad header, wrong length, corrupt or truncated gzip
   member) becomes a `BadSpan` with a reason, and the walk resynchronises on the next record header or gzip member,
   so the rest of the file is still read. The index pass only frames records; it parses no HTTP and no HTML.
2. `read_span` reads one span with a seek, and `warc_record` turns its record into a `RawDoc` with fastwarc.

Spans are grouped into byte ranges (`group_spans`) that the read step fans out to workers.

What becomes a record: `response` records whose HTTP payload is HTML (`text/html`, `application/xhtml+xml`, or no
Content-Type at all, which the decode step then sniffs). Other record types (warcinfo, request, metadata, revisit...)
and non-HTML responses (images, scripts, PDFs) are skipped by design and counted as `skipped_<why>`; they are not
articles and do not count as records in. An HTML response with a non-2xx status, an unparsable HTTP block, or a body
over the size limit becomes a dead letter, so no HTML response is ever lost silently.

The WARC-Target-URI becomes the `url` hint. The WARC-Date is when the page was crawled, not when it was published,
so it is kept as the record's `fetched_at` (and the `fetched_date` hint), never as the `published` hint.

fastwarc parses each record; it was measured against warcio (bench/warc_read.py). Its own iterator stops at the first
corrupt record and returns a truncated last record without complaint, hence the framing pass here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import io
import re
import uuid
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from schemas.record import CRAWLED_AT, DeadLetter, RawDoc
from transforms.common import dead_letter, sha256_hex

STAGE = "read"
MAX_HEADER_BYTES = 64 * 1024  # WARC headers are < 2 KB; fastwarc's own default header limit is of this order
SCAN_CHUNK = 1024 * 1024  # raw bytes read at a time while walking or resynchronising
FEED_BYTES = 16 * 1024  # compressed bytes fed to zlib at a time: it copies what is left over after each member
GZIP_OUT_CHUNK = 256 * 1024  # decompressed bytes produced per step of the index walk; bounds its memory
PROBE_BYTES = 4096  # compressed bytes tried at a candidate gzip member to see whether it starts a WARC record
MEMORY_SPAN_BYTES = 8 * 1024 * 1024  # records up to this size on disk are read in one call: nearly every news page
MEMORY_RECORD_BYTES = 64 * 1024 * 1024  # ...unless they expand past this; then they are streamed
STREAM_BUFFER = 64 * 1024  # read buffer when a span is streamed
RANGE_BYTES = 64 * 1024 * 1024  # bytes of records per unit of work: ~1-2k news pages, a few seconds of reading
HTML_TYPES = ("text/html", "application/xhtml+xml")
WARC_SUFFIXES = (".warc", ".warc.gz")

_WARC_START = re.compile(rb"WARC/1\.[01]\r?\n")
_NEXT_WARC = re.compile(rb"(?:^|\n)(WARC/1\.[01]\r?\n)")
_CONTENT_LENGTH = re.compile(rb"(?im)^content-length:[ \t]*(\d+)[ \t]*\r?$")
_HEADER_END = re.compile(rb"\r?\n\r?\n")
GZIP_MAGIC = b"\x1f\x8b\x08"


@dataclasses.dataclass(frozen=True)
class Span:
    """Bytes [offset, end) of the file that hold one record (or one gzip member)."""

    offset: int
    end: int


@dataclasses.dataclass(frozen=True)
class BadSpan:
    """A damaged region found by the index pass, starting at `offset`."""

    offset: int
    reason: str
    message: str


@dataclasses.dataclass(frozen=True)
class Skipped:
    """A record that is not an article by design (not a response, not HTML); counted, not stored."""

    why: str


def is_warc(path: str) -> bool:
    return path.lower().endswith(WARC_SUFFIXES)


def span_uri(path: str, offset: int, index: int = 0) -> str:
    """`path#offset=N`; a gzip member holding several records (whole-file gzip) adds `&record=K` from the second."""
    return f"{path}#offset={offset}" + (f"&record={index}" if index else "")


# ---------------------------------------------------------------------------------------------------------- index


def index_warc(stream: BinaryIO, gzipped: bool, size: int, max_decompressed: int) -> Iterator[Span | BadSpan]:
    """Spans of every record of a seekable WARC stream of `size` bytes, and the damaged regions between them."""
    if gzipped:
        yield from _gzip_members(stream, max_decompressed)
    else:
        yield from _plain_records(stream, size)


def _plain_records(stream: BinaryIO, size: int) -> Iterator[Span | BadSpan]:
    pos = 0
    while pos < size:
        stream.seek(pos)
        head = stream.read(MAX_HEADER_BYTES)
        if not head.strip():
            return  # trailing blank bytes after the last record
        problem, end = _frame_plain(stream, pos, head, size)
        if problem is None:
            yield Span(pos, end)
            pos = end
            continue
        reason, message = problem
        nxt = _next_plain_record(stream, pos + 1, size)
        if head[: min(len(head), nxt - pos)].strip() or reason != "corrupt_record":
            yield BadSpan(pos, reason, f"{message}; skipped {nxt - pos} bytes")
        pos = nxt


def _frame_plain(stream: BinaryIO, pos: int, head: bytes, size: int) -> tuple[tuple[str, str] | None, int]:
    """(None, end of record) or ((reason, message), 0) for the record that starts at `pos`."""
    start = _WARC_START.match(head)
    header_end = _HEADER_END.search(head)
    length = _CONTENT_LENGTH.search(head, 0, header_end.start() if header_end else 0)
    if not start or not header_end or not length:
        return ("corrupt_record", "no WARC header with a Content-Length here"), 0
    end = pos + header_end.end() + int(length.group(1)) + 4  # a record ends with CRLF CRLF
    if end > size:
        return ("truncated_record", f"record declares {end - pos} bytes, the file ends after {size - pos}"), 0
    stream.seek(end - 4)
    if stream.read(4) != b"\r\n\r\n":
        return ("corrupt_record", "record does not end where its Content-Length says"), 0
    return None, end


def _next_plain_record(stream: BinaryIO, start: int, size: int) -> int:
    """Offset of the next line that starts a WARC header at or after `start`, or `size`."""
    pos = start
    while pos < size:
        stream.seek(max(pos - 1, 0))
        window = stream.read(SCAN_CHUNK + 16)  # overlap so a header split between windows is still found
        found = _NEXT_WARC.search(window, 1 if pos > 0 else 0)
        if found:
            return max(pos - 1, 0) + found.start(1)
        if len(window) <= 16:
            break
        pos += SCAN_CHUNK
    return size


def _gzip_members(stream: BinaryIO, max_decompressed: int) -> Iterator[Span | BadSpan]:
    pos, produced = 0, 0
    stream.seek(0)
    buf, i = stream.read(SCAN_CHUNK), 0  # raw bytes at hand and how far the walk has used them
    while True:
        if i >= len(buf):
            buf, i = stream.read(SCAN_CHUNK), 0
            if not buf:
                return
        inflate, member_len, head = zlib.decompressobj(31), 0, b""  # 31: gzip framing, one member
        try:
            while not inflate.eof:
                if i >= len(buf):
                    buf, i = stream.read(SCAN_CHUNK), 0
                    if not buf:
                        raise EOFError("the file ends inside a gzip member")
                piece = memoryview(buf)[i : i + FEED_BYTES]
                data: Any = piece
                while data and not inflate.eof:
                    out = inflate.decompress(data, GZIP_OUT_CHUNK)
                    produced += len(out)
                    if produced > max_decompressed:
                        yield BadSpan(pos, "decompression_limit", f"file expanded past {max_decompressed} bytes")
                        return
                    head += out[: 8 - len(head)]
                    data = inflate.unconsumed_tail
                used = len(piece) - len(inflate.unused_data) if inflate.eof else len(piece)
                i += used
                member_len += used
        except (zlib.error, EOFError) as exc:
            reason = "truncated_record" if isinstance(exc, EOFError) else "corrupt_compression"
            nxt = _next_gzip_member(stream, pos + 1)
            yield BadSpan(pos, reason, f"{type(exc).__name__}: {exc}")
            if nxt is None:
                return
            pos = nxt
            stream.seek(pos)
            buf, i = stream.read(SCAN_CHUNK), 0
            continue
        if head.startswith(b"WARC/"):
            yield Span(pos, pos + member_len)
        elif head:
            yield BadSpan(pos, "corrupt_record", "gzip member does not start with a WARC header")
        pos += member_len


def _next_gzip_member(stream: BinaryIO, start: int) -> int | None:
    """Offset of the next gzip member at or after `start` that decompresses to a WARC header, or None."""
    pos = start
    while True:
        stream.seek(pos)
        window = stream.read(SCAN_CHUNK + len(GZIP_MAGIC))
        if len(window) < len(GZIP_MAGIC):
            return None
        hit = window.find(GZIP_MAGIC)
        while 0 <= hit < SCAN_CHUNK:
            candidate = pos + hit
            stream.seek(candidate)
            try:
                if zlib.decompressobj(31).decompress(stream.read(PROBE_BYTES), 16).startswith(b"WARC/"):
                    return candidate
            except zlib.error:
                pass  # a chance match of the magic bytes inside compressed data
            hit = window.find(GZIP_MAGIC, hit + 1)
        pos += SCAN_CHUNK


def group_spans(spans: list[Span], range_bytes: int = RANGE_BYTES) -> list[tuple[Span, ...]]:
    """Consecutive spans grouped into ranges of about `range_bytes`: the units of work that are read in parallel."""
    groups: list[tuple[Span, ...]] = []
    current: list[Span] = []
    for span in spans:
        if current and span.end - current[0].offset > range_bytes:
            groups.append(tuple(current))
            current = []
        current.append(span)
    if current:
        groups.append(tuple(current))
    return groups


# ----------------------------------------------------------------------------------------------------------- read


class Window(io.RawIOBase):
    """A seekable view of bytes [offset, offset + size) of a seekable stream: one span, never the next record."""

    def __init__(self, raw: Any, offset: int, size: int) -> None:
        self.raw, self.offset, self.size, self.pos = raw, offset, size, 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.pos

    def seek(self, pos: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self.pos, io.SEEK_END: self.size}[whence]
        self.pos = min(max(base + pos, 0), self.size)
        return self.pos

    def readinto(self, buffer: Any) -> int:
        self.raw.seek(self.offset + self.pos)
        data = self.raw.read(min(len(buffer), self.size - self.pos))
        self.pos += len(data)
        buffer[: len(data)] = data
        return len(data)


def read_span(
    stream: BinaryIO, path: str, span: Span, gzipped: bool, max_doc: int
) -> Iterator[RawDoc | DeadLetter | Skipped]:
    """The records of one span of a seekable stream (the index pass has already bounded decompression)."""
    raw = _in_memory(stream, span, gzipped)
    if raw is None:  # a big span (a video, a whole-file gzip) is streamed instead
        raw = io.BufferedReader(Window(stream, span.offset, span.end - span.offset), buffer_size=STREAM_BUFFER)
        if gzipped:
            raw = gzip.GzipFile(fileobj=raw, mode="rb")
    done = 0  # records of this span already read; a failure names the next one
    try:
        for record in ArchiveIterator(raw, parse_http=False, auto_decode="all"):
            yield warc_record(record, span_uri(path, span.offset, done), max_doc)
            done += 1
    except BaseException as exc:  # fastwarc reports some stream errors as a Rust panic, a BaseException
        if not isinstance(exc, Exception) and type(exc).__name__ != "PanicException":
            raise
        reason = getattr(exc, "reason", None) or "corrupt_record"
        yield dead_letter(span_uri(path, span.offset, done), STAGE, reason, f"{type(exc).__name__}: {exc}", "")


def _in_memory(stream: BinaryIO, span: Span, gzipped: bool) -> io.BytesIO | None:
    """A small span read in one call and decompressed in one step (5x faster than streaming), or None."""
    if span.end - span.offset > MEMORY_SPAN_BYTES:
        return None
    stream.seek(span.offset)
    data = stream.read(span.end - span.offset)
    if gzipped:
        inflate = zlib.decompressobj(31)  # 31: gzip framing
        try:
            data = inflate.decompress(data, MEMORY_RECORD_BYTES)
        except zlib.error:
            return None  # the streaming path reports it
        if not inflate.eof:
            return None
    return io.BytesIO(data)


def warc_record(record: WarcRecord, uri: str, max_doc: int) -> RawDoc | DeadLetter | Skipped:
    """One WARC record as a RawDoc, a dead letter (an HTML response we cannot use), or Skipped (not an article)."""
    if record.record_type != WarcRecordType.response:
        return Skipped(f"warc_{record.record_type}")
    if not record.is_http:
        return Skipped("not_http")
    try:
        record.parse_http()
    except (OSError, ValueError) as exc:
        return dead_letter(uri, STAGE, "corrupt_http", f"{type(exc).__name__}: {exc}", "")
    content_type = (record.http_content_type or "").lower()
    if content_type and content_type not in HTML_TYPES:
        return Skipped("not_html")
    body = record.reader.read(max_doc + 1)
    status = record.http_headers.status_code if record.http_headers is not None else None
    if status is None or not 200 <= status < 300:
        return dead_letter(uri, STAGE, "http_status", f"HTTP status {status} for an HTML response", body)
    if len(body) > max_doc:
        return dead_letter(uri, STAGE, "document_too_large", f"document larger than {max_doc} bytes", body)
    hints: dict[str, Any] = {"format": "html" if content_type else None}
    target = record.headers.get("WARC-Target-URI")
    if target:
        hints["url"] = target.strip().strip("<>")
    if record.http_charset:
        hints["charset"] = record.http_charset
    fetched = _aware(record.record_date)
    if fetched is not None:
        hints["fetched_date"] = fetched.date().isoformat()
        hints[CRAWLED_AT] = fetched  # the `crawled_at` column; never a `published` hint
    hints = {k: v for k, v in hints.items() if v is not None}
    return RawDoc(uri, body, fetched or dt.datetime.now(dt.UTC), hints)


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    """In UTC; a naive WARC-Date is UTC (the WARC standard writes UTC with a Z)."""
    if value is None:
        return None
    return value.astimezone(dt.UTC) if value.tzinfo else value.replace(tzinfo=dt.UTC)


# ------------------------------------------------------------------------------------------------------- writing


def html_record(url: str, html: bytes, date: dt.datetime, status: int = 200, content_type: str = "text/html") -> bytes:
    """One WARC response record of an HTML page, as bytes (used to build the sample and test WARCs)."""
    phrase = "OK" if status == 200 else "Not Found" if status == 404 else "Status"
    http = (
        f"HTTP/1.1 {status} {phrase}\r\nContent-Type: {content_type}; charset=utf-8\r\n"
        f"Content-Length: {len(html)}\r\n\r\n".encode("ascii")
        + html
    )
    return _record(WarcRecordType.response, url, date, http, is_http=True)


def info_record(date: dt.datetime, text: str = "software: newsbeam\r\n") -> bytes:
    return _record(WarcRecordType.warcinfo, None, date, text.encode("utf-8"), is_http=False)


def request_record(url: str, date: dt.datetime) -> bytes:
    host = url.split("/")[2] if url.count("/") >= 2 else ""
    http = f"GET /{url.split('/', 3)[-1]} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode()
    return _record(WarcRecordType.request, url, date, http, is_http=True)


def _record(kind: WarcRecordType, url: str | None, date: dt.datetime, block: bytes, is_http: bool) -> bytes:
    record = WarcRecord()
    record.init_headers(record_type=kind)
    record.record_date = date
    # a record id derived from the content, so regenerating a sample gives the same bytes
    name = (url or "") + date.isoformat() + sha256_hex(block)
    record.record_id = f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}>"
    if url:
        record.headers["WARC-Target-URI"] = url
    record.set_bytes_content(block)
    record.is_http = is_http
    out = io.BytesIO()
    record.write(out, checksum_data=True)
    return out.getvalue()


def write_warc(path: str, records: list[bytes], gzipped: bool) -> None:
    """Writes records to a WARC file; gzipped means one gzip member per record, as the WARC standard recommends."""
    with open(path, "wb") as out:
        for record in records:
            out.write(gzip.compress(record, mtime=0) if gzipped else record)  # mtime=0: same bytes on every run
