"""Metadata: publication date, outlet, syndicator, title, authors and canonical URL, from every evidence a record has.

Order of trust for the date: structured page metadata (JSON-LD, `article:published_time`, htmldate on the page
head), syndication header, dateline, a stamp or "first published" note printed in the text (`text_stamp`: "Posted
March 18, 2026", "04.03.2026 11:23 | APA"), a byline line's stamp field or a lead line opened by a stamp word
(`text_lead`), feed or JSONL field, URL, a stamp under the headline (`html_stamp`), a date htmldate found in the
page text (not when that date only repairs a rejected declared one: htmldate turns "2026-02-30" into
"2026-02-01"), a yearless dateline with the copy's own year, an "Updated" date, and last an ambiguous numeric date
in the order its outlet writes dates (`text_stamp_dmy`).

Impossible dates (unparseable like 2026-02-30 or 0000-00-00, before 1990, after ingestion) are never used and
never dropped silently: the article is kept, the candidate is skipped, and the rejection is written to the
`date_rejected` column as `source:reason:value` (several joined by "; ") and counted with a Beam counter
`metadata/date_rejected_<reason>`. Records in = articles out + dead letters still holds.

The functions here are pure; `parse_date`, `check_date` and `choose_date` are the building blocks for anyone who
needs dates elsewhere.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import functools
import re
from typing import Any

import apache_beam as beam
import courlan
from apache_beam.metrics import Metrics
from babel import Locale, UnknownLocaleError
from dateutil import parser as dateparser

from schemas.record import CRAWLED_AT, Doc
from transforms.boilerplate_classes import ambiguous_slash_date, ascii_digits, names_platform, stamp_date
from transforms.boilerplate_rules import WIRES
from transforms.common import Step
from transforms.dates import lead_field_date

STAGE = "metadata"
EARLIEST_PLAUSIBLE = dt.datetime(1990, 1, 1, tzinfo=dt.UTC)  # before the web there were no online articles
FUTURE_SLACK = dt.timedelta(days=1)  # time zones put a fresh article up to a day "ahead" of UTC ingestion
MAX_DATE_TEXT = 64  # a date string longer than this is prose, not a date; also bounds parser work
UTC_BEHIND = dt.timedelta(hours=12)  # the westernmost time zone, UTC-12
UTC_AHEAD = dt.timedelta(hours=14)  # the easternmost time zone, UTC+14 (Kiribati)
CONTEXT_CHARS = 2000  # the text's letters that settle a language-dependent month name ("listopada")

_URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d{2})[/-](?P<m>[01]?\d)[/-](?P<d>[0-3]?\d)(?:/|$|[-_])")
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|,| and | & | und | et | y )\s*")
_HAS_DIGIT = re.compile(r"\d")
_HAS_TIME = re.compile(r"\d[T ]\d{1,2}:\d{2}")  # "2026-06-30T22:40", "Tue, 30 Jun 2026 22:40:00 GMT"
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_COMPANY_SUFFIX = re.compile(
    r"(?:[\s,]+\(?(?:Media|Ltd|Limited|GmbH|Inc|LLC|Group|plc|AG|S\.A|SA|Co|Verlag|Publishing|Holdings|Corp|Pvt|Pty|"
    r"Ltda|SRL|S\.L)\)?\.?)+$",
    re.I,
)

_WORD = re.compile(r"\w+")
# A copyright line's rights phrase is not its holder ("© All rights reserved", "Copyright 2026. Todos os direitos").
_RIGHTS = re.compile(
    r"\b(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|"
    r"todos os direitos reservados|riproduzione riservata|alle rechten voorbehouden|wszelkie prawa zastrzeżone)\b.*$",
    re.I,
)
_WIRE_WORDS = {w for name in WIRES for w in name.split()} - {"the", "press"}  # "press" alone names no agency

# Month names of the dateline languages we parse, to English for dateutil.
_MONTHS = {
    "januar": "January", "februar": "February", "märz": "March", "mai": "May", "juni": "June", "juli": "July",
    "oktober": "October", "dezember": "December", "janvier": "January", "février": "February", "mars": "March",
    "avril": "April", "juin": "June", "juillet": "July", "août": "August", "septembre": "September",
    "octobre": "October", "novembre": "November", "décembre": "December", "enero": "January",
    "febrero": "February", "marzo": "March", "abril": "April", "mayo": "May", "junio": "June", "julio": "July",
    "agosto": "August", "septiembre": "September", "octubre": "October", "noviembre": "November",
    "diciembre": "December", "janeiro": "January", "fevereiro": "February", "março": "March", "maio": "May",
    "junho": "June", "julho": "July", "setembro": "September", "outubro": "October", "dezembro": "December",
}  # fmt: skip
_MONTH_WORD = re.compile(r"[^\W\d_]+")

# Reasons a date candidate is rejected; each is also a counter name `date_rejected_<reason>`.
UNPARSEABLE, BEFORE_1990, FUTURE = "unparseable", "before_1990", "future"


def parse_date(value: Any) -> dt.datetime | None:
    """A datetime (aware when the text carries an offset) from ISO, RFC 2822 or free-form text; None when invalid."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    text = str(value).strip()
    if not text or len(text) > MAX_DATE_TEXT or not _HAS_DIGIT.search(text):
        return None
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    if not _YEAR.search(text):
        return None  # dateutil would silently fill in the current year
    try:
        return dateparser.parse(text, fuzzy=False)
    except (ValueError, OverflowError, TypeError):
        return None


