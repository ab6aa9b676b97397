"""A learned, language-independent boilerplate-paragraph signal, used by the clean step after the rules.

The rules know boilerplate by its words, language by language; outlets never seen use other words. This signal
knows a paragraph by its shape only: length, the share of capitalised tokens, digits and symbols, whether it ends
like a sentence, separators ('|', '»', '·'), '©', '@', addresses and handles, its place in the document and the
shape of its neighbours. No feature is a word of any language.

The model is a logistic regression trained by `tools/train_boilerplate.py` on the gold files that are not blind
(labels: the gold's must_keep / must_drop snippets mapped to paragraphs) and stored as plain numbers in
`transforms/data/boilerplate_model.json`: scoring is a dot product, no training library is needed at run time.
Recall first: the threshold is chosen so that no must_keep paragraph of any training set scores above it, and a
paragraph is a candidate only when it is short, not the first one, and not the last one left.
"""

from __future__ import annotations

import functools
import json
import math
import pathlib
import re

MODEL_PATH = pathlib.Path(__file__).parent / "data" / "boilerplate_model.json"
RULE_ID = "learned.boilerplate"

_SENTENCE_END = re.compile(r"[.!?…。！？।؟۔]['\"”’»)\]]*$")  # ends like a sentence in Latin, CJK, Indic, Arabic
_SENTENCE_MARK = re.compile(r"[.!?。！？।؟۔](?:\s|$)")  # sentence ends inside the paragraph
_URL = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|org|net|info)\b", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_HANDLE = re.compile(r"(?:^|\s)[@#][\w.]{2,}")
_TIME_OR_DATE = re.compile(r"\b\d{1,2}[:.h]\d{2}\b|\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b")
_LABEL = re.compile(r"^\W*(?:\S+\s+){0,3}?\S+\s?[:：]")  # "Lee también:", "Taip pat skaitykite:", "Related:"
_QUOTES = frozenset('"“”«»„「」『』')
_SEPARATORS = frozenset("|»›·•→►▶■")
_COPYRIGHT = frozenset("©ⓒ℗®")
# Thai, Lao, Myanmar and Khmer write sentences without a closing mark: a paragraph's shape says nothing there
_UNPUNCTUATED_SCRIPT = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
PROSE_WORDS = 3  # "Er sagte nichts.": a closed sentence of three words (two with a lower-case word: "Er lachte.") is
# prose; a prompt that ends like a sentence ("Comments are closed.", "Join the conversation.") is left to the rules
OPEN_PROSE_WORDS = 5  # "Nur die Folie bleibt zurück": a crosshead of five words, most in lower case
LONG_LINE_WORDS, LONG_LINE_LOWER = 8, 3  # "Abschluss um 15.30 Uhr vor der Schweizer Botschaft"
TITLE_MIN_CHARS = 15  # a title prefix shorter than this could be any label ("News")
# Below the story's last prose paragraph a page has only its furniture (share, comment, follow prompts): there the
# signal's threshold is lower. Measured on every set (gold, batches B-P, the 83 real pages, `tools/train_boilerplate`
# paragraphs after the rules): of the candidates below the story, no article line scores above 0.5, boilerplate
# 22 of 23 above 0.7 (17 above 0.9); unlabelled lines above 0.7: a real page's list item and an author credit.
TAIL_THRESHOLD = 0.7
PROSE_MIN_WORDS = 4  # a story sentence: closed by a mark and at least this many words
PROSE_MIN_CHARS = 120  # or simply long: a paragraph this long is running text whatever its end
SHORT_CHARS = 80  # a "short line" of the neighbourhood: a label, a button, a heading (article sentences are longer)

FEATURES = (
    "log_chars",
    "log_tokens",
    "ends_sentence",
    "ends_colon",
    "sentence_marks",
    "cap_share",
    "upper_share",
    "caseless",
    "digit_share",
    "symbol_share",
    "separator",
    "copyright",
    "at_sign",
    "url",
    "email",
    "handle",
    "time_or_date",
    "quote",
    "comma_rate",
    "starts_symbol",
    "slash",
    "mean_token_chars",
    "is_second",
    "is_last",
    "in_last3",
    "rel_pos",
    "log_rel_len",
    "prev_short",
    "next_short",
    "prev_ends_sentence",
    "next_ends_sentence",
    "short_neighbours",
    "log_paragraphs",
    "short_no_end",
    "short_tail",
    "prose",
    "last_no_end",
    "lower_tokens",
)


def _shape(para: str) -> tuple[int, bool]:
    return len(para), bool(_SENTENCE_END.search(para))


def paragraph_features(paras: list[str], i: int, shapes: list[tuple[int, bool]], median_chars: float) -> list[float]:
    """The features of paragraph `i` of a document (in the order of FEATURES). `shapes`: (chars, ends like a
    sentence) of every paragraph; `median_chars`: the document's median paragraph length."""
    para = paras[i]
    n = len(paras)
    chars, ends = shapes[i]
    tokens = para.split()
    n_tokens = max(len(tokens), 1)
    cased = [t for t in tokens if t[:1].isalpha() and (t[:1].isupper() or t[:1].islower())]
    caps = sum(t[:1].isupper() for t in cased)
    letters = upper = digits = symbols = 0
    for ch in para:
        if ch.isalpha():
            letters += 1
            upper += ch.isupper()
        elif ch.isdigit():
            digits += 1
        elif not ch.isspace():
            symbols += 1
    chars_nz = max(chars, 1)
    short = chars <= SHORT_CHARS
    near = [shapes[j][0] <= SHORT_CHARS for j in range(max(0, i - 2), min(n, i + 3)) if j != i]
    prev_short = shapes[i - 1][0] <= SHORT_CHARS if i > 0 else True
    next_short = shapes[i + 1][0] <= SHORT_CHARS if i + 1 < n else True
    chars_set = set(para)
    return [
        math.log1p(chars),
        math.log1p(len(tokens)),
        float(ends),
        float(para.endswith(":")),
        math.log1p(len(_SENTENCE_MARK.findall(para))),
        caps / len(cased) if cased else 0.0,
        upper / letters if letters and upper else 0.0,
        float(not cased),
        digits / chars_nz,
        symbols / chars_nz,
        float(bool(chars_set & _SEPARATORS)),
        float(bool(chars_set & _COPYRIGHT)),
        float("@" in chars_set),
        float(bool(_URL.search(para))),
        float(bool(_EMAIL.search(para))),
        float(bool(_HANDLE.search(para))),
        float(bool(_TIME_OR_DATE.search(para))),
        float(bool(chars_set & _QUOTES)),
        sum(para.count(c) for c in ",，、،") / n_tokens,
        float(not para[:1].isalnum()),
        float("/" in chars_set),
        min(chars / n_tokens, 20.0) / 10,  # CJK runs read as one long token; capped so they stay in range
        float(i == 1),
        float(i == n - 1),
        float(i >= n - 3),
        i / (n - 1) if n > 1 else 0.0,
        math.log((chars + 1) / (median_chars + 1)),
        float(prev_short),
        float(next_short),
        float(shapes[i - 1][1]) if i > 0 else 0.0,
        float(shapes[i + 1][1]) if i + 1 < n else 0.0,
        sum(near) / len(near) if near else 0.0,
        math.log1p(n),
        float(short and not ends),
        float(short and i >= n - 3),
        float(ends) * min(len(tokens), 30) / 30,  # a sentence of many words: the strongest sign of prose
        float(i == n - 1 and not ends),
        math.log1p(len(cased) - caps),  # lower-case words: function words of running text
    ]


def document_shapes(paras: list[str]) -> tuple[list[tuple[int, bool]], float]:
    shapes = [_shape(p) for p in paras]
    lengths = sorted(s[0] for s in shapes)
    median = float(lengths[len(lengths) // 2]) if lengths else 0.0
    return shapes, median


def is_candidate(para: str, i: int, max_chars: int) -> bool:
    """Whether the shape signal may judge a paragraph at all. Never the first paragraph (headline or lead), nor a
    long one, nor one in a script that closes no sentence with a mark, nor one shaped like a sentence (it ends
    with a sentence mark and has PROSE_WORDS words, or two and one in lower case): by shape alone a call to action
    written as a sentence cannot be told from article prose, so such lines are left to the rules."""
    if i == 0 or len(para) > max_chars or _UNPUNCTUATED_SCRIPT.search(para):
        return False
    words = _words(para)
    tokens = para.split()
    lower = sum(t[:1].islower() for t in tokens)
    if _SENTENCE_END.search(para) and (words >= PROSE_WORDS or (words >= 2 and lower)):
        return False
    # a deck or a crosshead written as a sentence without its final mark ("Adele feierte ausgelassen mit den Spice
    # Girls", "Nur die Folie bleibt zurück"): several words, most in lower case. A prompt can look so too ("...
    # dengan bergabung di saluran WhatsApp kami"): such lines are left to the rules. "Lee también: <headline>"
    # (a label of a few words and a colon) is a related link, not a heading.
    # In German, nouns are capitalised: a long line with a few lower-case words is running text as well ("Im ICE
    # zahlen Passagiere sieben Prozent Mehrwertsteuer, im Fernbus aber 19").
    prose_like = (words >= OPEN_PROSE_WORDS and 2 * lower >= len(tokens)) or (
        words >= LONG_LINE_WORDS and lower >= LONG_LINE_LOWER
    )
    return not (prose_like and not _LABEL.match(para))


def _words(para: str) -> float:
    """Words of a paragraph; in scripts written without spaces (a "token" over 15 characters), ~2 characters a
    word (Chinese and Japanese words are one to three characters)."""
    tokens = para.split()
    return len(tokens) if len(para) <= 15 * len(tokens) else len(para) / 2


class Model:
    """Logistic regression over FEATURES, standardised; `score` is the probability of boilerplate."""

    def __init__(self, data: dict) -> None:
        if tuple(data["features"]) != FEATURES:
            raise ValueError("boilerplate model was trained on other features; run tools/train_boilerplate.py")
        # folded standardisation: w·((x - mean) / scale) + b == (w / scale)·x + (b - Σ w·mean / scale)
        self.weights = [w / s for w, s in zip(data["weights"], data["scale"], strict=True)]
        self.bias = data["bias"] - sum(w * m for w, m in zip(self.weights, data["mean"], strict=True))
        self.threshold = data["threshold"]
        self.max_chars = data["max_chars"]

    def score(self, features: list[float]) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, features, strict=True))
        return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))


