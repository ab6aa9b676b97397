"""Rows of the entity-mentions table: one per article and entity, with the number of mentions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from schemas.entity_mentions import ENTITY_MENTIONS_SCHEMA_VERSION
from schemas.record import Doc
from transforms.entities import mention_counts


def entity_mention_rows(doc: Doc, ingested_at: dt.datetime) -> list[dict[str, Any]]:
    return [
        {
            "doc_id": doc.doc_id,
            **row,
            "published_date": doc.published_date,
            "language": doc.language,
            "ingested_at": ingested_at,
            "schema_version": ENTITY_MENTIONS_SCHEMA_VERSION,
        }
        for row in mention_counts(doc.entities)
    ]
