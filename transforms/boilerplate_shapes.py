"""Shape rules for page chrome that no word list can cover in every language: tag lines and counter lines.

Both only judge a paragraph outside the story: above its first sentence (never the first paragraph, the headline)
or below its last one. Inside the story a short list or a number with a word can be content ("Ingredients: ...",
"3 killed"); around it they are the page's furniture ("Tags: Tobago, Ferries, Tourism", "Aiheet: Oulu, Liikenne",
"12 kommenttia", "Komente (0)", "4 min read", "Lukuaika 3 min"), and below it a line naming a social platform
("Na ndiqni në Facebook dhe Instagram") whatever its verb. A counter line counts only alone: a run of them is
a list ("300 g Mehl", "1 TL Backpulver": a recipe's ingredients above its method).
"""

from __future__ import annotations

import re

from transforms.boilerplate_classes import (
    _PLATFORM,
    ascii_digits,
    is_lead_stamp,
    is_relative_stamp,
    names_platform,
)
from transforms.boilerplate_learned import is_prose

TAGS_RULE_ID = "shape.tag_line"
COUNTER_RULE_ID = "shape.counter"
OWN_NAME_RULE_ID = "shape.own_name"
DATE_LINE_RULE_ID = "shape.date_line"
SOCIAL_RULE_ID = "shape.platform_line"
DATE_LINE_MAX_CHARS = 40  # a month name, a day and a year, perhaps a weekday
DATE_LINE_MAX_WORDS = 3  # month and weekday words; a line with more words says something
COPYRIGHT_RULE_ID = "shape.copyright"
SITE_MIN_CHARS = 4  # a site name shorter than this ("BBC" aside) could be any word of a line
OWN_NAME_MAX_CHARS = 120  # a prompt, credit or rights line; longer is a paragraph of the story

TAG_LINE_MAX_CHARS = 160  # a label and a handful of topics
TAG_LABEL_MAX_CHARS = 24  # "Tags", "Aiheet", "Etiketa", "Schlagwörter", "ಟ್ಯಾಗ್‌ಗಳು": one or two words
TAG_ITEM_MAX_CHARS = 32  # a topic is a name of a few words ("Kochi Water Metro"), never a clause
TAG_ITEM_MAX_WORDS = 4
TAG_MIN_ITEMS = 2  # "Tags: Tobago, Ferries" already is a list; one item after a label is a related link's shape
BARE_TAG_MIN_ITEMS = 3  # without a label, a list needs more items and a list separator other than a comma
BYLINE_RULE_ID = "shape.byline"
CREDITS_RULE_ID = "shape.credits"
NAME_LINE_MAX_CHARS = 40  # a person's name of two to four words; a kicker or headline runs longer
NAME_MIN_WORDS, NAME_MAX_WORDS = 2, 4  # one word is a section label; five are a phrase
CREDITS_MAX_CHARS = 120  # "/autor: Ioana Marin, editor: Mihai Stan/": a role and a name or two
META_STRIP_ID = "shape.meta_strip"
META_STRIP_MAX_CHARS = 120  # a byline, a stamp and a counter on one line; longer is a deck or a paragraph
META_STRIP_LABELS = 2  # "Аўтар: ... Праглядаў: ...": two labelled fields are a strip of fields, not a sentence
TAIL_PLATFORMS_ID = "shape.tail_platforms"
TAIL_PLATFORMS_MAX_CHARS = 160  # one appeal sentence
TAIL_ZONE = 2  # the appeal and perhaps a tip request or rights line under it close a copy
TAIL_PLATFORMS_MIN = 2  # a follow appeal lists the outlet's channels; a story's last line names one platform
WORDED_BYLINE_ID = "shape.worded_byline"
WORDED_BYLINE_MAX_CHARS = 60  # a byline word or two and a name: "Yazan Ayşe Kaya", "Text von Anna Berg"
BYLINE_WORDS_MAX = 2  # "Láti ọwọ́", "Yanditswe na": a participle and a preposition at most before the name
BYLINE_ROLE_ID = "shape.byline_role"
ROLE_MAX_CHARS, ROLE_MAX_WORDS = 40, 5  # "Local Democracy Reporter", "Initiative de journalisme local"
RELATED_LABEL_ID = "shape.related_label"
RELATED_LINE_MAX_CHARS = 160  # a label and one headline
RELATED_LABEL_WORDS = (2, 4)  # "Inkuru bifitanye isano", "Wapi pia": one word is a crosshead's label ("Background:")
RELATED_HEADLINE_MIN_WORDS = 4  # a headline says something; "Read: the report" is a link text
STAMP_STRIP_ID = "shape.stamp_strip"
STAMP_STRIP_MAX_CHARS = 80  # "3 hours ago · 2 min read", "Hai 3 hores · 2 minutos de llectura"
STAMP_PART_COUNT_CHARS = 30  # a count part: a number and a word or three ("2 minutos de llectura")
COUNTER_MAX_CHARS = 32  # "12 kommenttia", "Lukuaika 3 min", "ಟಿಪ್ಪಣಿಗಳು (3)": a number and a word or two

