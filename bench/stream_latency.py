"""Stream latency: how long after an article appears in a feed is it readable in Parquet?

A real HTTP server on 127.0.0.1 serves two feeds that gain new articles at every poll (one links to pages, one
carries content:encoded). The stream runs on the local runner for a bounded number of polls while a watcher
thread scans the output for new Parquet files. Latency of an article = first time a Parquet file holding it was
seen, minus the time the server first served a feed listing it; both on this process's clock (time.time()).
Locally the stream runs one bounded pipeline per window, so the first round also pays the one-time start-up
(imports, models, the extraction child process).

python -m bench.stream_latency [--polls 10] [--poll-interval 1] [--window 10] [--new-per-poll 2]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pathlib
import statistics
import tempfile
import threading
import time

import pyarrow.parquet as pq

from pipelines import stream
from tests.feed_server import FeedServer, article_page, content_html, ok, rss

RESULTS = pathlib.Path(__file__).resolve().parent / "results"
SCAN_EVERY = 0.05  # seconds between output scans: small against any window, cheap on a few files


class Watcher(threading.Thread):
    """Records, per article URL, the first time a finished Parquet file containing it was visible."""

    def __init__(self, articles: pathlib.Path) -> None:
        super().__init__(daemon=True)
        self.articles, self.first_seen, self.files = articles, {}, set()
        self.done = threading.Event()

    def scan(self) -> None:
        now = time.time()
        for path in self.articles.rglob("*.parquet") if self.articles.exists() else ():
            if path in self.files:
                continue
            self.files.add(path)
            for url in pq.read_table(path, columns=["url"]).column("url").to_pylist():
                self.first_seen.setdefault(url, now)

    def run(self) -> None:
        while not self.done.is_set():
            self.scan()
            time.sleep(SCAN_EVERY)
        self.scan()


def growing_feed(server: FeedServer, path: str, prefix: str, per_poll: int, with_content: bool):
    """A feed that lists `per_poll` more articles at each request; returns the article URLs by request number."""
    listed: dict[int, list[str]] = {}

    def script(n: int):
        items = []
        for k in range(1, n * per_poll + 1):
            name = f"{prefix}/{k}"
            published = dt.datetime(2026, 5, 1 + k % 28, 7, tzinfo=dt.UTC)
            item = {"title": f"Story {name}", "link": server.url(name), "published": published}
            if with_content:
                item["content"] = content_html(f"{name} bench")
            else:
                server.scripts.setdefault(name, ok(article_page(f"{name} bench", published)))
            items.append(item)
        listed[n] = [i["link"] for i in items]
        return 200, rss(f"Bench {prefix}", items), 0.0

    server.scripts[path] = script
    return listed


def appearance_times(server: FeedServer, path: str, listed: dict[int, list[str]]) -> dict[str, float]:
    """URL -> time the server first served a version of the feed that listed it."""
    appeared: dict[str, float] = {}
    for n, served_at in enumerate(server.requests.get(path, []), start=1):
        for url in listed.get(n, []):
            appeared.setdefault(url, served_at)
    return appeared


def run(polls: int, interval: float, window: float, per_poll: int, keep: str | None = None) -> dict:
    server = FeedServer().start()
    try:
        pages = growing_feed(server, "/pages.xml", "/p", per_poll, with_content=False)
        wire = growing_feed(server, "/wire.xml", "/w", per_poll, with_content=True)
        with tempfile.TemporaryDirectory() as scratch:
            tmp = keep or scratch
            pathlib.Path(tmp).mkdir(parents=True, exist_ok=True)
            feeds = pathlib.Path(tmp) / "feeds.txt"
            feeds.write_text(f"{server.url('/pages.xml')}\n{server.url('/wire.xml')}\n")
            out = pathlib.Path(tmp) / "out"
            watcher = Watcher(out / "articles")
            watcher.start()
            started = time.time()
            manifest = stream.main(
                [
                    f"--feeds={feeds}",
                    f"--output={out}",
                    f"--poll-interval={interval}",
                    f"--window={window}",
                    f"--max-polls={polls}",
                    "--per-host-interval=0",
                    "--allow-private-hosts",  # the test server is on 127.0.0.1
                ]
            )
            finished = time.time()
            watcher.done.set()
            watcher.join()
        appeared = appearance_times(server, "/pages.xml", pages) | appearance_times(server, "/wire.xml", wire)
    finally:
        server.stop()
    latencies = sorted(watcher.first_seen[u] - t for u, t in appeared.items() if u in watcher.first_seen)
    return {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "runner": "FnApiRunner (local, one bounded pipeline per window)",
        "rounds": len(manifest["run_keys"]) if manifest else None,
        "polls": polls,
        "poll_interval_s": interval,
        "window_s": window,
        "articles_appeared": len(appeared),
        "articles_landed": len(watcher.first_seen),
        "articles_out_manifest": manifest["articles_out"] if manifest else None,
        "latency_s": {
            "min": round(latencies[0], 2),
            "median": round(statistics.median(latencies), 2),
            "p90": round(latencies[int(0.9 * (len(latencies) - 1))], 2),
            "max": round(latencies[-1], 2),
        },
        "latency_windows_max": round(latencies[-1] / window, 2),
        "within_two_windows": sum(1 for x in latencies if x <= 2 * window),
        "run_s": round(finished - started, 2),
    }


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polls", type=int, default=10)
    parser.add_argument("--poll-interval", type=float, default=1.0)
    parser.add_argument("--window", type=float, default=10.0)
    parser.add_argument("--new-per-poll", type=int, default=2)
    parser.add_argument("--keep", help="Write the stream's output here (kept) instead of a temporary folder.")
    args = parser.parse_args(argv)
    result = run(args.polls, args.poll_interval, args.window, args.new_per_poll, args.keep)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "stream_latency.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
