"""Metadata: publication date, outlet, syndicator, title, authors and canonical URL, from every evidence a record has.

Order of trust for the date: page metadata (trafilatura/htmldate), syndication header, feed or JSONL field, URL.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from typing import Any

import apache_beam as beam
import courlan
from dateutil import parser as dateparser

from schemas.record import Doc
from transforms.common import Step

STAGE = "metadata"
EARLIEST_PLAUSIBLE = dt.datetime(1990, 1, 1, tzinfo=dt.UTC)  # before the web there were no online articles
FUTURE_SLACK = dt.timedelta(days=1)  # time zones put a fresh article up to a day "ahead" of UTC ingestion

_URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d{2})[/-](?P<m>[01]?\d)[/-](?P<d>[0-3]?\d)(?:/|$|[-_])")
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|,| and | & )\s*")


def parse_date(value: Any) -> dt.datetime | None:
    """A timezone-aware datetime from ISO, RFC 2822 or free-form text; None when unparseable."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        parsed = value
    else:
        text = str(value).strip()
        if not text:
            return None
        try:
            parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            try:
                parsed = email.utils.parsedate_to_datetime(text)
            except (TypeError, ValueError, IndexError):
                try:
                    parsed = dateparser.parse(text, fuzzy=False)
                except (ValueError, OverflowError, TypeError):
                    return None
        if parsed is None:
            return None
    return parsed


def plausible(when: dt.datetime, now: dt.datetime) -> bool:
    aware = when if when.tzinfo else when.replace(tzinfo=dt.UTC)
    return EARLIEST_PLAUSIBLE <= aware <= now + FUTURE_SLACK


def date_from_url(url: str | None) -> str | None:
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    return f"{match['y']}-{int(match['m']):02d}-{int(match['d']):02d}"


def choose_date(
    candidates: list[tuple[str, Any]], now: dt.datetime
) -> tuple[dt.datetime | None, dt.date | None, str | None]:
    """(published_at in UTC, published date as printed, where it came from) from ordered candidates."""
    for source, value in candidates:
        parsed = parse_date(value)
        if parsed is None or not plausible(parsed, now):
            continue
        local_date = parsed.date()
        aware = parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
        return aware.astimezone(dt.UTC), local_date, source
    return None, None, None


def canonical_url(url: str | None) -> str | None:
    if not url:
        return None
    cleaned = courlan.clean_url(url)
    return courlan.normalize_url(cleaned) if cleaned else None


def split_authors(value: Any) -> tuple[str, ...]:
    if not value:
        return ()
    items = value if isinstance(value, list) else _AUTHOR_SPLIT.split(str(value))
    return tuple(dict.fromkeys(a.strip() for a in items if a and a.strip()))


def normalise_metadata(doc: Doc, now: dt.datetime | None = None) -> Doc:
    now = now or dt.datetime.now(dt.UTC)
    page = doc.meta.get("page", {})
    header = doc.meta.get("header", {})
    hints = doc.hints
    url = canonical_url(hints.get("url") or page.get("url"))
    published_at, published_date, date_source = choose_date(
        [
            ("html_meta", page.get("date")),
            ("header", header.get("date")),
            ("record_field", hints.get("published")),
            ("url", date_from_url(url)),
        ],
        now,
    )
    outlets = doc.meta.get("outlets") or []
    source = header.get("source") or hints.get("source") or (outlets[0] if outlets else None) or page.get("sitename")
    return doc.replace(
        url=url,
        source=source,
        syndicator=header.get("syndicator") or hints.get("syndicator"),
        title=hints.get("title") or page.get("title"),
        authors=split_authors(hints.get("authors") or page.get("author")),
        published_at=published_at,
        published_date=published_date,
        date_source=date_source,
    )


class Metadata(beam.PTransform):
    def expand(self, docs):
        return docs | "NormaliseMetadata" >> Step(STAGE, normalise_metadata)
