"""Entities: people, organisations and places, with offsets into the clean text and a canonical id.

The default tagger is a gazetteer of canonical entities and their aliases (transforms/data/entities.json):
longest match wins, on word boundaries, case-sensitive (so "US" the country is not "us" the pronoun).
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources
from typing import Any

import apache_beam as beam

from schemas.record import Doc
from transforms.common import Step

STAGE = "entities"


@functools.lru_cache(maxsize=1)
def gazetteer() -> tuple[re.Pattern[str], dict[str, dict[str, str]]]:
    """One alternation regex over every alias (longest first) and the alias-to-entity table."""
    data = json.loads(resources.files("transforms").joinpath("data/entities.json").read_text("utf-8"))
    table: dict[str, dict[str, str]] = {}
    for entity in data:
        for alias in entity["aliases"]:
            table[alias] = {"entity_id": entity["id"], "name": entity["name"], "label": entity["label"]}
    alternation = "|".join(re.escape(a) for a in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])"), table


def tag_entities(text: str) -> list[dict[str, Any]]:
    pattern, table = gazetteer()
    found = []
    for match in pattern.finditer(text):
        entry = table[match.group(0)]
        found.append({"text": match.group(0), "start": match.start(), "end": match.end(), **entry})
    return found


def entities_doc(doc: Doc) -> Doc:
    return doc.replace(entities=tuple(tag_entities(doc.text)))


class Entities(beam.PTransform):
    def expand(self, docs):
        return docs | "TagEntities" >> Step(STAGE, entities_doc)