def as_utc(when: dt.datetime) -> dt.datetime:
    """A naive datetime is taken as UTC (a bare date becomes midnight UTC)."""
    aware = when if when.tzinfo else when.replace(tzinfo=dt.UTC)
    return aware.astimezone(dt.UTC)


def check_date(value: Any, now: dt.datetime) -> tuple[dt.datetime | None, str | None]:
    """(parsed date, None) when usable, else (None, reason): unparseable, before_1990 or future."""
    parsed = parse_date(value)
    if parsed is None:
        return None, UNPARSEABLE
    try:
        utc = as_utc(parsed)
    except (OverflowError, ValueError):  # year 9999 with a negative offset overflows
        return None, FUTURE
    if utc < EARLIEST_PLAUSIBLE:
        return None, BEFORE_1990
    if utc > now + FUTURE_SLACK:
        return None, FUTURE
    return parsed, None


def plausible(when: dt.datetime, now: dt.datetime) -> bool:
    return check_date(when, now)[1] is None


def date_from_url(url: str | None) -> str | None:
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    return f"{match['y']}-{int(match['m']):02d}-{int(match['d']):02d}"


def dateline_date(text: str | None, context: str | None = None) -> str | None:
    """A dateline date with a year as ISO ("Jan 5, 2026", "12 mars 2026", "5. Januar 2026"), else None.

    A dateline without a year ("March 3") is read by `dateline_day_month`, and used only with a year the copy
    itself prints (`yearless_date`): backfills process old archives, so filling in the ingestion year would be a
    guess that silently shifts an article by years.
    """
    text = ascii_digits(text) if text else text  # "તા. ૧૪-૧૧-૨૦૨૬": digits of any script
    if not text or not _YEAR.search(text):
        return None
    # day-first numeric and every month language the stamps know ("7 de octubre de 2026", "2026. október 8.")
    day = stamp_date(text, context=context) or _numbered_month_date(text) or _month_prefix_date(text)
    if day:
        return day
    if ambiguous_slash_date(text):  # "09/11/2026": dateutil would read it month first; `_day_first` decides
        return None
    text = _MONTH_WORD.sub(lambda m: _MONTHS.get(m.group(0).lower(), m.group(0)), text).replace(".", " ")
    parsed = parse_date(text)
    return parsed.date().isoformat() if parsed else None


PLACEHOLDER_YEAR = 2000  # a leap year: "29 February" without a year still reads as a day
GLUE_WORDS = 3  # "оны", "дүгээр сарын": the words a language puts between a year, a numbered month and a day
# year first, then a month's number and a day, with a few words between ("2026 оны 11 дүгээр сарын 20", mn; the
# same order as "2026年11月20日"): a year first is never followed by the day, in any language
_NUMBERED_MONTH = re.compile(
    rf"(?<!\d)(?P<y>(?:19|20)\d{{2}})(?:\s*[^\W\d_]+\.?){{1,{GLUE_WORDS}}}\s*(?P<m>\d{{1,2}})"
    rf"(?:\s*[^\W\d_]+\.?){{1,{GLUE_WORDS}}}\s*(?P<d>\d{{1,2}})(?!\d)"
)
MONTH_PREFIX = 3  # "nov" of "novanm" (ht), "novembre", "listopad" aside: CLDR names' first three letters
MONTH_WORD_MIN = 5  # shorter words ("jen", June in Haitian Creole, January's prefix elsewhere) are left unread
_DAY_WORD_YEAR = re.compile(
    rf"(?<!\d)(?P<d>\d{{1,2}})\.?\s+(?P<w>[^\W\d_]{{{MONTH_WORD_MIN},}})\.?,?\s+(?P<y>(?:19|20)\d{{2}})(?!\d)"
)


