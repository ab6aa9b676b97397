"""Clean: text-level boilerplate removal after extraction (and for plain-text dumps), with an audit trail."""

from __future__ import annotations

import functools
import re

import apache_beam as beam

from schemas.record import Doc
from transforms.boilerplate_classes import (
    CLASSIFIER_MAX_CHARS,
    CLASSIFIERS,
    ambiguous_slash_date,
    is_lead_stamp,
    stamp_date,
    stamp_prefix_end,
    tail_kind,
)
from transforms.boilerplate_learned import RULE_ID as LEARNED_RULE_ID
from transforms.boilerplate_learned import Model, boilerplate_indices, default_model
from transforms.boilerplate_rules import _UPPER_CHARS as _UPPER
from transforms.boilerplate_rules import RULES, WIRES, Rule
from transforms.boilerplate_self import strip_self
from transforms.boilerplate_shapes import chrome_indices
from transforms.common import Rejected, Step
from transforms.entity_gazetteer import small_places

STAGE = "clean"
_RELATED_LABEL = next(rule for rule in RULES if rule.id == "related.also_read")
MIN_CLEAN_CHARS = 1  # an article whose cleaning leaves nothing is a dead letter, not an empty row
MAX_HEADERS = 4  # "date X MENAFN - Y) NEW DELHI (Reuters) -" stacks at most a few headers; bounds the loop
MAX_LEAD_HEADINGS = 3  # headline, kicker and a byline line may stand above an HTML page's dateline
LEAD_GAPS = "lead_gaps"  # where the header pass took a stamp out: read by `_strip_chrome`, never kept as metadata
PLACE_COLON_ID = "header.place_colon"
PLACE_COLON_MIN_WORDS = 6  # a story's first sentence follows the dateline, never a stray label
_PLACE_COLON = re.compile(r"^(?P<place>[A-ZÀ-Ý][\w'’.-]+(?: [A-ZÀ-Ý][\w'’.-]+){0,2}):\s+(?=[A-ZÀ-Ý\"“])")
MAX_LEAD_CHROME = 4  # a dump may open with site name, breadcrumb, source and stamp lines above the dateline
HEADING_MAX_CHARS = 200  # a headline is one short line; a longer block is a paragraph
MAX_TAIL_LINES = 4  # a wire copy closes with a few sign-off lines at most ("SYL // JMR", "Lusa/Fim")
HEADLINE_SAFE = frozenset({"related.also_read", "meta.source_line"})  # never tried on the first paragraph
LINK_RULE_ID = "html.link_paragraph"
RELATED_HEADING_ID = "related.heading"  # "You may also like", "Related stories": the headlines under it go too
RELATED_RULE_ID = "related.after_heading"
RELATED_LABEL_ID = "related.also_read"  # "Mehr zum Thema:", "Read more" alone on its line: a heading as well
RELATED_LABEL_CHARS = 40  # the label alone, without a headline after it
MAX_RELATED_LINKS = 6  # a related block lists a handful of headlines
LINK_HEADLINE_CHARS = 150  # a headline is one line
LINK_HEADLINE_MIN_WORDS = 3  # "Sport", "Weather": a one- or two-word line is a section label, left to the rules
STAMP_PREFIX_RULE_ID = "header.stamp_prefix"  # a byline or stamp cut from the start of the first sentence
MAX_PLANS = 64  # rule sets whose plan is kept
PLACEHOLDER_YEAR = 2000  # a leap year, appended to read a yearless day and month
LONE_DATELINE_CHARS = 80  # a place, a date and an agency on a line of their own above the story
CONTEXT_CHARS = 2000  # the text's letters that settle a language-dependent month name ("listopada")

