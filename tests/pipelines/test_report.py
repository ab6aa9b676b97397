"""The run report: numbers from a known output folder, and the page rendered in a real headless Chromium."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys

import pytest
from PIL import Image

from pipelines.report import collect, hbar_chart, ranked, render, write_report
from tests.browser import Browser, chromium_path
from tests.conftest import ROOT, SAMPLES, write_bad_inputs
from tests.warehouse_data import write_output

CHARTS = (
    "chart-days",
    "chart-sources",
    "chart-languages",
    "chart-dead",
    "chart-entities",
    "chart-clusters",
    "chart-cluster-sizes",
)


def bars(page: str, chart_id: str) -> dict[str, int]:
    """{label: value} read back from the bar tooltips of one chart in the page."""
    figure = re.search(rf'<figure class="chart[^"]*" id="{chart_id}">(.*?)</figure>', page, re.S).group(1)
    return {html.unescape(k): int(v) for k, v in re.findall(r"<title>(.*?): (\d+)</title>", figure)}


MANIFEST = {
    "job": "backfill",
    "run_key": "abc",
    "inputs": ["in/"],
    "records_in": 16,
    "articles_out": 12,
    "dead_letters": 4,
    "balanced": True,
    "dead_letters_by_reason": {"decode/binary_content": 1, "decode/empty_document": 2, "read/invalid_json": 1},
    "rows_per_partition": {"published_date=2026-03-02/language=en": 4},
    "schema_version": "1.1.0",
}


def test_report_numbers_match_the_output(tmp_path):
    write_output(tmp_path)
    stats = collect(str(tmp_path))
    assert stats.articles == 12 and stats.dead_letter_files == 1
    page = render(MANIFEST, stats, {"decode/total": 16})
    assert bars(page, "chart-days") == {"2026-03-02": 4, "2026-03-03": 4, "2026-03-04": 3, "no date": 1}
    assert bars(page, "chart-sources") == {"Harbour Daily": 4, "Valley Times": 3, "Nordkurier": 2,
                                           "Le Journal": 2, "Coastal Courier": 1}  # fmt: skip
    assert bars(page, "chart-languages") == {"en": 8, "de": 2, "fr": 2}
    assert bars(page, "chart-dead") == {"decode/empty_document": 2, "decode/binary_content": 1, "read/invalid_json": 1}
    assert bars(page, "chart-entities") == {"Vladimir Putin (PERSON)": 6, "Kyiv (GPE)": 5, "NATO (ORG)": 4}
    assert bars(page, "chart-clusters") == {"Title 1 · wire1": 4, "<script>alert(1)</script> & <b>x</b> · pair": 2}
    assert bars(page, "chart-cluster-sizes") == {"2 copies": 1, "4 copies": 1}
    # input data is text, never markup; the page has no script and forbids loading anything
    assert "<script" not in page and "&lt;script&gt;" in page
    assert "default-src 'none'" in page and "http://" not in page.replace("http://www.w3.org/2000/svg", "")


def test_report_batches_give_the_same_numbers_as_one_pass(tmp_path, monkeypatch):
    write_output(tmp_path)
    whole = collect(str(tmp_path))
    monkeypatch.setattr("pipelines.report.BATCH_ROWS", 1)  # every file its own DuckDB pass
    per_file = collect(str(tmp_path))
    assert whole.files > 1 and per_file == whole


def test_ranked_sums_the_tail_and_empty_charts_say_none():
    counts = {f"s{i:02d}": 100 - i for i in range(20)}
    top = ranked(counts, top=5)
    assert top[:4] == [("s00", 100), ("s01", 99), ("s02", 98), ("s03", 97)]
    assert top[4] == ("other (16)", sum(100 - i for i in range(4, 20)))
    assert "none" in hbar_chart("x", "X", []) and "<svg" not in hbar_chart("x", "X", [])


def test_long_spans_are_charted_per_month(tmp_path):
    from pipelines.report import Stats, days_series

    stats = Stats()
    for day in range(1, 29):
        for month in range(1, 13):
            stats.per_day[f"2025-{month:02d}-{day:02d}"] += 1
    unit, series = days_series(stats.per_day)
    assert unit == "month" and len(series) == 12 and series[0] == ("2025-01", 28)


# ---- the real thing: a backfill run, its report, opened in Chromium ----


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if chromium_path() is None:  # `make test` -> `make browser` installs it where it can
        why = "chromium is not installed and `make browser` could not install it (needs apt, root or sudo)"
        if os.environ.get("NEWSBEAM_REQUIRE_BROWSER") == "1":  # CI: a missing browser is a failure, never a skip
            pytest.fail(why)
        pytest.skip(f"{why}: browser test not run")
    b = Browser(tmp_path_factory.mktemp("chromium") / "profile")
    yield b
    b.close()


@pytest.fixture(scope="module")
def backfill_run(tmp_path_factory):
    """The real CLI on samples, one syndicated copy and bad inputs: articles, a cluster and dead letters."""
    base = tmp_path_factory.mktemp("report")
    inputs = base / "inputs"
    write_bad_inputs(inputs)
    for p in sorted((SAMPLES / "text").glob("*.txt")):
        shutil.copy(p, inputs / p.name)
    first = sorted((SAMPLES / "text").glob("*.txt"))[0]
    shutil.copy(first, inputs / f"copy-of-{first.name}")  # an exact copy: one duplicate cluster of 2
    out = base / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "pipelines.backfill", "--input", str(inputs), "--output", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return out, proc


def test_backfill_writes_the_report_and_links_it(backfill_run):
    out, proc = backfill_run
    report = out / "report.html"
    assert f"report: {report.resolve().as_uri()}" in proc.stdout
    page = report.read_text("utf-8")
    manifest = json.loads((out / "_manifest.json").read_text())
    assert sum(bars(page, "chart-languages").values()) == manifest["articles_out"]
    assert sum(bars(page, "chart-dead").values()) == manifest["dead_letters"] >= 4
    # the copied sample, and the same article in good.txt, zipped.txt.gz and mixed.jsonl
    assert bars(page, "chart-cluster-sizes") == {"2 copies": 1, "3 copies": 1}
    assert bars(page, "chart-entities")


# Per chart: the id, whether it drew an SVG, its size on screen, and each bar's box and fill.
CHART_PROBE = """
[...document.querySelectorAll('figure.chart')].map(f => {
  const svg = f.querySelector('svg'), box = svg ? svg.getBoundingClientRect() : null;
  return {id: f.id, svg: !!svg, width: box ? box.width : 0, height: box ? box.height : 0,
          bars: [...f.querySelectorAll('rect.bar')].map(r => {
            const b = r.getBoundingClientRect();
            return {x: b.x + scrollX, y: b.y + scrollY, w: b.width, h: b.height, fill: r.getAttribute('fill')};
          })};
})
"""


def test_report_renders_its_charts_in_chromium_without_console_errors(backfill_run, browser, tmp_path):
    out, _ = backfill_run
    url = (out / "report.html").resolve().as_uri()
    browser.open(url)
    assert browser.problems() == []
    assert browser.requests() == [url]  # the page alone: no CDN, no font, no image fetched
    assert browser.evaluate("document.scripts.length") == 0
    charts = {c["id"]: c for c in browser.evaluate(CHART_PROBE)}
    assert set(charts) == set(CHARTS)
    for chart in charts.values():
        assert chart["svg"] and chart["width"] > 200 and chart["height"] > 30, chart["id"]
        assert chart["bars"] and all(b["w"] >= 1 and b["h"] >= 1 for b in chart["bars"]), chart["id"]
    shot = tmp_path / "report.png"
    browser.screenshot(shot)
    image = Image.open(shot).convert("RGB")
    assert image.width >= 1200 and image.height > 800  # the 1280 px viewport less its scroll bar
    for chart in charts.values():  # the pixels under each chart's largest bar are painted in the bar's colour
        bar = max(chart["bars"], key=lambda b: b["w"] * b["h"])
        fill = tuple(int(bar["fill"][i : i + 2], 16) for i in (1, 3, 5))
        pixel = image.getpixel((int(bar["x"] + bar["w"] / 2), int(bar["y"] + bar["h"] / 2)))
        assert max(abs(a - b) for a, b in zip(pixel, fill, strict=True)) <= 8, (chart["id"], pixel, fill)


def test_hostile_titles_stay_text_in_the_browser(tmp_path, browser):
    write_output(tmp_path)
    url = (tmp_path / "r" / "report.html").resolve()
    url.parent.mkdir()
    url.write_text(render(MANIFEST, collect(str(tmp_path))), "utf-8")
    browser.open(url.as_uri())
    assert browser.problems() == [] and browser.evaluate("document.scripts.length") == 0
    labels = browser.evaluate("[...document.querySelectorAll('#chart-clusters text.label')].map(t => t.textContent)")
    assert labels[1].startswith("<script>alert(1)</script>")


def test_the_browser_check_catches_errors_and_fetches(tmp_path, browser):
    """The harness is not blind: a page with a console error, a thrown error and a remote script is caught."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        "<!DOCTYPE html><html><body><script>console.error('boom')</script>"
        "<script src='http://127.0.0.1:9/cdn.js'></script><script>undefinedFunction()</script></body></html>",
        "utf-8",
    )
    browser.open(bad.as_uri())
    problems = " | ".join(browser.problems())
    assert ("boom" in problems and "undefinedFunction" in problems) or "exception" in problems
    assert "http://127.0.0.1:9/cdn.js" in browser.requests()


def test_write_report_replaces_an_older_report(tmp_path):
    write_output(tmp_path)
    (tmp_path / "report.html").write_text("old", "utf-8")
    path = write_report(str(tmp_path), MANIFEST)
    assert path.endswith("report.html") and "newsbeam run report" in (tmp_path / "report.html").read_text("utf-8")
