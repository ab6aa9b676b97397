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
import math
import os
import time
from collections.abc import Iterator
from typing import Any

import apache_beam as beam
from apache_beam.io.filesystems import FileSystems
from apache_beam.options.pipeline_options import PipelineOptions, StandardOptions
from apache_beam.transforms.window import FixedWindows, TimestampedValue

from pipelines.backfill import Enrich, print_summary
from pipelines.options import LOCAL_RUNNERS, NewsbeamOptions, exit_with_help, local_runner_default
from transforms.address_guard import parse_networks
from transforms.common import DEAD, MAIN, sha256_hex
from transforms.feeds import PollFeeds, feed_list_dead_letters, parse_feed_list
from transforms.feeds import forget_memory as forget_poll_memory
from transforms.fetch import FetchArticles, FetchConfig
from transforms.pubsub import MessagesToLeads
from transforms.seen import ForwardFirstSeen
from transforms.seen import forget_memory as forget_seen_memory
from transforms.stream_write import MANIFESTS, WriteWindows

log = logging.getLogger("newsbeam.stream")


def fetch_config(nb: NewsbeamOptions) -> FetchConfig:
    return FetchConfig(
        timeout=nb.fetch_timeout,
        retries=nb.fetch_retries,
        backoff=nb.fetch_backoff,
        max_bytes=nb.max_doc_bytes,
        per_host_interval=nb.per_host_interval,
        allow_private_hosts=nb.allow_private_hosts,
        allowed_networks=tuple(nb.allow_networks),
    )


def stream_run_key(source: str, started: dt.datetime) -> str:
    """Unique per run (start time) and per source, so a restarted stream never replaces an earlier run's files."""
    return f"s{started:%Y%m%dT%H%M%S%f}-{sha256_hex(source, 8)}"  # µs: rounds can start within one second


def load_feeds(path: str) -> tuple[list[str], list[tuple[str, str]]]:
    with FileSystems.open(path) as f:
        return parse_feed_list(f.read(1024 * 1024))  # a feed list of 1 MB holds ~10k URLs, far past "hundreds"


def build(
    pipeline: beam.Pipeline,
    nb: NewsbeamOptions,
    messages: beam.PCollection | None = None,
    polls: int | None = None,
    memory_id: str | None = None,
    first_round: bool = True,
) -> str:
    """Builds the stream; `messages` (a PCollection of PubsubMessage) replaces the Pub/Sub read, for tests.

    `polls` overrides --max-polls; `memory_id` and `first_round` serve the rounds of a local stream (see main).
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
        bad = bad if first_round else []  # reported once per stream, not once per round
        for line, why in bad:
            log.warning("feed list %s: skipped %r: %s", nb.feeds, line, why)
        polls = nb.max_polls if polls is None else polls
        polled = pipeline | "Poll" >> PollFeeds(feeds, nb.poll_interval, polls, config, memory_id)
        now = time.time()
        bad_lines = (
            pipeline
            | "BadFeedLines" >> beam.Create(feed_list_dead_letters(bad))
            | "StampBadLines" >> beam.Map(lambda d: TimestampedValue(d, now))
        )
        leads, source_dead = polled[MAIN], [polled[DEAD], bad_lines]
    key = stream_run_key(source, started)
    windows = FixedWindows(nb.window)
    new_leads = leads | "FirstSeen" >> ForwardFirstSeen(nb.seen_ttl, memory_id)
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


def run_manifest(output: str, run_keys: str | list[str]) -> dict[str, Any]:
    """Sums the window manifests of runs (the rounds of a stream) into the batch manifest shape (local folders)."""
    keys = [run_keys] if isinstance(run_keys, str) else list(run_keys)
    total: dict[str, Any] = {
        "job": "stream",
        "run_keys": keys,
        "windows": 0,
        "records_in": 0,
        "articles_out": 0,
        "dead_letters": 0,
        "entity_mentions_out": 0,
        "dead_letters_by_reason": {},
        "rows_per_partition": {},
    }
    paths = [p for key in keys for p in glob.glob(os.path.join(output, MANIFESTS, f"{glob.escape(key)}-w*.json"))]
    for path in sorted(paths):
        with open(path, encoding="utf-8") as f:
            window = json.load(f)
        total["windows"] += 1
        for field in ("records_in", "articles_out", "dead_letters"):
            total[field] += window[field]
        total["entity_mentions_out"] += window.get("entity_mentions_out", 0)  # absent in windows of older runs
        for field in ("dead_letters_by_reason", "rows_per_partition"):
            for name, count in window[field].items():
                total[field][name] = total[field].get(name, 0) + count
    total["balanced"] = total["records_in"] == total["articles_out"] + total["dead_letters"]
    return total


def options_from(argv: list[str] | None) -> PipelineOptions:
    exit_with_help(argv, "python -m pipelines.stream")
    options = local_runner_default(PipelineOptions(argv))
    nb = options.view_as(NewsbeamOptions)
    if not nb.output or not (nb.feeds or nb.pubsub_subscription):
        raise SystemExit("newsbeam stream: --output and one of --feeds or --pubsub-subscription are required")
    try:
        parse_networks(nb.allow_networks)
    except ValueError as exc:
        raise SystemExit(f"newsbeam stream: --allow-network: {exc}") from exc
    if nb.pubsub_subscription or (nb.max_polls is None and not runs_in_rounds(options)):
        options.view_as(StandardOptions).streaming = True  # an unbounded source needs a streaming job
    return options


def runs_in_rounds(options: PipelineOptions) -> bool:
    """Feeds on a local runner: the FnApiRunner starts downstream stages only after the impulse has ended, so an
    endless local impulse would never write anything; the local stream runs one bounded pipeline per window."""
    runner = options.view_as(StandardOptions).runner
    name = runner if isinstance(runner, str) else type(runner).__name__
    return not options.view_as(NewsbeamOptions).pubsub_subscription and name in LOCAL_RUNNERS


def round_sizes(window: float, interval: float, max_polls: int | None) -> Iterator[int]:
    """Polls per round: one window's worth, until --max-polls polls are done (never, without it)."""
    per_round = max(1, math.ceil(window / interval - 1e-9))  # 1e-9: 300 / 60 is 5 rounds, not 6 by float error
    left = max_polls
    while left is None or left > 0:
        size = per_round if left is None else min(per_round, left)
        yield size
        if left is not None:
            left -= size


def main(argv: list[str] | None = None) -> dict[str, Any] | None:
    options = options_from(argv)
    nb = options.view_as(NewsbeamOptions)
    keys: list[str] = []
    if runs_in_rounds(options):
        memory_id = f"stream-{os.getpid()}-{time.time_ns()}"
        try:
            for n, polls in enumerate(round_sizes(nb.window, nb.poll_interval, nb.max_polls)):
                with beam.Pipeline(options=options) as pipeline:
                    keys.append(build(pipeline, nb, polls=polls, memory_id=memory_id, first_round=n == 0))
        except KeyboardInterrupt:
            log.warning("stream stopped; windows of finished rounds are written")
        finally:
            forget_poll_memory(memory_id)
            forget_seen_memory(memory_id)
    else:
        with beam.Pipeline(options=options) as pipeline:
            keys.append(build(pipeline, nb))
    if "://" in nb.output:
        return None
    manifest = run_manifest(nb.output, keys)
    print_summary(manifest)
    print(f"windows written: {manifest['windows']} in {len(keys)} run(s)")
    return manifest


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    main()
