import datetime as dt

import pyarrow.parquet as pq
import pytest

from schemas.articles import ARTICLE_SCHEMA, file_schema
from schemas.record import Doc
from transforms.write import HIVE_NULL, article_row, partition_of, safe_partition_value, write_parquet_files

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


@pytest.mark.parametrize("value", ["../../etc", "/", "a\x00b", "x" * 500, "..", "en/../../x"])
def test_partition_values_cannot_escape(value):
    safe = safe_partition_value(value)
    assert "/" not in safe and ".." not in safe and "\x00" not in safe and len(safe) <= 64 and safe


def test_partition_of_defaults():
    doc = Doc(doc_id="x", input_uri="u", fetched_at=NOW, language="../etc")
    assert partition_of(doc) == (HIVE_NULL, "und")
    doc = doc.replace(published_date=dt.date(2026, 1, 2), language="en")
    assert partition_of(doc) == ("2026-01-02", "en")


def test_write_parquet_files_rolls_files_and_leaves_no_temp(tmp_path):
    schema = file_schema(ARTICLE_SCHEMA)
    rows = [article_row(Doc(doc_id=str(i), input_uri="u", fetched_at=NOW, text="a b"), NOW) for i in range(25)]
    written = write_parquet_files(str(tmp_path), "part-x-000", iter(rows), schema, rows_per_file=10)
    assert [n for _, n in written] == [10, 10, 5]
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"part-x-000-000{i}.parquet" for i in range(3)]
    table = pq.read_table(written[0][0])
    assert table.schema.equals(schema, check_metadata=False) and table.column("word_count").to_pylist()[0] == 2


def test_only_columns_with_few_values_are_dictionary_encoded(tmp_path):
    from schemas.entity_mentions import ENTITY_MENTIONS_SCHEMA

    schema = file_schema(ARTICLE_SCHEMA)
    rows = [
        article_row(Doc(doc_id=str(i), input_uri="u", fetched_at=NOW, text=f"text {i}", source="Outlet"), NOW)
        for i in range(5)
    ]
    [(path, _)] = write_parquet_files(str(tmp_path), "part-a", iter(rows), schema)
    chunks = pq.ParquetFile(path).metadata.row_group(0)
    encodings = {chunks.column(i).path_in_schema: chunks.column(i).encodings for i in range(chunks.num_columns)}
    assert any("DICTIONARY" in e for e in encodings["source"])
    assert not any("DICTIONARY" in e for e in encodings["text"] + encodings["doc_id"])
    mentions = file_schema(ENTITY_MENTIONS_SCHEMA)
    row = {"doc_id": "d", "entity_id": "e", "name": "N", "label": "ORG", "mentions": 1, "ingested_at": NOW}
    [(path, _)] = write_parquet_files(str(tmp_path), "part-m", iter([row] * 3), mentions)
    chunks = pq.ParquetFile(path).metadata.row_group(0)
    assert all(any("DICTIONARY" in e for e in chunks.column(i).encodings) for i in range(chunks.num_columns))
