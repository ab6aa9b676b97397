"""Real pages: newsbeam (extract + clean) against bare trafilatura on archived web pages with expected text.

python -m evaluation.realworld SDIST [--details]

SDIST is the trafilatura 1.0.0 source archive (`make eval-realworld` downloads it, pinned by sha256, into
.cache/realworld). It holds 110 real pages (tests/cache/*.html: news sites such as reuters.com, spiegel.de,
zeit.de, dw.com, theguardian.com, vancouversun.com, plus blogs and shops) and `tests/realworld_tests.py`, whose
assertions `'X' in result` / `'Y' not in result` after `load_mock_page(URL)` name text that must be kept or
dropped. They become must_keep / must_drop snippets, scored like the gold pages (`evaluation.scoring.snippet_f1`).

The archive is read in memory and never extracted or imported; only the assertion source is parsed (with `ast`).
The expectations were written by trafilatura's authors for trafilatura with its defaults, which keep reader
comments and tables; newsbeam drops comments on purpose (a news archive keeps the article, not the thread), so
the table also scores bare trafilatura with comments and tables off, and newsbeam's extraction before cleaning:
the last comparison answers whether our cleaning ever lowers F1 on real pages.
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import re
import sys
import tarfile

import trafilatura

from evaluation.scoring import f1, snippet_f1
from transforms.boilerplate_learned import default_model
from transforms.clean import apply_rules
from transforms.decode import decode_bytes
from transforms.extract import CONFIG, extract_html

TESTS = "tests/realworld_tests.py"
PAGES = "tests/cache/"
MAX_MEMBER_BYTES = 20_000_000  # the largest archived page is a few MB; bounds what one member may cost


@dataclasses.dataclass
class Page:
    url: str
    file: str
    keep: list[str] = dataclasses.field(default_factory=list)
    drop: list[str] = dataclasses.field(default_factory=list)


def _snippets(test: ast.expr, page: Page) -> None:
    """Adds the `'X' in result` / `'X' not in result` parts of an assertion to the page."""
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        for value in test.values:
            _snippets(value, page)
    elif isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.left, ast.Constant):
        right = test.comparators[0]
        if isinstance(right, ast.Name) and right.id == "result" and isinstance(test.left.value, str):
            if isinstance(test.ops[0], ast.In):
                page.keep.append(test.left.value)
            elif isinstance(test.ops[0], ast.NotIn):
                page.drop.append(test.left.value)


def _text_output_branch(test: ast.expr) -> bool | None:
    """True/False for `if xmloutput is False/True:` style branches (our output is text), None for others."""
    if isinstance(test, ast.Compare) and isinstance(test.left, ast.Name) and test.left.id == "xmloutput":
        value = getattr(test.comparators[0], "value", None)
        if isinstance(test.ops[0], ast.Is | ast.Eq):
            return value is False
        if isinstance(test.ops[0], ast.IsNot | ast.NotEq):
            return value is True
    if (
        isinstance(test, ast.UnaryOp)
        and isinstance(test.op, ast.Not)
        and getattr(test.operand, "id", "") == "xmloutput"
    ):
        return True
    return None


def parse_expectations(source: str) -> list[Page]:
    """Pages with their snippets from the `test_extract` function of trafilatura's realworld tests."""
    tree = ast.parse(source)
    mock = next(
        n.value for n in tree.body if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "MOCK_PAGES"
    )
    files = ast.literal_eval(mock)
    test = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "test_extract")
    pages: dict[str, Page] = {}
    current: Page | None = None

    def walk(statements: list[ast.stmt]) -> None:
        nonlocal current
        for node in statements:
            call = node.value if isinstance(node, ast.Assign) else None
            if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "load_mock_page" and call.args:
                url = call.args[0].value if isinstance(call.args[0], ast.Constant) else None
                current = pages.setdefault(url, Page(url, files[url])) if url in files else None
            elif isinstance(node, ast.Assert) and current is not None:
                _snippets(node.test, current)
            elif isinstance(node, ast.If) and _text_output_branch(node.test) is not False:
                walk(node.body if _text_output_branch(node.test) is not None else [])

    walk(test.body)
    return [p for p in pages.values() if p.keep or p.drop]


