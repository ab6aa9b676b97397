"""Language detectors side by side: accuracy against gold and speed, on the same clean texts.

python -m evaluation.language_bench --output DIR --gold tests/gold [--repeat N]

DIR is a backfill output of the gold inputs (as `make eval` makes); the clean `text` of each gold row is fed to
every detector in `transforms.language.DETECTORS` on the same bounded prefix the pipeline uses.
"""

from __future__ import annotations

import argparse
import time

from evaluation.scoring import load_gold, load_rows, match_cases
from transforms.language import DETECTORS, detect_language


def bench(texts_and_codes: list[tuple[str, str]], repeat: int) -> list[tuple[str, float, float]]:
    """(detector, accuracy, documents per second) for each detector."""
    results = []
    for detector in DETECTORS:
        detect_language(texts_and_codes[0][0], detector)  # loads the model outside the timing
        hits = sum(detect_language(t, detector)[0] == code for t, code in texts_and_codes)
        started = time.perf_counter()
        for _ in range(repeat):
            for text, _ in texts_and_codes:
                detect_language(text, detector)
        elapsed = time.perf_counter() - started
        results.append((detector, hits / len(texts_and_codes), repeat * len(texts_and_codes) / elapsed))
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m evaluation.language_bench")
    parser.add_argument("--output", required=True)
    parser.add_argument("--gold", default="tests/gold")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    cases = [c for c in match_cases(load_gold(args.gold), load_rows(args.output)) if c.row and c.gold.get("language")]
    pairs = [(c.row["text"], c.gold["language"]) for c in cases]
    print(f"{len(pairs)} texts, languages: {sorted({code for _, code in pairs})}")
    print(f"{'detector':<12} {'accuracy':>9} {'docs/s':>9}")
    for detector, accuracy, rate in bench(pairs, args.repeat):
        print(f"{detector:<12} {accuracy:>9.4f} {rate:>9.1f}")


if __name__ == "__main__":
    main()
