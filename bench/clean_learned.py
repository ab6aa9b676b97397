"""Cost of the learned boilerplate signal: `apply_rules` with and without it, over the same extracted texts.

PYTHONPATH=. python -m bench.clean_learned [CORPUS_HTML_FOLDER]

Texts: every gold and blind gold input (text and HTML, many languages) plus, when given, a folder of generated
bench pages (`python bench/corpus.py --docs 300 --out DIR`), extracted once. Each variant runs over all texts,
alternating, REPEATS times; the best CPU time (time.process_time) of each is reported per document.
"""

from __future__ import annotations

import pathlib
import sys
import time

from transforms.boilerplate_learned import default_model
from transforms.clean import apply_rules
from transforms.decode import decode_bytes
from transforms.extract import extract_html

ROOT = pathlib.Path(__file__).resolve().parent.parent
REPEATS = 7  # best of 7: the machine is shared, the minimum is the least disturbed run


def texts(extra: list[str]) -> list[tuple[str, tuple, str | None]]:
    """(text, link lines, title) of every input, extracted as the pipeline does."""
    folders = [ROOT / "samples" / "text", ROOT / "tests" / "gold" / "inputs"]
    folders += sorted((ROOT / "tests" / "gold_blind").glob("*/inputs")) + [pathlib.Path(p) for p in extra]
    out = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix not in (".txt", ".html"):
                continue
            body = decode_bytes(path.read_bytes())[0]
            if path.suffix == ".txt":
                out.append((body, (), None))
                continue
            try:
                page = extract_html(body, None)
            except Exception:  # no main text: a dead letter before clean
                continue
            out.append((page["text"], tuple(page.get("link_lines") or ()), page.get("title")))
    return out


def run(docs: list[tuple[str, tuple, str | None]], learned) -> float:
    started = time.process_time()
    for text, links, title in docs:
        apply_rules(text, link_lines=links, learned=learned, title=title)
    return time.process_time() - started


def main() -> int:
    docs = texts(sys.argv[1:])
    model = default_model()
    run(docs, model)  # warm the regex and plan caches
    rules, learned = [], []
    for _ in range(REPEATS):
        rules.append(run(docs, None))
        learned.append(run(docs, model))
    a, b = min(rules) * 1000 / len(docs), min(learned) * 1000 / len(docs)
    print(f"{len(docs)} texts; apply_rules ms/doc: rules only {a:.3f}, rules + learned {b:.3f}, ratio {b / a:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
