"""Hostile-input corpus: every kind of broken input a backfill over years of crawled news meets.

Nothing here is a committed binary fixture: `write_corpus(folder)` builds every file from code, seeded, so the
corpus is the same on every machine. Each `Case` says how many records its files hold, how many should come out
as articles, and which dead-letter reasons are acceptable; `outcome_table` reads a run's output back and checks
that records in = articles out + dead letters for every kind.

`python -m tests.hostile` (or `make hostile`) builds the corpus in a temporary folder, runs the real backfill CLI
on it with the default limits and prints the table.
"""

from __future__ import annotations

import codecs
import dataclasses
import gzip
import json
import os
import pathlib
import random
import subprocess
import sys
import tempfile
import zlib

ROOT = pathlib.Path(__file__).resolve().parent.parent

MB = 1024 * 1024
ARTICLE = (
    "The harbour council approved the new flood defences on Tuesday after a long debate about funding. "
    "Residents said the sea wall had been patched for decades and that storms now reach the market square. "
)
ACCENTED = "Café owners in Münster said “prices” rose by 5 € — a blow for the crème brûlée trade. "
BOMB_CHUNK = 64 * MB  # one gzip member of zeros; members are repeated, so a GB-sized bomb costs ~50 ms to build


@dataclasses.dataclass(frozen=True)
class Case:
    """One kind of hostile input: its files, the records they hold, and what must come out of them."""

    kind: str
    files: tuple[str, ...]
    records: int
    articles: int  # exact number of articles expected from these files
    reasons: frozenset[str] = frozenset()  # acceptable "stage/reason" of its dead letters


