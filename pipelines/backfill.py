"""Batch backfill: files or globs in, Hive-partitioned Parquet out.

python -m pipelines.backfill --input samples/ --output out/
"""

from __future__ import annotations

import contextlib
import gc
import json
import logging
import os
import shutil
import sys
import tempfile
from typing import Any

import apache_beam as beam
from apache_beam.io.filesystems import FileSystems
from apache_beam.options.pipeline_options import PipelineOptions, StandardOptions, TestOptions

from pipelines.options import LOCAL_RUNNERS, NewsbeamOptions, exit_with_help, local_runner_default
from pipelines.report import link as report_link
from pipelines.report import write_report
from transforms import memory
from transforms.clean import Clean
from transforms.coders import SPILL_ENV, close_spill
from transforms.common import DEAD, MAIN, sha256_hex
from transforms.decode import Decode
from transforms.dedup import Dedup, PreSignature
from transforms.entities import Entities
from transforms.extract import Extract
from transforms.language import Language
from transforms.metadata import Metadata
from transforms.read import SPREAD, ReadInputs
from transforms.repeated_lines import RepeatedLines
from transforms.write import WriteOutput

# Every step before RepeatedLines (the first that needs all documents) runs in one stage with extraction, beside
# the extraction child: language, entities and the dedup signature overlap with the next page's extraction.
# RepeatedLines moves the entity offsets with the paragraphs it keeps; Dedup signs again only a changed text.
# Metadata reads dates from the text after RepeatedLines, without template lines.
STEPS = (
    ("Decode", Decode),
    ("Extract", Extract),
    ("Clean", Clean),
    ("Language", Language),
    ("Entities", Entities),
    ("PreSignature", PreSignature),
    ("RepeatedLines", RepeatedLines),
    ("Metadata", Metadata),
    ("Dedup", Dedup),
)


def run_key(inputs: list[str]) -> str:
    """Names this backfill's files: the same inputs give the same names, so a rerun replaces, never doubles."""
    return sha256_hex("\n".join(sorted(inputs)), 12)


class Enrich(beam.PTransform):
    """RawDoc to enriched Doc through every per-record step; returns (articles, dead letters of all steps).

    The input is one PCollection, or the record branches of ReadInputs: the steps before the first that needs
    all documents (RepeatedLines) then run on each branch, and RepeatedLines joins the branches, so that no
    buffer of the local runner holds raw pages."""

    def __init__(self, options: NewsbeamOptions | None = None) -> None:
        super().__init__()
        self.options = options

    def _make(self, step):
        """A step built from the options when it reads any (`from_options`), else with its defaults."""
        from_options = getattr(step, "from_options", None)
        return from_options(self.options) if from_options and self.options is not None else step()

    def expand(self, raw_docs):
        branches = list(raw_docs) if isinstance(raw_docs, (tuple, list)) else [raw_docs]
        dead = []
        first_joint = next(i for i, (label, _) in enumerate(STEPS) if label == "RepeatedLines")
        for n, branch in enumerate(branches):
            for label, step in STEPS[:first_joint]:
                result = branch | label + "Branch" * n >> self._make(step)
                branch = result[MAIN]
                dead.append(result[DEAD])
            branches[n] = branch
        docs = tuple(branches)  # the first joint step takes the branches
        for label, step in STEPS[first_joint:]:
            result = docs | label >> self._make(step)
            docs = result[MAIN]
            dead.append(result[DEAD])
        return docs, tuple(dead) | "FlattenStepDead" >> beam.Flatten()


def build(pipeline: beam.Pipeline, options: NewsbeamOptions) -> None:
    key = run_key(options.input)
    read = pipeline | "Read" >> ReadInputs(
        options.input, options.max_doc_bytes, options.max_decompressed_bytes, options.split_bytes
    )
    records = (read[MAIN], read[SPREAD])
    articles, step_dead = records | "Enrich" >> Enrich(options)
    dead = (read[DEAD], step_dead) | "AllDeadLetters" >> beam.Flatten()
    run_info = {"job": "backfill", "inputs": list(options.input), "run_key": key}
    _ = (articles, dead, records) | "Write" >> WriteOutput(options.output, key, run_info, options.write_shards)


