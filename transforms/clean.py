"""Clean: text-level boilerplate removal after extraction (and for plain-text dumps), with an audit trail."""

from __future__ import annotations

import re

import apache_beam as beam

from schemas.record import Doc
from transforms.boilerplate_rules import RULES, Rule
from transforms.common import Rejected, Step

STAGE = "clean"
MIN_CLEAN_CHARS = 1  # an article whose cleaning leaves nothing is a dead letter, not an empty row

_SPACES = re.compile(r"[ \t\u00a0\u2009\u200b]+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n+")


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
    paras = paragraphs(text)
    for rule in rules:
        if rule.kind != "header" or not paras:
            continue
        match = rule.regex.match(paras[0])
        if match:
            removed.append((rule.id, match.group(0).strip()))
            groups = {k: v.strip() for k, v in match.groupdict().items() if v}
            if rule.syndicator:
                groups["syndicator"] = rule.syndicator
            found.setdefault("header", {}).update(groups)
            paras[0] = paras[0][match.end() :].strip()
    kept: list[str] = []
    for para in paras:
        para = _apply_to_paragraph(para, rules, removed, found)
        if para:
            kept.append(para)
    return "\n\n".join(kept), removed, found


def _apply_to_paragraph(para: str, rules: tuple[Rule, ...], removed: list, found: dict) -> str:
    for rule in rules:
        if rule.kind == "paragraph" and rule.regex.match(para):
            removed.append((rule.id, para))
            _note_outlet(rule, found)
            return ""
        if rule.kind == "span":
            spans = [m.group(0) for m in rule.regex.finditer(para)]
            if spans:
                removed.extend((rule.id, s.strip()) for s in spans)
                para = rule.regex.sub(" ", para).strip()
                para = _SPACES.sub(" ", para)
                _note_outlet(rule, found)
    return para.strip()


def _note_outlet(rule: Rule, found: dict) -> None:
    if rule.outlet:
        found.setdefault("outlets", []).append(rule.outlet)


def clean_doc(doc: Doc) -> Doc:
    text, removed, found = apply_rules(doc.text)
    if len(text) < MIN_CLEAN_CHARS:
        raise Rejected("empty_after_cleaning", "nothing but boilerplate")
    return doc.replace(text=text, removed=tuple(removed), meta={**doc.meta, **found})


class Clean(beam.PTransform):
    def expand(self, docs):
        return docs | "StripBoilerplate" >> Step(STAGE, clean_doc)
