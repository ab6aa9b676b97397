"""The BigQuery DDL, parsed back and checked column by column against the pyarrow schemas."""

from __future__ import annotations

import re
import subprocess
import sys

import pyarrow as pa
import pytest

import schemas
from schemas.bigquery import bigquery_type, ddl
from schemas.tables import tables
from tests.conftest import ROOT

_TOKEN = re.compile(r"`[^`]*`|[A-Za-z_][A-Za-z0-9_]*|[<>,]")


def parse_type(text: str):
    """GoogleSQL type text to a tree: 'INT64', ('ARRAY', tree) or ('STRUCT', [(name, tree), ...])."""
    tokens = _TOKEN.findall(text)
    pos = 0

    def take() -> str:
        nonlocal pos
        pos += 1
        return tokens[pos - 1]

    def one():
        word = take()
        if word == "ARRAY":
            assert take() == "<"
            inner = one()
            assert take() == ">"
            return ("ARRAY", inner)
        if word == "STRUCT":
            assert take() == "<"
            fields = []
            while True:
                name = take().strip("`")
                fields.append((name, one()))
                if take() == ">":
                    return ("STRUCT", fields)
        return word

    tree = one()
    assert pos == len(tokens), text
    return tree


def parse_columns(block: str) -> list[tuple[str, object]]:
    columns = []
    for line in block.strip().splitlines():
        name, type_text = re.match(r"\s*`([^`]+)`\s+(.+?),?$", line).groups()
        columns.append((name, parse_type(type_text)))
    return columns


def parse_statements(text: str) -> dict[str, dict]:
    found = {}
    pattern = re.compile(
        r"CREATE OR REPLACE EXTERNAL TABLE `([^`]+)`\n\(\n(.*?)\n\)\n"
        r"(?:WITH PARTITION COLUMNS\n\(\n(.*?)\n\)\n)?OPTIONS \((.*?)\);",
        re.S,
    )
    for name, cols, parts, options in pattern.findall(text):
        found[name] = {
            "columns": parse_columns(cols),
            "partitions": parse_columns(parts) if parts else [],
            "options": dict(re.findall(r"(\w+) = (.+?),?$", options, re.M)),
        }
    return found


def agrees(tree, t: pa.DataType) -> bool:
    """Would BigQuery's type hold every value of this Arrow type without loss? Written apart from bigquery_type."""
    if isinstance(tree, tuple) and tree[0] == "ARRAY":
        return pa.types.is_list(t) and agrees(tree[1], t.value_type)
    if isinstance(tree, tuple) and tree[0] == "STRUCT":
        return (
            pa.types.is_struct(t)
            and [n for n, _ in tree[1]] == [f.name for f in t]
            and all(agrees(sub, f.type) for (_, sub), f in zip(tree[1], t, strict=True))
        )
    checks = {
        "STRING": pa.types.is_string,
        "INT64": lambda x: pa.types.is_signed_integer(x) or x in (pa.uint8(), pa.uint16(), pa.uint32()),
        "FLOAT64": pa.types.is_floating,
        "BOOL": pa.types.is_boolean,
        "DATE": pa.types.is_date,
        "TIMESTAMP": lambda x: pa.types.is_timestamp(x) and x.tz is not None,
        "DATETIME": lambda x: pa.types.is_timestamp(x) and x.tz is None,
        "BYTES": pa.types.is_binary,
    }
    return checks[tree](t)


@pytest.fixture(scope="module")
def statements() -> dict[str, dict]:
    return parse_statements(ddl("gs://bucket/prefix/", dataset="proj.newsbeam"))


