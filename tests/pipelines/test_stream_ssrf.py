"""The stream CLI refuses feeds on private addresses by default (SSRF guard): a feed served by a real HTTP server on
127.0.0.1 becomes a `poll/blocked_address` dead letter and the server never sees a request; `--allow-private-hosts`
(used by every other stream test) lets it through."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from pipelines import stream
from pipelines.options import NewsbeamOptions
from tests.feed_server import FeedServer, article_page, ok, rss


def test_feed_on_loopback_is_a_blocked_dead_letter_by_default(tmp_path):
    server = FeedServer().start()
    try:
        published = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC)
        server.scripts["/page"] = ok(article_page("guarded page", published))
        server.scripts["/news.xml"] = ok(rss("News", [{"title": "p", "link": server.url("/page")}]))
        feeds = tmp_path / "feeds.txt"
        feeds.write_text(server.url("/news.xml") + "\n")
        out = tmp_path / "out"
        manifest = stream.main(
            [f"--feeds={feeds}", f"--output={out}", "--poll-interval=0.2", "--window=1", "--max-polls=1"]
        )
        assert server.hits("/news.xml") == 0 and server.hits("/page") == 0, server.requests
    finally:
        server.stop()
    assert manifest["dead_letters_by_reason"] == {"poll/blocked_address": 1}, manifest
    assert manifest["articles_out"] == 0 and manifest["balanced"], manifest
    rows = duckdb.sql(
        f"SELECT input_uri, reason, error FROM read_parquet('{out}/dead_letter/**/*.parquet', hive_partitioning = true)"
    ).fetchall()
    assert len(rows) == 1 and rows[0][0].startswith(server.url("/news.xml")) and rows[0][1] == "blocked_address", rows
    assert "127.0.0.1 (loopback)" in rows[0][2]


def test_guard_options():
    def config(*args: str):
        options = stream.options_from(["--output=out", "--feeds=f.txt", *args])
        return stream.fetch_config(options.view_as(NewsbeamOptions))

    assert config().allow_private_hosts is False and config().allowed_networks == ()
    assert config("--allow-private-hosts").allow_private_hosts is True
    assert config("--allow-network=10.1.2.0/24", "--allow-network=fd00::/8").allowed_networks == (
        "10.1.2.0/24",
        "fd00::/8",
    )
    with pytest.raises(SystemExit, match="allow-network"):
        config("--allow-network=not-a-network")
