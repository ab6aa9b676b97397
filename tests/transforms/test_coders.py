import os
import shutil

from transforms import coders
from transforms.coders import SPILL_ENV, close_spill, decode_object, encode_object

BIG = {"text": "Kyiv " * 2000, "entities": [{"name": "Kyiv", "start": i * 5} for i in range(50)]}


def test_small_records_stay_inline_and_large_ones_are_compressed(monkeypatch):
    monkeypatch.delenv(SPILL_ENV, raising=False)
    small, big = encode_object({"a": 1}), encode_object(BIG)
    assert small[:1] == b"p" and big[:1] == b"z" and len(big) < len(str(BIG)) / 10
    assert decode_object(small) == {"a": 1} and decode_object(big) == BIG


def test_spilled_records_travel_as_references_across_two_runs_in_one_process(tmp_path, monkeypatch):
    refs = []
    for run in ("one", "two"):  # each run spills to its own folder, removed when the run ends
        folder = tmp_path / run
        folder.mkdir()
        monkeypatch.setenv(SPILL_ENV, str(folder))
        ref = encode_object({**BIG, "run": run})
        assert ref[:1] == b"s" and len(ref) < 200  # a reference, not the record
        assert decode_object(ref) == {**BIG, "run": run}
        assert [p.name for p in folder.iterdir()] == [f"spill-{os.getpid()}.bin"]
        refs.append(ref)
        close_spill()
        shutil.rmtree(folder)
    assert coders._spill.readers == {} and coders._spill.writer is None
    monkeypatch.delenv(SPILL_ENV)
    assert decode_object(encode_object(BIG)) == BIG  # spilling off again: inline
