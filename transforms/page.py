"""One HTML page to its main text and page metadata: the pure work of the extract step, free of Beam.

The page is parsed once. Metadata (title, author, site name, URL, dates) is read from that tree first, then
trafilatura extracts the main text from it. trafilatura's own metadata pass also collects categories, tags and
the licence, which newsbeam never stores and which cost a third of extraction on news pages (bench/README.md),
so the metadata is assembled here from trafilatura's per-field functions instead.

Run as `python -m transforms.page READ_FD WRITE_FD [--fast]`, this module is the extraction child process of
transforms/extract.py; importing only trafilatura keeps its start-up short.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import sys
import time
from typing import Any

import htmldate
import lxml.etree
import trafilatura
from lxml.html import HtmlElement
from trafilatura import metadata as tmeta
from trafilatura.settings import use_config
from trafilatura.utils import load_html

from transforms.boilerplate_classes import is_stamp, stamp_date
from transforms.dates import FIELD_SEPARATOR, stamp_field_date
from transforms.errors import Rejected

MAX_TREE_SIZE = 500_000  # elements; far above any real article page, stops pathological DOMs early
MIN_EXTRACTED_CHARS = 1  # trafilatura returning less than this means it found no main text
RETRY_CHARS = 250  # a "main text" shorter than ~2 sentences is usually a missed article body: retry for recall
STRUCTURED_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"  # htmldate keeps time and offset when the page gives them
MAX_JSON_LD_CHARS = 200_000  # a JSON-LD block larger than this is not article metadata; bounds parsing
UTC_BEHIND = dt.timedelta(hours=12)  # the westernmost time zone, UTC-12
UTC_AHEAD = dt.timedelta(hours=14)  # the easternmost time zone, UTC+14 (Kiribati)
LINK_LINE_MAX_CHARS = 200  # a related-story line: a label and a headline
LINK_SHARE = 0.5  # at least half of its text is link text (jusText and boilerpipe use link density the same way)
_LINK_LABEL = re.compile(r"^[^\W\d_][^:|–—»>\n]{0,40}[:|–—»>-]$")  # "Citește și:", "Also Read |", "Leggi anche -"
LINK_LABEL_MAX_CHARS = 30  # a heading above a related link: a word or three ("Related news", "Lees ook")
MAX_LINK_LINES = 50  # bounds what a page can add to the record
MAX_STAMP_NODE_CHARS = 200  # a stamp, byline or dateline text; longer text nodes are prose
# text nodes by the headline: a kicker or stamp above it, byline, stamp, caption and the first paragraphs below
_NEAR_HEADLINE = "preceding::text()[position() <= 8] | following::text()[position() <= 30]"
_AFTER_HEADLINE = "following::text()[position() <= 12]"  # byline and stamp lines stand just below the headline

CONFIG = use_config()
CONFIG.set("DEFAULT", "MAX_TREE_SIZE", str(MAX_TREE_SIZE))
CONFIG.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # its signal-based timeout only works in a main thread

# Passes over a page; the next runs only when the previous found less than RETRY_CHARS. The defaults include
# trafilatura's readability/justext comparison; `favor_recall` catches bodies the precision filters threw away.
PASSES: tuple[dict[str, bool], ...] = ({}, {"favor_recall": True})
# `--extract-fast`: a `fast` pass (no comparison, ~30 % less extraction time) first, the others only for short
# results. On 83 real pages it keeps 4 of 198 expected snippets fewer (evaluation/README.md, make eval-realworld).
FAST_PASSES: tuple[dict[str, bool], ...] = ({"fast": True}, *PASSES)

_DATE_META = (
    "//meta[@property='article:published_time' or @name='article:published_time' or @itemprop='datePublished'"
    " or @property='og:published_time' or @name='pubdate' or @name='publishdate' or @name='publish-date'"
    " or @name='dcterms.date' or @name='DC.date.issued' or @name='sailthru.date' or @name='parsely-pub-date']"
    "/@content | //time[@itemprop='datePublished']/@datetime"
)
_JSON_LD = "//script[@type='application/ld+json']/text()"
_SPACE = re.compile(r"\s+")


def parse(html: str) -> HtmlElement | None:
    """The page's tree (trafilatura's parser, which also repairs broken markup), or None."""
    try:
        return load_html(html)
    except (ValueError, lxml.etree.ParserError):
        return None


def _json_ld_dates(node: Any) -> list[str]:
    """Every datePublished in a JSON-LD value, depth first (articles nest inside @graph lists)."""
    if isinstance(node, list):
        return [d for item in node for d in _json_ld_dates(item)]
    if not isinstance(node, dict):
        return []
    found = [node["datePublished"]] if isinstance(node.get("datePublished"), str) else []
    return found + [d for key in ("@graph", "mainEntity", "mainEntityOfPage") for d in _json_ld_dates(node.get(key))]


def structured_date(page: str | HtmlElement | None, url: str | None = None) -> str | None:
    """The date the page declares in its metadata (JSON-LD, article:published_time...), with time and offset.

    JSON-LD and meta tags are read directly, so the time and offset survive; htmldate (on the page head only,
    no text search) is the fallback for other markup it knows.
    """
    tree = parse(page) if isinstance(page, str) else page
    if tree is None:
        return None
    for block in tree.xpath(_JSON_LD):
        if len(block) > MAX_JSON_LD_CHARS:
            continue
        try:
            dates = _json_ld_dates(json.loads(block))
        except (ValueError, RecursionError):  # broken, or nested too deeply to be metadata
            continue
        if dates:
            return dates[0].strip()
    for value in tree.xpath(_DATE_META):
        if str(value).strip():
            return str(value).strip()
    try:
        found = htmldate.find_date(
            tree, extensive_search=False, original_date=True, outputformat=STRUCTURED_DATE_FORMAT, url=url
        )
    except Exception:  # htmldate on a broken page: no structured date, the other evidence still counts
        return None
    return found.removesuffix("T00:00:00") if found else None  # midnight without offset means "date only"


def _utc_instant(value: str | None) -> dt.datetime | None:
    """The instant a declared date names when it is given in UTC with a time ("2026-06-30T22:40:00Z"), else None."""
    if not value or ("T" not in value and " " not in value.strip()):
        return None
    try:
        when = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo is not None and when.utcoffset() == dt.timedelta(0) else None


def printed_date(tree: HtmlElement, structured: str | None) -> str | None:
    """The local date the page prints by its headline, when the declared date is a UTC instant and that date can be
    another day than the UTC one.

    Many sites declare `article:published_time` in UTC; 22:40 UTC is already the next day in Adelaide. The
    publisher's date is the one printed by the headline ("Wednesday 1 July 2026 8:10am"), so the text nodes just
    before and after the first <h1> are read with the stamp parser (every month language the cleaning knows) for a
    date within the days the instant can be anywhere on earth (UTC-12 to UTC+14). None when the UTC day itself is
    printed there, or nothing fits. A bounded look (HEADLINE_NODES), and only pages with a UTC instant pay for it:
    a full htmldate search of the body costs ~8x more (copying the tree).
    """
    when = _utc_instant(structured)
    headline = tree.find(".//h1") if when is not None else None
    if when is None or headline is None:
        return None
    possible = {(when - UTC_BEHIND).date().isoformat(), (when + UTC_AHEAD).date().isoformat()}
    utc_day = when.date().isoformat()
    found: list[str] = []
    for node in headline.xpath(_NEAR_HEADLINE):
        if len(node) <= MAX_STAMP_NODE_CHARS and (day := stamp_date(str(node))):
            if day == utc_day:
                return None  # the page prints the UTC day: nothing to correct
            if day in possible:
                found.append(day)
    return min(found) if found else None  # the earliest: a published date comes before an updated one


def headline_stamp(tree: HtmlElement) -> str | None:
    """The date of the first stamp line printed just below the first <h1> ("Julkaistu 12.11.2026 14:05 |
    Päivitetty ..."), for a page that declares no date: extraction often drops such lines with the page chrome.
    Only a line made of nothing but a date, a time and stamp words (`is_stamp`, not the looser lead form), and
    not an "Updated ..." date; or such a field of a byline line ("By Jane Doe | Tuesday 3 March 2026"), where a
    weekday of any language CLDR knows opens the date (`transforms.dates.stamp_field_date`)."""
    headline = tree.find(".//h1")
    if headline is None:
        return None
    for node in headline.xpath(_AFTER_HEADLINE):
        line = " ".join(str(node).split())
        if not line or len(line) > MAX_STAMP_NODE_CHARS or not any(c.isdigit() for c in line):
            continue
        if is_stamp(line) and (day := stamp_date(line)):
            return day
        if FIELD_SEPARATOR.search(line) and (day := stamp_field_date(line)):
            return day
    return None


def link_lines(tree: HtmlElement) -> list[str]:
    """Short paragraphs made mostly of link text, as the reader sees them: related-story links in any language
    ("Citește și: <a>...</a>", "Baca juga: <a>...</a>", "Leggi anche - <a>...</a>"). The page's markup says what
    the extracted text cannot; the cleaning drops a paragraph equal to one of these (`html.link_paragraph`).

    A label closed by a separator, then the link ("Label: <a>", "Label |", "Label -"); a paragraph that is one
    link with no label is left alone (on the real pages that is a call to the reader the trafilatura authors
    keep: "<a>Hier geht's zur Facebook Veranstaltung</a>"), as is a sentence around a link. Only <p>
    elements (a navigation list never reaches the main text, and walking every <li> of a mega menu costs ~8x
    more); never one that ends like a sentence ("<a>The full judgment</a> is online.").
    """
    found: list[str] = []
    for element in tree.xpath("//body//p[a]"):
        text = _SPACE.sub(" ", element.text_content()).strip()
        if not text or len(text) > LINK_LINE_MAX_CHARS or text[-1] in '.!?…"”»':
            continue
        links = [_SPACE.sub(" ", a.text_content()).strip() for a in element.iter("a")]
        linked = sum(len(link) for link in links)
        if linked >= len(text) * LINK_SHARE and _LINK_LABEL.match(text[: text.find(links[0])].strip()):
            found.append(text)
        elif text == links[0] and (label := _label_above(element)):  # "<p>Related news</p><p><a>...</a></p>"
            found.extend((label, text))
        if len(found) >= MAX_LINK_LINES:
            break
    return found


def _link_only(element: HtmlElement) -> bool:
    """A paragraph that is one link and nothing else."""
    links = element.findall(".//a")
    text = _SPACE.sub(" ", element.text_content()).strip()
    return len(links) == 1 and bool(text) and text == _SPACE.sub(" ", links[0].text_content()).strip()


def _label_above(element: HtmlElement) -> str | None:
    """The text of the paragraph just above a link-only paragraph when it is a short label with no link and no
    sentence mark ("सम्बन्धित समाचार", "Related"): a related-story heading split from its link."""
    above = element.getprevious()
    for _ in range(MAX_LINK_LINES):  # a heading over several links: the links above this one are its siblings
        if above is None or above.tag != "p" or not _link_only(above):
            break
        above = above.getprevious()
    if above is None or above.tag != "p" or above.find(".//a") is not None:
        return None
    label = _SPACE.sub(" ", above.text_content()).strip()
    if not label or len(label) > LINK_LABEL_MAX_CHARS or label[-1] in '.!?…"”»:' or len(label.split()) > 4:
        return None
    return label


def page_metadata(tree: HtmlElement, url: str | None = None) -> dict[str, str | None]:
    """Title, author, site name, URL, host and htmldate's date: trafilatura's metadata pass minus the fields
    newsbeam does not keep (categories, tags, licence)."""
    meta = tmeta.examine_meta(tree)
    if meta.author and " " not in meta.author:  # a one-word byline is a handle or a desk, as trafilatura decides
        meta.author = None
    with contextlib.suppress(Exception):  # trafilatura's JSON-LD reader on odd markup: keep the meta tags' values
        meta = tmeta.extract_meta_json(tree, meta)
    meta.title = meta.title or tmeta.extract_title(tree)
    meta.author = meta.author or tmeta.extract_author(tree)
    meta.url = meta.url or tmeta.extract_url(tree, url)
    if meta.url:
        meta.hostname = tmeta.extract_domain(meta.url, fast=True)
    try:
        meta.date = tmeta.find_date(tree, **{**tmeta.set_date_params(False), "url": meta.url})
    except Exception:  # htmldate on a broken page: no date from it
        meta.date = None
    meta.sitename = meta.sitename or tmeta.extract_sitename(tree)
    if meta.sitename:
        meta.sitename = meta.sitename.lstrip("@")
        if "." not in meta.sitename and meta.sitename[:1].islower():
            meta.sitename = meta.sitename.title()
    elif meta.url and (found := tmeta.META_URL.match(meta.url)):
        meta.sitename = found[1]
    meta.clean_and_trim()
    found = {k: getattr(meta, k) for k in ("title", "author", "date", "sitename", "url", "hostname")}
    return {**found, "locale": page_locale(tree)}


_LOCALE = re.compile(r"^\s*(?P<lang>[a-z]{2,3})[-_](?P<region>[a-z]{2})\s*$", re.I)
_LOCALE_PATHS = ("//meta[@property='og:locale']/@content", "/html/@lang", "/html/@xml:lang")


def page_locale(tree: HtmlElement) -> str | None:
    """The language and country the page declares ("en_GB" from og:locale "en_GB" or <html lang="en-gb">): the
    order of its numeric dates when the language alone does not tell it (English); None without a country."""
    for path in _LOCALE_PATHS:
        for value in tree.xpath(path):
            if match := _LOCALE.match(str(value)):
                return f"{match['lang'].lower()}_{match['region'].upper()}"
    return None


def main_text(tree: HtmlElement, url: str | None = None, **tuning: bool) -> str:
    """trafilatura's main text of the tree (which it copies, so the tree stays usable), stripped."""
    result = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=False,
        include_comments=False,
        include_tables=True,  # figures in tables are article text; off lost 2 of 198 real-page snippets
        deduplicate=False,  # its cache spans documents and would trim syndicated copies (FIELD-NOTES)
        config=CONFIG,
        **tuning,
    )
    return ((result.text or "") if result is not None else "").strip()


