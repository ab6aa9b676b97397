"""Extract: HTML to the article's main text and page metadata with trafilatura. Text inputs pass through.

A per-document time limit keeps one pathological page from stalling a worker. trafilatura's own timeout uses
SIGALRM, which only works in a main thread, and Beam runs DoFns in worker threads. So extraction runs in a
child process (one per worker process, started on first use and reused); when a page exceeds the limit the
child is killed, a fresh one is started for the next page, and the page becomes a dead letter with reason
`extract_timeout`. A limit of 0 extracts in-process with no limit.
"""

from __future__ import annotations

import atexit
import json
import multiprocessing
import threading
from typing import Any

import apache_beam as beam
import htmldate
import lxml.etree
import lxml.html
import trafilatura
from trafilatura.settings import use_config

from schemas.record import Doc
from transforms.common import Rejected, Step

STAGE = "extract"
MAX_TREE_SIZE = 500_000  # elements; far above any real article page, stops pathological DOMs early
MIN_EXTRACTED_CHARS = 1  # trafilatura returning less than this means it found no main text
RECALL_RETRY_CHARS = 250  # a "main text" shorter than ~2 sentences is usually a missed article body: retry for recall
DEFAULT_TIMEOUT_S = 30.0  # real pages take ~10 ms (FIELD-NOTES); 30 s is 3000x that, yet bounds a stuck worker
# A fresh child re-imports the worker's modules before it can serve; on a loaded 2-core machine that took over 30 s
# (bench, load average 20), so start-up gets its own, far larger bound and never counts against a page's limit.
STARTUP_TIMEOUT_S = 600.0
STRUCTURED_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"  # htmldate keeps time and offset when the page gives them

CONFIG = use_config()
CONFIG.set("DEFAULT", "MAX_TREE_SIZE", str(MAX_TREE_SIZE))
CONFIG.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # its signal-based timeout only works in a main thread


def _bare(html: str, url: str | None, **tuning: bool):
    return trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        deduplicate=False,  # its cache spans documents and would trim syndicated copies (FIELD-NOTES)
        config=CONFIG,
        **tuning,
    )


_DATE_META = (
    "//meta[@property='article:published_time' or @name='article:published_time' or @itemprop='datePublished'"
    " or @property='og:published_time' or @name='pubdate' or @name='publishdate' or @name='publish-date'"
    " or @name='dcterms.date' or @name='DC.date.issued' or @name='sailthru.date' or @name='parsely-pub-date']"
    "/@content | //time[@itemprop='datePublished']/@datetime"
)
_JSON_LD = "//script[@type='application/ld+json']/text()"
MAX_JSON_LD_CHARS = 200_000  # a JSON-LD block larger than this is not article metadata; bounds parsing


def _json_ld_dates(node: Any) -> list[str]:
    """Every datePublished in a JSON-LD value, depth first (articles nest inside @graph lists)."""
    if isinstance(node, list):
        return [d for item in node for d in _json_ld_dates(item)]
    if not isinstance(node, dict):
        return []
    found = [node["datePublished"]] if isinstance(node.get("datePublished"), str) else []
    return found + [d for key in ("@graph", "mainEntity", "mainEntityOfPage") for d in _json_ld_dates(node.get(key))]


def structured_date(html: str, url: str | None = None) -> str | None:
    """The date the page declares in its metadata (JSON-LD, article:published_time...), with time and offset.

    JSON-LD and meta tags are read directly, so the time and offset survive; htmldate (on the page head only,
    no text search) is the fallback for other markup it knows.
    """
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    for block in tree.xpath(_JSON_LD):
        if len(block) > MAX_JSON_LD_CHARS:
            continue
        try:
            dates = _json_ld_dates(json.loads(block))
        except (ValueError, RecursionError):  # broken, or nested too deeply to be metadata
            continue
        if dates:
            return dates[0].strip()
    for value in tree.xpath(_DATE_META):
        if str(value).strip():
            return str(value).strip()
    try:
        found = htmldate.find_date(
            tree, extensive_search=False, original_date=True, outputformat=STRUCTURED_DATE_FORMAT, url=url
        )
    except Exception:  # htmldate on a broken page: no structured date, the other evidence still counts
        return None
    return found.removesuffix("T00:00:00") if found else None  # midnight without offset means "date only"