def _numbered_month_date(text: str) -> str | None:
    """A dateline's year, numbered month and day ("2026 оны 11 дүгээр сарын 20") as ISO, else None."""
    match = _NUMBERED_MONTH.search(text)
    if not match:
        return None
    try:
        return dt.date(int(match["y"]), int(match["m"]), int(match["d"])).isoformat()
    except ValueError:
        return None


@functools.cache
def _month_prefixes() -> dict[str, int]:
    """The first letters of every CLDR month name (Latin script) that begin one month's names only."""
    from transforms.boilerplate_classes import _cldr_months

    found: dict[str, set[int]] = {}
    for name, number in _cldr_months().items():
        if name[:1].isascii() and name[:1].isalpha():
            found.setdefault(name[:MONTH_PREFIX], set()).add(number)
    return {prefix: next(iter(numbers)) for prefix, numbers in found.items() if len(numbers) == 1}


def _month_prefix_date(text: str) -> str | None:
    """A dateline's "day month year" whose month is spelt as no table or CLDR spells it, read by the first
    letters all months of that name share in the languages CLDR knows ("18 novanm 2026", ht): a dateline's
    date part is a date, so only its month's spelling is in doubt."""
    match = _DAY_WORD_YEAR.search(text)
    if not match:
        return None
    month = _month_prefixes().get(match["w"].casefold()[:MONTH_PREFIX])
    try:
        return dt.date(int(match["y"]), month or 0, int(match["d"])).isoformat()
    except ValueError:
        return None


def dateline_day_month(text: str | None, context: str | None = None) -> tuple[int, int] | None:
    """(month, day) of a dateline without a year ("Nov 18", "20 noyabr", "19 noiembrie"), in any language the
    stamps read; None when it has a year (`dateline_date` reads it) or no month ("17")."""
    text = ascii_digits(text) if text else text
    if not text or _YEAR.search(text):
        return None
    day = stamp_date(f"{text.strip(' ,.')} {PLACEHOLDER_YEAR}", context=context)
    if day is None:
        return None
    parsed = dt.date.fromisoformat(day)
    return parsed.month, parsed.day


def yearless_date(day_month: tuple[int, int] | None, years: list[int], reference: dt.datetime) -> str | None:
    """The date of a yearless dateline in the latest year the copy itself prints (a "© AZƏRTAC, 2026" line, a
    sign-off "CMC/ar/ir/2026") that does not put it after `reference`; None without such a year."""
    if day_month is None:
        return None
    for year in sorted(set(years), reverse=True):
        try:
            day = dt.date(year, *day_month)
        except ValueError:  # 29 February of a common year
            continue
        if day <= reference.date():
            return day.isoformat()
    return None


def choose_date(
    candidates: list[tuple[str, Any]], now: dt.datetime
) -> tuple[dt.datetime | None, dt.date | None, str | None]:
    """(published_at in UTC, published date as printed, where it came from) from ordered candidates."""
    at, day, source, _ = choose_date_with_rejections(candidates, now)
    return at, day, source


def choose_date_with_rejections(
    candidates: list[tuple[str, Any]], now: dt.datetime
) -> tuple[dt.datetime | None, dt.date | None, str | None, list[tuple[str, str, str]]]:
    """Like `choose_date`, plus every present candidate rejected on the way as (source, reason, value)."""
    rejected: list[tuple[str, str, str]] = []
    for source, value in candidates:
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        parsed, reason = check_date(value, now)
        if parsed is None:
            rejected.append((source, reason or UNPARSEABLE, str(value)[:MAX_DATE_TEXT]))
            continue
        return as_utc(parsed), parsed.date(), source, rejected
    return None, None, None, rejected


