"""Rules that tag names no gazetteer lists: people introduced by a title or a known first name, organisations
and places recognised by their head word ("... Ministry", "University of ...", "Lake ...").

They work on runs of capitalised tokens of a spaCy Doc and return token spans; the gazetteer's spans win
unless a rule span strictly contains them (a person "George Washington", an organisation "University of Nairobi").
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from spacy.lang.en.stop_words import STOP_WORDS


def words(text: str) -> frozenset[str]:
    """A word list written as one string, split on white space."""
    return frozenset(text.split())


MAX_NAME_TOKENS = 4  # "Luiz Inacio Lula da Silva" minus particles; longer runs after a title are rarely one name
MAX_RUN_TOKENS = 8  # longest organisation name the suffix rule accepts ("National Institute of ... Research")

# Titles that introduce a person in a capitalised run: "Foreign Minister Sergei Lavrov", "Mr Putin".
TITLES = words(
    """President Vice Prime Minister Secretary Governor Gov Gov. Senator Sen Sen. Rep Rep. Representative
    Congressman Congresswoman Mayor Chancellor General Gen Gen. Lieutenant Lt Lt. Colonel Col Col. Major Maj
    Captain Capt Capt. Admiral Adm Marshal Sergeant Sgt Commander Commissioner Ambassador Envoy Judge Justice
    King Queen Prince Princess Emperor Pope Sheikh Sultan Emir Sir Dame Lord Baroness Baron Mr Mr. Mrs Mrs. Ms
    Ms. Miss Dr Dr. Prof Prof. Professor Rev Rev. Reverend Father Bishop Archbishop Cardinal Rabbi Imam
    Ayatollah Premier Speaker Chairman Chairwoman Chair Chief Director Spokesman Spokeswoman Spokesperson Coach
    Manager Inspector Detective Superintendent Constable Councillor Councilman Councilwoman Alderman Attorney
    Prosecutor Deputy Leader CEO Executive President-elect Minister-President Präsident Präsidentin Kanzler
    Kanzlerin Councilmember Ministerin Bundeskanzler Bürgermeister Herr Frau Président Ministre Presidente State
    Staff Affairs Defence Defense"""
)
# Lower-case words right before a capitalised run that make it a person: "spokesman Dmitry Peskov".
PRECEDING_TITLES = words(
    """president minister secretary governor senator mayor chancellor spokesman spokeswoman spokesperson envoy
    ambassador adviser advisor aide chief executive director chairman chairwoman founder co-founder analyst
    economist strategist professor researcher scientist coach manager striker midfielder defender goalkeeper
    captain forward winger player author lawyer attorney judge commander leader head official officer ceo cfo
    premier lawmaker congressman congresswoman councillor candidate nominee journalist reporter correspondent
    teammate actor actress singer rapper artist presenter host deputy chef designer architect engineer farmer
    owner resident mother father son daughter wife husband brother sister widow president-elect"""
)
# Last words of organisation names.
ORG_SUFFIXES = words(
    """Inc Inc. Corp Corp. Corporation Ltd Ltd. LLC plc PLC AG SA GmbH Co Co. Group Bank Bancorp University College
    Institute Agency Ministry Department Council Committee Commission Party Association Federation Union Company
    Club FC Airlines Airways Motors Foundation Fund Authority Board Court Parliament Assembly Police Army Navy
    Service Office Network Times Post News Journal Herald Tribune Energy Oil Pharmaceuticals Pharma Technologies
    Technology Systems Holdings Partners Capital Industries Labs Laboratories Hospital School Museum League
    Society Trust Organisation Organization Alliance Movement Coalition Congress Senate Cabinet Reserve Exchange
    Institution Centre Center Academy Forces Guard Brigade Battalion Regiment Bureau Secretariat Directorate
    Agency Unions Airport Railways Telecom Media Studios Records Bancshares Insurance Ventures Trust Church
    Mosque Cathedral Zoo Observatory Consortium Cooperative Co-operative Network Gazette Observer International
    Securities Unit Stores Supermarkets Brewery Airline Railway Motor Automotive Chemicals Mining Logistics
    Solutions Therapeutics Biotech Software Electronics Semiconductor Semiconductors Factory Works Plant Mill
    Refinery Shipyard"""
)
# First words of organisation names followed by "of": "University of Nairobi", "Ministry of Defence".
ORG_HEADS = words(
    """University Bank Ministry Department Court Council Church Institute Academy Federation Union Office Board
    College School Museum Society League Association Chamber Commission Committee Agency Order Bureau Centre
    Center Centres Centers Fund Foundation Organisation Organization Party Movement Front"""
)
LOC_SUFFIXES = words(
    """River Sea Ocean Mountains Mountain Mount Hills Island Islands Strait Bay Lake Desert Peninsula Canal Coast
    Basin Valley Plateau Delta Glacier Forest Park Highlands Archipelago Reef Falls Gorge Stadium Arena Lane
    Street Road Avenue Square Bridge Boulevard Crossing Pass Dam Wharf Pier Harbour Harbor"""
)
LOC_HEADS = words("""Mount Lake Cape Gulf Isle Lac Mont Sea Bay Strait Straits""")
# Words of capitalised runs that rule out a person name from the first-name rule.
NOT_NAME_WORDS = words(
    """January February March April May June July August September October November December Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday Street Road Avenue Square Garden Gardens Bridge Station Stadium
    Arena Tower Palace House Building Hall Cup Trophy Championship Championships Open Games Olympics League
    Agreement Accord Act Award Awards Prize Day Week Festival Summit Conference Forum Report Index Fund Plan
    Programme Program Project Initiative Law Bill Treaty Doctrine War Prize Series Show Tour Marathon Grand Prix
    World National International Global Airport Bay Beach Road Centre Center"""
)
PARTICLES = words("""de da do dos das van von der den del della di du la le bin ibn al el ben st""")
CONNECTORS = words("""of for and""")  # inside organisation names: "Bank of England"
EVENT = "EVENT"  # a rule label that is never output: it keeps "Chicago" of "Chicago Marathon" from being a place
EVENT_WORDS = words(
    """Marathon Open Cup Games Olympics Olympiad Festival Prix Summit Conference Agreement Accord Accords
    Championship Championships Awards Expo Treaty Convention Protocol Declaration Tournament Series Derby Index
    Act"""
)
# Verbs after a two- or three-word run that make it a person ("Jasprit Bumrah took"), and ", a/an" appositions.
SPEECH_VERBS = words(
    """said says told added wrote scored took won admitted argued insisted warned urged denied explained
    recalled tweeted posted a an"""
)
# Capitalised words that start sentences or headlines far more often than names.
_COMMON = words(
    """The A An This That These Those It Its He She They We I You His Her Their Our My But And Or So Yet If When
    While After Before As At In On Of For From By With Without To Into Over Under About Against Between During
    Since Until Unlike Despite Although Though Because However Meanwhile Also Still Even Now Then There Here
    Where What Who Why How Which According Some Many Most More All Both Each Every Other Another Such No Not
    Only Last Next First Second Third New Old Former Late Earlier Later Today Tonight Yesterday Tomorrow Please
    Read Click Subscribe Sign Follow Share Watch Listen Photo Image Video Copyright Advertisement Sponsored
    Related Updated Published Posted Breaking Live Exclusive Analysis Opinion Editorial Comment Note Editor
    Editors Der Die Das Den Dem Des Ein Eine Einen Im Am Le La Les Un Une Du El Los Las Il Lo Gli Het Een"""
)
# Place words that are also common surnames: "Fire Chief Linda Park" is a person.
SURNAME_LIKE = words("""Park Hall Lane Street Banks Bridge Ford Hill Wood Brook Bay""")
# Given names that are also ordinary words opening a capitalised run ("Long Beards", "Hope Street").
COMMON_WORD_NAMES = words(
    """Long Will Hope Faith Joy Chance Young Rich Sterling Summer Autumn Winter Spring Dawn Sunny Golden Royal
    Liberty Unity Harmony Victory Precious Lucky Happy Star Sky River Forest Storm Rain Snow Sun Moon Ocean
    Crystal Amber Ruby Pearl Diamond Jade Iris Lily Holly Ivy Heather Poppy Berry Cherry Olive Ginger Pepper Sage
    Blue Green Brown Black White Gray Grey Red Gold Silver Honor Honour Patience Prudence Mercy Charity Verity
    True Noble Earl Duke Prince Bishop Deacon Miles Price Cash Gene Art Bill Don Guy Sonny Al El"""
)
_NAME_TOKEN = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’À-ÿĀ-ſ]*[a-zà-ÿā-ſ][\w'’À-ÿĀ-ſ]*|[A-Z]\.)$")
_SYLLABLE = re.compile(r"^[a-z]{1,4}$")  # lower-case part of a hyphenated given name: "Jong-un", "Se-hoon"
_ROMAN = re.compile(r"^(?:I{1,3}|IV|V|VI{1,3}|IX|X{1,2}|XI{1,3}|XIV|XV|XVI)$")
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,5}$")


class RuleSpan(NamedTuple):
    start: int  # token index
    end: int  # token index, exclusive
    label: str
    rule: str


@functools.lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Given names from gender-guesser's name dictionary (about 48,000 names of many countries),
    minus words that also open sentences, titles, months and places' common words."""
    from gender_guesser.detector import Detector

    names = Detector(case_sensitive=True).names
    bad = (
        {w.capitalize() for w in STOP_WORDS}
        | _COMMON
        | COMMON_WORD_NAMES
        | TITLES
        | NOT_NAME_WORDS
        | ORG_SUFFIXES
        | LOC_SUFFIXES
    )
    return frozenset(n for n in names if n not in bad and n.isalpha() and n[:1].isupper() and len(n) > 1)


