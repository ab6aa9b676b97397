"""Seeded generator of a realistic news corpus for the benchmarks: HTML files, JSONL and WARC of the same pages.

Each page is about 60 KB, like a real news page: inline scripts and styles, navigation, cookie and subscription
banners, breadcrumbs, an article of 400-1,200 words with figures and captions, inline "Also read" links, share
buttons, related stories, a comment thread and a large footer. Outlets differ in their templates and languages
(en, de, fr, es). About a tenth of the pages are syndicated copies of an earlier article on another outlet,
some with a MENAFN header glued to the first sentence, so dedup has real clusters to find.

python bench/corpus.py --docs 2000 --out bench/.corpus/2000 [--seed 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import html
import io
import json
import os
import random
from dataclasses import dataclass

TARGET_PAGE_BYTES = 60_000  # the "about 60 KB" page; real news pages are 40-120 KB of markup
SYNDICATED_SHARE = 0.1  # share of pages that re-publish an earlier article on another outlet
MENAFN_SHARE = 0.5  # share of syndicated copies that carry a MENAFN header glued to their first sentence
MIN_WORDS, MAX_WORDS = 400, 1200  # article length range from the issue
FIRST_DAY = dt.date(2026, 1, 1)  # publication dates spread over one quarter: ~90 date partitions
DAYS = 90


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Common words per language: random sentences of them are recognised by langdetect like real prose.
WORDS = {
    "en": _words(
        "the government said on monday that the new plan would help people across the region while officials "
        "warned of delays in talks between ministers and local leaders after weeks of pressure from workers "
        "and families who have waited for years for a decision on the future of the city council budget "
        "report shows that prices rose again this year as companies raised wages and the central bank kept "
        "rates high despite growing concern among economists about slower growth in the coming months"
    ),
    "de": _words(
        "die regierung hat am montag erklärt dass der neue plan den menschen in der region helfen werde während "
        "beamte vor verzögerungen bei den gesprächen zwischen ministern und lokalen vertretern warnten nach "
        "wochen des drucks von arbeitern und familien die seit jahren auf eine entscheidung über die zukunft "
        "des stadtrats und seines haushalts warten der bericht zeigt dass die preise in diesem jahr erneut "
        "gestiegen sind weil unternehmen die löhne erhöht haben und die zentralbank die zinsen hoch hielt"
    ),
    "fr": _words(
        "le gouvernement a déclaré lundi que le nouveau plan aiderait les habitants de la région tandis que "
        "des responsables ont mis en garde contre des retards dans les discussions entre les ministres et les "
        "élus locaux après des semaines de pression des salariés et des familles qui attendent depuis des "
        "années une décision sur l'avenir du budget du conseil municipal le rapport montre que les prix ont "
        "encore augmenté cette année car les entreprises ont relevé les salaires et la banque centrale"
    ),
    "es": _words(
        "el gobierno dijo el lunes que el nuevo plan ayudaría a las personas de la región mientras los "
        "funcionarios advirtieron de retrasos en las conversaciones entre los ministros y los líderes locales "
        "después de semanas de presión de los trabajadores y las familias que han esperado durante años una "
        "decisión sobre el futuro del presupuesto del ayuntamiento el informe muestra que los precios subieron "
        "de nuevo este año porque las empresas aumentaron los salarios y el banco central mantuvo los tipos"
    ),
}
ENTITY_NAMES = (
    "Vladimir Putin",
    "Donald Trump",
    "Volodymyr Zelensky",
    "Sergei Lavrov",
    "Kaja Kallas",
    "Narendra Modi",
    "Reuters",
    "Associated Press",
    "European Union",
    "NATO",
    "Kremlin",
    "Ukraine",
    "Russia",
    "Moscow",
    "Kyiv",
    "India",
    "United States",
    "Crimea",
)
NAV_WORDS = _words(
    "World Politics Business Markets Technology Science Health Sport Football Tennis Culture Books Film Music "
    "Travel Food Opinion Analysis Video Podcasts Newsletters Weather Obituaries Climate Education Media Cities"
)
COMMENT_WORDS = _words(
    "great article totally agree this is nonsense who pays for all this finally someone said it lol "
    "thanks for sharing not surprised at all what a joke same old story can't believe it well written"
)


@dataclass(frozen=True)
class Outlet:
    name: str
    host: str
    language: str
    css: str  # class prefix: every outlet's template looks different to an extractor


OUTLETS = (
    Outlet("The Daily Harbour", "dailyharbour.example", "en", "dh"),
    Outlet("Northern Ledger", "northernledger.example", "en", "nl"),
    Outlet("Metro Wire", "metrowire.example", "en", "mw"),
    Outlet("Rheinische Rundschau", "rundschau.example", "de", "rr"),
    Outlet("Le Courrier du Sud", "courrierdusud.example", "fr", "cs"),
    Outlet("El Diario Central", "diariocentral.example", "es", "dc"),
)
OUTLET_WEIGHTS = (3, 2, 2, 1, 1, 1)  # English dominates, as in most news archives


@dataclass(frozen=True)
class Article:
    doc_no: int
    outlet: Outlet
    url: str
    title: str
    author: str
    published: dt.datetime
    paragraphs: tuple[str, ...]
    original_of: int | None = None  # doc_no of the article this page syndicates


def sentence(rng: random.Random, language: str, entity_chance: float = 0.35) -> str:
    words = rng.choices(WORDS[language], k=rng.randint(8, 24))  # typical news sentence lengths
    if rng.random() < entity_chance:
        words.insert(rng.randrange(len(words)), rng.choice(ENTITY_NAMES))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def article_paragraphs(rng: random.Random, language: str) -> tuple[str, ...]:
    target = rng.randint(MIN_WORDS, MAX_WORDS)
    paragraphs: list[str] = []
    count = 0
    while count < target:
        para = " ".join(sentence(rng, language) for _ in range(rng.randint(2, 5)))
        paragraphs.append(para)
        count += len(para.split())
    return tuple(paragraphs)


def new_article(rng: random.Random, doc_no: int) -> Article:
    outlet = rng.choices(OUTLETS, weights=OUTLET_WEIGHTS)[0]
    day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
    published = dt.datetime(day.year, day.month, day.day, rng.randrange(24), rng.randrange(60), tzinfo=dt.UTC)
    title = sentence(rng, outlet.language, entity_chance=0.6)[:-1][:90]
    slug = "-".join(title.lower().split()[:6])
    url = f"https://www.{outlet.host}/{day:%Y/%m/%d}/{slug}-{doc_no}"
    author = f"{rng.choice(['Anna', 'Mark', 'Lena', 'Paul', 'Sara', 'Jonas'])} {rng.choice(['Weber', 'Smith', 'Roux'])}"
    return Article(doc_no, outlet, url, title, author, published, article_paragraphs(rng, outlet.language))


def syndicated_copy(rng: random.Random, doc_no: int, original: Article) -> Article:
    """The same story on another outlet of the same language, hours later, sometimes behind a MENAFN header."""
    others = [o for o in OUTLETS if o.language == original.outlet.language and o != original.outlet] or [
        original.outlet
    ]
    outlet = rng.choice(others)
    published = original.published + dt.timedelta(hours=rng.randint(1, 20))
    paragraphs = list(original.paragraphs)
    if rng.random() < MENAFN_SHARE:
        paragraphs[0] = f"(MENAFN - {original.outlet.name}) {paragraphs[0]}"
    slug = "-".join(original.title.lower().split()[:6])
    url = f"https://www.{outlet.host}/{published:%Y/%m/%d}/{slug}-{doc_no}"
    return Article(doc_no, outlet, url, original.title, original.author, published, tuple(paragraphs), original.doc_no)


def _links(rng: random.Random, outlet: Outlet, n: int, words: int = 2) -> str:
    items = []
    for _ in range(n):
        label = " ".join(rng.choices(NAV_WORDS, k=words))
        path = "/".join(w.lower() for w in label.split())
        items.append(f'<li class="{outlet.css}-nav-item"><a href="https://www.{outlet.host}/{path}">{label}</a></li>')
    return "\n".join(items)


def _mega_menu(rng: random.Random, outlet: Outlet) -> str:
    """Drop-down menus of sections and sub-sections: hundreds of DOM nodes that carry no article text."""
    columns = []
    for section in rng.sample(NAV_WORDS, 12):  # a dozen top-level sections, as on most news sites
        links = _links(rng, outlet, 8, 2)
        columns.append(
            f'<div class="{outlet.css}-mega-col"><div class="{outlet.css}-mega-head"><span>{section}</span></div>'
            f'<ul class="{outlet.css}-mega-list">{links}</ul></div>'
        )
    return f'<div class="{outlet.css}-mega" hidden>{"".join(columns)}</div>'


def _most_read(rng: random.Random, outlet: Outlet) -> str:
    items = []
    for i in range(10):  # the usual "most read" top ten
        teaser = html.escape(sentence(rng, outlet.language, 0.3))
        items.append(
            f'<li class="{outlet.css}-card"><div class="{outlet.css}-card-media"><img src="https://img.{outlet.host}/t{i}.jpg"'
            f' alt=""></div><div class="{outlet.css}-card-text"><span class="{outlet.css}-rank">{i + 1}</span>'
            f'<a href="/story/{rng.getrandbits(32)}">{teaser}</a></div></li>'
        )
    return f'<aside class="{outlet.css}-most-read"><h3>Most read</h3><ol>{"".join(items)}</ol></aside>'


def _script_blob(rng: random.Random, size: int) -> str:
    """An analytics/ads configuration object, as real pages inline them (the bulk of a page's bytes)."""
    entries, used = [], 0
    while used < size:
        slot = {
            "slot": len(entries),
            "id": rng.getrandbits(64),
            "sizes": [[300, 250], [728, 90]],
            "targeting": {"section": rng.choice(NAV_WORDS), "kw": rng.choices(NAV_WORDS, k=4)},
        }
        entries.append(json.dumps(slot))
        used += len(entries[-1]) + 1
    return f"<script>window.__ADS__ = [{','.join(entries)}];</script>"


def _comments(rng: random.Random, outlet: Outlet) -> str:
    items = []
    for i in range(rng.randint(15, 40)):  # a typical comment thread under a news story
        text = " ".join(rng.choices(COMMENT_WORDS, k=rng.randint(5, 30)))
        items.append(
            f'<li class="{outlet.css}-comment" id="c{i}"><div class="{outlet.css}-comment-head"><span '
            f'class="{outlet.css}-comment-author">reader{rng.randrange(9999)}</span><time>{rng.randint(1, 59)} min '
            f'ago</time></div><div class="{outlet.css}-comment-body"><p>{html.escape(text)}</p></div><div '
            f'class="{outlet.css}-comment-tools"><a href="#reply-{i}">Reply</a> <a href="#like-{i}">Like</a> '
            f'<a href="#report-{i}">Report</a></div></li>'
        )
    return f'<section class="{outlet.css}-comments" id="comments"><h3>Comments</h3><ol>{"".join(items)}</ol></section>'


def _article_body(rng: random.Random, article: Article) -> str:
    outlet, parts = article.outlet, []
    for i, para in enumerate(article.paragraphs):
        parts.append(f"<p>{html.escape(para)}</p>")
        if i == 1:
            parts.append(
                f'<figure class="{outlet.css}-figure"><img src="https://img.{outlet.host}/{article.doc_no}.jpg" '
                f'alt="photo"><figcaption>{html.escape(sentence(rng, outlet.language, 0))} (Photo: {article.author})'
                "</figcaption></figure>"
            )
        if i == 3:
            related = sentence(rng, outlet.language, 0.5)[:-1]
            parts.append(
                f'<p class="{outlet.css}-inline-related"><a href="/related">Also read: {html.escape(related)}</a></p>'
            )
        if i == len(article.paragraphs) // 2:
            parts.append(
                f'<aside class="{outlet.css}-newsletter"><p>Sign up for our morning newsletter and never miss a '
                "story.</p><button>Subscribe</button></aside>"
            )
    return "\n".join(parts)


def render(rng: random.Random, article: Article) -> str:
    """The full page; padded with inline configuration to about TARGET_PAGE_BYTES."""
    o, a = article.outlet, article
    published = a.published.isoformat()
    head = (
        f'<!DOCTYPE html>\n<html lang="{o.language}"><head><meta charset="utf-8">'
        f"<title>{html.escape(a.title)} | {o.name}</title>"
        f'<meta property="og:title" content="{html.escape(a.title)}">'
        f'<meta property="og:site_name" content="{o.name}">'
        f'<meta property="article:published_time" content="{published}">'
        f'<meta name="author" content="{a.author}"><link rel="canonical" href="{a.url}">'
        f"<style>.{o.css}-nav-item{{display:inline-block;margin:0 4px}}.{o.css}-comment{{border-top:1px solid #ddd}}"
        f".{o.css}-figure img{{max-width:100%}}</style>"
    )
    header = (
        f'<div class="{o.css}-cookie-banner" role="dialog"><p>We use cookies to improve your experience and to '
        f"show personalised ads. By continuing you accept our cookie policy.</p><button>Accept</button></div>"
        f'<header class="{o.css}-masthead"><a class="{o.css}-logo" href="/">{o.name}</a>'
        f'<nav class="{o.css}-menu"><ul>{_links(rng, o, rng.randint(20, 30), 1)}</ul></nav>'
        f"{_mega_menu(rng, o)}"
        f'<div class="{o.css}-subscribe-banner"><p>Support independent journalism: subscribe for 1 € a week.</p>'
        f'</div></header><nav class="{o.css}-breadcrumb"><a href="/">Home</a> › <a href="/world">World</a></nav>'
    )
    main = (
        f'<main><article class="{o.css}-story"><h1>{html.escape(a.title)}</h1>'
        f'<div class="{o.css}-byline">By <a rel="author" href="/authors/{a.author.lower().replace(" ", "-")}">'
        f'{a.author}</a> <time datetime="{published}">{a.published:%d %B %Y %H:%M}</time></div>'
        f'<div class="{o.css}-share"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Email</a></div>'
        f'<div class="{o.css}-body">{_article_body(rng, a)}</div></article>{_most_read(rng, o)}'
        f'<section class="{o.css}-related"><h3>Related stories</h3><ul>{_links(rng, o, rng.randint(6, 12), 6)}</ul>'
        f"</section>{_comments(rng, o)}</main>"
    )
    footer = (
        f'<footer class="{o.css}-footer"><ul>{_links(rng, o, rng.randint(60, 100), 2)}</ul>'
        f"<p>© 2026 {o.name}. All rights reserved. Terms · Privacy · Cookies · Contact · Advertise</p></footer>"
    )
    page = head + "</head><body>" + header + main + footer
    pad = TARGET_PAGE_BYTES - len(page.encode("utf-8")) - 40
    blob = _script_blob(rng, pad) if pad > 200 else ""
    return page.replace("</head>", blob + "</head>", 1) + "</body></html>\n"


def articles(n: int, seed: int) -> list[Article]:
    rng = random.Random(seed)
    out: list[Article] = []
    for doc_no in range(n):
        if out and rng.random() < SYNDICATED_SHARE:
            originals = [a for a in out[-200:] if a.original_of is None]  # recent stories get syndicated
            out.append(syndicated_copy(rng, doc_no, rng.choice(originals or out)))
        else:
            out.append(new_article(rng, doc_no))
    return out


def write_warc_record(stream, url: str, page: bytes, when: dt.datetime) -> None:
    from fastwarc.warc import WarcRecord, WarcRecordType

    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
    http += f"Content-Length: {len(page)}\r\n\r\n".encode("ascii")
    record = WarcRecord()
    record.init_headers(WarcRecordType.response)
    record.headers["WARC-Target-URI"] = url
    record.headers["WARC-Date"] = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    record.headers["Content-Type"] = "application/http; msgtype=response"
    record.set_bytes_content(http + page)
    record.write(stream, checksum_data=True)


def generate(n: int, out: str, seed: int = 7) -> dict[str, str]:
    """Writes out/html/<outlet>/<n>.html, out/corpus.jsonl and out/corpus.warc.gz; returns their paths."""
    rng = random.Random(seed + 1)  # rendering noise, separate from the story stream
    html_dir = os.path.join(out, "html")
    jsonl_path = os.path.join(out, "corpus.jsonl")
    warc_path = os.path.join(out, "corpus.warc.gz")
    os.makedirs(html_dir, exist_ok=True)
    with open(jsonl_path, "w", encoding="utf-8") as jsonl, open(warc_path, "wb") as warc:
        for article in articles(n, seed):
            page = render(rng, article)
            folder = os.path.join(html_dir, article.outlet.css)
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, f"{article.doc_no:06d}.html"), "w", encoding="utf-8") as f:
                f.write(page)
            jsonl.write(json.dumps({"url": article.url, "html": page}, ensure_ascii=False) + "\n")
            buffer = io.BytesIO()
            write_warc_record(buffer, article.url, page.encode("utf-8"), article.published)
            warc.write(gzip.compress(buffer.getvalue(), 6))  # one gzip member per record, as WARC.gz readers expect
    with open(os.path.join(out, "_corpus.json"), "w") as f:
        json.dump({"docs": n, "seed": seed}, f)
    return {"html": html_dir, "jsonl": jsonl_path, "warc": warc_path}


def ensure_corpus(n: int, root: str, seed: int = 7) -> dict[str, str]:
    """The corpus of n docs under root/<n>-<seed>, generated once and reused."""
    out = os.path.join(root, f"{n}-{seed}")
    stamp = os.path.join(out, "_corpus.json")
    if os.path.exists(stamp):
        return {
            "html": os.path.join(out, "html"),
            "jsonl": os.path.join(out, "corpus.jsonl"),
            "warc": os.path.join(out, "corpus.warc.gz"),
        }
    return generate(n, out, seed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(json.dumps(generate(args.docs, args.out, args.seed), indent=2))


if __name__ == "__main__":
    main()
