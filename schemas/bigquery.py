"""BigQuery DDL for external tables over the output partitions, generated from the pyarrow schemas.

python -m schemas.bigquery --uri gs://bucket/prefix [--dataset newsbeam]

One `CREATE EXTERNAL TABLE` per table in `schemas.tables` (articles, dead letters, and any table added later).
Partition columns come from the Hive folder names (`WITH PARTITION COLUMNS`), the rest from the Parquet files.
"""

from __future__ import annotations

import argparse
import re

import pyarrow as pa

from schemas.tables import Table, tables

PARQUET_SUFFIX = ".parquet"  # every finished file of transforms/write.py and stream_write.py ends so
_PLAIN_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*){0,2}$")


def quote(name: str) -> str:
    """A backquoted identifier: some column names (`end`, `text`) are reserved words in GoogleSQL."""
    if "`" in name or "\\" in name:
        raise ValueError(f"identifier not allowed: {name!r}")
    return f"`{name}`"


def bigquery_type(t: pa.DataType) -> str:
    """The GoogleSQL type that reads a Parquet column written with this pyarrow type."""
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        return "STRING"
    if pa.types.is_binary(t) or pa.types.is_large_binary(t) or pa.types.is_fixed_size_binary(t):
        return "BYTES"
    if pa.types.is_boolean(t):
        return "BOOL"
    if pa.types.is_integer(t):
        if pa.types.is_uint64(t):
            raise ValueError("uint64 does not fit INT64")
        return "INT64"
    if pa.types.is_floating(t):
        return "FLOAT64"
    if pa.types.is_decimal(t):
        # NUMERIC holds precision 38 with scale 9; wider decimals need BIGNUMERIC
        return "NUMERIC" if t.precision - t.scale <= 29 and t.scale <= 9 else "BIGNUMERIC"
    if pa.types.is_date(t):
        return "DATE"
    if pa.types.is_timestamp(t):
        # with a zone, the instant (TIMESTAMP); without one, a wall-clock value (DATETIME)
        return "TIMESTAMP" if t.tz else "DATETIME"
    if pa.types.is_time(t):
        return "TIME"
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        if pa.types.is_list(t.value_type) or pa.types.is_large_list(t.value_type):
            raise ValueError("BigQuery has no ARRAY of ARRAY; wrap the inner list in a struct")
        return f"ARRAY<{bigquery_type(t.value_type)}>"
    if pa.types.is_struct(t):
        inner = ", ".join(f"{quote(f.name)} {bigquery_type(f.type)}" for f in t)
        return f"STRUCT<{inner}>"
    raise ValueError(f"no BigQuery type for {t}")


def column_list(schema: pa.Schema, indent: str = "  ") -> str:
    return ",\n".join(f"{indent}{quote(f.name)} {bigquery_type(f.type)}" for f in schema)


def _string(value: str) -> str:
    if "'" in value or "\\" in value or "\n" in value:
        raise ValueError(f"not allowed in a URI: {value!r}")
    return f"'{value}'"


def table_uri_pattern(prefix: str) -> str:
    """Finished Parquet files only: BigQuery's one `*` spans folders (the Hive partition folders too), and the
    `.parquet` suffix leaves out the writer's in-progress files (`.part-....parquet.inprogress`), which a bare
    `prefix/*` would read half-written, or left behind by a killed run."""
    return f"{prefix}/*{PARQUET_SUFFIX}"


def table_ddl(table: Table, uri: str, dataset: str) -> str:
    """`CREATE EXTERNAL TABLE` for one table whose files live under URI/<table name>/."""
    if not _PLAIN_NAME.match(dataset):
        raise ValueError(f"dataset must be [project.]dataset: {dataset!r}")
    prefix = f"{uri.rstrip('/')}/{table.name}"
    options = [
        "format = 'PARQUET'",
        f"uris = [{_string(table_uri_pattern(prefix))}]",
        # Parquet LIST columns read as ARRAY<T> instead of STRUCT<list ARRAY<STRUCT<element T>>>
        "enable_list_inference = TRUE",
    ]
    lines = [
        f"CREATE OR REPLACE EXTERNAL TABLE {quote(f'{dataset}.{table.name}')}",
        "(",
        column_list(table.file_schema),
    ]
    lines.append(")")
    if table.partition_columns:
        lines += ["WITH PARTITION COLUMNS", "(", column_list(table.partition_schema), ")"]
        options.append(f"hive_partition_uri_prefix = {_string(prefix)}")
    lines += ["OPTIONS (", ",\n".join(f"  {o}" for o in options), ");"]
    return "\n".join(lines)


def ddl(uri: str, dataset: str = "newsbeam") -> str:
    """The DDL of every table, separated by blank lines."""
    if not uri.startswith("gs://") or len(uri.rstrip("/")) <= len("gs://"):
        raise ValueError(f"--uri must be a gs:// bucket or folder: {uri!r}")
    return "\n\n".join(table_ddl(t, uri, dataset) for t in tables()) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--uri", required=True, help="gs:// folder a backfill wrote to (its --output)")
    parser.add_argument("--dataset", default="newsbeam", help="BigQuery [project.]dataset to create the tables in")
    args = parser.parse_args(argv)
    try:
        print(ddl(args.uri, args.dataset), end="")
    except ValueError as e:
        parser.error(str(e))


if __name__ == "__main__":
    main()