def _gzip_bomb(expanded: int, fill: bytes = b"\0") -> bytes:
    """Concatenated gzip members of `fill` bytes that expand to at least `expanded` bytes."""
    member = gzip.compress(fill * BOMB_CHUNK, compresslevel=9)
    return member * max(1, -(-expanded // BOMB_CHUNK))


def _html(body: str, head: str = "") -> str:
    head = f"<head>{head}<title>Harbour vote</title></head>"
    return f"<!DOCTYPE html><html>{head}<body><article>{body}</article></body></html>"


def _paragraphs(text: str, n: int = 4) -> str:
    return "".join(f"<p>{text}</p>" for _ in range(n))


def _jsonl(lines: list[str | bytes]) -> bytes:
    return b"\n".join(line if isinstance(line, bytes) else line.encode("utf-8") for line in lines) + b"\n"


def _article_line(**fields) -> str:
    return json.dumps({"text": ARTICLE * 2, **fields}, ensure_ascii=True)


def write_corpus(folder: pathlib.Path, bomb_bytes: int = 3 * 1024 * MB, big_bytes: int = 20 * MB) -> list[Case]:
    """Writes every hostile input into `folder`; returns the cases. `bomb_bytes` is the gzip bombs' expansion."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(8)  # seeded: the same junk on every run, so doc_ids and outcomes are reproducible
    cases: list[Case] = []

    def add(kind: str, files: dict[str, bytes], records: int, articles: int, *reasons: str) -> None:
        for name, data in files.items():
            (folder / name).write_bytes(data)
        cases.append(Case(kind, tuple(files), records, articles, frozenset(reasons)))

    binary = "decode/binary_content"
    add("binary junk named .html", {"junk.html": rng.randbytes(64 * 1024)}, 1, 0, binary, "decode/undecodable")
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + zlib.compress(rng.randbytes(20_000))
    add("PNG image named .html", {"image.html": png}, 1, 0, binary)
    add("unsupported file type", {"report.pdf": b"%PDF-1.4\n" + rng.randbytes(2000)}, 1, 0, "read/unsupported_format")

    text = (ACCENTED + ARTICLE) * 3
    meta = '<meta http-equiv="Content-Type" content="text/html; charset={}">'
    add("cp1252 text, no charset", {"cp1252.txt": text.encode("cp1252")}, 1, 1)
    add(
        "cp1252 HTML, declared",
        {"cp1252-declared.html": _html(_paragraphs(text), meta.format("windows-1252")).encode("cp1252")},
        1,
        1,
    )
    latin = text.replace("“", '"').replace("”", '"').replace("€", "EUR").replace("—", "-")
    add("latin-1 text, no charset", {"latin1.txt": latin.encode("latin-1")}, 1, 1)
    add(
        "latin-1 HTML, declared",
        {"latin1-declared.html": _html(_paragraphs(latin), meta.format("iso-8859-1")).encode("latin-1")},
        1,
        1,
    )
    add("UTF-16 text with BOM", {"utf16-bom.txt": codecs.BOM_UTF16_LE + text.encode("utf-16-le")}, 1, 1)
    add("UTF-16 text, no BOM", {"utf16-nobom.txt": text.encode("utf-16-le")}, 1, 1)
    add(
        "UTF-16 HTML, declared, no BOM",
        {"utf16-declared.html": _html(_paragraphs(text), '<meta charset="utf-16">').encode("utf-16-be")},
        1,
        1,
    )
    add(
        "wrong charset declared",
        {"mislabelled.html": _html(_paragraphs(text), meta.format("utf-8")).encode("cp1252")},
        1,
        1,
    )

    page = _html(_paragraphs(ARTICLE, 6))
    add("truncated HTML", {"truncated.html": page[: len(page) // 2].encode("utf-8")}, 1, 1)
    add(
        "tag soup",
        {"soup.html": b"<<<>>><p <div></p>>>" * 50 + ARTICLE.encode() + b"<script>" * 100},
        1,
        1,
        "extract/no_main_text",
    )
    add(
        "truncated gzip",
        {"truncated.txt.gz": gzip.compress(rng.randbytes(20_000).hex().encode())[:5000]},
        1,
        0,
        "read/corrupt_compression",
    )
    add("not gzip at all, named .gz", {"fake.txt.gz": ARTICLE.encode()}, 1, 0, "read/corrupt_compression")
    add(
        "gzip bomb (.txt.gz)",
        {"bomb.txt.gz": _gzip_bomb(bomb_bytes)},
        1,
        0,
        "read/document_too_large",
        "read/decompression_limit",
    )
    add(
        "gzip bomb (.jsonl.gz, one endless line)",
        {"bomb.jsonl.gz": _gzip_bomb(bomb_bytes, b"a")},
        1,
        0,
        "read/decompression_limit",
    )
    big = (ARTICLE * (big_bytes // len(ARTICLE) + 1)).encode()
    add("20 MB article (.txt)", {"huge.txt": big}, 1, 0, "read/document_too_large")
    add(
        "20 MB article in JSONL",
        {
            "huge.jsonl": _jsonl(
                [_article_line(), json.dumps({"text": big.decode()}), _article_line(url="https://e.example/2")]
            )
        },
        3,
        2,
        "read/document_too_large",
    )
    depth = 100_000  # the issue's figure: far past libxml2's nesting limit and Python's recursion limit
    deep = "<html><body>" + "<div>" * depth + _paragraphs(ARTICLE) + "</div>" * depth + "</body></html>"
    add("HTML nested 100,000 deep", {"deep.html": deep.encode()}, 1, 0, "extract/no_main_text", "extract/extract_error")
    nested = "[" * depth + "]" * depth  # past Python's recursion limit for json.loads
    add(
        "JSON nested 100,000 deep (JSONL)",
        {"deep.jsonl": _jsonl([_article_line(), '{"text": "' + ARTICLE + '", "extra": ' + nested + "}"])},
        2,
        1,
        "read/invalid_json",
    )
    add(
        "JSON-LD nested 100,000 deep (HTML)",
        {
            "deep-jsonld.html": _html(
                _paragraphs(ARTICLE), f'<script type="application/ld+json">{nested}</script>'
            ).encode()
        },
        1,
        1,
    )
    add("empty file", {"empty.txt": b""}, 1, 0, "decode/empty_document")
    add("empty HTML file", {"empty.html": b""}, 1, 0, "decode/empty_document")
    add("whitespace only", {"blank.txt": b" \n\t\r\n   \n" * 100}, 1, 0, "decode/empty_document")
    add("HTML with no text", {"no-text.html": _html("<div><img src=x></div>").encode()}, 1, 0, "extract/no_main_text")

    broken = [
        _article_line(),
        "{broken json",
        "[1, 2, 3]",
        '"just a string"',
        "null",
        "42",
        json.dumps({"text": 123}),
        json.dumps({"text": ["a", "b"]}),
        json.dumps({"html": {"nested": True}}),
        json.dumps({"text": "   "}),
        json.dumps({"title": "no body"}),
        b"\xff\xfe\x00garbage\x80\x81",
        _article_line(authors=5, published=12345, url=["x"], title={"a": 1}, source=None, language=7),
        _article_line(published=True, authors=[None, 3, "Ann Lee"], syndicator=["AP"]),
        _article_line(title="\ud800 lone surrogate", source="Harbour \udfff Times"),
        json.dumps({"text": "Lone surrogate in the body \ud83d of the article. " * 20}),
        _article_line(title="NUL\x00inside", text=ARTICLE + "\x00" + ARTICLE),
        "   ",
        "",
    ]
    # The last two lines are blank: blank lines separate nothing and are not records.
    add(
        "JSONL: broken lines and wrong types",
        {"broken.jsonl": _jsonl(broken)},
        17,
        5,
        "read/invalid_json",
        "read/missing_body",
        "decode/binary_content",
    )

    dates = [
        "2026-02-30",
        "0000-00-00",
        "9999-12-31",
        "9999-12-31T23:59:59-05:00",
        "0001-01-01T00:00:00+14:00",
        "Fri, 31 Dec 9999 23:59:59 -0500",
        "2026-13-45T99:99:99Z",
        "-1",
        "1e400",
        "../../etc",
    ]
    add("impossible dates (JSONL)", {"dates.jsonl": _jsonl([_article_line(published=d) for d in dates])}, 10, 10)
    add(
        "impossible date in HTML meta",
        {
            "bad-date.html": _html(
                _paragraphs(ARTICLE), '<meta property="article:published_time" content="2026-02-30">'
            ).encode()
        },
        1,
        1,
    )
    escapes = [
        {"language": "../../etc", "source": "../../etc", "url": "../../etc/passwd"},
        {"language": "/", "source": "/", "title": "/", "syndicator": "/"},
        {"language": "en/../../x", "source": "a\x00b", "title": "\x00"},
        {
            "language": "x" * 5000,
            "source": "s" * 100_000,
            "title": "t" * 100_000,
            "url": "https://e.example/" + "p" * 10_000,
        },
        {"published": "2026-01-0" + "1" * 5000, "authors": ["../../" * 1000]},
        {"url": "file:///etc/passwd", "source": "C:\\Windows\\System32", "language": "..\\..\\"},
    ]
    add(
        "path-escaping metadata (JSONL)",
        {"escape.jsonl": _jsonl([_article_line(**fields) for fields in escapes])},
        6,
        6,
    )
    odd_name = "odd name #1 ü ..txt"  # spaces, '#', non-ASCII and dots in a file name
    add("odd file name", {odd_name: ARTICLE.encode()}, 1, 1)
    add("empty JSONL", {"empty.jsonl": b""}, 0, 0)
    return cases


@dataclasses.dataclass
class Outcome:
    kind: str
    records: int
    articles: int
    dead: int
    reasons: dict[str, int]
    problems: list[str]

    @property
    def lost(self) -> int:
        return self.records - self.articles - self.dead


def _file_of(uri: str) -> str:
    return os.path.basename(uri.partition("#line=")[0])


def outcome_table(cases: list[Case], out: pathlib.Path) -> list[Outcome]:
    """Per case: articles and dead letters found in the output, and every way it differs from the case."""
    import duckdb

    articles = duckdb.sql(
        f"SELECT input_uri FROM read_parquet('{out}/articles/**/*.parquet', hive_partitioning = true)"
    ).fetchall()
    dead = duckdb.sql(f"SELECT input_uri, stage, reason FROM read_parquet('{out}/dead_letter/*.parquet')").fetchall()
    table = []
    for case in cases:
        names = set(case.files)
        n_articles = sum(1 for (uri,) in articles if _file_of(uri) in names)
        reasons: dict[str, int] = {}
        for uri, stage, reason in dead:
            if _file_of(uri) in names:
                reasons[f"{stage}/{reason}"] = reasons.get(f"{stage}/{reason}", 0) + 1
        outcome = Outcome(case.kind, case.records, n_articles, sum(reasons.values()), reasons, [])
        if outcome.lost:
            outcome.problems.append(f"{outcome.lost} records lost or duplicated")
        if n_articles != case.articles:
            outcome.problems.append(f"expected {case.articles} articles")
        unexpected = set(reasons) - case.reasons
        if unexpected:
            outcome.problems.append(f"unexpected reasons {sorted(unexpected)}")
        table.append(outcome)
    return table


def format_table(table: list[Outcome]) -> str:
    rows = [("input kind", "records", "articles", "dead letters", "reason")]
    for o in table:
        reason = ", ".join(f"{r} x{n}" if n > 1 else r for r, n in sorted(o.reasons.items())) or "-"
        if o.problems:
            reason += "  <-- " + "; ".join(o.problems)
        rows.append((o.kind, str(o.records), str(o.articles), str(o.dead), reason))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = [
        f"{r[0]:<{widths[0]}}  {r[1]:>{widths[1]}}  {r[2]:>{widths[2]}}  {r[3]:>{widths[3]}}  {r[4]}" for r in rows
    ]
    total = (sum(o.records for o in table), sum(o.articles for o in table), sum(o.dead for o in table))
    lost = sum(abs(o.lost) for o in table)
    lines.append(f"{'TOTAL':<{widths[0]}}  {total[0]:>{widths[1]}}  {total[1]:>{widths[2]}}  {total[2]:>{widths[3]}}")
    lines.append(f"lost: {lost}   kinds with problems: {sum(1 for o in table if o.problems)}")
    return "\n".join(lines)


def run_backfill(inputs: pathlib.Path, out: pathlib.Path, *args: str, cwd: pathlib.Path = ROOT):
    cmd = [sys.executable, "-m", "pipelines.backfill", "--input", str(inputs), "--output", str(out), *args]
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=900, check=False)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="newsbeam-hostile-") as tmp:
        inputs, out = pathlib.Path(tmp) / "inputs", pathlib.Path(tmp) / "out"
        cases = write_corpus(inputs)
        proc = run_backfill(inputs, out)
        if proc.returncode != 0:
            print(proc.stderr[-5000:], file=sys.stderr)
            print(f"CRASH: the backfill exited with {proc.returncode}")
            return 1
        table = outcome_table(cases, out)
        print(format_table(table))
        manifest = json.loads((out / "_manifest.json").read_text())
        print(
            f"crashes: 0   manifest: records_in={manifest['records_in']} articles_out={manifest['articles_out']}"
            f" dead_letters={manifest['dead_letters']} balanced={manifest['balanced']}"
        )
        return 0 if manifest["balanced"] and not any(o.problems for o in table) else 1


if __name__ == "__main__":
    raise SystemExit(main())
