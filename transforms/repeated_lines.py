"""RepeatedLines: a paragraph that recurs across many documents of one source within a run is boilerplate.

No rule names every outlet's footer, promo or disclaimer, but templates give themselves away by repetition.
Per (source, normalised paragraph) the step counts the distinct leads holding it, with a combiner over
64-bit keys; paragraphs seen in
at least `min_docs` documents of the same source are removed from every document of that source and recorded in
`boilerplate_removed` with rule id `repeated_line`.

Recall first, three guards keep article text safe:
- a paragraph counts once per distinct lead (first paragraph): copies and updated versions of one story share
  their lead, so a story's paragraphs repeated across its versions never reach the threshold, while a template
  appears under many different leads;
- syndicated or duplicated copies of one story share most of their paragraphs; in a document where repeated
  paragraphs would be the majority (`MAX_REPEATED_SHARE`), nothing is removed: those are the story, not a template;
- a paragraph is only a template when it repeats within one source; the same sentence in different outlets is a
  shared story (dedup's business), never removed here.

Entities are tagged before this step (so that tagging runs in the same stage as extraction, beside the extraction
child); the mentions of a removed paragraph go with it and the others move with their paragraph.

Batch only: a streaming job (`--streaming`) skips this step, because a run-wide count never completes there.

The source key is the outlet when the record names one (syndication header, feed field, page site name, URL
host), else the input folder, which for a dump is usually one outlet's export.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import urllib.parse
from collections.abc import Iterable, Mapping

import apache_beam as beam
import numpy as np
from apache_beam.metrics import Metrics
from apache_beam.options.pipeline_options import StandardOptions

from schemas.record import Doc
from transforms import memory
from transforms.common import DEAD, MAIN, Progress
from transforms.pairs import DistinctPairs

STAGE = "repeated_lines"
RULE_ID = "repeated_line"
DEFAULT_MIN_DOCS = 5  # a template shows on most pages of an outlet; under 5 copies a shared quote or sign-off
# could repeat by chance, and small runs (the bundled samples) never trigger the step
MAX_REPEATED_SHARE = 0.5  # more than half of a document repeated means a copy of a story, not a template
MAX_KEY_CHARS = 1000  # longer paragraphs are article prose; templates are short. Bounds hashing work too
_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n+")


def source_key(doc: Doc) -> str:
    """The outlet this record belongs to, as a grouping key (not for display)."""
    header = doc.meta.get("header", {})
    page = doc.meta.get("page", {})
    named = header.get("source") or doc.hints.get("source") or page.get("sitename")
    if named:
        return f"outlet:{named.casefold()}"
    url = doc.hints.get("url") or page.get("url")
    host = urllib.parse.urlsplit(url).hostname if url else None
    if host:
        return f"host:{host.removeprefix('www.')}"
    return "folder:" + doc.input_uri.split("#", 1)[0].rsplit("/", 1)[0]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: the text between paragraph breaks, blank ones left out."""
    spans, start = [], 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, brk.start()))
        start = brk.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def paragraph_split(text: str) -> list[str]:
    return [text[a:b] for a, b in paragraph_spans(text)]


def shifted_entities(entities: tuple[dict, ...], spans: list[tuple[int, int]], starts: list[int]) -> tuple[dict, ...]:
    """Entity mentions moved with the paragraphs kept: `spans` are the kept paragraphs' places in the old text,
    `starts` where each begins in the new one. Mentions in removed paragraphs are dropped (names never run
    across a paragraph break)."""
    moved = []
    for e in entities:
        for (a, b), new in zip(spans, starts, strict=True):
            if a <= e["start"] and e["end"] <= b:
                moved.append({**e, "start": e["start"] - a + new, "end": e["end"] - a + new})
                break
    return tuple(moved)


