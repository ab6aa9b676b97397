"""Feeds: the feed list, safe RSS/Atom parsing, and the periodic poll that turns feeds into article leads.

XML safety: a feed with a DTD or entity declaration is rejected before any parser expands it (entity bombs,
external entities), and a feed that is not well-formed XML (a truncated download) is rejected as a whole, so
a half-written entry never enters the stream; its articles arrive with the next good poll.
A feed that keeps failing is backed off: after n failures in a row it skips 2^(n-1) - 1 polls, up to a cap.
"""

from __future__ import annotations

import dataclasses
import re
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

import apache_beam as beam
import defusedxml
import defusedxml.ElementTree as SafeET
import feedparser
from apache_beam.metrics import Metrics
from apache_beam.pvalue import TaggedOutput
from apache_beam.transforms.periodicsequence import PeriodicImpulse
from apache_beam.utils.timestamp import MAX_TIMESTAMP, Duration, Timestamp

from schemas.record import Lead
from transforms.common import DEAD, MAIN, Rejected, dead_letter, sha256_hex
from transforms.fetch import ALLOWED_SCHEMES, FetchConfig, HostThrottle, fetch
from transforms.metadata import canonical_url

STAGE = "poll"
MAX_BACKOFF_POLLS = 32  # a dead feed is still tried about every 32 polls (~30 min at the 60 s default)
_DECLARATION = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.I)
_TRAILING_COMMENT = re.compile(r"(?:^|\s)#.*$")


def parse_feed_list(data: bytes) -> tuple[list[str], list[tuple[str, str]]]:
    """(feed URLs, rejected lines as (line, why)) from a text list (one URL a line, # comments) or an OPML file."""
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):  # XML (after any UTF-8 BOM): OPML
        return _parse_opml(data)
    urls, bad = [], []
    for raw in data.decode("utf-8", "replace").splitlines():
        line = _TRAILING_COMMENT.sub("", raw).strip()  # "#" inside a URL is a fragment, not a comment
        if not line:
            continue
        _keep(line, urls, bad)
    return list(dict.fromkeys(urls)), bad


def _parse_opml(data: bytes) -> tuple[list[str], list[tuple[str, str]]]:
    urls: list[str] = []
    bad: list[tuple[str, str]] = []
    try:
        root = SafeET.fromstring(data, forbid_dtd=True)
    except (ET.ParseError, defusedxml.DefusedXmlException) as exc:
        return [], [("<opml>", f"unreadable OPML: {type(exc).__name__}: {exc}")]
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or "").strip()
        if url:
            _keep(url, urls, bad)
    return list(dict.fromkeys(urls)), bad


def _keep(url: str, urls: list[str], bad: list[tuple[str, str]]) -> None:
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme in ALLOWED_SCHEMES and "//" in url and " " not in url:
        urls.append(url)
    else:
        bad.append((url[:200], "not an http(s) URL"))


