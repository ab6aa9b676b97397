"""The run report over a gs:// output folder, on a real GCS emulator on 127.0.0.1."""

from __future__ import annotations

import pytest
from apache_beam.io.filesystems import FileSystems

from pipelines.report import collect, write_report
from tests.gcs_emulator import gcs_emulator
from tests.warehouse_data import write_output


@pytest.fixture
def gcs():
    with gcs_emulator("newsbeam-test"):
        yield "gs://newsbeam-test/out"


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
