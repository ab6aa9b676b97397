"""Date words that CLDR knows in every language, beside the month names of `transforms.boilerplate_classes`.

`stamp_field_date` reads the date of a byline line's stamp field ("Nosoratan'i Hery Be | Alarobia 4 Martsa 2026"),
where a weekday of any language opens the date; the page step uses it under the headline, the metadata step on
the lead lines of a dump.
"""

from __future__ import annotations

import functools
import re

from transforms import disk_cache
from transforms.boilerplate_classes import _STAMP_WORDS, is_stamp, stamp_date

_DIGIT = re.compile(r"\d")
# the separators of a byline line's fields: a bar, a middle dot or bullet, a spaced dash
FIELD_SEPARATOR = re.compile(r"\s*[|·•]\s*|\s+[–—-]\s+")
_LETTERS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
WEEKDAY_MIN_CHARS = 3  # CLDR's wide weekday names; shorter words of them ("wa", "ku") are too common to drop


def stamp_field_date(line: str) -> str | None:
    """The date of the first field of a separated line that, once its weekday names are set aside, is nothing but
    a date, a time and stamp words ("Nosoratan'i Hery Be | Alarobia 4 Martsa 2026": the byline field has no date,
    the second is a stamp whatever the language of its weekday)."""
    weekdays = cldr_weekday_words()
    for field in FIELD_SEPARATOR.split(line):
        if not _DIGIT.search(field):
            continue
        bare = _LETTERS.sub(lambda m: " " if m.group(0).casefold() in weekdays else m.group(0), field)
        bare = " ".join(bare.replace(" ,", " ").split()).strip(" ,")
        if bare and is_stamp(bare) and (day := stamp_date(bare)):
            return day
    return None


@functools.cache
def cldr_weekday_words() -> frozenset[str]:
    """The words of the wide weekday names of every language CLDR knows, lower case (babel's locale data: ~1 s to
    read, so built once per machine in the start-up cache, and only when a byline line with a date is met)."""
    return disk_cache.cached("cldr-weekdays", disk_cache.fingerprint([__file__], ("babel",)), _build_weekday_words)


def _build_weekday_words() -> frozenset[str]:
    from babel import Locale, localedata

    words: set[str] = set()
    for name in localedata.locale_identifiers():
        if "_" in name:  # regional variants repeat their language's names
            continue
        try:
            wide = Locale.parse(name).days["format"]["wide"]
        except (ValueError, KeyError, LookupError):
            continue
        for day in wide.values():
            words.update(w.casefold() for w in _LETTERS.findall(day) if len(w) >= WEEKDAY_MIN_CHARS)
    return frozenset(words)


LEAD_LINES = 8  # a dump's breadcrumb, headline, deck, byline, source and stamp lines come first
LEAD_LINE_CHARS = 160  # a byline line; longer lines are prose
STAMP_LINE_CHARS = 100  # "Published on <a platform's name>: 20 November 2026, 08:14 (GMT+8)"
STAMP_WORD_MIN_CHARS = 5  # "published", "posted", "publié", "julkaistu"; shorter stamp words ("on", "am") open prose
_SENTENCE_END = re.compile(r"[.!?…]\s*$")
_FOUR_DIGITS = re.compile(r"\d{4}")
_FIRST_WORD = re.compile(r"^\W*([^\W\d_]+)")


def lead_field_date(text: str, removed: tuple[tuple[str, str], ...] | list[tuple[str, str]] = ()) -> str | None:
    """The date of a byline or stamp line among a dump's first lines or the bylines the clean step removed, that
    no stamp rule took as a whole: a byline line's stamp field ("Nosoratan'i Hery Be | Alarobia 4 Martsa 2026"),
    or a short line that opens with a stamp word and holds a date ("Published on <platform>: 20 November 2026,
    08:14 (GMT+8)"; not a sentence, and not an "Updated ..." date)."""
    head = text[: LEAD_LINES * LEAD_LINE_CHARS]  # only the lead is read: never split a long text whole
    lines = [line for para in head.split("\n\n")[:LEAD_LINES] for line in para.splitlines()][:LEAD_LINES]
    lines += [line for rule_id, line in removed if rule_id.startswith(_BYLINE_RULES)]
    for line in lines:
        if len(line) > LEAD_LINE_CHARS or not _FOUR_DIGITS.search(line):  # a full date has a year, in any digits
            continue
        if FIELD_SEPARATOR.search(line) and (day := stamp_field_date(line)):
            return day
        if _opens_with_stamp_word(line) and (day := stamp_date(line)):
            return day
    return None


def _opens_with_stamp_word(line: str) -> bool:
    first = _FIRST_WORD.match(line)
    return (
        len(line) <= STAMP_LINE_CHARS
        and not _SENTENCE_END.search(line)
        and first is not None
        and len(first.group(1)) >= STAMP_WORD_MIN_CHARS
        and first.group(1).casefold() in _STAMP_WORDS
    )


_BYLINE_RULES = ("byline", "shape.byline", "shape.meta_strip")  # the clean step's rule ids for byline lines
