"""The one options class of newsbeam: every flag of every job, documented by `--help`."""

from __future__ import annotations

import os
import sys

from apache_beam.options.pipeline_options import DirectOptions, PipelineOptions, StandardOptions, _BeamArgumentParser

from transforms.extract import DEFAULT_TIMEOUT_S
from transforms.fetch import FetchConfig
from transforms.language import DEFAULT_DETECTOR, DETECTORS
from transforms.read import MAX_DECOMPRESSED_BYTES, MAX_DOC_BYTES, SPLIT_BYTES
from transforms.repeated_lines import DEFAULT_MIN_DOCS
from transforms.seen import DEFAULT_TTL
from transforms.write import SHARDS

LOCAL_RUNNER = "FnApiRunner"  # explicit, so Beam never tries to download a Prism binary (FIELD-NOTES)
LOCAL_RUNNERS = (LOCAL_RUNNER, "DirectRunner")  # runners on this machine that finish a stage before the next


class NewsbeamOptions(PipelineOptions):
    @classmethod
    def _add_argparse_args(cls, parser) -> None:
        group = parser.add_argument_group("newsbeam")
        group.add_argument(
            "--input",
            action="append",
            default=[],
            help="Path, glob or folder of articles (.txt/.html/.jsonl/.warc, optionally .gz); local or gs://. "
            "Repeatable.",
        )
        group.add_argument("--output", help="Output folder (local or gs://): articles/, dead_letter/, _manifest.json.")
        group.add_argument(
            "--max-doc-bytes",
            dest="max_doc_bytes",
            type=int,
            default=MAX_DOC_BYTES,
            help="Largest document accepted, in bytes; larger ones become dead letters.",
        )
        group.add_argument(
            "--max-decompressed-bytes",
            dest="max_decompressed_bytes",
            type=int,
            default=MAX_DECOMPRESSED_BYTES,
            help="Largest decompressed size of one .gz input, in bytes (gzip-bomb guard).",
        )
        group.add_argument(
            "--language-detector",
            dest="language_detector",
            choices=DETECTORS,
            default=DEFAULT_DETECTOR,
            help=f"Language detector (default {DEFAULT_DETECTOR}; both measured in evaluation/language_bench.py).",
        )
        group.add_argument(
            "--repeated-line-min-docs",
            dest="repeated_line_min_docs",
            type=int,
            default=DEFAULT_MIN_DOCS,
            help="A paragraph found under this many different leads of one source in a run is removed as "
            "boilerplate (rule id `repeated_line`); 0 switches the step off.",
        )
        group.add_argument(
            "--no-learned-boilerplate",
            dest="learned_boilerplate",
            action="store_false",
            help="Clean with the boilerplate rules only, without the learned shape signal that runs after them "
            "(rule id `learned.boilerplate`; transforms/boilerplate_learned.py).",
        )
        group.add_argument(
            "--extract-timeout",
            dest="extract_timeout",
            type=float,
            default=DEFAULT_TIMEOUT_S,
            help="Seconds one HTML page may take to extract before it becomes an `extract_timeout` dead letter; "
            "0 extracts in-process without a limit.",
        )
        group.add_argument(
            "--extract-fast",
            dest="extract_fast",
            action="store_true",
            help="Extract with trafilatura's `fast` pass first (no readability/justext comparison; ~30 %% less "
            "extraction time, slightly lower recall on real pages: evaluation/README.md).",
        )
        group.add_argument(
            "--no-extract-overlap",
            dest="extract_overlap",
            action="store_false",
            help="Wait for each page's extraction before the next steps run, instead of extracting the next batch "
            "of pages in the child processes meanwhile (uses one core per worker instead of several).",
        )
        group.add_argument(
            "--extract-processes",
            dest="extract_processes",
            type=int,
            default=0,
            help="Extraction child processes per worker, each with a batch of pages in flight. 0 (the default): on "
            "the local runners the machine's cores divided by the local workers, elsewhere 1.",
        )
        group.add_argument(
            "--write-shards",
            type=int,
            default=SHARDS,
            help="Files written in parallel per partition and table (default %(default)s). Raise it when single days "
            "hold far more articles than one worker writes quickly; more shards make more, smaller files.",
        )
        group.add_argument(
            "--no-spill",
            dest="spill",
            action="store_false",
            help="Keep records between stages in memory on the local runners. By default a local backfill appends "
            "records over 1 KB to files in a temporary folder and passes references, so its memory does not grow "
            "with the input (needs ~20 KB of temporary disk per article). Dataflow never spills.",
        )
        group.add_argument(
            "--split-bytes",
            dest="split_bytes",
            type=int,
            default=SPLIT_BYTES,
            help="WARC and uncompressed JSONL files are read in ranges of about this many bytes, in parallel.",
        )

        stream = parser.add_argument_group("newsbeam stream")
        stream.add_argument("--feeds", help="Feed list: one RSS/Atom URL per line (# comments), or an OPML file.")
        stream.add_argument(
            "--pubsub-subscription",
            dest="pubsub_subscription",
            help="projects/P/subscriptions/S: read article URLs or raw articles from Pub/Sub instead of polling.",
        )
        stream.add_argument(
            "--poll-interval", dest="poll_interval", type=float, default=60.0, help="Seconds between polls of a feed."
        )
        stream.add_argument(
            "--window", type=float, default=300.0, help="Seconds per output window: each window writes its own files."
        )
        stream.add_argument(
            "--max-polls", dest="max_polls", type=int, default=None, help="End after N polling rounds (default: never)."
        )
        stream.add_argument(
            "--fetch-timeout",
            dest="fetch_timeout",
            type=float,
            default=FetchConfig.timeout,
            help="Seconds per request.",
        )
        stream.add_argument(
            "--fetch-retries",
            dest="fetch_retries",
            type=int,
            default=FetchConfig.retries,
            help="Extra tries of an article page after a timeout, connection error, 5xx or 429.",
        )
        stream.add_argument(
            "--fetch-backoff",
            dest="fetch_backoff",
            type=float,
            default=FetchConfig.backoff,
            help="Seconds before the first retry; doubled on each further retry.",
        )
        stream.add_argument(
            "--per-host-interval",
            dest="per_host_interval",
            type=float,
            default=FetchConfig.per_host_interval,
            help="Minimum seconds between two requests to the same host (politeness).",
        )
        stream.add_argument(
            "--allow-private-hosts",
            dest="allow_private_hosts",
            action="store_true",
            default=False,
            help="Fetch feeds and articles on private, loopback, link-local, multicast or reserved addresses too. "
            "By default such URLs (and redirects to them) become `blocked_address` dead letters (SSRF guard).",
        )
        stream.add_argument(
            "--allow-network",
            dest="allow_networks",
            action="append",
            default=[],
            help="CIDR (e.g. 10.1.2.0/24) whose hosts may be fetched despite the SSRF guard; the guard stays on for "
            "every other address. Repeatable.",
        )
        stream.add_argument(
            "--seen-ttl",
            dest="seen_ttl",
            type=float,
            default=DEFAULT_TTL,
            help="Seconds an article URL is remembered; a URL seen again within this time is not fetched again.",
        )
        group.add_argument(
            "--ner-model",
            dest="ner_model",
            default=None,
            help="Installed spaCy model for entity tagging (e.g. en_core_web_sm); default: offline gazetteer tagger.",
        )
        group.add_argument(
            "--dedup-against",
            dest="dedup_against",
            default=None,
            help="Output folder of earlier runs (local or gs://): near-duplicates of its articles get their "
            "existing cluster_id.",
        )