def canonical_url(url: str | None) -> str | None:
    if not url:
        return None
    cleaned = courlan.clean_url(url)
    return courlan.normalize_url(cleaned) if cleaned else None


def split_authors(value: Any) -> tuple[str, ...]:
    if not value:
        return ()
    items = value if isinstance(value, list | tuple) else _AUTHOR_SPLIT.split(str(value))
    return tuple(dict.fromkeys(a.strip() for a in items if a and a.strip()))


_TRAILING_YEAR = re.compile(r"[\s,.]+(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?[\s.]*$")


def copyright_outlet(holders: list[str] | None) -> str | None:
    """The outlet named by a copyright line ("© 2026 Coastal Courier Media Ltd." -> Coastal Courier).

    A wire agency's copyright (an AP story reprinted by a newspaper) names the wire, not the outlet, and is
    skipped, as are holders that look like codes ("dpa-infocom, dpa:260212-930-123456/1").
    """
    for holder in holders or []:
        holder = _TRAILING_YEAR.sub("", _RIGHTS.sub("", holder))  # "© Nuacht an Iarthair 2026"
        name = _COMPANY_SUFFIX.sub("", holder.split(",")[0].strip(" .,")).strip(" .,")
        words = set(_WORD.findall(name.lower()))
        if len(name) < 2 or _HAS_DIGIT.search(name) or ":" in name or words & _WIRE_WORDS:
            continue
        if name.lower().removeprefix("the ") in WIRES:
            continue
        return name
    return None


def wire_holder(holders: list[str] | None) -> str | None:
    """The wire agency a copyright line names ("Copyright ANSA" -> ANSA), for a copy with no other evidence."""
    for holder in holders or []:
        for word in _WORD.findall(holder.lower()):
            if word in WIRES and word not in {"the", "press"}:
                return WIRES[word]
        name = _COMPANY_SUFFIX.sub("", holder.strip(" .,")).strip(" .,").lower().removeprefix("the ")
        if name in WIRES:
            return WIRES[name]
    return None


def _affiliated_wire(affiliations: list[str] | None) -> str | None:
    """The wire agency a byline's affiliation opens with ("PA Scotland" -> PA Media, "Reuters" -> Reuters)."""
    for affiliation in affiliations or []:
        words = _WORD.findall(affiliation.lower())
        for n in (2, 1):  # "canadian press" before "cp"
            name = " ".join(words[:n])
            if len(words) >= n and name in WIRES and name not in {"the", "press"}:
                return WIRES[name]
    return None


_RIGHTS_RULES = ("copyright", "shape.copyright")  # the clean step's rule ids for rights lines
# after the sign: an optional "Copyright" word, years ("2026", "2019-2026") and separators, then the holder, up to a
# sentence's end, a bar or the end of the line ("Kopiereg © 2026 Vrystaat Nuus.", "© 2026 Akéde Ìbàdàn. All ...")
_AFTER_SIGN = re.compile(
    r"[©ⓒ]\s*(?:copyright\s*)?(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?[\s,.:]*)?"
    r"(?P<holder>[^|\n]+?)\s*(?:[.|](?:\s|$)|\n|$)",
    re.I,
)
RIGHTS_LINE_CHARS = 160  # a rights line is short; a longer paragraph with a © is prose or a disclaimer


def rights_holders(removed: tuple[tuple[str, str], ...] | list[tuple[str, str]]) -> list[str]:
    """The holders named after the sign of the short rights lines the clean step removed, in any wording before the
    sign ("Ẹ̀tọ́ àdàkọ © 2026 Akéde Ìbàdàn.", "Xuquuqda daabacaadda © 2026 ..."): the outlet's own name when no rule
    read the line's holder (only lines with a year, as `copyright.line` reads them)."""
    holders = []
    for rule_id, text in removed:
        if not rule_id.startswith(_RIGHTS_RULES) or len(text) > RIGHTS_LINE_CHARS or not _YEAR.search(text):
            continue  # "Foto © Jane Doe": a sign with no year credits a photographer, not the outlet
        for line in text.splitlines():
            match = _AFTER_SIGN.search(line)
            holder = _RIGHTS.sub("", match["holder"]).strip(" .,;:-–—") if match else ""
            if not holder and (owned := _OWNED.search(line)):  # "X is part of Y Media Ltd. © 2026 All rights ..."
                holder = owned["name"]
            if holder:
                holders.append(holder)
    return holders


