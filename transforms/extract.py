"""Extract: HTML to the article's main text and page metadata with trafilatura. Text inputs pass through.

A per-document time limit keeps one pathological page from stalling a worker. trafilatura's own timeout uses
SIGALRM, which only works in a main thread, and Beam runs DoFns in worker threads. So extraction runs in a
child process (one per worker process, started on first use and reused); when a page exceeds the limit the
child is killed, a fresh one is started for the next page, and the page becomes a dead letter with reason
`extract_timeout`. A limit of 0 extracts in-process with no limit.
"""

from __future__ import annotations

import atexit
import functools
import os
import subprocess
import sys
import threading
import time
from multiprocessing.connection import Connection
from typing import Any

import apache_beam as beam
from apache_beam.pvalue import TaggedOutput
from apache_beam.utils.windowed_value import WindowedValue

from schemas.record import Doc
from transforms.common import Rejected, Step, StepFn
from transforms.page import CONFIG, extract_html, structured_date

__all__ = ["CONFIG", "Extract", "TimedExtractor", "extract_doc", "extract_html", "structured_date"]

STAGE = "extract"
DEFAULT_TIMEOUT_S = 30.0  # real pages take ~10 ms (FIELD-NOTES); 30 s is 3000x that, yet bounds a stuck worker
# A fresh child imports trafilatura before it can serve; on a loaded 2-core machine start-up took over 30 s
# (bench, load average 20), so start-up gets its own, far larger bound and never counts against a page's limit.
STARTUP_TIMEOUT_S = 600.0
_PACKAGE_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # where `transforms` is importable


