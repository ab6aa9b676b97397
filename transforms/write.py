"""Write: Hive-partitioned Parquet with explicit schemas, dead letters beside it, and a run manifest.

Files are written to a hidden temporary name in their final folder and renamed when complete, so readers
of `articles/**/*.parquet` never see a partial file. File names are deterministic for a given set of inputs
(`part-<run_key>-<shard>-<seq>.parquet`), so a rerun of the same backfill replaces its files instead of
doubling the table.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import zlib
from collections.abc import Callable, Iterable
from typing import Any

import apache_beam as beam
import pyarrow as pa
import pyarrow.parquet as pq
from apache_beam.io.filesystems import FileSystems
from apache_beam.metrics import Metrics
from apache_beam.transforms.window import GlobalWindow

from schemas.articles import ARTICLE_SCHEMA, DEAD_LETTER_SCHEMA, PARTITION_COLUMNS, SCHEMA_VERSION, file_schema
from schemas.entity_mentions import ENTITY_MENTIONS_SCHEMA
from schemas.record import CRAWLED_AT, DeadLetter, Doc
from transforms import memory
from transforms.coders import decode_object, encode_object
from transforms.entity_mentions import entity_mention_rows
from transforms.minhash import signature_values
from transforms.rerun import remove_stale

STAGE = "write"
HIVE_NULL = "__HIVE_DEFAULT_PARTITION__"  # Hive's name for a null partition value; DuckDB and pyarrow read it as null
ROWS_PER_FILE = 100_000  # ~0.5 GB of article text per file at most: big enough for scans, small enough for workers
ROWS_PER_GROUP = 5_000  # rows buffered before a Parquet row group is flushed; bounds writer memory
SHARDS = 1  # files per partition written in parallel (--write-shards). More spread a hot day over workers, but on a
# 2,000-page run 4 shards wrote ~800 files of 2.5 articles each: tiny files cost more than a hot key
_SAFE_VALUE = re.compile(r"[^A-Za-z0-9_\-]")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8})?$")
MAX_PARTITION_VALUE = 64  # keeps folder names far below file-system name limits


def safe_partition_value(value: Any) -> str:
    """A path-safe Hive partition value: no separators, dots, NUL or traversal, bounded length."""
    if value is None:
        return HIVE_NULL
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    text = _SAFE_VALUE.sub("_", text)[:MAX_PARTITION_VALUE].strip("_")
    return text or HIVE_NULL


def partition_of(doc: Doc) -> tuple[str, str]:
    language = doc.language if doc.language and _LANGUAGE.match(doc.language) else "und"
    return safe_partition_value(doc.published_date), safe_partition_value(language)


def partition_path(values: tuple[str, ...], columns: tuple[str, ...]) -> str:
    return "/".join(f"{c}={v}" for c, v in zip(columns, values, strict=True))


def shard_of(key: str, shards: int = SHARDS) -> int:
    return zlib.crc32(key.encode("utf-8")) % shards


def article_row(doc: Doc, ingested_at: dt.datetime) -> dict[str, Any]:
    return {
        "doc_id": doc.doc_id,
        "input_uri": doc.input_uri,
        "url": doc.url,
        "source": doc.source,
        "syndicator": doc.syndicator,
        "title": doc.title,
        "authors": list(doc.authors),
        "published_at": doc.published_at,
        "published_date": doc.published_date,
        "date_source": doc.date_source,
        "language": doc.language,
        "language_score": doc.language_score,
        "text": doc.text,
        "word_count": len(doc.text.split()),
        "entities": [
            {k: e.get(k) for k in ("text", "label", "start", "end", "entity_id", "name")} for e in doc.entities
        ],
        "boilerplate_removed": [{"rule_id": r, "text": t} for r, t in doc.removed],
        "content_hash": doc.content_hash,
        "cluster_id": doc.cluster_id,
        "cluster_size": doc.cluster_size,
        "is_representative": doc.is_representative,
        "ingested_at": ingested_at,
        "schema_version": SCHEMA_VERSION,
        "date_rejected": doc.date_rejected,
        "minhash_signature": signature_values(doc.minhash),
        "crawled_at": crawled_at(doc),
    }


def crawled_at(doc: Doc) -> dt.datetime | None:
    """The crawl time the input carried (a WARC record's WARC-Date), in UTC; None when the input does not say."""
    value = doc.hints.get(CRAWLED_AT)
    return value.astimezone(dt.UTC) if isinstance(value, dt.datetime) and value.tzinfo else None


def dead_letter_row(dead: DeadLetter, ingested_at: dt.datetime) -> dict[str, Any]:
    return {
        "input_uri": dead.input_uri,
        "stage": dead.stage,
        "reason": dead.reason,
        "error": dead.error,
        "excerpt": dead.excerpt,
        "ingested_at": ingested_at,
        "schema_version": SCHEMA_VERSION,
    }


# Article and dead-letter columns with few distinct values, dictionary-encoded. The others (ids, text, URLs,
# hashes) are nearly all distinct: a dictionary there made every file bigger and cost ~0.6 ms a file (one file per
# partition, bench/README.md). Entity-mention rows repeat doc ids, entity ids and names, so all are encoded.
DICTIONARY_COLUMNS = frozenset({"source", "syndicator", "date_source", "language", "label", "stage", "reason"})
DICTIONARY_TABLES = frozenset({b"entity_mentions"})


def dictionary_columns(schema: pa.Schema) -> bool | list[str]:
    if (schema.metadata or {}).get(b"newsbeam.table") in DICTIONARY_TABLES:
        return True
    return [field.name for field in schema if field.name in DICTIONARY_COLUMNS]


def write_parquet_files(
    folder: str, stem: str, rows: Iterable[dict[str, Any]], schema: pa.Schema, rows_per_file: int = ROWS_PER_FILE
) -> list[tuple[str, int]]:
    """Streams rows into `folder/<stem>-NNNN.parquet` files; each appears only when complete. Returns (path, rows)."""
    written: list[tuple[str, int]] = []
    batch: list[dict[str, Any]] = []
    state: dict[str, Any] = {"writer": None, "rows": 0, "seq": 0}

    def final_path() -> str:
        return FileSystems.join(folder, f"{stem}-{state['seq']:04d}.parquet")

    def temp_path() -> str:
        return FileSystems.join(folder, f".{stem}-{state['seq']:04d}.parquet.inprogress")

    def flush() -> None:
        if not batch:
            return
        if state["writer"] is None:
            state["stream"] = FileSystems.create(temp_path())
            state["writer"] = pq.ParquetWriter(
                state["stream"], schema, compression="zstd", use_dictionary=dictionary_columns(schema)
            )
        state["writer"].write_table(pa.Table.from_pylist(batch, schema=schema))
        state["rows"] += len(batch)
        batch.clear()

    def close() -> None:
        flush()
        if state["writer"] is None:
            return
        state["writer"].close()
        state["stream"].close()
        FileSystems.rename([temp_path()], [final_path()])
        written.append((final_path(), state["rows"]))
        state.update(writer=None, rows=0, seq=state["seq"] + 1)

    for row in rows:
        batch.append(row)
        if len(batch) >= ROWS_PER_GROUP:
            flush()
        if state["rows"] + len(batch) >= rows_per_file:
            close()
    close()
    return written


def window_tag(window: Any, pane: Any = None) -> str:
    """ "" in the global window (batch); else the window start (UTC, ms) and any late pane, so that a
    streaming job's windows never overwrite each other's files."""
    if isinstance(window, GlobalWindow) or not hasattr(window, "start"):
        return ""
    start = window.start.to_utc_datetime()
    tag = f"-w{start:%Y%m%dT%H%M%S}{start.microsecond // 1000:03d}"
    index = getattr(pane, "index", 0) or 0
    return f"{tag}-p{index}" if index else tag


def _ensure_folder(folder: str) -> None:
    if "://" not in folder and not FileSystems.exists(folder):
        try:
            FileSystems.mkdirs(folder)
        except OSError:  # another worker created it in between
            if not FileSystems.exists(folder):
                raise


class _WriteGroupFn(beam.DoFn):
    """Writes one (partition, shard) group of rows; yields (table, partition, rows written, file path)."""

    def __init__(self, table: str, root: str, run_key: str, schema: pa.Schema, columns: tuple[str, ...]) -> None:
        self.table, self.root, self.run_key = table, root, run_key
        self.schema, self.columns = schema, columns
        self.rows_written = Metrics.counter(STAGE, f"{table}_rows")

    def process(
        self,
        element: tuple[tuple[tuple[str, ...], int], Iterable[bytes]],
        window=beam.DoFn.WindowParam,
        pane=beam.DoFn.PaneInfoParam,
    ):
        (values, shard), packed = element
        rows = (row for rows in packed for row in decode_object(rows))
        folder = (
            FileSystems.join(self.root, self.table, partition_path(values, self.columns))
            if values
            else (FileSystems.join(self.root, self.table))
        )
        _ensure_folder(folder)
        stem = f"part-{self.run_key}{window_tag(window, pane)}-{shard:03d}"
        for path, count in write_parquet_files(folder, stem, rows, self.schema):
            self.rows_written.inc(count)
            yield self.table, partition_path(values, self.columns) if values else "", count, path

    def finish_bundle(self):
        memory.trim()


class WriteTable(beam.PTransform):
    """Keyed lists of rows ((partition values, shard), [row, ...]) to Parquet under ROOT/TABLE/.

    Emits (table, partition, rows, path) per file written."""

    def __init__(self, table: str, root: str, run_key: str, schema: pa.Schema, columns: tuple[str, ...]) -> None:
        super().__init__()
        self.args = (table, root, run_key, schema, columns)

    def expand(self, keyed_rows):
        # Rows travel through the grouping as compressed bytes, one package per record (an article's entity
        # mentions together): the local runner keeps a grouping's values in memory until the whole input has
        # arrived (~8 KB per article row, ~3.6 KB packed; ~310 bytes per mention packed alone, ~65 together).
        return (
            keyed_rows
            | "PackRows" >> beam.MapTuple(lambda key, rows: (key, encode_object(rows)))
            | "GroupByPartition" >> beam.GroupByKey()
            | "WriteParquet" >> beam.ParDo(_WriteGroupFn(*self.args))
        )


def keyed_article_rows(
    doc: Doc, ingested_at: dt.datetime, shards: int = SHARDS
) -> tuple[tuple[tuple[str, str], int], list[dict]]:
    return (partition_of(doc), shard_of(doc.doc_id, shards)), [article_row(doc, ingested_at)]


def keyed_mention_rows(
    doc: Doc, ingested_at: dt.datetime, shards: int = SHARDS
) -> list[tuple[tuple[tuple[str, str], int], list[dict]]]:
    """The article's entity mention rows, keyed like its article row; nothing for an article without entities."""
    rows = entity_mention_rows(doc, ingested_at)
    return [((partition_of(doc), shard_of(doc.doc_id, shards)), rows)] if rows else []


def keyed_dead_letter_rows(
    dead: DeadLetter, ingested_at: dt.datetime, shards: int = SHARDS
) -> tuple[tuple[tuple, int], list[dict]]:
    return ((), shard_of(dead.input_uri, shards)), [dead_letter_row(dead, ingested_at)]


class WriteTables(beam.PTransform):
    """(articles, dead letters) to ROOT/articles/, ROOT/entity_mentions/ (both Hive-partitioned) and
    ROOT/dead_letter/; emits (table, partition, rows, path) per file written. `now` gives the ingestion time:
    one fixed time for a batch run, the time of writing for a stream."""

    def __init__(self, root: str, run_key: str, now: Callable[[], dt.datetime], shards: int = SHARDS) -> None:
        super().__init__()
        self.root, self.run_key, self.now, self.shards = root, run_key, now, shards

    def expand(self, pcolls):
        articles, dead = pcolls
        root, key, now, shards = self.root, self.run_key, self.now, self.shards
        written_articles = (
            articles
            | "ArticleRows" >> beam.Map(lambda d: keyed_article_rows(d, now(), shards))
            | "WriteArticles"
            >> WriteTable("articles", root, key, file_schema(ARTICLE_SCHEMA), ("published_date", "language"))
        )
        written_dead = (
            dead
            | "DeadLetterRows" >> beam.Map(lambda d: keyed_dead_letter_rows(d, now(), shards))
            | "WriteDeadLetters" >> WriteTable("dead_letter", root, key, DEAD_LETTER_SCHEMA, ())
        )
        written_mentions = (
            articles
            | "EntityMentionRows" >> beam.FlatMap(lambda d: keyed_mention_rows(d, now(), shards))
            | "WriteEntityMentions"
            >> WriteTable("entity_mentions", root, key, file_schema(ENTITY_MENTIONS_SCHEMA), PARTITION_COLUMNS)
        )
        return (written_articles, written_dead, written_mentions) | "AllWritten" >> beam.Flatten()


def build_manifest(
    run: dict[str, Any], written: list[tuple], dead: list[tuple[str, str, int]], records_read: int
) -> dict:
    """The run's counts: records in, articles out, dead letters by stage and reason, rows per partition.

    `records_in` counts what the sources produced (records read plus records that failed to read), independently
    of what was written, so `balanced` is false whenever a step lost a record.
    """
    partitions: dict[str, int] = {}
    tables: dict[str, int] = {}
    for table, partition, count, *_ in written:  # (table, partition, rows[, path])
        tables[table] = tables.get(table, 0) + count
        if table == "articles":
            partitions[partition] = partitions.get(partition, 0) + count
    by_reason: dict[str, int] = {}
    for stage, reason, count in dead:
        key = f"{stage}/{reason}"
        by_reason[key] = by_reason.get(key, 0) + count
    articles = tables.get("articles", 0)
    dead_total = sum(by_reason.values())
    records_in = records_read + sum(n for stage, _, n in dead if stage == "read")
    return {
        **run,
        "records_in": records_in,
        "balanced": records_in == articles + dead_total,
        "articles_out": articles,
        "dead_letters": dead_total,
        "dead_letters_by_reason": dict(sorted(by_reason.items())),
        "rows_per_partition": dict(sorted(partitions.items())),
        "entity_mentions_out": tables.get("entity_mentions", 0),
        "schema_version": SCHEMA_VERSION,
    }


class _WriteManifestFn(beam.DoFn):
    def __init__(self, root: str, run: dict[str, Any], run_key: str) -> None:
        self.root, self.run, self.run_key = root, run, run_key

    def process(self, _, written, dead, records_read):
        manifest = build_manifest(self.run, written, dead, records_read)
        _ensure_folder(self.root)
        # Every file of this run is complete here: drop what an earlier run or a killed one left behind (rerun.py).
        removed = remove_stale(self.root, self.run_key, [w[3] for w in written])
        manifest["stale_files_removed"] = len(removed)
        final = FileSystems.join(self.root, "_manifest.json")
        temp = FileSystems.join(self.root, "._manifest.json.inprogress")  # renamed when complete, like the data
        with FileSystems.create(temp) as out:
            out.write(json.dumps(manifest, indent=2, sort_keys=True).encode("utf-8"))
        FileSystems.rename([temp], [final])
        yield manifest


class WriteOutput(beam.PTransform):
    """(articles, dead letters, records read: one PCollection or a tuple of branches) in.
    Articles to ROOT/articles/<hive partitions>/, one row per article and entity to ROOT/entity_mentions/<hive
    partitions>/, dead letters to ROOT/dead_letter/, then ROOT/_manifest.json."""

    def __init__(self, root: str, run_key: str, run_info: dict[str, Any], shards: int = SHARDS) -> None:
        super().__init__()
        self.root, self.run_key, self.run_info, self.shards = root.rstrip("/"), run_key, run_info, shards

    def expand(self, pcolls):
        articles, dead, raw_docs = pcolls
        ingested_at = dt.datetime.now(dt.UTC)
        tables = WriteTables(self.root, self.run_key, lambda: ingested_at, self.shards)
        written = (articles, dead) | "Tables" >> tables
        dead_counts = (
            dead
            | "ReasonOf" >> beam.Map(lambda d: (d.stage, d.reason))
            | "CountReasons" >> beam.combiners.Count.PerElement()
            | "FlatReason" >> beam.MapTuple(lambda k, n: (k[0], k[1], n))
        )
        branches = raw_docs if isinstance(raw_docs, (tuple, list)) else (raw_docs,)
        records_read = (
            [b | f"OneRecordRead{n}" >> beam.Map(lambda _: 1) for n, b in enumerate(branches)]
            | "RecordsRead" >> beam.Flatten()
            | "CountRecordsRead" >> beam.CombineGlobally(sum)
        )
        return (
            articles.pipeline
            | "ManifestTrigger" >> beam.Create([None])
            | "WriteManifest"
            >> beam.ParDo(
                _WriteManifestFn(self.root, self.run_info, self.run_key),
                beam.pvalue.AsList(written),
                beam.pvalue.AsList(dead_counts),
                beam.pvalue.AsSingleton(records_read),
            )
        )