_SPACES = re.compile(r"[ \t\u00a0\u2009\u200b]+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n+")
_SIGNOFF_DOMAIN = re.compile(r"\b([A-Z][\w-]{1,30})\.(?:com|net|org|info|news|[a-z]{2})\b")  # "Rappler.com"
_SIGNOFF_AGENCY = re.compile(r"^[\W_]*([A-Z]{3,8})[\W_]*$")  # "ANGOP", "-- BERNAMA": an agency's code alone
# an agency's code in brackets closing the last sentence: "... municipal offices. (PNA)", "... on Friday. (KNA)"
_TAIL_CODE = re.compile(rf"(?<=[.!?\"”])\s+\((?P<code>[{_UPPER}]{{2,8}})\)$")
TAIL_CODE_ID = "trailer.agency_code"
END_WORDS = frozenset({"end", "ends", "fin", "fine", "fim", "ende", "koniec", "kraj", "slut", "loppu", "enditem"})
_SENTENCE_END = re.compile(r"[.!?…:;\"”»)]\s*$")


def normalise_whitespace(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines).strip()


def paragraphs(text: str) -> list[str]:
    """Paragraphs: blank-line separated blocks, or single lines when the text has no blank lines. A block is cut
    into its lines where a line ends (`_LINE_ENDS`): a dump glues a label, a byline or an ad marker to its
    neighbour with a single newline ("...three more winters.\nAdvertisement\n\"Every time ..."), while prose
    wrapped at a fixed width goes on in lower case or after an unfinished line."""
    text = normalise_whitespace(text)
    blocks = _PARAGRAPH_BREAK.split(text) if _PARAGRAPH_BREAK.search(text) else text.split("\n")
    return [part for b in blocks for part in _split_lines(b)]


ONE_PER_LINE_MIN = 2  # two closed lines before the last: one closed line may be a wrapped sentence's end
LINE_SHORT_CHARS = 40  # a wrapped prose line runs 60-80 characters; a label, name or marker line is shorter
_LINE_CLOSED = re.compile(r"[.!?…:;\"”»)*|]\s*$")
_FIRST_LETTER = re.compile(r"[^\W\d_]")


def _is_label_alone(line: str) -> bool:
    """A related-stories label alone on its line ("Mehr zum Thema", "Read more:"): the line below is its link."""
    match = _RELATED_LABEL.regex.match(line + "\n")
    return bool(match) and match.end() >= len(line)


def _split_lines(block: str) -> list[str]:
    """A block's lines as paragraphs where the line before is closed (a sentence mark, a quote) or short (a
    label, a byline, a marker) and the next line does not go on in lower case; the rest stay joined. An unclosed
    line goes on over a capitalised line only when the sentence closes further down without a short line on the
    way: wrapped prose ends with a mark, while a headline over a byline and a stamp ("Impjant ... f'Marsaxlokk\n
    Minn Maria Borg\nIppubblikat: ...") or a list of headlines never does."""
    lines = [line.strip() for line in block.split("\n") if line.strip()]
    by_line = _one_per_line(lines)
    parts: list[str] = []
    for at, line in enumerate(lines):
        if parts:
            last = parts[-1].rsplit("\n", 1)[-1]
            first = _FIRST_LETTER.search(line)
            goes_on = first is not None and first.group(0).islower() and first.start() <= 2
            closed = len(last) <= LINE_SHORT_CHARS or _LINE_CLOSED.search(last)
            wrapped = not closed and not by_line and _sentence_closes(lines, at)
            if goes_on or wrapped or _is_label_alone(parts[-1]):  # "Mehr zum Thema:" heads the line below
                parts[-1] += "\n" + line
                continue
        parts.append(line)
    return parts


def _one_per_line(lines: list[str]) -> bool:
    """A block written one sentence a line (a dump that lost its blank lines): most of its lines end with a
    sentence mark. Prose wrapped at a fixed width ends a line with a mark only where a sentence happens to end,
    so there an unclosed line is part of a sentence; here it is a line of its own ("Les eisini: ..." between
    two sentences)."""
    inner = lines[:-1]
    closed = sum(1 for line in inner if _LINE_CLOSED.search(line))
    return closed >= ONE_PER_LINE_MIN and closed * 2 > len(inner)


def _sentence_closes(lines: list[str], at: int) -> bool:
    """Whether the lines from `at` on reach a closed line before a short line that is not the block's last."""
    for n in range(at, len(lines)):
        if _LINE_CLOSED.search(lines[n]):
            return True
        if len(lines[n]) <= LINE_SHORT_CHARS and n < len(lines) - 1:
            return False
    return False


