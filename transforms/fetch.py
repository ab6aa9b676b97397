"""Fetch: bounded, polite HTTP(S) GETs for feeds and article pages, and the step that turns leads into RawDocs.

http and https only (also after redirects), public addresses only unless `allow_private_hosts` (every resolved
address of every hop is checked, see transforms/address_guard.py), a size cap, a timeout, retries with exponential
backoff on transient failures (timeouts, connection errors, 5xx, 429), and a minimum gap between two requests to the
same host.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable

import apache_beam as beam
from apache_beam.metrics import Metrics
from apache_beam.pvalue import TaggedOutput

from schemas.record import Lead, RawDoc
from transforms.address_guard import PublicHTTPHandler, PublicHTTPSHandler, parse_networks
from transforms.common import DEAD, MAIN, Progress, Rejected, dead_letter

STAGE = "fetch"
ALLOWED_SCHEMES = ("http", "https")
MAX_REDIRECTS = 5  # real article links redirect once or twice (tracking, http->https); more is a loop
USER_AGENT = "newsbeam/0.1 (+news ingestion; polite: one request per host at a time)"
TRANSIENT_STATUS = frozenset({429, 500, 502, 503, 504})  # worth another try later; other 4xx are final


@dataclasses.dataclass(frozen=True)
class FetchConfig:
    timeout: float = 10.0  # seconds per request; a healthy news page answers in well under a second
    retries: int = 3  # extra attempts after a transient failure
    backoff: float = 1.0  # seconds before the first retry; doubled on each further retry
    max_bytes: int = 10 * 1024 * 1024  # same cap as a batch document (transforms/read.py MAX_DOC_BYTES)
    per_host_interval: float = 1.0  # seconds between two requests to one host: polite to small outlets
    allow_private_hosts: bool = False  # True lets URLs reach private, loopback, link-local... addresses (SSRF)
    allowed_networks: tuple[str, ...] = ()  # CIDRs let through the SSRF guard (an intranet feed server)


@dataclasses.dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int
    body: bytes
    content_type: str
    charset: str | None


def check_url(url: str) -> str:
    """The URL if it is absolute http(s) with a host; raises Rejected otherwise."""
    parts = urllib.parse.urlsplit(url or "")
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise Rejected("bad_scheme", f"only http and https are fetched: {url[:200]!r}")
    if not parts.hostname:
        raise Rejected("bad_url", f"no host in {url[:200]!r}")
    return url


class _SafeRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def http_error_302(self, req, fp, code, msg, headers):
        target = urllib.parse.urljoin(req.full_url, headers.get("location") or headers.get("uri") or "")
        if urllib.parse.urlsplit(target).scheme.lower() not in ALLOWED_SCHEMES:
            raise Rejected("bad_redirect", f"redirect to a non-http(s) URL: {target[:200]!r}")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _opener(http_handler, https_handler) -> urllib.request.OpenerDirector:
    """Only the handlers we need: no file://, ftp:// or data: openers, no proxies from the environment."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        http_handler,
        https_handler,
        _SafeRedirects(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


@functools.cache
def opener_for(allow_private_hosts: bool, allowed_networks: tuple[str, ...]) -> urllib.request.OpenerDirector:
    """The default opener connects only to public addresses (plus `allowed_networks`); --allow-private-hosts: any."""
    if allow_private_hosts:
        return _opener(urllib.request.HTTPHandler(), urllib.request.HTTPSHandler())
    allowed = parse_networks(allowed_networks)
    return _opener(PublicHTTPHandler(allowed), PublicHTTPSHandler(allowed))


class HostThrottle:
    """At most one request per `interval` seconds to each host, across the threads of one worker."""

    def __init__(self, interval: float, clock: Callable[[], float] = time.monotonic, sleep=time.sleep) -> None:
        self.interval, self.clock, self.sleep = interval, clock, sleep
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str) -> float:
        """Sleeps until this host may be asked again; returns the seconds slept."""
        if self.interval <= 0:
            return 0.0
        with self._lock:
            now = self.clock()
            start = max(now, self._next.get(host, now))
            self._next[host] = start + self.interval
        delay = start - now
        if delay > 0:
            self.sleep(delay)
        return delay