# "The Fenland Echo is part of Eastern Counties Media Ltd. ©": a rights line whose sign names no holder says whose
# title the copy is in the sentence before it (the title, not its owner, is the outlet readers name)
_OWNED = re.compile(
    r"^\W*(?P<name>[^\W\d_][^.!?©]{1,50}?)\s+(?:is (?:part of|published by|owned by|a member of|a publication of)|"
    r"fait partie d|appartient à|est publié par|es parte de|pertenece a|forma parte de|faz parte d|pertence a|"
    r"gehört zu|ist teil d|erscheint im|fa parte d|appartiene a|maakt deel uit van|is onderdeel van)",
    re.I,
)


# A unit of the outlet named after it ("Punjab Times Bureau", "... ब्यूरो"): the outlet is the name before it. The
# word "bureau" in the scripts of the Indian press, which borrows it, and "desk".
_BUREAU = re.compile(
    r"(?<=\S)\s+(?:bureau|desk|ब्यूरो|ब्युरो|ਬਿਊਰੋ|ਬਿਉਰੋ|બ્યુરો|બ્યૂરો|ব্যুরো|বুরো|ବ୍ୟୁରୋ|"
    r"பீரோ|బ్యూరో|ಬ್ಯೂರೋ|ബ്യൂറോ|بیورو)$",
    re.I,
)
# An agency written as its kind's initials and its name in quotes ("АМИТ «Ховар»", "ИА «Регнум»", "AA «Dunyo»"):
# readers name it by the quoted name.
_KIND_AND_QUOTED = re.compile(r"^[^\W\d_]{2,6}\.?\s*[«„“\"](?P<name>[^«»„“”\"]{2,40})[»“”\"]$")


def outlet_name(name: str | None) -> str | None:
    """A credited outlet as a reader names it: without a bureau or desk word after it, and an agency's quoted name
    without the initials of its kind; anything else as it is."""
    if not name:
        return name
    name = name.strip()
    if (match := _KIND_AND_QUOTED.match(name)) and name[: match.start("name")].strip(' «„“"').isupper():
        return match["name"].strip()
    return _BUREAU.sub("", name) or name


# "Published on NewsBridge Asia: 20 November 2026", "is republished on X under a content partnership", and the
# same words of es/pt/fr/de/it/nl: the platform this copy is published on
_PUBLISHED_ON = re.compile(
    r"\b(?:re-?)?(?:published|posted|publicad[oa]|publiée?|veröffentlicht|pubblicato|gepubliceerd)\s+"
    r"(?:on|en|em|sur|auf|su|op)\s+(?P<name>[^\W\d_][^\n:,;()]{1,40}?)"
    r"(?=\s*[:,;(]|\s+(?:under|as|with|by|at|since|on|el|em|le|am|il|op|\d)\b|\.(?:\s|$)|$)",
    re.I,
)
_ORIGIN_NOTE = "trailer.first_published"  # "This article was originally published by ... and is republished on ..."
_SOURCE_LINE = "meta.source_line"  # "Source: Philippine News Agency"
LEAD_CHARS = 600  # the head of a copy, where an aggregator prints its own stamp


def _same_name(a: str, b: str) -> bool:
    def key(name: str) -> str:
        return " ".join(_WORD.findall(name.casefold())).removeprefix("the ")

    return key(a) == key(b)


def republisher(doc: Doc, source: str | None) -> str | None:
    """The platform that republished another outlet's copy, for a copy that credits its origin explicitly (a
    "Source: <the source>" line, or an "originally published by ..." note) and names the platform it is published
    on ("Published on X: <date>", "republished on X"), when that is not the source itself. Without the credit of
    the origin, "Published on The Daily X" is the outlet's own stamp, not a syndication."""
    if not source:
        return None
    credited = any(
        rule_id == _ORIGIN_NOTE or (rule_id == _SOURCE_LINE and _same_name(text.partition(":")[2], source))
        for rule_id, text in doc.removed
    )
    if not credited:
        return None
    for text in (doc.text[:LEAD_CHARS], *(text for _, text in doc.removed)):
        for match in _PUBLISHED_ON.finditer(text):
            name = match["name"].strip(" .")
            if not _same_name(name, source):
                return name
    return None


