import datetime as dt
import pickle

import apache_beam as beam
from apache_beam.options.pipeline_options import PipelineOptions
from apache_beam.testing.test_pipeline import TestPipeline
from apache_beam.testing.util import assert_that, equal_to

from schemas.record import Doc
from transforms.common import DEAD, MAIN
from transforms.repeated_lines import (
    RULE_ID,
    RepeatedKeys,
    RepeatedLines,
    line_key,
    line_keys,
    paragraph_hash,
    source_key,
    strip_repeated,
)

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
FOOTER = "The Daily Ledger is an independent paper owned by its readers since 1901."


def doc(i: int, text: str, source: str | None = "Daily Ledger", uri: str | None = None) -> Doc:
    hints = {"source": source} if source else {}
    return Doc(doc_id=str(i), input_uri=uri or f"/in/ledger/{i}.txt", fetched_at=NOW, hints=hints, text=text)


TOPICS = ["harbour", "budget", "library", "bridge", "school", "ferry", "market", "station", "museum", "park"]
TOPICS += [f"{t} again" for t in TOPICS]  # numbers fold to 0 in keys, so stories differ by words


def story(i: int) -> str:
    return f"Lead of the story about the {TOPICS[i]}.\n\nSecond paragraph on the {TOPICS[i]}.\n\n{FOOTER}"


def test_keys_fold_case_space_and_numbers():
    assert paragraph_hash("© 2025  Ledger") == paragraph_hash("© 2026 ledger")
    assert paragraph_hash("x" * 5000) is None


def test_source_key_prefers_outlet_then_host_then_folder():
    assert source_key(doc(1, "x")) == "outlet:daily ledger"
    url_doc = Doc(doc_id="u", input_uri="/a", fetched_at=NOW, hints={"url": "https://www.ledger.example/a"})
    assert source_key(url_doc) == "host:ledger.example"
    assert source_key(doc(1, "x", source=None, uri="/dump/a.jsonl#line=3")) == "folder:/dump"


def test_line_keys_skip_the_lead_and_carry_it():
    keys = line_keys(doc(1, story(1)))
    lead = int(paragraph_hash("Lead of the story about the budget."), 16)
    assert len(keys) == 2 and {lead for _, lead in keys} == {lead}
    assert line_keys(doc(1, "One paragraph only.")) == []


def test_strip_removes_flagged_paragraphs_and_records_them():
    d = doc(1, story(1))
    footer_key = line_key(source_key(d), paragraph_hash(FOOTER))
    out = strip_repeated(d, {footer_key: 6})
    assert out.text == "Lead of the story about the budget.\n\nSecond paragraph on the budget."
    assert out.removed == ((RULE_ID, FOOTER),)


def test_strip_never_guts_a_document_that_is_mostly_repeated():
    d = doc(1, story(1))
    assert strip_repeated(d, {key: 9 for key, _ in line_keys(d)}) is d


def run(docs, expected, min_docs=5, branches=1):
    with TestPipeline(options=PipelineOptions(["--runner=FnApiRunner"])) as p:
        parts = tuple(p | f"Branch{n}" >> beam.Create(docs[n::branches]) for n in range(branches))
        out = (parts if branches > 1 else parts[0]) | RepeatedLines(min_docs)
        assert_that(out[MAIN] | beam.Map(lambda d: (d.doc_id, d.text, d.removed)), equal_to(expected))
        assert_that(out[DEAD], equal_to([]), label="no dead letters")


def test_pipeline_removes_a_footer_repeated_under_many_leads_only_within_its_source():
    ledger = [doc(i, story(i)) for i in range(6)]
    other = [doc(10 + i, story(10 + i), source="Other Times") for i in range(2)]
    copies = [doc(20 + i, "Same lead.\n\nSame body.\n\nSame end.", source="Copy Post") for i in range(7)]
    expected = [(d.doc_id, d.text.replace(f"\n\n{FOOTER}", ""), ((RULE_ID, FOOTER),)) for d in ledger]
    expected += [(d.doc_id, d.text, ()) for d in other + copies]
    run(ledger + other + copies, expected)


def test_pipeline_counts_across_branches_as_across_one_collection():
    ledger = [doc(i, story(i)) for i in range(6)]  # 3 per branch: under the threshold in each, over it together
    expected = [(d.doc_id, d.text.replace(f"\n\n{FOOTER}", ""), ((RULE_ID, FOOTER),)) for d in ledger]
    run(ledger, expected, branches=2)


def test_pipeline_below_threshold_changes_nothing():
    ledger = [doc(i, story(i)) for i in range(4)]
    run(ledger, [(d.doc_id, d.text, ()) for d in ledger])


def test_options_set_the_threshold_and_streaming_switches_the_step_off():
    from pipelines.options import NewsbeamOptions

    batch = PipelineOptions(["--repeated-line-min-docs", "7"]).view_as(NewsbeamOptions)
    assert RepeatedLines.from_options(batch).min_docs == 7
    assert RepeatedLines.from_options(PipelineOptions(["--streaming"]).view_as(NewsbeamOptions)).min_docs == 0


def test_repeated_keys_count_distinct_leads_across_compactions_and_merges(monkeypatch):
    monkeypatch.setattr("transforms.pairs.CHUNK_PAIRS", 3)  # arrays and compactions often: every path runs
    fn = RepeatedKeys(min_docs=3)
    a, b = fn.create_accumulator(), fn.create_accumulator()
    for lead in (1, 2, 2, 2):  # key 7 under leads 1 and 2 (the repeats of lead 2 count once)
        a = fn.add_input(a, [(7, lead), (8, lead)])
    b = fn.add_input(b, [(7, 3), (9, 3)])
    merged = fn.merge_accumulators([a, pickle.loads(pickle.dumps(b))])
    assert fn.extract_output(merged) == frozenset({7})
    assert fn.extract_output(fn.create_accumulator()) == frozenset()


def test_entities_move_with_the_paragraphs_kept_and_go_with_the_removed():
    text = "Lead about Kyiv.\n\n\nFOOTER by Acme Corp.\n \nZelensky spoke in Kyiv."
    d = doc(1, text)
    names = [("Kyiv", 0), ("Acme Corp", 0), ("Zelensky", 0), ("Kyiv", text.index("Kyiv") + 1)]
    spans = [(text.index(n, at), text.index(n, at) + len(n), n) for n, at in names]
    d = d.replace(
        entities=tuple({"text": n, "start": a, "end": b, "label": "X", "entity_id": n, "name": n} for a, b, n in spans)
    )
    footer = line_key(source_key(d), paragraph_hash("FOOTER by Acme Corp."))
    out = strip_repeated(d, {footer})
    assert out.text == "Lead about Kyiv.\n\nZelensky spoke in Kyiv."
    assert [(e["text"], out.text[e["start"] : e["end"]]) for e in out.entities] == [
        ("Kyiv", "Kyiv"),
        ("Zelensky", "Zelensky"),
        ("Kyiv", "Kyiv"),
    ]
