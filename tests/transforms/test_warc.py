"""WARC reading: the index of record spans, corrupt and truncated records, ranges, and the sample WARC."""

from __future__ import annotations

import datetime as dt
import gzip
import io

import apache_beam as beam
import pytest
from apache_beam.testing.test_pipeline import TestPipeline
from apache_beam.testing.util import assert_that, equal_to

from bench.make_warc import SAMPLE_WARC, corpus_records, sample_records
from schemas.record import DeadLetter, RawDoc
from transforms import warc
from transforms.common import DEAD
from transforms.read import ReadInputs, ReadUnit, all_records, plan_reads, read_file, read_unit

DATE = dt.datetime(2025, 5, 6, 7, 8, 9, tzinfo=dt.UTC)


def page(i: int) -> bytes:
    return f"<html><head><title>Story {i}</title></head><body><p>Body of story {i}.</p></body></html>".encode()


def records(n: int) -> list[bytes]:
    return [warc.html_record(f"https://news.example/{i}", page(i), DATE) for i in range(n)]


def read_all(path: str, split_bytes: int = warc.RANGE_BYTES) -> list:
    out = []
    for unit in plan_reads(path, split_bytes=split_bytes):
        out.extend([unit] if isinstance(unit, DeadLetter) else read_unit(unit))
    return out


def summary(items: list) -> list[tuple[str, str]]:
    """(kind, what) per item: RawDoc -> its url hint, DeadLetter -> its reason, Skipped -> why."""
    out = []
    for item in items:
        if isinstance(item, RawDoc):
            out.append(("doc", item.hints["url"]))
        elif isinstance(item, DeadLetter):
            out.append(("dead", item.reason))
        else:
            out.append(("skip", item.why))
    return out


def offsets(data: list[bytes], gzipped: bool) -> list[int]:
    pos, out = 0, []
    for record in data:
        out.append(pos)
        pos += len(gzip.compress(record, mtime=0) if gzipped else record)
    return out


@pytest.mark.parametrize("gzipped", [False, True])
def test_records_carry_url_crawl_date_and_offset(tmp_path, gzipped):
    path = str(tmp_path / ("a.warc.gz" if gzipped else "a.warc"))
    data = [warc.info_record(DATE), *records(3)]
    warc.write_warc(path, data, gzipped)
    out = read_all(path)
    assert summary(out) == [("skip", "warc_warcinfo")] + [("doc", f"https://news.example/{i}") for i in range(3)]
    docs = out[1:]
    assert [d.uri for d in docs] == [f"{path}#offset={o}" for o in offsets(data, gzipped)[1:]]
    assert docs[0].body == page(0) and docs[0].fetched_at == DATE
    assert docs[0].hints == {"format": "html", "url": "https://news.example/0", "charset": "utf-8",
                             "fetched_date": "2025-05-06", "crawled_at": DATE}  # fmt: skip
    assert "published" not in docs[0].hints  # a crawl date is not a publication date


def test_truncated_last_record_is_a_dead_letter(tmp_path):
    for gzipped in (False, True):
        path = tmp_path / ("cut.warc.gz" if gzipped else "cut.warc")
        warc.write_warc(str(path), records(3), gzipped)
        data = path.read_bytes()
        path.write_bytes(data[:-40])
        out = read_all(str(path))
        docs = [k for k in summary(out) if k[0] == "doc"]
        assert docs == [("doc", "https://news.example/0"), ("doc", "https://news.example/1")]
        [dead] = [d for d in out if isinstance(d, DeadLetter)]
        assert len(out) == 3 and dead.reason == "truncated_record", dead
        assert dead.input_uri.endswith(f"#offset={offsets(records(3), gzipped)[2]}")


def test_corrupt_plain_record_in_the_middle_is_reported_and_the_rest_is_read(tmp_path):
    data = records(4)
    broken = bytearray(data[1])
    broken[0:8] = b"XXXX/9.9"  # the second record's header is destroyed
    path = tmp_path / "mid.warc"
    path.write_bytes(data[0] + bytes(broken) + data[2] + data[3])
    out = read_all(str(path))
    kinds = summary(out)
    assert ("dead", "corrupt_record") in kinds
    assert [k for k in kinds if k[0] == "doc"] == [("doc", f"https://news.example/{i}") for i in (0, 2, 3)]
    [dead] = [d for d in out if isinstance(d, DeadLetter)]
    assert dead.input_uri.endswith(f"#offset={len(data[0])}")


def test_wrong_content_length_does_not_swallow_the_next_record(tmp_path):
    data = records(3)
    lying = data[1].replace(b"Content-Length: ", b"Content-Length: 1", 1)  # claims far more bytes than it has
    path = tmp_path / "lying.warc"
    path.write_bytes(data[0] + lying + data[2])
    kinds = summary(read_all(str(path)))
    assert [k for k in kinds if k[0] == "doc"] == [("doc", "https://news.example/0"), ("doc", "https://news.example/2")]
    assert [k for k in kinds if k[0] == "dead"] == [("dead", "truncated_record")]


