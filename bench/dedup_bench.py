"""Dedup benchmark: quality on the labelled set, cost per article against extraction, memory with many signatures.

python -m bench.dedup_bench                      # everything, default sizes
python -m bench.dedup_bench --pages 600 --signatures 100000 --beam-docs 20000

Parts (each prints one JSON line):
- quality: pairwise precision/recall of the clusters on the labelled set (tests/dedup_corpus.py);
- per_article: trafilatura extraction of HTML pages made from that set vs the dedup per-record work (normalise,
  content hash, MinHash) with both signature implementations, and the in-memory clustering, per article;
- beam: the Extract step and the Dedup step on the same pages, each its own pipeline on the local FnApiRunner;
- beam_memory: the Dedup step on N synthetic documents (10 % near copies), wall and CPU time, peak RSS;
- memory: N signatures as bytes (as Docs carry them), as int tuples, as one numpy array, and the in-memory LSH
  bucket index of `cluster_locally` (the Beam step never builds it: its groups hold one bucket's node ids).

python -m bench.dedup_bench --cluster-copies 0,2500,5000,10000 --cluster-background 5000

- cluster_memory: one syndicated story in N copies (half exact, half with 5 words changed) plus background
  articles through the real Dedup step, each size in a fresh process (peak RSS is a high-water mark), checking
  that all N copies end in one cluster with one representative; results in bench/results/dedup_cluster_memory.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import html
import json
import pathlib
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc

import apache_beam as beam
import numpy as np
from apache_beam.options.pipeline_options import PipelineOptions

from schemas.record import Doc
from tests.dedup_corpus import FETCHED, clean_all, labelled_docs, pair_scores
from transforms.common import MAIN
from transforms.dedup import Dedup, cluster_locally, hash_doc, new_node, node_buckets, normalised_content
from transforms.extract import Extract, extract_html
from transforms.minhash import datasketch_signature, signature

NAV = "Home | World | Business | Sport | Culture | Opinion | Subscribe | Log in"
FOOTER = "© 2026 Example Media Group. All rights reserved. Privacy policy · Cookie settings · Contact us · Careers"
RELATED = ["Council approves new cycle lanes", "Weather: a cold week ahead", "Five things to do this weekend"]


LINKS_PER_PAGE = 120  # menus, related and trending lists: with the script below, pages of about 23 KB
SCRIPT = "<script>window.__STATE__ = " + json.dumps({"ads": [{"slot": n, "size": "300x250"} for n in range(400)]})


def page_of(doc: Doc, i: int) -> str:
    """A news page around an article: navigation, headline, body, related links, scripts and footer (about 23 KB;
    FIELD-NOTES timed trafilatura on real pages of about 65 KB)."""
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in doc.text.split("\n\n") if p.strip())
    related = "".join(
        f'<li><a href="/r/{i}/{n}">{html.escape(RELATED[n % len(RELATED)])} ({n})</a></li>'
        for n in range(LINKS_PER_PAGE)
    )
    return (
        f"<html><head><title>Story {i}</title>{SCRIPT}</script></head><body><header><nav>{NAV}</nav></header>"
        f"<main><article><h1>Story {i}</h1><p class='byline'>By Staff Reporter</p>{paras}</article>"
        f"<aside><h3>Related</h3><ul>{related}</ul></aside></main><footer>{FOOTER}</footer></body></html>"
    )


def html_docs(pages: int) -> list[Doc]:
    base = [d for d, _ in labelled_docs()]
    out = []
    for i in range(pages):
        doc = base[i % len(base)]
        body = page_of(doc, i)
        out.append(Doc(f"p{i:06d}", f"/bench/p{i}.html", FETCHED, format="html", raw_text=body))
    return out


def timed(fn, items) -> tuple[list, float]:
    """Results and CPU seconds: CPU time, not wall time, so other jobs on a shared machine do not skew ratios."""
    start = time.process_time()
    out = [fn(x) for x in items]
    return out, time.process_time() - start


def quality() -> dict:
    pairs = labelled_docs()
    docs = clean_all(d for d, _ in pairs)
    labels = {d.doc_id: label for d, label in pairs}
    clusters = {d.doc_id: d.cluster_id for d in cluster_locally(docs)}
    return {"part": "quality", "articles": len(docs), "stories": len(set(labels.values()))} | pair_scores(
        labels, clusters
    )


def per_article(pages: int) -> dict:
    docs = html_docs(pages)
    extracted, t_extract = timed(lambda d: d.replace(text=extract_html(d.raw_text)["text"]), docs)
    normalised, t_norm = timed(lambda d: normalised_content(d.text), extracted)
    _, t_numpy = timed(signature, normalised)
    _, t_datasketch = timed(datasketch_signature, normalised)
    hashed, t_hash_doc = timed(hash_doc, extracted)
    _, t_cluster = timed(cluster_locally, [hashed])
    per = {
        "extract_cpu_ms": t_extract / pages * 1e3,
        "normalise_ms": t_norm / pages * 1e3,
        "minhash_numpy_ms": t_numpy / pages * 1e3,
        "minhash_datasketch_ms": t_datasketch / pages * 1e3,
        "dedup_record_ms": t_hash_doc / pages * 1e3,
        "cluster_in_memory_ms": t_cluster / pages * 1e3,
    }
    words = statistics.mean(len(d.text.split()) for d in extracted)
    return {
        "part": "per_article",
        "pages": pages,
        "mean_words": round(words),
        "mean_page_kb": round(statistics.mean(len(d.raw_text) for d in docs) / 1024, 1),
        **{k: round(v, 3) for k, v in per.items()},
        "dedup_record_over_extract": round(per["dedup_record_ms"] / per["extract_cpu_ms"], 3),
        "dedup_total_in_memory_over_extract": round(
            (per["dedup_record_ms"] + per["cluster_in_memory_ms"]) / per["extract_cpu_ms"], 3
        ),
    }


def run_beam(docs: list[Doc], transform) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process): FnApiRunner runs in-process, so CPU time is the work done."""
    options = PipelineOptions(["--runner=FnApiRunner"])
    start, cpu = time.perf_counter(), time.process_time()
    with beam.Pipeline(options=options) as p:
        _ = p | beam.Create(docs) | transform
    return time.perf_counter() - start, time.process_time() - cpu