def apply_rules(
    text: str,
    rules: tuple[Rule, ...] = RULES,
    link_lines: list[str] | tuple[str, ...] = (),
    learned: Model | None = None,
    title: str | None = None,
    site: str | None = None,
    url: str | None = None,
    authors: list[str] | tuple[str, ...] = (),
) -> tuple[str, list[tuple[str, str]], dict]:
    """(clean text, removals as (rule_id, text), metadata found in headers and outlet templates).

    `link_lines`: the page's short paragraphs made mostly of links (`transforms.page.link_lines`); a paragraph
    equal to one of them is removed as `html.link_paragraph`. `learned`: the shape model run after the rules
    (`learned.boilerplate`); the pipeline passes the bundled one (`clean_doc`), None leaves the rules alone.
    `title`: the page's headline, which the learned signal never removes. `site`: the page's site name, whose
    lines around the story are its furniture (`transforms.boilerplate_shapes`). `url` and `authors`: the page's
    address and authors, which tell the outlet's own addresses and the bio's name (`transforms.boilerplate_self`)."""
    paras, kept, origin, removed, found = rules_pass(text, rules, link_lines)
    gaps = frozenset(found.pop(LEAD_GAPS, ()))
    _strip_chrome(kept, origin, removed, site or _header_outlet(found), len(paras), gaps)
    strip_self(kept, origin, removed, found, site, url, title, list(authors))
    if learned is not None:
        _strip_learned(paras, kept, origin, removed, learned, title)
    _note_years(removed, found)
    return "\n\n".join(kept), removed, found


def _header_outlet(found: dict) -> str | None:
    """A dump's own outlet as its header credits it (the agency of "Улаанбаатар, ... /МОНЦАМЭ/."), standing in
    for the site name a page declares."""
    header = found.get("header", {})
    return header.get("source") or header.get("wire")


_YEAR_RULES = ("copyright", "shape.copyright", "trailer")  # rights lines and sign-offs print the copy's year
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def _note_years(removed: list[tuple[str, str]], found: dict) -> None:
    """The years printed by the copy's rights line or sign-off ("© AZƏRTAC, 2026", "CMC/ar/ir/2026"): the year
    of a dateline that prints none (`transforms.metadata.yearless_date`)."""
    years = [int(y) for rule_id, text in removed if rule_id.startswith(_YEAR_RULES) for y in _YEAR.findall(text)]
    if years:
        found["years"] = years


