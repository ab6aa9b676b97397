"""The outlet speaking about itself: calls to action, tip requests and bios written as ordinary sentences.

A call to action written as a sentence has the shape of article prose ("Langgan surat berita kami dan dapatkan
berita terkini ...", "Have a story? WhatsApp us on ..."), so neither the shape rules nor the learned signal may
touch it. What gives it away in any language is that the outlet talks about itself or to the reader:
- it gives the outlet's own address: an e-mail or web address whose domain is the outlet's name or the page's host
  ("Sendu okkur línu á frettir@nordurfrettir.is.", "Idatzi iezaguzu erredakzioa@gipuzkoaberriak.eus helbidera.");
- it asks the reader a short question and gives a channel to answer on (an address, a phone number, a handle):
  "Have a story? Email us at ...", "An bhfuil scéal agat? Seol ríomhphost chuig ...";
- it offers one of its products (a newsletter, a podcast, membership) in the first person plural of its
  language ("ár nuachtlitir", "gure buletinera", "surat berita kami", "nosa newsletter", "our reporters");
- it names a social platform with the outlet's own name or the first person plural ("Segue a Europa Press
  Galicia en X", "Lean muid ar Facebook");
- below the story, a paragraph that opens with the byline's own name is the author's bio.
Word lists here are closed classes (first-person plural words) and the names of one product family in many
languages, never an outlet's phrase. Quotes and reported speech are never touched: "Email tips@police.gov, the
police said." stays, and so does an address of anyone but the outlet.
"""

from __future__ import annotations

import re
import unicodedata

from transforms.boilerplate_classes import _PLATFORM, _SPEECH, _UI_WORDS

OWN_CONTACT_ID = "self.own_contact"
TIP_REQUEST_ID = "self.tip_request"
PRODUCT_ID = "self.product_appeal"
PLATFORM_ID = "self.own_platform"
BIO_ID = "self.author_bio"
TRAILING_UI_ID = "ui.trailing_label"
KICKER_ID = "shape.kicker"
TAIL_QUESTION_ID = "self.tail_question"
TAIL_QUESTION_ZONE = 2  # among the copy's last two paragraphs
TAIL_QUESTION_MAX_CHARS = 140  # a question and one request

SELF_MAX_CHARS = 300  # an appeal or tip request is one or two sentences; longer paragraphs are the story
QUESTION_MAX_WORDS = 10  # "Hefur þú ábendingu um frétt?": the question that opens a tip request is short
PLATFORM_MAX_CHARS = 160  # "Segue a Europa Press Galicia en X e en Instagram."
BIO_MAX_CHARS = 400  # two or three sentences about the author
BIO_LAST = 3  # a bio stands among the last paragraphs
NAME_MIN_CHARS = 5  # an outlet name or domain shorter than this matches too many words
TRAILING_MIN_WORDS, TRAILING_MAX_WORDS = 2, 8  # "Share this article Copy link"
KICKER_MAX_CHARS = 40  # "WATER CRISIS": a section or topic label above the headline
KICKER_MAX_WORDS = 4
KICKER_CASED_WORDS = 2  # "Mobilitéit", "Local news": a label in ordinary case above the headline is shorter

