from schemas.articles import ARTICLE_SCHEMA, PARTITION_COLUMNS, file_schema


def test_contract_columns_exist_and_partitions_live_in_the_path():
    required = {
        "doc_id", "input_uri", "url", "source", "syndicator", "title", "authors", "published_at",
        "published_date", "language", "language_score", "text", "entities", "content_hash", "ingested_at",
        "schema_version",
    }  # fmt: skip
    assert required <= set(ARTICLE_SCHEMA.names)
    stored = file_schema(ARTICLE_SCHEMA)
    assert not set(PARTITION_COLUMNS) & set(stored.names)
    assert [f.name for f in ARTICLE_SCHEMA.field("entities").type.value_type] == [
        "text", "label", "start", "end", "entity_id", "name",
    ]  # fmt: skip
