"""Records that flow between pipeline steps.

`RawDoc` is what a source yields. `Doc` is the record every step enriches; steps return a new `Doc`
(via `dataclasses.replace`) and never mutate their input, as Beam requires. `DeadLetter` is the
rejection record of any step.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

CRAWLED_AT = "crawled_at"  # hint: when a crawler fetched the page (WARC-Date), an aware datetime; never a publish date


@dataclasses.dataclass(frozen=True)
class RawDoc:
    """One record as read: where it came from, its bytes, and hints from the container (JSONL fields...)."""

    uri: str
    body: bytes
    fetched_at: dt.datetime
    hints: dict[str, Any] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass(frozen=True)
class Doc:
    """An article on its way through the pipeline."""

    doc_id: str
    input_uri: str
    fetched_at: dt.datetime
    hints: dict[str, Any] = dataclasses.field(default_factory=dict)
    format: str = "text"  # "text" or "html": decides whether the extract step runs trafilatura
    raw_text: str = ""  # decoded body (HTML source for html, article text for text); emptied by extract
    text: str = ""  # the article text as it stands after the latest step
    url: str | None = None
    source: str | None = None
    syndicator: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    published_at: dt.datetime | None = None
    published_date: dt.date | None = None
    date_source: str | None = None
    date_rejected: str | None = None  # skipped impossible date candidates, "source:reason:value; ..."
    language: str | None = None
    language_score: float | None = None
    entities: tuple[dict[str, Any], ...] = ()
    removed: tuple[tuple[str, str], ...] = ()  # (rule_id, removed text) audit trail of the clean step
    content_hash: str | None = None
    cluster_id: str | None = None
    cluster_size: int | None = None
    is_representative: bool | None = None
    minhash: bytes = b""  # MinHash signature of the clean text (dedup, uint32 values); later runs match against it
    meta: dict[str, Any] = dataclasses.field(default_factory=dict)  # step-to-step scratch (extracted metadata)

    def replace(self, **changes: Any) -> Doc:
        return dataclasses.replace(self, **changes)


@dataclasses.dataclass(frozen=True)
class DeadLetter:
    """A record that a step rejected, with the reason a user can filter on."""

    input_uri: str
    stage: str
    reason: str
    error: str
    excerpt: str


@dataclasses.dataclass(frozen=True)
class Lead:
    """A pointer to one article from a streaming source: a URL to fetch, or the article itself (`body`).

    `key` is what the stream dedupes on: the canonical URL, or a content hash for a raw article without one.
    `hints` are the feed's or message's fields (title, published, authors...) in the RawDoc hint vocabulary.
    """

    key: str
    url: str | None
    origin: str  # the feed URL or Pub/Sub subscription it came from
    hints: dict[str, Any] = dataclasses.field(default_factory=dict)
    body: bytes | None = None