_EMAIL_OR_URL = re.compile(
    r"[\w.+-]+@(?P<mail>[\w-]+(?:\.[\w-]+)+)|(?:https?://|www\.)(?P<web>[\w-]+(?:\.[\w-]+)+)", re.I
)
_PHONE = re.compile(r"(?<!\w)\+?\d[\d ()-]{6,}\d(?!\w)")
_QUESTION = re.compile(r"^[^.!?\n]{1,120}[?？؟]\s")
# Turkic languages say "our" with a suffix on the noun after the platform: "Telegram kanalımızda" (az, tr),
# "Telegram арнамыздан" (kk), "Facebook sahifamizda" (uz), "Instagram hesabımızı" (tr)
# (the noun is a channel's: "ülkemizde", "in our country", after a platform is a story's sentence)
_OUR_SUFFIX = re.compile(
    r"\s+(?:kanal|арна|sayfa|səhifə|sahifa|hesab|hesap|akkaunt|аккаунт|парақша|grub|grup|qrup|топ)\w{0,3}?"
    r"(?:ımız|imiz|umuz|ümüz|mız|miz|muz|müz|ымыз|іміз|мыз|міз)\w{0,5}\b",
    re.I,
)
_SENTENCE_MARKS = re.compile(r"[.!?？؟](?=\s|$)")
_QUOTES = re.compile(r"[\"“”«»„]")
# The first person plural (objects and possessives) of en, is, eu, ga, gl, ca, mt, sq, ms/id, az, es/pt/it; words
# that are also common words of another language ("ein", "nos", "vi") are left out
_WE = re.compile(
    r"(?<!\w)(?:our|we|us|okkar|okkur|gure|gurekin|gu|ár|muid|linn|nosa|noso|nosas|nosos|nós|nostra|nostre|ens|"
    r"tagħna|magħna|tonë|kami|bizim|bizə|nuestr[oa]s?|nuestro|nossa|nosso|nostro|nostri|"
    # fr, de, nl, pl, cs/sk/hr/sr/sl, ru/uk/bg, sv/no, da, fi, lt, lv, et, ro
    r"notre|unser\w*|onze|nasz\w*|naš\w*|наш\w*|vår|våra|vårt|vores|meidän|mūsų|mūsu|meie|noastr\w*|"
    # ka, kk, hy
    r"ჩვენი|ჩვენს|біздің|մեր|"
    # zu/xh, rw, gd "our" (possessive concords and forms; closed classes)
    r"sethu|wethu|yethu|lethu|bethu|zethu|kwethu|yacu|zacu|byacu|cyacu|bwacu|rwacu|kwacu|wacu|againn)(?!\w)"
    # mg "our" as a suffix after a hyphen: "pejy Facebook-nay"
    r"|(?<=-)(?:nay|ntsika)(?!\w)",
    re.I,
)
# a price: "£3 a month", "R50", "5 €": with the outlet's own name, an appeal to pay for it
_PRICE = re.compile(r"[$€£₦₹]\s?\d|\d\s?(?:€|£)")
# a short quoted label ("J'aime", "Like"): a button's name, not reported speech
_SHORT_QUOTE = re.compile(r"[\"“«„][^\"“”«»„\n]{1,20}[\"”»“]")
# A product an outlet sells or gives away: newsletters, podcasts, membership, in many languages (stems)
_PRODUCT = re.compile(
    r"(?<!\w)(?:newslett\w*|nieuwsbrie\w*|nyhetsbrev\w*|nyhedsbrev\w*|uutiskirje\w*|hírlev\w*|e-?bülten\w*|"
    r"bülleten\w*|buletin\w*|bolet[íi]n\w*|boletim\w*|butllet[íi]\w*|infolettre\w*|fréttabréf\w*|póstlist\w*|"
    r"lettre d['’]information|lettre d['’]info|"
    r"nuachtlitir\w*|cylchlythyr\w*|surat berita|bilten\w*|zpravodaj\w*|uudiskir\w*|naujienlaišk\w*|"
    r"рассылк\w*|розсилк\w*|бюлетин\w*|билтен\w*|ενημερωτικ\w* δελτί\w*|النشرة البريدية|نشرتنا|ניוזלטר|"
    r"न्यूज़लेटर|न्यूजलेटर|নিউজলেটার|خبرنامه|نیوز لیٹر|뉴스레터|ニュースレター|メルマガ|bản tin|จดหมายข่าว|"
    r"podcast\w*|podkast\w*|подкаст\w*|פודקאסט|بودكاست|پادکست|पॉडकास्ट|팟캐스트|ポッドキャスト|播客|"
    r"paywall\w*|membership|supporters?|readers like you|"
    # subscription words: with the outlet's name or "our" they are its pitch ("Fáite suscriptor de <outlet>")
    r"subscri\w*|suscri\w*|abonn\w*|abbona\w*|assinant\w*|prenumer\w*|"
    # "our journalism" (an appeal for support): journalism in en, fr, de, es, it, pt, nl, pl, cs, ru, sv/da/no
    r"journalism|journalisme|journalismus|periodismo|giornalismo|jornalismo|journalistiek|dziennikarstw\w*|"
    r"novinařin\w*|журналистик\w*|journalistik\w*)",
    re.I,
)
_LETTERS = re.compile(r"[^a-z0-9]")
_NOT_NAME = re.compile(r"\b(?:19|20)\d{2}\b|\b(?:ltd|inc|plc|sdn bhd|ehf|kft|gmbh|media)\b", re.I)  # "... Ltd 2026"
_FOLD = str.maketrans({"ð": "d", "þ": "th", "æ": "ae", "ø": "o", "ł": "l", "ə": "e", "ß": "ss", "ı": "i", "đ": "d"})
_SUFFIXES = {"co", "com", "org", "net", "gov", "ac", "edu", "news"}  # second-level labels before a country code