def extract_html(html: str, url: str | None = None) -> dict:
    """Main text plus metadata of one page; raises Rejected when there is no main text.

    Default settings first (best F1 on our gold pages, see evaluation/); when they yield less than a short
    paragraph, a second pass with `favor_recall` catches article bodies the precision filters threw away.
    """
    result = _bare(html, url)
    text = (result.text or "").strip() if result is not None else ""
    if len(text) < RECALL_RETRY_CHARS:
        retry = _bare(html, url, favor_recall=True)
        if retry is not None and len((retry.text or "").strip()) > len(text):
            result, text = retry, (retry.text or "").strip()
    if result is None or len(text) < MIN_EXTRACTED_CHARS:
        raise Rejected("no_main_text", "trafilatura found no main text")
    return {
        "text": result.text,
        "title": result.title,
        "author": result.author,
        "date": result.date,
        "date_structured": structured_date(html, url),
        "sitename": result.sitename,
        "url": result.url,
        "hostname": result.hostname,
    }


def _serve(conn) -> None:
    """Child process loop: ("ready",) once, then (html, url) in, ("ok", dict) | ("rejected", reason, message) |
    ("error", text) out."""
    conn.send(("ready",))
    while True:
        try:
            html, url = conn.recv()
        except EOFError:
            return
        try:
            conn.send(("ok", extract_html(html, url)))
        except Rejected as exc:
            conn.send(("rejected", exc.reason, exc.message))
        except Exception as exc:  # reported to the parent, which turns it into a dead letter
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


class TimedExtractor:
    """Runs `extract_html` in a reusable child process and kills it when one page exceeds `timeout_s`."""

    def __init__(self, timeout_s: float) -> None:
        self.timeout_s = timeout_s
        self._lock = threading.Lock()
        self._proc: Any = None
        self._conn: Any = None

    def __getstate__(self) -> dict:
        return {"timeout_s": self.timeout_s}  # a process and a lock never travel to a worker

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["timeout_s"])

    def _start(self) -> None:
        ctx = multiprocessing.get_context("spawn")  # fork in a threaded Beam worker can deadlock
        parent, child = ctx.Pipe()
        self._proc = ctx.Process(target=_serve, args=(child,), daemon=True, name="newsbeam-extract")
        self._proc.start()
        child.close()
        self._conn = parent
        atexit.register(self.close)
        if not parent.poll(STARTUP_TIMEOUT_S):
            self.close()
            raise RuntimeError(f"the extraction process did not start within {STARTUP_TIMEOUT_S:g} s")
        parent.recv()  # ("ready",): the page clock starts only now

    def close(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.join(5)  # seconds; a killed process exits at once, this only reaps it
            self._conn.close()
        self._proc = self._conn = None

    def __call__(self, html: str, url: str | None = None) -> dict:
        with self._lock:
            if self._proc is None or not self._proc.is_alive():
                self._start()
            self._conn.send((html, url))
            if not self._conn.poll(self.timeout_s):
                self.close()
                raise Rejected("extract_timeout", f"extraction took longer than {self.timeout_s:g} s")
            try:
                answer = self._conn.recv()
            except EOFError:
                self.close()
                raise Rejected("extract_crashed", "the extraction process died") from None
        if answer[0] == "ok":
            return answer[1]
        if answer[0] == "rejected":
            raise Rejected(answer[1], answer[2])
        raise RuntimeError(answer[1])


class ExtractFn:
    """The per-record function of the step: HTML through the (timed) extractor, text passes through."""

    def __init__(self, timeout_s: float = DEFAULT_TIMEOUT_S) -> None:
        self.extract = TimedExtractor(timeout_s) if timeout_s > 0 else extract_html

    def __call__(self, doc: Doc) -> Doc:
        # raw_text is spent once extracted: dropping it makes every later shuffle ~10x smaller (bench/results)
        if doc.format != "html":
            return doc.replace(text=doc.raw_text, raw_text="")
        found = self.extract(doc.raw_text, doc.hints.get("url"))
        return doc.replace(text=found.pop("text"), raw_text="", meta={**doc.meta, "page": found})


def extract_doc(doc: Doc) -> Doc:
    """In-process extraction with no time limit (tests, notebooks)."""
    return ExtractFn(0)(doc)


class Extract(beam.PTransform):
    def __init__(self, timeout_s: float = DEFAULT_TIMEOUT_S) -> None:
        super().__init__()
        self.timeout_s = timeout_s

    @classmethod
    def from_options(cls, options) -> Extract:
        return cls(getattr(options, "extract_timeout", DEFAULT_TIMEOUT_S))

    def expand(self, docs):
        return docs | "ExtractMainText" >> Step(STAGE, ExtractFn(self.timeout_s))
