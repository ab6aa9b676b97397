import pytest

from transforms.common import Rejected, StepFn
from transforms.extract import TimedExtractor, extract_html, structured_date

PAGE = (
    "<html><head><title>Budget passes | Daily Ledger</title>"
    '<meta property="og:site_name" content="Daily Ledger">'
    '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", '
    '"datePublished": "2026-01-05T23:30:00-08:00"}]}</script></head>'
    "<body><nav>Home | News</nav><article><p>"
    + "The council approved the new budget on Tuesday after a long debate about school funding. " * 4
    + "</p></article></body></html>"
)
# A page that takes trafilatura seconds (2 MB of paragraphs): a stand-in for a pathological page that stays
# slow however loaded the machine is, unlike a zero time limit, which a busy parent can lose the race against.
SLOW_PAGE = (
    "<html><body><article>"
    + "".join(f"<div><p>Paragraph {i} of a long report on the council budget.</p></div>" for i in range(20_000))
    + "</article></body></html>"
)


def test_structured_date_keeps_time_and_offset():
    assert structured_date(PAGE) == "2026-01-05T23:30:00-08:00"
    meta = '<html><head><meta property="article:published_time" content="2026-03-14T08:30:00+00:00"></head></html>'
    assert structured_date(meta) == "2026-03-14T08:30:00+00:00"
    assert structured_date("") is None


def test_extract_html_returns_text_and_page_metadata():
    found = extract_html(PAGE)
    assert "approved the new budget" in found["text"] and "Home | News" not in found["text"]
    assert found["sitename"] == "Daily Ledger" and found["date_structured"].startswith("2026-01-05T23:30")


def test_timed_extractor_answers_like_in_process_and_survives_a_timeout():
    extractor = TimedExtractor(60)
    try:
        assert extractor(PAGE)["text"] == extract_html(PAGE)["text"]
        extractor.timeout_s = 0.2  # seconds; SLOW_PAGE needs far longer
        with pytest.raises(Rejected) as info:
            extractor(SLOW_PAGE)
        assert info.value.reason == "extract_timeout"
        extractor.timeout_s = 60
        assert "approved the new budget" in extractor(PAGE)["text"]  # a fresh child serves the next page
        with pytest.raises(Rejected) as info:
            extractor("<html><body></body></html>")
        assert info.value.reason == "no_main_text"
    finally:
        extractor.close()


def test_extract_step_dead_letters_a_page_over_the_time_limit():
    import datetime as dt

    import apache_beam as beam
    from apache_beam.options.pipeline_options import PipelineOptions
    from apache_beam.testing.test_pipeline import TestPipeline
    from apache_beam.testing.util import assert_that, equal_to

    from schemas.record import Doc
    from transforms.common import DEAD, MAIN
    from transforms.extract import Extract

    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    docs = [
        Doc(doc_id="a", input_uri="/a.html", fetched_at=now, format="html", raw_text=SLOW_PAGE),
        Doc(doc_id="t", input_uri="/t.txt", fetched_at=now, raw_text="Plain text passes through."),
    ]
    with TestPipeline(options=PipelineOptions(["--runner=FnApiRunner"])) as p:
        out = p | beam.Create(docs) | Extract(timeout_s=0.2)  # seconds; SLOW_PAGE needs far longer
        assert_that(out[MAIN] | beam.Map(lambda d: d.input_uri), equal_to(["/t.txt"]))
        reasons = out[DEAD] | beam.Map(lambda d: (d.stage, d.reason, d.input_uri))
        assert_that(reasons, equal_to([("extract", "extract_timeout", "/a.html")]), label="dead")


