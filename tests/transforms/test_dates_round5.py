"""Date evidence that generalises: month names of more languages, year-first and unambiguous slash dates, stamp
lines in languages without a word list, datelines under a headline, and the local date beside a UTC timestamp."""

import datetime as dt

import pytest

from schemas.record import Doc
from transforms.boilerplate_classes import is_stamp, stamp_date
from transforms.clean import apply_rules
from transforms.metadata import local_date, normalise_metadata
from transforms.page import parse, printed_date

NOW = dt.datetime(2026, 11, 23, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lisboa, 22 abr 2026", "2026-04-22"),  # an abbreviated Portuguese month
        ("2026. október 8., csütörtök", "2026-10-08"),  # Hungarian: year first
        ("2026年10月8日", "2026-10-08"),
        ("SUVA, 13 OCTOBER 2026", "2026-10-13"),  # upper case
        ("Gepubliceerd op 14/04/2026 om 09:12", "2026-04-14"),  # day over 12: day first
        ("Posted: 6/17/2026 4:05 PM CDT", "2026-06-17"),  # day over 12: month first
        ("Posted 03/04/2026", None),  # March 4 or April 3: left alone
        ("2026/04/14", "2026-04-14"),
        ("Kamis, 5 Maret 2026 07:12 WIB", "2026-03-05"),
        ("the show sold out 5 2026 tickets", None),  # "out" is a month only in a day-first Portuguese date
    ],
)
def test_stamp_date_reads_more_shapes(text, expected):
    assert stamp_date(text) == expected


def test_listopad_is_october_only_in_croatian_text():
    croatian = "Vlada je u srijedu usvojila prijedlog zakona, rekao je ministar Bačić."
    polish = "Rząd przyjął w środę projekt ustawy, powiedział minister."
    assert stamp_date("14. listopada 2026.", context=croatian) == "2026-10-14"
    assert stamp_date("14 listopada 2026", context=polish) == "2026-11-14"
    assert stamp_date("14. listopadu 2026", context="Vláda ve středu schválila návrh zákona.") == "2026-11-14"


@pytest.mark.parametrize(
    ("para", "expected"),
    [
        ("Publisert 02.11.2026 kl. 09.14", True),  # a stamp word we have no list for
        ("Publicerad 3 juni 2026 kl. 10.14", True),
        ("Zürich, 2. Oktober 2026", True),  # place and date
        ("Mert Aydoğan Yayınlanma: 12.09.2026 - 14:35", True),  # a name before the stamp
        ("The vote is on 5 May 2026.", False),  # a sentence
        ("Police said 12 people were hurt on 3 May 2026", False),  # too many words
        ("Vanguard (Lagos)\n16 March 2026", False),  # two lines: an aggregator's header above a stamp
        ("Deadline for applications to the scheme: 14 March 2026", False),  # too many words
    ],
)
def test_short_date_lines_are_stamps(para, expected):
    assert is_stamp(para, lead=True) is expected


def test_loose_stamps_only_open_the_story():
    assert not is_stamp("Zürich, 2. Oktober 2026")  # in the body: may be content ("Seminartermin: 22. August 2015")
    text, removed, found = apply_rules(
        "Zürich, 2. Oktober 2026\n\nDie Stadt führt Tempo 30 ein.\n\nAuflage: 27. Mai 2013"
    )
    assert text == "Die Stadt führt Tempo 30 ein.\n\nAuflage: 27. Mai 2013"
    assert removed == [("classify.stamp", "Zürich, 2. Oktober 2026")] and found["stamp_dates"] == ["2026-10-02"]


def test_dateline_under_a_headline_is_found_and_dated():
    text, removed, found = apply_rules(
        "Third Penang link to cost RM8.5 billion, says minister\n\n"
        "KUALA LUMPUR, Aug 4, 2026 (Bernama) -- The proposed third link will cost RM8.5 billion, he said.\n\n"
        "-- BERNAMA"
    )
    assert (
        text == "Third Penang link to cost RM8.5 billion, says minister\n\n"
        "The proposed third link will cost RM8.5 billion, he said."
    )
    assert found["header"]["wire"] == "Bernama" and found["header"]["dldate"] == "Aug 4, 2026"
    assert ("trailer.wire_name", "-- BERNAMA") in removed


