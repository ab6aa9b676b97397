import datetime as dt

import pytest

from schemas.record import RawDoc
from transforms.common import Rejected
from transforms.decode import decode_bytes, decode_doc, detect_format, doc_id_for

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def raw(body: bytes, **hints) -> RawDoc:
    return RawDoc("/data/a.txt", body, NOW, hints)


def test_decode_prefers_utf8_then_declared_then_detected():
    assert decode_bytes("Zürich".encode()) == ("Zürich", "utf-8")
    html = '<meta charset="windows-1252"><p>caf\xe9 \x93quoted\x94</p>'.encode("latin-1")
    text, encoding = decode_bytes(html)
    assert "café “quoted”" in text and encoding == "cp1252"
    text, _ = decode_bytes(("Ça coûte très cher à Genève, déclare-t-il. " * 5).encode("cp1252"))
    assert "Genève" in text


def test_decode_handles_utf16_bom():
    assert decode_bytes("hello wörld".encode("utf-16"))[0] == "hello wörld"


@pytest.mark.parametrize(
    ("body", "reason"),
    [(b"", "empty_document"), (b"   \n\t ", "empty_document"), (bytes(range(256)) * 4, "binary_content")],
)
def test_decode_rejects_with_reason(body, reason):
    with pytest.raises(Rejected) as err:
        decode_doc(raw(body))
    assert err.value.reason == reason


def test_decode_doc_sets_format_and_stable_id():
    doc = decode_doc(raw(b"<html><body><p>Hi</p></body></html>"))
    assert doc.format == "html" and doc.text == ""
    assert doc.doc_id == decode_doc(raw(b"<html><body><p>Hi</p></body></html>")).doc_id
    assert doc_id_for("/x/a.txt", b"1") == doc_id_for("/other/place/a.txt", b"1") != doc_id_for("/x/a.txt", b"2")
    assert detect_format(b"plain words", None) == "text"