_COPYRIGHT = re.compile(r"[©ⓒ]")
_WORDS = re.compile(r"(?:[^\W\d_]|[\u0900-\u0dff])+(?:['’.](?:[^\W\d_])+)*")  # Indic words keep their vowel signs
_OTHER = re.compile(r"[\s,.'’/|·•()–—-]+")
_SENTENCE_END = re.compile(r"[.!?…。！？।؟۔]['\"”’»)\]]*$")
_LABEL = re.compile(r"^(?P<label>[^\W\d_][^\s:：]*(?: [^\W\d_][^\s:：]*)?)\s*[:：]\s*(?P<items>.+)$")
_ITEM_SPLIT = re.compile(r"\s*[,،、;|·•]\s*")  # no slash: "Verdicker/Basisöl: Li-Seifen/Mineralöl" is a spec
_BARE_SPLIT = re.compile(r"\s*[|·•]\s*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?[kKmM]?")
# "Komente (0)", "Reageer (14)": a word or two and a count in brackets
_BRACKET_COUNT = re.compile(r"^[^\W\d_][^\d()\[\]]{0,24}?\s*[(\[]\s*\d{1,6}\s*[)\]]$")
# "12 kommenttia", "34 comments", "4 min read", "2 ನಿಮಿಷ ಓದು"; "Lukuaika 3 min": a number among one or two words
_WORD_COUNT = re.compile(r"^(?:\d{1,6}[kKmM]?\s+\S+(?:\s+\S+)?|\S+\s+\d{1,3}\s+\S+)$")