def beam_steps(pages: int) -> dict:
    docs = html_docs(pages)
    extract = run_beam(docs, Extract(0))
    texts = [d.replace(text=extract_html(d.raw_text)["text"], format="text") for d in docs]
    dedup = run_beam(texts, Dedup())
    empty = run_beam(texts, beam.Map(lambda d: d))  # pipeline start-up and Create, paid by both
    return {
        "part": "beam",
        "pages": pages,
        "extract_step_wall_s": round(extract[0], 2),
        "extract_step_cpu_s": round(extract[1], 2),
        "dedup_step_wall_s": round(dedup[0], 2),
        "dedup_step_cpu_s": round(dedup[1], 2),
        "identity_pipeline_cpu_s": round(empty[1], 2),
        "dedup_over_extract_cpu": round((dedup[1] - empty[1]) / max(extract[1] - empty[1], 1e-9), 3),
    }


def synthetic_texts(
    n: int, words: int = 250, vocabulary: int = 20_000, seed: int = 7, near_copies: bool = True
) -> list[str]:
    """n texts of random words; every tenth is a copy of an earlier text with five words changed (near_copies)."""
    rng = np.random.default_rng(seed)
    vocab = np.array([f"w{i}" for i in range(vocabulary)])
    texts = []
    for i in range(n):
        if near_copies and i % 10 == 9:
            ws = texts[int(rng.integers(0, i))].split()
            for j in rng.integers(0, len(ws), 5):
                ws[j] = str(vocab[rng.integers(0, vocabulary)])
            texts.append(" ".join(ws))
        else:
            texts.append(" ".join(vocab[rng.integers(0, vocabulary, words)]))
    return texts


