"""Date words that CLDR knows in every language, beside the month names of `transforms.boilerplate_classes`.

`stamp_field_date` reads the date of a byline line's stamp field ("Nosoratan'i Hery Be | Alarobia 4 Martsa 2026"),
where a weekday of any language opens the date; the page step uses it under the headline, the metadata step on
the lead lines of a dump.
"""

from __future__ import annotations

import functools
import re

from transforms import disk_cache
from transforms.boilerplate_classes import is_stamp, stamp_date

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


LEAD_LINES = 4  # a dump's headline, byline and stamp lines come first
LEAD_LINE_CHARS = 160  # a byline line; longer lines are prose


def lead_field_date(text: str, removed: tuple[tuple[str, str], ...] | list[tuple[str, str]] = ()) -> str | None:
    """The date of a byline line's stamp field among a dump's first lines or the bylines the clean step removed
    ("Nosoratan'i Hery Be | Alarobia 4 Martsa 2026", which is no stamp line as a whole)."""
    lines = [line for para in text.split("\n\n")[:LEAD_LINES] for line in para.splitlines()][:LEAD_LINES]
    lines += [line for rule_id, line in removed if rule_id.startswith(_BYLINE_RULES)]
    for line in lines:
        short = len(line) <= LEAD_LINE_CHARS and _DIGIT.search(line) and FIELD_SEPARATOR.search(line)
        if short and (day := stamp_field_date(line)):
            return day
    return None


_BYLINE_RULES = ("byline", "shape.byline", "shape.meta_strip")  # the clean step's rule ids for byline lines
