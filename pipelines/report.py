"""Run report: DIR/report.html, one static page with inline SVG charts of what a backfill produced.

python -m pipelines.report --output DIR    # (re)writes DIR/report.html; a backfill writes it at the end of each run

The numbers come from the run's `_manifest.json` (records in, dead letters by reason) and from one pass over the
Parquet files of the output folder, file by file, so memory stays bounded and `gs://` folders work too. The page
has no script and loads nothing: styles and charts are inline, and a Content-Security-Policy forbids the rest.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import html
import json
import pathlib
import re
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from apache_beam.io.filesystems import FileSystems

from schemas.tables import table

REPORT_NAME = "report.html"
TOP_BARS = 15  # bars per ranked chart; the rest is summed into one "other" bar
MAX_DAY_BARS = 92  # about a quarter of days; longer spans are shown per month so bars stay wider than a few pixels
LABEL_CHARS = 30  # about 200 px of 12 px text: fits the 230 px label column
NO_DATE = "no date"
# Articles per pyarrow pass. Each query has a fixed cost of milliseconds, which per file (hundreds of small
# partition files) made the report 13 % of a 1,000-doc run; a pass over 2,000 rows peaks ~60 MB lower than one
# over 5,000 (entities unnested), so memory stays flat however large the run.
BATCH_ROWS = 2_000
READERS = 8  # bucket files read at once: enough to hide per-file latency, few enough for a small machine
READ_AHEAD = 64  # files whose tables may wait in memory at once (report columns only: a few KB each)
_PARTITION = re.compile(r"/([A-Za-z_][A-Za-z0-9_]*)=([^/]+)(?=/)")
_HIVE_NULL = "__HIVE_DEFAULT_PARTITION__"


@dataclasses.dataclass
class Stats:
    """What one pass over the output found."""

    files: int = 0
    articles: int = 0
    per_day: Counter = dataclasses.field(default_factory=Counter)
    per_source: Counter = dataclasses.field(default_factory=Counter)
    per_language: Counter = dataclasses.field(default_factory=Counter)
    entity_articles: Counter = dataclasses.field(default_factory=Counter)  # entity key -> articles mentioning it
    entity_mentions: Counter = dataclasses.field(default_factory=Counter)
    entity_names: dict[str, tuple[str, str]] = dataclasses.field(default_factory=dict)  # key -> (name, label)
    clusters: dict[str, list] = dataclasses.field(default_factory=dict)  # id -> [copies seen, size, title]
    dead_letter_files: int = 0


def _files(output: str, table: str) -> list[str]:
    pattern = FileSystems.join(output.rstrip("/"), table, "**")
    paths = [m.path for result in FileSystems.match([pattern]) for m in result.metadata_list]
    return sorted(p for p in paths if p.endswith(".parquet") and not p.rsplit("/", 1)[-1].startswith((".", "_")))


def _partition_values(path: str) -> dict[str, str | None]:
    return {k: (None if v == _HIVE_NULL else v) for k, v in _PARTITION.findall(path)}


_FILE_COLUMNS = (
    "doc_id",
    "input_uri",
    "source",
    "title",
    "entities",
    "cluster_id",
    "cluster_size",
    "is_representative",
)


def _read_file(path: str) -> pa.Table:
    """The report's columns of one articles file; columns an older schema version lacks read as null."""
    with FileSystems.open(path) as f:
        parquet = pq.ParquetFile(f)
        present = set(parquet.schema_arrow.names)
        t = parquet.read(columns=[c for c in _FILE_COLUMNS if c in present])
    schema = table("articles").schema
    for missing in sorted(set(_FILE_COLUMNS) - present):
        t = t.append_column(missing, pa.nulls(t.num_rows, schema.field(missing).type))
    return t.select(list(_FILE_COLUMNS))


def _sources(t: pa.Table) -> pa.Table:
    source = pc.fill_null(t["source"], "(unknown)")
    return (
        pa.table({"source": source}).group_by("source").aggregate([([], "count_all")]).select(["source", "count_all"])
    )


