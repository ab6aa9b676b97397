"""Property-based tests (hypothesis) of the pure per-record functions: they hold for any input, not just examples."""

from __future__ import annotations

import datetime as dt
import re
import string

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from transforms.boilerplate_rules import WIRES
from transforms.clean import apply_rules, normalise_whitespace, paragraphs
from transforms.decode import decode_bytes, utf16_without_bom
from transforms.entities import tag_entities
from transforms.metadata import EARLIEST_PLAUSIBLE, FUTURE_SLACK, check_date, choose_date, parse_date
from transforms.read import jsonl_record, valid_text
from transforms.rerun import run_files
from transforms.write import HIVE_NULL, MAX_PARTITION_VALUE, partition_of, safe_partition_value

NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])  # spaCy per example

# Text like news text but with every kind of character hostile input brings: controls, NUL, surrogates excluded
# (Python str from decoded bytes never holds them), RTL marks, combining marks, non-breaking and zero-width spaces.
news_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(list(string.ascii_letters + string.digits + " .,;:-–—()[]\"'“”\n\t")),
        st.sampled_from(["\u00a0", "\u2009", "\u200b", "\u200f", "\u0301", "\x00", "\x0b", "\r", "ü", "é", "ß"]),
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
    ),
    max_size=400,
)


# --- cleaning -----------------------------------------------------------------------------------------------


@given(news_text)
def test_normalise_whitespace_is_idempotent_and_trimmed(text):
    once = normalise_whitespace(text)
    assert normalise_whitespace(once) == once
    assert once == once.strip() and "\t" not in once and "  " not in once


@given(news_text)
def test_paragraphs_are_non_empty_and_trimmed(text):
    for para in paragraphs(text):
        assert para and para == para.strip() and "\n\n" not in para


@given(news_text)
def test_cleaning_never_raises_and_only_removes(text):
    clean, removed, found = apply_rules(text)
    assert isinstance(found, dict) and all(rule_id and isinstance(t, str) for rule_id, t in removed)
    ink = lambda t: len(re.sub(r"\s", "", t))  # noqa: E731  characters other than whitespace
    assert ink(clean) <= ink(text)
    visible = set(normalise_whitespace(text)) | {" ", "\n"}
    assert set(clean) <= visible  # cleaning removes; it never invents characters
    assert "\n\n\n" not in clean and clean == clean.strip()


# --- header parsing -----------------------------------------------------------------------------------------

place = st.lists(st.text(alphabet=string.ascii_uppercase, min_size=3, max_size=10), min_size=1, max_size=3).map(
    " ".join
)
body = st.lists(st.text(alphabet=string.ascii_lowercase, min_size=2, max_size=10), min_size=6, max_size=30).map(
    lambda words: "The " + " ".join(words) + "."
)


@given(place, st.sampled_from(sorted(WIRES)), st.sampled_from(["-", "—", "–"]), body)
@example("NEW DELHI", "reuters", "-", "The council met on Tuesday.")
def test_wire_dateline_header_is_parsed_and_body_kept(where, wire, dash, first):
    credit = wire.upper() if len(wire) <= 4 else wire.title()  # "(AP)", "(Reuters)", "(Associated Press)"
    text = f"{where} ({credit}) {dash} {first}\n\nA second paragraph follows with more words about it."
    clean, removed, found = apply_rules(text)
    assert found.get("header", {}).get("wire") == WIRES[wire], (text, found)
    assert any(rule_id.startswith("header.") for rule_id, _ in removed)
    assert clean.startswith(first) and f"({credit})" not in clean


# --- dates --------------------------------------------------------------------------------------------------

date_text = st.one_of(
    news_text,
    st.from_regex(r"\A-?\d{1,5}-\d{1,2}-\d{1,2}([T ]\d{1,2}:\d{2}(:\d{2})?([+-]\d{2}:?\d{2}|Z)?)?\Z"),
    st.builds("{:04d}-{:02d}-{:02d}".format, st.integers(0, 9999), st.integers(0, 13), st.integers(0, 32)),
    st.datetimes(timezones=st.timezones() | st.none()).map(str),
    st.datetimes(timezones=st.just(dt.UTC)).map(lambda d: d.strftime("%a, %d %b %Y %H:%M:%S +0000")),
)


@given(date_text)
@example("2026-02-30")
@example("0000-00-00")
@example("9999-12-31T23:59:59-14:00")
@example("0001-01-01T00:00:00+14:00")
def test_parse_date_returns_a_datetime_or_none(value):
    parsed = parse_date(value)
    assert parsed is None or isinstance(parsed, dt.datetime)


@given(date_text)
@example("9999-12-31T23:59:59-14:00")
@example("0001-01-01T00:00:00+14:00")
def test_check_date_accepts_only_plausible_dates(value):
    parsed, reason = check_date(value, NOW)
    assert (parsed is None) != (reason is None)
    if parsed is not None:
        aware = parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
        assert EARLIEST_PLAUSIBLE <= aware <= NOW + FUTURE_SLACK


@given(st.lists(st.tuples(st.sampled_from(["html_meta", "header", "record_field", "url"]), date_text), max_size=5))
def test_choose_date_picks_the_first_plausible_candidate_in_utc(candidates):
    at, day, source = choose_date(candidates, NOW)
    usable = [(s, check_date(v, NOW)[0]) for s, v in candidates if check_date(v, NOW)[0] is not None]
    if not usable:
        assert (at, day, source) == (None, None, None)
        return
    first_source, first = usable[0]
    assert source == first_source and day == first.date()
    assert at.tzinfo is not None and at.utcoffset() == dt.timedelta(0)
    assert EARLIEST_PLAUSIBLE <= at <= NOW + FUTURE_SLACK


