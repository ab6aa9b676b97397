"""Quality gate: the real backfill on every gold input, scored; scores may rise but never fall below the floors."""

from __future__ import annotations

import pytest

from evaluation.floors import CEILINGS, FLOORS
from evaluation.scoring import evaluate, table
from tests.conftest import GOLD, GOLD_SOURCES


@pytest.fixture(scope="module")
def scores(gold_output):
    return {s.name: s for s in evaluate(gold_output, GOLD, GOLD_SOURCES)}


def test_gold_set_is_big_and_varied():
    import json

    gold = [json.loads(p.read_text("utf-8")) for p in GOLD.glob("*.json")]
    assert len(gold) >= 25
    assert {"en", "de", "fr", "es"} <= {g["language"] for g in gold}
    assert {"text", "html"} <= {g["format"] for g in gold}


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_score_is_not_below_its_floor(scores, metric):
    assert scores[metric].value is not None and scores[metric].value >= FLOORS[metric], table(scores.values(), True)


@pytest.mark.parametrize("metric", sorted(CEILINGS))
def test_rate_is_not_above_its_ceiling(scores, metric):
    assert scores[metric].value is not None and scores[metric].value <= CEILINGS[metric], table(scores.values(), True)


def test_cleaning_never_lowers_html_f1_below_bare_trafilatura(scores):
    assert scores["html_f1_ours"].value >= scores["html_f1_bare_trafilatura"].value
