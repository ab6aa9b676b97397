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


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2026-02-30", "unparseable"),
        ("0000-00-00", "unparseable"),
        ("9999-12-31", "future"),
        ("9999-12-31T23:00:00-05:00", "future"),
        ("2027-05-01T10:00:00Z", "future"),
        ("1989-12-31", "before_1990"),
        ("yesterday", "unparseable"),
        ("2026-05-31T10:00:00+02:00", None),
    ],
)
def test_check_date_names_the_reason(value, reason):
    from transforms.metadata import check_date

    parsed, why = check_date(value, NOW)
    assert why == reason and (parsed is None) == (reason is not None)


def test_rejected_candidates_are_kept_in_date_rejected_and_lower_evidence_used():
    doc = Doc(
        doc_id="x",
        input_uri="/a.html",
        fetched_at=NOW,
        text="Body.",
        hints={"published": "0000-00-00", "url": "https://e.example/2026/03/14/story"},
        meta={"page": {"date_structured": "2026-02-30T10:00:00+01:00"}},
    )
    out = normalise_metadata(doc, NOW)
    assert (out.published_date, out.date_source) == (dt.date(2026, 3, 14), "url")
    assert out.date_rejected == "html_meta:unparseable:2026-02-30T10:00:00+01:00; record_field:unparseable:0000-00-00"


def test_no_usable_date_keeps_the_article_with_null_date():
    doc = Doc(doc_id="x", input_uri="/a.txt", fetched_at=NOW, text="Body.", hints={"published": "9999-01-01"})
    out = normalise_metadata(doc, NOW)
    assert (out.published_at, out.published_date, out.date_source) == (None, None, None)
    assert out.date_rejected == "record_field:future:9999-01-01"


def test_published_date_is_the_publishers_local_date():
    at, day, _ = choose_date([("html_meta", "2026-01-05T23:30:00-08:00")], NOW)
    assert day == dt.date(2026, 1, 5) and at == dt.datetime(2026, 1, 6, 7, 30, tzinfo=dt.UTC)


def test_dateline_dates_need_a_year():
    from transforms.metadata import dateline_date

    assert dateline_date("Jan 5, 2026") == "2026-01-05"
    assert dateline_date("12 mars 2026") == "2026-03-12"
    assert dateline_date("5. Januar 2026") == "2026-01-05"
    assert dateline_date("March 3") is None  # the ingestion year would be a guess
    assert dateline_date(None) is None


@pytest.mark.parametrize(
    ("meta", "hints", "expected"),
    [
        ({"header": {"wire": "Reuters", "place": "LONDON"}}, {}, ("Reuters", None)),
        ({"header": {"wire": "Reuters"}, "page": {"sitename": "Daily Ledger"}}, {}, ("Daily Ledger", None)),
        ({"outlets": ["The Independent"], "header": {"wire": "Associated Press"}}, {}, ("The Independent", None)),
        ({"copyright_holders": ["The Associated Press", "Coastal Courier Media Ltd"]}, {}, ("Coastal Courier", None)),
        ({"copyright_holders": ["The Associated Press"]}, {}, ("Associated Press", None)),  # bare wire copy
        ({"copyright_holders": ["dpa-infocom, dpa:260212-930-123456/1"], "header": {"wire": "dpa"}}, {}, ("dpa", None)),
        ({"copyright_holders": ["Agencia EFE"], "header": {"wire": "EFE"}}, {}, ("EFE", None)),
        ({}, {"source": "Valley Times"}, ("Valley Times", None)),
        ({"copyright_holders": ["Copyright ANSA"]}, {}, ("ANSA", None)),
        ({"header": {"source": "Live Mint", "syndicator": "MENAFN"}}, {"source": "x"}, ("Live Mint", "MENAFN")),
        ({}, {}, (None, None)),
    ],
)
def test_choose_source(meta, hints, expected):
    from transforms.metadata import choose_source

    doc = Doc(doc_id="x", input_uri="/a.txt", fetched_at=NOW, meta=meta, hints=hints)
    assert choose_source(doc) == expected
