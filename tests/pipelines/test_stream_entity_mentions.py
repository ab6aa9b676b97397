"""The stream's windowed writer writes the entity_mentions table too, like the batch writer: one row per article
and entity, partitioned like the articles, in files named by window (a later window or run never overwrites
them). Real Beam pipelines on the local runner, read back with DuckDB."""

from __future__ import annotations

import datetime as dt

import apache_beam as beam
import duckdb
from apache_beam.options.pipeline_options import PipelineOptions
from apache_beam.testing.test_pipeline import TestPipeline
from apache_beam.transforms.window import FixedWindows, TimestampedValue

from schemas.record import Doc
from transforms.entities import entities_doc, mention_counts
from transforms.stream_write import WriteWindows

NOW = dt.datetime(2026, 3, 4, 12, 0, tzinfo=dt.UTC)
WINDOW = 60  # seconds
ARTICLES = {  # doc_id: (seconds after the epoch: the window it falls in, text)
    "a": (5, "Foreign Minister Sergei Lavrov met Volodymyr Zelensky in Kyiv. Lavrov said little."),
    "b": (30, "Chancellor Olaf Scholz visited Paris and Berlin on Monday."),
    "c": (75, "The Bank of England held rates, Governor Andrew Bailey said in London."),
}


def docs() -> list[Doc]:
    return [
        entities_doc(
            Doc(doc_id=d, input_uri=f"https://news.test/{d}", fetched_at=NOW, text=text, language="en")
        ).replace(published_date=dt.date(2026, 3, 4), url=f"https://news.test/{d}")
        for d, (_, text) in ARTICLES.items()
    ]


def run(root: str, run_key: str) -> None:
    with TestPipeline(options=PipelineOptions(["--runner=FnApiRunner"])) as p:
        articles = (
            p
            | "Articles" >> beam.Create(docs())
            | "Stamp" >> beam.Map(lambda d: TimestampedValue(d, ARTICLES[d.doc_id][0]))
            | "WindowArticles" >> beam.WindowInto(FixedWindows(WINDOW))
        )
        dead = p | "NoDead" >> beam.Create([]) | "WindowDead" >> beam.WindowInto(FixedWindows(WINDOW))
        leads = articles | "Leads" >> beam.Map(lambda d: d.url)
        _ = (articles, dead, leads) | "Write" >> WriteWindows(root, run_key, {"job": "stream", "run_key": run_key})


def test_stream_writes_entity_mentions_per_window_without_overwriting(tmp_path):
    root = str(tmp_path / "out")
    run(root, "run1")
    table = f"read_parquet('{root}/entity_mentions/**/*.parquet', hive_partitioning = true)"
    rows = duckdb.sql(f"SELECT doc_id, entity_id, name, label, mentions FROM {table} ORDER BY ALL").fetchall()
    expected = sorted(
        (d.doc_id, m["entity_id"], m["name"], m["label"], m["mentions"])
        for d in docs()
        for m in mention_counts(d.entities)
    )
    assert rows == expected and len({r[0] for r in rows}) == 3
    assert ("a", *next(m for m in expected if m[0] == "a" and m[2] == "Sergei Lavrov")[1:]) in rows
    partitions = duckdb.sql(f"SELECT DISTINCT CAST(published_date AS VARCHAR), language FROM {table}").fetchall()
    assert partitions == [("2026-03-04", "en")]
    files = sorted(p.name for p in (tmp_path / "out" / "entity_mentions").rglob("*.parquet"))
    assert len({name.split("-w", 1)[1].split("-", 1)[0] for name in files}) == 2  # one file set per window
    manifests = sorted((tmp_path / "out" / "_manifests").glob("*.json"))
    assert len(manifests) == 2
    # a later run over the same windows adds its own files: nothing of the first run is overwritten
    run(root, "run2")
    files2 = sorted(p.name for p in (tmp_path / "out" / "entity_mentions").rglob("*.parquet"))
    assert set(files) < set(files2) and len(files2) == 2 * len(files)
    assert duckdb.sql(f"SELECT count(*) FROM {table}").fetchall()[0][0] == 2 * len(expected)
