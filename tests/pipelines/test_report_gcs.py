"""The run report over a gs:// output folder, on a real GCS emulator on 127.0.0.1."""

from __future__ import annotations

import socket

import pytest
from apache_beam.internal.gcp import auth
from apache_beam.io.filesystems import FileSystems
from gcp_storage_emulator.server import create_server

from pipelines.report import collect, write_report
from tests.warehouse_data import write_output


@pytest.fixture
def gcs(monkeypatch):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = create_server("127.0.0.1", port, in_memory=True, default_bucket="newsbeam-test")
    server.start()
    monkeypatch.setenv("STORAGE_EMULATOR_HOST", f"http://127.0.0.1:{port}")
    # no credential lookup: it retries for ~21 s without credentials (FIELD-NOTES)
    monkeypatch.setattr(auth._Credentials, "_credentials_init", True)
    monkeypatch.setattr(auth._Credentials, "_credentials", None)
    yield "gs://newsbeam-test/out"
    server.stop()


def test_report_reads_and_writes_a_gs_output(gcs, tmp_path):
    write_output(tmp_path)
    for path in sorted(tmp_path.rglob("*.parquet")):
        with FileSystems.create(f"{gcs}/{path.relative_to(tmp_path).as_posix()}") as f:
            f.write(path.read_bytes())
    stats = collect(gcs)
    assert (stats.articles, stats.dead_letter_files) == (12, 1)
    assert dict(stats.per_language) == {"en": 8, "de": 2, "fr": 2} and stats.per_day["no date"] == 1
    path = write_report(gcs, {"dead_letters_by_reason": {"read/invalid_json": 1}})
    assert path == f"{gcs}/report.html"
    with FileSystems.open(path) as f:
        page = f.read().decode("utf-8")
    assert "Harbour Daily: 4</title>" in page and "read/invalid_json: 1</title>" in page
