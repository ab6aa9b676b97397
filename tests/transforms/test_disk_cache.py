import pickle

from transforms import disk_cache


def test_built_once_then_read_from_the_cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(disk_cache.CACHE_ENV, str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return {"table": frozenset({"Kyiv", "Kiev"})}

    first = disk_cache.cached("names", "k1", build)
    second = disk_cache.cached("names", "k1", build)
    assert first == second == {"table": frozenset({"Kyiv", "Kiev"})}
    assert len(calls) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["names-k1.pickle"]


def test_a_new_key_rebuilds_and_removes_the_stale_file(tmp_path, monkeypatch):
    monkeypatch.setenv(disk_cache.CACHE_ENV, str(tmp_path))
    disk_cache.cached("names", "old", lambda: 1)
    assert disk_cache.cached("names", "new", lambda: 2) == 2
    assert [p.name for p in tmp_path.iterdir()] == ["names-new.pickle"]


def test_a_corrupt_file_is_rebuilt_and_an_unwritable_folder_is_no_error(tmp_path, monkeypatch):
    monkeypatch.setenv(disk_cache.CACHE_ENV, str(tmp_path))
    (tmp_path / "names-k.pickle").write_bytes(b"not a pickle")
    assert disk_cache.cached("names", "k", lambda: [1, 2]) == [1, 2]
    assert pickle.loads((tmp_path / "names-k.pickle").read_bytes()) == [1, 2]
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv(disk_cache.CACHE_ENV, str(blocker / "sub"))  # a folder below a file: cannot be made
    assert disk_cache.cached("names", "k", lambda: 3) == 3


def test_fingerprint_follows_file_contents(tmp_path):
    f = tmp_path / "rules.py"
    f.write_text("A = 1")
    before = disk_cache.fingerprint([f], ("numpy",))
    f.write_text("A = 2")
    assert disk_cache.fingerprint([f], ("numpy",)) != before