def extract_html(html: str, url: str | None = None, fast: bool = False) -> dict:
    """Main text plus metadata of one page; raises Rejected when there is no main text."""
    tree = parse(html)
    if tree is None:
        raise Rejected("no_main_text", "the page has no parsable HTML")
    declared = structured_date(tree, url)
    found: dict[str, Any] = {"date_structured": declared, **page_metadata(tree, url)}
    if printed := printed_date(tree, declared):
        found["date_printed"] = printed
    if declared is None and (stamped := headline_stamp(tree)):
        found["date_stamp"] = stamped
    if links := link_lines(tree):
        found["link_lines"] = links
    text = ""
    for tuning in FAST_PASSES if fast else PASSES:
        retry = main_text(tree, url, **tuning)
        if len(retry) > len(text):
            text = retry
        if len(text) >= RETRY_CHARS:
            break
    if len(text) < MIN_EXTRACTED_CHARS:
        raise Rejected("no_main_text", "trafilatura found no main text")
    return {"text": text, **found}


def serve(requests, answers, fast: bool = False) -> None:
    """Child process loop: ("ready",) once; then a list of (html, url) pages in, one answer per page out, in order:
    ("ok", dict, done) | ("rejected", reason, message, done) | ("error", text, done). `done` is the monotonic time
    (one clock for every process of the machine) the page was finished: the next page's clock starts there."""
    answers.send(("ready",))
    while True:
        try:
            pages = requests.recv()
        except EOFError:
            return
        for html, url in pages:
            try:
                answer: tuple = ("ok", extract_html(html, url, fast))
            except Rejected as exc:
                answer = ("rejected", exc.reason, exc.message)
            except Exception as exc:  # reported to the parent, which turns it into a dead letter
                answer = ("error", f"{type(exc).__name__}: {exc}")
            answers.send((*answer, time.monotonic()))


if __name__ == "__main__":
    from multiprocessing.connection import Connection

    sys.stdout = sys.stderr  # the pipes carry the protocol; a stray print must not land there
    serve(
        Connection(int(sys.argv[1]), writable=False),
        Connection(int(sys.argv[2]), readable=False),
        fast="--fast" in sys.argv[3:],
    )