def _entities(t: pa.Table) -> pa.Table:
    """Per entity (its id, else its name): a name, a label, the articles and the mentions."""
    mentions = pc.list_flatten(t["entities"])
    doc_ids = t["doc_id"].take(pc.list_parent_indices(t["entities"]))
    names = pc.struct_field(mentions, "name")
    flat = pa.table(
        {
            "key": pc.coalesce(pc.struct_field(mentions, "entity_id"), names),
            "name": names,
            "label": pc.struct_field(mentions, "label"),
            "doc_id": doc_ids,
        }
    ).filter(pc.is_valid(names))
    grouped = flat.group_by("key", use_threads=False).aggregate(
        [("name", "first"), ("label", "first"), ("doc_id", "count_distinct"), ([], "count_all")]
    )
    return grouped.select(["key", "name_first", "label_first", "doc_id_count_distinct", "count_all"])


def _clusters(t: pa.Table) -> pa.Table:
    """Per cluster of two or more: copies seen, its size and a title, the representative's where it has one."""
    copies = t.filter(pc.greater(t["cluster_size"], 1))
    file_name = pc.replace_substring_regex(copies["input_uri"], pattern=".*/", replacement="")
    label = pc.coalesce(copies["title"], copies["source"], file_name)
    ordered = (
        copies.select(["cluster_id", "cluster_size", "title"])
        .append_column("label", label)
        .append_column("representative", pc.fill_null(copies["is_representative"], False))
        .append_column("untitled", pc.is_null(copies["title"]))
        .sort_by([("representative", "descending"), ("untitled", "ascending"), ("title", "ascending")])
    )
    grouped = ordered.group_by("cluster_id", use_threads=False).aggregate(
        [([], "count_all"), ("cluster_size", "max"), ("label", "first")]
    )
    return grouped.select(["cluster_id", "count_all", "cluster_size_max", "label_first"])


def _add_batch(stats: Stats, tables: list[pa.Table]) -> None:
    """Sources, entities and clusters of a batch of files, one pyarrow pass each."""
    t = pa.concat_tables(tables, promote_options="permissive")
    for source, n in zip(*_sources(t).to_pydict().values(), strict=True):
        stats.per_source[source] += n
    for key, name, label, articles, mentions in zip(*_entities(t).to_pydict().values(), strict=True):
        stats.entity_articles[key] += articles
        stats.entity_mentions[key] += mentions
        stats.entity_names.setdefault(key, (name, label or ""))
    for cluster_id, copies, size, title in zip(*_clusters(t).to_pydict().values(), strict=True):
        entry = stats.clusters.setdefault(cluster_id, [0, 0, None])
        entry[0] += copies
        entry[1] = max(entry[1], size or 0)
        entry[2] = entry[2] or title


def _read_files(paths: list[str]) -> Iterator[tuple[str, pa.Table]]:
    """Each path with its table, in order. Bucket files are read READERS at a time (a gs:// read is mostly
    waiting), READ_AHEAD at most held; local files one after the other (threads only added CPU there)."""
    if not any("://" in p for p in paths):
        yield from ((p, _read_file(p)) for p in paths)
        return
    with ThreadPoolExecutor(READERS) as pool:
        for start in range(0, len(paths), READ_AHEAD):
            chunk = paths[start : start + READ_AHEAD]
            yield from zip(chunk, pool.map(_read_file, chunk), strict=True)


def collect(output: str) -> Stats:
    """One pass over DIR/articles/ (in batches of files) and a count of DIR/dead_letter/ files."""
    stats = Stats()
    batch: list[pa.Table] = []
    rows = 0
    for path, t in _read_files(_files(output, "articles")):
        parts = _partition_values(path)
        stats.files += 1
        stats.articles += t.num_rows
        stats.per_day[parts.get("published_date") or NO_DATE] += t.num_rows
        stats.per_language[parts.get("language") or "und"] += t.num_rows
        batch.append(t)
        rows += t.num_rows
        if rows >= BATCH_ROWS:
            _add_batch(stats, batch)
            batch, rows = [], 0
    if batch:
        _add_batch(stats, batch)
    stats.dead_letter_files = len(_files(output, "dead_letter"))
    return stats


