import gc
import json
import os

import apache_beam as beam
import pyarrow as pa
from apache_beam.options.pipeline_options import PipelineOptions

from transforms import memory


def test_tune_marks_the_run_and_untune_restores_the_environment(monkeypatch):
    monkeypatch.delenv(memory.TRIM_ENV, raising=False)
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")  # a user's own setting is kept
    default_pool = pa.default_memory_pool()
    try:
        memory.tune()
        assert os.environ[memory.TRIM_ENV] == "1"
        assert os.environ["MALLOC_TRIM_THRESHOLD_"] == str(memory.TRIM_THRESHOLD)
        assert os.environ["MALLOC_ARENA_MAX"] == "4"
        assert pa.default_memory_pool().backend_name == "system"
        memory.trim()  # returns free heap pages; must not fail wherever it runs
        memory.untune()
        assert memory.TRIM_ENV not in os.environ and "MALLOC_TRIM_THRESHOLD_" not in os.environ
        assert os.environ["MALLOC_ARENA_MAX"] == "4"
        assert pa.default_memory_pool().backend_name == default_pool.backend_name
    finally:
        memory.untune()
        pa.set_memory_pool(default_pool)


def test_trimmer_trims_every_n_records(monkeypatch):
    calls = []
    monkeypatch.setattr(memory, "trim", lambda: calls.append(1))
    trimmer = memory.Trimmer()
    for _ in range(memory.Trimmer.every * 3 + 5):
        trimmer.tick()
    assert len(calls) == 3


_before: set[int] = set()  # DataOutputOperations that existed before the probe pipeline ran (earlier tests)


def _output_operations() -> list:
    from apache_beam.runners.worker import bundle_processor

    gc.collect()
    return [o for o in gc.get_objects() if isinstance(o, bundle_processor.DataOutputOperation)]


class _CountHeldStreams(beam.DoFn):
    """Runs in a later stage than a grouping: counts the finished stages' output operations that still hold a
    stream, and writes the counts to a file (the local runner runs it in this process)."""

    def __init__(self, path: str) -> None:
        self.path = path

    def process(self, _):
        ops = [o for o in _output_operations() if id(o) not in _before]
        held = sum(getattr(o, "output_stream", None) is not None for o in ops)
        with open(self.path, "w") as f:
            json.dump({"ops": len(ops), "held": held}, f)


def _probe(tmp_path, name: str) -> dict:
    _before.clear()
    _before.update(id(o) for o in _output_operations())
    path = str(tmp_path / name)
    with beam.Pipeline(options=PipelineOptions(runner="FnApiRunner")) as p:
        _ = (
            p
            | beam.Create(range(2_000))
            | beam.Map(lambda n: (n % 7, n))
            | beam.GroupByKey()
            | beam.MapTuple(lambda k, ns: len(ns))
            | beam.CombineGlobally(sum)
            | beam.ParDo(_CountHeldStreams(path))
        )
    with open(path) as f:
        return json.load(f)


def test_a_tuned_run_lets_go_of_finished_output_streams(tmp_path, monkeypatch):
    monkeypatch.delenv(memory.TRIM_ENV, raising=False)
    plain = _probe(tmp_path, "plain.json")
    assert plain["ops"] > 0 and plain["held"] > 0  # Beam keeps them: what the tuned run changes
    default_pool = pa.default_memory_pool()
    try:
        memory.tune()
        tuned = _probe(tmp_path, "tuned.json")
    finally:
        memory.untune()
        pa.set_memory_pool(default_pool)
    assert tuned["ops"] > 0 and tuned["held"] == 0
    from apache_beam.runners.worker import bundle_processor

    assert not hasattr(bundle_processor.DataOutputOperation.finish, "beam_finish")  # untune restored Beam's own
