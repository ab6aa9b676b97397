"""Extract: HTML to the article's main text and page metadata with trafilatura. Text inputs pass through."""

from __future__ import annotations

import apache_beam as beam
import trafilatura
from trafilatura.settings import use_config

from schemas.record import Doc
from transforms.common import Rejected, Step

STAGE = "extract"
MAX_TREE_SIZE = 500_000  # elements; far above any real article page, stops pathological DOMs early
MIN_EXTRACTED_CHARS = 1  # trafilatura returning less than this means it found no main text

CONFIG = use_config()
CONFIG.set("DEFAULT", "MAX_TREE_SIZE", str(MAX_TREE_SIZE))
CONFIG.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # its signal-based timeout only works in a main thread


def extract_html(html: str, url: str | None = None) -> dict:
    """Main text plus metadata of one page; raises Rejected when there is no main text."""
    result = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        deduplicate=False,  # its cache spans documents and would trim syndicated copies (FIELD-NOTES)
        config=CONFIG,
    )
    if result is None or len((result.text or "").strip()) < MIN_EXTRACTED_CHARS:
        raise Rejected("no_main_text", "trafilatura found no main text")
    return {
        "text": result.text,
        "title": result.title,
        "author": result.author,
        "date": result.date,
        "sitename": result.sitename,
        "url": result.url,
        "hostname": result.hostname,
    }


def extract_doc(doc: Doc) -> Doc:
    if doc.format != "html":
        return doc.replace(text=doc.raw_text)
    found = extract_html(doc.raw_text, doc.hints.get("url"))
    return doc.replace(text=found.pop("text"), meta={**doc.meta, "page": found})


class Extract(beam.PTransform):
    def expand(self, docs):
        return docs | "ExtractMainText" >> Step(STAGE, extract_doc)
