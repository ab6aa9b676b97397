"""The learned boilerplate-paragraph signal: it runs after the rules, with its own rule id, on shape alone, and never
takes an article sentence, a crosshead, the first paragraph or the page's title."""

import datetime as dt
import json

import pytest

from schemas.record import RawDoc
from tools.train_boilerplate import MIN_THRESHOLD, fit, load
from transforms.boilerplate_learned import (
    FEATURES,
    MODEL_PATH,
    RULE_ID,
    Model,
    boilerplate_indices,
    default_model,
    document_shapes,
    is_candidate,
    paragraph_features,
)
from transforms.clean import apply_rules, clean_doc
from transforms.decode import decode_doc

BODY = [
    "Die Stadtverwaltung hat am Dienstag den neuen Haushalt vorgestellt, der deutlich höhere Ausgaben für Schulen "
    "vorsieht.",
    "Der Bürgermeister sagte, die Mittel seien notwendig, weil die Zahl der Schüler in den kommenden Jahren stark "
    "steige.",
    "Die Opposition kritisierte den Plan als unfinanzierbar und kündigte Widerstand im Stadtrat an.",
]


def _with(lines: list[str], title: str | None = None) -> tuple[str, list]:
    text = "\n\n".join(["Neuer Haushalt für die Schulen", BODY[0], *lines, BODY[1], BODY[2]])
    clean, removed, _ = apply_rules(text, learned=default_model(), title=title)
    return clean, removed


def test_the_bundled_model_loads_and_matches_the_features():
    model = default_model()
    data = json.loads(MODEL_PATH.read_text("utf-8"))
    assert model is not None and tuple(data["features"]) == FEATURES
    assert data["threshold"] >= MIN_THRESHOLD  # recall first: never below the pinned floor
    with pytest.raises(ValueError, match="other features"):
        Model({**data, "features": data["features"][:-1]})


@pytest.mark.parametrize(
    "line",
    [
        "Ukweli Daima | Habari",  # a section label with a separator, in a language no rule knows
        "★ Nyota · 12K",  # a rating widget
        "TOPIK TERKAIT",  # an upper-case related heading
        "@dailyledger",  # a handle alone
        "Kirjoittaja: Matti | Toimittaja",  # a byline with a separator
    ],
)
def test_short_page_furniture_no_rule_knows_goes_with_its_own_rule_id(line):
    assert not any(line == text for _, text in apply_rules("\n\n".join([BODY[0], line, BODY[1], BODY[2]]))[1])
    clean, removed = _with([line])
    assert line not in clean
    assert (RULE_ID, line) in removed
    assert all(sentence in clean for sentence in BODY)


@pytest.mark.parametrize(
    "line",
    [
        "Er sagte nichts.",  # a short article sentence
        "He declined to comment.",
        "Er lachte.",
        "Nur die Folie bleibt zurück",  # crossheads written as a sentence
        "Adele feierte ausgelassen mit den Spice Girls",
        "Abschluss um 15.30 Uhr vor der Schweizer Botschaft",  # a long line of German (nouns capitalised)
        "Stadtrat",  # a one-word crosshead between article paragraphs
        "据介绍，该线路全长28公里，设车站18座。",  # a closed sentence in a script without spaces
        "ผู้ว่าการรถไฟกล่าวว่าค่าโดยสารจะอยู่ระหว่าง 12 ถึง 42 บาท",  # Thai closes no sentence with a mark
    ],
)
def test_article_lines_survive(line):
    clean, removed = _with([line])
    assert line in clean, removed


def test_the_first_paragraph_and_the_title_are_never_candidates():
    assert not is_candidate("TOPIK TERKAIT", 0, 200)
    heading = "HAUSHALT 2027 | SCHULEN"
    assert heading not in _with([heading])[0]  # without the title it reads as a label
    clean, _ = _with([heading], title="Haushalt 2027 | Schulen - Stadtanzeiger")
    assert heading in clean and "Neuer Haushalt für die Schulen" in clean


def test_a_document_of_short_lines_keeps_one():
    paras = ["Kopf", "TOPIK TERKAIT", "@dailyledger"]
    hits = boilerplate_indices(paras, [1, 2], default_model())
    assert len(hits) < 2


def test_without_a_model_only_the_rules_run():
    text = "\n\n".join([BODY[0], "TOPIK TERKAIT", BODY[1]])
    assert apply_rules(text)[0] == text
    assert apply_rules(text, learned=None)[0] == text


def test_features_are_language_independent_numbers():
    paras = [BODY[0], "TOPIK TERKAIT", BODY[1]]
    shapes, median = document_shapes(paras)
    features = paragraph_features(paras, 1, shapes, median)
    assert len(features) == len(FEATURES) and all(isinstance(x, float) for x in features)


def test_the_clean_step_uses_the_bundled_model_and_audits_it():
    text = "\n\n".join(["Neuer Haushalt für die Schulen", BODY[0], "TOPIK TERKAIT", BODY[1], BODY[2]])
    doc = clean_doc(decode_doc(RawDoc("mem://haushalt.txt", text.encode(), dt.datetime.now(dt.UTC))))
    assert "TOPIK TERKAIT" not in doc.text
    assert (RULE_ID, "TOPIK TERKAIT") in doc.removed


def test_training_on_gold_keeps_every_article_paragraph_below_the_threshold():
    from tools.train_boilerplate import ROOT

    docs = []
    for batch in ("batch_l", "batch_m"):
        folder = ROOT / "tests" / "gold_blind" / batch
        docs += load(batch, folder, [folder / "inputs"])
    data = fit(docs)
    model = Model(data)
    assert data["threshold"] >= MIN_THRESHOLD and data["trained_on"]["boilerplate"] > 0
    for doc in docs:
        shapes, median = document_shapes(doc.paras)
        for i, label in enumerate(doc.labels):
            if label == 0 and is_candidate(doc.paras[i], i, data["max_chars"]):
                assert model.score(paragraph_features(doc.paras, i, shapes, median)) < data["threshold"]
