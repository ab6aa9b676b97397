"""Extract: HTML to the article's main text and page metadata with trafilatura. Text inputs pass through.

A per-document time limit keeps one pathological page from stalling a worker. trafilatura's own timeout uses
SIGALRM, which only works in a main thread, and Beam runs DoFns in worker threads. So extraction runs in a
child process (one per worker process, started on first use and reused); when a page exceeds the limit the
child is killed, a fresh one is started for the next page, and the page becomes a dead letter with reason
`extract_timeout`. A limit of 0 extracts in-process with no limit.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import os
import subprocess
import sys
import threading
import time
from multiprocessing.connection import Connection
from typing import Any

try:
    import fcntl
except ImportError:  # not on Windows; pipes keep their default size there
    fcntl = None  # type: ignore[assignment]

import apache_beam as beam

from schemas.record import Doc
from transforms.common import Rejected, Step, StepFn, windowed
from transforms.page import CONFIG, extract_html, structured_date

__all__ = ["CONFIG", "Extract", "TimedExtractor", "extract_doc", "extract_html", "structured_date"]

STAGE = "extract"
DEFAULT_TIMEOUT_S = 30.0  # real pages take ~10 ms (FIELD-NOTES); 30 s is 3000x that, yet bounds a stuck worker
# A fresh child imports trafilatura before it can serve; on a loaded 2-core machine start-up took over 30 s
# (bench, load average 20), so start-up gets its own, far larger bound and never counts against a page's limit.
STARTUP_TIMEOUT_S = 600.0
PIPE_BYTES = 1024 * 1024  # Linux's default pipe-max-size: room for a batch's answers (~10 KB each) or its pages
BATCH_CHARS = 8 * 1024 * 1024  # a batch is sent early once its pages hold this much HTML: bounds the memory held
_PACKAGE_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # where `transforms` is importable


class TimedExtractor:
    """Runs `extract_html` in a reusable child process and kills it when one page exceeds `timeout_s`.

    The child is `python -m transforms.page` on two pipes: it imports trafilatura only, not the worker's main
    module (which multiprocessing's spawn would re-import, Beam and spaCy included), and a fork of a threaded
    Beam worker could deadlock. Pages go over in batches (`submit`), answers come back one per page (`results`).
    A batch is sent only once every answer of the one before has been read, so neither side can block the other.
    """

    def __init__(self, timeout_s: float, fast: bool = False) -> None:
        self.timeout_s = timeout_s
        self.fast = fast
        self._lock = threading.Lock()
        self._proc: Any = None
        self._send: Any = None
        self._recv: Any = None
        self._pending: list[tuple[str, str | None]] = []
        self._sent_at = 0.0

    def __getstate__(self) -> dict:
        return {"timeout_s": self.timeout_s, "fast": self.fast}  # a process and a lock never travel to a worker

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["timeout_s"], state.get("fast", False))

    def _start(self) -> None:
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        for fd in (to_child_w, from_child_w):
            _widen(fd)
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

    def submit(self, pages: list[tuple[str, str | None]]) -> None:
        """Hands (html, url) pages to the child in one message; `results()` collects them. The first page's clock
        starts now, each next one's when the child has finished the page before it."""
        with self._lock:
            self._hand_over(list(pages))

    def _hand_over(self, pages: list[tuple[str, str | None]]) -> None:
        for _attempt in range(2):  # a child that died between batches is replaced once
            if self._proc is None or self._proc.poll() is not None:
                self._start()
            self._pending, self._sent_at = pages, time.monotonic()
            try:
                self._send.send(pages)
                return
            except (BrokenPipeError, ConnectionResetError):
                self.close()  # after a second failure `results` reports the first page as crashed

    def results(self) -> list[dict | Exception]:
        """One outcome per page submitted, in order: its dict, or the Rejected (timeout, crash, no main text) or
        RuntimeError it became. A timeout or a crash kills the child; the pages after it go to a fresh one."""
        outcomes: list[dict | Exception] = []
        with self._lock:
            while self._pending:
                started, answer = self._sent_at, None
                left = self.timeout_s - (time.monotonic() - started)
                timed_out = self._recv is not None and not self._recv.poll(max(left, 0.0))
                if self._recv is not None and not timed_out:
                    with contextlib.suppress(EOFError):
                        answer = self._recv.recv()
                if answer is None:
                    self.close()
                    outcomes.append(
                        Rejected("extract_timeout", f"extraction took longer than {self.timeout_s:g} s")
                        if timed_out
                        else Rejected("extract_crashed", "the extraction process died")
                    )
                    if rest := self._pending[1:]:
                        self._hand_over(rest)
                    else:
                        self._pending = []
                    continue
                outcomes.append(_outcome(answer))
                self._pending = self._pending[1:]
                self._sent_at = max(started, answer[-1])  # the child went on to the next page at once
        return outcomes

    def __call__(self, html: str, url: str | None = None) -> dict:
        self.submit([(html, url)])
        return _unwrap(self.results()[0])


def _widen(fd: int) -> None:
    """A pipe that holds a batch's answers (Linux), so the child keeps extracting while this process is busy."""
    setsize = getattr(fcntl, "F_SETPIPE_SZ", None) if fcntl else None
    if setsize is not None:
        with contextlib.suppress(OSError):  # above the system's pipe-max-size: the default size still works
            fcntl.fcntl(fd, setsize, PIPE_BYTES)


def _outcome(answer: tuple) -> dict | Exception:
    if answer[0] == "ok":
        return answer[1]
    if answer[0] == "rejected":
        return Rejected(answer[1], answer[2])
    return RuntimeError(answer[1])


def _unwrap(outcome: dict | Exception) -> dict:
    if isinstance(outcome, Exception):
        raise outcome
    return outcome


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
    """The extract step with batches of pages in flight, one per child process: while the children extract, the
    steps fused after this one (clean, metadata, language, entities...) work through the batch collected before
    in this process, so they overlap.

    Results leave a batch late (or in finish_bundle) with the window and timestamp of their own input.
    """

    def __init__(self, timeout_s: float, fast: bool = False, processes: int = 1) -> None:
        super().__init__(STAGE, ExtractFn(timeout_s, fast))
        self._pool = [self.fn.extract] + [TimedExtractor(timeout_s, fast) for _ in range(processes - 1)]
        self._waiting: list[tuple[Doc, Any, Any]] = []
        self._in_flight: list[tuple[TimedExtractor, list[tuple[Doc, Any, Any]]]] = []
        self._waiting_chars = 0

    def start_bundle(self) -> None:
        self._waiting, self._in_flight, self._waiting_chars = [], [], 0

    def process(self, doc: Doc, window=beam.DoFn.WindowParam, timestamp=beam.DoFn.TimestampParam):
        self.total.inc()
        if doc.format != "html":
            yield windowed(self.outcome(doc, self.fn), timestamp, window)
            return
        self._waiting.append((doc, window, timestamp))
        self._waiting_chars += len(doc.raw_text)
        if len(self._waiting) >= self.batch or self._waiting_chars >= BATCH_CHARS:
            yield from self._hand_over()

    def finish_bundle(self):
        yield from self._hand_over()
        while self._in_flight:
            yield from self._collect_oldest()

    def _hand_over(self):
        """Gives the waiting batch to a free child (first collecting the oldest batch when every child is busy),
        then yields what was collected: the later steps run on it while the children work."""
        done = self._collect_oldest() if len(self._in_flight) == len(self._pool) else []
        if self._waiting:
            busy = [extractor for extractor, _ in self._in_flight]
            extractor = next(e for e in self._pool if all(e is not b for b in busy))
            extractor.submit([(doc.raw_text, doc.hints.get("url")) for doc, _, _ in self._waiting])
            self._in_flight.append((extractor, self._waiting))
            self._waiting, self._waiting_chars = [], 0
        yield from done

    def _collect_oldest(self) -> list[Any]:
        extractor, batch = self._in_flight.pop(0)
        done = []
        for (doc, window, timestamp), result in zip(batch, extractor.results(), strict=True):
            out = self.outcome(doc, lambda d, r=result: with_page(d, _unwrap(r)))
            done.append(windowed(out, timestamp, window))
        return done


def extract_doc(doc: Doc) -> Doc:
    """In-process extraction with no time limit (tests, notebooks)."""
    return ExtractFn(0)(doc)


class Extract(beam.PTransform):
    def __init__(
        self, timeout_s: float = DEFAULT_TIMEOUT_S, overlap: bool = True, fast: bool = False, processes: int = 1
    ) -> None:
        super().__init__()
        self.timeout_s = timeout_s
        self.overlap = overlap
        self.fast = fast
        self.processes = max(1, processes)

    @classmethod
    def from_options(cls, options) -> Extract:
        return cls(
            getattr(options, "extract_timeout", DEFAULT_TIMEOUT_S),
            getattr(options, "extract_overlap", True),
            getattr(options, "extract_fast", False),
            getattr(options, "extract_processes", 0) or 1,
        )

    def expand(self, docs):
        overlapped = self.timeout_s > 0 and self.overlap
        dofn = _OverlappedExtractFn(self.timeout_s, self.fast, self.processes) if overlapped else None
        return docs | "ExtractMainText" >> Step(STAGE, ExtractFn(self.timeout_s, self.fast), dofn)