def paragraph_hash(paragraph: str) -> str | None:
    """Hash of a paragraph with case, spacing and numbers folded ("© 2025" and "© 2026" match); None if too long."""
    norm = _DIGITS.sub("0", _SPACES.sub(" ", paragraph.casefold()).strip())
    if not norm or len(norm) > MAX_KEY_CHARS:
        return None
    return hashlib.sha1(norm.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def line_key(source: str, paragraph: str) -> int:
    """The 64-bit key of a paragraph hash within a source."""
    digest = hashlib.blake2b(f"{source}\x00{paragraph}".encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little")


def line_keys(doc: Doc) -> list[tuple[int, int]]:
    """(line key, lead hash as an integer) for each distinct paragraph after the lead."""
    source = source_key(doc)
    paras = paragraph_split(doc.text)
    if len(paras) < 2:
        return []
    lead = int(paragraph_hash(paras[0][:MAX_KEY_CHARS]) or "0", 16)
    hashes = {h for p in paras[1:] if (h := paragraph_hash(p))}
    return [(line_key(source, h), lead) for h in sorted(hashes)]


class RepeatedKeys(beam.CombineFn):
    """Line keys found under at least `min_docs` distinct leads. Pairs are kept as numbers in arrays, because a
    grouping of (key, lead) tuples held ~10 KB per article on the local runner, all of it until the count ended."""

    def __init__(self, min_docs: int) -> None:
        self.min_docs = min_docs

    def create_accumulator(self) -> DistinctPairs:
        return DistinctPairs()

    def add_input(self, acc: DistinctPairs, pairs: list[tuple[int, int]]) -> DistinctPairs:
        return acc.add(pairs)

    def merge_accumulators(self, accs: Iterable[DistinctPairs]) -> DistinctPairs:
        return DistinctPairs.merged(accs)

    def extract_output(self, acc: DistinctPairs) -> frozenset[int]:
        keys, leads = np.unique(acc.compact().done[:, 0], return_counts=True)
        return frozenset(keys[leads >= self.min_docs].tolist())


def strip_repeated(doc: Doc, repeated: Mapping[int, int] | Iterable[int]) -> Doc:
    """Removes the document's paragraphs whose line key is in `repeated`, unless that would gut the document."""
    source = source_key(doc)
    spans = paragraph_spans(doc.text)
    paras = [doc.text[a:b] for a, b in spans]
    flagged = [False] + [line_key(source, h) in repeated if (h := paragraph_hash(p)) else False for p in paras[1:]]
    n_flagged = sum(flagged)
    if not n_flagged or n_flagged > MAX_REPEATED_SHARE * len(paras):
        return doc
    kept = [(p, span) for p, span, f in zip(paras, spans, flagged, strict=True) if not f]
    removed = tuple((RULE_ID, p.strip()) for p, f in zip(paras, flagged, strict=True) if f)
    starts = list(itertools.accumulate((len(p) + len("\n\n") for p, _ in kept[:-1]), initial=0))
    entities = shifted_entities(doc.entities, [span for _, span in kept], starts) if doc.entities else doc.entities
    return doc.replace(text="\n\n".join(p for p, _ in kept), removed=doc.removed + removed, entities=entities)


class _StripFn(beam.DoFn):
    def __init__(self) -> None:
        self.total = Metrics.counter(STAGE, "total")
        self.forwarded = Metrics.counter(STAGE, "forwarded")
        self.changed = Metrics.counter(STAGE, "docs_with_repeated_lines")
        self.lines = Metrics.counter(STAGE, "repeated_lines_removed")
        self.trimmer = memory.Trimmer()

    def process(self, doc: Doc, repeated: frozenset[int]):
        self.total.inc()
        try:
            out = strip_repeated(doc, repeated)
        except Exception:  # never lose a record over this optional clean-up: forward it unchanged
            Metrics.counter(STAGE, "skipped_error").inc()
            out = doc
        if out is not doc:
            self.changed.inc()
            self.lines.inc(len(out.removed) - len(doc.removed))
        self.forwarded.inc()
        Progress.tick(STAGE)
        yield out
        self.trimmer.tick()

    def finish_bundle(self):
        memory.trim()


class RepeatedLines(beam.PTransform):
    """Outputs `main` (docs with repeated template paragraphs removed) and an always-empty `dead_letter`.

    The input is one PCollection of docs or a tuple of branches of them (Enrich's read branches). Each branch's
    paragraph keys are taken where the branch was made, and the branches join only for the strip: a join before
    the keys made the local runner decode and re-encode every document once more (bench/README.md)."""

    def __init__(self, min_docs: int = DEFAULT_MIN_DOCS) -> None:
        super().__init__()
        self.min_docs = min_docs

    @classmethod
    def from_options(cls, options) -> RepeatedLines:
        if options.view_as(StandardOptions).streaming:
            return cls(0)  # a run-wide count needs the whole run; in a streaming job the side input never completes
        return cls(getattr(options, "repeated_line_min_docs", DEFAULT_MIN_DOCS))

    def expand(self, docs):
        branches = tuple(docs) if isinstance(docs, (tuple, list)) else (docs,)
        joined = branches[0] if len(branches) == 1 else branches | "JoinBranches" >> beam.Flatten()
        min_docs = self.min_docs
        if min_docs <= 0:  # switched off
            return joined | "Unchanged" >> beam.Map(lambda d: d).with_outputs(DEAD, main=MAIN)
        keys = [b | "ParagraphKeys" + "Branch" * n >> beam.Map(line_keys) for n, b in enumerate(branches)]
        if len(keys) > 1:
            keys = [keys | "AllParagraphKeys" >> beam.Flatten()]
        repeated = keys[0] | "RepeatedKeys" >> beam.CombineGlobally(RepeatedKeys(min_docs)).as_singleton_view()
        strip = beam.ParDo(_StripFn(), repeated=repeated)
        return joined | "StripRepeated" >> strip.with_outputs(DEAD, main=MAIN)
