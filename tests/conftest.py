"""Shared fixtures: bundled samples, a generator of bad inputs, and a helper that runs the real CLI."""

from __future__ import annotations

import gzip
import json
import os
import pathlib

import pytest

os.environ.setdefault("NO_GCE_CHECK", "true")  # google-auth must never probe the cloud metadata address

ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLD = ROOT / "tests" / "gold"


@pytest.fixture
def samples_dir() -> pathlib.Path:
    return SAMPLES


GOLD_INPUTS = GOLD / "inputs"  # inputs of the further gold files (q_*); the first five live in samples/text


GOLD_SOURCES = [SAMPLES / "text", GOLD_INPUTS]  # every input a gold file describes


@pytest.fixture(scope="session")
def gold_output(tmp_path_factory) -> pathlib.Path:
    """The real backfill CLI over every gold input, once per test process; the quality gates score its output."""
    import subprocess
    import sys

    out = tmp_path_factory.mktemp("gold") / "out"
    cmd = [sys.executable, "-m", "pipelines.backfill", *(f"--input={s}" for s in GOLD_SOURCES), f"--output={out}"]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return out


@pytest.fixture
def gold() -> list[dict]:
    """Gold files of the bundled samples in samples/text (tests/gold/inputs holds the inputs of the rest)."""
    every = [json.loads(p.read_text("utf-8")) for p in sorted(GOLD.glob("*.json"))]
    return [g for g in every if (SAMPLES / "text" / g["input"]).is_file()]


def write_bad_inputs(folder: pathlib.Path) -> dict[str, int]:
    """Writes a mix of good and bad inputs; returns the number of records each file holds."""
    folder.mkdir(parents=True, exist_ok=True)
    article = "The council approved the new budget on Tuesday after a long debate about school funding. " * 5
    (folder / "good.txt").write_text(article, "utf-8")
    (folder / "junk.html").write_bytes(bytes(range(256)) * 40)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "cp1252.txt").write_bytes(
        ("Caf\u00e9 owners in M\u00fcnster said \u201cprices\u201d rose. " * 8).encode("cp1252")
    )
    (folder / "truncated.html").write_text(
        "<html><head><title>Storm</title></head><body><article><p>"
        + "Heavy storms flooded roads across the region on Monday, officials said. " * 6,
        "utf-8",
    )
    lines = [json.dumps({"url": "https://e.example/a", "text": article}), "{broken json", json.dumps([1, 2])]
    (folder / "mixed.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    with gzip.open(folder / "zipped.txt.gz", "wt", encoding="utf-8") as f:
        f.write(article)
    (folder / "cut.txt.gz").write_bytes(gzip.compress(article.encode())[:40])
    return {
        "good.txt": 1,
        "junk.html": 1,
        "empty.txt": 1,
        "cp1252.txt": 1,
        "truncated.html": 1,
        "mixed.jsonl": 3,
        "zipped.txt.gz": 1,
        "cut.txt.gz": 1,
    }


@pytest.fixture
def bad_inputs(tmp_path: pathlib.Path) -> tuple[pathlib.Path, int]:
    folder = tmp_path / "inputs"
    counts = write_bad_inputs(folder)
    return folder, sum(counts.values())
