"""Names the rules and the fallback found in part, extended to their whole (round 9, from blind batch J):

- an institution named with its seat in a Slavic language: "Sąd Okręgowy w Krakowie", "Giełda Papierów
  Wartościowych w Warszawie", "Krajský soud v Brně" (the place, in the locative, is part of the official name);
- a Romance body named for its cause: "Asamblea Mendocina por el Agua Pura", "Mouvement pour la Paix";
- a hyphenated place whose first part is a small place of the gazetteer: "Sanniquellie-Mahn" (a district named
  after two towns), not "Paris-based" (lower case) nor "Israel-Hamas" (two known names);
- a family name written first, opening an English sentence before a person found by a given name: "Nguyen" of
  "Nguyen Van Binh said" (Vietnamese, Chinese and Korean names put the family name first).
"""

from __future__ import annotations

import re
from typing import Any

from transforms.entity_gazetteer import alias_table, common_english, small_places
from transforms.entity_rules import (
    ORG_FIRST_WORDS,
    PARTICLES,
    TURKISH_ORG_ENDS,
    first_names,
    is_name_token,
    is_title,
    words,
)

SEAT_PREPOSITIONS = {"pl": ("w", "we"), "cs": ("v", "ve"), "sk": ("v", "vo")}
# "and" of the languages whose institutions name two domains: "Urząd Ochrony Konkurencji i Konsumentów",
# "Kementerian Lingkungan Hidup dan Kehutanan", "Ankara Sanayi ve Ticaret Odası"
INSTITUTION_AND = {"pl": ("i",), "cs": ("a",), "sk": ("a",), "id": ("dan",), "ms": ("dan",), "tr": ("ve",)}
MAX_AND_TAIL = 3  # name words of the second domain: "Dziedzictwa Narodowego", "Kehutanan"
MAX_AND_HEAD = 3  # words before "ve" of a Turkish body whose head comes last: "İstanbul Tekstil"
# Words of a Slavic institution's name, in any case: court, office, prosecutor, exchange, university, academy,
# hospital, museum, theatre, tribunal, chamber, ministry, commission, council, board, institute, bank (pl, cs, sk).
SLAVIC_INSTITUTION = re.compile(
    r"^(?:sąd|sądu|sądzie|sądem|urząd|urzędu|urzędzie|urzędem|prokuratur\w*|giełd\w*|uniwersytet\w*|politechni\w*"
    r"|akademi\w*|szpital\w*|muze\w*|teatr\w*|trybunał\w*|izb[aoyieąę]|izbie|ministerstw\w*|komisj\w*|rad[aąęy]"
    r"|radzie|zarząd\w*|instytut\w*|bank\w*|soud\w*|súd\w*|úřad\w*|úrad\w*|univerzit\w*|nemocnic\w*|ministerstv\w*"
    r"|státní\w*|krajsk\w*|okresn\w*|městsk\w*|mestsk\w*|obvodn\w*|przedsiębiorstw\w*|zakład\w*|miejsk\w*)$",
    re.IGNORECASE,
)
LOCATIVE_ADJECTIVE_ENDINGS = ("ym", "im", "ej", "iej", "ém", "ím", "om")  # "w Nowym Sączu", "v Novém Městě"
PURPOSE_WORDS = words("por para pour per pela pelo pelos pelas")  # "Asamblea ... por el Agua Pura"
PURPOSE_ARTICLES = words("el la los las le les l' l’ il lo gli o a os as")
MAX_PURPOSE_WORDS = 4  # name words after the preposition: "por la Defensa del Agua Pura" minus particles
PLACE_LABELS = ("GPE", "LOC")
DEMONYM_CUTS = (1, 2, 3)  # letters after a place's name in its adjective: "Kenya-n", "Chile-an", "Brazil-ian"
SENTENCE_ENDS = words(""". ! ? : ; " “ ” « » ‘ ’ ' – —""")


def _seat_end(words: list[str], breaks, k: int) -> int | None:
    """The end of a place in the locative at k: one capitalised word, two when the first is an adjective."""
    if k >= len(words) or k in breaks or not is_name_token(words[k]):
        return None
    if words[k].endswith(LOCATIVE_ADJECTIVE_ENDINGS) and k + 1 < len(words) and is_name_token(words[k + 1]):
        return k + 2
    return k + 1


def _purpose_end(words: list[str], breaks, k: int) -> int | None:
    """The end of "[article] Name Words" from k: 1-4 capitalised words, particles between them."""
    if k < len(words) and words[k] in PURPOSE_ARTICLES:
        k += 1
    j, names = k, 0
    while j < len(words) and j not in breaks and names < MAX_PURPOSE_WORDS:
        if is_name_token(words[j]):
            names += 1
        elif not (words[j] in PARTICLES and j + 1 < len(words) and is_name_token(words[j + 1])):
            break
        j += 1
    return j if names else None


