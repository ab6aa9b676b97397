"""End-to-end: the real CLI clusters syndicated copies, and a second backfill keeps the first one's cluster ids."""

from __future__ import annotations

import duckdb
import pytest

from tests.dedup_corpus import labelled_docs, pair_scores
from tests.pipelines.test_backfill_e2e import articles, run_cli
from transforms.minhash import NUM_PERM


def clusters_of(out) -> dict[str, tuple[str, int, bool, int]]:
    rows = duckdb.sql(
        f"SELECT input_uri, cluster_id, cluster_size, is_representative, len(minhash_signature) FROM {articles(out)}"
    ).fetchall()
    return {uri.rsplit("/", 1)[1].removesuffix(".txt"): tuple(rest) for uri, *rest in rows}


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    root = tmp_path_factory.mktemp("dedup")
    docs = labelled_docs()
    first, second = root / "first", root / "second"
    for folder in (first, second):
        folder.mkdir()
    for doc, _ in docs:  # first archive: originals and first reprints; second: later reprints
        target = first if doc.doc_id.endswith(("-0", "-1")) else second
        (target / f"{doc.doc_id}.txt").write_text(doc.text, "utf-8")
    overlap = docs[0][0]  # the second archive overlaps the first: one article is read again
    (second / f"{overlap.doc_id}.txt").write_text(overlap.text, "utf-8")
    out1, out2 = root / "out1", root / "out2"
    proc = run_cli("--input", str(first), "--output", str(out1))
    assert proc.returncode == 0, proc.stderr[-3000:]
    proc = run_cli("--input", str(second), "--output", str(out2), "--dedup-against", str(out1))
    assert proc.returncode == 0, proc.stderr[-3000:]
    return {d.doc_id: label for d, label in docs}, clusters_of(out1), clusters_of(out2), overlap.doc_id


def test_cli_clusters_copies_and_keeps_every_row(two_runs):
    labels, run1, run2, _ = two_runs
    for run in (run1, run2):
        scores = pair_scores({k: labels[k] for k in run}, {k: v[0] for k, v in run.items()})
        assert scores["precision"] == 1.0 and scores["recall"] >= 0.9, scores
        assert {sig_len for *_, sig_len in run.values()} == {NUM_PERM}
        for cluster in {v[0] for v in run.values()}:
            members = [v for v in run.values() if v[0] == cluster]
            assert {v[1] for v in members} == {len(members)} and sum(v[2] for v in members) == 1


def test_second_run_reuses_the_first_runs_cluster_ids(two_runs):
    labels, run1, run2, overlap = two_runs
    first_id = {labels[k]: v[0] for k, v in run1.items()}
    assert len({(labels[k], v[0]) for k, v in run1.items()}) == len(first_id)  # one cluster per story in run 1
    assert run2[overlap][0] == run1[overlap][0]
    assert len(run2) >= 10 and {labels[k] for k in run2} <= set(first_id)  # every story was seen in the first run
    for name, (cluster, *_) in run2.items():
        assert cluster == first_id[labels[name]], name
