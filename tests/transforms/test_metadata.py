import datetime as dt

import pytest

from schemas.record import Doc
from transforms.metadata import canonical_url, choose_date, date_from_url, normalise_metadata, parse_date

NOW = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-01-05", dt.datetime(2026, 1, 5)),
        ("2026-02-03T06:15:00+01:00", dt.datetime(2026, 2, 3, 6, 15, tzinfo=dt.timezone(dt.timedelta(hours=1)))),
        ("Tue, 07 Apr 2026 09:12:00 +0100", dt.datetime(2026, 4, 7, 9, 12, tzinfo=dt.timezone(dt.timedelta(hours=1)))),
        ("2026-02-30", None),
        ("not a date", None),
        (None, None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


def test_choose_date_keeps_printed_date_and_skips_implausible():
    at, day, source = choose_date([("html_meta", "9999-01-01"), ("header", "2026-02-03T23:30:00-05:00")], NOW)
    assert source == "header" and day == dt.date(2026, 2, 3)
    assert at == dt.datetime(2026, 2, 4, 4, 30, tzinfo=dt.UTC)
    assert choose_date([("url", "1970-01-01")], NOW) == (None, None, None)


def test_url_helpers():
    assert date_from_url("https://e.example/news/2026/3/14/story") == "2026-03-14"
    assert canonical_url("HTTPS://E.example/a?utm_source=x&id=2") == "https://e.example/a?id=2"


def test_normalise_metadata_trusts_header_for_syndicated_copies():
    doc = Doc(
        doc_id="x",
        input_uri="/a.txt",
        fetched_at=NOW,
        text="US officials said.",
        meta={"header": {"date": "2026-01-01", "source": "Live Mint", "syndicator": "MENAFN"}},
    )
    out = normalise_metadata(doc, NOW)
    assert (out.source, out.syndicator, out.published_date, out.date_source) == (
        "Live Mint",
        "MENAFN",
        dt.date(2026, 1, 1),
        "header",
    )
