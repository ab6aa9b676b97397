"""Continuous ingestion: poll RSS/Atom feeds (or read Pub/Sub), fetch each new article once, and write windowed
Parquet into the same Hive partitions as the backfill.

python -m pipelines.stream --feeds feeds.txt --output out/ [--poll-interval 60] [--window 300] [--max-polls N]
python -m pipelines.stream --pubsub-subscription projects/P/subscriptions/S --output gs://B/newsbeam --streaming ...

source (PollFeeds | Pub/Sub) ─► ForwardFirstSeen ─► FetchArticles ─► FixedWindows ─► Enrich (shared) ─► WriteWindows
"""

from __future__ import annotations

import datetime as dt
import glob
import json
import logging
import os
import time
from typing import Any

import apache_beam as beam
from apache_beam.io.filesystems import FileSystems
from apache_beam.options.pipeline_options import PipelineOptions, StandardOptions
from apache_beam.transforms.window import FixedWindows, TimestampedValue

from pipelines.backfill import Enrich, print_summary
from pipelines.options import NewsbeamOptions, local_runner_default
from transforms.common import DEAD, MAIN, sha256_hex
from transforms.feeds import PollFeeds, feed_list_dead_letters, parse_feed_list
from transforms.fetch import FetchArticles, FetchConfig
from transforms.pubsub import MessagesToLeads
from transforms.seen import ForwardFirstSeen
from transforms.stream_write import MANIFESTS, WriteWindows

log = logging.getLogger("newsbeam.stream")


def fetch_config(nb: NewsbeamOptions) -> FetchConfig:
    return FetchConfig(
        timeout=nb.fetch_timeout,
        retries=nb.fetch_retries,
        backoff=nb.fetch_backoff,
        max_bytes=nb.max_doc_bytes,
        per_host_interval=nb.per_host_interval,
    )


def stream_run_key(source: str, started: dt.datetime) -> str:
    """Unique per run (start time) and per source, so a restarted stream never replaces an earlier run's files."""
    return f"s{started:%Y%m%dT%H%M%S}-{sha256_hex(source, 8)}"


def load_feeds(path: str) -> tuple[list[str], list[tuple[str, str]]]:
    with FileSystems.open(path) as f:
        return parse_feed_list(f.read(1024 * 1024))  # a feed list of 1 MB holds ~10k URLs, far past "hundreds"


def build(pipeline: beam.Pipeline, nb: NewsbeamOptions, messages: beam.PCollection | None = None) -> str:
    """Builds the stream; `messages` (a PCollection of PubsubMessage) replaces the Pub/Sub read, for tests.

    Returns the run key that names this run's files.
    """
    started = dt.datetime.now(dt.UTC)
    config = fetch_config(nb)
    if messages is not None or nb.pubsub_subscription:
        source = nb.pubsub_subscription or "pubsub"
        if messages is None:
            messages = pipeline | "ReadPubSub" >> beam.io.ReadFromPubSub(
                subscription=nb.pubsub_subscription, with_attributes=True
            )
        parsed = messages | "Messages" >> MessagesToLeads(source)
        leads, source_dead = parsed[MAIN], [parsed[DEAD]]
    else:
        source = nb.feeds
        feeds, bad = load_feeds(nb.feeds)
        for line, why in bad:
            log.warning("feed list %s: skipped %r: %s", nb.feeds, line, why)
        polled = pipeline | "Poll" >> PollFeeds(feeds, nb.poll_interval, nb.max_polls, config)
        now = time.time()
        bad_lines = (
            pipeline
            | "BadFeedLines" >> beam.Create(feed_list_dead_letters(bad))
            | "StampBadLines" >> beam.Map(lambda d: TimestampedValue(d, now))
        )
        leads, source_dead = polled[MAIN], [polled[DEAD], bad_lines]
    key = stream_run_key(source, started)
    windows = FixedWindows(nb.window)
    new_leads = leads | "FirstSeen" >> ForwardFirstSeen(nb.seen_ttl)
    fetched = new_leads | "Fetch" >> FetchArticles(config)
    raw = fetched[MAIN] | "Window" >> beam.WindowInto(windows)
    articles, step_dead = raw | "Enrich" >> Enrich(nb)
    early_dead = (
        (*source_dead, fetched[DEAD]) | "SourceDead" >> beam.Flatten() | "WindowDead" >> beam.WindowInto(windows)
    )
    dead = (early_dead, step_dead) | "AllDeadLetters" >> beam.Flatten()
    counted = new_leads | "WindowLeads" >> beam.WindowInto(windows)
    run_info = {"job": "stream", "source": source, "run_key": key, "window_s": nb.window}
    _ = (articles, dead, counted) | "Write" >> WriteWindows(nb.output, key, run_info)
    return key


def run_manifest(output: str, run_key: str) -> dict[str, Any]:
    """Sums the window manifests of one run into the batch manifest shape (local output folders only)."""
    total: dict[str, Any] = {
        "job": "stream",
        "run_key": run_key,
        "windows": 0,
        "records_in": 0,
        "articles_out": 0,
        "dead_letters": 0,
        "dead_letters_by_reason": {},
        "rows_per_partition": {},
    }
    for path in sorted(glob.glob(os.path.join(output, MANIFESTS, f"{glob.escape(run_key)}-w*.json"))):
        with open(path, encoding="utf-8") as f:
            window = json.load(f)
        total["windows"] += 1
        for field in ("records_in", "articles_out", "dead_letters"):
            total[field] += window[field]
        for field in ("dead_letters_by_reason", "rows_per_partition"):
            for name, count in window[field].items():
                total[field][name] = total[field].get(name, 0) + count
    total["balanced"] = total["records_in"] == total["articles_out"] + total["dead_letters"]
    return total


def options_from(argv: list[str] | None) -> PipelineOptions:
    options = local_runner_default(PipelineOptions(argv))
    nb = options.view_as(NewsbeamOptions)
    if not nb.output or not (nb.feeds or nb.pubsub_subscription):
        raise SystemExit("newsbeam stream: --output and one of --feeds or --pubsub-subscription are required")
    if nb.pubsub_subscription or nb.max_polls is None:
        options.view_as(StandardOptions).streaming = True  # an unbounded source needs a streaming job
    return options


def main(argv: list[str] | None = None) -> dict[str, Any] | None:
    options = options_from(argv)
    nb = options.view_as(NewsbeamOptions)
    with beam.Pipeline(options=options) as pipeline:
        key = build(pipeline, nb)
    if "://" in nb.output:
        return None
    manifest = run_manifest(nb.output, key)
    print_summary(manifest)
    print(f"windows written: {manifest['windows']} (run {key})")
    return manifest


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    main()
