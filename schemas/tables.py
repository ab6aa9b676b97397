"""Registry of the output tables, found in the `schemas` package.

Every pyarrow schema the package exports, or one of its modules defines, with a `newsbeam.table` metadata key is
a table: its name is that key, its folder is `DIR/<name>/`, and its Hive partition columns are the
`PARTITION_COLUMNS` it holds (in path order), unless its metadata names them in `newsbeam.partition_columns`
(comma-separated, empty for none). So a new table schema shows up in the BigQuery DDL and the readers without
touching this module.
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil

import pyarrow as pa
import pyarrow.dataset as ds

TABLE_KEY = b"newsbeam.table"
PARTITIONS_KEY = b"newsbeam.partition_columns"


@dataclasses.dataclass(frozen=True)
class Table:
    """One output table: its name (= folder), full schema (partition columns included) and partition columns."""

    name: str
    schema: pa.Schema
    partition_columns: tuple[str, ...]

    @property
    def file_schema(self) -> pa.Schema:
        """The columns stored inside each Parquet file (partition columns live in the path)."""
        keep = [f for f in self.schema if f.name not in self.partition_columns]
        return pa.schema(keep, metadata=self.schema.metadata)

    @property
    def partition_schema(self) -> pa.Schema:
        return pa.schema([self.schema.field(c) for c in self.partition_columns])


def _partition_columns(schema: pa.Schema, default: tuple[str, ...]) -> tuple[str, ...]:
    meta = schema.metadata or {}
    if PARTITIONS_KEY in meta:
        return tuple(c.strip() for c in meta[PARTITIONS_KEY].decode().split(",") if c.strip())
    return tuple(c for c in default if c in schema.names)


def _candidates():
    """Schemas the package exports (in export order), then those of each of its modules (by module name)."""
    import schemas

    for attr in getattr(schemas, "__all__", dir(schemas)):
        yield getattr(schemas, attr, None)
    for module in sorted(m.name for m in pkgutil.iter_modules(schemas.__path__)):
        yield from vars(importlib.import_module(f"schemas.{module}")).values()


def tables() -> list[Table]:
    """Every table schema of the `schemas` package, one entry per table name (articles first)."""
    from schemas.articles import PARTITION_COLUMNS

    found: dict[str, Table] = {}
    for schema in _candidates():
        if not isinstance(schema, pa.Schema) or TABLE_KEY not in (schema.metadata or {}):
            continue
        name = schema.metadata[TABLE_KEY].decode()
        found.setdefault(name, Table(name, schema, _partition_columns(schema, PARTITION_COLUMNS)))
    return list(found.values())


def table(name: str) -> Table:
    for t in tables():
        if t.name == name:
            return t
    raise KeyError(f"no table {name!r}; known: {', '.join(t.name for t in tables())}")


def dataset(root: str, name: str = "articles", filesystem=None) -> ds.Dataset:
    """Reads DIR/<name>/ with the CURRENT schema: files written by an older schema version read added columns as null.

    Without the explicit schema, pyarrow takes the schema of one file, so a mix of versions could drop columns.
    """
    t = table(name)
    partitioning = ds.partitioning(t.partition_schema, flavor="hive") if t.partition_columns else None
    path = f"{root.rstrip('/')}/{name}"
    return ds.dataset(
        path,
        schema=t.schema,
        format="parquet",
        partitioning=partitioning,
        filesystem=filesystem,
        exclude_invalid_files=False,
        ignore_prefixes=[".", "_"],  # in-progress files are hidden (".part-...") until renamed
    )