@pytest.mark.parametrize("processes", [1, 2])
def test_overlapped_extract_keeps_each_result_in_its_own_window(processes, monkeypatch):
    """Batches of pages stay in flight between calls, one per child: each result must still carry its own window,
    not the one of the record that let it go."""
    import datetime as dt

    import apache_beam as beam
    from apache_beam.options.pipeline_options import PipelineOptions
    from apache_beam.testing.test_pipeline import TestPipeline
    from apache_beam.testing.util import assert_that, equal_to
    from apache_beam.transforms.window import FixedWindows, TimestampedValue

    from schemas.record import Doc
    from transforms.common import DEAD, MAIN
    from transforms.extract import Extract

    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    monkeypatch.setattr(StepFn, "batch", 2)  # records; several batches, and one left for the end of the bundle
    docs = [
        (Doc(doc_id=f"d{i}", input_uri=f"/{i}.html", fetched_at=now, format="html", raw_text=PAGE), i * 60)
        for i in range(4)
    ] + [(Doc(doc_id="bad", input_uri="/bad.html", fetched_at=now, format="html", raw_text="<html></html>"), 150)]
    with TestPipeline(options=PipelineOptions(["--runner=FnApiRunner"])) as p:
        stamped = p | beam.Create(docs) | beam.MapTuple(lambda d, t: TimestampedValue(d, t))
        out = stamped | beam.WindowInto(FixedWindows(60)) | Extract(timeout_s=60, processes=processes)

        def window_start(doc, win=beam.DoFn.WindowParam):
            return (doc.input_uri, int(win.start))

        assert_that(
            out[MAIN] | beam.Map(window_start),
            equal_to([(f"/{i}.html", i * 60) for i in range(4)]),
        )
        dead = out[DEAD] | "DeadWindow" >> beam.Map(lambda d, win=beam.DoFn.WindowParam: (d.reason, int(win.start)))
        assert_that(dead, equal_to([("no_main_text", 120)]), label="dead")


def test_extract_fast_option_reaches_the_child():
    from pipelines.options import NewsbeamOptions
    from transforms.extract import Extract

    step = Extract.from_options(NewsbeamOptions(["--extract-fast", "--no-extract-overlap"]))
    assert step.fast and not step.overlap
    assert not Extract.from_options(NewsbeamOptions([])).fast
    extractor = TimedExtractor(60, fast=True)
    try:
        assert extractor(PAGE)["text"] == extract_html(PAGE, fast=True)["text"]
        assert "--fast" in extractor._proc.args  # the child runs the fast passes, not the defaults
    finally:
        extractor.close()


def test_a_slow_page_in_a_batch_costs_only_itself():
    """Pages go to the child in batches: a page over the limit is a timeout, and the pages after it in the same
    batch are extracted by a fresh child, not lost."""
    extractor = TimedExtractor(60)
    try:
        extractor(PAGE)  # the child is up: its start-up is not part of the page clocks below
        extractor.timeout_s = 1.5  # seconds: PAGE takes ~10 ms even at load 6; SLOW_PAGE takes ~3.6 s idle
        empty = "<html><body></body></html>"
        extractor.submit([(PAGE, None), (SLOW_PAGE, None), (PAGE, "https://example.org/a"), (empty, None)])
        first_child = extractor._proc
        results = extractor.results()
        assert [type(r).__name__ for r in results] == ["dict", "Rejected", "dict", "Rejected"]
        assert results[1].reason == "extract_timeout" and results[3].reason == "no_main_text"
        assert "approved the new budget" in results[0]["text"] and results[2]["text"] == results[0]["text"]
        assert extractor._proc is not first_child  # the slow page's child was killed
        assert extractor.results() == []  # nothing is left in flight
    finally:
        extractor.close()


def test_a_child_that_died_between_batches_is_replaced():
    extractor = TimedExtractor(60)
    try:
        extractor(PAGE)
        extractor._proc.kill()
        extractor._proc.wait(5)
        extractor.submit([(PAGE, None), (PAGE, None)])
        assert [r["text"] for r in extractor.results()] == [extract_html(PAGE)["text"]] * 2
    finally:
        extractor.close()


def test_local_runs_get_an_extraction_process_per_core_of_each_worker(monkeypatch):
    from pipelines.options import LOCAL_RUNNER, extract_processes

    monkeypatch.setattr("os.cpu_count", lambda: 8)
    assert extract_processes(LOCAL_RUNNER, 1) == 8
    assert extract_processes(LOCAL_RUNNER, 2) == 4
    assert extract_processes(LOCAL_RUNNER, 16) == 1
    assert extract_processes(LOCAL_RUNNER, 0) == 1  # Beam's "one worker per core"
    assert extract_processes("DataflowRunner", 1) == 1


def test_a_child_that_dies_inside_a_batch_costs_only_the_page_it_was_on():
    import threading

    extractor = TimedExtractor(60)
    try:
        extractor(PAGE)  # the child is up
        extractor.submit([(SLOW_PAGE, None), (PAGE, None)])
        victim = extractor._proc
        threading.Timer(0.3, victim.kill).start()  # seconds: the child is still on SLOW_PAGE
        results = extractor.results()
        assert isinstance(results[0], Rejected) and results[0].reason == "extract_crashed"
        assert results[1]["text"] == extract_html(PAGE)["text"]  # a fresh child extracted the rest of the batch
    finally:
        extractor.close()