def test_aggregator_dateline_names_outlet_and_syndicator():
    _, removed, found = apply_rules(
        "SUVA, 13 OCTOBER 2026 (FIJI SUN/PACNEWS) --- The government will rebuild the bridge.\n\n….PACNEWS"
    )
    assert (found["header"]["source"], found["header"]["syndicator"]) == ("FIJI SUN", "PACNEWS")
    assert found["header"]["dldate"] == "13 OCTOBER 2026"
    assert ("trailer.end_credit", "….PACNEWS") in removed
    _, _, found = apply_rules("BERLIN (dpa/AFP) - Die Regierung hat am Mittwoch beschlossen.")
    assert found["header"]["wire"] == "dpa" and "syndicator" not in found["header"]  # two wires, no aggregator


def test_dateline_date_in_free_text_is_parsed_with_the_text_language():
    doc = Doc(doc_id="x", input_uri="/a.txt", fetched_at=NOW, text="ZAGREB, 14. listopada 2026. (Hina) - Vlada je "
              "u srijedu usvojila prijedlog zakona, rekao je ministar Bačić.")  # fmt: skip
    text, _, found = apply_rules(doc.text)
    out = normalise_metadata(doc.replace(text=text, meta=found), NOW)
    assert (out.published_date, out.date_source, out.source) == (dt.date(2026, 10, 14), "dateline", "HINA")


def test_local_date_beside_a_utc_timestamp():
    assert local_date("2026-06-30T22:40:00Z", [None, "2026-07-01"]) == dt.date(2026, 7, 1)  # Adelaide
    assert local_date("2026-06-30T22:40:00+00:00", ["2026-06-29"]) is None  # no time zone is a day and a half behind
    assert local_date("2026-06-30T22:40:00+02:00", ["2026-07-01"]) is None  # not UTC: the offset is the publisher's
    assert local_date("2026-06-30", ["2026-07-01"]) is None  # a bare date is already the printed date
    assert local_date("2026-07-01T03:00:00Z", ["2026-06-30"]) == dt.date(2026, 6, 30)  # the Americas, a day behind


def test_utc_meta_date_and_printed_local_date_on_a_page():
    html = (
        "<html><head><meta property='article:published_time' content='2026-06-30T22:40:00Z'></head><body>"
        "<article><h1>Plant approved</h1><div class='stamp'>Wednesday 1 July 2026 8:10am</div>"
        "<p>The state government has approved a second desalination plant for the city on Tuesday night.</p>"
        "</article></body></html>"
    )
    assert printed_date(parse(html), "2026-06-30T22:40:00Z") == "2026-07-01"
    assert printed_date(parse(html), "2026-06-30T22:40:00+09:30") is None  # not UTC: no search
    doc = Doc(
        doc_id="x",
        input_uri="/a.html",
        fetched_at=NOW,
        text="Plant approved.",
        meta={"page": {"date_structured": "2026-06-30T22:40:00Z", "date_printed": "2026-07-01"}},
    )
    out = normalise_metadata(doc, NOW)
    assert out.published_date == dt.date(2026, 7, 1) and out.date_source == "html_meta"
    assert out.published_at == dt.datetime(2026, 6, 30, 22, 40, tzinfo=dt.UTC)  # the instant stays UTC


def test_ambiguous_slash_date_is_read_day_first_only_outside_english():
    swahili = "Imechapishwa: 08/11/2026\n\nDar es Salaam. Serikali imetangaza mpango wa kuongeza maji safi kwa wakazi."
    english = "Posted: 08/11/2026\n\nThe council approved the new budget for the coming year on Tuesday night."
    for text, expected in ((swahili, dt.date(2026, 11, 8)), (english, None)):
        clean, _, found = apply_rules(text)
        doc = Doc(doc_id="x", input_uri="/a.txt", fetched_at=NOW, text=clean, meta=found)
        out = normalise_metadata(doc, NOW)
        assert out.published_date == expected
        assert out.date_source == ("text_stamp_dmy" if expected else None)
    assert is_stamp("Carla Huamán | 09/06/2026", lead=True)  # a stamp, even when its date cannot be ordered