def rules_pass(
    text: str, rules: tuple[Rule, ...] = RULES, link_lines: list[str] | tuple[str, ...] = ()
) -> tuple[list[str], list[str], list[int], list[tuple[str, str]], dict]:
    """The rules alone: (the paragraphs once the headers are cut, the paragraphs kept, the index in the first
    list of each kept one, removals, metadata found)."""
    removed: list[tuple[str, str]] = []
    found: dict = {}
    context = text[:CONTEXT_CHARS]
    paras = paragraphs(text)
    headers = [r for r in rules if r.kind == "header"]
    # The headers open the story: on an HTML page the headline, a kicker or a byline line may come first, so
    # they are looked for in the first paragraph that is not a heading (at most MAX_LEAD_HEADINGS are skipped).
    at = headings = chrome = 0
    body_rules = _without(rules, HEADLINE_SAFE)
    for _ in range(MAX_HEADERS + MAX_LEAD_HEADINGS + MAX_LEAD_CHROME):
        # a dump may open with a stamp line ("04.03.2026 11:23 | APA") above the dateline the headers know
        while at < len(paras) and is_lead_stamp(paras[at]):
            removed.append(("classify.stamp", paras[at]))
            _note_date(paras.pop(at), found, context)
            found.setdefault(LEAD_GAPS, []).append(at)  # the paragraph now at `at` stood under a removed stamp
        if at >= len(paras):
            break
        if _strip_one_header(paras, at, headers, removed, found, context):
            if not paras[at]:
                paras.pop(at)
            continue
        if end := _place_colon_end(paras[at]):  # "Manama: Three new bus routes ..."
            removed.append((PLACE_COLON_ID, paras[at][:end].strip()))
            found.setdefault("header", {}).setdefault("place", paras[at][: end - 1].strip().rstrip(":"))
            paras[at] = paras[at][end:].strip()
            continue
        if end := stamp_prefix_end(paras[at]):  # "Door Lieve Claes, 09/11/2026 om 07:42 De haven ..."
            removed.append((STAMP_PREFIX_RULE_ID, paras[at][:end].strip()))
            _note_date(paras[at][:end], found, context)
            paras[at] = paras[at][end:].strip()
            continue
        # a line the rules remove whole ("Home > News", "Source: PNA") is passed over, not counted as a heading
        if chrome < MAX_LEAD_CHROME and at and _is_chrome(paras[at], rules, context):
            at += 1
            chrome += 1
            continue
        if headings < MAX_LEAD_HEADINGS and _is_heading(paras[at]):
            at += 1
            headings += 1
            continue
        break
    kept: list[str] = []
    origin: list[int] = []  # the index in `paras` of each kept paragraph, for the learned signal's context
    linked = {_SPACES.sub(" ", line) for line in link_lines}
    under_heading = 0  # headlines still expected under a related-stories heading the rules removed
    for i, para in enumerate(paras):
        if linked and i and _SPACES.sub(" ", para.replace("\n", " ")) in linked:
            removed.append((LINK_RULE_ID, para))
            continue
        if under_heading and _is_link_headline(para):
            removed.append((RELATED_RULE_ID, para))
            under_heading -= 1
            continue
        under_heading = 0
        # the first paragraph is often the headline ("Metro do Porto: linha Rubi abre em dezembro"), never a label
        para = _apply_to_paragraph(para, body_rules if i == 0 else rules, removed, found, context)
        if para:
            kept.append(para)
            origin.append(i)
        elif removed and _is_related_label(*removed[-1]):
            under_heading = MAX_RELATED_LINKS
    _strip_tail(kept, removed, found)
    return paras, kept, origin[: len(kept)], removed, found


def _strip_learned(
    paras: list[str], kept: list[str], origin: list[int], removed: list, model: Model, title: str | None
) -> None:
    """After the rules: the paragraphs the learned shape signal calls boilerplate (`transforms.boilerplate_learned`),
    judged in the context of the whole document as the rules saw it."""
    hits = set(boilerplate_indices(rules_view(paras, kept, origin), origin, model, title))
    if not hits:
        return
    remaining = []
    for i, para in zip(origin, kept, strict=True):
        if i in hits:
            removed.append((LEARNED_RULE_ID, para))
        else:
            remaining.append(para)
    kept[:] = remaining


def _strip_chrome(
    kept: list[str], origin: list[int], removed: list, site: str | None, total: int, gaps: frozenset[int]
) -> None:
    """Tag, counter, own-name and copyright lines above or below the story (`transforms.boilerplate_shapes`), by
    shape in any language. `total`: the number of paragraphs the rules saw, to tell which kept ones stood beside
    a removed one; `gaps`: the paragraphs that stood right under a lead stamp the header pass took out."""
    at = set(origin)
    beside = frozenset(
        i
        for i, o in enumerate(origin)
        if (o > 0 and o - 1 not in at) or (o + 1 < total and o + 1 not in at) or o in gaps or o + 1 in gaps
    )
    hits = dict(chrome_indices(kept, site, beside))
    if not hits:
        return
    for i, para in enumerate(kept):
        if i in hits:
            removed.append((hits[i], para))
    kept[:] = [para for i, para in enumerate(kept) if i not in hits]
    origin[:] = [at for i, at in enumerate(origin) if i not in hits]


def rules_view(paras: list[str], kept: list[str], origin: list[int]) -> list[str]:
    """The document as the rules left it, in place: a kept paragraph with its inline spans cut, a removed one as
    it was (a neighbour's shape is context for the learned signal either way)."""
    view = list(paras)
    for i, para in zip(origin, kept, strict=True):
        view[i] = para
    return view


