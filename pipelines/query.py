"""Ready queries over a local output folder with DuckDB.

python -m pipelines.query --output out                   # articles per day and language
python -m pipelines.query --output out --query all       # every ready query (`make query`)
python -m pipelines.query --output out --query sql       # print the SQL instead of running it

Every query reads with `union_by_name = true`, so files written by older schema versions read their
missing columns as null.
"""

from __future__ import annotations

import argparse
import os

import duckdb

TOP_ENTITIES_PER_DAY = 5  # a screenful per day; raise it in your own copy of the SQL

# Name -> (title, SQL). {articles} and {dead_letter} are replaced by read_parquet(...) over the output folder.
QUERIES: dict[str, tuple[str, str]] = {
    "articles_per_day": (
        "articles per day and language",
        """
SELECT published_date, language, count(*) AS articles, count(DISTINCT source) AS sources,
       sum(len(entities)) AS entity_mentions
FROM {articles}
GROUP BY ALL ORDER BY published_date NULLS LAST, language
""",
    ),
    "articles_per_day_and_source": (
        "articles per day and source (unique stories = one per duplicate cluster)",
        """
SELECT published_date, coalesce(source, '(unknown)') AS source, count(*) AS articles,
       count(DISTINCT coalesce(cluster_id, doc_id)) AS unique_stories
FROM {articles}
GROUP BY ALL ORDER BY published_date NULLS LAST, articles DESC, source
""",
    ),
    "top_entities_per_day": (
        f"top {TOP_ENTITIES_PER_DAY} entities per day (by articles mentioning them)",
        """
WITH mentions AS (
  SELECT published_date, doc_id, e.entity_id AS entity_id, e.name AS name, e.label AS label
  FROM {articles}, unnest(entities) AS t(e)
)
SELECT published_date, any_value(name) AS entity, any_value(label) AS label,
       count(DISTINCT doc_id) AS articles, count(*) AS mentions
FROM mentions
GROUP BY published_date, coalesce(entity_id, name)
QUALIFY row_number() OVER (PARTITION BY published_date ORDER BY count(DISTINCT doc_id) DESC, count(*) DESC,
                                                       any_value(name)) <= {top}
ORDER BY published_date NULLS LAST, articles DESC, mentions DESC, entity
""",
    ),
    "languages": (
        "languages",
        """
SELECT language, count(*) AS articles, round(avg(language_score), 3) AS avg_score,
       round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS percent
FROM {articles}
GROUP BY ALL ORDER BY articles DESC, language
""",
    ),
    "syndicated_clusters": (
        "syndicated clusters (copies of one story) and their sizes",
        """
SELECT cluster_id, count(*) AS copies, max(cluster_size) AS cluster_size,
       string_agg(DISTINCT coalesce(source, '(unknown)'), ', ' ORDER BY coalesce(source, '(unknown)')) AS sources,
       string_agg(DISTINCT syndicator, ', ' ORDER BY syndicator) AS syndicators,
       min(published_date) AS first_day,
       any_value(title ORDER BY is_representative DESC NULLS LAST, doc_id) AS title
FROM {articles}
WHERE cluster_id IS NOT NULL
GROUP BY cluster_id HAVING count(*) > 1
ORDER BY copies DESC, first_day NULLS LAST, cluster_id
""",
    ),
    "dead_letters_by_reason": (
        "dead letters by stage and reason",
        """
SELECT stage, reason, count(*) AS records, any_value(input_uri ORDER BY input_uri) AS example
FROM {dead_letter}
GROUP BY ALL ORDER BY records DESC, stage, reason
""",
    ),
}
DEFAULT_QUERY = "articles_per_day"


def table_glob(output: str, table: str) -> str:
    return os.path.join(output, table, "**", "*.parquet")


def articles_glob(output: str) -> str:
    return table_glob(output, "articles")


def reader(output: str, table: str) -> str:
    """read_parquet(...) over one table; hive partitions from the path; older files' missing columns as null."""
    path = table_glob(output, table).replace("'", "''")
    return f"read_parquet('{path}', hive_partitioning = true, union_by_name = true)"


def sql_of(name: str, output: str) -> str:
    _, sql = QUERIES[name]
    return sql.format(
        articles=reader(output, "articles"), dead_letter=reader(output, "dead_letter"), top=TOP_ENTITIES_PER_DAY
    ).strip()


def _has_files(output: str, table: str) -> bool:
    folder = os.path.join(output, table)
    return any(f.endswith(".parquet") and not f.startswith(".") for _, _, fs in os.walk(folder) for f in fs)


def run_query(name: str, output: str, con: duckdb.DuckDBPyConnection | None = None) -> tuple[list[str], list[tuple]]:
    """Runs one ready query; a table with no files yet (no dead letters, say) gives no rows."""
    table = "dead_letter" if "{dead_letter}" in QUERIES[name][1] else "articles"
    if not _has_files(output, table):
        return [], []
    relation = (con or duckdb).sql(sql_of(name, output))
    return relation.columns, relation.fetchall()


def articles_per_day(output: str) -> tuple[list[str], list[tuple]]:
    return run_query("articles_per_day", output)


def print_table(columns: list[str], rows: list[tuple]) -> None:
    if not columns:
        print("(no files)")
        return
    cells = [[str(c) for c in columns]] + [["NULL" if v is None else str(v) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(columns))]
    for n, row in enumerate(cells):
        print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
    print(f"({len(rows)} rows)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", required=True, help="Output folder of a backfill run")
    parser.add_argument(
        "--query",
        action="append",
        choices=[*QUERIES, "all"],
        help=f"Which ready query to run (repeatable; default {DEFAULT_QUERY}; 'all' runs every one)",
    )
    parser.add_argument("--sql", action="store_true", help="Print the SQL of the chosen queries instead of running")
    args = parser.parse_args(argv)
    names = args.query or [DEFAULT_QUERY]
    if "all" in names:
        names = list(QUERIES)
    if not os.path.isdir(args.output):
        parser.error(f"no output folder {args.output!r}: run `make run` or a backfill first")
    con = duckdb.connect()
    for name in names:
        print(f"\n== DuckDB: {QUERIES[name][0]} [{name}] ==")
        if args.sql:
            print(sql_of(name, args.output) + ";")
        else:
            print_table(*run_query(name, args.output, con))


if __name__ == "__main__":
    main()
