"""Round 8: dates and page chrome by shape, in any language (numeric dates with hyphens, stamps glued to the first
sentence, CLDR's numeric date order, tag and counter lines around the story)."""

import datetime as dt

import pytest

from schemas.record import Doc
from transforms.boilerplate_classes import ambiguous_slash_date, stamp_date, stamp_prefix_end
from transforms.boilerplate_shapes import chrome_indices, is_counter_line, is_tag_line
from transforms.clean import apply_rules
from transforms.metadata import _month_first, dateline_date, normalise_metadata
from transforms.page import headline_stamp, parse

NOW = dt.datetime(2026, 11, 23, tzinfo=dt.UTC)
BODY_NL = "Volgens het havenbestuur ging het om bijna 90.000 wagens, vooral uit China en Zuid-Korea."
BODY_EN = "The port authority said the vessel, leased from an Australian operator, carries 700 passengers."


def _metadata(text: str) -> Doc:
    clean, _, found = apply_rules(text)
    return normalise_metadata(Doc(doc_id="x", input_uri="/a.txt", fetched_at=NOW, text=clean, meta=found), NOW)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("વડોદરા, તા. ૧૪-૧૧-૨૦૨૬", "2026-11-14"),  # Gujarati digits, hyphens, day over 12
        ("11-14-2026", "2026-11-14"),  # month first, told by the day over 12
        ("La daabacay: 9 Nofeembar 2026", "2026-11-09"),  # CLDR "Noofeembar" spelt with one o
    ],
)
def test_numeric_and_respelt_dates(text, iso):
    assert stamp_date(text) == iso


@pytest.mark.parametrize("text", ["09-11-2026", "31-02-2026", "5 Bottles 2026", "31-31-2026"])
def test_ambiguous_or_impossible_dates_are_no_date(text):
    assert stamp_date(text) is None


def test_an_ambiguous_hyphen_date_is_left_to_the_language():
    assert ambiguous_slash_date("૦૯-૧૧-૨૦૨૬") == (9, 11, 2026)
    assert dateline_date("Brugge, 09/11/2026") is None  # dateutil would have read 11 September


def test_numeric_date_order_from_cldr():
    assert _month_first("tl") is True and _month_first("zu") is True  # "M/d/yy"
    assert _month_first("nl") is False and _month_first("fi") is False and _month_first("hu") is False
    assert _month_first("en") is None and _month_first("und") is None  # US and UK disagree: unread
    assert _month_first("qq") is False  # a code CLDR does not know: day first, as most of the world


@pytest.mark.parametrize(
    ("text", "prefix"),
    [
        ("Door Lieve Claes, 09/11/2026 om 07:42 " + BODY_NL, "Door Lieve Claes, 09/11/2026 om 07:42"),
        ("Posted 11/14/2026 8:05 PM IST | " + BODY_EN, "Posted 11/14/2026 8:05 PM IST |"),
        ("Julkaistu 12.11.2026 klo 14.05 " + BODY_NL, "Julkaistu 12.11.2026 klo 14.05"),
    ],
)
def test_a_stamp_glued_to_the_first_sentence_is_cut_and_audited(text, prefix):
    clean, removed, found = apply_rules(f"{text}\n\n{BODY_EN}")
    assert ("header.stamp_prefix", prefix) in removed
    assert clean.startswith(text[len(prefix) :].strip())  # the sentence itself stays whole
    assert found.get("stamp_dates") or found.get("ambiguous_dates")


@pytest.mark.parametrize(
    "text",
    [
        "On 9 November 2026 the council voted to close the bridge for good.",  # a sentence opening with a date
        "The council voted on 9 November 2026 to close the bridge for good.",
        "Door 09/11/2026 Open.",  # too few words after it to be a sentence
        "At 10.30 The crowd began to gather in the square outside the hall.",  # a time, no full date
        "Prime Minister Mark Rutte said that on 09/11/2026 Belgium would join the plan.",  # words of a clause
    ],
)
def test_sentences_that_hold_a_date_are_not_cut(text):
    assert stamp_prefix_end(text) is None
    clean, _, _ = apply_rules(f"{text}\n\n{BODY_EN}")
    assert text in clean


def test_a_glued_ambiguous_stamp_is_read_in_the_texts_language():
    out = _metadata(f"Door Lieve Claes, 09/11/2026 om 07:42 {BODY_NL}\n\n{BODY_NL}")
    assert (out.published_date, out.date_source) == (dt.date(2026, 11, 9), "text_stamp_dmy")
    english = _metadata(f"By Marcia Baptiste, 09/11/2026 at 07:42 {BODY_EN}\n\n{BODY_EN}")
    assert english.published_date is None  # US or UK: no guess


