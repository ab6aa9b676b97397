"""Queries over a local output folder with DuckDB: `python -m pipelines.query --output out`."""

from __future__ import annotations

import argparse
import os

import duckdb

ARTICLES_PER_DAY = """
SELECT published_date, language, count(*) AS articles, count(DISTINCT source) AS sources,
       sum(len(entities)) AS entity_mentions
FROM read_parquet('{articles}', hive_partitioning = true)
GROUP BY ALL ORDER BY published_date NULLS LAST, language
"""


def articles_glob(output: str) -> str:
    return os.path.join(output, "articles", "**", "*.parquet")


def articles_per_day(output: str) -> tuple[list[str], list[tuple]]:
    relation = duckdb.sql(ARTICLES_PER_DAY.format(articles=articles_glob(output)))
    return relation.columns, relation.fetchall()


def print_table(columns: list[str], rows: list[tuple]) -> None:
    cells = [[str(c) for c in columns]] + [["" if v is None else str(v) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(columns))]
    for n, row in enumerate(cells):
        print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)))
        if n == 0:
            print("  ".join("-" * w for w in widths))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", required=True, help="Output folder of a backfill run")
    args = parser.parse_args(argv)
    print("\n== DuckDB: articles per day and language ==")
    print_table(*articles_per_day(args.output))


if __name__ == "__main__":
    main()