@functools.cache
def default_model() -> Model | None:
    """The bundled model, or None when no model file is present (the signal is then off)."""
    if not MODEL_PATH.is_file():
        return None
    return Model(json.loads(MODEL_PATH.read_text("utf-8")))


def boilerplate_indices(
    paras: list[str], candidates: list[int], model: Model | None, title: str | None = None
) -> list[int]:
    """Of the `candidates` (indices into `paras`: the paragraphs the rules kept), those the model calls
    boilerplate. `paras` is the whole document as the rules saw it (a kept paragraph as the rules left it), so
    position and neighbours are the page's.
    Never the first paragraph (the headline or lead), the page's title (`title`, the headline of an HTML page)
    or all that is left."""
    if model is None or len(candidates) < 2:
        return []
    shapes: list[tuple[int, bool]] | None = None
    median = 0.0
    hits = []
    story_end = max((i for i in candidates if is_prose(paras[i])), default=None)
    for i in candidates:
        if not is_candidate(paras[i], i, model.max_chars) or (title and _is_title(paras[i], title)):
            continue
        if shapes is None:  # most documents have no short paragraph left: no shape work for them
            shapes, median = document_shapes(paras)
        below_story = story_end is not None and i > story_end
        threshold = min(model.threshold, TAIL_THRESHOLD) if below_story else model.threshold
        if model.score(paragraph_features(paras, i, shapes, median)) >= threshold:
            hits.append(i)
    if len(hits) >= len(candidates):
        hits = hits[:-1]
    return hits


def is_prose(para: str) -> bool:
    """A story paragraph: a closed sentence of a few words, or a long paragraph."""
    return len(para) >= PROSE_MIN_CHARS or (bool(_SENTENCE_END.search(para)) and len(para.split()) >= PROSE_MIN_WORDS)


def _is_title(para: str, title: str) -> bool:
    """The headline as the page's metadata names it (case and spacing aside), or the part of it before the site
    name ("Headline | Site")."""
    para, title = " ".join(para.casefold().split()), " ".join(title.casefold().split())
    return para == title or (len(para) >= TITLE_MIN_CHARS and title.startswith(para))