def is_name_token(text: str) -> bool:
    return bool(_NAME_TOKEN.match(text)) and text not in _COMMON


def capitalised_runs(
    words: list[str], spaces: list[bool], breaks: set[int] | frozenset[int] = frozenset()
) -> list[tuple[int, int]]:
    """Token ranges of runs of name-like tokens, joined by hyphens ("Jean-Luc") and by particles or
    connectors that are followed by another name-like token ("Bank of England", "Ursula von der Leyen").
    A run never crosses a line break (`breaks`: indices of tokens that start a line)."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(words)
    while i < n:
        if not is_name_token(words[i]) and words[i] not in TITLES:
            i += 1
            continue
        j = i + 1
        while j < n and j not in breaks:
            if is_name_token(words[j]) or words[j] in TITLES or _ROMAN.match(words[j]):
                j += 1
                continue
            k = j
            while k < n and k not in breaks and (words[k] in PARTICLES or words[k] in CONNECTORS or words[k] == "-"):
                if words[k] == "-" and (spaces[k - 1] or spaces[k]):
                    break
                k += 1
            syllable = words[k - 1] == "-" and k < n and bool(_SYLLABLE.match(words[k]))  # "Park Ju-min"
            if k > j and k < n and k not in breaks and (is_name_token(words[k]) or syllable):
                j = k + 1
                continue
            break
        runs.append((i, j))
        i = j
    return runs


def _name_part(words: list[str], start: int, end: int) -> tuple[int, int] | None:
    """The person-name tokens of words[start:end]: name-like, not an organisation or place word, 1-4 words
    (a trailing "Jr" or Roman numeral allowed: "Felipe VI")."""
    while start < end and (words[start] in PARTICLES or words[start] in CONNECTORS):
        start += 1
    real = [
        w
        for i, w in enumerate(words[start:end], start)
        if w not in PARTICLES and w != "-" and not (words[i - 1] == "-" and _SYLLABLE.match(w))
    ]
    if real and len(real) > 1 and (_ROMAN.match(real[-1]) or real[-1] in ("Jr", "Jr.", "Sr", "Sr.")):
        real = real[:-1]
    if not real or len(real) > MAX_NAME_TOKENS:
        return None
    if any(
        w in CONNECTORS or w in ORG_SUFFIXES or (w in LOC_SUFFIXES and w not in SURNAME_LIKE) or w in NOT_NAME_WORDS
        for w in real
    ):
        return None
    if not all(is_name_token(w) for w in real):
        return None
    return start, end


def _organisation(words: list[str], start: int, end: int) -> RuleSpan | None:
    size = end - start
    if size >= 3 and words[start] in LOC_HEADS and words[start + 1] == "of":
        return RuleSpan(start, end, "LOC", "loc_head")  # "Cape of Good Hope", "Isle of Man", "Sea of Japan"
    if size >= 3 and words[start + 1] == "of" and words[start] not in ORG_HEADS:
        start += 2  # "Shares of Taiwan Semiconductor Manufacturing Company": the name starts after "of"
        size -= 2
    if 2 <= size <= MAX_RUN_TOKENS and words[end - 1] in ORG_SUFFIXES:
        return RuleSpan(start, end, "ORG", "org_suffix")
    if 3 <= size <= MAX_RUN_TOKENS and words[start] in ORG_HEADS and words[start + 1] in ("of", "for"):
        return RuleSpan(start, end, "ORG", "org_head")
    return None


def _classify_piece(words: list[str], start: int, end: int, before: str, after: str) -> RuleSpan | None:
    """Rules for a run without connectors: titled person, organisation, place, event, named person."""
    titles = [k for k in range(start, end) if words[k] in TITLES]
    if titles:
        k = titles[-1]
        part = _name_part(words, k + 1, end)
        if part:
            return RuleSpan(*part, "PERSON", "title")
        if k == end - 1:
            return None
    while start < end and (words[start] in _COMMON or words[start].lower() in STOP_WORDS):
        start += 1
    if start >= end:
        return None
    if before.lower() in PRECEDING_TITLES:
        part = _name_part(words, start, end)
        if part:
            return RuleSpan(*part, "PERSON", "preceding_title")
    size = end - start
    org = _organisation(words, start, end)
    if org:
        return org
    if 2 <= size <= MAX_RUN_TOKENS and (words[end - 1] in LOC_SUFFIXES or words[start] in LOC_HEADS):
        return RuleSpan(start, end, "LOC", "loc_suffix")
    if 2 <= size <= MAX_RUN_TOKENS and words[end - 1] in EVENT_WORDS:
        return RuleSpan(start, end, EVENT, "event")
    names = first_names()
    for k in range(start, max(start, end - 2) + 1):  # "Infrastrukturvorstand Berthold Huber": role, then the name
        if words[k] in names and (k == start or end - k in (2, 3)):
            part = _name_part(words, k, end)
            if part and end - k >= 2:
                return RuleSpan(*part, "PERSON", "first_name")
    if 2 <= size <= 3 and (after in SPEECH_VERBS or before in ("said", "says")):
        part = _name_part(words, start, end)
        if part:
            return RuleSpan(*part, "PERSON", "speaker")
    return None


def classify_run(words: list[str], start: int, end: int, before: str, after: str = "") -> list[RuleSpan]:
    """What a capitalised run is: one organisation as a whole ("Bank of England", "Board of Control for Cricket
    in India"), else each piece between connectors on its own ("John Korir" of "Kenya")."""
    inner = [k for k in range(start, end) if words[k] in CONNECTORS]
    if not inner:
        span = _classify_piece(words, start, end, before, after)
        return [span] if span else []
    org = _organisation(words, start, end)
    if org:
        return [org]
    head = words[inner[0] - 1]
    if inner[0] - start <= 3 and (head in ORG_HEADS or head in ORG_SUFFIXES) and end - start <= MAX_RUN_TOKENS:
        # "Potsdam Institute for Climate Impact Research", "European Bank for Reconstruction and Development"
        return [RuleSpan(start, end, "ORG", "org_head")]
    found, piece = [], start
    for k in [*inner, end]:
        if k > piece:
            span = _classify_piece(words, piece, k, before if piece == start else words[piece - 1], after)
            if span:
                found.append(span)
        piece = k + 1
    return found


def acronym_definitions(words: list[str], spans: list[tuple[int, int]]) -> dict[str, tuple[int, int]]:
    """Acronyms defined in the text right after a tagged name: "Bank of Ghana (BoG)" maps "BoG" to that span."""
    found: dict[str, tuple[int, int]] = {}
    for start, end in spans:
        if end + 2 < len(words) and words[end] == "(" and words[end + 2] == ")":
            acronym = words[end + 1]
            initials = "".join(w[0] for w in words[start:end] if w[:1].isupper())
            if _ACRONYM.match(acronym.replace("o", "O")) and acronym[0] == initials[:1]:
                found.setdefault(acronym, (start, end))
    return found


def rule_spans(words: list[str], spaces: list[bool], breaks: set[int] | frozenset[int] = frozenset()) -> list[RuleSpan]:
    spans = []
    for start, end in capitalised_runs(words, spaces, breaks):
        before = words[start - 1] if start > 0 else ""
        after = words[end] if end < len(words) else ""
        after = words[end + 1] if after == "," and end + 1 < len(words) and words[end + 1] in ("a", "an") else after
        spans.extend(classify_run(words, start, end, before, after))
    return spans