# ---- charts: plain inline SVG, no script ----

PALETTE = ("#2563eb", "#059669", "#d97706", "#dc2626", "#7c3aed", "#0891b2")
OTHER_COLOR = "#9ca3af"  # grey: the summed tail is not one item


def _esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _short(label: str, limit: int = LABEL_CHARS) -> str:
    label = " ".join(str(label).split())
    return label if len(label) <= limit else label[: limit - 1] + "…"


def ranked(counter: Counter | dict, top: int = TOP_BARS, other: bool = True) -> list[tuple[str, int]]:
    """Largest first (ties by label); the tail summed into one 'other (N)' bar, or left out."""
    items = sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0])))
    if len(items) <= top or not other:
        return [(str(k), v) for k, v in items[:top]]
    rest = items[top - 1 :]
    return [(str(k), v) for k, v in items[: top - 1]] + [(f"other ({len(rest)})", sum(v for _, v in rest))]


def hbar_chart(chart_id: str, title: str, items: list[tuple[str, int]], color: str = PALETTE[0]) -> str:
    """Horizontal bars: a label column, a bar per item scaled to the largest, the value at the bar's end."""
    if not items:
        return _empty(chart_id, title)
    label_w, bar_w, row_h, pad = 230, 230, 24, 8  # px: label column, longest bar, row pitch; two charts a row
    width, height = label_w + bar_w + 60, pad * 2 + row_h * len(items)
    top = max(v for _, v in items) or 1
    rows = []
    for i, (label, value) in enumerate(items):
        y = pad + i * row_h
        w = max(1.0, bar_w * value / top)  # a zero still shows a hairline
        fill = OTHER_COLOR if label.startswith("other (") else color
        rows.append(
            f'<g class="row"><title>{_esc(label)}: {value}</title>'
            f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end" class="label">{_esc(_short(label))}</text>'
            f'<rect class="bar" x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" fill="{fill}"/>'
            f'<text x="{label_w + w + 6:.1f}" y="{y + 16}" class="value">{value}</text></g>'
        )
    return _figure(chart_id, title, width, height, "".join(rows))


