import pathlib

import pytest
import spacy

from transforms import entities
from transforms.entity_tokens import tokenize

ROOT = pathlib.Path(__file__).resolve().parents[2]


def words(text: str, language: str = "en") -> list[str]:
    tokens = tokenize(text, language)
    assert [text[s : s + len(w)] for w, s in zip(tokens.words, tokens.starts, strict=True)] == tokens.words
    return tokens.words


def test_possessives_split_off_with_any_apostrophe():
    assert words("Putin's aide, Putin’s aide, Putin‘s aide") == [
        *("Putin", "'s", "aide", ","),
        *("Putin", "’s", "aide", ","),
        *("Putin", "‘s", "aide"),
    ]


def test_abbreviations_and_initials_keep_their_period_a_sentence_end_does_not():
    assert words("Mr. Smith of the U.S. met J. K. Rowling at Acme Inc. on Friday.") == [
        *("Mr.", "Smith", "of", "the", "U.S.", "met", "J.", "K.", "Rowling"),
        *("at", "Acme", "Inc.", "on", "Friday", "."),
    ]


def test_hyphens_split_in_english_and_stay_in_german_compounds():
    assert words("Jean-Luc Mélenchon", "en") == ["Jean", "-", "Luc", "Mélenchon"]
    assert words("die Getec-Arena", "de") == ["die", "Getec-Arena"]


def test_elisions_split_in_french_and_italian_only():
    assert words("à l'Élysée et d’Azur", "fr") == ["à", "l'", "Élysée", "et", "d’", "Azur"]
    assert words("O'Neill and l'Oréal", "en") == ["O'Neill", "and", "l'Oréal"]


def test_urls_and_addresses_are_single_tokens():
    assert words("see https://example.com/a/b. Mail info@example.org now") == [
        *("see", "https://example.com/a/b", "."),
        *("Mail", "info@example.org", "now"),
    ]


def test_spaces_mark_the_white_space_after_each_token():
    assert tokenize("Kyiv, Ukraine\n\nNext").spaces == [False, True, True, False]


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "samples" / "text").glob("*.txt")))
def test_mentions_on_the_samples_equal_those_found_on_spacy_tokens(name, monkeypatch):
    """The rules were tuned on spaCy's tokens: on the bundled articles the regex tokens find every mention found on
    spaCy's, and more only where spaCy glued a name to the next word by a dash ("U.S.–Ukrainian")."""
    text = (ROOT / "samples" / "text" / name).read_text(encoding="utf-8")
    ours = entities.tag_entities(text, "en")
    blank = spacy.blank("en")
    monkeypatch.setattr(entities, "load_pipeline", lambda language, model=None: blank)
    theirs = entities.tag_entities(text, "en")
    assert len(ours) > 10
    assert [m for m in theirs if m not in ours] == []
    assert all(text[m["end"]] in "-–" for m in ours if m not in theirs)
