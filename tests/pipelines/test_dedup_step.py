"""The dedup step on the local runner: the same clusters as the in-memory reference, whatever the input order."""

from __future__ import annotations

import datetime as dt
import random

import apache_beam as beam
from apache_beam.options.pipeline_options import PipelineOptions
from apache_beam.testing.test_pipeline import TestPipeline
from apache_beam.testing.util import assert_that, equal_to

from schemas.record import Doc
from tests.dedup_corpus import clean_all, labelled_docs
from transforms.common import DEAD, MAIN
from transforms.dedup import Dedup, cluster_locally

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def local_pipeline() -> TestPipeline:
    return TestPipeline(options=PipelineOptions(["--runner=FnApiRunner"]))


def summary(d: Doc) -> tuple:
    return d.doc_id, d.cluster_id, d.cluster_size, d.is_representative


def test_dedup_step_matches_reference_in_any_order_and_routes_bad_records():
    docs = clean_all(d for d, _ in labelled_docs())
    expected = sorted(summary(d) for d in cluster_locally(docs))
    assert len({cid for _, cid, _, _ in expected}) < len(expected)  # the corpus holds real clusters
    shuffled = list(docs)
    random.Random(5).shuffle(shuffled)
    broken = Doc("bad", "/bad.txt", NOW, text=None)  # a record the hash cannot handle: a dead letter, not a crash
    with local_pipeline() as p:  # one input as a single bundle, the other shuffled and split: the same ids
        first = p | "First" >> beam.Create(docs, reshuffle=False) | "DedupFirst" >> Dedup()
        second = p | "Second" >> beam.Create([broken, *shuffled]) | "DedupSecond" >> Dedup()
        assert_that(first[MAIN] | "SumFirst" >> beam.Map(summary), equal_to(expected), label="first")
        assert_that(second[MAIN] | "SumSecond" >> beam.Map(summary), equal_to(expected), label="second")
        dead = second[DEAD] | beam.Map(lambda d: (d.input_uri, d.stage, d.reason))
        assert_that(dead, equal_to([("/bad.txt", "dedup", "dedup_error")]), label="dead")


def test_one_huge_cluster_keeps_every_copy_and_one_representative():
    base = " ".join(f"word{i}" for i in range(60))  # short: the test is about the shuffle, not hashing

    def copy(i: int) -> Doc:  # made inside the pipeline: pickling 10,000 docs into Create would dominate the test
        text = base if i < 10_000 else base.replace(f"word{i % 60} ", f"edit{i} ")
        return Doc(f"x{i:05d}", f"/x{i}", NOW, text=text)

    with local_pipeline() as p:
        out = p | beam.Create(list(range(10_000)) + list(range(10_000, 10_060, 3))) | beam.Map(copy) | Dedup()
        stats = (
            out[MAIN]
            | beam.Map(lambda d: (d.cluster_id, (1, int(d.is_representative), d.cluster_size)))
            | beam.CombinePerKey(lambda vs: tuple(map(sum, zip(*vs, strict=True))))
            | beam.MapTuple(lambda cid, s: (s[0], s[1], s[2] // s[0]))
        )
        assert_that(stats, equal_to([(10_020, 1, 10_020)]))


def test_a_record_read_twice_keeps_both_rows_and_one_representative():
    twice = [Doc("same", "/same.txt", NOW, text="One story told once, read twice by the backfill.")] * 2
    other = Doc("copy", "/copy.txt", NOW, text="One story told once, read twice by the backfill.")
    with local_pipeline() as p:
        out = p | beam.Create([*twice, other]) | Dedup()
        rows = out[MAIN] | beam.Map(lambda d: (d.doc_id, d.cluster_size, d.is_representative))
        assert_that(rows, equal_to([("copy", 3, True), ("same", 3, False), ("same", 3, False)]))