@given(st.dates())
def test_a_real_date_round_trips(day):
    parsed, reason = check_date(day.isoformat(), NOW)
    if EARLIEST_PLAUSIBLE.date() <= day <= (NOW + FUTURE_SLACK).date() - dt.timedelta(days=1):
        assert reason is None and parsed.date() == day
    elif day < EARLIEST_PLAUSIBLE.date() or day > (NOW + FUTURE_SLACK).date():
        assert parsed is None


# --- partition values and file names ------------------------------------------------------------------------

_SAFE = re.compile(r"^[A-Za-z0-9_\-]{1,64}$")


@given(st.one_of(st.none(), st.text(), st.dates(), st.integers(), st.binary().map(repr)))
@example("../../etc")
@example("/")
@example("\x00")
@example("x" * 10_000)
@example("..")
@example("")
def test_partition_values_are_path_safe(value):
    safe = safe_partition_value(value)
    assert _SAFE.match(safe) and len(safe) <= MAX_PARTITION_VALUE
    assert ".." not in safe and "/" not in safe and "\\" not in safe and "\x00" not in safe
    if safe != HIVE_NULL:  # data can never produce the null partition's name, and a safe value stays as it is
        assert not safe.startswith("_") and safe_partition_value(safe) == safe
    if value is None:
        assert safe == HIVE_NULL


@given(st.dates() | st.none(), st.text(max_size=300) | st.none())
def test_partition_of_any_record_is_a_valid_hive_path(day, language):
    from schemas.record import Doc

    doc = Doc(doc_id="d", input_uri="u", fetched_at=NOW, published_date=day, language=language)
    date_value, language_value = partition_of(doc)
    assert date_value == (day.isoformat() if day else HIVE_NULL)
    assert re.fullmatch(r"[a-z]{2,3}(-[a-z0-9]{2,8})?|und", language_value), language_value


@given(st.text(alphabet=string.hexdigits.lower(), min_size=12, max_size=12), st.lists(st.text(max_size=40)))
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_run_files_only_ever_names_this_runs_files(tmp_path, key, names):
    folder = tmp_path / key
    folder.mkdir(exist_ok=True)
    mine = {f"part-{key}-001-0002.parquet", f".part-{key}-003-0000.parquet.inprogress"}
    for name in set(names) | mine | {"part-ffffffffffff-001-0002.parquet", "_manifest.json"}:
        if name and "/" not in name and "\x00" not in name and name not in (".", ".."):
            (folder / name).write_bytes(b"")
    found = {p.rsplit("/", 1)[-1] for p in run_files(str(folder), key)}
    assert mine <= found
    assert all(re.fullmatch(rf"\.?part-{key}-\d{{3}}-\d{{4}}\.parquet(\.inprogress)?", n) for n in found)


# --- reading and decoding -----------------------------------------------------------------------------------


@given(st.text(alphabet=st.characters(codec=None, categories=("Cs", "Ll", "Lu", "Zs")), min_size=1))
def test_jsonl_strings_always_encode(value):
    assert valid_text(value).encode("utf-8")  # never raises: no lone surrogates survive
    import json

    line = json.dumps({"text": value + " words", "title": value, "authors": [value]})
    body, hints = jsonl_record(line.encode())
    body.decode("utf-8"), hints.get("title", "").encode("utf-8")  # neither raises
    for author in hints.get("authors", []):
        author.encode("utf-8")


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=40))
def test_utf16_without_bom_round_trips_latin_text(text):
    assume(sum(ch < "\u0100" for ch in text) > 0.5 * len(text))  # mostly Latin: NUL high bytes to sniff
    for codec in ("utf-16-le", "utf-16-be"):
        data = text.encode(codec)
        if utf16_without_bom(data) == codec:
            assert decode_bytes(data) == (text, codec)


@given(st.binary(min_size=64, max_size=4096))
def test_random_bytes_are_rarely_taken_for_utf16(data):
    codec = utf16_without_bom(data)
    if codec:  # when sniffed, most bytes of one parity are NUL: not what random data looks like
        assert data[0 if codec.endswith("be") else 1 :: 2].count(0) >= 0.1 * len(data) / 2


# --- entity offsets -----------------------------------------------------------------------------------------

entity_text = st.lists(
    st.sampled_from(
        [
            "Volodymyr Zelensky",
            "Zelensky",
            "Kyiv",
            "Ukraine",
            "the United Nations",
            "UN",
            "Emmanuel Macron",
            "Berlin",
            "Reuters",
            "said",
            "on Tuesday",
            "Müller-Lüdenscheidt",
            "ÉCOLE",
            "\u00a0",
            "\n\n",
            ",",
            ".",
            " ",
            "🙂",
            "e\u0301",
        ]
    ),
    max_size=40,
).map(" ".join)


@SLOW
@given(st.one_of(entity_text, news_text))
@example("Volodymyr Zelensky met Emmanuel Macron in Kyiv.")
def test_entity_offsets_point_at_their_surface_form(text):
    for entity in tag_entities(text):
        assert 0 <= entity["start"] < entity["end"] <= len(text)
        assert text[entity["start"] : entity["end"]] == entity["text"], entity
        assert entity["entity_id"] and entity["name"] and entity["label"]
