"""WARC benchmark: records/s of the WARC libraries, of newsbeam's read step alone, and of the whole backfill on one
and two local workers.

python -m bench.warc_read                      # 500 realistic ~60 KB pages (bench/corpus.py); prints a table and
                                               # writes bench/results/warc.json
python -m bench.warc_read --pages small -n 10000 --skip-pipeline   # 1 KB pages (bench/make_warc.py): reading only
python -m bench.warc_read --warc some.warc.gz  # any WARC you have

warcio is measured when installed (`pip install -e '.[bench]'`).
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import platform
import tempfile
import time
from collections.abc import Callable

from bench.corpus import generate
from bench.make_warc import corpus_records
from schemas.record import RawDoc
from transforms import warc
from transforms.read import ReadUnit, plan_reads, read_unit

RESULTS = pathlib.Path(__file__).resolve().parent / "results" / "warc.json"


def timed(fn: Callable[[], int]) -> tuple[int, float]:
    start = time.perf_counter()
    n = fn()
    return n, time.perf_counter() - start


def read_fastwarc(path: str) -> int:
    """HTML response bodies with fastwarc's own iterator (no index, no dead letters)."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    n = 0
    with open(path, "rb") as f:
        for record in ArchiveIterator(f, record_types=WarcRecordType.response, parse_http=True):
            if (record.http_content_type or "text/html") in warc.HTML_TYPES:
                record.reader.read()
                n += 1
    return n


def read_warcio(path: str) -> int:
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    with open(path, "rb") as f:
        for record in ArchiveIterator(f):
            if record.rec_type != "response":
                continue
            content_type = (record.http_headers.get_header("Content-Type") or "text/html").split(";")[0]
            if content_type in warc.HTML_TYPES:
                record.content_stream().read()
                n += 1
    return n


def read_newsbeam(path: str, split_bytes: int) -> int:
    """newsbeam's read step without Beam: the index pass, then every range read with seeks."""
    n = 0
    for unit in plan_reads(path, split_bytes=split_bytes):
        if isinstance(unit, ReadUnit):  # the others are dead letters of damaged regions
            n += sum(1 for r in read_unit(unit) if isinstance(r, RawDoc))
    return n


def run_pipeline(path: str, out: str, split_bytes: int, workers: int) -> int:
    from pipelines import backfill

    args = ["--input", path, "--output", out, f"--split-bytes={split_bytes}"]
    if workers > 1:
        args += ["--direct_running_mode=multi_processing", f"--direct_num_workers={workers}"]
    return backfill.main(args)["articles_out"]


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=500, help="generated pages (ignored with --warc)")
    parser.add_argument("--pages", choices=("realistic", "small"), default="realistic", help="generated page kind")
    parser.add_argument("--warc", help="measure this WARC instead of a generated one")
    parser.add_argument("--split-bytes", type=int, default=256 * 1024, help="range size for the pipeline runs")
    parser.add_argument("--skip-pipeline", action="store_true", help="measure reading only")
    args = parser.parse_args(argv)
    tmp = tempfile.mkdtemp(prefix="newsbeam-bench-")
    path = args.warc or os.path.join(tmp, "corpus.warc.gz")
    if not args.warc and args.pages == "small":
        warc.write_warc(path, corpus_records(args.n), gzipped=True)
    elif not args.warc:
        path = generate(args.n, tmp)["warc"]
    rows: dict[str, dict] = {}

    def measure(name: str, fn: Callable[[], int]) -> None:
        n, seconds = timed(fn)
        rows[name] = {"records": n, "seconds": round(seconds, 3), "records_per_s": round(n / seconds, 1)}
        print(f"{name:<34} {n:>7} records {seconds:>8.2f} s {n / seconds:>10.1f} records/s", flush=True)

    measure("fastwarc iterator", lambda: read_fastwarc(path))
    try:
        import warcio  # noqa: F401
    except ImportError:
        print("warcio not installed: pip install -e '.[bench]'")
    else:
        measure("warcio iterator", lambda: read_warcio(path))
    measure("newsbeam read (index + ranges)", lambda: read_newsbeam(path, args.split_bytes))
    if not args.skip_pipeline:
        measure("backfill, 1 process", lambda: run_pipeline(path, os.path.join(tmp, "o1"), args.split_bytes, 1))
        measure("backfill, 2 workers", lambda: run_pipeline(path, os.path.join(tmp, "o2"), args.split_bytes, 2))
        one, two = rows["backfill, 1 process"], rows["backfill, 2 workers"]
        rows["speedup_2_workers"] = round(two["records_per_s"] / one["records_per_s"], 2)
        print(f"2-worker speed-up: {rows['speedup_2_workers']}x")
    result = {
        "input": args.warc or f"{args.n} generated {args.pages} pages",
        "bytes": os.path.getsize(path),
        "cpus": os.cpu_count(),
        "load_average_1m": round(os.getloadavg()[0], 1),
        "python": platform.python_version(),
        "results": rows,
    }
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    return result


if __name__ == "__main__":
    main()
