"""Seen: forwards each lead key (canonical URL or content hash) once; repeats from later polls are dropped.

A stateful DoFn keyed by the lead key remembers it; an event-time timer clears the memory after `ttl` seconds,
so state does not grow forever on a stream that runs for months. The timer clears only once the wall clock has
also passed the expiry: a watermark that jumps ahead of the data (the local runner moves it to the end of time
once a bounded source is done, while leads of later polls are still queued) must not make a repeat look new.
Rounds of a local stream (pipelines/stream.py runs one pipeline per window on the local runner) are separate
pipelines, so they also share a process-level memory of forwarded keys (`memory_id`), with the same ttl.
A repeat is not a record (the same feed entry seen again), so it is counted (`seen/skipped_repeat`), not written
as a dead letter.
"""

from __future__ import annotations

import threading
import time

import apache_beam as beam
from apache_beam.coders import BooleanCoder
from apache_beam.metrics import Metrics
from apache_beam.transforms.timeutil import TimeDomain
from apache_beam.transforms.userstate import ReadModifyWriteStateSpec, TimerSpec, on_timer
from apache_beam.transforms.window import GlobalWindows
from apache_beam.utils.timestamp import Duration, Timestamp

from schemas.record import Lead

STAGE = "seen"
DEFAULT_TTL = 7 * 24 * 3600  # seconds; feeds list an article for a few days at most, a week covers stragglers


def expired(expiry: Timestamp, now: float) -> bool:
    """True when the expiry time has really come (wall clock), not merely the watermark."""
    return now >= expiry.micros / 1e6


SEEN = ReadModifyWriteStateSpec("seen", BooleanCoder())
EXPIRY = TimerSpec("expiry", TimeDomain.WATERMARK)
SEEN_STATE = beam.DoFn.StateParam(SEEN)
EXPIRY_TIMER = beam.DoFn.TimerParam(EXPIRY)


class KeyMemory:
    """Keys forwarded by earlier rounds of one stream in this process, each until its wall-clock expiry."""

    def __init__(self) -> None:
        self._until: dict[str, float] = {}
        self._lock = threading.Lock()

    def remember(self, key: str, until: float) -> None:
        with self._lock:
            self._until[key] = until

    def knows(self, key: str, now: float) -> bool:
        with self._lock:
            until = self._until.get(key)
            if until is not None and now >= until:
                del self._until[key]
                return False
            return until is not None


_MEMORY: dict[str, KeyMemory] = {}
_MEMORY_LOCK = threading.Lock()


def key_memory(memory_id: str) -> KeyMemory:
    with _MEMORY_LOCK:
        return _MEMORY.setdefault(memory_id, KeyMemory())


def forget_memory(memory_id: str) -> None:
    with _MEMORY_LOCK:
        _MEMORY.pop(memory_id, None)


class _ForwardFirstFn(beam.DoFn):
    def __init__(self, ttl: float, memory_id: str | None = None) -> None:
        self.ttl, self.memory_id = ttl, memory_id
        self.new = Metrics.counter(STAGE, "forwarded")
        self.repeats = Metrics.counter(STAGE, "skipped_repeat")
        self.kept = Metrics.counter(STAGE, "expiry_before_wall_clock")

    def setup(self) -> None:
        self.memory = key_memory(self.memory_id) if self.memory_id else None

    def process(
        self,
        keyed: tuple[str, Lead],
        timestamp=beam.DoFn.TimestampParam,
        seen=SEEN_STATE,
        expiry=EXPIRY_TIMER,
    ):
        key, lead = keyed
        now = time.time()
        if seen.read() or (self.memory and self.memory.knows(key, now)):
            self.repeats.inc()
            return
        seen.write(True)
        expiry.set(timestamp + Duration(seconds=self.ttl))
        if self.memory:
            self.memory.remember(key, now + self.ttl)
        self.new.inc()
        yield lead

    @on_timer(EXPIRY)
    def expire(self, fired=beam.DoFn.TimestampParam, seen=SEEN_STATE):
        if expired(fired, time.time()):
            seen.clear()
        else:
            self.kept.inc()


class ForwardFirstSeen(beam.PTransform):
    """Leads in (any windowing), each key's first lead out, in the global window with its own timestamp."""

    def __init__(self, ttl: float = DEFAULT_TTL, memory_id: str | None = None) -> None:
        super().__init__()
        self.ttl, self.memory_id = ttl, memory_id

    def expand(self, leads):
        return (
            leads
            | "GlobalWindow" >> beam.WindowInto(GlobalWindows())
            | "KeyByUrl" >> beam.Map(lambda lead: (lead.key, lead)).with_output_types(tuple[str, Lead])
            | "FirstSeen" >> beam.ParDo(_ForwardFirstFn(self.ttl, self.memory_id))
        )
