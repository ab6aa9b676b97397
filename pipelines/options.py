"""The one options class of newsbeam: every flag of every job, documented by `--help`."""

from __future__ import annotations

from apache_beam.options.pipeline_options import PipelineOptions, StandardOptions

from transforms.extract import DEFAULT_TIMEOUT_S
from transforms.language import DEFAULT_DETECTOR, DETECTORS
from transforms.read import MAX_DECOMPRESSED_BYTES, MAX_DOC_BYTES

LOCAL_RUNNER = "FnApiRunner"  # explicit, so Beam never tries to download a Prism binary (FIELD-NOTES)


class NewsbeamOptions(PipelineOptions):
    @classmethod
    def _add_argparse_args(cls, parser) -> None:
        group = parser.add_argument_group("newsbeam")
        group.add_argument(
            "--input",
            action="append",
            default=[],
            help="Path, glob or folder of articles (.txt/.html/.jsonl, optionally .gz); local or gs://. Repeatable.",
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
            "--extract-timeout",
            dest="extract_timeout",
            type=float,
            default=DEFAULT_TIMEOUT_S,
            help="Seconds one HTML page may take to extract before it becomes an `extract_timeout` dead letter; "
            "0 extracts in-process without a limit.",
        )


def local_runner_default(options: PipelineOptions) -> PipelineOptions:
    """Names the local runner when the user named none."""
    standard = options.view_as(StandardOptions)
    if not standard.runner:
        standard.runner = LOCAL_RUNNER
    return options