def column_chart(chart_id: str, title: str, items: list[tuple[str, int]], color: str = PALETTE[0]) -> str:
    """Vertical bars in item order (a time axis), with a value axis and at most ~12 x labels."""
    if not items:
        return _empty(chart_id, title)
    left, plot_h, bottom, top_pad = 48, 220, 70, 14  # px: axis gutter, plot height, label band, headroom
    col_w = max(6, min(40, 840 // len(items)))  # wide bars for a few days, at least 6 px for many
    width, height = max(420, left + col_w * len(items) + 20), top_pad + plot_h + bottom  # 420: as wide as a card
    peak = max(v for _, v in items) or 1
    every = max(1, len(items) // 12)  # ~12 x labels, so they never overlap
    parts = [
        f'<line x1="{left}" y1="{top_pad + plot_h}" x2="{width - 10}" y2="{top_pad + plot_h}" class="axis"/>',
        f'<text x="{left - 6}" y="{top_pad + 4}" text-anchor="end" class="value">{peak}</text>',
        f'<text x="{left - 6}" y="{top_pad + plot_h}" text-anchor="end" class="value">0</text>',
    ]
    for i, (label, value) in enumerate(items):
        h = max(1.0, plot_h * value / peak)
        x = left + i * col_w
        parts.append(
            f'<g class="row"><title>{_esc(label)}: {value}</title>'
            f'<rect class="bar" x="{x + 1}" y="{top_pad + plot_h - h:.1f}" width="{col_w - 2}" height="{h:.1f}"'
            f' fill="{color}"/></g>'
        )
        if i % every == 0:
            lx, ly = x + col_w / 2, top_pad + plot_h + 10
            parts.append(
                f'<text x="{lx:.1f}" y="{ly}" transform="rotate(45 {lx:.1f} {ly})" class="label">'
                f"{_esc(_short(label, 12))}</text>"
            )
    return _figure(chart_id, title, width, height, "".join(parts))


def _figure(chart_id: str, title: str, width: int, height: int, body: str) -> str:
    return (
        f'<figure class="chart" id="{_esc(chart_id)}"><figcaption>{_esc(title)}</figcaption>'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}"'
        f' role="img" aria-label="{_esc(title)}">{body}</svg></figure>'
    )


def _empty(chart_id: str, title: str) -> str:
    return (
        f'<figure class="chart empty" id="{_esc(chart_id)}"><figcaption>{_esc(title)}</figcaption>'
        f'<p class="none">none</p></figure>'
    )


def days_series(per_day: Counter) -> tuple[str, list[tuple[str, int]]]:
    """Articles per day in date order (undated last); per month when the span is too long for day bars."""
    dated = {k: v for k, v in per_day.items() if k != NO_DATE}
    undated = [(NO_DATE, per_day[NO_DATE])] if per_day.get(NO_DATE) else []
    if len(dated) <= MAX_DAY_BARS:
        return "day", sorted(dated.items()) + undated
    months: Counter = Counter()
    for day, n in dated.items():
        months[day[:7]] += n
    return "month", sorted(months.items()) + undated


def cluster_size_histogram(clusters: dict[str, list]) -> list[tuple[str, int]]:
    sizes = Counter(entry[1] for entry in clusters.values())
    return [(f"{size} copies", n) for size, n in sorted(sizes.items())]


# ---- the page ----

STYLE = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;max-width:1180px;
color:#111827;background:#f9fafb;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}.sub{color:#4b5563;margin:0 0 16px}
.cards{display:flex;flex-wrap:wrap;gap:12px}.card{background:#fff;border:1px solid #e5e7eb;border-radius:8px;
padding:10px 16px;min-width:140px}.card b{display:block;font-size:22px}.card.bad b{color:#dc2626}
.card.ok b{color:#059669}.grid{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
figure.chart{background:#fff;border:1px solid #e5e7eb;border-radius:8px;margin:0;padding:10px 12px;overflow-x:auto}
figcaption{font-weight:600;margin-bottom:6px}svg text{font-size:12px;fill:#374151}svg .value{fill:#6b7280}
svg .axis{stroke:#9ca3af}.none{color:#6b7280;margin:4px 0}table{border-collapse:collapse;background:#fff}
td,th{border:1px solid #e5e7eb;padding:4px 8px;text-align:left;font-size:13px}td.n{text-align:right}
code{font-size:12px}details{margin-top:24px}summary{cursor:pointer}
"""
# No script, no external anything: the page is data, so a title like "<script>" in the input stays text.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _card(label: str, value: Any, kind: str = "") -> str:
    return f'<div class="card {kind}"><span>{_esc(label)}</span><b>{_esc(value)}</b></div>'


def _table(header: tuple[str, ...], rows: list[tuple]) -> str:
    head = "".join(f"<th>{_esc(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f'<td class="{"n" if isinstance(v, int) else ""}">{_esc(v)}</td>' for v in row) + "</tr>"
        for row in rows
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def render(manifest: dict[str, Any], stats: Stats, counters: dict[str, int] | None = None) -> str:
    """The whole page as one string."""
    unit, days = days_series(stats.per_day)
    entities = ranked(stats.entity_articles, other=False)
    entity_items = [
        (f"{stats.entity_names[k][0]} ({stats.entity_names[k][1]})" if k in stats.entity_names else k, v)
        for k, v in entities
    ]
    biggest = sorted(stats.clusters.items(), key=lambda kv: (-kv[1][1], kv[0]))[:TOP_BARS]
    cluster_items = [(f"{entry[2] or 'untitled'} · {cid[:8]}", entry[1]) for cid, entry in biggest]
    in_clusters = sum(entry[1] for entry in stats.clusters.values())
    dead = manifest.get("dead_letters_by_reason", {})
    balanced = manifest.get("balanced")
    charts = [
        column_chart("chart-days", f"Articles per {unit}", days, PALETTE[0]),
        hbar_chart("chart-sources", "Articles per source", ranked(stats.per_source), PALETTE[1]),
        hbar_chart("chart-languages", "Articles per language", ranked(stats.per_language), PALETTE[4]),
        hbar_chart("chart-dead", "Dead letters by stage/reason (this run)", ranked(dead), PALETTE[3]),
        hbar_chart(
            "chart-entities",
            f"Top entities: articles mentioning them ({len(entity_items)} of {len(stats.entity_articles)})",
            entity_items,
            PALETTE[2],
        ),
        hbar_chart(
            "chart-clusters",
            f"Largest duplicate clusters: copies ({len(cluster_items)} of {len(stats.clusters)})",
            cluster_items,
            PALETTE[5],
        ),
        hbar_chart("chart-cluster-sizes", "Duplicate clusters by size", cluster_size_histogram(stats.clusters)),
    ]
    generated = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    inputs = ", ".join(manifest.get("inputs", [])) or "?"
    cards = [
        _card("records in", manifest.get("records_in", "?")),
        _card("articles out", manifest.get("articles_out", "?")),
        _card("dead letters", manifest.get("dead_letters", "?"), "bad" if manifest.get("dead_letters") else ""),
        _card("in = out + dead", "yes" if balanced else "NO", "ok" if balanced else "bad"),
        _card("articles in folder", stats.articles),
        _card("duplicate clusters", f"{len(stats.clusters)} ({in_clusters} articles)"),
        _card("distinct entities", len(stats.entity_articles)),
    ]
    counter_rows = sorted((counters or {}).items())
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>newsbeam run report</title><style>{STYLE}</style></head><body>",
        "<h1>newsbeam run report</h1>",
        f'<p class="sub">{_esc(manifest.get("job", "run"))} {_esc(manifest.get("run_key", ""))} · schema '
        f"{_esc(manifest.get('schema_version', '?'))} · generated {generated} · inputs: {_esc(inputs)}</p>",
        f'<div class="cards">{"".join(cards)}</div>',
        "<h2>Articles</h2>",
        f'<div class="grid">{"".join(charts[:3])}</div>',
        "<h2>Dead letters</h2>",
        f'<div class="grid">{charts[3]}</div>',
        "<h2>Entities and duplicates</h2>",
        f'<div class="grid">{"".join(charts[4:])}</div>',
        "<h2>Rows per partition (this run)</h2>",
        _table(("partition", "rows"), list(manifest.get("rows_per_partition", {}).items())),
    ]
    if counter_rows:
        parts += [
            f"<details><summary><b>Step counters</b> ({len(counter_rows)})</summary>",
            _table(("counter", "value"), counter_rows),
            "</details>",
        ]
    parts += [
        f'<p class="sub">Charts count every article file under the output folder ({stats.files} files); '
        "the cards and tables above marked “this run” come from _manifest.json.</p>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def report_path(output: str) -> str:
    return FileSystems.join(output.rstrip("/"), REPORT_NAME)


def write_report(output: str, manifest: dict[str, Any], counters: dict[str, int] | None = None) -> str:
    """Collects, renders and writes DIR/report.html; returns its path."""
    page = render(manifest, collect(output), counters).encode("utf-8")
    path = report_path(output)
    with FileSystems.create(path, mime_type="text/html") as f:
        f.write(page)
    return path


def link(path: str) -> str:
    """A clickable link in a terminal: file:// for a local path, the gs:// URI as is."""
    if "://" in path:
        return path
    return pathlib.Path(path).resolve().as_uri()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", required=True, help="Output folder of a backfill run")
    args = parser.parse_args(argv)
    with FileSystems.open(FileSystems.join(args.output.rstrip("/"), "_manifest.json")) as f:
        manifest = json.loads(f.read())
    print(f"report: {link(write_report(args.output, manifest))}")


if __name__ == "__main__":
    main()
