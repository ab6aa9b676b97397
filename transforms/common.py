"""What every step shares: the rejection type, dead-letter records, counters and the per-record step wrapper."""

from __future__ import annotations

import hashlib
import logging
import sys
import time
from collections.abc import Callable
from typing import Any, ClassVar

import apache_beam as beam
from apache_beam.metrics import Metrics
from apache_beam.pvalue import TaggedOutput
from apache_beam.utils.windowed_value import WindowedValue

from schemas.record import DeadLetter
from transforms import coders
from transforms.errors import Rejected

DEAD = "dead_letter"  # tag of every step's rejection output
MAIN = "main"
EXCERPT_CHARS = 300  # enough to recognise a record in a dead-letter query, small enough to keep the table light
# Records a step works through in a row before passing them on. One step's code and tables then stay in the CPU
# caches: per record, the steps after extraction cost ~15 % less CPU than one record at a time (bench/README.md).
BATCH = 32

log = logging.getLogger("newsbeam")
coders.register()  # every pipeline built from these steps encodes records compactly (transforms/coders.py)


def sha256_hex(data: bytes | str, length: int = 64) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:length]


def excerpt_of(value: Any) -> str:
    """A short printable excerpt of whatever a record held when it failed."""
    if isinstance(value, bytes | bytearray):
        text = bytes(value[: EXCERPT_CHARS * 4]).decode("utf-8", "replace")
    else:
        text = str(value)
    return text.replace("\x00", "\\0")[:EXCERPT_CHARS]


def dead_letter(uri: str, stage: str, reason: str, error: str, excerpt: Any = "") -> DeadLetter:
    return DeadLetter(input_uri=uri, stage=stage, reason=reason, error=error[:2000], excerpt=excerpt_of(excerpt))


def record_uri(record: Any) -> str:
    return getattr(record, "input_uri", None) or getattr(record, "uri", None) or repr(record)[:200]


def record_excerpt(record: Any) -> Any:
    for name in ("text", "raw_text", "body"):
        value = getattr(record, name, None)
        if value:
            return value
    return ""


class Progress:
    """Prints records seen per stage and the rate, at most every few seconds, so long local runs are never silent."""

    interval_s = 5.0  # often enough to show life, rare enough not to flood the terminal
    _counts: ClassVar[dict[str, int]] = {}
    _started = time.monotonic()
    _last = _started

    @classmethod
    def tick(cls, stage: str, n: int = 1) -> None:
        cls._counts[stage] = cls._counts.get(stage, 0) + n
        now = time.monotonic()
        if now - cls._last >= cls.interval_s:
            cls._last = now
            elapsed = max(now - cls._started, 1e-9)
            read = cls._counts.get("read", 0)
            parts = ", ".join(f"{k} {v}" for k, v in cls._counts.items())
            print(f"[newsbeam] {parts} | {read / elapsed:.1f} records/s", file=sys.stderr, flush=True)


class StepFn(beam.DoFn):
    """Thin DoFn around a pure function: forwards results, routes rejections and errors to dead letters.

    Records are held until BATCH have come (or the bundle ends), then worked through in a row; each result keeps
    the window and timestamp of its own record."""

    batch = BATCH

    def __init__(self, stage: str, fn: Callable[[Any], Any]) -> None:
        self.stage = stage
        self.fn = fn
        self.total = Metrics.counter(stage, "total")
        self.forwarded = Metrics.counter(stage, "forwarded")
        self._held: list[tuple[Any, Any, Any]] = []

    def start_bundle(self) -> None:
        self._held = []

    def process(self, record: Any, window=beam.DoFn.WindowParam, timestamp=beam.DoFn.TimestampParam):
        self.total.inc()
        self._held.append((record, window, timestamp))
        if len(self._held) >= self.batch:
            yield from self._flush()

    def finish_bundle(self):
        yield from self._flush()

    def _flush(self):
        held, self._held = self._held, []
        done = [windowed(self.outcome(record, self.fn), timestamp, window) for record, window, timestamp in held]
        yield from done

    def outcome(self, record: Any, call: Callable[[Any], Any]) -> Any:
        """`call(record)`, or the dead letter its rejection or failure becomes."""
        try:
            out = call(record)
        except Rejected as exc:
            return self._reject(record, exc.reason, exc.message)
        except Exception as exc:  # every unexpected failure becomes a dead letter, never a crashed run
            return self._reject(record, f"{self.stage}_error", f"{type(exc).__name__}: {exc}")
        self.forwarded.inc()
        Progress.tick(self.stage)
        return out

    def _reject(self, record: Any, reason: str, message: str) -> TaggedOutput:
        Metrics.counter(self.stage, f"dropped_{reason}").inc()
        return TaggedOutput(DEAD, dead_letter(record_uri(record), self.stage, reason, message, record_excerpt(record)))


def windowed(out: Any, timestamp: Any, window: Any) -> Any:
    """A step's output (a result or a tagged dead letter) in the window and at the timestamp of its input."""
    if isinstance(out, TaggedOutput):
        return TaggedOutput(out.tag, WindowedValue(out.value, timestamp, [window]))
    return WindowedValue(out, timestamp, [window])


class Step(beam.PTransform):
    """Applies a pure per-record function. Outputs: `main` (results) and `dead_letter` (DeadLetter rows)."""

    def __init__(self, stage: str, fn: Callable[[Any], Any], dofn: beam.DoFn | None = None) -> None:
        super().__init__()
        self.stage = stage
        self.fn = fn
        self.dofn = dofn  # a StepFn subclass with its own process(), e.g. one that keeps a record in flight

    def expand(self, pcoll):
        return pcoll | beam.ParDo(self.dofn or StepFn(self.stage, self.fn)).with_outputs(DEAD, main=MAIN)