def check_xml(body: bytes) -> None:
    """Raises Rejected unless `body` is well-formed XML without DTD or entity declarations."""
    if _DECLARATION.search(body):
        raise Rejected("unsafe_xml", "DTD or entity declaration in the feed (entity expansion is never done)")
    try:
        SafeET.fromstring(body, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except defusedxml.DefusedXmlException as exc:
        raise Rejected("unsafe_xml", f"{type(exc).__name__}: {exc}") from exc
    except ET.ParseError as exc:
        raise Rejected("malformed_feed", f"not well-formed XML: {exc}") from exc


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def entry_lead(entry: Any, feed_url: str, feed_title: str | None) -> Lead | None:
    """One feed entry as a lead; entries with full content (content:encoded, atom:content) carry the article."""
    link = _text(entry.get("link"))
    url = canonical_url(link) if link else None
    if not url:
        return None
    hints: dict[str, Any] = {"url": url, "feed": feed_url}
    for key, value in (
        ("title", entry.get("title")),
        ("published", entry.get("published") or entry.get("updated")),
        ("authors", [a.get("name") for a in entry.get("authors", []) if _text(a.get("name"))] or entry.get("author")),
    ):
        if isinstance(value, list) and value:
            hints[key] = value
        elif _text(value):
            hints[key] = _text(value)
    content = [c.get("value") for c in entry.get("content", []) if _text(c.get("value"))]
    if not content:
        return Lead(key=url, url=url, origin=feed_url, hints=hints)
    if feed_title:
        hints["source"] = feed_title
    body = "\n".join(content).encode("utf-8", "surrogatepass")
    return Lead(key=url, url=url, origin=feed_url, hints={**hints, "format": "html", "charset": "utf-8"}, body=body)


def parse_feed(body: bytes, feed_url: str) -> list[Lead]:
    """Leads of one feed document. Raises Rejected for unsafe, malformed or empty-and-broken feeds."""
    check_xml(body)
    parsed = feedparser.parse(body, response_headers={"content-location": feed_url}, sanitize_html=True)
    if parsed.bozo and not parsed.entries and not parsed.feed:
        raise Rejected("unparseable_feed", f"{type(parsed.bozo_exception).__name__}: {parsed.bozo_exception}")
    title = _text(parsed.feed.get("title"))
    leads = (entry_lead(e, feed_url, title) for e in parsed.entries)
    return list({lead.key: lead for lead in leads if lead is not None}.values())


class Backoff:
    """Which polls a feed skips: none while healthy; after n failures in a row, 2^(n-1) - 1 of them (capped)."""

    def __init__(self) -> None:
        self.failures: dict[str, int] = {}
        self.skip_left: dict[str, int] = {}

    def should_poll(self, feed: str) -> bool:
        left = self.skip_left.get(feed, 0)
        if left > 0:
            self.skip_left[feed] = left - 1
            return False
        return True

    def succeeded(self, feed: str) -> None:
        self.failures.pop(feed, None)
        self.skip_left.pop(feed, None)

    def failed(self, feed: str) -> int:
        """Records a failure; returns the number of polls the feed will now skip."""
        n = self.failures.get(feed, 0) + 1
        self.failures[feed] = n
        self.skip_left[feed] = min(2 ** (n - 1) - 1, MAX_BACKOFF_POLLS)
        return self.skip_left[feed]


_MEMORY: dict[str, tuple[Backoff, HostThrottle]] = {}  # memory_id -> poll state shared by the rounds of a stream
_MEMORY_LOCK = threading.Lock()


def forget_memory(memory_id: str) -> None:
    with _MEMORY_LOCK:
        _MEMORY.pop(memory_id, None)


class _PollFn(beam.DoFn):
    """Per tick, polls every feed not in backoff; yields leads, and a dead letter per failed poll.

    Backoff and throttle state live in worker memory: a single impulse element drives all polls, so one worker
    sees every tick of a feed; on Dataflow a worker restart resets the backoff. With a `memory_id`, the state
    outlives the pipeline inside this process, so the rounds of a local stream (pipelines/stream.py) share it.
    """

    def __init__(self, feeds: list[str], config: FetchConfig, memory_id: str | None = None) -> None:
        # one try per poll: the next poll is the retry, and backoff spaces them out
        self.feeds, self.config = list(feeds), dataclasses.replace(config, retries=0)
        self.memory_id = memory_id
        self.polls = Metrics.counter(STAGE, "polls")
        self.skipped = Metrics.counter(STAGE, "skipped_backoff")
        self.entries = Metrics.counter(STAGE, "entries")

    def setup(self) -> None:
        if self.memory_id is None:
            self.backoff, self.throttle = Backoff(), HostThrottle(self.config.per_host_interval)
            return
        with _MEMORY_LOCK:
            self.backoff, self.throttle = _MEMORY.setdefault(
                self.memory_id, (Backoff(), HostThrottle(self.config.per_host_interval))
            )

    def process(self, tick: Any) -> Iterator[Lead | TaggedOutput]:
        for feed in self.feeds:
            if not self.backoff.should_poll(feed):
                self.skipped.inc()
                continue
            self.polls.inc()
            try:
                leads = parse_feed(fetch(feed, self.config, self.throttle).body, feed)
            except Rejected as exc:
                skips = self.backoff.failed(feed)
                Metrics.counter(STAGE, f"dropped_{exc.reason}").inc()
                message = f"{exc.message} (next {skips} polls skipped)"
                yield TaggedOutput(DEAD, dead_letter(f"{feed}#poll={tick}", STAGE, exc.reason, message, feed))
                continue
            self.backoff.succeeded(feed)
            self.entries.inc(len(leads))
            yield from leads


def feed_list_dead_letters(bad: list[tuple[str, str]]) -> list:
    return [dead_letter(line, "feeds", "invalid_feed_url", why, line) for line, why in bad]


def impulse_bounds(interval: float, max_polls: int | None, now: Timestamp | None = None) -> tuple[Timestamp, Timestamp]:
    """Start and stop of the polling impulse, in whole microseconds counted as PeriodicImpulse counts them: a stop
    made of floats could round one microsecond past max_polls intervals, and the impulse fired once more."""
    start = now or Timestamp.now()
    if not max_polls:
        return start, MAX_TIMESTAMP
    return start, start + Duration(micros=Duration(interval).micros * max_polls)


class PollFeeds(beam.PTransform):
    """A periodic impulse polls every feed; `main` is leads (with repeats across polls), `dead_letter` failed polls.

    With `max_polls` the impulse is bounded and the job ends after that many rounds; without, it runs forever.
    """

    def __init__(
        self,
        feeds: list[str],
        interval: float,
        max_polls: int | None,
        config: FetchConfig,
        memory_id: str | None = None,
    ) -> None:
        super().__init__()
        self.feeds, self.interval, self.max_polls, self.config = list(feeds), interval, max_polls, config
        self.memory_id = memory_id

    def expand(self, pbegin):
        start, stop = impulse_bounds(self.interval, self.max_polls)
        return (
            pbegin
            | "Ticks" >> PeriodicImpulse(start_timestamp=start, stop_timestamp=stop, fire_interval=self.interval)
            | "PollEachFeed"
            >> beam.ParDo(_PollFn(self.feeds, self.config, self.memory_id)).with_outputs(DEAD, main=MAIN)
        )


def content_key(body: bytes) -> str:
    """The dedup key of a raw article without a URL."""
    return "sha256:" + sha256_hex(body, 32)
