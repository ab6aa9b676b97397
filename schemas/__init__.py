"""The output contract: explicit pyarrow schemas, their version, and the record that flows between steps."""

from schemas.articles import (
    ARTICLE_SCHEMA,
    DEAD_LETTER_SCHEMA,
    ENTITY_TYPE,
    PARTITION_COLUMNS,
    SCHEMA_VERSION,
    file_schema,
)
from schemas.record import DeadLetter, Doc, RawDoc

__all__ = [
    "ARTICLE_SCHEMA",
    "DEAD_LETTER_SCHEMA",
    "ENTITY_TYPE",
    "PARTITION_COLUMNS",
    "SCHEMA_VERSION",
    "DeadLetter",
    "Doc",
    "RawDoc",
    "file_schema",
]
