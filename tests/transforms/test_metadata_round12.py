"""Round 12 metadata: the outlet from rights lines in any wording, an agency's quoted name, a bureau word after
an outlet; a date in a byline line's stamp field; languages a detector does not know or confuses with a
neighbour. Cases invented for the test, none copied from the gold."""

import datetime as dt

import pytest

from schemas.record import Doc
from transforms.dates import lead_field_date, stamp_field_date
from transforms.language import _neighbour, detect_language
from transforms.metadata import (
    choose_source,
    normalise_metadata,
    numeric_order,
    outlet_name,
    own_name,
    rights_holders,
)
from transforms.page import headline_stamp, page_locale, parse

NOW = dt.datetime(2026, 11, 23, tzinfo=dt.UTC)


def _doc(meta: dict | None = None, removed: tuple = ()) -> Doc:
    return Doc(doc_id="x", input_uri="/a.txt", fetched_at=NOW, meta=meta or {}, removed=removed)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Haki zote © 2025 Pwani Leo.", ["Pwani Leo"]),  # a rights phrase no rule lists, before the sign
        ("Dereitos reservados © 2019-2026 Faro do Miño | Aviso legal", ["Faro do Miño"]),  # a span of years, a bar
        ("© Kuulutaja Press 2026", ["Kuulutaja Press 2026"]),  # the year after the holder (`copyright_outlet` cuts it)
        ("Photo © Jane Mwangi", []),  # no year: a photographer's credit
    ],
)
def test_rights_holders_read_after_the_sign(line, expected):
    assert rights_holders([("shape.copyright", line)]) == expected


def test_rights_holders_only_from_rights_rules():
    assert rights_holders([("caption.credit_line", "Picha © 2026 Juma Ali")]) == []


def test_a_rights_line_names_the_outlet_when_nothing_else_does():
    doc = _doc(removed=(("shape.copyright", "Hakkı saklıdır © 2026 Kıyı Postası."),))
    assert choose_source(doc) == ("Kıyı Postası", None)


def test_a_wire_holder_of_a_rights_line_is_no_outlet():
    doc = _doc(removed=(("shape.copyright", "Copyright © 2026 The Associated Press. All rights reserved."),))
    assert choose_source(doc)[0] is None


@pytest.mark.parametrize(
    ("credit", "expected"),
    [
        ("ИА «Северный вестник»", "Северный вестник"),  # the kind's initials and the quoted name
        ("АА «Тонг»", "Тонг"),
        ("Kisan Times Bureau", "Kisan Times"),
        ("नवभारत ब्यूरो", "नवभारत"),  # "bureau" as Hindi writes it
        ("Bureau", "Bureau"),  # a bare word stays
        ("Federal «Mail»", "Federal «Mail»"),  # a capitalised word is no kind's initials
        ("Northern Echo", "Northern Echo"),
        (None, None),
    ],
)
def test_outlet_name(credit, expected):
    assert outlet_name(credit) == expected


def test_a_dateline_credit_is_named_as_readers_name_it():
    assert choose_source(_doc({"header": {"wire": "ИА «Северный вестник»"}}))[0] == "Северный вестник"
    assert choose_source(_doc({"header": {"wire": "ਕਿਸਾਨ ਟਾਈਮਜ਼ ਬਿਊਰੋ"}}))[0] == "ਕਿਸਾਨ ਟਾਈਮਜ਼"


# --- a date in a byline line's stamp field, opened by a weekday of any language


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Jane Doe | Tuesday, 3 March 2026 10:05", "2026-03-03"),
        ("Nosoratan'i Rindra Be | Alarobia 4 Martsa 2026", "2026-03-04"),  # mg weekday and month
        ("Kirjoittanut Matti Virtanen · torstaina 5. marraskuuta 2026", "2026-11-05"),  # fi, a middle dot
        ("Le Iain Mac a' Phì | Diardaoin 5 Samhain 2026", "2026-11-05"),  # gd
        ("Wahl am 12. März 2026 | Analyse", None),  # a headline's date with words: no stamp field
        ("By Jane Doe | 3 comments", None),
    ],
)
def test_stamp_field_date(line, expected):
    assert stamp_field_date(line) == expected