# lower-case name particles of many languages ("Marlize van Wyk", "Ana da Silva", "Ahmad bin Ismail")
_PARTICLES = frozenset(
    {
        "van",
        "von",
        "de",
        "da",
        "das",
        "dos",
        "del",
        "della",
        "der",
        "den",
        "di",
        "du",
        "la",
        "le",
        "bin",
        "binti",
        "ibn",
        "al",
        "el",
        "ter",
        "ten",
        "y",
    }
)
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’.-]*(?:[-'’][^\W\d_]+)*\.?$")
# "autor: Ioana Marin", "editor: Mihai Stan", "Foto: Agerpres": a role of a word or two and a capitalised name
_CREDIT = re.compile(r"^[^\W\d_]+(?: [^\W\d_]+)?\s*:\s*(?P<name>[^\W\d_][^:,;()/]{0,40})$")
# "Foto: Name / Outlet": the photographer and the outlet, each a name
_CREDIT_PAIR = re.compile(
    r"^[^\W\d_]+(?: [^\W\d_]+)?\s*:\s*(?P<name>[^\W\d_][^:,;()/]{0,40}?)\s+/\s+(?P<name2>[^\W\d_][^:,;()/]{0,40})$"
)
_STRIP_SPLIT = re.compile(r"\s+[·•|]\s+")
_COUNT_PART = re.compile(r"^\d{1,3}\s+\S+(?:\s+\S+){0,2}$")
_RELATED_LINE = re.compile(r"^(?P<label>[^:\n]{2,40}?)\s*:\s+(?P<headline>\S[^\n]+)$")


def is_name_line(para: str) -> bool:
    """A person's name alone on a line ("Rūta Petrauskienė", "Marlize van Wyk"): two to four capitalised words
    of a cased script, name particles aside, no digit and no mark but a name's own (initials, hyphens)."""
    if len(para) > NAME_LINE_MAX_CHARS or "\n" in para:
        return False
    words = para.split()
    if not NAME_MIN_WORDS <= len(words) <= NAME_MAX_WORDS:
        return False
    names = [w for w in words if w not in _PARTICLES]
    return (
        len(names) >= NAME_MIN_WORDS
        and words[0] in names
        and words[-1] in names
        and all(_NAME_WORD.match(w) and w[0].isupper() and (len(w) <= 2 or not w.isupper()) for w in names)
    )


def is_credits_line(para: str) -> bool:
    """Staff credits closing a copy: "role: Name" parts, perhaps between slashes or brackets ("/autor: Ioana
    Marin, editor: Mihai Stan/")."""
    if len(para) > CREDITS_MAX_CHARS or "\n" in para or _SENTENCE_END.search(para.rstrip("/)] ")):
        return False
    if pair := _CREDIT_PAIR.match(para.strip()):
        return _is_name(pair["name"].split()) and _is_name(pair["name2"].split())
    parts = re.split(r"\s*[,;]\s*", para.strip().strip("/()[]").strip())
    found = [_CREDIT.match(part) for part in parts]
    return all(m and _is_name(m["name"].split()) for m in found)


def is_credit_pair(para: str) -> bool:
    """ "Label: Name / Name" with a one-word label ("Ifoto: Jean Mugabo / Umuseke Post"): a photo's credit, the
    photographer and the outlet, also inside the story."""
    pair = _CREDIT_PAIR.match(para.strip())
    return bool(pair) and " " not in para.split(":", 1)[0].strip() and is_credits_line(para)


def is_worded_byline(para: str) -> bool:
    """A byline word or two of any language before a name ("Yanditswe na Jean Bosco Niyonsaba", "Láti ọwọ́ Adé
    Ògún"): a capitalised first word, one or two lower-case words, then a name line (`is_name_line`)."""
    if len(para) > WORDED_BYLINE_MAX_CHARS or "\n" in para or _DIGIT.search(para) or _SENTENCE_END.search(para):
        return False
    words = para.split()
    if not words[0][:1].isupper():
        return False
    for n in range(1, BYLINE_WORDS_MAX + 1):
        lower = words[1 : 1 + n]
        if len(lower) == n and all(w[:1].islower() for w in lower) and is_name_line(" ".join(words[1 + n :])):
            return True
    return False


def is_role_line(para: str) -> bool:
    """A short label line, not a name, a sentence or a number: under a byline, the writer's role or programme
    ("Local Democracy Reporter", "Initiative de journalisme local")."""
    words = para.split()
    return (
        len(para) <= ROLE_MAX_CHARS
        and 1 <= len(words) <= ROLE_MAX_WORDS
        and "\n" not in para
        and not _DIGIT.search(para)
        and not _SENTENCE_END.search(para)
        and para[:1].isupper()
    )


def is_related_line(para: str) -> bool:
    """ "Label: Headline" inside a story in a language no list knows ("Inkuru bifitanye isano: Abahinzi ..."): a
    label of two to four words in ordinary case (its first word alone capitalised, no digit), then a capitalised
    headline of a few words with no closing mark."""
    if len(para) > RELATED_LINE_MAX_CHARS or "\n" in para or _SENTENCE_END.search(para):
        return False
    match = _RELATED_LINE.match(para)
    if not match:
        return False
    label, headline = match["label"].split(), match["headline"]
    low, high = RELATED_LABEL_WORDS
    return (
        low <= len(label) <= high
        and label[0][:1].isupper()
        and all(w[:1].islower() and w.isalpha() for w in label[1:])
        and not _DIGIT.search(match["label"])
        and headline[:1].isupper()
        and len(headline.split()) >= RELATED_HEADLINE_MIN_WORDS
        and not _QUOTE_MARKS.search(para)
    )


def is_stamp_strip(para: str) -> bool:
    """A stamp and a count on one line, split by a dot or bar ("Hai 3 hores · 2 minutos de llectura"): every part
    a stamp, a time ago or a number with a word or three, and one of them a stamp or a time ago."""
    if len(para) > STAMP_STRIP_MAX_CHARS or "\n" in para or _SENTENCE_END.search(para):
        return False
    parts = _STRIP_SPLIT.split(para.strip())
    if len(parts) < 2:
        return False
    stamps = [is_relative_stamp(part) or is_lead_stamp(part) or is_date_line(part) for part in parts]
    counts = [len(part) <= STAMP_PART_COUNT_CHARS and bool(_COUNT_PART.match(ascii_digits(part))) for part in parts]
    return any(stamps) and all(s or c for s, c in zip(stamps, counts, strict=True))


def _is_name(words: list[str]) -> bool:
    """A name of one to four capitalised words ("Agerpres", "Ioana Marin"), particles aside."""
    names = [w for w in words if w not in _PARTICLES]
    return 1 <= len(words) <= NAME_MAX_WORDS and bool(names) and all(w[0].isupper() for w in names)


# a field label inside a line: a word and a colon before a space ("Аўтар: ", "Views: ")
_FIELD_LABEL = re.compile(r"(?:^|\s)[^\W\d_]{2,20}[:：]\s")
_DIGIT = re.compile(r"\d")
_QUOTE_MARKS = re.compile(r"[\"“”«»„]")


def is_meta_strip(para: str) -> bool:
    """A line of labelled fields, not a sentence ("Аўтар: Ганна Мароз 3 гадзіны таму Праглядаў: 1 245",
    "Autor: ... | Wyświetlenia: 312"): a page's byline, stamp and counters rendered on one line."""
    if len(para) > META_STRIP_MAX_CHARS or "\n" in para or _SENTENCE_END.search(para):
        return False
    return len(_FIELD_LABEL.findall(para)) >= META_STRIP_LABELS


def is_tail_platforms(para: str) -> bool:
    """A sentence naming two or more social platforms and no number, outside quotes and reported speech
    ("Fylg okkum á Facebook og Instagram ...", "Swiv nou sou WhatsApp ak Facebook ..."): as the story's last
    paragraph, an appeal to follow the outlet's channels in whatever language."""
    if len(para) > TAIL_PLATFORMS_MAX_CHARS or "\n" in para or _DIGIT.search(para) or _QUOTE_MARKS.search(para):
        return False
    names = {m.group(0).casefold() for m in _PLATFORM.finditer(para)}
    return len(names) >= TAIL_PLATFORMS_MIN and names_platform(para)


def _capitalised(item: str) -> bool:
    """Starts with an upper-case letter, or a letter of a script without case; never a number ("12 ml, 125 ml" is
    a product's sizes)."""
    first = next((c for c in item if c.isalnum()), "")
    return bool(first) and not first.isdigit() and (first.isupper() or not first.islower())


def _topic_items(items: list[str]) -> bool:
    return all(
        item and len(item) <= TAG_ITEM_MAX_CHARS and len(item.split()) <= TAG_ITEM_MAX_WORDS and _capitalised(item)
        for item in items
    )


def is_tag_line(para: str) -> bool:
    """ "Label: Topic, Topic, Topic" (a one- or two-word label, short capitalised topics, no sentence mark), or a
    bare list of three or more such topics separated by bullets or bars ("Oulu · Liikenne · Pyöräily")."""
    if len(para) > TAG_LINE_MAX_CHARS or "\n" in para or _SENTENCE_END.search(para):
        return False
    labelled = _LABEL.match(para)
    if labelled and len(labelled["label"]) <= TAG_LABEL_MAX_CHARS:
        items = _ITEM_SPLIT.split(labelled["items"].strip())
        return len(items) >= TAG_MIN_ITEMS and _topic_items(items)
    items = _BARE_SPLIT.split(para.strip())
    return len(items) >= BARE_TAG_MIN_ITEMS and _topic_items(items)


def is_counter_line(para: str) -> bool:
    """A count with a word or two and nothing else: comments, reading time, views, shares."""
    # a label with a colon is a fact of the story ("Ergibt: 40 Stück"); the chrome's labelled counts have words
    if len(para) > COUNTER_MAX_CHARS or "\n" in para or ":" in para or _SENTENCE_END.search(para):
        return False
    text = ascii_digits(para.strip())
    if len(_NUMBER.findall(text)) != 1:
        return False
    return bool(_BRACKET_COUNT.match(text) or _WORD_COUNT.match(text))


def is_date_line(para: str) -> bool:
    """A date of any calendar alone on a line: a month word or two and numbers, one of them a year of four digits
    ("कात्तिक २२, २०८३" in Bikram Sambat, "12 Rabi' al-Awwal 1448", "Jumatatu 9 Novemba 2026")."""
    if len(para) > DATE_LINE_MAX_CHARS or "\n" in para or _SENTENCE_END.search(para):
        return False
    text = ascii_digits(para)
    numbers = _NUMBER.findall(text)
    words = _WORDS.findall(text)
    return (
        len(numbers) >= 2
        and any(len(n) == 4 and n.isdigit() for n in numbers)
        and 1 <= len(words) <= DATE_LINE_MAX_WORDS
        and sum(word[0].islower() for word in words) <= 1  # "al-Awwal"; a clause has more ("3 killed in crash")
        and not _OTHER.sub("", _NUMBER.sub("", _WORDS.sub("", text)))  # only separators besides
    )


def _is_rights_line(para: str) -> bool:
    return len(para) <= OWN_NAME_MAX_CHARS and bool(_COPYRIGHT.search(para))


def names_outlet(para: str, site: str | None) -> bool:
    """A short line, not a sentence, that names the page's own outlet ("Receba as notícias do Jornal do Capibaribe
    no seu celular", "पोखरा खबर संवाददाता"): around the story that is the outlet's furniture or credit."""
    if not site or len(site) < SITE_MIN_CHARS or len(para) > OWN_NAME_MAX_CHARS or is_prose(para):
        return False
    return " ".join(site.casefold().split()) in " ".join(para.casefold().split())


def chrome_indices(
    paras: list[str], site: str | None = None, beside_removed: frozenset[int] = frozenset()
) -> list[tuple[int, str]]:
    """(index, rule id) of the tag, counter, own-name and copyright lines above the story's first prose
    paragraph (the first paragraph itself excepted) or below its last one. `site`: the page's site name.
    `beside_removed`: the indices whose neighbour in the text the rules removed (a stamp under a byline). A
    document without prose has no story to frame: nothing."""
    # a rights line written as a sentence ("Kopiereg © 2026 Vrystaat Nuus. Alle regte voorbehou.") ends no story
    prose = [i for i, para in enumerate(paras) if is_prose(para) and not _is_rights_line(para)]
    # a follow appeal among the last lines is no part of the story (a tip request or a rights line may come after
    # it): the story ends above it; the story's first paragraph is never one
    found = [(i, TAIL_PLATFORMS_ID) for i in prose[1:] if i >= len(paras) - TAIL_ZONE and is_tail_platforms(paras[i])]
    prose = [i for i in prose if (i, TAIL_PLATFORMS_ID) not in found]
    if not prose:
        return []
    first, last = prose[0], prose[-1]
    counters = [is_counter_line(para) for para in paras]
    credits = [(i > last or 0 < i < first) and is_credits_line(para) for i, para in enumerate(paras)]
    tail = {i for i, _ in found}
    for i, para in enumerate(paras):
        if i in tail or i == 0:
            continue
        if first <= i <= last:
            if is_credits_line(para) and names_outlet(para, site):  # "Зураг: МОНЦАМЭ": the outlet's own credit
                found.append((i, OWN_NAME_RULE_ID))
            elif is_credit_pair(para) and not (is_credits_line(paras[i - 1]) or is_credits_line(paras[i + 1])):
                found.append((i, CREDITS_RULE_ID))  # "Foto: Name / Outlet" alone: a photo's credit
            elif first < i < last and is_related_line(para) and is_prose(paras[i - 1]) and is_prose(paras[i + 1]):
                found.append((i, RELATED_LABEL_ID))  # between two paragraphs of the story
            continue
        if is_tag_line(para):
            found.append((i, TAGS_RULE_ID))
        elif i < first and is_date_line(para):
            found.append((i, DATE_LINE_RULE_ID))
        elif i < first and is_name_line(para):  # a byline without a byline word, between headline and story
            found.append((i, BYLINE_RULE_ID))
        elif i < first and i in beside_removed and is_worded_byline(para):  # over the stamp the rules removed
            found.append((i, WORDED_BYLINE_ID))
        elif (
            i < first
            and found
            and found[-1] in ((i - 1, BYLINE_RULE_ID), (i - 1, WORDED_BYLINE_ID))
            and (i in beside_removed or i + 1 == first)
            and is_role_line(para)
        ):  # the writer's role under the byline, above the stamp or the story
            found.append((i, BYLINE_ROLE_ID))
        elif i < first and is_stamp_strip(para):
            found.append((i, STAMP_STRIP_ID))
        elif i < first and is_meta_strip(para):
            found.append((i, META_STRIP_ID))
        elif credits[i] and not (credits[i - 1] or (i + 1 < len(paras) and credits[i + 1])):
            # alone: a run of "label: Name" lines is a list of the page ("Ohrringe: Leaf Combo", "Kreole: ...")
            found.append((i, CREDITS_RULE_ID))
        elif names_outlet(para, site):
            found.append((i, OWN_NAME_RULE_ID))
        elif i > last and _is_rights_line(para):  # "Kopiereg © 2026 ..."
            found.append((i, COPYRIGHT_RULE_ID))
        elif i > last and not is_prose(para) and names_platform(para):  # "Na ndiqni në Facebook dhe Instagram"
            found.append((i, SOCIAL_RULE_ID))
        elif counters[i] and not (i > 0 and counters[i - 1]) and not (i + 1 < len(paras) and counters[i + 1]):
            # alone: a run of such lines is a list of the story ("300 g Mehl", "1 TL Backpulver", "1 Ei")
            found.append((i, COUNTER_RULE_ID))
    return found
