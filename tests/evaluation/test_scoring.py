import pytest

from evaluation.__main__ import main
from evaluation.scoring import Case, evaluate, f1, match_cases, name_key, score_metadata, score_text, table

GOLD = {
    "input": "a.txt",
    "format": "text",
    "published_date": "2026-01-05",
    "source": "The Independent",
    "syndicator": None,
    "language": "en",
    "must_keep": ["First sentence stays.", "Second  sentence stays."],
    "must_drop": ["Sign up now", "Advertisement"],
}


def row(text: str, **kw) -> dict:
    base = {"input_uri": "/x/a.txt", "published_date": "2026-01-05", "source": "Independent", "syndicator": None}
    return {**base, "language": "en", "text": text, **kw}


def test_text_scores_count_kept_sentences_and_leaks():
    keep, leak = score_text([Case(GOLD, row("First sentence stays.\nAdvertisement"))])
    assert (keep.value, keep.hits, keep.total) == (0.5, 1, 2)
    assert (leak.value, leak.hits, leak.total) == (0.5, 1, 2)
    assert leak.misses == ("a.txt: Advertisement",)
    keep, leak = score_text([Case(GOLD, None)])
    assert keep.value == 0.0 and leak.value == 0.0


def test_metadata_accuracy_normalises_outlet_names_but_not_dates():
    scores = {s.name: s.value for s in score_metadata([Case(GOLD, row("x", published_date="2026-01-06"))])}
    assert scores == {
        "published_date_accuracy": 0.0,
        "source_accuracy": 1.0,
        "syndicator_accuracy": 1.0,
        "language_accuracy": 1.0,
    }
    assert name_key("The  Independent!") == name_key("independent") == "independent"


def test_match_cases_by_input_file_name(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    [case] = match_cases([GOLD], [row("t"), row("u", input_uri="/x/b.txt")], [tmp_path])
    assert case.row["text"] == "t" and case.input_path == tmp_path / "a.txt"


def test_f1():
    assert f1(2, 0, 0) == 1.0 and f1(0, 0, 0) is None and f1(1, 1, 1) == pytest.approx(0.5)


def test_cli_prints_a_table_for_an_empty_output(tmp_path, capsys):
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "a.json").write_text('{"input": "a.txt", "must_keep": ["x"], "language": "en"}')
    assert main(["--output", str(tmp_path / "none"), "--gold", str(tmp_path / "gold")]) == 0
    printed = capsys.readouterr().out
    assert "must_keep_recall" in printed and "0/1" in printed
    assert "gold_rows_found" in table(evaluate(tmp_path / "none", tmp_path / "gold"))