def test_datelines_with_a_long_credit_or_an_initials_code():
    text = "విజయవాడ, అక్టోబర్ 20, 2026 (కృష్ణా పత్రిక ప్రతినిధి): ఈ ఏడాది మామిడి ఎగుమతులు రెట్టింపు అయ్యాయి."
    out = _metadata(f"{text}\n\nనూజివీడు రైతులు 1,200 టన్నుల మామిడిని ఎగుమతి చేశారు.")
    assert (out.published_date, out.date_source) == (dt.date(2026, 10, 20), "dateline")
    assert out.source is None  # a correspondent's credit is no outlet name
    clean, removed, found = apply_rules(f"Hargeysa (HT) – Dekedda Berbera ayaa dhoofisay xoolo badan.\n\n{BODY_EN}")
    assert ("header.code_dateline", "Hargeysa (HT) –") in removed and clean.startswith("Dekedda Berbera")
    assert "wire" not in found.get("header", {})  # initials are no source


def test_the_headline_stamp_of_a_page_without_a_declared_date():
    html = (
        "<html><body><h1>Oulun uusi kävelysilta avautuu</h1>"
        "<p class='meta'>Julkaistu 12.11.2026 14:05 | Päivitetty 13.11.2026 16:30</p>"
        "<p>Oulujoen suiston uusi silta avataan liikenteelle joulukuun puolivälissä, kertoo kaupunki.</p>"
        "</body></html>"
    )
    assert headline_stamp(parse(html)) == "2026-11-12"  # the published date, not the update
    updated_only = html.replace("Julkaistu 12.11.2026 14:05 | ", "")
    assert headline_stamp(parse(updated_only)) is None
    prose = html.replace("Julkaistu", "Kaupunki kertoi torstaina uudesta sillasta")
    assert headline_stamp(parse(prose)) is None  # a date inside a sentence is no stamp


@pytest.mark.parametrize(
    "line",
    [
        "Tags: Tobago, Ferries, Tourism",
        "Aiheet: Oulu, Liikenne, Pyöräily",
        "ಟ್ಯಾಗ್‌ಗಳು: ಮೈಸೂರು, ರೇಷ್ಮೆ",
        "Oulu · Liikenne · Pyöräily",
    ],
)
def test_tag_lines(line):
    assert is_tag_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Ingredients: flour, sugar, eggs",  # lower-case items: a list of the story
        "Lee también: El Gobierno aprueba el plan",  # one item: a related link
        "Note: He said, She said.",  # a sentence mark
        "Oulu, Liikenne, Pyöräily",  # commas without a label: could be a sentence's fragment
        "Lieferbar: 12 ml, 125 ml, 450 ml, 1 L",  # numbers: a product's sizes
        "Verdicker/Basisöl: Li-Seifen/Mineralöl",  # a spec line
    ],
)
def test_not_tag_lines(line):
    assert not is_tag_line(line)


@pytest.mark.parametrize("line", ["12 kommenttia", "Komente (0)", "ਟਿੱਪਣੀਆਂ (3)", "4 min read", "Lukuaika 3 min"])
def test_counter_lines(line):
    assert is_counter_line(line)


@pytest.mark.parametrize(
    "line", ["Chapter 3", "2026", "Advertisement", "Page 2 of 5", "12 of 40 seats went.", "1 2 3", "Ergibt: 40 Stück"]
)
def test_not_counter_lines(line):
    assert not is_counter_line(line)


def test_chrome_lines_go_only_around_the_story():
    paras = ["Headline here", "Lukuaika 3 min", BODY_EN, "3 killed", BODY_EN, "Aiheet: Oulu, Liikenne", "12 kommenttia"]
    assert chrome_indices(paras) == [(1, "shape.counter"), (5, "shape.tag_line"), (6, "shape.counter")]
    assert chrome_indices(["12 comments", "Tags: A, B"]) == []  # no story: nothing to frame
    clean, removed, _ = apply_rules("\n\n".join(paras))
    assert "3 killed" in clean and "12 kommenttia" not in clean
    assert ("shape.tag_line", "Aiheet: Oulu, Liikenne") in removed and ("shape.counter", "Lukuaika 3 min") in removed
    recipe = ["Mandelplätzchen", "Ergibt: 40 Stück", "300 g Mehl", "1 TL Backpulver", "1 Ei", BODY_EN, BODY_EN]
    assert chrome_indices(recipe) == []  # a run of counts is the story's list (a recipe's ingredients)


