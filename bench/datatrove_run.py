"""The HuggingFace datatrove baseline: reader -> Trafilatura extractor -> language filter -> Parquet writer.

Runs inside bench/.venv-datatrove (never imported by newsbeam). Prints one JSON line: docs in, docs out, seconds.
datatrove's own LanguageFilter needs a fastText model fetched from the internet at run time, which this machine
cannot do, so the language filter here is a datatrove `BaseFilter` running langdetect with the same seed and
2 KB prefix as newsbeam: the same work, in datatrove's filter slot. Extraction uses datatrove's `Trafilatura`
step with its defaults (favour_precision, deduplicate, 1 s timeout in a sandbox process).

bench/.venv-datatrove/bin/python bench/datatrove_run.py --input CORPUS_DIR --format jsonl --output OUT
"""

from __future__ import annotations

import argparse
import json
import time

from datatrove.data import Document
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.extractors import Trafilatura
from datatrove.pipeline.filters.base_filter import BaseFilter
from datatrove.pipeline.readers import JsonlReader, WarcReader
from datatrove.pipeline.writers import ParquetWriter

PREFIX_CHARS = 2000  # the same prefix newsbeam's language step reads
LANGUAGES = ("en", "de", "fr", "es")  # the corpus's languages: nothing is filtered out, all the work is done


class LangdetectFilter(BaseFilter):
    name = "🌍 langdetect"

    def __init__(self, languages: tuple[str, ...] = LANGUAGES) -> None:
        super().__init__()
        self.languages = set(languages)

    def filter(self, doc: Document) -> bool | tuple[bool, str]:
        from langdetect import DetectorFactory, detect_langs
        from langdetect.lang_detect_exception import LangDetectException

        DetectorFactory.seed = 0
        try:
            best = detect_langs(doc.text[:PREFIX_CHARS])[0]
        except (LangDetectException, IndexError):
            return False, "undetermined"
        doc.metadata["language"], doc.metadata["language_score"] = best.lang, best.prob
        return best.lang in self.languages or (False, "language")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--input", required=True, help="corpus folder holding corpus.jsonl and corpus.warc.gz")
    parser.add_argument("--format", choices=("jsonl", "warc"), default="jsonl")
    parser.add_argument("--output", required=True)
    parser.add_argument("--tasks", type=int, default=1)
    args = parser.parse_args()
    if args.format == "jsonl":
        reader = JsonlReader(args.input, glob_pattern="corpus.jsonl", text_key="html", id_key="url")
    else:
        reader = WarcReader(args.input, glob_pattern="corpus.warc.gz")
    pipeline = [reader, Trafilatura(), LangdetectFilter(), ParquetWriter(f"{args.output}/data")]
    executor = LocalPipelineExecutor(
        pipeline=pipeline, tasks=args.tasks, workers=args.tasks, logging_dir=f"{args.output}/logs"
    )
    started = time.perf_counter()
    stats = executor.run()
    seconds = time.perf_counter() - started
    merged = json.loads(stats.to_json()) if hasattr(stats, "to_json") else {}
    print(json.dumps({"seconds": seconds, "stats": merged}))


if __name__ == "__main__":
    main()
