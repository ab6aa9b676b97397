"""Decode: RawDoc bytes to text. UTF-8 first, then the declared charset, then a detected one."""

from __future__ import annotations

import codecs
import os
import re
import unicodedata

import apache_beam as beam
from charset_normalizer import from_bytes

from schemas.record import Doc, RawDoc
from transforms.common import Rejected, Step, sha256_hex

STAGE = "decode"
SNIFF_BYTES = 4096  # charset declarations and the <html> tag sit in the first few KB of a page
MAX_CONTROL_RATIO = 0.02  # real text has almost no C0 control characters; binary junk has many
MIN_TEXT_CHARS = 1  # anything shorter after stripping is an empty document

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_\-.]+)""", re.I)
_HTML_SNIFF = re.compile(rb"<\s*(!doctype\s+html|html|head|body|article|div|p)[\s>]", re.I)
_LATIN_LOOKALIKES = frozenset(
    {"cp1250", "cp1252", "cp1257", "cp775", "cp850", "cp852", "latin_1", "iso8859_2", "iso8859_10", "iso8859_15"}
)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
UTF16_NUL_SHARE = 0.1  # UTF-16 without a BOM: >= 10% of the bytes on one parity are NUL (spaces, digits, Latin)...
UTF16_OTHER_SHARE = 0.01  # ...and almost none on the other; random binary has ~0.4% NULs spread on both


def utf16_without_bom(body: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the bytes look like UTF-16 text that lost its BOM; else None."""
    sample = body[:SNIFF_BYTES]
    half = max(len(sample) // 2, 1)
    even, odd = sample[0::2].count(0) / half, sample[1::2].count(0) / half
    if odd >= UTF16_NUL_SHARE and even <= UTF16_OTHER_SHARE:
        return "utf-16-le"
    if even >= UTF16_NUL_SHARE and odd <= UTF16_OTHER_SHARE:
        return "utf-16-be"
    return None


def declared_charset(body: bytes) -> str | None:
    head = body[:SNIFF_BYTES]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(body: bytes, hint: str | None = None) -> tuple[str, str]:
    """(text, encoding used). Order: BOM, UTF-8, hinted or declared charset, detection."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return body.decode(name, "replace"), name
    utf16 = utf16_without_bom(body)
    if utf16:
        return body.decode(utf16, "replace"), utf16
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for name in (hint, declared_charset(body)):
        if name:
            try:
                return body.decode(name), name
            except (UnicodeDecodeError, LookupError):
                continue
    best = from_bytes(body[: 256 * 1024]).best()  # detection on the first 256 KB is as good as on all of it
    if best is None:
        raise Rejected("undecodable", "no charset decodes this document")
    if best.encoding in _LATIN_LOOKALIKES:
        try:  # detectors cannot tell the Latin code pages apart on short text; the web's default is cp1252
            return body.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return body.decode(best.encoding, "replace"), best.encoding


def looks_binary(text: str) -> bool:
    sample = text[:SNIFF_BYTES]
    if "\x00" in sample:
        return True
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f\v")
    return controls > MAX_CONTROL_RATIO * max(len(sample), 1)


def bytes_look_binary(body: bytes) -> bool:
    """Control bytes in raw (non-UTF-16) data: images, archives and executables, not text in any charset."""
    if any(body.startswith(bom) for bom, _ in _BOMS) or utf16_without_bom(body):
        return False
    sample = body[:SNIFF_BYTES]
    controls = sum(1 for b in sample if b < 0x20 and b not in b"\n\r\t\f\v")
    return b"\x00" in sample or controls > MAX_CONTROL_RATIO * max(len(sample), 1)


def detect_format(body: bytes, hinted: str | None) -> str:
    if hinted in ("html", "text"):
        return hinted
    return "html" if _HTML_SNIFF.search(body[:SNIFF_BYTES]) else "text"


def doc_id_for(uri: str, body: bytes) -> str:
    """Stable id: the record's name (file base name plus line/offset) and its bytes; same input, same id."""
    path, _, fragment = uri.partition("#")
    locator = os.path.basename(path.rstrip("/")) + ("#" + fragment if fragment else "")
    return sha256_hex(f"{locator}\x00{sha256_hex(body)}", 32)


def decode_doc(raw: RawDoc) -> Doc:
    if not raw.body.strip():
        raise Rejected("empty_document", "the document has no content")
    if bytes_look_binary(raw.body):
        raise Rejected("binary_content", "control bytes in the raw data: not a text document")
    text, encoding = decode_bytes(raw.body, raw.hints.get("charset"))
    if looks_binary(text):
        raise Rejected("binary_content", f"control characters in the text (decoded as {encoding})")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text.strip()) < MIN_TEXT_CHARS:
        raise Rejected("empty_document", "only whitespace")
    fmt = detect_format(raw.body, raw.hints.get("format"))
    return Doc(
        doc_id=doc_id_for(raw.uri, raw.body),
        input_uri=raw.uri,
        fetched_at=raw.fetched_at,
        hints=raw.hints,
        format=fmt,
        raw_text=text,
        text=text if fmt == "text" else "",
        meta={"encoding": encoding},
    )


class Decode(beam.PTransform):
    def expand(self, raw_docs):
        return raw_docs | "DecodeBytes" >> Step(STAGE, decode_doc)