def test_headline_stamp_reads_the_byline_line_under_the_headline():
    html = (
        "<html><body><h1>Vidiny ny vary</h1><div class='meta'>Nosoratan'i Rindra Be | Alarobia 4 Martsa 2026</div>"
        "<p>Niakatra ny vidin'ny vary tamin'ity herinandro ity.</p></body></html>"
    )
    assert headline_stamp(parse(html)) == "2026-03-04"


def test_a_dump_byline_line_dates_the_copy():
    text = (
        "Vidiny ny vary eto Toamasina\n\nNosoratan'i Rindra Be | Alarobia 4 Martsa 2026\n\n"
        "Niakatra ny vidin'ny vary tamin'ity herinandro ity hoy ny mpivarotra."
    )
    out = normalise_metadata(_doc().replace(text=text), NOW)
    assert (out.published_date, out.date_source) == (dt.date(2026, 3, 4), "text_lead")


def test_a_dated_sentence_in_the_body_is_no_byline_stamp():
    text = "Headline\n\nThe vote is on Tuesday, 3 March 2026 | the mayor said.\n\n" + "Body text. " * 5
    assert lead_field_date(text) is None


# --- languages the detector does not know or confuses with a neighbour


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Asturian: no detector knows it (py3langid says "ext" or "an")
        (
            "El conceyu aprobó ayeri'l presupuestu pal añu que vien. La conceyala dixo que nun hai perres pa tolos "
            "proyectos y que les obres nel centru van entamar en xineru col sofitu del gobiernu.",
            "ast",
        ),
        # its neighbours stay themselves
        ("El ayuntamiento aprobó ayer el presupuesto para el año que viene y las obras empezarán en enero.", "es"),
        ("O concello aprobou onte o orzamento para o ano que vén e as obras comezarán en xaneiro.", "gl"),
        ("L'ajuntament va aprovar ahir el pressupost de l'any vinent i les obres començaran al gener.", "ca"),
        ("A câmara aprovou ontem o orçamento para o próximo ano e as obras começam em janeiro.", "pt"),
    ],
)
def test_unlisted_neighbour_languages(text, expected):
    assert detect_language(text)[0] == expected


def test_pidgin_needs_its_own_words():
    assert _neighbour("pcm", "Kenya's parliament passed the housing levy bill on Tuesday.") == "en"
    assert _neighbour("pcm", "Di goment don talk say dem go fix di road wey spoil for Lagos.") == "pcm"
    assert _neighbour("de", "Der Rat hat heute getagt.") == "de"  # no table: the detector's answer


# --- the order of an ambiguous numeric date: the copy's other dates, the declared country, the domain's country


@pytest.mark.parametrize(
    ("texts", "locale", "url", "language", "expected"),
    [
        (["Posted 03/04/2026", "Updated 11/23/2026"], None, None, "en", True),  # 23 can only be the day
        (["Posted 03/04/2026", "Correction 23.11.2026"], None, None, "en", False),
        ([""], "en_GB", None, "en", False),
        ([""], "en_US", None, "en", True),
        ([""], None, "https://www.harbourgazette.co.uk/news/x", "en", False),
        ([""], None, "https://news.example.com.ph/x", "en", True),  # Philippine English: month first
        ([""], None, "https://lagosvoice.ng/x", "en", False),
        ([""], None, "https://example.com/x", "en", None),  # no country: US or UK, unread
        ([""], "en_CA", None, "en", None),  # Canada writes both orders
        ([""], None, None, "de", False),
        ([""], None, None, "fil", True),
    ],
)
def test_numeric_order(texts, locale, url, language, expected):
    assert numeric_order(texts, locale, url, language) is expected


def test_page_locale():
    assert page_locale(parse("<html lang='en-gb'><body><p>x</p></body></html>")) == "en_GB"
    assert page_locale(parse("<html lang='en'><head><meta property='og:locale' content='en_NG'></head></html>")) == (
        "en_NG"
    )
    assert page_locale(parse("<html lang='en'><body><p>x</p></body></html>")) is None