class TimedExtractor:
    """Runs `extract_html` in a reusable child process and kills it when one page exceeds `timeout_s`.

    The child is `python -m transforms.page` on two pipes: it imports trafilatura only, not the worker's main
    module (which multiprocessing's spawn would re-import, Beam and spaCy included), and a fork of a threaded
    Beam worker could deadlock.
    """

    def __init__(self, timeout_s: float, fast: bool = False) -> None:
        self.timeout_s = timeout_s
        self.fast = fast
        self._lock = threading.Lock()
        self._proc: Any = None
        self._send: Any = None
        self._recv: Any = None
        self._sent_at = 0.0

    def __getstate__(self) -> dict:
        return {"timeout_s": self.timeout_s, "fast": self.fast}  # a process and a lock never travel to a worker

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["timeout_s"], state.get("fast", False))

    def _start(self) -> None:
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [_PACKAGE_ROOT, os.environ.get("PYTHONPATH")])))
        cmd = [sys.executable, "-m", "transforms.page", str(to_child_r), str(from_child_w)] + ["--fast"] * self.fast
        try:
            self._proc = subprocess.Popen(cmd, pass_fds=(to_child_r, from_child_w), env=env, stdin=subprocess.DEVNULL)
        finally:
            os.close(to_child_r)
            os.close(from_child_w)
        self._send = Connection(to_child_w, readable=False)
        self._recv = Connection(from_child_r, writable=False)
        atexit.register(self.close)
        if not self._recv.poll(STARTUP_TIMEOUT_S):
            self.close()
            raise RuntimeError(f"the extraction process did not start within {STARTUP_TIMEOUT_S:g} s")
        try:
            self._recv.recv()  # ("ready",): the page clock starts only now
        except EOFError:
            self.close()
            raise RuntimeError("the extraction process exited during start-up") from None

    def close(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.wait(5)  # seconds; a killed process exits at once, this only reaps it
            self._send.close()
            self._recv.close()
        self._proc = self._send = self._recv = None

    def submit(self, html: str, url: str | None = None) -> None:
        """Hands one page to the child; `result()` collects it. The page's clock starts now."""
        with self._lock:
            if self._proc is None or self._proc.poll() is not None:
                self._start()
            self._sent_at = time.monotonic()
            try:
                self._send.send((html, url))
            except (BrokenPipeError, ConnectionResetError):
                self.close()
                raise Rejected("extract_crashed", "the extraction process died") from None

    def result(self) -> dict:
        """The answer to the page last submitted; raises Rejected on a timeout, a crash or no main text."""
        with self._lock:
            left = self.timeout_s - (time.monotonic() - self._sent_at)
            if self._recv is None or not self._recv.poll(max(left, 0.0)):
                self.close()
                raise Rejected("extract_timeout", f"extraction took longer than {self.timeout_s:g} s")
            try:
                answer = self._recv.recv()
            except EOFError:
                self.close()
                raise Rejected("extract_crashed", "the extraction process died") from None
        if answer[0] == "ok":
            return answer[1]
        if answer[0] == "rejected":
            raise Rejected(answer[1], answer[2])
        raise RuntimeError(answer[1])

    def __call__(self, html: str, url: str | None = None) -> dict:
        self.submit(html, url)
        return self.result()


class ExtractFn:
    """The per-record function of the step: HTML through the (timed) extractor, text passes through."""

    def __init__(self, timeout_s: float = DEFAULT_TIMEOUT_S, fast: bool = False) -> None:
        self.extract = TimedExtractor(timeout_s, fast) if timeout_s > 0 else functools.partial(_in_process, fast=fast)

    def __call__(self, doc: Doc) -> Doc:
        if doc.format != "html":
            return with_page(doc, {"text": doc.raw_text})
        return with_page(doc, self.extract(doc.raw_text, doc.hints.get("url")))


def _in_process(html: str, url: str | None = None, fast: bool = False) -> dict:
    return extract_html(html, url, fast)


def with_page(doc: Doc, found: dict) -> Doc:
    """The doc with its main text and page metadata. raw_text is spent once extracted: dropping it makes every
    later shuffle ~10x smaller (bench/results)."""
    found = dict(found)
    text = found.pop("text")
    return doc.replace(text=text, raw_text="", meta={**doc.meta, "page": found} if found else doc.meta)


class _OverlappedExtractFn(StepFn):
    """The extract step with one page in flight: while the child extracts page N+1, the steps fused after this
    one (clean, metadata, language, entities...) work on page N in this process, so the two overlap.

    Results leave one call late (or in finish_bundle) with the window and timestamp of their own input.
    """

    def __init__(self, timeout_s: float, fast: bool = False) -> None:
        super().__init__(STAGE, ExtractFn(timeout_s, fast))
        self._pending: tuple[Doc, Any, Any] | None = None

    def start_bundle(self) -> None:
        self._pending = None

    def process(self, doc: Doc, window=beam.DoFn.WindowParam, timestamp=beam.DoFn.TimestampParam):
        self.total.inc()
        # Collect the page in flight and hand the child this one before yielding: a yield runs the fused later
        # steps at once, and the child should be busy meanwhile.
        ready = list(self._collect())
        if doc.format != "html":
            ready.append(_windowed(self.outcome(doc, self.fn), timestamp, window))
        else:
            try:
                self.fn.extract.submit(doc.raw_text, doc.hints.get("url"))
                self._pending = (doc, window, timestamp)
            except Rejected as exc:
                ready.append(_windowed(self._reject(doc, exc.reason, exc.message), timestamp, window))
        yield from ready

    def finish_bundle(self):
        yield from self._collect()

    def _collect(self):
        if self._pending is not None:
            doc, window, timestamp = self._pending
            self._pending = None
            yield _windowed(self.outcome(doc, lambda d: with_page(d, self.fn.extract.result())), timestamp, window)


def _windowed(out: Any, timestamp: Any, window: Any) -> Any:
    if isinstance(out, TaggedOutput):
        return TaggedOutput(out.tag, WindowedValue(out.value, timestamp, [window]))
    return WindowedValue(out, timestamp, [window])


def extract_doc(doc: Doc) -> Doc:
    """In-process extraction with no time limit (tests, notebooks)."""
    return ExtractFn(0)(doc)


class Extract(beam.PTransform):
    def __init__(self, timeout_s: float = DEFAULT_TIMEOUT_S, overlap: bool = True, fast: bool = False) -> None:
        super().__init__()
        self.timeout_s = timeout_s
        self.overlap = overlap
        self.fast = fast

    @classmethod
    def from_options(cls, options) -> Extract:
        return cls(
            getattr(options, "extract_timeout", DEFAULT_TIMEOUT_S),
            getattr(options, "extract_overlap", True),
            getattr(options, "extract_fast", False),
        )

    def expand(self, docs):
        dofn = _OverlappedExtractFn(self.timeout_s, self.fast) if self.timeout_s > 0 and self.overlap else None
        return docs | "ExtractMainText" >> Step(STAGE, ExtractFn(self.timeout_s, self.fast), dofn)