def _strip_tail(kept: list[str], removed: list, found: dict) -> None:
    """Removes the sign-offs and bio that close a story after its last sentence (`tail_kind`); a sign-off's domain
    ("– Rappler.com") names the outlet."""
    if kept and (code := _TAIL_CODE.search(kept[-1])):
        removed.append((TAIL_CODE_ID, code.group(0).strip()))
        kept[-1] = kept[-1][: code.start()]
    for _ in range(MAX_TAIL_LINES):
        if len(kept) < 2:  # the story itself stays, however it ends
            return
        kind = tail_kind(kept[-1])
        if kind is None:
            return
        line = kept.pop()
        removed.append((kind, line))
        if domain := _SIGNOFF_DOMAIN.search(line):
            found.setdefault("outlets", []).append(domain.group(1))
        elif (code := _SIGNOFF_AGENCY.match(line)) and code.group(1).casefold() not in END_WORDS:
            found.setdefault("outlets", []).append(WIRES.get(code.group(1).casefold(), code.group(1)))


def _is_related_label(rule_id: str, text: str) -> bool:
    """A related-stories heading removed alone ("You may also like", "Mehr zum Thema:"), with no headline of its
    own after the label."""
    if rule_id == RELATED_HEADING_ID:
        return True
    if rule_id != RELATED_LABEL_ID:
        return False
    # "You may also like:\nAirport taxi rank ...": the label took its first headline along; the rest follow
    label, _, headline = text.partition("\n")
    return len(label) <= RELATED_LABEL_CHARS and (not headline or _is_link_headline(headline))


def _is_link_headline(para: str) -> bool:
    """A related story's headline left as a bare line under its heading in a dump ("You may also like" and then
    "St Lucia to host regional tourism ministers in January"): one short line of a few words, not closed like a
    sentence."""
    return (
        len(para) <= LINK_HEADLINE_CHARS
        and "\n" not in para
        and len(para.split()) >= LINK_HEADLINE_MIN_WORDS
        and not _SENTENCE_END.search(para)
    )


def _place_colon_end(para: str) -> int | None:
    """Where a Title Case dateline closed by a colon ends ("Manama: ...", "Dubai: ..."): the words before the colon
    name a place the gazetteer knows and a sentence of a few words follows. Upper-case datelines ("DOHA:") are a
    header rule; a Title Case label ("Update:", "Exclusive:") names no place."""
    match = _PLACE_COLON.match(para)
    if not match or len(para[match.end() :].split()) < PLACE_COLON_MIN_WORDS:
        return None
    return match.end() if match.group("place") in small_places() else None


def _is_chrome(para: str, rules: tuple[Rule, ...], context: str) -> bool:
    """A short line the paragraph rules remove whole (judged on a scratch audit: the body pass records it)."""
    return len(para) <= HEADING_MAX_CHARS and not _apply_to_paragraph(para, rules, [], {}, context)


def _is_heading(para: str) -> bool:
    """A headline, kicker or label line: short, one line, no sentence punctuation at its end."""
    return len(para) <= HEADING_MAX_CHARS and "\n" not in para and not _SENTENCE_END.search(para)


def _strip_one_header(paras: list[str], at: int, headers: list[Rule], removed: list, found: dict, context: str) -> bool:
    """Removes the first header rule that matches the start of paragraph `at`; True when one did. A dateline
    alone on its line ("Bakı, 20 noyabr, AZƏRTAC", "SANTIAGO DE COMPOSTELA, 17 (EUROPA PRESS)") is tried with the
    next paragraph after it, as the header rules expect the story's first words after a dateline."""
    lone = (
        at + 1 < len(paras)
        and len(paras[at]) <= LONE_DATELINE_CHARS
        and "\n" not in paras[at]
        and not _SENTENCE_END.search(paras[at].rstrip(")"))
    )
    for rule in headers:
        match = rule.regex.match(paras[at])
        if match and rule.needs_month and not _day_and_month(match):
            continue
        if lone and not match:
            joined = paras[at] + "\n" + paras[at + 1]
            match = rule.regex.match(joined)
            if match and len(match.group(0).rstrip()) <= len(paras[at]) < match.end():
                removed.append((rule.id, paras[at]))
                _note_header(rule, match, found, context)
                paras[at] = ""
                return True
            match = None
        if not match or not match.group(0).strip():
            continue
        removed.append((rule.id, match.group(0).strip()))
        _note_header(rule, match, found, context)
        paras[at] = paras[at][match.end() :].strip()
        return True
    return False