def test_an_english_stamp_is_read_in_the_order_of_the_pages_country():
    doc = _doc({"ambiguous_dates": [[3, 4, 2026]], "page": {"locale": "en_GB"}}).replace(
        text="The council met on Monday and agreed the budget for the coming year."
    )
    out = normalise_metadata(doc, NOW)
    assert (out.published_date, out.date_source) == (dt.date(2026, 4, 3), "text_stamp_dmy")
    unknown = normalise_metadata(doc.replace(meta={"ambiguous_dates": [[3, 4, 2026]]}), NOW)
    assert unknown.published_date is None


# --- a lead line opened by a stamp word; the platform that republishes a credited copy


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Headline\n\nPosted on Coastwatch Daily: 4 March 2026, 09:10 (GMT+3)\n\nThe port reopened.", "2026-03-04"),
        ("Titre\n\nPublié sur Le Relais : 4 mars 2026 à 9 h 10\n\nLe port a rouvert.", "2026-03-04"),
        ("Headline\n\nPosted on Facebook by the mayor on 4 March 2026, the photo spread fast.\n\nBody.", None),
        ("Headline\n\nUpdated on Coastwatch Daily: 4 March 2026\n\nThe port reopened.", None),  # an update
        ("Headline\n\nOn 4 March 2026 the port reopened\n\nBody.", None),  # "On" is too short a stamp word
    ],
)
def test_lead_stamp_line(text, expected):
    assert lead_field_date(text) == expected


def test_a_platform_republishing_a_credited_copy_is_its_syndicator():
    text = "Posted on Coastwatch Daily: 4 March 2026\n\nMOMBASA (KNA) - The port reopened on Tuesday."
    doc = _doc({"outlets": ["Kenya News Agency"]}, (("meta.source_line", "Source: Kenya News Agency"),))
    assert choose_source(doc.replace(text=text)) == ("Kenya News Agency", "Coastwatch Daily")
    note = (
        "trailer.first_published",
        "This story was originally published by Kenya News Agency and is republished on Coastwatch Daily.",
    )
    assert choose_source(_doc({"outlets": ["Kenya News Agency"]}, (note,)).replace(text="Body."))[1] == (
        "Coastwatch Daily"
    )


def test_an_outlets_own_published_on_stamp_is_no_syndication():
    text = "Published on The Harbour Times: 4 March 2026\n\nThe port reopened on Tuesday."
    assert choose_source(_doc({"page": {"sitename": "The Harbour Times"}}).replace(text=text)) == (
        "The Harbour Times",
        None,
    )
    credited_self = _doc({"outlets": ["Harbour Times"]}, (("meta.source_line", "Source: Harbour Times"),))
    assert choose_source(credited_self.replace(text=text))[1] is None  # the same name: no other platform


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The Harbour Times is part of Northwind Media Ltd. © 2026 All rights reserved.", ["The Harbour Times"]),
        ("Le Relais fait partie du groupe Médias Nord. © 2026 Tous droits réservés.", ["Le Relais"]),
        ("© 2026 All rights reserved.", []),  # no holder anywhere
    ],
)
def test_a_rights_line_with_no_holder_names_the_title_its_owner_publishes(line, expected):
    assert rights_holders([("shape.copyright", line)]) == expected


# --- the outlet naming itself only in its own prompts or disclaimers (last resort)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Follow the Lakeside Courier on WhatsApp for breaking news.", "The Lakeside Courier"),
        ("Suivez Le Relais du Nord sur Facebook", "Le Relais du Nord"),
        ("Like the Coast Weekly on Facebook and Instagram", "The Coast Weekly"),
        (
            "Opinions in the comments do not reflect the views of The Harbour Gazette. We moderate them.",
            "The Harbour Gazette",
        ),
        ("Follow us on Facebook", None),
        ("Follow The Latest On Our App", None),  # no platform: a prompt, not a name
        ("Follow the latest news on WhatsApp", None),  # no capitalised name
        ("The views of the author are her own.", None),
    ],
)
def test_own_name(line, expected):
    assert own_name([("social.prompt", line)]) == expected


def test_own_name_is_the_last_resort():
    removed = (("social.prompt", "Follow the Lakeside Courier on WhatsApp"),)
    assert (
        choose_source(_doc({"page": {"sitename": "Lakeside Courier Online"}}, removed))[0] == "Lakeside Courier Online"
    )
    assert choose_source(_doc({}, removed))[0] == "The Lakeside Courier"