def extend_names(
    words: list[str], spaces: list[bool], breaks, language: str, chosen: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """`chosen` with the names of the module doc extended; the spans inside an extension are dropped."""
    out = sorted(chosen, key=lambda s: s["span"])
    if language == "en":
        taken = {i for s in out for i in range(*s["span"])}
        out = [_with_family_name(words, spaces, breaks, s, taken) for s in out]
    seats = SEAT_PREPOSITIONS.get(language, ())
    followers = {*seats, *INSTITUTION_AND.get(language, ()), *PURPOSE_WORDS, "-"}  # words an extension starts with
    starts = {s["span"][0] for s in out}
    dropped: set[int] = set()  # indices into out of spans inside an extension
    for n, s in enumerate(out):
        if n in dropped:
            continue
        a, b = s["span"]
        if b + 1 >= len(words) or words[b] not in followers or b in breaks or b + 1 in breaks:
            continue
        new_end, label = _extension(words, spaces, breaks, language, seats, s, starts)
        if new_end is None:
            continue
        out[n] = {**s, "span": (a, new_end), "label": label, "entry": None, "rule": "extended"}
        k = n + 1
        while k < len(out) and out[k]["span"][0] < new_end:  # sorted: the spans the extension covers follow it
            dropped.add(k)
            k += 1
    return [s for n, s in enumerate(out) if n not in dropped]


def _extension(
    words: list[str], spaces: list[bool], breaks, language: str, seats: tuple[str, ...], s: dict[str, Any], starts
) -> tuple[int | None, str]:
    """The new end of span s when one of the module doc's extensions applies, and its label."""
    a, b = s["span"]
    label = s["label"]
    if (
        seats
        and label == "ORG"
        and words[b] in seats
        and any(SLAVIC_INSTITUTION.match(w) for w in words[a:b])
        and not any(w.lower().startswith("minist") for w in words[a:b])  # "Ministerstwa ... w Polsce": no seat
    ):
        return _seat_end(words, breaks, b + 1), label
    if label == "ORG" and words[b] in INSTITUTION_AND.get(language, ()):
        tail = _and_tail(words, breaks, b + 1)
        if tail is not None and b - a >= 2 and _institution_head(words[a]):
            return tail, label  # "Urząd Ochrony Konkurencji i Konsumentów": one office of two domains
        if (
            tail is not None
            and language == "tr"
            and words[tail - 1] in TURKISH_ORG_ENDS
            and b - a <= MAX_AND_HEAD
            and s.get("entry") is None
            and not any(w in TURKISH_ORG_ENDS for w in words[a:b])
        ):
            return tail, label  # "Ankara Sanayi ve Ticaret Odası": the head ends the name's second domain
    if (
        words[b] in PURPOSE_WORDS
        and label == "ORG"
        and words[a] in ORG_FIRST_WORDS
        and (b - a == 1 or words[b + 1] in PURPOSE_ARTICLES)
    ):
        # "Alianza por Chile", "Asamblea Mendocina por el Agua Pura"; a name complete before "por" and a bare name
        # after it is a seat, not a cause: "diputada del Partido Liberal por Ocotepeque"
        return _purpose_end(words, breaks, b + 1), label
    if (
        label in PLACE_LABELS
        and b - a == 1
        and words[b] == "-"
        and not spaces[a]
        and not spaces[b]
        and words[a] in small_places()
        and is_name_token(words[b + 1])
        and words[b + 1] not in first_names()
        and words[b + 1] not in alias_table()
        and b + 1 not in starts
    ):
        return b + 2, "GPE"
    return None, label


def _institution_head(word: str) -> bool:
    return word in ORG_FIRST_WORDS or bool(SLAVIC_INSTITUTION.match(word))


def _and_tail(words: list[str], breaks, k: int) -> int | None:
    """The end of a second domain from k: 1-4 name words and no more, not opening a second body or a person
    ("Kementerian Kesehatan dan Kementerian Sosial", "Urząd Miasta i Jan Nowak" are two names)."""
    if k >= len(words) or _institution_head(words[k]) or words[k] in first_names():
        return None
    j = k
    while j < len(words) and j not in breaks and j - k <= MAX_AND_TAIL and is_name_token(words[j]):
        j += 1
    if j == k or j - k > MAX_AND_TAIL + 1 or (j < len(words) and j not in breaks and is_name_token(words[j])):
        return None
    if j - k == MAX_AND_TAIL + 1 and words[j - 1] not in TURKISH_ORG_ENDS:
        return None  # four words only when the last is a Turkish head: "Hammaddeleri İhracatçıları Birliği" + 1
    return j


def _with_family_name(
    words: list[str], spaces: list[bool], breaks, span: dict[str, Any], taken: set[int]
) -> dict[str, Any]:
    """The person span with the family name before it when that name opens the sentence: "Nguyen Van Binh"."""
    a, b = span["span"]
    k = a - 1
    if span["label"] != "PERSON" or span.get("rule") != "first_name" or k < 0 or not spaces[k] or a in breaks:
        return span
    w = words[k]
    if not (k == 0 or k in breaks or words[k - 1] in SENTENCE_ENDS):
        return span
    if (
        not is_name_token(w)
        or w.lower() in common_english()
        or is_title(w)
        or w in first_names()
        or w in alias_table()
        or _demonym(w)
        or k in taken
    ):
        return span
    return {**span, "span": (k, b)}


def _demonym(word: str) -> bool:
    """A nationality adjective: "Kenyan", "Brazilian", "Japanese", "Swedish" (a place's name plus an ending)."""
    if word.endswith(("ese", "ish", "ian")):
        return True
    for n in DEMONYM_CUTS:
        entry = alias_table().get(word[:-n])
        if entry is not None and entry.label in PLACE_LABELS:
            return True
    return False
