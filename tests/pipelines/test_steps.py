"""One TestPipeline test per step: real Beam on the local runner, main and dead-letter outputs both checked."""

from __future__ import annotations

import datetime as dt

import apache_beam as beam
from apache_beam.options.pipeline_options import PipelineOptions
from apache_beam.testing.test_pipeline import TestPipeline
from apache_beam.testing.util import assert_that, equal_to, is_not_empty

from schemas.record import Doc, RawDoc
from transforms.clean import Clean
from transforms.common import DEAD, MAIN
from transforms.decode import Decode
from transforms.dedup import Dedup
from transforms.entities import Entities
from transforms.extract import Extract
from transforms.language import Language
from transforms.metadata import Metadata
from transforms.read import ReadInputs, all_records

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
ARTICLE = "The council approved the new budget on Tuesday after a long debate about school funding. " * 3


def local_pipeline() -> TestPipeline:
    return TestPipeline(options=PipelineOptions(["--runner=FnApiRunner"]))


def doc(text: str, uri: str = "/a.txt", **kw) -> Doc:
    return Doc(doc_id=uri, input_uri=uri, fetched_at=NOW, **{"text": text, "raw_text": text, **kw})


def reasons(dead):
    return dead | beam.Map(lambda d: (d.stage, d.reason))


def test_read_step(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n{bad\n')
    with local_pipeline() as p:
        out = p | ReadInputs([str(tmp_path), str(tmp_path / "none*.txt")])
        names = all_records(out) | beam.Map(lambda r: r.uri.rsplit("/", 1)[1])
        assert_that(names, equal_to(["a.txt", "b.jsonl#line=1"]))
        assert_that(reasons(out[DEAD]), equal_to([("read", "invalid_json"), ("read", "no_match")]), label="dead")


def test_decode_step():
    raws = [RawDoc("/a.txt", ARTICLE.encode(), NOW), RawDoc("/b.txt", b"", NOW), RawDoc("/c.html", b"\0\1\2" * 99, NOW)]
    with local_pipeline() as p:
        out = p | beam.Create(raws) | Decode()
        assert_that(out[MAIN] | beam.Map(lambda d: d.input_uri), equal_to(["/a.txt"]))
        expected = [("decode", "empty_document"), ("decode", "binary_content")]
        assert_that(reasons(out[DEAD]), equal_to(expected), label="dead")


def test_extract_step():
    page = f"<html><body><nav>Home | News</nav><article><p>{ARTICLE}</p></article></body></html>"
    docs = [doc("", "/a.html", format="html", raw_text=page), doc("", "/b.html", format="html", raw_text="<html/>")]
    with local_pipeline() as p:
        out = p | beam.Create(docs) | Extract()
        assert_that(out[MAIN] | beam.Map(lambda d: "Home" not in d.text and "budget" in d.text), equal_to([True]))
        assert_that(reasons(out[DEAD]), equal_to([("extract", "no_main_text")]), label="dead")


def test_clean_step():
    docs = [doc(" date 2026-01-01 MENAFN - Live Mint) " + ARTICLE), doc("(With ANI inputs)", "/b.txt")]
    with local_pipeline() as p:
        out = p | beam.Create(docs) | Clean()
        assert_that(out[MAIN] | beam.Map(lambda d: (d.text == ARTICLE.strip(), len(d.removed))), equal_to([(True, 1)]))
        assert_that(reasons(out[DEAD]), equal_to([("clean", "empty_after_cleaning")]), label="dead")


def test_clean_step_learned_signal_follows_the_option():
    from pipelines.options import NewsbeamOptions

    text = "\n\n".join(["Budget day", ARTICLE.strip(), "TOPIK TERKAIT", ARTICLE.strip()])
    for argv, removed in (([], True), (["--no-learned-boilerplate"], False)):
        with local_pipeline() as p:
            out = p | beam.Create([doc(text)]) | Clean.from_options(NewsbeamOptions(argv))
            got = out[MAIN] | beam.Map(
                lambda d: ("TOPIK TERKAIT" not in d.text, ("learned.boilerplate", "TOPIK TERKAIT") in d.removed)
            )
            assert_that(got, equal_to([(removed, removed)]))


def test_metadata_step():
    docs = [doc(ARTICLE, meta={"header": {"date": "2026-01-01", "source": "Live Mint"}}), doc(ARTICLE, "/b.txt")]
    with local_pipeline() as p:
        out = p | beam.Create(docs) | Metadata()
        got = out[MAIN] | beam.Map(lambda d: (d.input_uri, d.source, str(d.published_date)))
        assert_that(got, equal_to([("/a.txt", "Live Mint", "2026-01-01"), ("/b.txt", None, "None")]))
        assert_that(out[DEAD], equal_to([]), label="dead")


def test_language_step():
    docs = [doc(ARTICLE), doc("Le conseil municipal a voté le budget mardi après un long débat.", "/fr.txt")]
    with local_pipeline() as p:
        out = p | beam.Create(docs) | Language()
        assert_that(
            out[MAIN] | beam.Map(lambda d: (d.input_uri, d.language)), equal_to([("/a.txt", "en"), ("/fr.txt", "fr")])
        )
        assert_that(out[DEAD], equal_to([]), label="dead")


def test_entities_step():
    with local_pipeline() as p:
        out = p | beam.Create([doc("Zelenskiy and Zelenskyy met in Kyiv.")]) | Entities()
        ids = out[MAIN] | beam.FlatMap(lambda d: [e["entity_id"] for e in d.entities])
        assert_that(ids | beam.Distinct(), equal_to(["Q3874799", "Q1899"]))
        assert_that(out[DEAD], equal_to([]), label="dead")


def test_dedup_step_keeps_every_copy():
    docs = [doc(ARTICLE, "/a.txt"), doc(ARTICLE.upper(), "/b.txt"), doc("Other story entirely.", "/c.txt")]
    with local_pipeline() as p:
        out = p | beam.Create(docs) | Dedup()
        got = out[MAIN] | beam.Map(lambda d: (d.input_uri, d.cluster_size, d.is_representative))
        assert_that(got, equal_to([("/a.txt", 2, True), ("/b.txt", 2, False), ("/c.txt", 1, True)]))
        assert_that(out[MAIN], is_not_empty(), label="nonempty")
