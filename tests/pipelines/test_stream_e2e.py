"""End-to-end: the stream CLI polls a real HTTP server on 127.0.0.1 whose feeds change between polls and flap.

Read back with DuckDB: every article lands exactly once, in its partition; every failure is a dead letter.
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib

import duckdb
import pytest

from pipelines import stream
from tests.feed_server import (
    BILLION_LAUGHS,
    FeedServer,
    article_page,
    by_request,
    content_html,
    first_fails,
    ok,
    rss,
)

POLLS = 5
INTERVAL = 0.5  # seconds: 5 polls in 2.5 s keep the test fast and still cross several windows
WINDOW = 1.25  # 3 polls per round: the 5 polls run as 2 rounds (2 pipelines), each writing its windows
TIMEOUT = 0.4  # the hanging feed and page sleep longer than this
HANG = 1.5


def day(n: int) -> dt.datetime:
    return dt.datetime(2026, 3, n, 9, 30, tzinfo=dt.UTC)


# url path -> (published date, language) expected in the table
EXPECTED = {
    "/a/1": ("2026-03-01", "en"),
    "/a/2": ("2026-03-02", "en"),
    "/a/3": ("2026-03-03", "de"),
    "/a/4": ("2026-03-04", "en"),
    "/wire/1": ("2026-03-05", "en"),
    "/wire/2": ("2026-03-06", "de"),
    "/f/500": ("2026-03-07", "en"),
    "/f/timeout": ("2026-03-08", "en"),
    "/f/truncated": ("2026-03-09", "en"),
    "/f/bomb": ("2026-03-10", "en"),
}


def item(server: FeedServer, path: str, with_content: bool = False, link: str | None = None) -> dict:
    date, language = EXPECTED[path]
    published = dt.datetime.fromisoformat(date).replace(hour=9, tzinfo=dt.UTC)
    entry = {"title": f"Story {path}", "link": server.url(link or path), "published": published}
    if with_content:
        entry["content"] = content_html(path, language)
    return entry


def publish_pages(server: FeedServer) -> None:
    for path, (date, language) in EXPECTED.items():
        if not path.startswith("/wire/"):
            page = article_page(path, dt.datetime.fromisoformat(date).replace(hour=9, tzinfo=dt.UTC), language)
            server.scripts[path] = ok(page)
    server.scripts["/a/3"] = first_fails((500, b"busy", 0.0), server.scripts["/a/3"](1)[1])
    server.scripts["/a/4"] = first_fails((200, b"", HANG), server.scripts["/a/4"](1)[1])


def publish_feeds(server: FeedServer) -> None:
    a = {p: item(server, p) for p in ("/a/1", "/a/2", "/a/3", "/a/4")}
    tracked = item(server, "/a/2", link="/a/2?utm_source=rss&utm_medium=feed")  # same article, tracking params
    gone = {"title": "Removed story", "link": server.url("/gone"), "published": day(1)}
    server.scripts["/news.xml"] = by_request(
        [
            rss("Test Courier", [a["/a/1"], a["/a/2"]]),
            rss("Test Courier", [a["/a/1"], a["/a/2"], a["/a/3"], gone]),
            rss("Test Courier", [tracked, a["/a/3"], a["/a/4"], gone]),  # /a/1 has dropped off the feed
        ]
    )
    wire = [item(server, "/wire/1", with_content=True), item(server, "/wire/2", with_content=True)]
    server.scripts["/wire.xml"] = by_request([rss("Wire", wire[:1]), rss("Wire", wire)])
    good = {p: rss("Flaky", [item(server, p)]) for p in ("/f/500", "/f/timeout", "/f/truncated", "/f/bomb")}
    server.scripts["/flaky-500.xml"] = first_fails((500, b"oops", 0.0), good["/f/500"])
    server.scripts["/flaky-timeout.xml"] = first_fails((200, good["/f/timeout"], HANG), good["/f/timeout"])
    truncated = good["/f/truncated"][: len(good["/f/truncated"]) // 2]
    server.scripts["/flaky-truncated.xml"] = first_fails((200, truncated, 0.0), good["/f/truncated"])
    server.scripts["/flaky-bomb.xml"] = first_fails((200, BILLION_LAUGHS, 0.0), good["/f/bomb"])
    server.scripts["/dead.xml"] = lambda n: (503, b"down", 0.0)


FEEDS = ("/news.xml", "/wire.xml", "/flaky-500.xml", "/flaky-timeout.xml", "/flaky-truncated.xml")


@pytest.fixture(scope="module")
def stream_run(tmp_path_factory):
    server = FeedServer().start()
    try:
        publish_pages(server)
        publish_feeds(server)
        tmp = tmp_path_factory.mktemp("stream")
        feeds = tmp / "feeds.txt"
        lines = ["# test feeds", "", *(server.url(p) for p in FEEDS)]
        lines += [f"{server.url('/flaky-bomb.xml')}  # entity bomb first", server.url("/dead.xml"), "ftp://bad/feed"]
        feeds.write_text("\n".join(lines) + "\n")
        out = tmp / "out"
        news = server.scripts["/news.xml"]
        files_at_poll: list[int] = []

        def watched(n: int):  # what a reader could see in the table when each poll happened
            files_at_poll.append(len(list((out / "articles").rglob("*.parquet"))))
            return news(n)

        server.scripts["/news.xml"] = watched
        manifest = stream.main(
            [
                f"--feeds={feeds}",
                f"--output={out}",
                f"--poll-interval={INTERVAL}",
                f"--window={WINDOW}",
                f"--max-polls={POLLS}",
                f"--fetch-timeout={TIMEOUT}",
                "--fetch-retries=2",
                "--fetch-backoff=0.05",
                "--per-host-interval=0",
                "--allow-private-hosts",  # the test server is on 127.0.0.1
            ]
        )
        yield server, out, manifest, files_at_poll
    finally:
        server.stop()


def table(out: pathlib.Path, name: str) -> str:
    return f"read_parquet('{out}/{name}/**/*.parquet', hive_partitioning = true, union_by_name = true)"


def test_every_article_lands_once_in_its_partition(stream_run):
    server, out, _, _ = stream_run
    rows = duckdb.sql(
        f"SELECT url, CAST(published_date AS VARCHAR), language FROM {table(out, 'articles')} ORDER BY url"
    ).fetchall()
    got = [(url.removeprefix(server.base), date, lang) for url, date, lang in rows]
    assert got == sorted((path, date, lang) for path, (date, lang) in EXPECTED.items())


def test_failures_are_dead_letters_with_reasons(stream_run):
    server, out, manifest, _ = stream_run
    reasons = dict(
        duckdb.sql(f"SELECT stage || '/' || reason, count(*) FROM {table(out, 'dead_letter')} GROUP BY ALL").fetchall()
    )
    dead_polls = server.hits("/dead.xml")
    assert reasons == {
        "feeds/invalid_feed_url": 1,
        "poll/http_500": 1,
        "poll/timeout": 1,
        "poll/malformed_feed": 1,
        "poll/unsafe_xml": 1,
        "poll/http_503": dead_polls,
        "fetch/http_404": 1,
    }
    assert manifest["dead_letters_by_reason"] == dict(sorted(reasons.items()))
    assert manifest["balanced"] and manifest["articles_out"] == len(EXPECTED)


def test_failing_feed_is_backed_off_and_pages_fetched_once(stream_run):
    server, _, _, _ = stream_run
    assert server.hits("/news.xml") == POLLS
    # 503 on every poll: polled at rounds 1, 2 and 4 (skips 0, then 1, then 3 rounds), not 5 times
    assert server.hits("/dead.xml") == 3
    assert server.hits("/a/1") == server.hits("/a/2") == server.hits("/gone") == 1
    assert server.hits("/a/3") == server.hits("/a/4") == 2  # one transient failure each, then one retry
    assert server.hits("/wire/1") == server.hits("/wire/2") == 0  # full content in the feed: never fetched


def test_windows_write_their_own_files(stream_run):
    _, out, manifest, _ = stream_run
    # articles and dead letters: /dead.xml fails at polls 1 and 4, more than a window apart, so >= 2 windows
    files = sorted(p.name for p in out.rglob("*.parquet"))
    windows = {name.split("-w", 1)[1].split("-", 1)[0] for name in files}
    assert all("-w" in name for name in files) and len(windows) >= 2
    manifests = sorted((out / "_manifests").glob("*.json"))
    assert len(manifests) == manifest["windows"] >= 2
    assert sum(json.loads(p.read_text())["articles_out"] for p in manifests) == len(EXPECTED)


def test_local_stream_writes_each_window_while_it_keeps_polling(stream_run):
    _, _, manifest, files_at_poll = stream_run
    # one bounded pipeline per window (3 polls, then 2): the first round is in Parquet before the last poll
    assert len(manifest["run_keys"]) == 2
    assert files_at_poll[0] == 0 and files_at_poll[-1] > 0


def test_entity_mentions_are_written_with_the_articles_of_each_window(stream_run):
    _, out, manifest, _ = stream_run
    expected = duckdb.sql(
        "SELECT doc_id, e.entity_id, count(*) FROM (SELECT doc_id, unnest(entities) AS e FROM "
        f"{table(out, 'articles')}) GROUP BY ALL ORDER BY ALL"
    ).fetchall()
    mentions = duckdb.sql(
        f"SELECT doc_id, entity_id, mentions FROM {table(out, 'entity_mentions')} ORDER BY ALL"
    ).fetchall()
    assert expected and mentions == expected  # one row per article and entity, with its number of mentions
    assert manifest["entity_mentions_out"] == len(mentions)
    files = [p.name for p in (out / "entity_mentions").rglob("*.parquet")]
    assert files and all("-w" in name for name in files)  # window-tagged names, as the articles'
