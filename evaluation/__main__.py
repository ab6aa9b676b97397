"""python -m evaluation --output DIR --gold tests/gold [--inputs DIR ...] [--details]

Prints one table of every scorer in `evaluation.scoring.SCORERS` for an existing output folder.
`make eval` runs the backfill on the gold inputs into a temporary folder first.
"""

from __future__ import annotations

import argparse
import sys

from evaluation.scoring import evaluate, table

DEFAULT_INPUTS = ("samples/text", "tests/gold/inputs")  # where the gold files' `input` names live


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation", description=__doc__.splitlines()[0])
    parser.add_argument("--output", required=True, help="a newsbeam output folder (holds articles/)")
    parser.add_argument("--gold", default="tests/gold", help="folder of gold *.json files")
    parser.add_argument(
        "--inputs", action="append", default=None, help="folder of gold inputs (repeatable; HTML scorer)"
    )
    parser.add_argument("--details", action="store_true", help="list every miss and leak under its metric")
    args = parser.parse_args(argv)
    scores = evaluate(args.output, args.gold, args.inputs or DEFAULT_INPUTS)
    print(table(scores, details=args.details))
    return 0


if __name__ == "__main__":
    sys.exit(main())