# The outlet speaking of itself by name, read only when nothing else names it: "Follow the Chronicle on WhatsApp"
# (and the follow verbs of fr/es/pt/de/it/nl), "... the views of the management and owner of the Daily X".
_WORD_IN_NAME = r"[\w'’&-]*(?:\.\w+)*"  # "Rappler.com", "Ledger" of "the Daily Ledger. We reserve ..."
_NAME = (
    rf"(?P<name>(?:[Tt]he )?[A-Z]{_WORD_IN_NAME}"
    rf"(?: (?:[A-Z]{_WORD_IN_NAME}|of|de|del|la|le|du|da|do|van|von|and|&)){{0,5}})"
)
_OWN_NAME = (
    re.compile(
        r"\b(?i:follow|like|suivez|suis|sigue(?: a)?|siga|segue|folgen sie|folge|segui|seguite|volg)\s+"
        + _NAME
        + r"\s+(?i:on|sur|en|no|na|nos|auf|bei|su|sul|op)\s+(?P<platform>[^\n]{2,60})",
    ),
    re.compile(
        r"\b(?i:views?|opinions?|positions?) of (?:the )?(?:management (?:and|or) owners? of (?:the )?)?" + _NAME
    ),
)
_NOT_OUTLET = re.compile(r"^(?:the )?(?:us|our|me|this|these|them)$", re.I)
_TRAILING_PARTICLE = re.compile(r"(?: (?:of|de|del|la|le|du|da|do|van|von|and|&))+$")


def own_name(removed: tuple[tuple[str, str], ...] | list[tuple[str, str]]) -> str | None:
    """The outlet as its own prompts and disclaimers name it (`_OWN_NAME`), for a copy that names it nowhere else;
    a leading "the" is written "The"."""
    for _, text in removed:
        for pattern in _OWN_NAME:
            if match := pattern.search(text):
                name = _TRAILING_PARTICLE.sub("", match["name"].rstrip(".'’"))
                platform = match.groupdict().get("platform")
                if platform is not None and not names_platform(platform):
                    continue  # "Follow The Latest On Our App": a prompt, but no platform and so no outlet
                if not _NOT_OUTLET.match(name) and not names_platform(name):
                    return "The " + name[4:] if name.startswith("the ") else name
    return None


def _initials(name: str) -> str:
    """The initials of a name's capitalised words ("Agence Haïtienne de Presse" -> "ahp"): the code a dateline
    credits for the holder its rights line spells out."""
    return "".join(word[0] for word in _WORD.findall(name) if word[0].isupper()).casefold()


def choose_source(doc: Doc) -> tuple[str | None, str | None]:
    """(source, syndicator): the outlet whose copy this is, and the aggregator that redistributed it, if any."""
    meta, hints = doc.meta, doc.hints
    header = meta.get("header", {})
    page = meta.get("page", {})
    outlets = meta.get("outlets") or []
    holder = copyright_outlet(meta.get("copyright_holders")) or copyright_outlet(rights_holders(doc.removed))
    wire = outlet_name(header.get("wire"))  # a dateline's credit: "(Punjab Times Bureau)", "/АМИТ «Ховар»/"
    if (
        holder
        and wire
        and (re.search(rf"(?<!\w){re.escape(wire)}$", holder.strip(), re.I) or _initials(holder) == wire.casefold())
    ):
        holder = wire  # "Oʻzbekiston milliy axborot agentligi – UzA": the name its dateline credits
    source = (
        outlet_name(header.get("source"))
        or hints.get("source")
        or page.get("sitename")
        or (outlets[0] if outlets else None)
        or holder
        or wire  # a bare wire copy: the agency is the outlet
        or wire_holder(meta.get("copyright_holders"))  # "© Copyright ANSA" closing a bare wire copy
        or _affiliated_wire(meta.get("affiliations"))  # "By Lucy Kerr, PA Scotland"
        or own_name(doc.removed)  # "Follow the Chronicle on WhatsApp": the outlet names itself nowhere else
    )
    syndicators = meta.get("syndicators") or []
    syndicator = header.get("syndicator") or hints.get("syndicator") or (syndicators[0] if syndicators else None)
    return source, syndicator or republisher(doc, source)


