"""The stream translates into a Dataflow streaming job (Pub/Sub and feeds), checked with DataflowRunner's dry run.

Nothing reaches Google: `--dry_run=True` returns before submitting, and the temp location is a GCS emulator on
127.0.0.1 with credential lookup switched off.
"""

from __future__ import annotations

import apache_beam as beam
import pytest

from pipelines import stream
from pipelines.options import NewsbeamOptions
from tests.gcs_emulator import gcs_emulator


@pytest.fixture
def gcs():
    with gcs_emulator("newsbeam-test"):
        yield "gs://newsbeam-test"


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