def local_runner_default(options: PipelineOptions) -> PipelineOptions:
    """Names the local runner when the user named none, and resolves the defaults that depend on where the job
    runs (extraction processes per worker)."""
    standard = options.view_as(StandardOptions)
    if not standard.runner:
        standard.runner = LOCAL_RUNNER
    nb = options.view_as(NewsbeamOptions)
    if not nb.extract_processes:
        nb.extract_processes = extract_processes(standard.runner, options.view_as(DirectOptions).direct_num_workers)
    return options


def extract_processes(runner: str, local_workers: int | None) -> int:
    """A local run keeps every core busy: each of its workers gets cores ÷ workers extraction processes. Elsewhere
    (Dataflow) a worker already runs one SDK process per core, so each gets one."""
    if runner not in LOCAL_RUNNERS:
        return 1
    cores = os.cpu_count() or 1
    return max(1, cores // (local_workers or cores))  # Beam reads 0 workers as one per core


def help_text(prog: str) -> str:
    """Every flag: newsbeam's, then those of every Beam options class (runner, Dataflow, workers...).

    Beam's own `--help` handling sees only the class it is parsed with, so `PipelineOptions(argv)` printed none."""
    parser = _BeamArgumentParser(prog=prog, allow_abbrev=False)  # Beam's parser: it knows value-provider flags
    NewsbeamOptions._add_argparse_args(parser)
    for cls in {str(c): c for c in PipelineOptions.__subclasses__()}.values():
        if cls is not NewsbeamOptions:
            cls._add_argparse_args(parser)
    return parser.format_help()


def exit_with_help(argv: list[str] | None, prog: str) -> None:
    """Prints help_text and exits when -h or --help is among the arguments."""
    args = sys.argv[1:] if argv is None else argv
    if "-h" in args or "--help" in args:
        print(help_text(prog))
        raise SystemExit(0)