def test_every_table_has_ddl_whose_columns_match_its_pyarrow_schema(statements):
    assert {t.name for t in tables()} >= {"articles", "dead_letter", "entity_mentions"}
    assert set(statements) == {f"proj.newsbeam.{t.name}" for t in tables()}
    for t in tables():
        stmt = statements[f"proj.newsbeam.{t.name}"]
        stored = [f for f in t.schema if f.name not in t.partition_columns]
        assert [n for n, _ in stmt["columns"]] == [f.name for f in stored]
        for (name, tree), field in zip(stmt["columns"], stored, strict=True):
            assert agrees(tree, field.type), (t.name, name, tree, field.type)
        assert [n for n, _ in stmt["partitions"]] == list(t.partition_columns)
        for name, tree in stmt["partitions"]:
            assert agrees(tree, t.schema.field(name).type), (t.name, name, tree)
        prefix = f"'gs://bucket/prefix/{t.name}"
        assert stmt["options"]["format"] == "'PARQUET'"
        assert stmt["options"]["uris"] == f"[{prefix}/*.parquet']"
        assert stmt["options"].get("hive_partition_uri_prefix") == (f"{prefix}'" if t.partition_columns else None)


def test_articles_ddl_types_of_the_hard_columns(statements):
    articles = statements["proj.newsbeam.articles"]
    columns = dict(articles["columns"])
    assert columns["entities"] == (
        "ARRAY",
        (
            "STRUCT",
            [
                ("text", "STRING"),
                ("label", "STRING"),
                ("start", "INT64"),
                ("end", "INT64"),
                ("entity_id", "STRING"),
                ("name", "STRING"),
            ],
        ),
    )
    assert columns["authors"] == ("ARRAY", "STRING")
    assert columns["published_at"] == "TIMESTAMP" and columns["language_score"] == "FLOAT64"
    assert articles["partitions"] == [("published_date", "DATE"), ("language", "STRING")]
    assert "published_date" not in columns and articles["options"]["enable_list_inference"] == "TRUE"
    dead = statements["proj.newsbeam.dead_letter"]
    assert dead["partitions"] == [] and [n for n, _ in dead["columns"]][:3] == ["input_uri", "stage", "reason"]


def test_a_table_schema_added_to_the_package_gets_ddl_without_other_changes(monkeypatch):
    extra = pa.schema(
        [
            pa.field("doc_id", pa.string()),
            pa.field("seen", pa.timestamp("ms")),
            pa.field("tags", pa.list_(pa.struct([pa.field("k", pa.string()), pa.field("n", pa.int64())]))),
            pa.field("published_date", pa.date32()),
            pa.field("language", pa.string()),
        ],
        metadata={"newsbeam.table": "entity_mentions_test"},
    )
    monkeypatch.setattr(schemas, "EXTRA_TEST_SCHEMA", extra, raising=False)
    monkeypatch.setattr(schemas, "__all__", [*schemas.__all__, "EXTRA_TEST_SCHEMA"])
    stmt = parse_statements(ddl("gs://b/p"))["newsbeam.entity_mentions_test"]
    assert stmt["columns"] == [
        ("doc_id", "STRING"),
        ("seen", "DATETIME"),
        ("tags", ("ARRAY", ("STRUCT", [("k", "STRING"), ("n", "INT64")]))),
    ]
    assert stmt["partitions"] == [("published_date", "DATE"), ("language", "STRING")]


@pytest.mark.parametrize(
    "bad", [pa.list_(pa.list_(pa.string())), pa.uint64(), pa.map_(pa.string(), pa.string()), pa.null()]
)
def test_types_bigquery_cannot_hold_are_refused(bad):
    with pytest.raises(ValueError):
        bigquery_type(bad)


@pytest.mark.parametrize("uri", ["s3://bucket/x", "gs://", "gs://b/x'; DROP TABLE y; --", "/local/out"])
def test_bad_uris_are_refused(uri):
    with pytest.raises(ValueError):
        ddl(uri)


def test_cli_prints_the_ddl():
    proc = subprocess.run(
        [sys.executable, "-m", "schemas.bigquery", "--uri", "gs://bucket/prefix"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert proc.stdout == ddl("gs://bucket/prefix")
    assert "WITH PARTITION COLUMNS" in proc.stdout and proc.stdout.count("CREATE OR REPLACE EXTERNAL TABLE") >= 2
