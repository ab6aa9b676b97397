"""Entities: people, organisations and places in the clean text, each linked to a canonical id and name.

Tagging (offline by default): the tokens of transforms/entity_tokens.py (a regular expression per language that
segments as spaCy's tokenizer does where the rules care), the gazetteers of transforms/entity_gazetteer.py matched
in one Aho-Corasick pass and kept where they fall on token boundaries, then the rules of transforms/entity_rules.py
for names no gazetteer lists. `--ner-model NAME` runs an installed spaCy model and uses its tokens and entities,
with the same gazetteer, rules and linking on top.

Linking: a mention of a curated alias takes the curated id. Within one article a surname ("Putin", "Mr Putin",
"Putin's") resolves to the full name mentioned nearest before it; across articles spelling variants share the
id derived from `name_key` (Zelenskiy / Zelenskyy / Zelensky). Offsets index the `text` column.
"""

from __future__ import annotations

import bisect
import functools
import gc
import itertools
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import apache_beam as beam

from schemas.record import Doc

if TYPE_CHECKING:
    from spacy.language import Language
from transforms.common import Step
from transforms.entity_acronyms import acronym_long_forms
from transforms.entity_extend import extend_names
from transforms.entity_fallback import PRODUCT_NOUNS, fallback_spans
from transforms.entity_gazetteer import (
    Entry,
    alias_automaton,
    alias_matches,
    alias_table,
    common_english,
    country_and_state_ids,
    key_table,
    small_places,
)
from transforms.entity_names import derived_id, name_key, strip_possessive
from transforms.entity_rules import (
    EVENT,
    GPE_SUFFIXES,
    PARTICLES,
    PLACE_PREPOSITIONS,
    acronym_definitions,
    club_base,
    common_words,
    council_place,
    council_unit,
    feature_base,
    first_names,
    is_name_token,
    org_base,
    rule_spans,
    storm_names,
)
from transforms.entity_rules import words as word_set
from transforms.entity_tokens import Tokens, tokenize

STAGE = "entities"
LABELS = ("PERSON", "ORG", "GPE", "LOC")
MODEL_LABELS = {"PERSON": "PERSON", "PER": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "LOC"}
PLACE_LABELS = ("GPE", "LOC")
MAX_DEFINED_ACRONYM_CHARS = 8  # an acronym defined in brackets: "MPI-EVA", "ECOWAS"
MIN_SYLLABLE_ACRONYM = 4  # an acronym written as a word from its name's syllables: "Enaco", "Antaq"
MIN_FOREIGN_ACRONYM_CHARS = 3  # "ETAG" of "Estonian Research Council"; two letters ("EU") are too often a clash
GUESSED_ORGS = (
    "org_verb",
    "article_org",
    "fallback",
)  # rules that take a one-word name for an organisation: not a surname
TITLE_RULES = ("title", "preceding_title")  # rules that found a person by a title before the name
# Texts longer than this are tagged in chunks: spaCy refuses a text over its max_length (1,000,000 characters),
# and a chunk of a few hundred articles' length keeps the Doc's memory small.
MAX_CHUNK_CHARS = 200_000
# Languages that inflect names by case ("Grupa Azoty", "Grupy Azoty", "Škody"): Slavic and Baltic.
INFLECTING_LANGUAGES = frozenset(("pl", "cs", "sk", "sl", "hr", "sr", "bs", "ru", "uk", "be", "bg", "lt", "lv"))
MAX_CASE_ENDING = 2  # letters of a case ending cut before comparing: "-y", "-ie", "-ou"; not the locative "-ach"
MIN_STEMMED_CHARS = 5  # shorter words keep every letter: "Orlen" and "Orlenu" stay apart
SURNAME_STEM_CHARS = 4  # "wrób" of "Wróbel" and "Wróblowi": a surname's case forms share its first letters
MAX_SURNAME_ENDING = 3  # letters a case form adds or drops: "Wróbel" -> "Wróblowi" (+2)
PREPOSITION_WINDOW = 12  # characters before a mention looked at for "in", "at", "from"
TOKENIZER_CACHE = 500_000  # distinct strings; about 50 MB at most per language pipeline


# Possessives written with a left quote or a backtick ("Putin‘s"), which spaCy does not split off. They are
# replaced by "'s" before tokenizing: same length, so every offset still indexes the original text. (Changing the
# tokenizer's suffix rules instead turns its cache off: 10-100x slower.)
_ODD_POSSESSIVE = re.compile(r"[‘`](?=[sS]\b)")


@functools.lru_cache(maxsize=8)
def load_pipeline(language: str = "en", model: str | None = None) -> Language | None:
    """The named installed spaCy model, or None for the default tagger (entity_tokens' tokenizer); loads the
    gazetteers and name lists once per worker, not on the first article."""
    nlp = None
    if model:
        import spacy

        nlp = spacy.load(model, exclude=["lemmatizer", "textcat"])
        # spaCy caches the tokenization of at most 10,000 distinct strings; a news vocabulary outgrows that, and
        # every uncached word is ~50x slower to tokenize.
        nlp.tokenizer.max_cache_size = TOKENIZER_CACHE
    first_names()
    small_places()
    country_and_state_ids()
    common_words(language)
    alias_automaton()
    # The gazetteers and name lists are ~500,000 long-lived objects: every full garbage collection walked them
    # all (~0.5 s each, several per hundred articles). Frozen, collections skip them.
    gc.freeze()
    return nlp


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _contains(outer: tuple[int, int], inner: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1] and outer != inner


