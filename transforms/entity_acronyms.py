"""Acronyms defined in brackets: "Harare International Festival of the Arts (HIFA)", "Economic Community of West
African States (ECOWAS)". The words before the bracket whose initials spell the acronym are one name, whatever the
other rules made of them (a place and a common word, two organisations cut at "and", a sentence opener), and the
acronym is that name wherever it stands in the article, also when a gazetteer knows the same letters for another
body ("Coalition for Democratic Change (CDC)" is no disease agency there).

The long form is found as Schwartz and Hearst's abbreviation algorithm finds it (PSB 2003): every letter of the
acronym, from the last, matched in order in the words before the bracket, its first letter opening a word.
"""

from __future__ import annotations

from typing import Any

from transforms.entity_rules import is_acronym, is_name_token, words

MAX_ACRONYM_TOKENS = 3  # "MPI - EVA": an acronym with one hyphen
MIN_ACRONYM_LETTERS = 2  # "UN", "EU"
MAX_ACRONYM_LETTERS = 8  # "MPI-EVA", "ECOWAS", "SAEPF"
MIN_WORD_ACRONYM_LETTERS = 3  # an acronym written as a word ("Rfi", "Enac") spells the initials exactly
MIN_SYLLABLE_ACRONYM = 4  # or, after an organisation, letters of its words in order: "Enaco", "Antaq"
# Languages whose names go on in lower case ("Ligue pour la protection des oiseaux", "Agencia de noticias").
LOWER_CASE_NAME_LANGUAGES = frozenset(("fr", "es", "it", "pt", "ca", "ro", "pl", "cs", "sk", "sv", "no", "da", "nl"))
MIN_SYLLABLE_NAME_WORDS = 3  # capitalised words of a long form spelled by syllables with no organisation found in it
EXTRA_WORDS = 5  # a long form has at most this many words more than its acronym has letters (Schwartz-Hearst)
# Lower-case words a name may hold between its capitalised words: "Festival of the Arts", "Departamento General de
# Irrigación", "Bangladesh Garment Manufacturers and Exporters Association".
LINK_WORDS = words(
    """of for and the on in to at & de del della di da do dos das des du la las los le et y e und für der die das
    zur zum van von voor en i w na pro l' l’ d' d’ per pour para por pela pelo"""
)


def _acronym_at(words: list[str], spaces: list[bool], i: int) -> tuple[str, int] | None:
    """The acronym in brackets opening at token i ("("), and the index of its ")": "(ECOWAS)", "(MPI-EVA)"."""
    for n in range(1, MAX_ACRONYM_TOKENS + 1):
        close = i + n + 1
        if close >= len(words) or words[close] != ")":
            continue
        parts = words[i + 1 : close]
        if any(spaces[k] for k in range(i + 1, close - 1)):
            return None  # "(in millions)": words, not one acronym
        acronym = "".join(parts)
        letters = [c for c in acronym if c.isalpha()]
        if not (MIN_ACRONYM_LETTERS <= len(letters) <= MAX_ACRONYM_LETTERS):
            return None
        if not all(c.isalnum() or c in "-&." for c in acronym) or not acronym[:1].isupper():
            return None
        if sum(c.isupper() for c in letters) < 2 and len(letters) < MIN_WORD_ACRONYM_LETTERS:
            return None  # "(Rfi)" as the Italian press writes acronyms; not "(Ms)"
        return acronym, close
    return None


def _spells(acronym: str, long_form: str) -> bool:
    """Schwartz-Hearst: each letter of the acronym, last first, found in order in the long form, the first letter
    at the start of a word."""
    short = [c.lower() for c in acronym if c.isalnum()]
    text = long_form.lower()
    s, k = len(short) - 1, len(text) - 1
    while s >= 0:
        c = short[s]
        while k >= 0 and (text[k] != c or (s == 0 and k > 0 and text[k - 1].isalnum())):
            k -= 1
        if k < 0:
            return False
        k -= 1
        s -= 1
    return True


