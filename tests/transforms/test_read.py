import gzip
import json

import apache_beam as beam
import pytest
from apache_beam.testing.test_pipeline import TestPipeline
from apache_beam.testing.util import assert_that, equal_to

from schemas.record import DeadLetter, RawDoc
from transforms.common import DEAD
from transforms.read import (
    SPREAD,
    ReadError,
    ReadInputs,
    ReadUnit,
    _ReadUnitFn,
    all_records,
    expand_input,
    file_format,
    jsonl_record,
    read_file,
    spreads,
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.txt", ("text", False)),
        ("a.HTML", ("html", False)),
        ("a.htm.gz", ("html", True)),
        ("a.jsonl.gz", ("jsonl", True)),
        ("a.pdf", (None, False)),
    ],
)
def test_file_format(name, expected):
    assert file_format(name) == expected


def test_expand_input_walks_folders_and_reports_no_match(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    assert expand_input(str(tmp_path)) == [str(tmp_path / "sub" / "a.txt")]
    assert expand_input(str(tmp_path / "*.nothing")) == "no file matched"


def test_jsonl_record_takes_html_then_text_and_hints():
    body, hints = jsonl_record(json.dumps({"html": "<p>x</p>", "url": " https://e.example/a ", "authors": ["A", 3]}))
    assert body == b"<p>x</p>" and hints["format"] == "html" and hints["url"] == "https://e.example/a"
    assert hints["authors"] == ["A"]
    with pytest.raises(ReadError) as err:
        jsonl_record(b'{"text": 5}')
    assert err.value.reason == "missing_body"


def test_read_file_jsonl_yields_records_and_dead_letters(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "one"}\n\n{oops\n{"text": "two"}\n', "utf-8")
    out = list(read_file(str(path)))
    assert [type(r) for r in out] == [RawDoc, DeadLetter, RawDoc]
    assert out[0].uri.endswith("a.jsonl#line=1") and out[2].uri.endswith("#line=4")
    assert out[1].reason == "invalid_json"


def test_read_file_bounds_gzip_bombs_and_big_documents(tmp_path):
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"\0" * 5_000_000))
    [dead] = read_file(str(bomb), max_doc=10_000_000, max_decompressed=1_000_000)
    assert dead.reason == "decompression_limit"
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2000)
    [dead] = read_file(str(big), max_doc=1000)
    assert dead.reason == "document_too_large"


def test_read_file_reports_truncated_gzip(tmp_path):
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(gzip.compress(b"hello world " * 1000)[:50])
    [dead] = read_file(str(path))
    assert dead.reason == "corrupt_compression"


@pytest.mark.parametrize(
    ("unit", "spread"),
    [
        (ReadUnit("/in/a.jsonl.gz"), True),  # gzip: one worker reads it all, so its records are reshuffled
        (ReadUnit("/in/small.jsonl"), True),
        (ReadUnit("/in/big.jsonl", kind="lines", start=0, end=10), False),  # already one range of many
        (ReadUnit("/in/a.warc.gz", kind="warc"), False),
        (ReadUnit("/in/page.html.gz"), False),  # one record per file
    ],
)
def test_whole_jsonl_files_are_spread(unit, spread):
    assert spreads(unit) is spread


def test_records_of_a_jsonl_gz_are_routed_to_the_spread_output_and_all_arrive(tmp_path):
    lines = [json.dumps({"text": f"article {i}"}) for i in range(5)] + ["{oops"]
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress("\n".join(lines).encode()))
    (tmp_path / "b.html").write_text("<p>page</p>")
    routed = list(_ReadUnitFn(1000, 10**6).process(ReadUnit(str(tmp_path / "a.jsonl.gz"))))
    assert [r.tag for r in routed] == [SPREAD] * 5 + [DEAD]
    with TestPipeline(runner="FnApiRunner") as p:
        out = p | ReadInputs([str(tmp_path)])
        uris = [f"{tmp_path}/a.jsonl.gz#line={i}" for i in range(1, 6)] + [f"{tmp_path}/b.html"]
        assert_that(all_records(out) | beam.Map(lambda r: r.uri), equal_to(uris), label="Records")
        assert_that(out[DEAD] | beam.Map(lambda d: d.reason), equal_to(["invalid_json"]), label="Dead")