def _text_date(page: dict) -> str | None:
    """The date trafilatura/htmldate found for the page, unless it is a repair of a broken declared date.

    htmldate turns an impossible declared date ("2026-02-30") into the first of its month ("2026-02-01"): that is
    not a date the publisher printed, so it must not stand in for the rejected one.
    """
    found, declared = page.get("date"), page.get("date_structured")
    if found and declared and parse_date(declared) is None and str(declared)[:7] == str(found)[:7]:
        return None
    return found


def _utc_instant(value: Any) -> dt.datetime | None:
    """The parsed value when it is a UTC instant with a time of day ("2026-06-30T22:40:00Z"), else None."""
    if not isinstance(value, str) or not _HAS_TIME.search(value):
        return None
    parsed = parse_date(value)
    if parsed is None or parsed.tzinfo is None or parsed.utcoffset() != dt.timedelta(0):
        return None
    return parsed


def local_date(chosen: Any, printed: list[str | None]) -> dt.date | None:
    """The date the publisher printed, when the chosen date is a UTC instant and the text or page prints a date
    that is that instant's calendar day somewhere on earth (UTC-12 to UTC+14) but not the UTC one.

    `published_date` is the publisher's local date: "2026-06-30T22:40:00Z" on a page that prints "Wednesday 1 July
    2026" (Adelaide, UTC+9:30) was published on 1 July. The first printed date that fits wins.
    """
    when = _utc_instant(chosen)
    if when is None:
        return None
    possible = {(when - UTC_BEHIND).date(), (when + UTC_AHEAD).date()}
    for value in printed:
        try:
            day = dt.date.fromisoformat(value) if value else None
        except ValueError:
            continue
        if day is not None and day in possible and day != when.date():
            return day
    return None


def _day_first(doc: Doc, url: str | None = None) -> str | None:
    """An ambiguous numeric date of a stamp or dateline ("Imechapishwa: 08/11/2026", "Door X, 09/11/2026 om
    07:42") read in the order its outlet writes dates (`numeric_order`). The language is detected here only for
    such a date (rare), with the pipeline's own detector on a short prefix."""
    header = doc.meta.get("header", {})
    ambiguous = doc.meta.get("ambiguous_dates") or [
        found for text in (header.get("dldate"), header.get("dltext")) if text and (found := ambiguous_slash_date(text))
    ]
    if not ambiguous:
        return None
    from transforms.language import detect_language  # only for this rare case

    language, _ = detect_language(doc.text[:CONTEXT_CHARS])
    texts = [doc.text[:CONTEXT_CHARS], *(text for _, text in doc.removed)]
    month_first = numeric_order(texts, doc.meta.get("page", {}).get("locale"), url, language)
    if month_first is None:
        return None
    first, second, year = ambiguous[0]
    day, month = (second, first) if month_first else (first, second)
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


# a numeric date with the year last: "14/11/2026", "11-14-2026", "6.17.2026"
_NUMERIC_DATE = re.compile(r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?:19|20)\d{2}(?![\d/.-])")
_COUNTRY_TLD = re.compile(r"^[a-z][a-z0-9+.-]*://[^/?#]*\.(?P<tld>[a-z]{2})(?::\d+)?(?:[/?#]|$)", re.I)
_TLD_COUNTRY = {"uk": "GB"}  # the one country-code domain that is not its ISO country code


def numeric_order(texts: list[str], locale: str | None, url: str | None, language: str) -> bool | None:
    """Whether the outlet writes numeric dates month first (True), day first (False), or unknown (None), from the
    surest evidence: another numeric date of the same copy that only one order can read ("11/14/2026": month
    first); the country the page declares (og:locale or <html lang>: "en_GB"); the country of its URL's domain
    (".ng", ".co.uk", ".ph"); the text's language (`_month_first`). English needs a country: US and Philippine
    English write the month first, British, Indian, Nigerian, Kenyan... the day first, as CLDR's short date
    patterns say."""
    for text in texts:
        for match in _NUMERIC_DATE.finditer(ascii_digits(text)):
            a, b = int(match["a"]), int(match["b"])
            if (a > 12) != (b > 12) and max(a, b) <= 31:
                return b > 12
    country = locale.partition("_")[2] if locale else None
    if not country and url and (tld := _COUNTRY_TLD.match(url)):
        country = _TLD_COUNTRY.get(tld["tld"].lower(), tld["tld"].upper())
    if country and language != "und":
        order = _month_first(f"{language}_{country}")
        if order is not None:
            return order
    return _month_first(language)