def _day_and_month(match: re.Match) -> bool:
    """The header's date part reads as a day and a month of some language ("21 қараша", "3 March")."""
    text = match.groupdict().get("dltext") or ""
    return stamp_date(f"{text} {PLACEHOLDER_YEAR}") is not None


def _note_header(rule: Rule, match: re.Match, found: dict, context: str) -> None:
    """What a header tells: its stamp date, place, wire, outlet, aggregator (the outermost header wins)."""
    groups = {k: v.strip() for k, v in match.groupdict().items() if v}
    if "stamp" in groups:  # a numeric stamp: day first, parsed here (dateutil would read 04.03. as April 3)
        _note_date(groups.pop("stamp"), found, context)
    for key in ("wire", "place"):  # a rule with two spellings of a group ("/ТАСС/" or "(ELTA)")
        if key + "2" in groups:
            groups.setdefault(key, groups.pop(key + "2"))
    if rule.syndicator:
        groups["syndicator"] = rule.syndicator
    if "wire" in groups:
        groups["wire"] = WIRES.get(groups["wire"].lower(), groups["wire"])
    header = found.setdefault("header", {})
    for key, value in groups.items():
        header.setdefault(key, value)  # the outermost header wins: it was added last, by the redistributor


_PARAGRAPH, _CLASSIFIER, _SPAN = 0, 1, 2


_PLANS: dict[int, tuple] = {}  # id of a rule set -> (the rule set, kept alive so the id stays its own, plan)


def _plan(rules: tuple[Rule, ...]) -> tuple[tuple, tuple, int]:
    """The rules as (kind, rule, matcher, longest paragraph it can match) steps, the span steps alone, and the
    longest paragraph any whole-paragraph step can match: a paragraph longer than that meets only the spans.
    Built once per rule set (keyed by identity: hashing 80 rules per paragraph would cost more than the loop)."""
    cached = _PLANS.get(id(rules))
    if cached is not None and cached[0] is rules:
        return cached[1]
    steps = []
    for rule in rules:
        if rule.kind == "paragraph":
            steps.append((_PARAGRAPH, rule, rule.regex.match, rule.max_chars))
        elif rule.kind == "classifier":
            steps.append((_CLASSIFIER, rule, CLASSIFIERS[rule.pattern], CLASSIFIER_MAX_CHARS[rule.pattern]))
        elif rule.kind == "span":
            steps.append((_SPAN, rule, rule.regex, 0))
    spans = tuple(step for step in steps if step[0] == _SPAN)
    plan = (tuple(steps), spans, max(step[3] for step in steps))
    if len(_PLANS) >= MAX_PLANS:  # tests build many small rule sets; the pipeline uses one
        _PLANS.clear()
    _PLANS[id(rules)] = (rules, plan)
    return plan


def _without(rules: tuple[Rule, ...], ids: frozenset[str]) -> tuple[Rule, ...]:
    """The rule set minus some rules, built once per rule set (by identity, like `_plan`)."""
    cached = _WITHOUT.get((id(rules), ids))
    if cached is not None and cached[0] is rules:
        return cached[1]
    if len(_WITHOUT) >= MAX_PLANS:
        _WITHOUT.clear()
    subset = tuple(r for r in rules if r.id not in ids)
    _WITHOUT[(id(rules), ids)] = (rules, subset)
    return subset


_WITHOUT: dict[tuple[int, frozenset[str]], tuple] = {}