def _long_form(
    words: list[str], spaces: list[bool], breaks, i: int, acronym: str, lower_words: bool, org_ends_here: bool
) -> int | None:
    """The first token of the shortest run of name words before token i whose words spell the acronym; with
    `lower_words`, lower-case words may stand in the run ("Ligue pour la protection des oiseaux (LPO)")."""
    letters = sum(c.isalpha() for c in acronym)
    limit = max(0, i - letters - EXTRA_WORDS)
    first = acronym[0].lower()
    # "Rfi": each letter a capitalised word's initial; "Enaco", "Antaq" after a name the rules found: in order
    as_word = sum(c.isupper() for c in acronym) < 2 and not (org_ends_here and len(acronym) >= MIN_SYLLABLE_ACRONYM)
    k = i - 1
    while k >= limit:
        w = words[k]
        lower = lower_words and w.isalpha() and w.islower()
        link = w in LINK_WORDS or (k > limit and w.lower() in LINK_WORDS)  # "Los" of "... Cafetalera Los Altos"
        if not (is_name_token(w) or is_acronym(w) or link or w in ("-", "'s", "’s", "'", "’") or lower):
            return None
        if k + 1 in breaks and k + 1 < i:
            return None
        if (is_name_token(w) or is_acronym(w)) and w[:1].lower() == first:
            if as_word:
                initials = "".join(x[0] for x in words[k:i] if x[:1].isupper())
                # with lower-case words, every word but the links gives its initial: "Ente nazionale protezione
                # animali (Enpa)"
                every = "".join(x[0] for x in words[k:i] if x.isalpha() and x not in LINK_WORDS)
                if acronym.lower() in (initials.lower(), every.lower() if lower_words else ""):
                    return k
                # by syllables also before a long name of its own: "Cooperativa Agrícola Cafetalera Los Altos
                # (Coacal)", "Frente Revolucionária de Timor-Leste Independente (Fretilin)"
                text = "".join(x + (" " if spaces[j] else "") for j, x in enumerate(words[k:i], k))
                long_name = len(initials) >= MIN_SYLLABLE_NAME_WORDS and len(acronym) >= MIN_SYLLABLE_ACRONYM
                if long_name and _spells(acronym, text):
                    return k
            else:
                text = "".join(x + (" " if spaces[j] else "") for j, x in enumerate(words[k:i], k))
                if _spells(acronym, text):
                    return k
        k -= 1
    return None


def acronym_long_forms(
    words: list[str], spaces: list[bool], breaks, chosen: list[dict[str, Any]], language: str = "en"
) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """`chosen` with each bracketed acronym's long form as one span (the spans inside it dropped; one that reaches
    out of it keeps the words as they were), and {acronym: label of its long form}. A long form the gazetteer or a
    rule already holds exactly keeps its span and label ("United Arab Emirates (UAE)")."""
    defined: dict[str, str] = {}
    if "(" not in words:
        return chosen, defined
    out = list(chosen)
    for i in [k for k, w in enumerate(words) if w == "("]:
        if i < 1 or i in breaks:
            continue
        found = _acronym_at(words, spaces, i)
        if found is None:
            continue
        acronym, close = found
        org_ends_here = any(s["span"][1] == i and s["label"] == "ORG" for s in out)
        start = _long_form(words, spaces, breaks, i, acronym, language in LOWER_CASE_NAME_LANGUAGES, org_ends_here)
        if start is None:
            continue
        span = (start, i)
        short = (i + 1, close)
        inside = [s for s in out if s["span"][0] < span[1] and span[0] < s["span"][1]]
        exact = [s for s in inside if s["span"] == span]
        # a name the rules found in full, of which the acronym spells the last words: "Ghana Cocoa Board (COCOBOD)"
        longer = [s for s in inside if s["span"][1] == i and s["span"][0] < start and s["label"] == "ORG"]
        if exact:
            label = exact[0]["label"]
        elif longer:
            label = "ORG"
        elif any(s["span"][0] < span[0] or s["span"][1] > span[1] for s in inside):
            continue  # a span reaching out of the long form: its words are read otherwise
        elif not inside and i - start == 1:
            continue  # one untagged word and its acronym: no name the rules saw
        else:
            label = "ORG"
            out = [s for s in out if s not in inside]
            out.append({"span": span, "label": label, "entry": None, "rule": "acronym_long_form"})
        defined.setdefault(acronym, label)
        # the acronym itself, one span also when hyphenated ("MPI-EVA"), with no gazetteer's meaning
        out = [s for s in out if not (s["span"][0] < short[1] and short[0] < s["span"][1])]
        out.append({"span": short, "label": label, "entry": None, "rule": "acronym"})
    return (sorted(out, key=lambda s: s["span"]) if defined else chosen), defined
