"""Name normalisation for entity linking: one key for every spelling and transliteration of a name.

`name_key("Volodymyr Zelenskiy") == name_key("Volodymyr Zelenskyy") == name_key("Volodymyr Zelensky")`,
`name_key("Sergei Lavrov") == name_key("Sergey Lavrov")`, while "Ed Miliband" and "David Miliband" keep
different keys. Ids of entities that are not in the alias file are derived from this key, so they are stable
across articles and runs.
"""

from __future__ import annotations

import re

from anyascii import anyascii

from transforms.common import sha256_hex

_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_NON_WORD = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")
# Transliteration folds, applied to each word in order. Slavic names reach English news through several
# romanisation systems: -iy/-yy/-ii/-yi/-y/-i all render one final letter, -ei/-ey one diphthong, ks/x one sound.
_WORD_FOLDS = (
    (re.compile(r"(?:iy|yy|ii|yi|ij|y)$"), "y"),
    (re.compile(r"(?<=[^aeiouy])i$"), "y"),  # Dmitri / Dmitry
    (re.compile(r"e[iy]$"), "ey"),
    (re.compile(r"ks"), "x"),
    (re.compile(r"ander$"), "andr"),  # Alexander / Aleksandr
    (re.compile(r"kh"), "h"),
    (re.compile(r"(.)\1"), r"\1"),  # doubled letters: Zelenskyy/Zelensky after the ending fold, Mohammed/Mohamed
    (re.compile(r"ph"), "f"),
)
MIN_FOLD_CHARS = 4  # short words (Xi, Li, Ali, Lee) are kept as they are: folding them would merge different names


def strip_possessive(text: str) -> str:
    return _POSSESSIVE.sub("", text.strip())


def fold_word(word: str) -> str:
    """One lower-case ASCII word with its transliteration variants folded together."""
    if len(word) < MIN_FOLD_CHARS:
        return word
    for pattern, repl in _WORD_FOLDS:
        word = pattern.sub(repl, word)
    return word


def name_key(name: str) -> str:
    """The linking key of a name: ASCII, lower case, no punctuation or possessive, transliteration folded."""
    text = anyascii(strip_possessive(name)).lower().replace("-", " ")
    text = _SPACES.sub(" ", _NON_WORD.sub("", text)).strip()
    return " ".join(fold_word(w) for w in text.split())


def derived_id(name: str, label: str) -> str:
    """A deterministic id for an entity that has no curated id: the label's class and a hash of the name key."""
    kind = "place" if label in ("GPE", "LOC") else label.lower()
    return f"nb:{kind}:{sha256_hex(name_key(name), 16)}"