def _apply_to_paragraph(para: str, rules: tuple[Rule, ...], removed: list, found: dict, context: str) -> str:
    steps, spans, longest = _plan(rules)
    if len(para) > longest:  # article prose: only inline spans can be in it
        para = _apply_spans(para, spans, removed, found)
        if len(para) > longest:
            return para.strip()
    for kind, rule, matcher, limit in steps:
        if kind == _PARAGRAPH:
            if len(para) <= limit and (match := matcher(para)):
                removed.append((rule.id, para))
                _note(rule, match, found)
                if rule.date_evidence:
                    _note_date(para, found, context)
                return ""
        elif kind == _CLASSIFIER:
            if para and len(para) <= limit and matcher(para):
                removed.append((rule.id, para))
                if rule.pattern == "stamp":
                    _note_date(para, found, context)
                return ""
        else:
            matches = list(matcher.finditer(para))
            if matches:
                removed.extend((rule.id, m.group(0).strip()) for m in matches)
                para = _SPACES.sub(" ", matcher.sub(" ", para)).strip()
                _note(rule, matches[0], found)
    return para.strip()


def _apply_spans(para: str, spans: tuple, removed: list, found: dict) -> str:
    for _, rule, regex, _ in spans:
        matches = list(regex.finditer(para))
        if matches:
            removed.extend((rule.id, m.group(0).strip()) for m in matches)
            para = _SPACES.sub(" ", regex.sub(" ", para)).strip()
            _note(rule, matches[0], found)
    return para


def _note_date(text: str, found: dict, context: str) -> None:
    """A date printed in a stamp line or a "first published" note, as evidence for `published_date`; a date
    printed only as "Updated ..." is kept apart, as the weakest evidence."""
    day = stamp_date(text, context=context)
    if day:
        found.setdefault("stamp_dates", []).append(day)
    elif updated := stamp_date(text, allow_updated=True, context=context):
        found.setdefault("updated_dates", []).append(updated)
    elif ambiguous := ambiguous_slash_date(text):  # "08/11/2026": the metadata step decides by the language
        found.setdefault("ambiguous_dates", []).append(list(ambiguous))


def _note(rule: Rule, match: re.Match, found: dict) -> None:
    """Keeps what a rule tells about the article: an outlet template, a byline's names, an aggregator."""
    groups = match.groupdict()
    outlet = rule.outlet or groups.get("outlet") or groups.get("outlet2")
    if outlet:
        found.setdefault("outlets", []).append(outlet.strip())
    if groups.get("wire"):  # a wire credited in a trailer: the source of a bare wire copy
        found.setdefault("outlets", []).append(WIRES.get(groups["wire"].lower(), groups["wire"]))
    if groups.get("syndicator"):
        found.setdefault("syndicators", []).append(groups["syndicator"].strip())
    if groups.get("author"):
        found.setdefault("bylines", []).append(groups["author"].strip())
    if groups.get("affiliation"):  # "By Lucy Kerr, PA Scotland": a wire named there is evidence of the source
        found.setdefault("affiliations", []).append(groups["affiliation"].strip())
    if groups.get("holder"):
        found.setdefault("copyright_holders", []).append(groups["holder"].strip())


def clean_doc(doc: Doc, learned: bool = True) -> Doc:
    """The rules, then (unless `learned` is False: `--no-learned-boilerplate`) the bundled shape model."""
    page = doc.meta.get("page", {})
    model = default_model() if learned else None
    text, removed, found = apply_rules(
        doc.text,
        link_lines=page.get("link_lines") or (),
        learned=model,
        title=page.get("title"),
        site=page.get("sitename"),
        url=doc.hints.get("url") or page.get("url"),
        authors=[a.strip() for a in re.split(r"[;,]| and ", page.get("author") or "") if a.strip()],
    )
    if len(text) < MIN_CLEAN_CHARS:
        raise Rejected("empty_after_cleaning", "nothing but boilerplate")
    return doc.replace(text=text, removed=tuple(removed), meta={**doc.meta, **found})


class Clean(beam.PTransform):
    def __init__(self, learned: bool = True) -> None:
        super().__init__()
        self.learned = learned

    @classmethod
    def from_options(cls, options) -> Clean:
        return cls(getattr(options, "learned_boilerplate", True))

    def expand(self, docs):
        fn = clean_doc if self.learned else functools.partial(clean_doc, learned=False)
        return docs | "StripBoilerplate" >> Step(STAGE, fn)
