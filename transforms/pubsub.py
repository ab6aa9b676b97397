"""Pub/Sub source: messages carrying an article URL or a raw article become leads, the same as feed entries.

Accepted message bodies (UTF-8):
- a bare http(s) URL;
- JSON `{"url": ...}` (plus optional title, published, source, authors, language, syndicator): fetched;
- JSON with `html`, `text` or `content` (and the same optional fields): the article itself, not fetched.
Pub/Sub delivers at least once, so leads keep a stable key (canonical URL, else content hash) that the
`seen` step dedupes on. Anything else is a dead letter with reason `invalid_message`.
"""

from __future__ import annotations

import json
from typing import Any

import apache_beam as beam

from schemas.record import Lead
from transforms.common import Rejected, Step
from transforms.feeds import content_key
from transforms.fetch import check_url
from transforms.metadata import canonical_url
from transforms.read import JSONL_FIELDS, ReadError, jsonl_record

STAGE = "pubsub"


def message_data(message: Any) -> tuple[bytes, dict[str, str]]:
    """(data, attributes) of a PubsubMessage or of plain bytes."""
    if isinstance(message, bytes | bytearray):
        return bytes(message), {}
    return bytes(message.data or b""), dict(getattr(message, "attributes", None) or {})


def url_lead(url: str, origin: str, hints: dict[str, Any]) -> Lead:
    try:
        check_url(url)
    except Rejected as exc:
        raise Rejected("invalid_message", exc.message) from exc
    canonical = canonical_url(url)
    if not canonical:
        raise Rejected("invalid_message", f"not a usable URL: {url[:200]!r}")
    return Lead(key=canonical, url=canonical, origin=origin, hints={**hints, "url": canonical})


def message_to_lead(message: Any, origin: str = "pubsub") -> Lead:
    data, _ = message_data(message)
    text = data.decode("utf-8", "replace").strip()
    if not text:
        raise Rejected("invalid_message", "empty message")
    if not text.startswith("{"):
        if "\n" in text or " " in text:
            raise Rejected("invalid_message", "neither a URL nor a JSON object")
        return url_lead(text, origin, {})
    try:
        body, hints = jsonl_record(data)
    except ReadError as exc:
        obj = _json_object(data)
        if obj is None or not isinstance(obj.get("url"), str):
            raise Rejected("invalid_message", f"{exc.reason}: {exc}") from exc
        extra = {k: v for k, v in obj.items() if k in JSONL_FIELDS and k != "url" and isinstance(v, str | list)}
        return url_lead(obj["url"], origin, extra)
    url = canonical_url(hints.get("url"))
    key = url or content_key(body)
    hints = {**hints, "url": url} if url else hints
    return Lead(key=key, url=url, origin=origin, hints=hints, body=body)


def _json_object(data: bytes) -> dict | None:
    try:
        obj = json.loads(data)
    except ValueError:
        return None
    return obj if isinstance(obj, dict) else None


class MessagesToLeads(beam.PTransform):
    """PubsubMessages (or bytes) in; leads (`main`) and unusable messages (`dead_letter`) out."""

    def __init__(self, origin: str = "pubsub") -> None:
        super().__init__()
        self.origin = origin

    def expand(self, messages):
        origin = self.origin
        return messages | "ParseMessages" >> Step(STAGE, lambda m: message_to_lead(m, origin))
