"""Fetch against a real HTTP server on 127.0.0.1: schemes, redirects, size cap, timeouts, retries, politeness."""

from __future__ import annotations

import apache_beam as beam
import pytest
from apache_beam.testing.test_pipeline import TestPipeline
from apache_beam.testing.util import assert_that, equal_to

from schemas.record import Lead
from tests.checks import reason_of
from tests.feed_server import FeedServer, first_fails, ok
from transforms.common import DEAD, MAIN
from transforms.fetch import FetchArticles, FetchConfig, HostThrottle, fetch, get_once, is_transient, lead_to_raw

# the test server is on 127.0.0.1, which the SSRF guard refuses by default (tests/transforms/test_address_guard.py)
FAST = FetchConfig(timeout=0.5, retries=2, backoff=0.01, max_bytes=1000, per_host_interval=0, allow_private_hosts=True)


@pytest.fixture(scope="module")
def server():
    srv = FeedServer().start()
    srv.scripts["/page"] = ok(b"<html><body><p>hello</p></body></html>")
    srv.scripts["/big"] = ok(b"x" * 1001)
    srv.scripts["/to-page"] = lambda n: (302, b"", 0.0, {"Location": "/page"})
    srv.scripts["/to-file"] = lambda n: (302, b"", 0.0, {"Location": "file:///etc/passwd"})
    srv.scripts["/loop"] = lambda n: (302, b"", 0.0, {"Location": "/loop"})
    srv.scripts["/flaky"] = first_fails((503, b"busy", 0.0), b"recovered")
    srv.scripts["/hang"] = lambda n: (200, b"late", 2.0)
    srv.scripts["/always-500"] = lambda n: (500, b"no", 0.0)
    yield srv
    srv.stop()


@pytest.mark.parametrize(
    "url, reason",
    [
        ("file:///etc/passwd", "bad_scheme"),
        ("ftp://example.org/feed", "bad_scheme"),
        ("javascript:alert(1)", "bad_scheme"),
        ("http:///no-host", "bad_url"),
    ],
)
def test_only_http_and_https_are_fetched(url, reason):
    assert reason_of(lambda: get_once(url, FAST)) == reason


def test_redirects_stay_on_http(server):
    assert get_once(server.url("/to-page"), FAST).body.startswith(b"<html>")
    assert reason_of(lambda: get_once(server.url("/to-file"), FAST)) == "bad_redirect"
    assert reason_of(lambda: get_once(server.url("/loop"), FAST)) == "too_many_redirects"


def test_size_cap_and_timeout_and_status(server):
    assert reason_of(lambda: get_once(server.url("/big"), FAST)) == "too_large"
    assert reason_of(lambda: get_once(server.url("/hang"), FAST)) == "timeout"
    assert reason_of(lambda: get_once(server.url("/nothing-here"), FAST)) == "http_404"


def test_transient_failures_are_retried_with_growing_backoff(server):
    sleeps: list[float] = []
    assert fetch(server.url("/flaky"), FAST, sleep=sleeps.append).body == b"recovered"
    assert sleeps == [0.01]
    sleeps.clear()
    assert reason_of(lambda: fetch(server.url("/always-500"), FAST, sleep=sleeps.append)) == "http_500"
    assert sleeps == [0.01, 0.02] and server.hits("/always-500") == 3
    before = server.hits("/nothing-here")
    assert reason_of(lambda: fetch(server.url("/nothing-here"), FAST, sleep=sleeps.append)) == "http_404"
    assert server.hits("/nothing-here") == before + 1  # a 404 is final: no retry


@pytest.mark.parametrize(
    "reason, transient",
    [("timeout", True), ("connection_error", True), ("http_503", True), ("http_429", True), ("http_404", False)],
)
def test_is_transient(reason, transient):
    assert is_transient(reason) is transient


def test_throttle_spaces_requests_to_one_host():
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    throttle = HostThrottle(0.5, clock=lambda: now[0], sleep=sleep)
    assert [throttle.wait("a.example"), throttle.wait("a.example"), throttle.wait("b.example")] == [0.0, 0.5, 0.0]
    assert throttle.wait("a.example") == 0.5 and slept == [0.5, 0.5]


def test_lead_with_body_is_not_fetched(server):
    lead = Lead(key="k", url=server.url("/never-served"), origin="feed", hints={"format": "html"}, body=b"<p>x</p>")
    raw = lead_to_raw(lead, FAST)
    assert raw.body == b"<p>x</p>" and server.hits("/never-served") == 0


def test_fetch_step_routes_failures_to_dead_letters(server):
    leads = [
        Lead(key=server.url("/page"), url=server.url("/page"), origin="f"),
        Lead(key=server.url("/gone"), url=server.url("/gone"), origin="f"),
    ]
    with TestPipeline(runner="FnApiRunner") as p:
        result = p | beam.Create(leads) | FetchArticles(FAST)
        assert_that(
            result[MAIN] | "Uri" >> beam.Map(lambda r: (r.uri, r.hints["format"])),
            equal_to([(leads[0].url, "html")]),
            label="Main",
        )
        assert_that(
            result[DEAD] | "Why" >> beam.Map(lambda d: (d.input_uri, d.stage, d.reason)),
            equal_to([(leads[1].url, "fetch", "http_404")]),
            label="Dead",
        )
