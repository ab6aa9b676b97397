"""Feed list, safe feed parsing and poll backoff: pure functions, no Beam, no network."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from tests.feed_server import BILLION_LAUGHS, content_html, rss
from transforms.common import Rejected
from transforms.feeds import Backoff, check_xml, content_key, parse_feed, parse_feed_list

FEED = "https://news.example/feed.xml"


def test_feed_list_skips_comments_and_blank_lines_and_keeps_fragments():
    text = b"""# my feeds
https://a.example/rss

   https://b.example/atom.xml   # trailing comment
https://a.example/rss
https://c.example/feed#section
ftp://d.example/feed
not a url
"""
    urls, bad = parse_feed_list(text)
    assert urls == ["https://a.example/rss", "https://b.example/atom.xml", "https://c.example/feed#section"]
    assert [line for line, _ in bad] == ["ftp://d.example/feed", "not a url"]


def test_opml_feed_list():
    opml = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>subs</title></head><body>
<outline text="News"><outline text="A" type="rss" xmlUrl="https://a.example/rss"/>
<outline text="B" type="rss" xmlUrl="https://b.example/atom.xml"/></outline>
<outline text="Bad" xmlUrl="file:///etc/passwd"/></body></opml>"""
    urls, bad = parse_feed_list(opml)
    assert urls == ["https://a.example/rss", "https://b.example/atom.xml"]
    assert bad == [("file:///etc/passwd", "not an http(s) URL")]


def test_opml_with_a_dtd_is_refused():
    opml = b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x "y">]><opml><body><outline xmlUrl="https://a/&x;"/></body></opml>'
    urls, bad = parse_feed_list(opml)
    assert urls == [] and "DTDForbidden" in bad[0][1]


XXE = b"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>&xxe;</title></channel></rss>"""


@pytest.mark.parametrize(
    "body, reason",
    [
        (BILLION_LAUGHS, "unsafe_xml"),
        (BILLION_LAUGHS.decode().encode("utf-16"), "unsafe_xml"),  # the byte scan misses it; defusedxml does not
        (XXE, "unsafe_xml"),
        (rss("T", [])[:-20], "malformed_feed"),
        (b"<html><body>not a feed", "malformed_feed"),
        (b"", "malformed_feed"),
    ],
)
def test_unsafe_or_broken_xml_is_rejected_before_parsing(body, reason):
    started = time.monotonic()
    with pytest.raises(Rejected) as info:
        parse_feed(body, FEED)
    assert info.value.reason == reason
    assert time.monotonic() - started < 1.0  # an expanded bomb would take far longer (and gigabytes)


def test_well_formed_feed_passes_the_check():
    check_xml(rss("T", [{"title": "x", "link": "https://a.example/1"}]))


def test_entries_become_leads_with_canonical_urls_and_hints():
    published = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC)
    body = rss(
        "Example News",
        [
            {"title": "One", "link": "https://news.example/a/1?utm_source=rss", "published": published},
            {"title": "One again", "link": "https://news.example/a/1"},  # same article, listed twice
            {"title": "Two", "link": "/a/2"},  # relative: resolved against the feed URL
            {"title": "Full", "link": "https://news.example/a/3", "content": content_html("full")},
            {"title": "No link", "link": ""},
        ],
    )
    leads = {lead.key: lead for lead in parse_feed(body, FEED)}
    assert sorted(leads) == ["https://news.example/a/1", "https://news.example/a/2", "https://news.example/a/3"]
    one = leads["https://news.example/a/1"]
    assert one.body is None and one.origin == FEED and one.hints["url"] == one.key
    full = leads["https://news.example/a/3"]
    assert full.body and b"harbour authority" in full.body
    assert full.hints["format"] == "html" and full.hints["source"] == "Example News"


def test_atom_feed_with_content():
    atom = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
<entry><title>Storm</title><link href="https://atom.example/storm"/><updated>2026-03-02T10:00:00Z</updated>
<author><name>Jane Doe</name></author>
<content type="html">&lt;p&gt;Heavy storms flooded roads.&lt;/p&gt;</content></entry>
</feed>"""
    (lead,) = parse_feed(atom, "https://atom.example/feed")
    assert lead.key == "https://atom.example/storm" and lead.body == b"<p>Heavy storms flooded roads.</p>"
    assert lead.hints["published"] == "2026-03-02T10:00:00Z" and lead.hints["authors"] == ["Jane Doe"]


def test_backoff_skips_doubling_numbers_of_polls_and_resets_on_success():
    backoff = Backoff()
    pattern = []
    for _ in range(12):
        if backoff.should_poll("f"):
            pattern.append("P")
            backoff.failed("f")
        else:
            pattern.append(".")
    assert "".join(pattern) == "PP.P...P...."  # polls 1, 2, 4, 8: gaps of 0, 1, 3, 7 polls
    backoff.succeeded("f")
    assert backoff.should_poll("f") and backoff.should_poll("other")


def test_backoff_is_capped():
    backoff = Backoff()
    skips = [backoff.failed("f") for _ in range(10)]
    assert skips[:3] == [0, 1, 3] and max(skips) == 32


def test_content_key_is_stable():
    assert content_key(b"abc") == content_key(b"abc") != content_key(b"abd")


def test_impulse_bounds_give_exactly_max_polls_ticks():
    from apache_beam.transforms.periodicsequence import ImpulseSeqGenRestrictionProvider
    from apache_beam.utils.timestamp import MAX_TIMESTAMP, Timestamp

    from transforms.feeds import impulse_bounds

    provider = ImpulseSeqGenRestrictionProvider()
    for n in range(2000):  # float seconds once gave one tick too many for ~1.5 % of start times
        now = Timestamp.of(1_763_874_000.123457 + n * 0.731)
        for interval, polls in ((0.2, 1), (4.35, 3), (0.3, 2), (60.0, 5)):
            start, stop = impulse_bounds(interval, polls, now)
            assert provider.initial_restriction((start, stop, interval)).stop == polls
    assert impulse_bounds(0.2, None, now)[1] == MAX_TIMESTAMP
