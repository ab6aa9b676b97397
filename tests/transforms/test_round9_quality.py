"""Round 9 (tuned on blind batch Q's misses): bylines without a byline word, staff credits below the story, a
related heading over several links, a rights word before "© year", ad markers and prompts of more languages."""

import pytest

from transforms.boilerplate_classes import is_call_to_action
from transforms.boilerplate_shapes import chrome_indices, is_credits_line, is_name_line
from transforms.clean import apply_rules
from transforms.page import link_lines, parse

BODY = "The port authority said the vessel, leased from an Australian operator, carries 700 passengers."


@pytest.mark.parametrize("line", ["Rūta Petrauskienė", "Marlize van Wyk", "Varga Eszter", "J. R. Smith"])
def test_name_lines(line):
    assert is_name_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Keltas į Smiltynę kursuos dažniau",  # a headline in sentence case
        "Oulu Bridge Opens In December",  # five words: a title, not a name
        "BREAKING NEWS",
        "Ana da",  # a particle cannot end a name
        "John Smith said.",
        "पोखरा खबर",  # a caseless script: no capitals to tell a name by
    ],
)
def test_not_name_lines(line):
    assert not is_name_line(line)


def test_a_name_line_goes_only_between_headline_and_story():
    paras = ["Keltas į Smiltynę kursuos dažniau", "Rūta Petrauskienė", BODY, "Menetrend Csak Nyáron", BODY]
    assert chrome_indices(paras) == [(1, "shape.byline")]  # a crosshead inside the story stays
    assert chrome_indices(["Marlize van Wyk", BODY]) == []  # the first line is the headline


@pytest.mark.parametrize("line", ["/autor: Ioana Marin, editor: Mihai Stan/", "Foto: Agerpres", "(Text: Jan Novák)"])
def test_credits_lines(line):
    assert is_credits_line(line)


@pytest.mark.parametrize("line", ["Ergibt: 40 Stück", "Tags: oulu", "Note: This is it.", "autor: Ioana Marin said"])
def test_not_credits_lines(line):
    assert not is_credits_line(line)


def test_credits_go_only_around_the_story_and_alone():
    paras = ["Headline", "Foto: Agerpres", BODY, BODY, "/autor: Ioana Marin, editor: Mihai Stan/"]
    # round 11: above the story too ("Tekstur: Rúni Joensen" between headline and first sentence)
    assert chrome_indices(paras) == [(1, "shape.credits"), (4, "shape.credits")]
    assert chrome_indices(["Headline", BODY, "Foto: Agerpres", BODY]) == []  # inside the story: its own
    products = ["Headline", BODY, BODY, "Ohrringe: Leaf Combo Zoeca", "Earcuff: Zoeca", "Kreole: Stella Hoops"]
    assert chrome_indices(products) == []  # a run of them is the page's list (a real page's product credits)


def test_a_related_heading_over_several_links():
    html = (
        "<html><body><article><h1>Tram-train</h1>"
        "<p>The trams start their trial runs towards the town in the spring, the company said.</p>"
        "<p>Kapcsolódó cikkek</p><p><a href='/a'>Új buszmegálló épül a Mars téren</a></p>"
        "<p><a href='/b'>Elkészült a kerékpárút második szakasza</a></p>"
        "<p>Read the whole judgment here.</p><p><a href='/z'>The judgment</a></p>"  # a sentence above: no label
        "</article></body></html>"
    )
    assert link_lines(parse(html)) == [
        "Kapcsolódó cikkek",
        "Új buszmegálló épül a Mars téren",
        "Kapcsolódó cikkek",
        "Elkészült a kerékpárút második szakasza",
    ]


def test_a_rights_word_before_the_copyright_sign_names_the_holder():
    _, removed, found = apply_rules("\n\n".join([BODY, BODY, "Karapatang-ari © 2026 Bikol Ngayon"]))
    assert found.get("copyright_holders") == ["Bikol Ngayon"]
    assert ("copyright.line", "Karapatang-ari © 2026 Bikol Ngayon") in removed
    _, _, found = apply_rules("\n\n".join([BODY, "Foto © Jane Doe", BODY]))
    assert not found.get("copyright_holders")  # no year: a photo credit, no holder


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Της Ελένης Παπαδάκη", "byline"),
        ("Ni Jose Dela Cruz", "byline"),
        ("Deur Marlize van Wyk", "byline"),
        ("Nuotr. Klaipėdos uosto direkcijos", "caption.credit_line"),
        ("Φωτογραφία αρχείου: Eurokinissi", "caption.credit_line"),
        ("REKLAMË", "ad.marker"),
    ],
)
def test_bylines_credits_and_ad_markers_of_more_languages(text, rule):
    clean, removed, _ = apply_rules("\n\n".join([BODY, text, BODY]))
    assert (rule, text) in removed and text not in clean


@pytest.mark.parametrize(
    "text",
    [
        "Iratkozzon fel hírlevelünkre, és minden reggel elküldjük a legfontosabb szegedi híreket!",
        "Kövesse a Tiszai Hírlapot a Facebookon is!",
        "I-like at i-follow ang aming Facebook page para sa mga pinakabagong balita.",
        "Laai ons gratis toep af",
    ],
)
def test_calls_to_action_written_as_sentences(text):
    assert is_call_to_action(text)


@pytest.mark.parametrize(
    "text",
    [
        "A polgármester szerint a Facebookon is kövesse a lakosság a döntéseket, mondta.",  # reported
        "Laai-aanlegte in die hawe is gister gesluit.",  # 'laai' in a compound, no imperative
        "Sinabi ng alkalde na i-like ng mga tao ang Facebook page, ayon sa ulat.",  # reported speech
    ],
)
def test_sentences_about_platforms_are_no_calls_to_action(text):
    assert not is_call_to_action(text)