def test_corrupt_gzip_member_in_the_middle_is_reported_and_the_rest_is_read(tmp_path):
    members = [gzip.compress(r, mtime=0) for r in records(4)]
    bad = bytearray(members[1])
    bad[20:40] = bytes(20)  # zeroes inside the deflate stream
    path = tmp_path / "mid.warc.gz"
    path.write_bytes(members[0] + bytes(bad) + members[2] + members[3])
    out = read_all(str(path))
    assert [k for k in summary(out) if k[0] == "doc"] == [("doc", f"https://news.example/{i}") for i in (0, 2, 3)]
    [dead] = [d for d in out if isinstance(d, DeadLetter)]
    assert dead.reason == "corrupt_compression" and dead.input_uri.endswith(f"#offset={len(members[0])}")


def test_whole_file_gzip_is_read_as_one_member(tmp_path):
    path = tmp_path / "whole.warc.gz"
    path.write_bytes(gzip.compress(b"".join(records(3))))
    out = read_all(str(path), split_bytes=10)
    assert summary(out) == [("doc", f"https://news.example/{i}") for i in range(3)]
    assert [d.uri.rsplit("#", 1)[1] for d in out] == ["offset=0", "offset=0&record=1", "offset=0&record=2"]


def test_non_html_and_error_pages(tmp_path):
    path = str(tmp_path / "mixed.warc")
    data = [
        warc.request_record("https://news.example/0", DATE),
        warc.html_record("https://news.example/img.png", b"\x89PNG....", DATE, content_type="image/png"),
        warc.html_record("https://news.example/gone", page(9), DATE, status=404),
        warc.html_record("https://news.example/big", b"<p>" + b"x" * 5000 + b"</p>", DATE),
    ]
    warc.write_warc(path, data, gzipped=False)
    out = []
    for unit in plan_reads(path):
        out.extend(read_unit(unit, max_doc=1000))
    assert summary(out) == [
        ("skip", "warc_request"),
        ("skip", "not_html"),
        ("dead", "http_status"),
        ("dead", "document_too_large"),
    ]


def test_ranges_read_the_same_records_as_one_unit(tmp_path):
    path = str(tmp_path / "many.warc.gz")
    warc.write_warc(path, records(50), gzipped=True)
    units = list(plan_reads(path, split_bytes=2000))
    assert len(units) > 5 and all(u.kind == "warc" for u in units)
    assert summary(read_all(path, split_bytes=2000)) == summary(read_all(path))
    assert len(read_all(path)) == 50


def test_group_spans_keeps_order_and_size():
    spans = [warc.Span(i * 100, i * 100 + 100) for i in range(10)]
    groups = warc.group_spans(spans, 250)
    assert [s for g in groups for s in g] == spans
    assert all(g[-1].end - g[0].offset <= 250 for g in groups) and len(groups) == 5


def test_jsonl_ranges_keep_line_numbers(tmp_path):
    path = tmp_path / "big.jsonl"
    lines = [f'{{"text": "article number {i} with some words"}}' if i % 7 else "{broken" for i in range(200)]
    lines[50] = ""
    path.write_text("\n".join(lines) + "\n", "utf-8")
    units = list(plan_reads(str(path), split_bytes=500))
    assert len(units) > 5 and {u.kind for u in units} == {"lines"}
    ranged = [r for u in units for r in read_unit(u)]
    whole = list(read_file(str(path)))

    def key(r):
        return (r.uri, r.body) if isinstance(r, RawDoc) else (r.input_uri, r.reason)

    assert [key(r) for r in ranged] == [key(r) for r in whole] and len(whole) == 199


def test_bundled_sample_is_up_to_date_and_reads_as_designed():
    out = io.BytesIO()
    for record in sample_records():
        out.write(gzip.compress(record, mtime=0))
    assert SAMPLE_WARC.read_bytes() == out.getvalue(), "run `make warc-sample`"
    kinds = summary(read_all(str(SAMPLE_WARC)))
    assert [k for k in kinds if k[0] != "skip"] == [
        ("doc", "https://www.coastalcourier.example/news/2026/03/14/harbour-cleanup"),
        ("doc", "https://www.nordkurier.example/wirtschaft/2026/02/03/bahnstreik"),
        ("dead", "http_status"),
    ]


def test_read_inputs_fans_out_warc_ranges_in_a_pipeline(tmp_path):
    path = tmp_path / "corpus.warc.gz"
    warc.write_warc(str(path), corpus_records(30), gzipped=True)
    (tmp_path / "cut.warc.gz").write_bytes(path.read_bytes()[:-30])  # the 30th page of the copy is truncated
    with TestPipeline(runner="FnApiRunner") as p:
        read = p | ReadInputs([str(tmp_path / "*.warc.gz")], split_bytes=4000)
        assert_that(all_records(read) | "Count" >> beam.combiners.Count.Globally(), equal_to([59]), label="Docs")
        reasons = read[DEAD] | "Reason" >> beam.Map(lambda d: d.reason)
        assert_that(reasons, equal_to(["truncated_record"]), label="Dead")


def test_read_file_reads_a_whole_warc_too():
    out = list(read_file(str(SAMPLE_WARC)))
    assert [type(r).__name__ for r in out] == ["RawDoc", "RawDoc", "DeadLetter"]


def test_unit_of_unknown_file_is_unreadable_dead_letter(tmp_path):
    [dead] = read_unit(ReadUnit(str(tmp_path / "gone.warc"), "warc", spans=(warc.Span(0, 10),)))
    assert dead.reason == "unreadable"
