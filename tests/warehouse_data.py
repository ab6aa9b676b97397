"""A small output folder written with the pipeline's own writer: known counts for query and report tests."""

from __future__ import annotations

import datetime as dt
import pathlib

from schemas.articles import ARTICLE_SCHEMA, DEAD_LETTER_SCHEMA, file_schema
from schemas.record import DeadLetter, Doc
from transforms.write import article_row, dead_letter_row, partition_of, partition_path, write_parquet_files

INGESTED = dt.datetime(2026, 6, 1, 12, tzinfo=dt.UTC)


def entity(name: str, label: str, entity_id: str) -> dict:
    return {"text": name, "label": label, "start": 0, "end": len(name), "entity_id": entity_id, "name": name}


PUTIN = entity("Vladimir Putin", "PERSON", "Q7747")
KYIV = entity("Kyiv", "GPE", "Q1899")
NATO = entity("NATO", "ORG", "Q7184")


def doc(n: int, day: int | None, language: str, source: str, entities=(), cluster=None, size=1, rep=True, **kw) -> Doc:
    published = dt.datetime(2026, 3, day, 9, tzinfo=dt.UTC) if day else None
    return Doc(
        doc_id=f"doc{n:03d}",
        input_uri=f"file:///in/{n}.txt",
        fetched_at=INGESTED,
        text=f"Article {n} text " * 20,
        source=source,
        title=kw.get("title", f"Title {n}"),
        syndicator=kw.get("syndicator"),
        published_at=published,
        published_date=published.date() if published else None,
        language=language,
        language_score=0.99,
        entities=tuple(entities),
        cluster_id=cluster or f"c{n:03d}",
        cluster_size=size,
        is_representative=rep,
    )


def sample_docs() -> list[Doc]:
    """12 articles on 3 days (one undated), 3 languages, 4 sources; one 4-copy syndicated cluster, one pair."""
    return [
        doc(1, 2, "en", "Harbour Daily", [PUTIN, PUTIN, KYIV], "wire1", 4, True, syndicator="AP"),
        doc(2, 2, "en", "Valley Times", [PUTIN, KYIV], "wire1", 4, False, syndicator="AP"),
        doc(3, 3, "en", "Coastal Courier", [PUTIN], "wire1", 4, False, syndicator="AP"),
        doc(4, 3, "de", "Nordkurier", [PUTIN, NATO], "wire1", 4, False, syndicator="AP"),
        doc(5, 2, "en", "Harbour Daily", [NATO]),
        doc(6, 2, "en", "Harbour Daily", [KYIV]),
        doc(7, 3, "fr", "Le Journal", [NATO, KYIV], "pair", 2, True, title="<script>alert(1)</script> & <b>x</b>"),
        doc(8, 3, "fr", "Le Journal", [NATO], "pair", 2, False),
        doc(9, 4, "en", "Valley Times", []),
        doc(10, 4, "de", "Nordkurier", [KYIV]),
        doc(11, None, "en", "Valley Times", [PUTIN]),
        doc(12, 4, "en", "Harbour Daily", [PUTIN]),
    ]


def sample_dead() -> list[DeadLetter]:
    return [
        DeadLetter("file:///in/a.html", "decode", "binary_content", "looks binary", "\x00\x01"),
        DeadLetter("file:///in/b.txt", "decode", "empty_document", "empty", ""),
        DeadLetter("file:///in/c.txt", "decode", "empty_document", "empty", ""),
        DeadLetter("file:///in/d.jsonl#line=2", "read", "invalid_json", "bad", "{broken"),
    ]


def write_output(root: pathlib.Path, docs: list[Doc] | None = None, dead: list[DeadLetter] | None = None) -> None:
    """Writes docs and dead letters the way the pipeline's write step lays them out."""
    groups: dict[tuple[str, str], list[Doc]] = {}
    for d in sample_docs() if docs is None else docs:
        groups.setdefault(partition_of(d), []).append(d)
    for values, members in groups.items():
        folder = root / "articles" / partition_path(values, ("published_date", "language"))
        folder.mkdir(parents=True, exist_ok=True)
        rows = [article_row(d, INGESTED) for d in members]
        write_parquet_files(str(folder), "part-test-000", rows, file_schema(ARTICLE_SCHEMA))
    dead = sample_dead() if dead is None else dead
    if dead:
        (root / "dead_letter").mkdir(parents=True, exist_ok=True)
        rows = [dead_letter_row(d, INGESTED) for d in dead]
        write_parquet_files(str(root / "dead_letter"), "part-test-000", rows, DEAD_LETTER_SCHEMA)
