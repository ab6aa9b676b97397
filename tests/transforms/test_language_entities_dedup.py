import datetime as dt

from schemas.record import Doc
from transforms.dedup import cluster_locally, content_hash
from transforms.entities import tag_entities
from transforms.language import detect_language

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def test_detect_language_is_deterministic_and_handles_empty():
    german = "Ein Warnstreik der Gewerkschaft hat am Dienstagmorgen den Fernverkehr zum Erliegen gebracht."
    assert detect_language(german)[0] == "de"
    assert detect_language(german) == detect_language(german)
    assert detect_language("") == ("und", 0.0)


def test_entities_have_offsets_into_text_and_link_variants():
    text = "Zelenskiy met Trump. Later Volodymyr Zelenskyy spoke in Kiev."
    ents = tag_entities(text)
    assert all(text[e["start"] : e["end"]] == e["text"] for e in ents)
    ids = {e["text"]: e["entity_id"] for e in ents}
    assert ids["Zelenskiy"] == ids["Volodymyr Zelenskyy"]
    assert {e["name"] for e in ents} >= {"Volodymyr Zelensky", "Donald Trump", "Kyiv"}


def test_content_hash_ignores_case_and_punctuation_and_clusters_are_order_free():
    assert content_hash("Hello, World!") == content_hash("hello world")
    docs = [Doc(doc_id=i, input_uri=i, fetched_at=NOW, text="same") for i in ("b", "a", "c")]
    first = sorted(cluster_locally(docs), key=lambda d: d.doc_id)
    second = sorted(cluster_locally(list(reversed(docs))), key=lambda d: d.doc_id)
    assert [d.doc_id for d in first if d.is_representative] == ["a"]
    assert [(d.doc_id, d.is_representative) for d in first] == [(d.doc_id, d.is_representative) for d in second]
    assert {d.cluster_size for d in first} == {3}
