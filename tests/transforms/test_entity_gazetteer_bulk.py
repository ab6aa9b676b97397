"""The bulk gazetteers (subdivisions, towns, other city spellings, listed companies) and in-article metonyms."""

from importlib import resources

import pytest

from tests.checks import mentions_by_text as by_text
from transforms.entity_gazetteer import BULK_FILE, alias_table, bulk_entries


def test_bulk_file_is_well_formed_and_holds_each_source():
    lines = resources.files("transforms").joinpath("data", BULK_FILE).read_text("utf-8").splitlines()
    assert len(lines) == len(bulk_entries()) > 30_000
    assert all(len(line.split("\t")) == 4 for line in lines)
    kinds = {e.entity_id.split(":")[0] for e in bulk_entries()}
    assert {"geonames", "iso3166-2", "isin"} <= kinds
    assert {e.label for e in bulk_entries()} == {"GPE", "ORG"}


@pytest.mark.parametrize(
    ("text", "language", "name", "label", "entity_id"),
    [
        ("Flights from Yellowknife were cancelled.", "en", "Yellowknife", "GPE", "geonames:6185377"),  # 20,000 people
        ("Farmers in Telangana protested.", "en", "Telangana", "GPE", "iso3166-2:IN-TS"),  # a subdivision
        ("Os turistas chegam a Lisboa em maio.", "pt", "Lisboa", "GPE", alias_table()["Lisbon"].entity_id),
        ("Die Stadt Lissabon wächst.", "de", "Lissabon", "GPE", alias_table()["Lisbon"].entity_id),
        (
            "Infineon cut its forecast on Tuesday.",
            "en",
            "Infineon",
            "ORG",
            alias_table()["Infineon Technologies"].entity_id,
        ),
        ("Die Gemeinden im Hennegau warten.", "de", "Hennegau", "GPE", "iso3166-2:BE-WHT"),
    ],
)
def test_bulk_names_are_tagged_and_linked(text, language, name, label, entity_id):
    found = by_text(text, language)
    assert found[name]["label"] == label and found[name]["entity_id"] == entity_id


def test_bulk_names_that_are_words_or_given_names_are_not_tagged():
    found = by_text("Next week Target will report. Bulls fans cheered. Regina said so.")
    assert not {"Next", "Target", "Bulls"} & set(found)
    assert "Wetter" not in by_text("Das Wetter in Rottweil bleibt schlecht.", "de")  # a German noun, and a town
    assert not {a for a in ("Next", "Target", "Bulls", "Wetter", "Como") if a in alias_table()} - {
        a for a in alias_table() if not alias_table()[a].entity_id.startswith(("geonames:", "iso3166-2:", "isin:"))
    }


def test_a_bare_name_stands_for_the_longer_name_of_its_article():
    found = by_text("Brazil reports drop in Amazon deforestation\n\nDeforestation in the Amazon rainforest fell.")
    assert found["Amazon"]["entity_id"] == found["Amazon rainforest"]["entity_id"]
    found = by_text("Bega Valley Shire rejects plan\n\nBega Valley Shire Council has rejected a plan near Bega.")
    assert found["Bega Valley Shire"]["entity_id"] == found["Bega Valley Shire Council"]["entity_id"]
    assert found["Bega"]["entity_id"] != found["Bega Valley Shire Council"]["entity_id"]  # the town stays a town
    found = by_text("Amazon shares rose. Amazon said sales grew.")
    assert found["Amazon"]["label"] == "ORG"  # no forest in the article: the company


