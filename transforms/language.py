"""Language: detection on a bounded prefix of the clean text, with a selectable detector.

Detectors (`--language-detector`):
- `langdetect`: the product card's choice, made deterministic with a fixed seed;
- `py3langid`: langid.py's model shipped inside the package (no download), normalised probabilities.
Both were measured on the same texts (`python -m evaluation.language_bench`); the default is the better one.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import apache_beam as beam
from langdetect import DetectorFactory, detect_langs
from langdetect.lang_detect_exception import LangDetectException

from schemas.record import Doc
from transforms import disk_cache
from transforms.common import Step

STAGE = "language"
PREFIX_CHARS = 2000  # accuracy is flat beyond ~2 KB of text, while cost keeps growing with length
UNKNOWN = "und"  # ISO 639-2 code for "undetermined"
MIN_LETTERS = 3  # fewer letters than this carry no language signal; answer "und" instead of guessing
_CODE = re.compile(r"^[a-z]{2,3}(?:-[a-z]{2,4})?$")
_LETTER = re.compile(r"[^\W\d_]")

DetectorFactory.seed = 0  # langdetect is random without a seed; the same text must give the same answer

LANGDETECT, PY3LANGID = "langdetect", "py3langid"
DETECTORS = (LANGDETECT, PY3LANGID)
DEFAULT_DETECTOR = PY3LANGID  # same accuracy on our gold and ~6x faster (numbers in README, evaluation/)


def _langdetect(text: str) -> tuple[str, float]:
    try:
        best = detect_langs(text)[0]
    except (LangDetectException, IndexError):
        return UNKNOWN, 0.0
    return best.lang.lower(), float(best.prob)


@functools.cache
def _langid_model():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    # 0.4.0 loads its bundled model with from_modelpath (FIELD-NOTES); norm_probs gives a 0..1 score. The model
    # is LZMA-compressed (~1-2 s to load per worker): the loaded identifier is kept in the start-up cache.
    return disk_cache.cached(
        "py3langid-model",
        disk_cache.fingerprint([], ("py3langid", "numpy")),
        lambda: LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True),
    )


def _py3langid(text: str) -> tuple[str, float]:
    code, prob = _langid_model().classify(text)
    return str(code).lower(), float(prob)


_BACKENDS: dict[str, Callable[[str], tuple[str, float]]] = {LANGDETECT: _langdetect, PY3LANGID: _py3langid}


# Languages a detector does not know, or confuses with a big neighbour, told apart by their own function words:
# (the answer, the detector's answers it is read from, its words, how many different ones a text must show).
# Asturian is in neither detector: py3langid answers Extremaduran or Aragonese, langdetect Spanish or Catalan. Its
# words here are function words none of those neighbours (nor Galician or Portuguese) writes: "nun" (not), "yá"
# (already), "güei" (today), "ayeri" (yesterday), "col"/"colos"/"coles" (with the), "nel"/"nes" (in the),
# "tolos"/"toles" (all the), "dalgún..." (some), "anguaño" (nowadays); "ye" (is) is Aragonese too, so it counts
# only beside others. ("cola" and "ente" are Spanish nouns too, so they are left out.)
_AST_WORDS = frozenset({
    "nun", "yá", "güei", "ayeri", "col", "colos", "coles", "nel", "nes", "tolos", "toles", "dalgún", "dalguna",
    "dalgunos", "dalgunes", "anguaño", "ye"
})  # fmt: skip
# Nigerian Pidgin (py3langid's "pcm") is mostly English words: a short English text is read as Pidgin unless its
# own grammar words and common words are there ("dey", "wey", "wetin", "una", "pikin" ...).
_PCM_WORDS = frozenset({
    "dey", "wey", "wetin", "una", "sabi", "pikin", "abi", "sef", "comot", "waka", "oga", "dis", "dat", "di", "dem",
    "don", "na"
})  # fmt: skip
MARKERS_MIN = 3  # different words of the language: one or two occur by chance in a neighbour's text
PCM_MARKERS_MIN = 2  # "dey", "wey" and "di" are rare in English: two of them are Pidgin
_UNLISTED = (("ast", frozenset({"ext", "an", "es", "gl", "ca", "pt", "oc"}), _AST_WORDS, MARKERS_MIN),)
_NEEDS_OWN_WORDS = {"pcm": ("en", _PCM_WORDS, PCM_MARKERS_MIN)}  # else the neighbour it is mistaken for
_WORDS = re.compile(r"[^\W\d_]+")


def _neighbour(code: str, prefix: str) -> str:
    """The answer once the languages the detector does not know or confuses with a neighbour are told apart by
    their own words (`_UNLISTED`, `_NEEDS_OWN_WORDS`); the detector's answer otherwise."""
    words: set[str] | None = None
    for answer, read_from, markers, minimum in _UNLISTED:
        if code in read_from:
            words = words if words is not None else {w.casefold() for w in _WORDS.findall(prefix)}
            if len(words & markers) >= minimum:
                return answer
    if code in _NEEDS_OWN_WORDS:
        fallback, markers, minimum = _NEEDS_OWN_WORDS[code]
        words = words if words is not None else {w.casefold() for w in _WORDS.findall(prefix)}
        if len(words & markers) < minimum:
            return fallback
    return code


def detect_language(text: str, detector: str = DEFAULT_DETECTOR) -> tuple[str, float]:
    """(ISO 639-1 code, 639-3 for languages without one, or "und"; score in 0..1) for the first PREFIX_CHARS
    characters of `text`. The score is the detector's for its own answer, also when `_neighbour` renames it."""
    prefix = text[:PREFIX_CHARS]
    if len(_LETTER.findall(prefix)) < MIN_LETTERS:
        return UNKNOWN, 0.0
    code, score = _BACKENDS[detector](prefix)
    return (_neighbour(code, prefix) if _CODE.match(code) else UNKNOWN), score


class LanguageFn:
    def __init__(self, detector: str = DEFAULT_DETECTOR) -> None:
        if detector not in _BACKENDS:
            raise ValueError(f"unknown language detector {detector!r}; choose one of {', '.join(DETECTORS)}")
        self.detector = detector

    def __call__(self, doc: Doc) -> Doc:
        code, score = detect_language(doc.text, self.detector)
        return doc.replace(language=code, language_score=score)


def language_doc(doc: Doc) -> Doc:
    return LanguageFn()(doc)


class Language(beam.PTransform):
    def __init__(self, detector: str = DEFAULT_DETECTOR) -> None:
        super().__init__()
        self.fn = LanguageFn(detector)

    @classmethod
    def from_options(cls, options) -> Language:
        return cls(getattr(options, "language_detector", DEFAULT_DETECTOR))

    def expand(self, docs):
        return docs | "DetectLanguage" >> Step(STAGE, self.fn)