@functools.cache
def _month_first(language: str) -> bool | None:
    """Whether a language (or a language and country, "en_GB") writes numeric dates with the year last month
    first (CLDR's short date pattern, from babel: "M/d/yy" for fil, zu, xh, en_US...), else day first ("dd/MM/y",
    and languages that put the year first or that CLDR does not know: their press writes a year-last date day
    first). None for English without a country (US month first, UK day first), English of a country whose
    pattern puts the year first (en_CA: both orders are written there), and no language."""
    if language in ("en", "und"):
        return None
    try:
        pattern = Locale.parse(language.replace("-", "_")).date_formats["short"].pattern
    except (ValueError, LookupError, TypeError, UnknownLocaleError):  # an unknown code: day first, as most of the world
        return None if language.startswith("en_") else False
    fields = re.sub(r"'[^']*'", "", pattern)  # quoted literals are no fields
    day, month, year = fields.find("d"), fields.find("M"), fields.find("y")
    if language.startswith("en_") and year < month:
        return None
    return 0 <= month < day < year


def _reference_time(crawled: Any, now: dt.datetime) -> dt.datetime:
    """When the copy was read: the crawl time of a WARC record (an aware datetime), else the ingestion time."""
    if isinstance(crawled, dt.datetime):
        crawled = as_utc(crawled)
        if crawled <= now:
            return crawled
    return now


def normalise_metadata(doc: Doc, now: dt.datetime | None = None) -> Doc:
    now = now or dt.datetime.now(dt.UTC)
    page = doc.meta.get("page", {})
    header = doc.meta.get("header", {})
    hints = doc.hints
    url = canonical_url(hints.get("url") or page.get("url"))
    dateline = dateline_date(header.get("dldate") or header.get("dltext"), doc.text[:CONTEXT_CHARS])
    stamped = (doc.meta.get("stamp_dates") or [None])[0]
    day_month = dateline_day_month(header.get("dldate") or header.get("dltext"), doc.text[:CONTEXT_CHARS])
    reference = _reference_time(hints.get(CRAWLED_AT), now)
    candidates = [
        ("html_meta", page.get("date_structured")),
        ("header", header.get("date")),
        ("dateline", dateline),
        ("text_stamp", stamped),
        ("text_lead", None),  # filled below only when nothing above has a date: it costs a look at the lead
        ("record_field", hints.get("published")),
        ("url", date_from_url(url)),
        ("html_stamp", page.get("date_stamp")),  # a stamp under the headline that extraction dropped
        ("html_text", _text_date(page)),
        ("dateline_year", yearless_date(day_month, doc.meta.get("years") or [], reference)),  # + "© 2026"
        ("text_updated", (doc.meta.get("updated_dates") or [None])[0]),  # only an "Updated ..." stamp
        ("text_stamp_dmy", _day_first(doc, url)),  # "08/11/2026" in the order its outlet writes dates, last
    ]
    if not any(value for _, value in candidates[:3]) and not stamped:
        candidates[4] = ("text_lead", lead_field_date(doc.text, doc.removed))  # "Le X | Diardaoin 5 Samhain 2026"
    published_at, published_date, date_source, rejected = choose_date_with_rejections(candidates, now)
    if published_at is not None:
        chosen = dict(candidates)[date_source]
        published_date = local_date(chosen, [dateline, stamped, page.get("date_printed")]) or published_date
    for _, reason, _ in rejected:
        Metrics.counter(STAGE, f"date_rejected_{reason}").inc()
    source, syndicator = choose_source(doc)
    return doc.replace(
        url=url,
        source=source,
        syndicator=syndicator,
        title=hints.get("title") or page.get("title"),
        authors=split_authors(hints.get("authors") or page.get("author") or doc.meta.get("bylines")),
        published_at=published_at,
        published_date=published_date,
        date_source=date_source,
        date_rejected="; ".join(f"{s}:{r}:{v}" for s, r, v in rejected) or None,
    )


class Metadata(beam.PTransform):
    def expand(self, docs):
        return docs | "NormaliseMetadata" >> Step(STAGE, normalise_metadata)