@pytest.mark.parametrize(
    ("text", "language", "name", "label"),
    [
        ("Qualcomm walked away. Infineon and Vectronix have also been approached.", "en", "Vectronix", "ORG"),
        ("Unter Druck: Siemens, Dorfmann und Schaeffler haben Stellen gestrichen.", "de", "Dorfmann", "ORG"),
        ("Der Autozulieferer Brenzinger baut Stellen ab.", "de", "Brenzinger", "ORG"),
        ("Analysts at Halvorsen expect prices to recover.", "en", "Halvorsen", "ORG"),
        ("Ornix, which markets butter abroad, reported a fall.", "en", "Ornix", "ORG"),
        ("Canadian North and Air Tindi have offered extra seats.", "en", "Air Tindi", "ORG"),
        ("Die Polizei Kölns ermittelt.", "de", "Kölns", "GPE"),
        ("Farmers in County Cork held their price.", "en", "County Cork", "GPE"),
        ("Les coureurs ont franchi le Col du Tourmalet.", "fr", "Col du Tourmalet", "LOC"),
        ("He said residents of Fort Simpson and Inuvik would be hit.", "en", "Inuvik", "GPE"),
    ],
)
def test_cues_tag_names_no_gazetteer_lists(text, language, name, label):
    assert by_text(text, language)[name]["label"] == label


def test_lists_of_people_and_places_do_not_become_organisations():
    found = by_text("Paris, London and Berlin agreed. Apple, Google and Samsung sell phones in Lyon and Nantes.")
    assert {found[n]["label"] for n in ("Paris", "London", "Berlin", "Lyon", "Nantes")} == {"GPE"}
    assert "January" not in by_text("Qualcomm, January and Intel")  # not a name


@pytest.mark.parametrize(
    ("text", "language", "name", "label"),
    [
        ("Volvo Cars delayed orders; Siemens Gamesa raised prices.", "en", "Volvo Cars", "ORG"),
        ("Enbridge and TC Energy have each bid to build the line.", "en", "TC Energy", "ORG"),
        ("Enbridge and TC Energy have each bid to build the line.", "en", "Enbridge", "ORG"),
        (
            "Chancellor Kathleen Dorsey of the Delaware Court of Chancery wrote.",
            "en",
            "Delaware Court of Chancery",
            "ORG",
        ),
        ("Le Parti socialiste et Ecolo ont demandé l'audition.", "fr", "Parti socialiste", "ORG"),
        ("La Banque européenne d'investissement a accordé un prêt.", "fr", "Banque européenne d'investissement", "ORG"),
        (
            "la Agencia Nacional de Investigación y Desarrollo informó",
            "es",
            "Agencia Nacional de Investigación y Desarrollo",
            "ORG",
        ),
        ("Farmers in Dhinkia village protested.", "en", "Dhinkia", "GPE"),
        ("Il livello di benzene nel quartiere Tamburi.", "it", "Tamburi", "GPE"),
        ("Knight-Swift and Werner Enterprises also gained.", "en", "Knight-Swift", "ORG"),
    ],
)
def test_names_extended_split_and_finished_by_rule(text, language, name, label):
    assert by_text(text, language)[name]["label"] == label


def test_rules_leave_common_patterns_alone():
    found = by_text("Paris Hilton and Jordan Henderson met. Le Conseil regrette la décision.", "en")
    assert found["Paris Hilton"]["label"] == found["Jordan Henderson"]["label"] == "PERSON"
    assert "Le Conseil regrette" not in by_text("Le Conseil regrette la décision.", "fr")
    assert by_text("Der Hafen Bremerhaven meldet einen Rekord.", "de")["Bremerhaven"]["label"] == "GPE"
    assert "Tour" not in by_text("He won a stage of the Tour de France. The Tour ends in Nice.")


def test_an_organisation_named_by_its_first_word_links_to_its_full_name():
    text = "Lattice and Microchip weigh bids\n\nLattice Semiconductor and Microchip Technology are bidders."
    found = by_text(text + " Shares of Harbor Freightways rose; Harbor's stock gained.")
    assert found["Lattice"]["entity_id"] == found["Lattice Semiconductor"]["entity_id"]
    assert found["Harbor"]["entity_id"] == found["Harbor Freightways"]["entity_id"]


def test_a_place_before_a_person_stays_two_names():
    found = by_text("la condena al exalcalde de Estepona Antonio Barrientos por malversación", "es")
    assert found["Estepona"]["label"] == "GPE" and found["Antonio Barrientos"]["label"] == "PERSON"
    assert by_text("The line would end at the port of Churchill in Manitoba.")["Churchill"]["label"] == "GPE"
