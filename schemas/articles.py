"""Explicit, versioned pyarrow schemas of the output tables.

Rules of this contract: columns are only ever added (bump the minor version), never removed or retyped.
Partition columns (`published_date`, `language`) live in the Hive path, not inside the Parquet files, so
DuckDB, pyarrow, BigQuery and Spark read them from the folder names without a column conflict.
"""

import pyarrow as pa

SCHEMA_VERSION = "1.3.0"  # 1.1: date_rejected; 1.2: minhash_signature; 1.3: crawled_at

# Hive partition columns, in path order: DIR/articles/published_date=YYYY-MM-DD/language=xx/
PARTITION_COLUMNS = ("published_date", "language")

ENTITY_TYPE = pa.struct(
    [
        pa.field("text", pa.string()),
        pa.field("label", pa.string()),
        pa.field("start", pa.int32()),
        pa.field("end", pa.int32()),
        pa.field("entity_id", pa.string()),
        pa.field("name", pa.string()),
    ]
)

REMOVAL_TYPE = pa.struct([pa.field("rule_id", pa.string()), pa.field("text", pa.string())])

ARTICLE_SCHEMA = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("input_uri", pa.string(), nullable=False),
        pa.field("url", pa.string()),
        pa.field("source", pa.string()),
        pa.field("syndicator", pa.string()),
        pa.field("title", pa.string()),
        pa.field("authors", pa.list_(pa.string())),
        pa.field("published_at", pa.timestamp("us", tz="UTC")),
        pa.field("published_date", pa.date32()),
        pa.field("date_source", pa.string()),
        pa.field("language", pa.string()),
        pa.field("language_score", pa.float32()),
        pa.field("text", pa.string()),
        pa.field("word_count", pa.int32()),
        pa.field("entities", pa.list_(ENTITY_TYPE)),
        pa.field("boilerplate_removed", pa.list_(REMOVAL_TYPE)),
        pa.field("content_hash", pa.string()),
        pa.field("cluster_id", pa.string()),
        pa.field("cluster_size", pa.int32()),
        pa.field("is_representative", pa.bool_()),
        pa.field("ingested_at", pa.timestamp("us", tz="UTC")),
        pa.field("schema_version", pa.string()),
        # 1.1: impossible date candidates that were skipped, "source:reason:value; ..." (null when none)
        pa.field("date_rejected", pa.string()),
        # 1.2: MinHash signature of the clean text, so `--dedup-against` can match later runs to this one
        pa.field("minhash_signature", pa.list_(pa.int64())),
        # 1.3: when a crawler fetched the page (WARC-Date), UTC; null when the input does not say. Never a
        # publication date: published_at comes from the page itself
        pa.field("crawled_at", pa.timestamp("us", tz="UTC")),
    ],
    metadata={"newsbeam.schema_version": SCHEMA_VERSION, "newsbeam.table": "articles"},
)

DEAD_LETTER_SCHEMA = pa.schema(
    [
        pa.field("input_uri", pa.string(), nullable=False),
        pa.field("stage", pa.string(), nullable=False),
        pa.field("reason", pa.string(), nullable=False),
        pa.field("error", pa.string()),
        pa.field("excerpt", pa.string()),
        pa.field("ingested_at", pa.timestamp("us", tz="UTC")),
        pa.field("schema_version", pa.string()),
    ],
    metadata={"newsbeam.schema_version": SCHEMA_VERSION, "newsbeam.table": "dead_letter"},
)


def file_schema(schema: pa.Schema, partition_columns: tuple[str, ...] = PARTITION_COLUMNS) -> pa.Schema:
    """The schema stored inside each Parquet file: the table schema minus its Hive partition columns."""
    keep = [f for f in schema if f.name not in partition_columns]
    return pa.schema(keep, metadata=schema.metadata)
