import os

import pyarrow as pa

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
