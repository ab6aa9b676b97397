"""Language: langdetect with a fixed seed on a bounded prefix of the clean text."""

from __future__ import annotations

import re

import apache_beam as beam
from langdetect import DetectorFactory, detect_langs
from langdetect.lang_detect_exception import LangDetectException

from schemas.record import Doc
from transforms.common import Step

STAGE = "language"
PREFIX_CHARS = 2000  # accuracy is flat beyond ~2 KB of text, while cost keeps growing with length
UNKNOWN = "und"  # ISO 639-2 code for "undetermined"
_CODE = re.compile(r"^[a-z]{2,3}(?:-[a-z]{2,4})?$")

DetectorFactory.seed = 0  # langdetect is random without a seed; the same text must give the same answer


def detect_language(text: str) -> tuple[str, float]:
    try:
        best = detect_langs(text[:PREFIX_CHARS])[0]
    except (LangDetectException, IndexError):
        return UNKNOWN, 0.0
    code = best.lang.lower()
    return (code if _CODE.match(code) else UNKNOWN), float(best.prob)


def language_doc(doc: Doc) -> Doc:
    code, score = detect_language(doc.text)
    return doc.replace(language=code, language_score=score)


class Language(beam.PTransform):
    def expand(self, docs):
        return docs | "DetectLanguage" >> Step(STAGE, language_doc)