def get_once(url: str, config: FetchConfig) -> Response:
    """One bounded GET. Raises Rejected with a reason (http_<status>, timeout, too_large, blocked_address, ...)."""
    check_url(url)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"})
    try:
        opener = opener_for(config.allow_private_hosts, tuple(config.allowed_networks))
        with opener.open(request, timeout=config.timeout) as resp:
            body = resp.read(config.max_bytes + 1)
            if len(body) > config.max_bytes:
                raise Rejected("too_large", f"more than {config.max_bytes} bytes")
            return Response(
                resp.geturl(), resp.status, body, resp.headers.get_content_type(), resp.headers.get_content_charset()
            )
    except Rejected:
        raise
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:
            raise Rejected("too_many_redirects", f"HTTP {exc.code}: {exc.reason}") from exc
        raise Rejected(f"http_{exc.code}", f"HTTP {exc.code} {exc.reason}") from exc
    except TimeoutError as exc:
        raise Rejected("timeout", f"no answer within {config.timeout} s") from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError | socket.timeout):
            raise Rejected("timeout", f"no answer within {config.timeout} s") from exc
        raise Rejected("connection_error", f"{type(exc.reason).__name__}: {exc.reason}") from exc
    except (OSError, ValueError) as exc:  # reset connections, truncated bodies (IncompleteRead), bad ports
        raise Rejected("connection_error", f"{type(exc).__name__}: {exc}") from exc


def is_transient(reason: str) -> bool:
    if reason in ("timeout", "connection_error"):
        return True
    return reason.startswith("http_") and reason[5:].isdigit() and int(reason[5:]) in TRANSIENT_STATUS


def fetch(
    url: str, config: FetchConfig, throttle: HostThrottle | None = None, sleep: Callable[[float], None] = time.sleep
) -> Response:
    """GET with retries and exponential backoff on transient failures; the last failure is raised as Rejected."""
    host = urllib.parse.urlsplit(url).hostname or ""
    for attempt in range(config.retries + 1):
        if throttle:
            throttle.wait(host)
        try:
            return get_once(url, config)
        except Rejected as exc:
            if not is_transient(exc.reason) or attempt == config.retries:
                raise
            sleep(config.backoff * 2**attempt)
    raise AssertionError("unreachable")  # the loop returns or raises


def lead_to_raw(lead: Lead, config: FetchConfig, throttle: HostThrottle | None = None) -> RawDoc:
    """The lead's own body when it carries the article (feed content, Pub/Sub raw article), else the fetched page."""
    now = dt.datetime.now(dt.UTC)
    if lead.body is not None:
        return RawDoc(lead.url or lead.key, lead.body, now, dict(lead.hints))
    response = fetch(lead.url or "", config, throttle)
    hints = {"format": "html", **lead.hints, "url": lead.url}
    if response.charset:
        hints["charset"] = response.charset
    if response.content_type == "text/plain":
        hints["format"] = "text"
    return RawDoc(lead.url or lead.key, response.body, now, hints)


class _FetchFn(beam.DoFn):
    def __init__(self, config: FetchConfig) -> None:
        self.config = config
        self.total = Metrics.counter(STAGE, "total")
        self.forwarded = Metrics.counter(STAGE, "forwarded")

    def setup(self) -> None:
        self.throttle = HostThrottle(self.config.per_host_interval)

    def process(self, lead: Lead):
        self.total.inc()
        try:
            raw = lead_to_raw(lead, self.config, self.throttle)
        except Rejected as exc:
            Metrics.counter(STAGE, f"dropped_{exc.reason}").inc()
            yield TaggedOutput(DEAD, dead_letter(lead.url or lead.key, STAGE, exc.reason, exc.message, lead.origin))
            return
        self.forwarded.inc()
        Progress.tick(STAGE)
        yield raw


class FetchArticles(beam.PTransform):
    """Leads in; RawDocs (`main`) and fetch failures with a reason (`dead_letter`) out."""

    def __init__(self, config: FetchConfig) -> None:
        super().__init__()
        self.config = config

    def expand(self, leads):
        return leads | "FetchPages" >> beam.ParDo(_FetchFn(self.config)).with_outputs(DEAD, main=MAIN)