def fold(name: str) -> str:
    """A name or domain label as plain lower-case letters and digits ("Norðurfréttir" -> "nordurfrettir")."""
    name = unicodedata.normalize("NFKD", name.casefold().translate(_FOLD))
    name = "".join(c for c in name if not unicodedata.combining(c))
    key = _LETTERS.sub("", name)
    return key.removeprefix("the") if len(key) > 3 + NAME_MIN_CHARS else key


def _host_label(host: str) -> str:
    """The name part of a host: "namibherald.com.na" -> "namibherald", "www.x.co.uk" -> "x"."""
    labels = [label for label in host.casefold().split(".") if label and label != "www"]
    if len(labels) > 1:
        labels = labels[:-1]
    if len(labels) > 1 and labels[-1] in _SUFFIXES:
        labels = labels[:-1]
    return fold(labels[-1]) if labels else ""


def own_keys(site: str | None, found: dict, url: str | None) -> list[str]:
    """The outlet's names as folded keys: the page's site name and host, the copyright holder, the header's
    outlet or wire."""
    header = found.get("header", {})
    names = [site, header.get("source"), header.get("wire"), *(found.get("copyright_holders") or [])]
    names += found.get("outlets") or []
    keys = []
    for name in names:
        if name:
            key = fold(_NOT_NAME.sub(" ", name))
            if len(key) >= NAME_MIN_CHARS:
                keys.append(key)
    if url and (host := re.match(r"^[a-z]+://([^/:?#]+)", url, re.I)):
        label = _host_label(host.group(1))
        if len(label) >= NAME_MIN_CHARS:
            keys.append(label)
    return keys


def _is_own(label: str, keys: list[str]) -> bool:
    return len(label) >= NAME_MIN_CHARS and any(label in key or key in label for key in keys)


def _names_own(para: str, keys: list[str]) -> bool:
    """The paragraph spells one of the outlet's names ("Europa Press Galicia" holds "europapress")."""
    text = fold(para)
    return any(len(key) >= NAME_MIN_CHARS and key in text for key in keys)


def _short_request(para: str, start: int) -> bool:
    """What follows the question is one short sentence: the whole is a prompt, not a paragraph of the story."""
    return len(para) <= TAIL_QUESTION_MAX_CHARS and len(_SENTENCE_MARKS.findall(para[start:])) <= 1


def self_kind(para: str, keys: list[str], tail: bool = False) -> str | None:
    """The rule id when a paragraph is the outlet speaking about itself or asking the reader, else None.
    `tail`: the paragraph is among the copy's last ones, where a short question to the reader and a request in
    the first person plural is the outlet's prompt, even with no address to answer at."""
    if len(para) > SELF_MAX_CHARS:
        return None
    # the cheap tests first: most paragraphs hold no address, question, product or platform at all
    product = _PRODUCT.search(para)
    platform = _PLATFORM.search(para) if len(para) <= PLATFORM_MAX_CHARS else None
    price = _PRICE.search(para)
    if not (product or platform or price or "@" in para or "?" in para or "www." in para or "://" in para):
        return None
    unquoted = _SHORT_QUOTE.sub(" ", para)  # a button's quoted name is no speech
    if _QUOTES.search(unquoted) or _SPEECH.search(unquoted):
        return None
    for match in _EMAIL_OR_URL.finditer(para):
        if _is_own(_host_label(match.group("mail") or match.group("web")), keys):
            return OWN_CONTACT_ID
    # a tip request gives an address or a number; "What do you think? ... on our Twitter or Facebook" invites a
    # discussion, which real pages' authors count as their text (trafilatura's realworld tests, knowtechie.com)
    # (a handle may be anyone's: "Who doesn't know Erin Andrews? ... Twitter: @ErinAndrews" is a story's list item)
    channel = _EMAIL_OR_URL.search(para) or _PHONE.search(para)
    question = _QUESTION.match(para + " ")
    if (
        channel
        and question
        and len(question.group(0).split()) <= QUESTION_MAX_WORDS
        and len(_SENTENCE_MARKS.findall(para[question.end() :])) <= 1  # the question and one request
    ):
        return TIP_REQUEST_ID
    we = _WE.search(para)  # not `_US`: its "nos" is also Portuguese "in the"
    if tail and question and we and we.start() >= question.end() and _short_request(para, question.end()):
        return TAIL_QUESTION_ID  # "Want to use this article? Contact our syndication team."
    if product and (we or _names_own(para, keys)):
        return PRODUCT_ID
    if price and _names_own(para, keys):  # "... support <outlet> for just £3 a month."
        return PRODUCT_ID
    if platform and (we or _names_own(para, keys) or _OUR_SUFFIX.match(para, platform.end())):
        return PLATFORM_ID
    return None


