"""Explicit, versioned schema of the entity-mentions table: one row per article and entity.

DIR/entity_mentions/published_date=YYYY-MM-DD/language=xx/part-*.parquet, partitioned like the articles, so
"articles that mention X" is a plain filter or join on `doc_id`, with no UNNEST of `articles.entities`.
Same contract as the articles: columns are only ever added (bump the minor version), never removed or retyped.
"""

import pyarrow as pa

ENTITY_MENTIONS_SCHEMA_VERSION = "1.0.0"

ENTITY_MENTIONS_SCHEMA = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("entity_id", pa.string(), nullable=False),
        pa.field("name", pa.string()),
        pa.field("label", pa.string()),
        pa.field("mentions", pa.int32()),
        pa.field("published_date", pa.date32()),
        pa.field("language", pa.string()),
        pa.field("ingested_at", pa.timestamp("us", tz="UTC")),
        pa.field("schema_version", pa.string()),
    ],
    metadata={"newsbeam.schema_version": ENTITY_MENTIONS_SCHEMA_VERSION, "newsbeam.table": "entity_mentions"},
)
