"""The ready DuckDB queries over an output folder with known contents."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from pipelines.query import QUERIES, run_query
from tests.conftest import ROOT
from tests.warehouse_data import write_output


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    root = tmp_path_factory.mktemp("query") / "out"
    write_output(root)
    return root


def rows_of(name: str, out) -> list[dict]:
    columns, rows = run_query(name, str(out))
    return [dict(zip(columns, r, strict=True)) for r in rows]


D2, D3, D4 = dt.date(2026, 3, 2), dt.date(2026, 3, 3), dt.date(2026, 3, 4)


def test_articles_per_day_and_source(out):
    got = {(r["published_date"], r["source"]): (r["articles"], r["unique_stories"]) for r in rows_of(
        "articles_per_day_and_source", out)}  # fmt: skip
    assert got == {
        (D2, "Harbour Daily"): (3, 3),
        (D2, "Valley Times"): (1, 1),
        (D3, "Coastal Courier"): (1, 1),
        (D3, "Nordkurier"): (1, 1),
        (D3, "Le Journal"): (2, 1),
        (D4, "Valley Times"): (1, 1),
        (D4, "Nordkurier"): (1, 1),
        (D4, "Harbour Daily"): (1, 1),
        (None, "Valley Times"): (1, 1),
    }


def test_top_entities_per_day_count_articles_and_mentions(out):
    rows = rows_of("top_entities_per_day", out)
    day2 = [(r["entity"], r["articles"], r["mentions"]) for r in rows if r["published_date"] == D2]
    assert day2 == [("Kyiv", 3, 3), ("Vladimir Putin", 2, 3), ("NATO", 1, 1)]
    day3 = [(r["entity"], r["articles"]) for r in rows if r["published_date"] == D3]
    assert day3 == [("NATO", 3), ("Vladimir Putin", 2), ("Kyiv", 1)]
    assert [(r["entity"], r["label"]) for r in rows if r["published_date"] is None] == [("Vladimir Putin", "PERSON")]


def test_languages(out):
    assert [(r["language"], r["articles"], r["percent"]) for r in rows_of("languages", out)] == [
        ("en", 8, 66.7),
        ("de", 2, 16.7),
        ("fr", 2, 16.7),
    ]


def test_syndicated_clusters_and_sizes(out):
    rows = rows_of("syndicated_clusters", out)
    assert [(r["cluster_id"], r["copies"], r["cluster_size"]) for r in rows] == [("wire1", 4, 4), ("pair", 2, 2)]
    assert rows[0]["sources"] == "Coastal Courier, Harbour Daily, Nordkurier, Valley Times"
    assert rows[0]["syndicators"] == "AP" and rows[0]["title"] == "Title 1" and rows[0]["first_day"] == D2


def test_dead_letters_by_reason(out):
    rows = rows_of("dead_letters_by_reason", out)
    assert [(r["stage"], r["reason"], r["records"]) for r in rows] == [
        ("decode", "empty_document", 2),
        ("decode", "binary_content", 1),
        ("read", "invalid_json", 1),
    ]


def test_a_table_without_files_gives_no_rows(tmp_path):
    write_output(tmp_path, dead=[])
    assert run_query("dead_letters_by_reason", str(tmp_path)) == ([], [])
    assert run_query("languages", str(tmp_path))[1]


def test_cli_all_prints_every_query(out):
    proc = subprocess.run(
        [sys.executable, "-m", "pipelines.query", "--output", str(out), "--query", "all"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    for name in QUERIES:
        assert f"[{name}]" in proc.stdout
    assert "wire1" in proc.stdout and "invalid_json" in proc.stdout and "Vladimir Putin" in proc.stdout
