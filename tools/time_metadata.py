"""Cost of the metadata and language steps over every gold and blind input (CPU ms per document).

    PYTHONPATH=. .venv/bin/python -m tools.time_metadata prep /tmp/docs.pkl    # decode, extract, clean once
    PYTHONPATH=. .venv/bin/python -m tools.time_metadata time /tmp/docs.pkl    # best of 7 runs of each step

To compare two trees, run `time` from each (`PYTHONPATH=<other tree>`) on the same pickle, alternating.
"""

from __future__ import annotations

import datetime as dt
import glob
import pickle
import sys
import time

INPUTS = ("samples/text/*", "tests/gold/inputs/*", "tests/gold_blind/*/inputs/*")
NOW = dt.datetime(2026, 11, 23, 12, tzinfo=dt.UTC)  # a fixed ingestion time: the same candidates on every run
RUNS = 7  # best of: the machine is shared, the minimum is the least disturbed run
WARM_DOCS = 5  # tables built on first use (CLDR names, the language model) are not part of a step's cost


def prep(path: str) -> None:
    from schemas.record import RawDoc
    from transforms.clean import clean_doc
    from transforms.decode import decode_doc
    from transforms.errors import Rejected
    from transforms.extract import extract_doc

    docs = []
    for name in sorted(p for pattern in INPUTS for p in glob.glob(pattern)):
        with open(name, "rb") as f:
            doc = decode_doc(RawDoc("file://" + name, f.read(), dt.datetime.now(dt.UTC)))
        try:
            docs.append(clean_doc(extract_doc(doc) if name.endswith((".html", ".htm")) else doc))
        except Rejected:
            continue
    with open(path, "wb") as f:
        pickle.dump(docs, f)
    print(f"{len(docs)} cleaned documents in {path}")


def timed(path: str) -> None:
    from transforms.language import language_doc
    from transforms.metadata import normalise_metadata

    with open(path, "rb") as f:
        docs = pickle.load(f)
    for doc in docs[:WARM_DOCS]:
        language_doc(normalise_metadata(doc, NOW))
    best_metadata = best_language = float("inf")
    for _ in range(RUNS):
        start = time.process_time()
        out = [normalise_metadata(doc, NOW) for doc in docs]
        best_metadata = min(best_metadata, time.process_time() - start)
        start = time.process_time()
        for doc in out:
            language_doc(doc)
        best_language = min(best_language, time.process_time() - start)
    n = len(docs)
    print(f"{n} docs: metadata {1000 * best_metadata / n:.3f} ms/doc, language {1000 * best_language / n:.3f} ms/doc")


if __name__ == "__main__":
    {"prep": prep, "time": timed}[sys.argv[1]](sys.argv[2])
