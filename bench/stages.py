"""Per-stage cost: newsbeam's pure step functions timed one stage at a time over the whole corpus, in-process.

This is the work each step does without Beam around it, in CPU seconds of this process (time.process_time, which
the load of other jobs on a shared machine barely moves). The 1-worker pipeline's CPU seconds minus the sum of these
is what the runner and the process start-up cost (imports, scheduling, coders, grouping, the extract child).
"""

from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from schemas.articles import ARTICLE_SCHEMA, file_schema
from schemas.record import RawDoc
from transforms import clean, decode, dedup, entities, extract, language, metadata, write
from transforms.common import Rejected

PER_RECORD: tuple[tuple[str, Callable[[Any], Any]], ...] = (
    ("decode", decode.decode_doc),
    ("extract", extract.extract_doc),
    ("clean", clean.clean_doc),
    ("metadata", metadata.normalise_metadata),
    ("language", language.language_doc),
    ("entities", entities.entities_doc),
)


def _apply(fn: Callable[[Any], Any], records: list[Any]) -> tuple[list[Any], float]:
    out = []
    started = time.process_time()
    for record in records:
        try:
            out.append(fn(record))
        except Rejected:
            continue  # a dead letter in the pipeline; costs nothing further here
    return out, time.process_time() - started


def _dedup(docs: list[Any]) -> tuple[list[Any], float]:
    """Content hash and MinHash per doc, then the same clustering the Beam step does, in memory."""
    started = time.process_time()
    out = dedup.cluster_locally([dedup.hash_doc(d) for d in docs])
    return out, time.process_time() - started


def _write(docs: list[Any], out_dir: str) -> float:
    started = time.process_time()
    now = dt.datetime.now(dt.UTC)
    schema = file_schema(ARTICLE_SCHEMA)
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for doc in docs:
        groups[(write.partition_of(doc), write.shard_of(doc.doc_id))].append(write.article_row(doc, now))
    for (values, shard), rows in sorted(groups.items()):
        folder = f"{out_dir}/articles/{write.partition_path(values, ('published_date', 'language'))}"
        write._ensure_folder(folder)
        write.write_parquet_files(folder, f"part-bench-{shard:03d}", rows, schema)
    return time.process_time() - started


def time_stages(paths: list[str], out_dir: str) -> dict[str, Any]:
    seconds: dict[str, float] = {}
    started = time.process_time()
    fetched = dt.datetime.now(dt.UTC)
    records: list[Any] = []
    for path in paths:
        with open(path, "rb") as f:
            records.append(RawDoc(path, f.read(), fetched, {"format": "html"}))
    seconds["read"] = time.process_time() - started
    for name, fn in PER_RECORD:
        records, seconds[name] = _apply(fn, records)
    records, seconds["dedup"] = _dedup(records)
    seconds["write"] = _write(records, out_dir)
    return {"docs": len(paths), "articles": len(records), "seconds": seconds}