def read_sdist(path: str) -> tuple[str, dict[str, bytes]]:
    """(realworld test source, {page file name: bytes}) read from the archive without extracting it."""
    source, pages = "", {}
    with tarfile.open(path, "r:gz") as archive:
        for member in archive:
            if not member.isfile() or member.size > MAX_MEMBER_BYTES:
                continue
            inner = member.name.split("/", 1)[-1]
            if inner == TESTS or (inner.startswith(PAGES) and inner.endswith(".html")):
                data = archive.extractfile(member).read()
                if inner == TESTS:
                    source = data.decode("utf-8")
                else:
                    pages[inner.removeprefix(PAGES)] = data
    return source, pages


def _extracted(html: str, url: str) -> str:
    try:
        return extract_html(html, url)["text"]
    except Exception:  # a page without main text (Rejected) scores as empty, like a dead letter
        return ""


def _cleaned(html: str, url: str) -> str:
    """What the pipeline stores: the extracted text cleaned with the page's link lines, as transforms/clean.py."""
    try:
        page = extract_html(html, url)
    except Exception:
        return ""
    learned = default_model()
    links = page.get("link_lines") or ()
    authors = [a.strip() for a in re.split(r"[;,]| and ", page.get("author") or "") if a.strip()]
    return apply_rules(
        page["text"],
        link_lines=links,
        learned=learned,
        title=page.get("title"),
        site=page.get("sitename"),
        url=url,
        authors=authors,
    )[0]


def _rules_only(html: str, url: str) -> str:
    """The rules without the learned signal: what cleaning scored before `learned.boilerplate`."""
    try:
        page = extract_html(html, url)
    except Exception:
        return ""
    return apply_rules(page["text"], link_lines=page.get("link_lines") or (), site=page.get("sitename"))[0]


VARIANTS = {  # name: text of one page; the first is the reference, the last is newsbeam
    "bare trafilatura (defaults)": lambda html, url: trafilatura.extract(
        html, url=url, deduplicate=False, config=CONFIG
    ),
    "bare, comments and tables off": lambda html, url: trafilatura.extract(
        html, url=url, deduplicate=False, config=CONFIG, include_comments=False, include_tables=False
    ),
    "newsbeam extract only": _extracted,
    "newsbeam extract + rules only": _rules_only,
    "newsbeam (extract + clean)": lambda html, url: _cleaned(html, url),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.realworld")
    parser.add_argument("sdist", help="trafilatura-1.0.0.tar.gz (see requirements/realworld-pages.txt)")
    parser.add_argument("--details", action="store_true", help="list the pages where scores differ")
    args = parser.parse_args(argv)
    source, files = read_sdist(args.sdist)
    pages = [p for p in parse_expectations(source) if p.file in files]
    totals = {name: [0, 0, 0] for name in VARIANTS}
    per_page: dict[str, dict[str, float]] = {}
    for page in pages:
        html = decode_bytes(files[page.file])[0]
        gold = {"must_keep": page.keep, "must_drop": page.drop}
        for name, fn in VARIANTS.items():
            counts = snippet_f1(fn(html, page.url) or "", gold)
            totals[name] = [a + b for a, b in zip(totals[name], counts, strict=True)]
            per_page.setdefault(page.file, {})[name] = f1(*counts) or 0.0
    n_keep = sum(len(p.keep) for p in pages)
    n_drop = sum(len(p.drop) for p in pages)
    print(f"{len(pages)} real pages, {n_keep} must_keep and {n_drop} must_drop snippets (trafilatura 1.0.0 tests)")
    print(f"{'':30} {'F1':>6} {'kept':>9} {'leaked':>7}")
    for name, (tp, fn, fp) in totals.items():
        print(f"{name:30} {f1(tp, fn, fp) or 0:>6.3f} {tp:>4}/{tp + fn:<4} {fp:>7}")
    names = list(VARIANTS)
    comparisons = (
        ("ours < bare (defaults)", names[-1], names[0]),
        ("ours < bare, comments and tables off", names[-1], names[1]),
        ("cleaning lowered F1 (clean < extract only)", names[-1], names[2]),
    )
    for label, ours, other in comparisons:
        worse = [f"{page}: {f[ours]:.3f} < {f[other]:.3f}" for page, f in per_page.items() if f[ours] < f[other]]
        print(f"pages where {label}: {len(worse)}")
        if args.details:
            print("".join(f"  - {line}\n" for line in worse), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
