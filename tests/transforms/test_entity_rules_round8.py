"""Round 8 of the entity rules (issue #4): Turkish case endings, openers in languages that capitalise only names,
Czech and Slovak institutions with a lower-case tail, case forms linked, as look-alike sentences with invented
names (not the gold articles), and the guards that keep them from over-reaching."""

from __future__ import annotations

import pytest

from tests.checks import mentions_by_text as tags


@pytest.mark.parametrize(
    ("text", "language", "name", "label"),
    [
        # a Turkish case ending after an apostrophe is no part of the name; two names in a row stay two
        ("Karaburunspor, deplasmanda Yalıkavak'ı 2-0 yendi ve zirveye yerleşti.", "tr", "Yalıkavak", None),
        ("Takım cumartesi günü Akçaova'da Dereliköyspor'a konuk olacak.", "tr", "Akçaova", None),
        ("Takım cumartesi günü Akçaova'da Dereliköyspor'a konuk olacak.", "tr", "Dereliköyspor", "ORG"),
        # a "-spor" club opening a sentence
        ("Karaburunspor, deplasmanda Yalıkavak'ı 2-0 yendi ve zirveye yerleşti.", "tr", "Karaburunspor", "ORG"),
        # two capitalised words opening a sentence where only names are capitalised: one name
        ("Grupa Wielopole ogranicza produkcję nawozów w swoich zakładach.", "pl", "Grupa Wielopole", None),
        # three: the first word may be any word ("Akcje" = shares)
        ("Akcje Grupy Wielopole spadły o cztery procent na giełdzie.", "pl", "Grupy Wielopole", None),
        # a Slavic adjective before the name is cut off
        ("Konkurencyjny Brzozol utrzymuje produkcję na pełnych obrotach.", "pl", "Brzozol", None),
        # Czech institutions with a capital on the first word only
        ("Dotace na nové vozy spravuje Ministerstvo dopravy.", "cs", "Ministerstvo dopravy", "ORG"),
        ("Firma se odvolala k Úřadu pro ochranu hospodářské soutěže (ÚOHS).", "cs", None, "ORG"),
        ("Smlouvu podepsal Dopravní podnik Hradec ve středu.", "cs", "Dopravní podnik Hradec", "ORG"),
        ("Nákup financuje Evropská unie z fondů pro regiony.", "cs", "Evropská unie", "ORG"),
        # two lower-case adjectives after an Italian institution's head
        ("L'Osservatorio sismico regionale ha registrato tre scosse.", "it", "Osservatorio sismico regionale", "ORG"),
        # plural domain words before "and"; a common word opening the sentence before a company
        (
            "The survey was paid for by the Marine Sciences and Fisheries Research Council of Tonga.",
            "en",
            "Marine Sciences and Fisheries Research Council of Tonga",
            "ORG",
        ),
        ("Rival Hayabusa Motor kept its outlook unchanged.", "en", "Hayabusa Motor", "ORG"),
    ],
)
def test_round8_rules_tag_names(text, language, name, label):
    found = tags(text, language)
    name = name or "Úřadu pro ochranu hospodářské soutěže"
    assert name in found, found
    if label:
        assert found[name]["label"] == label


@pytest.mark.parametrize(
    ("text", "language", "word"),
    [
        # the case ending never joins a mention
        ("Karaburunspor, deplasmanda Yalıkavak'ı 2-0 yendi ve zirveye yerleşti.", "tr", "Yalıkavak'ı"),
        # the adjective and the shares stay out of the names
        ("Konkurencyjny Brzozol utrzymuje produkcję na pełnych obrotach.", "pl", "Konkurencyjny Brzozol"),
        ("Akcje Grupy Wielopole spadły o cztery procent na giełdzie.", "pl", "Akcje Grupy Wielopole"),
        # a Czech institution's name ends before its verb
        ("Ministerstvo dopravy oznámilo, že vozy dorazí později.", "cs", "Ministerstvo dopravy oznámilo"),
        # a place word or a known place after the common opener keeps the whole name
        ("Mount Keraboto Selatan erupted twice on Sunday.", "en", "Keraboto Selatan"),
        ("Energy Tonga Limited cut power to the island.", "en", "Tonga Limited"),
    ],
)
def test_round8_rules_leave_endings_adjectives_and_verbs_out(text, language, word):
    assert word not in tags(text, language)


def test_round8_czech_verb_is_cut_and_the_ministry_kept():
    assert "Ministerstvo dopravy" in tags("Ministerstvo dopravy oznámilo, že vozy dorazí později.", "cs")


def test_round8_case_forms_of_one_organisation_share_its_id():
    text = (
        "Największa spółka chemiczna w kraju, czyli Grupa Wielopole, ogranicza produkcję w zakładach. "
        "Akcje Grupy Wielopole spadły o cztery procent na giełdzie w czwartek."
    )
    found = tags(text, "pl")
    assert found["Grupy Wielopole"]["entity_id"] == found["Grupa Wielopole"]["entity_id"]
    assert found["Grupy Wielopole"]["name"] == "Grupa Wielopole"


def test_round8_a_one_word_case_form_links_to_the_one_organisation_it_opens():
    text = "Město koupí tramvaje od Hanáky. Smlouvu podepsala společnost Hanáka Group ve středu."
    found = tags(text, "cs")
    assert found["Hanáky"]["entity_id"] == found["Hanáka Group"]["entity_id"]


def test_round8_two_organisations_with_one_head_stay_apart():
    text = (
        "Największa spółka chemiczna w kraju, czyli Grupa Wielopole, ogranicza produkcję w zakładach. "
        "Jej rywal, czyli Grupa Wieliczka, zwiększa produkcję w czwartek."
    )
    found = tags(text, "pl")
    assert found["Grupa Wielopole"]["entity_id"] != found["Grupa Wieliczka"]["entity_id"]