def gazetteer_spans(text: str, tokens: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """Aliases of the gazetteer in `text` that begin and end on token boundaries (`tokens`: character start and
    end of each token), as token spans. Overlaps are resolved as spaCy's EntityRuler does: longest first, then
    earliest."""
    table = alias_table()
    starts = {start: i for i, (start, _) in enumerate(tokens)}
    ends = {end: i + 1 for i, (_, end) in enumerate(tokens)}
    found = {(starts[a], ends[b]) for a, b in alias_matches(text) if a in starts and b in ends}
    taken: set[int] = set()
    spans = []
    for start, end in sorted(found, key=lambda s: (s[1] - s[0], -s[0]), reverse=True):
        if start in taken or end - 1 in taken:
            continue
        taken.update(range(start, end))
        entry = table[text[tokens[start][0] : tokens[end - 1][1]]]
        spans.append({"span": (start, end), "label": entry.label, "entry": entry})
    return spans


def token_spans(
    tokens: Tokens, text: str, language: str = "en", model_spans: list[tuple[int, int, str]] | tuple = ()
) -> list[dict[str, Any]]:
    """Merged token spans of the tokens of `text`: gazetteer, then model (`model_spans`: start token, end token,
    label of a spaCy model's entities), then rules; a longer rule span beats the shorter gazetteer spans it
    contains. Each: start/end token, label, entry (curated or geonames) or None, rule. A name never runs across a
    line break."""
    words, spaces, starts = tokens
    breaks = {i for i in range(1, len(words)) if "\n" in text[starts[i - 1] + len(words[i - 1]) : starts[i]]}
    gazetteer = gazetteer_spans(text, [(start, start + len(w)) for start, w in zip(starts, words, strict=True)])
    if language == "en":  # "Man charged with murder": a common word opening a sentence, not the town of Man
        gazetteer = [g for g in gazetteer if not _common_opener(words, breaks, g)]
    model = [
        {"span": (start, end), "label": MODEL_LABELS[label], "entry": None}
        for start, end, label in model_spans
        if label in MODEL_LABELS and not any(_overlaps((start, end), g["span"]) for g in gazetteer)
    ]
    # The chosen spans never overlap; `owner` maps each token to the chosen span holding it, so a rule finds the
    # spans it overlaps in its own few tokens (a long text holds thousands of spans).
    spans, alive = list(gazetteer), [True] * len(gazetteer)
    runs: list[tuple[int, int]] = []  # the capitalised runs rule_spans finds, for the fallback
    owner = {t: n for n, g in enumerate(gazetteer) for t in range(*g["span"])}
    for rule in [
        *model,
        *(
            {"span": (r.start, r.end), "label": r.label, "entry": None, "rule": r.rule}
            for r in rule_spans(words, spaces, breaks, language, {g["span"] for g in gazetteer}, runs)
        ),
    ]:
        size = rule["span"][1] - rule["span"][0]
        hit_ids = sorted({owner[t] for t in range(*rule["span"]) if t in owner})
        hits = [spans[n] for n in hit_ids]
        if all(_contains(rule["span"], g["span"]) for g in hits):
            opener = [g for g in hits if g["span"][0] == rule["span"][0]]
            if (
                rule["label"] == "PERSON"
                and opener
                and words[rule["span"][0]] not in first_names()
                and not (rule.get("rule") in TITLE_RULES and size > 1 and [g["span"] for g in hits] != [rule["span"]])
            ):
                continue  # "Texas Rangers": a known place that is no given name opens the run; after a title a
                # place's name is a person's too: "President Rizal Kasli", "Chief Minister Pinarayi Vijayan"
            for n in hit_ids:
                alive[n] = False
            spans.append(rule)
            alive.append(True)
            owner.update((t, len(spans) - 1) for t in range(*rule["span"]))
    chosen = sorted(
        (c for c, a in zip(spans, alive, strict=True) if a and c["label"] != EVENT), key=lambda s: s["span"]
    )
    chosen = sorted(chosen + fallback_spans(words, spaces, breaks, language, chosen, runs), key=lambda s: s["span"])
    chosen = extend_names(words, spaces, breaks, language, chosen)  # "Sąd Okręgowy w Krakowie", "Sanniquellie-Mahn"
    # "Harare International Festival of the Arts (HIFA)": the words the acronym spells are one name
    chosen, defined = acronym_long_forms(words, spaces, breaks, chosen, language)
    chosen = _split_person_of_body(words, chosen, defined)  # "Massimo Vitturi della Lav"
    for s in chosen:  # a defined acronym means its long form here, not what a gazetteer knows by the same letters
        if s["entry"] is not None and s["span"][1] - s["span"][0] == 1 and words[s["span"][0]] in defined:
            s.update(entry=None, label=defined[words[s["span"][0]]])
    # Short forms of people named in full earlier in the article: "Volker" after "Kurt Volker".
    taken = [s["span"] for s in chosen]
    surnames = {words[s["span"][1] - 1] for s in chosen if s["label"] == "PERSON" and _is_full_name(words, s)}
    # "Pineda anunció" after "Pedro Pineda": a person's surname, not an organisation by its verb
    chosen = [s for s in chosen if not (s.get("rule") in GUESSED_ORGS and words[s["span"][0]] in surnames)]
    taken = [s["span"] for s in chosen]
    acronyms = acronym_definitions(words, [s["span"] for s in chosen if s["label"] == "ORG" and not s["entry"]])
    acronyms.update({a: (0, 0) for a in defined if " " not in a})
    # Names the rules found once, tagged wherever else they stand: "Marfa" of the headline after "in Marfa, Texas";
    # organisations also without their legal form or club word: "Netlist" after "Netlist Inc".
    # A council's place too: "Llanidloes" of the headline after "Llanidloes Town Council".
    repeats: dict[str, dict[tuple[str, ...], str]] = defaultdict(dict)
    for s in chosen:
        if s["entry"] is None and s["label"] != "PERSON":
            name = words[s["span"][0] : s["span"][1]]
            forms = [(name, s["label"])]
            if s["label"] == "ORG":
                forms.append((org_base(name), "ORG"))
                place = council_place(name)
                if place:
                    forms.append((place, "GPE"))
            for form, label in forms:
                if all(is_name_token(w) or w.isupper() for w in form[:1]):
                    repeats[form[0]].setdefault(tuple(form), label)
    extra = []
    taken_tokens = {i for a, b in taken for i in range(a, b)}
    extra += _company_runs(words, chosen, runs, taken_tokens)
    for i, word in enumerate(words):
        if i in taken_tokens:
            continue
        if word in surnames or word in acronyms:
            extra.append({"span": (i, i + 1), "label": "PERSON" if word in surnames else "ORG", "entry": None})
        elif word in repeats:
            for form, label in sorted(repeats[word].items(), key=lambda f: -len(f[0])):
                end = i + len(form)
                if (
                    tuple(words[i:end]) == form
                    and not taken_tokens.intersection(range(i, end))
                    and _whole(words, i, end)
                ):
                    extra.append({"span": (i, end), "label": label, "entry": None})
                    taken_tokens.update(range(i, end))
                    break
    storms = storm_names(words)
    spans = sorted(chosen + extra, key=lambda s: s["span"])
    if storms:  # "Hidaya made landfall" after "Cyclone Hidaya": the storm, which has no label of the schema
        spans = [s for s in spans if not (s["entry"] is None and " ".join(words[slice(*s["span"])]) in storms)]
    return spans


SENTENCE_ENDS = word_set(""". ! ? : ; " “ ” ‘ ’ ' – —""")


def _common_opener(words: list[str], breaks: set[int], g: dict[str, Any]) -> bool:
    """A one-word place of geonames that is a common English word, opening a sentence or a headline before a
    lower-case word: "Man charged with murder" (not Man, Côte d'Ivoire); capitals say nothing there."""
    start, end = g["span"]
    entity_id = g["entry"].entity_id
    if end - start != 1 or not entity_id.startswith("geonames:") or entity_id in country_and_state_ids():
        return False
    if not (start == 0 or start in breaks or words[start - 1] in SENTENCE_ENDS):
        return False
    following = words[end] if end < len(words) else ""
    return following[:1].islower() and words[start].lower() in common_english()


BODY_PARTICLES = word_set("""della del dei degli delle de du des da do dos das""")


def _split_person_of_body(
    words: list[str], chosen: list[dict[str, Any]], defined: dict[str, str]
) -> list[dict[str, Any]]:
    """A person's span that goes on with a particle and an organisation of the article is two names: "Massimo
    Vitturi della Lav" when "Lav" is an acronym defined or an organisation tagged in the article."""
    orgs = set(defined) | {
        " ".join(words[slice(*s["span"])]) for s in chosen if s["label"] == "ORG" and s["span"][1] - s["span"][0] <= 4
    }
    out = []
    for s in chosen:
        a, b = s["span"]
        cut = None
        if s["label"] == "PERSON" and s["entry"] is None and b - a >= 4:
            cut = next(
                (k for k in range(a + 2, b - 1) if words[k] in BODY_PARTICLES and " ".join(words[k + 1 : b]) in orgs),
                None,
            )
        if cut is None:
            out.append(s)
            continue
        out.append({**s, "span": (a, cut)})
        out.append({"span": (cut + 1, b), "label": "ORG", "entry": None, "rule": "person_of_body"})
    return out


MAX_COMPANY_RUN = 3  # "Ardent Silicon Labs": the one-word name and at most two words after it


def _company_runs(
    words: list[str], chosen: list[dict[str, Any]], runs: list[tuple[int, int]], taken_tokens: set[int]
) -> list[dict[str, Any]]:
    """An untagged capitalised run that opens with an organisation's one-word name found elsewhere in the article is
    that organisation's full name: "Ardent Silicon agreed ..." (common words the fallback leaves) where "Ardent"
    is tagged later; also after a role noun ("Chipmaker Ardent Silicon buys ..."). Marks its tokens taken."""
    one_word = {
        words[s["span"][0]]
        for s in chosen
        if s["label"] == "ORG" and s["entry"] is None and s["span"][1] - s["span"][0] == 1
    }
    found = []
    if not one_word:
        return found
    for start, end in runs:
        if taken_tokens.intersection(range(start, end)):
            continue
        if end < len(words) and words[end] in PRODUCT_NOUNS:
            continue  # "Europa Clipper spacecraft": a product
        for p in range(start, end - 1):
            if words[p] in one_word and end - p <= MAX_COMPANY_RUN and all(is_name_token(w) for w in words[p:end]):
                found.append({"span": (p, end), "label": "ORG", "entry": None})
                taken_tokens.update(range(p, end))
                break
    return found


def _whole(words: list[str], start: int, end: int) -> bool:
    """Not part of a longer capitalised name: "Vectrin" alone, not "Vectrin" of "Vectrin Labs"."""
    return not (start > 0 and is_name_token(words[start - 1])) and not (end < len(words) and is_name_token(words[end]))


def _is_full_name(words: list[str], span: dict[str, Any]) -> bool:
    start, end = span["span"]
    return sum(1 for w in words[start:end] if w not in PARTICLES and w != "-") >= 2


def _compatible(label: str, entry: Entry) -> bool:
    return entry.label == label or (label in PLACE_LABELS and entry.label in PLACE_LABELS)


def link(mentions: list[dict[str, Any]], text: str = "", language: str = "en") -> list[dict[str, Any]]:
    """Gives every mention (text, label, start, end, entry) its entity_id and name; see the module doc. `text`
    (the article) lets an acronym in brackets right after a name link to it: "Fortschrittliche Bürgerpartei (FBP)"."""
    keys = key_table()
    resolved: list[dict[str, Any]] = []
    full_people: list[tuple[int, str, dict[str, Any]]] = []  # (start, surname key, linked mention)
    acronym_of: dict[str, dict[str, Any]] = {}
    for m in mentions:
        surface = strip_possessive(m["text"])
        key = name_key(surface)
        entry: Entry | None = m.get("entry")
        if entry is None:
            found = keys.get(key)
            entry = found if found and _compatible(m["label"], found) else None
        words = [w for w in key.split() if w not in PARTICLES]
        if entry is not None:
            target = {"entity_id": entry.entity_id, "name": entry.name, "label": entry.label}
        else:
            target = {"entity_id": derived_id(surface, m["label"]), "name": surface, "label": m["label"]}
        if target["label"] == "PERSON" and len(words) >= 2:
            full_people.append((m["start"], words[-1], target))
        resolved.append({**m, **target, "_key": key, "_words": words, "_known": entry is not None})
    # by surname, in text order: a long text (thousands of full names) must not cost names x surnames
    by_surname: dict[str, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    first_with_id: dict[tuple[str, str], dict[str, Any]] = {}
    for start, surname, t in full_people:
        by_surname[surname].append((start, t))
        first_with_id.setdefault((surname, t["entity_id"]), t)
    starts = {surname: [s for s, _ in same] for surname, same in by_surname.items()}
    for r in resolved:
        surname = r["_words"][0] if r["label"] == "PERSON" and len(r["_words"]) == 1 else None
        if surname in by_surname:
            same = by_surname[surname]
            pick = first_with_id.get((surname, r["entity_id"]))
            if pick is None:  # the full name mentioned nearest before, else the first one
                k = bisect.bisect_left(starts[surname], r["start"])
                pick = same[k - 1][1] if k > 0 else same[0][1]
            r.update(entity_id=pick["entity_id"], name=pick["name"])
        if r["label"] == "ORG" and len(r["_words"]) > 1:
            words = r["text"].replace("-", " ").split()
            acronym_of.setdefault("".join(w[0] for w in words if w[:1].isupper()).upper(), r)
            acronym_of.setdefault("".join(w[0] for w in words).upper(), r)
            # the capitalised words before a seat: "MPK" of "Miejskie Przedsiębiorstwo Komunikacyjne w Krakowie"
            lead = list(itertools.takewhile(lambda w: w[:1].isupper(), words))
            if 1 < len(lead) < len(words):
                acronym_of.setdefault("".join(w[0] for w in lead).upper(), r)
    bases: dict[str, dict[str, Any]] = {}  # "netlist" -> the mention "Netlist Inc"
    for r in resolved:
        if r["label"] == "ORG" and len(r["_words"]) > 1:
            base = name_key(" ".join(org_base(strip_possessive(r["text"]).split())))
            if base != r["_key"]:
                bases.setdefault(base, r)
    clubs: dict[str, dict[str, Any]] = {}  # "leicester" -> the mention "Leicester City" (a club, by the rules)
    for r in resolved:
        base = club_base(strip_possessive(r["text"]).split()) if r["label"] == "ORG" else None
        if base:
            clubs.setdefault(name_key(" ".join(base)), r)
    for r in resolved:
        full = bases.get(r["_key"]) if r["label"] == "ORG" and not r["_known"] else None
        if full is None and r["label"] in ("ORG", *PLACE_LABELS) and len(r["_words"]) == 1:
            full = clubs.get(r["_key"])  # "Leicester" in an article on "Leicester City": the club
        if full is not None and full is not r:
            r.update(entity_id=full["entity_id"], name=full["name"], label="ORG")
    _link_metonyms(resolved)
    _link_bracketed_acronyms(resolved, text)
    _link_hyphen_heads(resolved)
    _link_place_prefixes(resolved)
    _link_place_forms(resolved, language)
    _link_surname_places(resolved, text)
    _link_shorter_full_names(resolved)
    _link_name_parts(resolved)
    _link_org_short_forms(resolved)
    if language in INFLECTING_LANGUAGES:
        _link_inflections(resolved)
        _link_inflected_surnames(resolved)
    orgs = {r["_key"]: r for r in resolved if r["label"] == "ORG"}
    for r in resolved:  # "Supreme Court" after "UK Supreme Court": one organisation named with and without its country
        if r["label"] == "ORG" and not r["_known"]:
            longer = [
                o for k, o in orgs.items() if k.endswith(" " + r["_key"]) and len(k.split()) == len(r["_words"]) + 1
            ]
            if len(longer) == 1:
                r.update(entity_id=longer[0]["entity_id"], name=longer[0]["name"])
    for r in resolved:  # an acronym defined in the article links to its full name: "Bank of Ghana (BoG)"
        if r["label"] == "ORG" and not r["_known"] and " " not in r["text"] and r["text"][1:] != r["text"][1:].lower():
            full = acronym_of.get(r["text"].upper().replace("&", ""))
            if full is not None and full is not r:
                r.update(entity_id=full["entity_id"], name=full["name"])
    _one_kind_per_name(resolved)
    return [{k: r[k] for k in ("text", "label", "start", "end", "entity_id", "name")} for r in resolved]


def _one_kind_per_name(resolved: list[dict[str, Any]]) -> None:
    """One id for one unknown name of an article that the rules typed twice ("río Atuel" a place, "del Atuel" an
    organisation): every mention takes the id and label of its first mention. Linked mentions are left alone."""
    first: dict[str, dict[str, Any]] = {}
    for r in resolved:
        parts = r["entity_id"].split(":")
        if len(parts) != 3 or parts[0] != "nb" or r["_known"]:
            continue
        head = first.setdefault(parts[2], r)
        if head is not r and head["entity_id"] != r["entity_id"] and head["name"] == r["name"]:
            r.update(entity_id=head["entity_id"], label=head["label"])


def _link_place_forms(resolved: list[dict[str, Any]], language: str) -> None:
    """A place no gazetteer knows that is a known place with its unit word ("Enga Province" beside the gazetteer's
    "Enga") or, in German, in the genitive ("Sachsens", "Kölns") is that place."""
    keys = key_table()
    for r in resolved:
        if r["label"] not in PLACE_LABELS or r["_known"]:
            continue
        parts = strip_possessive(r["text"]).split()
        base = None
        if len(parts) >= 2 and parts[-1] in GPE_SUFFIXES:
            base = " ".join(parts[:-1])
        elif language == "de" and len(parts) == 1 and parts[0].endswith("s"):
            base = parts[0][:-1]
        entry = (alias_table().get(base) or keys.get(name_key(base))) if base else None
        if entry is not None and entry.label in PLACE_LABELS:
            r.update(entity_id=entry.entity_id, name=entry.name, label=entry.label)


def _link_surname_places(resolved: list[dict[str, Any]], text: str) -> None:
    """A one-word place of geonames that is the surname of a person named in full earlier in the article, and
    follows no place preposition, is that person: "Kearney had doubled" after "Matt Kearney" (not Kearney,
    Nebraska), "Dolo ordered" after "Boima Dolo"."""
    people: dict[str, dict[str, Any]] = {}
    for r in resolved:
        if r["label"] == "PERSON" and len(r["_words"]) >= 2:
            people.setdefault(r["_words"][-1], r)
            continue
        if r["label"] not in PLACE_LABELS or len(r["_words"]) != 1 or not r["entity_id"].startswith("geonames:"):
            continue
        person = people.get(r["_words"][0])
        before = text[max(0, r["start"] - PREPOSITION_WINDOW) : r["start"]].split()[-1:]
        if person is not None and not (before and before[0].lower() in PLACE_PREPOSITIONS):
            r.update(entity_id=person["entity_id"], name=person["name"], label="PERSON")


def _link_shorter_full_names(resolved: list[dict[str, Any]]) -> None:
    """A person named by a given name and a surname that are the first and last names of exactly one longer name of
    the article is that person: "Rosa Cantu" beside "Rosa Elvira Cantu" (not beside "Jesus Cantu")."""
    longer: dict[tuple[str, str], dict[str, dict[str, Any]]] = defaultdict(dict)
    for r in resolved:
        if r["label"] == "PERSON" and len(r["_words"]) >= 3:
            longer[r["_words"][0], r["_words"][-1]].setdefault(r["entity_id"], r)
    if not longer:
        return
    for r in resolved:
        if r["label"] == "PERSON" and len(r["_words"]) == 2 and not r["_known"]:
            found = longer.get((r["_words"][0], r["_words"][1]), {})
            if len(found) == 1:
                full = next(iter(found.values()))
                r.update(entity_id=full["entity_id"], name=full["name"])


def _link_name_parts(resolved: list[dict[str, Any]]) -> None:
    """A person named by the last words of exactly one longer name of the article is that person: a surname with a
    particle or in two parts ("Mac Cárthaigh" of "Tomás Mac Cárthaigh", "Zielińska-Gąsior" of "Anna
    Zielińska-Gąsior"). So is a one-word name that opens exactly one full name and ends none: a surname written
    first ("Wong" of "Mdm Wong Mei Ling") or a given name used alone ("Rahmat" of "Rahmat Hidayat")."""
    tails: dict[tuple[str, ...], dict[str, dict[str, Any]]] = defaultdict(dict)
    heads: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    lasts: set[str] = set()
    for r in resolved:
        names = r["_words"]
        if r["label"] == "PERSON" and len(names) >= 2:
            lasts.add(names[-1])
            heads[names[0]].setdefault(r["entity_id"], r)
            for k in range(1, len(names) - 1):
                tails[tuple(names[k:])].setdefault(r["entity_id"], r)
    if not heads:
        return
    for r in resolved:
        if r["label"] != "PERSON" or r["_known"] or not r["_words"]:
            continue
        names = r["_words"]
        if len(names) >= 2:
            found = tails.get(tuple(names), {})
        else:
            found = heads.get(names[0], {}) if names[0] not in lasts else {}
        if len(found) == 1 and r["entity_id"] not in found:
            full = next(iter(found.values()))
            r.update(entity_id=full["entity_id"], name=full["name"])


def _link_org_short_forms(resolved: list[dict[str, Any]]) -> None:
    """A name no gazetteer knows that shortens exactly one longer organisation of the article is
    that organisation: its first words after it ("Cerro Amarillo" after "Cerro Amarillo Minerales"), or its words in
    order with the same first and last ("Suprema Corte de Mendoza" beside "Suprema Corte de Justicia de Mendoza").
    People keep their names ("Nelson Mandela" of "Nelson Mandela Foundation")."""
    orgs: list[dict[str, Any]] = []
    seen: set[str] = set()
    for r in resolved:
        if r["label"] == "ORG" and not r["_known"] and len(r["_words"]) >= 2 and r["entity_id"] not in seen:
            seen.add(r["entity_id"])
            orgs.append(r)
    if not orgs:
        return
    for r in resolved:
        if r["label"] == "PERSON" or r["_known"] or len(r["_words"]) < 2:
            continue
        short = r["_words"]
        longer = {
            o["entity_id"]: o
            for o in orgs
            if len(o["_words"]) > len(short)
            and (
                (o["start"] < r["start"] and o["_words"][: len(short)] == short)
                or (r["label"] == "ORG" and _shortens(short, o["_words"]))
            )
        }
        if len(longer) == 1:
            full = next(iter(longer.values()))
            r.update(entity_id=full["entity_id"], name=full["name"], label="ORG")


def _shortens(short: list[str], long: list[str]) -> bool:
    """The words of `short` in order in `long`, with the same first and last word."""
    if short[0] != long[0] or short[-1] != long[-1]:
        return False
    it = iter(long)
    return all(w in it for w in short)


def _link_inflected_surnames(resolved: list[dict[str, Any]]) -> None:
    """A one-word name that is a case form of the surname of exactly one person named in full in the article is
    that person: "Wróbel" beside "Tomaszowi Wróblowi" (a vowel drops in the oblique cases), "Kowalskiego"."""
    people: dict[str, set[str]] = defaultdict(set)
    first: dict[str, dict[str, Any]] = {}
    for r in resolved:
        if r["label"] == "PERSON" and len(r["_words"]) >= 2 and len(r["_words"][-1]) >= MIN_STEMMED_CHARS:
            stem = r["_words"][-1][:SURNAME_STEM_CHARS]
            people[stem].add(r["entity_id"])
            first.setdefault(stem, r)
    for r in resolved:
        if (
            len(r["_words"]) != 1
            or r["_known"]
            or r["label"] in PLACE_LABELS
            or len(r["_words"][0]) < MIN_STEMMED_CHARS
        ):
            continue
        stem = r["_words"][0][:SURNAME_STEM_CHARS]
        if len(people.get(stem, ())) == 1 and r["entity_id"] not in people[stem]:
            full = first[stem]
            if abs(len(full["_words"][-1]) - len(r["_words"][0])) <= MAX_SURNAME_ENDING:
                r.update(entity_id=full["entity_id"], name=full["name"], label="PERSON")


def _stem(word: str) -> str:
    """A word of a linking key without its case ending: "grupy" and "grupa" -> "gru", "skody" -> "sko"."""
    return word[:-MAX_CASE_ENDING] if len(word) >= MIN_STEMMED_CHARS else word


def _link_inflections(resolved: list[dict[str, Any]]) -> None:
    """In a language that inflects names, case forms of one organisation or place share its id: "Grupy Azoty" after
    "Grupa Azoty"; a one-word form that is the first word of exactly one longer organisation is that one: "Škody"
    after "Škoda Group". Names a gazetteer knows keep their own id; people are linked by their surnames already."""
    first: dict[tuple[str, ...], dict[str, Any]] = {}
    heads: dict[str, set[str]] = defaultdict(set)
    head_of: dict[str, dict[str, Any]] = {}
    unknown = [r for r in resolved if r["label"] != "PERSON" and not r["_known"] and r["_words"]]
    for r in unknown:
        stems = tuple(_stem(w) for w in r["_words"])
        first.setdefault(stems, r)
        if r["label"] == "ORG" and len(stems) > 1:
            heads[stems[0]].add(r["entity_id"])
            head_of.setdefault(stems[0], r)
    for r in unknown:
        stems = tuple(_stem(w) for w in r["_words"])
        full = first[stems]
        if len(stems) == 1 and len(heads.get(stems[0], ())) == 1:
            full = head_of[stems[0]]
        if full is not r:
            r.update(entity_id=full["entity_id"], name=full["name"], label=full["label"])


def _link_bracketed_acronyms(resolved: list[dict[str, Any]], text: str) -> None:
    """An acronym in brackets right after an organisation's name is that organisation wherever it stands, when its
    letters follow the name's in order: "Demokraten pro Liechtenstein (DpL)", "Fortschrittliche Bürgerpartei (FBP)",
    also over a gazetteer's meaning of the same letters ("Coalition for Democratic Change (CDC)"); an acronym of
    another language no gazetteer knows, all capitals, too: "Estonian Research Council (ETAG)"."""
    defined: dict[str, dict[str, Any]] = {}
    for prev, r in itertools.pairwise(resolved):
        short = r["text"]
        if (
            r["label"] == "ORG"
            and prev["label"] == "ORG"
            and " " not in short
            and 2 <= len(short) <= MAX_DEFINED_ACRONYM_CHARS
            and (
                sum(c.isupper() for c in short) >= 2
                or _initials(prev["text"]) == short.upper()  # "Rfi"
                or len(short) >= MIN_SYLLABLE_ACRONYM  # "Enaco" of "Empresa Nacional de la Coca"
            )
            and text[prev["end"] : r["start"]] in ("(", " (")
            and text[r["end"] : r["end"] + 1] == ")"
        ):
            letters = short.replace("-", "").lower()
            foreign = not r["_known"] and short.isupper() and len(letters) >= MIN_FOREIGN_ACRONYM_CHARS
            if foreign or _letters_in_order(letters, prev["text"].lower()):
                defined.setdefault(short, prev)
    for r in resolved:
        full = defined.get(r["text"])
        if full is not None and full is not r:
            r.update(entity_id=full["entity_id"], name=full["name"], label=full["label"])


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isupper()).upper()


def _letters_in_order(short: str, name: str) -> bool:
    position = 0
    for letter in short:
        position = name.find(letter, position) + 1
        if not position:
            return False
    return short[:1] == name[:1]


def _link_hyphen_heads(resolved: list[dict[str, Any]]) -> None:
    """A place named by the first part of a hyphenated place of its article is that place: "Carhaix" after
    "Carhaix-Plouguer"."""
    heads: dict[str, set[str]] = defaultdict(set)
    full: dict[str, dict[str, Any]] = {}
    for r in resolved:
        if r["label"] in PLACE_LABELS and "-" in r["text"].strip("-"):
            head = r["text"].split("-", 1)[0]
            heads[head].add(r["entity_id"])
            full.setdefault(head, r)
    for r in resolved:
        if r["label"] in PLACE_LABELS and not r["_known"] and len(heads.get(r["text"], ())) == 1:
            r.update(entity_id=full[r["text"]]["entity_id"], name=full[r["text"]]["name"])


def _link_place_prefixes(resolved: list[dict[str, Any]]) -> None:
    """A place of two or more words that opens exactly one longer place of its article is that place: "Mount
    Lewotobi" after "Mount Lewotobi Laki-laki". Names a gazetteer knows keep their own id ("New York")."""
    longer: dict[str, set[str]] = defaultdict(set)
    full: dict[str, dict[str, Any]] = {}
    places = [r for r in resolved if r["label"] in PLACE_LABELS and not r["_known"]]
    for r in places:
        words = r["_key"].split()
        for k in range(2, len(words)):
            prefix = " ".join(words[:k])
            longer[prefix].add(r["entity_id"])
            full.setdefault(prefix, r)
    for r in places:
        if len(r["_key"].split()) >= 2 and len(longer.get(r["_key"], ())) == 1:
            r.update(entity_id=full[r["_key"]]["entity_id"], name=full[r["_key"]]["name"])


def _link_metonyms(resolved: list[dict[str, Any]]) -> None:
    """Names that stand for a longer one in their article: "Amazon" (an organisation's name too) in an article on
    the "Amazon rainforest" is the forest; "Bega Valley Shire" is its "Bega Valley Shire Council"; an organisation
    no gazetteer lists, named by its first word, is the one longer name of the article that opens with it."""
    features: dict[str, dict[str, Any]] = {}
    councils: dict[str, dict[str, Any]] = {}
    for r in resolved:
        parts = strip_possessive(r["text"]).split()
        base = feature_base(parts) if r["label"] in PLACE_LABELS else None
        if base:
            features.setdefault(name_key(" ".join(base)), r)
        unit = council_unit(parts) if r["label"] == "ORG" else None
        if unit:
            councils.setdefault(name_key(" ".join(unit)), r)
    heads: dict[str, list[dict[str, Any]]] = defaultdict(list)  # "lattice" -> ["Lattice Semiconductor"]
    for r in resolved:
        same_head = heads[r["_words"][0]] if r["label"] == "ORG" and len(r["_words"]) > 1 else None
        if same_head is not None and all(h["entity_id"] != r["entity_id"] for h in same_head):
            same_head.append(r)
    for r in resolved:
        full = None
        if r["label"] == "ORG" and len(r["_words"]) == 1 and not r["_known"] and len(heads.get(r["_key"], ())) == 1:
            full = heads[r["_key"]][0]  # "Lattice" after "Lattice Semiconductor"; not "Deutsche" of two banks
        elif r["label"] == "ORG" and len(r["_words"]) == 1:
            full = features.get(r["_key"])
        elif r["label"] in PLACE_LABELS:
            # "Ningaloo" in an article on "Ningaloo Reef"; "Bega Valley Shire" and its council
            full = (features.get(r["_key"]) if len(r["_words"]) == 1 and not r["_known"] else None) or councils.get(
                r["_key"]
            )
        if full is not None and full is not r:
            r.update(entity_id=full["entity_id"], name=full["name"], label=full["label"])


def text_chunks(text: str, limit: int = MAX_CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, chunk) pieces of `text` of at most `limit` characters, cut after a paragraph break (else a line
    break, else a space); joined in order they are the text, so offsets within a chunk plus its offset index it."""
    chunks, start = [], 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = next((i for i in (window.rfind("\n\n"), window.rfind("\n"), window.rfind(" ")) if i > 0), limit - 1)
        chunks.append((start, text[start : start + cut + 1]))
        start += cut + 1
    chunks.append((start, text[start:]))
    return chunks


def _tokens(chunk: str, language: str, nlp: Language | None) -> tuple[Tokens, list[tuple[int, int, str]]]:
    """Tokens of the chunk and the spans of the model's entities: entity_tokens' tokenizer by default, else the
    model's own tokens."""
    if nlp is None:
        return tokenize(chunk, language), []
    # Line breaks are blanked (same length) before tokenizing: spaCy tokenizes a chunk holding "\n" without
    # its cache, ~30x slower. token_spans still ends names at them.
    from spacy.attrs import IDX, ORTH, SPACY

    doc = nlp(_ODD_POSSESSIVE.sub("'", chunk).replace("\n", " ").replace("\r", " "))
    array = doc.to_array([ORTH, SPACY, IDX]).tolist() if len(doc) else []  # 3x faster than Token objects
    strings = doc.vocab.strings
    tokens = Tokens([strings[o] for o, _, _ in array], [bool(sp) for _, sp, _ in array], [i for _, _, i in array])
    return tokens, [(e.start, e.end, e.label_) for e in doc.ents]


def tag_entities(text: str, language: str = "en", model: str | None = None) -> list[dict[str, Any]]:
    """Entity mentions of `text`: text, label, start, end (character offsets into `text`), entity_id, name.
    A text longer than MAX_CHUNK_CHARS is tagged in chunks cut at paragraph breaks (spaCy refuses texts over
    its max_length); the mentions of all chunks are linked together."""
    if not text.strip():
        return []
    language = language if language and language != "und" else "en"
    nlp = load_pipeline(language, model)
    mentions = []
    for offset, chunk in text_chunks(text):
        tokens, model_spans = _tokens(chunk, language, nlp)
        words, _, starts = tokens
        for s in token_spans(tokens, chunk, language, model_spans):
            first, last = s["span"][0], s["span"][1] - 1
            start, end = offset + starts[first], offset + starts[last] + len(words[last])
            mentions.append(
                {"text": text[start:end], "label": s["label"], "start": start, "end": end, "entry": s["entry"]}
            )
    return link(mentions, text, language)


def mention_counts(entities: tuple[dict[str, Any], ...] | list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per entity of an article: entity_id, name, label, mentions; in order of first mention."""
    counts = Counter(e["entity_id"] for e in entities)
    first: dict[str, dict[str, Any]] = {}
    for e in entities:
        first.setdefault(e["entity_id"], e)
    return [{"entity_id": i, "name": e["name"], "label": e["label"], "mentions": counts[i]} for i, e in first.items()]


def _is_spacy_package(name: str) -> bool:
    import spacy

    return spacy.util.is_package(name)


class _Tagger:
    """The per-record function of the step, picklable, with the model name it was built with."""

    def __init__(self, model: str | None) -> None:
        self.model = model or None

    def __call__(self, doc: Doc) -> Doc:
        return doc.replace(entities=tuple(tag_entities(doc.text, doc.language or "en", self.model)))


def entities_doc(doc: Doc, model: str | None = None) -> Doc:
    return _Tagger(model)(doc)


def _model_option(pipeline: beam.Pipeline) -> str | None:
    return pipeline.options.get_all_options(drop_default=False, retain_unknown_options=True).get("ner_model")


class Entities(beam.PTransform):
    def __init__(self, model: str | None = None) -> None:
        super().__init__()
        self.model = model

    @classmethod
    def from_options(cls, options) -> Entities:
        return cls(getattr(options, "ner_model", None))

    def expand(self, docs):
        model = self.model or _model_option(docs.pipeline)
        if model and not (_is_spacy_package(model) or Path(model).is_dir()):
            raise ValueError(f"--ner-model {model!r} is neither an installed spaCy model nor a model folder")
        return docs | "TagEntities" >> Step(STAGE, _Tagger(model))