def test_own_name_and_rights_lines_around_the_story():
    paras = [
        "Ponte Giratória volta a abrir",
        "Jornal do Capibaribe Recife",
        BODY_EN,
        BODY_EN,
        "Receba as notícias do Jornal do Capibaribe no seu celular",
        "Kopiereg © 2026 Vrystaat Nuus. Alle regte voorbehou.",  # a sentence's shape, but a rights line
    ]
    assert chrome_indices(paras, site="Jornal do Capibaribe") == [
        (1, "shape.own_name"),
        (4, "shape.own_name"),
        (5, "shape.copyright"),
    ]
    assert chrome_indices(paras) == [(5, "shape.copyright")]  # no site name known: only the rights line
    inside = [BODY_EN, "O Jornal do Capibaribe apurou", BODY_EN]
    assert chrome_indices(inside, site="Jornal do Capibaribe") == []  # inside the story it stays
    told = BODY_EN.replace("The port authority", "The port authority told the Tobago Courier it")
    assert chrome_indices(["Headline", BODY_EN, told], site="Tobago Courier") == []  # a sentence naming the outlet


def test_learned_threshold_is_lower_only_below_the_story():
    import copy

    from transforms.boilerplate_learned import TAIL_THRESHOLD, boilerplate_indices, default_model

    model = copy.copy(default_model())
    assert model.threshold > TAIL_THRESHOLD
    model.threshold = 1.0  # nothing reaches it: only the threshold below the story can remove a line
    line = "Shpërndaje lajmin"  # a share prompt (Albanian)
    below = ["Porti hap terminalin", BODY_EN, BODY_EN, line]
    assert boilerplate_indices(below, [0, 1, 2, 3], model) == [3]
    between = ["Porti hap terminalin", BODY_EN, line, BODY_EN]
    assert boilerplate_indices(between, [0, 1, 2, 3], model) == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("कात्तिक २२, २०८३", True),  # Bikram Sambat: no Gregorian month, a date all the same
        ("12 Rabi' al-Awwal 1448", True),
        ("Jumatatu 9 Novemba 2026", True),
        ("3 killed in 2026 crash", False),  # a clause
        ("Budget 2026", False),  # one number
        ("On 12 May 2026 we met.", False),  # a sentence
    ],
)
def test_date_lines_of_any_calendar(line, expected):
    from transforms.boilerplate_shapes import is_date_line

    assert is_date_line(line) is expected


def test_a_date_line_goes_only_above_the_story():
    paras = ["Pokhara rules", "कात्तिक २२, २०८३", BODY_EN, "Jumatatu 9 Novemba 2026", BODY_EN]
    assert chrome_indices(paras) == [(1, "shape.date_line")]


def test_a_related_heading_split_from_its_link():
    from transforms.page import link_lines

    html = (
        "<html><body><article><h1>Paragliding rules</h1>"
        "<p>The city issued new safety rules on Monday for all pilots.</p>"
        "<p>सम्बन्धित समाचार</p><p><a href='/x'>फेवाताल किनारमा नयाँ साइकल लेन</a></p>"
        "<p>Pilots welcomed the rules but feared higher fees in the coming season.</p>"
        "<p>See the <a href='/y'>full rules</a></p>"  # a sentence around a link: not a related line
        "<p>Read the whole judgment here.</p><p><a href='/z'>The judgment</a></p>"  # a sentence above: no label
        "</article></body></html>"
    )
    assert link_lines(parse(html)) == ["सम्बन्धित समाचार", "फेवाताल किनारमा नयाँ साइकल लेन"]


def test_a_platform_line_goes_only_below_the_story():
    paras = ["Porti hap terminalin", "Facebook dhe Instagram", BODY_EN, BODY_EN, "Na ndiqni në Facebook dhe Instagram"]
    assert chrome_indices(paras) == [(4, "shape.platform_line")]  # above the story it could be a kicker
    said = 'He said: "Follow us on Facebook"'  # reported speech stays
    assert chrome_indices(["Headline", BODY_EN, said]) == []
    story = "Facebook fined again in Ireland, regulator says"  # a headline-like line inside the story
    assert chrome_indices(["Headline", BODY_EN, story, BODY_EN]) == []
