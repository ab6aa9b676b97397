"""Pub/Sub message parsing (pure) and the seen step (stateful DoFn whose memory expires by timer)."""

from __future__ import annotations

import json

import apache_beam as beam
import pytest
from apache_beam.io.gcp.pubsub import PubsubMessage
from apache_beam.options.pipeline_options import PipelineOptions
from apache_beam.testing.test_pipeline import TestPipeline
from apache_beam.testing.test_stream import TestStream
from apache_beam.testing.util import assert_that, equal_to
from apache_beam.transforms.window import TimestampedValue
from apache_beam.utils.timestamp import Timestamp

from schemas.record import Lead
from transforms.common import Rejected
from transforms.pubsub import message_to_lead
from transforms.seen import ForwardFirstSeen, expired


def test_url_message():
    lead = message_to_lead(PubsubMessage(b"https://news.example/a/1?utm_source=x", {}), "sub")
    assert (lead.key, lead.url, lead.origin, lead.body) == ("https://news.example/a/1",) * 2 + ("sub", None)


def test_json_url_message_keeps_hints():
    data = json.dumps({"url": "https://news.example/a/2", "title": "Two", "published": "2026-01-02"}).encode()
    lead = message_to_lead(data)
    assert lead.body is None and lead.hints == {"title": "Two", "published": "2026-01-02", "url": lead.url}


def test_raw_article_message_is_not_fetched():
    data = json.dumps({"url": "https://news.example/a/3", "text": "Body of the story.", "title": "Three"}).encode()
    lead = message_to_lead(PubsubMessage(data, {"k": "v"}))
    assert lead.body == b"Body of the story." and lead.key == "https://news.example/a/3"
    assert lead.hints["format"] == "text" and lead.hints["title"] == "Three"


def test_raw_article_without_url_is_keyed_by_content():
    one = message_to_lead(json.dumps({"html": "<p>same</p>"}).encode())
    two = message_to_lead(json.dumps({"html": "<p>same</p>"}).encode())
    assert one.key == two.key and one.key.startswith("sha256:") and one.url is None


@pytest.mark.parametrize(
    "data",
    [b"", b"   ", b"hello world", b"file:///etc/passwd", b'{"url": "javascript:alert(1)"}', b"{broken", b"[1, 2]"],
)
def test_unusable_messages_are_rejected(data):
    with pytest.raises(Rejected) as info:
        message_to_lead(data)
    assert info.value.reason == "invalid_message"


def lead(key: str) -> Lead:
    return Lead(key=key, url=key, origin="test")


def test_seen_forwards_each_key_once():
    leads = [lead("a"), lead("b"), lead("a"), lead("a"), lead("c"), lead("b")]
    with TestPipeline(runner="FnApiRunner") as p:
        keys = (
            p
            | beam.Create([TimestampedValue(x, 100 + i) for i, x in enumerate(leads)])
            | ForwardFirstSeen(ttl=3600)
            | beam.Map(lambda x: x.key)
        )
        assert_that(keys, equal_to(["a", "b", "c"]))


def test_seen_memory_expires_by_timer():
    events = (
        TestStream()
        .advance_watermark_to(0)
        .add_elements([TimestampedValue(lead("a"), 10), TimestampedValue(lead("b"), 10)])
        .advance_watermark_to(50)
        .add_elements([TimestampedValue(lead("a"), 50)])  # within the ttl: a repeat
        .advance_watermark_to(200)  # past 10 + ttl: the memory of "a" and "b" is cleared
        .add_elements([TimestampedValue(lead("a"), 200)])  # after expiry: new again
        .advance_watermark_to_infinity()
    )
    options = PipelineOptions(["--runner=BundleBasedDirectRunner", "--streaming"])
    with TestPipeline(options=options) as p:
        keys = p | events | ForwardFirstSeen(ttl=100) | beam.Map(lambda x: x.key)
        assert_that(keys, equal_to(["a", "b", "a"]))


def test_expiry_waits_for_the_wall_clock_too():
    assert expired(Timestamp(1000), now=1000.0) and expired(Timestamp(1000), now=5000.0)
    assert not expired(Timestamp(1000), now=999.0)  # a watermark jump alone never clears the memory
