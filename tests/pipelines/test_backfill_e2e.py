"""End-to-end: the real CLI on bundled samples and on bad inputs, read back with DuckDB and pyarrow."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import duckdb
import pyarrow.dataset as ds
import pytest

from tests.conftest import ROOT, SAMPLES


def run_cli(*args: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "pipelines.backfill", *args]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)


def articles(out) -> str:
    return f"read_parquet('{out}/articles/**/*.parquet', hive_partitioning = true)"


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("run") / "out"
    proc = run_cli(
        "--input",
        str(SAMPLES / "text"),
        "--input",
        str(SAMPLES / "html"),
        "--input",
        str(SAMPLES / "jsonl"),
        "--output",
        str(out),
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return out, proc


def test_samples_read_back_one_row_per_article(sample_run):
    out, proc = sample_run
    expected = len(list((SAMPLES / "text").glob("*.txt"))) + len(list((SAMPLES / "html").glob("*.html")))
    expected += sum(1 for line in (SAMPLES / "jsonl" / "wire.jsonl").read_text().splitlines() if line.strip())
    assert duckdb.sql(f"SELECT count(*), count(DISTINCT doc_id) FROM {articles(out)}").fetchall() == [
        (expected, expected)
    ]
    table = ds.dataset(out / "articles", partitioning="hive").to_table()
    assert table.num_rows == expected and {"published_date", "language"} <= set(table.schema.names)
    manifest = json.loads((out / "_manifest.json").read_text())
    assert manifest["records_in"] == manifest["articles_out"] == expected and manifest["balanced"]
    assert "records in = articles out + dead letters: yes" in proc.stdout


def test_samples_match_gold_metadata_and_text(sample_run, gold):
    out, _ = sample_run
    rows = duckdb.sql(
        f"SELECT input_uri, CAST(published_date AS VARCHAR), source, syndicator, language, text FROM {articles(out)}"
    ).fetchall()
    by_name = {uri.rsplit("/", 1)[1]: row for uri, *row in rows}
    for g in gold:
        if g["input"].startswith("e_"):
            continue  # entity gold on tests/gold/inputs: checked by tests/test_entity_gate.py
        date, source, syndicator, language, text = by_name[g["input"]]
        assert (date, source, syndicator, language) == (
            g["published_date"],
            g["source"],
            g["syndicator"],
            g["language"],
        )
        flat = re.sub(r"\s+", " ", text)
        for sentence in g["must_keep"]:
            assert sentence in flat, (g["input"], sentence)
        for junk in g["must_drop"]:
            assert junk not in flat, (g["input"], junk)


def test_partitions_and_entities_are_queryable(sample_run):
    out, _ = sample_run
    assert (out / "articles" / "published_date=2026-02-03" / "language=de").is_dir()
    [(n,)] = duckdb.sql(
        f"SELECT count(*) FROM {articles(out)}, unnest(entities) AS t(e) WHERE e.name = 'Volodymyr Zelensky'"
    ).fetchall()
    assert n >= 5


def test_bad_inputs_are_dead_letters_and_nothing_is_lost(bad_inputs, tmp_path):
    folder, records = bad_inputs
    out = tmp_path / "out"
    proc = run_cli("--input", str(folder), "--output", str(out))
    assert proc.returncode == 0, proc.stderr[-3000:]
    [(n_articles,)] = duckdb.sql(f"SELECT count(*) FROM {articles(out)}").fetchall()
    dead = duckdb.sql(f"SELECT stage, reason, input_uri FROM read_parquet('{out}/dead_letter/*.parquet')").fetchall()
    assert n_articles + len(dead) == records
    reasons = {(stage, reason) for stage, reason, _ in dead}
    assert ("decode", "binary_content") in reasons and ("decode", "empty_document") in reasons
    assert ("read", "invalid_json") in reasons and ("read", "corrupt_compression") in reasons
    manifest = json.loads((out / "_manifest.json").read_text())
    assert manifest["records_in"] == records and manifest["balanced"]
    assert re.search(r"decode/dropped_binary_content\s+1\n", proc.stdout), proc.stdout
    [(cafe,)] = duckdb.sql(
        f"SELECT count(*) FROM {articles(out)} WHERE text LIKE '%Café owners in Münster%'"
    ).fetchall()
    assert cafe == 1


def test_entity_mentions_table_reads_back_and_matches_articles(sample_run):
    out, _ = sample_run
    mentions = f"read_parquet('{out}/entity_mentions/**/*.parquet', hive_partitioning = true)"
    assert (out / "entity_mentions" / "published_date=2026-02-03" / "language=de").is_dir()
    # one row per article and entity, its count equal to the entity's mentions in articles.entities
    per_entity = duckdb.sql(
        f"SELECT doc_id, entity_id, mentions, published_date, language FROM {mentions} ORDER BY ALL"
    ).fetchall()
    from_articles = duckdb.sql(
        f"SELECT doc_id, e.entity_id, count(*), published_date, language "
        f"FROM {articles(out)}, unnest(entities) AS t(e) GROUP BY ALL ORDER BY ALL"
    ).fetchall()
    assert per_entity == from_articles and len(per_entity) > 20
    [(docs,)] = duckdb.sql(
        f"SELECT count(DISTINCT doc_id) FROM {mentions} WHERE name = 'Volodymyr Zelensky'"
    ).fetchall()
    assert docs >= 5
    manifest = json.loads((out / "_manifest.json").read_text())
    assert manifest["entity_mentions_out"] == len(per_entity)


def test_one_file_per_partition_and_table_by_default(sample_run):
    out, _ = sample_run
    for table in ("articles", "entity_mentions"):
        folders = {p.parent for p in (out / table).rglob("*.parquet")}
        assert folders, table
        assert all(len(list(f.glob("*.parquet"))) == 1 for f in folders), table


def test_write_shards_spread_one_partition_over_several_files(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    body = (SAMPLES / "text" / "000_b62f187fc75a0e10.txt").read_text(encoding="utf-8")
    for i in range(12):  # one day and language: one partition, 12 distinct articles
        (src / f"{i:02d}.txt").write_text(f"Story number {i} of the day.\n\n{body}", encoding="utf-8")
    out = tmp_path / "out"
    proc = run_cli("--input", str(src), "--output", str(out), "--write-shards", "3")
    assert proc.returncode == 0, proc.stderr[-3000:]
    files = list((out / "articles").rglob("*.parquet"))
    assert 1 < len(files) <= 3 and len({f.parent for f in files}) == 1
    assert duckdb.sql(f"SELECT count(*) FROM {articles(out)}").fetchall() == [(12,)]
