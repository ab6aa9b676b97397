"""Clean: text-level boilerplate removal after extraction (and for plain-text dumps), with an audit trail."""

from __future__ import annotations

import re

import apache_beam as beam

from schemas.record import Doc
from transforms.boilerplate_classes import CLASSIFIERS, is_lead_stamp, stamp_date
from transforms.boilerplate_rules import RULES, WIRES, Rule
from transforms.common import Rejected, Step

STAGE = "clean"
MIN_CLEAN_CHARS = 1  # an article whose cleaning leaves nothing is a dead letter, not an empty row
MAX_HEADERS = 4  # "date X MENAFN - Y) NEW DELHI (Reuters) -" stacks at most a few headers; bounds the loop
MAX_LEAD_HEADINGS = 3  # headline, kicker and a byline line may stand above an HTML page's dateline
HEADING_MAX_CHARS = 200  # a headline is one short line; a longer block is a paragraph
CONTEXT_CHARS = 2000  # the text's letters that settle a language-dependent month name ("listopada")

_SPACES = re.compile(r"[ \t\u00a0\u2009\u200b]+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n+")
_SENTENCE_END = re.compile(r"[.!?…:;\"”»)]\s*$")


def normalise_whitespace(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines).strip()


def paragraphs(text: str) -> list[str]:
    """Paragraphs: blank-line separated blocks, or single lines when the text has no blank lines."""
    text = normalise_whitespace(text)
    blocks = _PARAGRAPH_BREAK.split(text) if _PARAGRAPH_BREAK.search(text) else text.split("\n")
    return [b.strip() for b in blocks if b.strip()]


def apply_rules(text: str, rules: tuple[Rule, ...] = RULES) -> tuple[str, list[tuple[str, str]], dict]:
    """(clean text, removals as (rule_id, text), metadata found in headers and outlet templates)."""
    removed: list[tuple[str, str]] = []
    found: dict = {}
    context = text[:CONTEXT_CHARS]
    paras = paragraphs(text)
    headers = [r for r in rules if r.kind == "header"]
    # The headers open the story: on an HTML page the headline, a kicker or a byline line may come first, so
    # they are looked for in the first paragraph that is not a heading (at most MAX_LEAD_HEADINGS are skipped).
    at = 0
    for _ in range(MAX_HEADERS + MAX_LEAD_HEADINGS):
        # a dump may open with a stamp line ("04.03.2026 11:23 | APA") above the dateline the headers know
        while at < len(paras) and is_lead_stamp(paras[at]):
            removed.append(("classify.stamp", paras[at]))
            _note_date(paras.pop(at), found, context)
        if at >= len(paras):
            break
        if _strip_one_header(paras, at, headers, removed, found, context):
            if not paras[at]:
                paras.pop(at)
            continue
        if at < MAX_LEAD_HEADINGS and _is_heading(paras[at]):
            at += 1
            continue
        break
    kept: list[str] = []
    for para in paras:
        para = _apply_to_paragraph(para, rules, removed, found, context)
        if para:
            kept.append(para)
    return "\n\n".join(kept), removed, found


def _is_heading(para: str) -> bool:
    """A headline, kicker or label line: short, one line, no sentence punctuation at its end."""
    return len(para) <= HEADING_MAX_CHARS and "\n" not in para and not _SENTENCE_END.search(para)


def _strip_one_header(paras: list[str], at: int, headers: list[Rule], removed: list, found: dict, context: str) -> bool:
    """Removes the first header rule that matches the start of paragraph `at`; True when one did."""
    for rule in headers:
        match = rule.regex.match(paras[at])
        if not match or not match.group(0).strip():
            continue
        removed.append((rule.id, match.group(0).strip()))
        groups = {k: v.strip() for k, v in match.groupdict().items() if v}
        if "stamp" in groups:  # a numeric stamp: day first, parsed here (dateutil would read 04.03. as April 3)
            _note_date(groups.pop("stamp"), found, context)
        if rule.syndicator:
            groups["syndicator"] = rule.syndicator
        if "wire" in groups:
            groups["wire"] = WIRES.get(groups["wire"].lower(), groups["wire"])
        header = found.setdefault("header", {})
        for key, value in groups.items():
            header.setdefault(key, value)  # the outermost header wins: it was added last, by the redistributor
        paras[at] = paras[at][match.end() :].strip()
        return True
    return False


def _apply_to_paragraph(para: str, rules: tuple[Rule, ...], removed: list, found: dict, context: str) -> str:
    for rule in rules:
        if rule.kind == "paragraph" and len(para) <= rule.max_chars:
            match = rule.regex.match(para)
            if match:
                removed.append((rule.id, para))
                _note(rule, match, found)
                if rule.date_evidence:
                    _note_date(para, found, context)
                return ""
        elif rule.kind == "classifier" and para and CLASSIFIERS[rule.pattern](para):
            removed.append((rule.id, para))
            if rule.pattern == "stamp":
                _note_date(para, found, context)
            return ""
        elif rule.kind == "span":
            matches = list(rule.regex.finditer(para))
            if matches:
                removed.extend((rule.id, m.group(0).strip()) for m in matches)
                para = _SPACES.sub(" ", rule.regex.sub(" ", para)).strip()
                _note(rule, matches[0], found)
    return para.strip()


def _note_date(text: str, found: dict, context: str) -> None:
    """A date printed in a stamp line or a "first published" note, as evidence for `published_date`; a date
    printed only as "Updated ..." is kept apart, as the weakest evidence."""
    day = stamp_date(text, context=context)
    if day:
        found.setdefault("stamp_dates", []).append(day)
    elif updated := stamp_date(text, allow_updated=True, context=context):
        found.setdefault("updated_dates", []).append(updated)


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


def clean_doc(doc: Doc) -> Doc:
    text, removed, found = apply_rules(doc.text)
    if len(text) < MIN_CLEAN_CHARS:
        raise Rejected("empty_after_cleaning", "nothing but boilerplate")
    return doc.replace(text=text, removed=tuple(removed), meta={**doc.meta, **found})


class Clean(beam.PTransform):
    def expand(self, docs):
        return docs | "StripBoilerplate" >> Step(STAGE, clean_doc)
