"""The Pub/Sub path of the stream, driven by TestStream (no real Pub/Sub) on the DirectRunner in streaming mode.

Messages carry article URLs (fetched from a real HTTP server on 127.0.0.1) or raw articles; Pub/Sub's
redeliveries are deduped; unusable messages are dead letters; each window writes its own files.
"""

from __future__ import annotations

import datetime as dt
import json

import apache_beam as beam
import duckdb
import pytest
from apache_beam.io.gcp.pubsub import PubsubMessage
from apache_beam.options.pipeline_options import PipelineOptions
from apache_beam.testing.test_stream import TestStream
from apache_beam.utils.timestamp import Timestamp

from pipelines import stream
from pipelines.options import NewsbeamOptions
from tests.feed_server import FeedServer, article_page, article_text, ok

START = 1_790_000_000  # event-time seconds of the first message; any fixed instant works
WINDOW = 60  # seconds of event time per window


def message(data: dict | str, **attributes: str) -> PubsubMessage:
    body = data if isinstance(data, str) else json.dumps(data)
    return PubsubMessage(body.encode("utf-8"), attributes or None)


@pytest.fixture(scope="module")
def pubsub_run(tmp_path_factory):
    server = FeedServer().start()
    try:
        server.scripts["/p/1"] = ok(article_page("/p/1", dt.datetime(2026, 4, 1, 8, tzinfo=dt.UTC)))
        server.scripts["/p/2"] = ok(article_page("/p/2", dt.datetime(2026, 4, 2, 8, tzinfo=dt.UTC), "de"))
        raw_article = {
            "url": "https://wire.example/raw/1?utm_source=pubsub",
            "title": "Raw wire story",
            "published": "2026-04-03T10:00:00Z",
            "text": "\n\n".join(article_text("raw wire")),
        }
        first = [
            message(server.url("/p/1")),
            message({"url": server.url("/p/2?utm_campaign=x"), "title": "Second"}),
            message(raw_article),
        ]
        second = [
            message(server.url("/p/1")),  # redelivered: already seen
            message(raw_article),  # redelivered raw article: already seen
            message(server.url("/missing")),  # 404
            message("not a url at all"),
            message({"url": "file:///etc/passwd"}),
        ]
        events = (
            TestStream()
            .advance_watermark_to(Timestamp(START))
            .add_elements(first, event_timestamp=START + 1)
            .advance_watermark_to(Timestamp(START + WINDOW + 1))
            .add_elements(second, event_timestamp=START + WINDOW + 5)
            .advance_watermark_to_infinity()
        )
        out = tmp_path_factory.mktemp("pubsub") / "out"
        options = PipelineOptions(
            [
                "--runner=BundleBasedDirectRunner",
                "--streaming",
                f"--output={out}",
                f"--window={WINDOW}",
                "--fetch-timeout=2",
                "--fetch-retries=0",
                "--per-host-interval=0",
                "--allow-private-hosts",  # the test server is on 127.0.0.1
            ]
        )
        with beam.Pipeline(options=options) as pipeline:
            key = stream.build(pipeline, options.view_as(NewsbeamOptions), messages=pipeline | events)
        yield server, out, stream.run_manifest(str(out), key)
    finally:
        server.stop()


def test_messages_land_once_in_their_partitions(pubsub_run):
    server, out, manifest = pubsub_run
    rows = duckdb.sql(
        "SELECT url, CAST(published_date AS VARCHAR), language "
        f"FROM read_parquet('{out}/articles/**/*.parquet', hive_partitioning = true) ORDER BY url"
    ).fetchall()
    assert rows == sorted(
        [
            (server.url("/p/1"), "2026-04-01", "en"),
            (server.url("/p/2"), "2026-04-02", "de"),
            ("https://wire.example/raw/1", "2026-04-03", "en"),
        ]
    )
    assert server.hits("/p/1") == server.hits("/p/2") == 1
    assert manifest["articles_out"] == 3 and manifest["balanced"]


def test_bad_messages_are_dead_letters_in_the_second_window(pubsub_run):
    _, out, manifest = pubsub_run
    reasons = duckdb.sql(
        "SELECT stage || '/' || reason, count(*) "
        f"FROM read_parquet('{out}/dead_letter/*.parquet') GROUP BY ALL ORDER BY 1"
    ).fetchall()
    assert reasons == [("fetch/http_404", 1), ("pubsub/invalid_message", 2)]
    assert manifest["windows"] == 2
    second = sorted((out / "_manifests").glob("*.json"))[-1]
    assert json.loads(second.read_text())["dead_letters"] == 3
