"""Dedup: a normalised content hash, and exact-duplicate clusters with one deterministic representative.

Nothing is dropped: every copy is kept with `cluster_id`, `cluster_size` and `is_representative`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

import apache_beam as beam

from schemas.record import Doc
from transforms.common import Step, sha256_hex

STAGE = "dedup"
_NON_WORD = re.compile(r"[\W_]+")
_FAR_FUTURE = dt.datetime.max.replace(tzinfo=dt.UTC)


def normalised_content(text: str) -> str:
    """Case, accents, punctuation and spacing folded, so trivially different copies hash alike."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return _NON_WORD.sub(" ", "".join(c for c in folded if not unicodedata.combining(c))).strip()


def content_hash(text: str) -> str:
    return sha256_hex(normalised_content(text), 32)


def hash_doc(doc: Doc) -> Doc:
    return doc.replace(content_hash=content_hash(doc.text))


def representative_key(doc: Doc) -> tuple:
    """Earliest published, then longest, then smallest doc_id: the same choice whatever the order."""
    return (doc.published_at or _FAR_FUTURE, -len(doc.text), doc.doc_id)


def assign_cluster(cluster_id: str, docs: Iterable[Doc]) -> list[Doc]:
    members = sorted(docs, key=representative_key)
    return [
        d.replace(cluster_id=cluster_id, cluster_size=len(members), is_representative=(i == 0))
        for i, d in enumerate(members)
    ]


class Dedup(beam.PTransform):
    def expand(self, docs):
        hashed = docs | "ContentHash" >> Step(STAGE, hash_doc)
        clustered = (
            hashed["main"]
            | "KeyByHash" >> beam.Map(lambda d: (d.content_hash, d))
            | "GroupCopies" >> beam.GroupByKey()
            | "AssignClusters" >> beam.FlatMapTuple(assign_cluster)
        )
        return {"main": clustered, "dead_letter": hashed["dead_letter"]}
