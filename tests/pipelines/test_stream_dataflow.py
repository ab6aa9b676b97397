"""The stream translates into a Dataflow streaming job (Pub/Sub and feeds), checked with DataflowRunner's dry run.

Nothing reaches Google: `--dry_run=True` returns before submitting, and the temp location is a GCS emulator on
127.0.0.1 with credential lookup switched off.
"""

from __future__ import annotations

import socket

import apache_beam as beam
import pytest
from apache_beam.internal.gcp import auth
from gcp_storage_emulator.server import create_server

from pipelines import stream
from pipelines.options import NewsbeamOptions


@pytest.fixture
def gcs(monkeypatch):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = create_server("127.0.0.1", port, in_memory=True, default_bucket="newsbeam-test")
    server.start()
    monkeypatch.setenv("STORAGE_EMULATOR_HOST", f"http://127.0.0.1:{port}")
    monkeypatch.setenv("NO_GCE_CHECK", "true")
    # no credential lookup: it retries for ~21 s without credentials (FIELD-NOTES)
    monkeypatch.setattr(auth._Credentials, "_credentials_init", True)
    monkeypatch.setattr(auth._Credentials, "_credentials", None)
    yield "gs://newsbeam-test"
    server.stop()


def dry_run(bucket: str, *args: str):
    options = stream.options_from(
        [
            "--runner=DataflowRunner",
            "--project=newsbeam-test",
            "--region=europe-west1",
            f"--temp_location={bucket}/tmp",
            "--dry_run=True",
            f"--output={bucket}/out",
            *args,
        ]
    )
    pipeline = beam.Pipeline(options=options)
    stream.build(pipeline, options.view_as(NewsbeamOptions))
    return pipeline.run().job


@pytest.mark.parametrize("source", ["pubsub", "feeds"])
def test_stream_is_a_dataflow_streaming_job(gcs, tmp_path, source):
    if source == "pubsub":
        args, source_step = ["--pubsub-subscription=projects/newsbeam-test/subscriptions/articles"], "ReadPubSub"
    else:
        source_step = "Poll/Ticks"
        feeds = tmp_path / "feeds.txt"
        feeds.write_text("https://news.example/rss\n")
        args = [f"--feeds={feeds}"]
    job = dry_run(gcs, *args)
    assert job.proto.type.name == "JOB_TYPE_STREAMING"
    names = " ".join(t.unique_name for t in job.proto_pipeline.components.transforms.values())
    for step in (source_step, "FirstSeen", "Fetch", "Enrich", "Write"):
        assert step in names