def memory(n: int) -> dict:
    texts = synthetic_texts(n)
    sigs, t_sig = timed(signature, texts)
    array = np.frombuffer(b"".join(sigs), dtype="<u4").reshape(len(sigs), -1)
    del sigs
    gc.collect()
    tracemalloc.start()
    sigs = [row.tobytes() for row in array]  # bytes, as Docs carry them
    bytes_size = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    gc.collect()
    tracemalloc.start()
    as_ints = [tuple(row.tolist()) for row in array]  # what tuples of Python ints would cost instead
    tuples_size = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del as_ints
    gc.collect()
    tracemalloc.start()
    buckets: dict[str, list[str]] = {}
    for i, sig in enumerate(sigs):
        node = new_node(f"{i:032x}")
        for bucket, member in node_buckets(node, f"{i:032x}", sig):
            buckets.setdefault(bucket, []).append(member)
    index_bytes = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    shared = sum(1 for members in buckets.values() if len(members) > 1)
    return {
        "part": "memory",
        "signatures": n,
        "signature_cpu_ms_each": round(t_sig / n * 1e3, 3),
        "as_bytes_mb": round(bytes_size / 2**20, 1),
        "as_int_tuples_mb": round(tuples_size / 2**20, 1),
        "numpy_uint32_mb": round(array.nbytes / 2**20, 1),
        "parquet_column_bytes_each_approx": 128 * 8,
        "lsh_index_in_memory_mb": round(index_bytes / 2**20, 1),
        "buckets": len(buckets),
        "buckets_with_2_or_more": shared,
    }


def beam_memory(n: int) -> dict:
    texts = synthetic_texts(n, seed=11)
    docs = [Doc(f"s{i:07d}", f"/s/{i}", FETCHED, text=t) for i, t in enumerate(texts)]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    wall, cpu = run_beam(docs, Dedup())
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "part": "beam_memory",
        "docs": n,
        "dedup_step_wall_s": round(wall, 1),
        "dedup_step_cpu_s": round(cpu, 1),
        "cpu_ms_per_doc": round(cpu / n * 1e3, 3),
        "peak_rss_mb_before": round(before / 1024),
        "peak_rss_mb_after": round(after / 1024),
    }


CLUSTER_RESULTS = pathlib.Path(__file__).resolve().parent / "results" / "dedup_cluster_memory.json"
STORY_WORDS = 600  # a long wire story: copies weigh more than the 250-word background articles


def syndicated_cluster(copies: int, background: int, seed: int = 13, distinct: bool = False) -> list[Doc]:
    """`copies` reprints of one story (even ones exact, odd ones with 5 words changed, each with its own doc id,
    uri and publication time) and `background` distinct articles. `distinct`: the control, as many different
    stories of the same length instead of copies."""
    rng = np.random.default_rng(seed)
    [story] = synthetic_texts(1, words=STORY_WORDS, seed=seed)
    words = story.split()
    stories = synthetic_texts(copies, words=STORY_WORDS, seed=seed + 2, near_copies=False) if distinct else []
    docs = []
    for i in range(copies):
        text = stories[i] if distinct else story
        if i % 2 and not distinct:
            edited = list(words)
            for j in rng.integers(0, len(edited), 5):
                edited[j] = f"e{int(rng.integers(0, 1_000_000))}"
            text = " ".join(edited)
        published = FETCHED - dt.timedelta(minutes=int(rng.integers(0, 10_000)))
        docs.append(Doc(f"c{i:07d}", f"/wire/{i}", FETCHED, text=text, published_at=published))
    for i, text in enumerate(synthetic_texts(background, seed=seed + 1, near_copies=False)):
        docs.append(Doc(f"b{i:07d}", f"/bg/{i}", FETCHED, text=text))
    return docs


class _CountBig(beam.DoFn):
    """Counts the rows of the syndicated cluster and its representatives (checked after the run)."""

    def __init__(self, copies: int) -> None:
        self.copies = copies

    def process(self, doc: Doc):
        if doc.doc_id.startswith("c"):
            beam.metrics.Metrics.counter("bench", "copies_out").inc()
            if doc.cluster_size == self.copies:
                beam.metrics.Metrics.counter("bench", "copies_in_one_cluster").inc()
            if doc.is_representative:
                beam.metrics.Metrics.counter("bench", "copy_representatives").inc()
        else:
            beam.metrics.Metrics.counter("bench", "background_out").inc()
            if doc.cluster_size == 1 and doc.is_representative:
                beam.metrics.Metrics.counter("bench", "background_alone").inc()