def is_local(options: PipelineOptions) -> bool:
    """The pipeline runs on this machine (the local runners, in one process or several)."""
    return options.view_as(StandardOptions).runner in LOCAL_RUNNERS


@contextlib.contextmanager
def spilling(on: bool):
    """Records over 1 KB go to files in a temporary folder while the pipeline runs (transforms/coders.py); the
    folder is removed afterwards. Worker processes inherit the folder through the environment."""
    if not on:
        yield
        return
    folder = tempfile.mkdtemp(prefix="newsbeam-spill-")
    os.environ[SPILL_ENV] = folder
    try:
        yield
    finally:
        os.environ.pop(SPILL_ENV, None)
        close_spill()
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def trimming(on: bool):
    """A local run returns the memory its steps after the barrier free to the system (transforms/memory.py)."""
    if not on:
        yield
        return
    memory.tune()
    try:
        yield
    finally:
        memory.untune()


def read_manifest(output: str) -> dict[str, Any]:
    with FileSystems.open(FileSystems.join(output.rstrip("/"), "_manifest.json")) as f:
        return json.loads(f.read())


def print_summary(manifest: dict[str, Any], out=sys.stdout) -> None:
    print("\n== newsbeam backfill summary ==", file=out)
    print(f"records in:    {manifest['records_in']}", file=out)
    print(f"articles out:  {manifest['articles_out']}", file=out)
    print(f"dead letters:  {manifest['dead_letters']}", file=out)
    for reason, count in manifest["dead_letters_by_reason"].items():
        print(f"  {reason:<40} {count}", file=out)
    print("rows per partition:", file=out)
    for partition, count in manifest["rows_per_partition"].items():
        print(f"  {partition:<40} {count}", file=out)
    status = "yes" if manifest["balanced"] else "NO: records were lost"
    print(f"records in = articles out + dead letters: {status}", file=out)


def step_counters(result: Any) -> dict[str, int]:
    """Beam counters of a finished run as {"step/name": value}; empty where the runner reports none."""
    try:
        counters = result.metrics().query()["counters"]
    except Exception:  # some runners cannot query metrics; the manifest still has the counts
        return {}
    totals: dict[str, int] = {}
    for counter in counters:
        key = f"{counter.key.metric.namespace}/{counter.key.metric.name}"
        totals[key] = totals.get(key, 0) + (counter.committed or counter.attempted or 0)
    return dict(sorted(totals.items()))


def print_counters(counters: dict[str, int], out=sys.stdout) -> None:
    if counters:
        print("step counters:", file=out)
        for key, value in counters.items():
            print(f"  {key:<40} {value}", file=out)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    exit_with_help(argv, "python -m pipelines.backfill")
    options = local_runner_default(PipelineOptions(argv))
    nb = options.view_as(NewsbeamOptions)
    if not nb.input or not nb.output:
        raise SystemExit("newsbeam backfill: --input and --output are required (see --help)")
    pipeline = beam.Pipeline(options=options)
    build(pipeline, nb)
    with spilling(nb.spill and is_local(options)), trimming(is_local(options)):
        result = pipeline.run()
        if not options.view_as(TestOptions).dry_run:
            result.wait_until_finish()
    if options.view_as(TestOptions).dry_run:  # DataflowRunner returned before submitting: no job, no output
        print(f"dry run: job graph built for {options.view_as(StandardOptions).runner}, not submitted")
        return {"dry_run": True, "job": getattr(result, "job", None)}
    manifest = read_manifest(nb.output)
    counters = step_counters(result)
    try:
        report = report_link(write_report(nb.output, manifest, counters))
    except Exception as e:  # the data is written and counted; a failed report must not fail the run
        logging.getLogger("newsbeam").warning("run report not written: %r", e)
        report = f"not written ({type(e).__name__})"
    print_summary(manifest)
    print_counters(counters)
    print(f"report: {report}")
    # transforms/entities.py freezes its long-lived tables for speed; unfrozen, they are freed normally at exit
    # (frozen ones made DuckDB's bindings report leaked objects on every run)
    gc.unfreeze()
    return manifest


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    main()
    # The interpreter's last collections would walk every object left (0.7 s after 1,000 pages). This process
    # never loads DuckDB, whose bindings report frozen objects as leaked (see main).
    gc.freeze()
