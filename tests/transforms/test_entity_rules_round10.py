"""Round 10 of the entity rules (issue #4, from blind batch L): bodies named "X on Y", buildings "X of Y", towns
named for a port or a fort, a party "of" its leader, a seat after "por", lower-case institution nouns before a
name, acronyms spelled by syllables, German compounds of bodies and nationality nouns, schools named after a
person, as look-alike sentences with invented names (not the gold articles), and the guards that keep them from
over-reaching."""

from __future__ import annotations

import pytest

from tests.checks import assert_tagged
from tests.checks import mentions_by_text as tags


@pytest.mark.parametrize(
    ("text", "language", "name", "label"),
    [
        # an organisation's head, "on" and its domain
        (
            "Commission on Water Rights chairman Tomas Arvelo said turnout was high.",
            "en",
            "Commission on Water Rights",
            "ORG",
        ),
        ("She sits on the Committee on Rural Roads this year.", "en", "Committee on Rural Roads", "ORG"),
        # a building named "X of Y"
        ("Lawyers gathered outside the Palace of Culture in the capital.", "en", "Palace of Culture", "LOC"),
        # a town named for a port or a fort
        ("The ferry to Port Makondo has not sailed since June.", "en", "Port Makondo", "GPE"),
        # a party "of" its leader, named in full: two names
        ("The Kijani Party of Farida Omondi-Kessy filed its list.", "en", "Kijani Party", "ORG"),
        ("The Kijani Party of Farida Omondi-Kessy filed its list.", "en", "Farida Omondi-Kessy", "PERSON"),
        # a person named in full, "and the" and a body: two names
        ("Lawyer Amani Korir and the Coastal Fishers Forum filed the petition.", "en", "Coastal Fishers Forum", "ORG"),
        # "por" and a bare place after a complete party's name is a seat, not the party's cause
        ("La diputada del Partido Verde por Ocotepeque votó en contra.", "es", "Partido Verde", "ORG"),
        # a lower-case institution noun before a name; its city stays apart
        ("Elle enseigne à l'université Pine Hollow depuis dix ans.", "fr", "université Pine Hollow", "ORG"),
        ("Il ferito è stato portato all'ospedale San Vitaliano di Trento.", "it", "ospedale San Vitaliano", "ORG"),
        # a mixed-case acronym spelled by the syllables of a long name
        (
            "La Cooperativa Regional Cafetalera Las Brisas (Corecab) pidió créditos.",
            "es",
            "Cooperativa Regional Cafetalera Las Brisas",
            "ORG",
        ),
        (
            "O deputado da Frente Popular de Libertação Nacional (Frepolin) votou contra.",
            "pt",
            "Frente Popular de Libertação Nacional",
            "ORG",
        ),
        # a German compound of a body, with its seat, and in the genitive
        ("Sie startet für den Skiclubverein Oberwald und gewann.", "de", "Skiclubverein Oberwald", "ORG"),
        ("Der Präsident des Bayerischen Schützenverbands (BSV), Anton Weiler, sprach.", "de", "BSV", "ORG"),
        # a school named after a person, and a person before it
        (
            "Ze studeert aan de Johan Ferrier Universiteit van Paramaribo.",
            "nl",
            "Johan Ferrier Universiteit van Paramaribo",
            "ORG",
        ),
        (
            "Onderzoeker Iris Mahabier van de Johan Ferrier Universiteit meet het zout.",
            "nl",
            "Iris Mahabier",
            "PERSON",
        ),
        # a hyphenated name of two capitalised parts is no nationality adjective
        ("As receitas do campo Kelapa-Natan acabam antes de 2030.", "pt", "Kelapa-Natan", "ORG"),
    ],
)
def test_round10_rules_tag_names(text, language, name, label):
    assert_tagged(text, language, name, label)


@pytest.mark.parametrize(
    ("text", "language", "word"),
    [
        ("The Commission on Monday rejected the appeal.", "en", "Commission on Monday"),
        ("Two men appeared at Kelso District Court on Monday.", "en", "Kelso District Court on Monday"),
        ("The Kijani Party of Farida Omondi-Kessy filed its list.", "en", "Kijani Party of Farida Omondi-Kessy"),
        ("The Coastal Institute of Marine Science said so.", "en", "Marine Science"),
        (
            "Lawyer Amani Korir and the Coastal Fishers Forum filed the petition.",
            "en",
            "Amani Korir and the Coastal Fishers Forum",
        ),
        ("Il ferito è stato portato all'ospedale San Vitaliano di Trento.", "it", "ospedale San Vitaliano di Trento"),
        (
            "Der Präsident des Bayerischen Schützenverbands (BSV), Anton Weiler, sprach.",
            "de",
            "Bayerischen Schützenverbands (BSV)",
        ),
        ("Beste Österreicherin wurde Lisa Moritz auf Rang neun.", "de", "Beste Österreicherin"),
        ("Die Norwegerin Kari Lunde gewann vor der Schweizerin Nina Gerber.", "de", "Schweizerin Nina Gerber"),
        ("La diputada del Partido Verde por Ocotepeque votó en contra.", "es", "Partido Verde por Ocotepeque"),
    ],
)
def test_round10_rules_leave_out(text, language, word):
    assert word not in tags(text, language)


def test_round10_genitive_body_is_no_person_and_its_acronym_links_to_it():
    found = tags("Der Präsident des Bayerischen Schützenverbands (BSV), Anton Weiler, sprach.", "de")
    assert found["Bayerischen Schützenverbands"]["label"] == "ORG"
    assert found["BSV"]["entity_id"] == found["Bayerischen Schützenverbands"]["entity_id"]
    assert found["Anton Weiler"]["label"] == "PERSON"


def test_round10_a_party_named_for_a_cause_after_por_is_still_one_name():
    assert_tagged(
        "La Asamblea Riojana por el Agua Limpia marchó ayer.", "es", "Asamblea Riojana por el Agua Limpia", "ORG"
    )


@pytest.mark.parametrize(
    ("text", "language", "word"),
    [
        ("El ministro de Vivienda y Comercio, Pablo Ferreyra, habló ayer.", "es", "Comercio"),
        ("La ministre de l'Habitat et du Logement rural, Anne Dufresne, a promis.", "fr", "Logement"),
        ("A ministra da Pesca e Recursos Marinhos, Rosa Tavares, falou.", "pt", "Recursos Marinhos"),
    ],
)
def test_round10_later_domains_of_a_portfolio_are_no_names(text, language, word):
    found = tags(text, language)
    assert word not in found
    assert any(m["label"] == "PERSON" for m in found.values())  # the minister is still tagged
