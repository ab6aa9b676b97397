"""Two workers writing shards of one partition both create its folder; the loser of that race must not fail."""

import pytest
from apache_beam.io.filesystems import FileSystems

from transforms.write import _ensure_folder


def test_ensure_folder_survives_a_concurrent_mkdir(tmp_path, monkeypatch):
    folder = tmp_path / "articles" / "published_date=2026-01-01"
    real_exists = FileSystems.exists
    calls = []

    def other_worker_creates_it_first(path):  # the folder appears between our check and our mkdirs
        calls.append(path)
        if len(calls) == 1:
            folder.mkdir(parents=True)
            return False
        return real_exists(path)

    monkeypatch.setattr(FileSystems, "exists", staticmethod(other_worker_creates_it_first))
    _ensure_folder(str(folder))
    assert folder.is_dir() and len(calls) == 2


def test_ensure_folder_still_raises_when_the_folder_cannot_be_made(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OSError):  # a folder under a file cannot exist
        _ensure_folder(str(blocker / "sub"))