def cluster_memory_run(copies: int, background: int, distinct: bool = False) -> dict:
    """One size, in this process: peak RSS before (inputs built) and after the Dedup step, and the checks."""
    docs = syndicated_cluster(copies, background, distinct=distinct)
    gc.collect()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    pipeline = beam.Pipeline(options=PipelineOptions(["--runner=FnApiRunner"]))
    start, cpu = time.perf_counter(), time.process_time()
    out = pipeline | beam.Create(docs) | Dedup()
    _ = out[MAIN] | beam.ParDo(_CountBig(copies))
    result = pipeline.run()
    result.wait_until_finish()
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    counters = {c.key.metric.name: c.committed for c in result.metrics().query()["counters"]}
    checks = {
        k: counters.get(k, 0)
        for k in ("copies_out", "copies_in_one_cluster", "copy_representatives", "background_out", "background_alone")
    }
    if distinct:  # the control: every story its own cluster (cluster_size 1 only equals `copies` when copies is 1)
        ok = checks["copy_representatives"] == copies and checks["copies_in_one_cluster"] == (
            copies if copies == 1 else 0
        )
    else:
        ok = checks["copies_in_one_cluster"] == copies and checks["copy_representatives"] == min(copies, 1)
    ok = ok and checks["background_alone"] == background
    return {
        "part": "cluster_memory_control" if distinct else "cluster_memory",
        "copies": copies,
        "background": background,
        "input_text_mb": round(sum(len(d.text) for d in docs) / 2**20, 1),
        "dedup_step_wall_s": round(wall, 1),
        "dedup_step_cpu_s": round(cpu, 1),
        "peak_rss_mb_inputs_built": round(before / 1024),
        "peak_rss_mb_after_dedup": round(after / 1024),
        "dedup_rss_increase_mb": round((after - before) / 1024),
        **checks,
        "checks_ok": ok,  # copies: one cluster, one representative; control: every story alone
    }


def cluster_memory(sizes: list[int], background: int, distinct: bool = False) -> list[dict]:
    """Each size in a fresh process; the per-copy cost is the slope between sizes."""
    rows = []
    for copies in sizes:
        argv = [sys.executable, "-m", "bench.dedup_bench", "--cluster-run", str(copies)]
        argv += ["--cluster-distinct"] if distinct else []
        done = subprocess.run([*argv, "--cluster-background", str(background)], capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"cluster run {copies} failed:\n{done.stderr[-3000:]}")
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), flush=True)
    base = rows[0]
    for row in rows[1:]:
        extra = row["copies"] - base["copies"]
        row["rss_kb_per_extra_copy"] = round(
            (row["peak_rss_mb_after_dedup"] - base["peak_rss_mb_after_dedup"]) * 1024 / extra, 1
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=600, help="HTML pages for the extraction comparison")
    parser.add_argument("--signatures", type=int, default=100_000, help="signatures for the memory measurement")
    parser.add_argument("--beam-docs", type=int, default=20_000, help="documents for the Beam memory run (0: skip)")
    parser.add_argument(
        "--cluster-copies",
        help="comma-separated sizes of one syndicated cluster (e.g. 0,2500,5000,10000): run only cluster_memory",
    )
    parser.add_argument("--cluster-background", type=int, default=5_000, help="distinct articles beside the cluster")
    parser.add_argument(
        "--cluster-distinct",
        action="store_true",
        help="control for --cluster-copies: as many distinct stories of the same length instead of copies",
    )
    parser.add_argument("--cluster-run", type=int, help=argparse.SUPPRESS)  # one size, in this process
    args = parser.parse_args()
    if args.cluster_run is not None:
        run = cluster_memory_run(args.cluster_run, args.cluster_background, args.cluster_distinct)
        print(json.dumps(run), flush=True)
        return
    if args.cluster_copies:
        sizes = [int(n) for n in args.cluster_copies.split(",")]
        rows = cluster_memory(sizes, args.cluster_background, args.cluster_distinct)
        old_rows = json.loads(CLUSTER_RESULTS.read_text()) if CLUSTER_RESULTS.exists() else []
        part = rows[0]["part"]
        rows = [r for r in old_rows if r["part"] != part] + rows  # the other series (copies or control) is kept
        CLUSTER_RESULTS.write_text(json.dumps(rows, indent=1) + "\n")
        print(f"written: {CLUSTER_RESULTS}")
        return
    parts = [quality, lambda: per_article(args.pages), lambda: beam_steps(args.pages)]
    if args.beam_docs:  # before `memory`: peak RSS is a high-water mark, so the Beam run must come first
        parts.append(lambda: beam_memory(args.beam_docs))
    parts.append(lambda: memory(args.signatures))
    for part in parts:
        print(json.dumps(part()), flush=True)


if __name__ == "__main__":
    main()