def is_bio(para: str, authors: list[str]) -> bool:
    """A paragraph that opens with the byline's full name and goes on about that person ("Fiona Mackay is the
    Courier's islands correspondent. She has covered ..."): a reporter is not the subject of their own story."""
    if len(para) > BIO_MAX_CHARS or _QUOTES.search(para):
        return False
    for author in authors:
        name = author.strip()
        if len(name.split()) >= 2 and para.startswith(name) and para[len(name) : len(name) + 1] in (" ", ",", "'", "’"):
            return True
    return False


_TRAILING = re.compile(r"(?<=[.!?”\"])\s+(?P<tail>[^\W\d_][^.!?\n]{2,80})$")
_UI_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def trailing_label(para: str) -> int | None:
    """Where a run of interface words glued after the paragraph's last sentence starts ("... has confirmed.
    Share this article Copy link"), else None."""
    match = _TRAILING.search(para)
    if not match:
        return None
    words = [w.casefold() for w in _UI_TOKEN.findall(match.group("tail"))]
    if TRAILING_MIN_WORDS <= len(words) <= TRAILING_MAX_WORDS and all(w in _UI_WORDS for w in words):
        return match.start("tail")
    return None


def is_kicker(paras: list[str], title: str | None) -> bool:
    """The first paragraph is a topic label standing right above the page's headline ("WATER CRISIS" over
    "Windhoek to cut water supply ...", "Mobilitéit" over "Esch kritt ..."): upper case, or a word or two with no
    digit and no mark."""
    if not title or len(paras) < 3:
        return False
    first = paras[0]
    words = first.split()
    label = first.isupper() or (
        len(words) <= KICKER_CASED_WORDS and all(w.isalpha() or "-" in w for w in words) and first[:1].isupper()
    )
    return len(first) <= KICKER_MAX_CHARS and len(words) <= KICKER_MAX_WORDS and label and fold(paras[1]) == fold(title)


def strip_self(
    kept: list[str],
    origin: list[int],
    removed: list,
    found: dict,
    site: str | None,
    url: str | None,
    title: str | None,
    authors: list[str],
) -> None:
    """Removes, after the rules, the paragraphs in which the outlet speaks about itself (`self_kind`), a bio
    under the story, a share bar glued after the last sentence, and a kicker above the headline."""
    keys = own_keys(site, found, url)
    bylines = [*(found.get("bylines") or []), *authors]
    drop: set[int] = set()
    if is_kicker(kept, title):
        removed.append((KICKER_ID, kept[0]))
        drop.add(0)
    for i, para in enumerate(kept):
        if i in drop:
            continue
        kind = (
            None if i == 0 else self_kind(para, keys, tail=i >= len(kept) - TAIL_QUESTION_ZONE)
        )  # the first paragraph is the headline or the opening
        if kind is None and i and i >= len(kept) - BIO_LAST and is_bio(para, bylines):
            kind = BIO_ID
        if kind:
            removed.append((kind, para))
            drop.add(i)
            continue
        lines = para.split("\n")  # a dump's share bar ends the line it is glued to, not the paragraph
        for n, line in enumerate(lines):
            if (cut := trailing_label(line)) is not None:
                removed.append((TRAILING_UI_ID, line[cut:].strip()))
                lines[n] = line[:cut].rstrip()
        kept[i] = "\n".join(lines)
    if drop:
        kept[:] = [para for i, para in enumerate(kept) if i not in drop]
        origin[:] = [at for i, at in enumerate(origin) if i not in drop]
