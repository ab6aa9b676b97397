"""Month names of languages no table of ours lists, from CLDR (babel): stamps and dates in unseen languages."""

import pytest

from transforms.boilerplate_classes import is_lead_stamp, stamp_date
from transforms.clean import apply_rules

BODY = "Dekedda Berbera ayaa bishii hore dhoofisay in ka badan 300,000 oo neef oo xoolo ah, taas oo ah tiradii."


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("La daabacay: 9 Noofeembar 2026", "2026-11-09"),  # Somali
        ("అక్టోబర్ 20, 2026", "2026-10-20"),  # Telugu, month first
        ("१८ अक्टूबर २०२६", "2026-10-18"),  # Hindi with Devanagari digits
        ("Cyhoeddwyd 3 Hydref 2026", "2026-10-03"),  # Welsh
        ("Gepubliseer: 17 November 2026 06:00", "2026-11-17"),  # Afrikaans
        ("12 ოქტომბერი 2026", "2026-10-12"),  # Georgian
        ("Publikuar më 14 tetor 2026", "2026-10-14"),  # Albanian
    ],
)
def test_month_names_of_any_language_read_as_dates(text, iso):
    assert stamp_date(text) == iso


@pytest.mark.parametrize(
    "text",
    [
        "12 people 2026",  # a number, a word and a year, but no month
        "कात्तिक २२, २०८३",  # a Bikram Sambat date: its month is not a Gregorian month name
        "Room 14 Floor 2026",
    ],
)
def test_words_that_are_no_month_make_no_date(text):
    assert stamp_date(text) is None


def test_the_curated_tables_still_decide_their_own_names():
    assert stamp_date("5. listopada 2026.", context="Vlada je u Zagrebu odlučila, čime će se ...") == "2026-10-05"
    assert stamp_date("5 listopada 2026", context="Rząd w Warszawie zdecydował, że ...") == "2026-11-05"


def test_a_lead_stamp_in_an_unseen_language_is_removed_and_its_date_kept():
    assert is_lead_stamp("La daabacay: 9 Noofeembar 2026")
    text, removed, found = apply_rules(f"La daabacay: 9 Noofeembar 2026\n\n{BODY}\n\n{BODY}")
    assert ("classify.stamp", "La daabacay: 9 Noofeembar 2026") in removed
    assert found["stamp_dates"] == ["2026-11-09"]
    assert text.startswith("Dekedda Berbera")
