"""Text-level boilerplate rules, as data. Each rule: id, kind, pattern, optional outlet.

Kinds:
- `header`: a syndication header or dateline glued to the start of the text; named groups (`date`, `source`,
  `wire`, `place`) feed metadata. Headers are tried repeatedly at the start of the first paragraph.
- `paragraph`: the whole paragraph is boilerplate when the pattern matches it from its start and the paragraph
  is at most `max_chars` long (a long paragraph is an article paragraph that happens to start alike).
- `span`: only the matched span is removed, the rest of the paragraph stays.
- `classifier`: the pattern names a function of `transforms/boilerplate_classes.py` that judges a whole paragraph
  by structure and vocabulary (calls to action, interface labels); tried after every pattern rule.
`outlet` names the outlet whose template the rule matches; a match is evidence of that source.
`syndicator` names the aggregator a header belongs to.

Recall first: patterns are anchored and specific, so that no article sentence can match. Families are written
generically (English, German, French, Spanish) so they work on outlets never seen in development.
"""

from __future__ import annotations

import dataclasses
import functools
import re

PARAGRAPH_MAX_CHARS = 400  # banners and prompts are short; article paragraphs that start alike are longer


@dataclasses.dataclass(frozen=True)
class Rule:
    id: str
    kind: str  # header | paragraph | span | classifier
    pattern: str
    outlet: str | None = None
    syndicator: str | None = None
    flags: int = re.I
    max_chars: int = PARAGRAPH_MAX_CHARS
    date_evidence: bool = False  # a date in the removed text is the publication date (a "first published" note)
    needs_month: bool = False  # a header whose date part must read as a day and a month (in any language)

    @functools.cached_property
    def regex(self) -> re.Pattern[str]:  # compiled once per rule (a frozen dataclass still has a __dict__)
        return _compile(self.pattern, self.flags)


_CACHE: dict[tuple[str, int], re.Pattern[str]] = {}


def _compile(pattern: str, flags: int) -> re.Pattern[str]:
    key = (pattern, flags)
    if key not in _CACHE:
        _CACHE[key] = re.compile(pattern, flags)
    return _CACHE[key]


# Wire agencies as credited in datelines, with the name a reader uses. A wire credit is not a syndicator.
WIRES: dict[str, str] = {
    "reuters": "Reuters",
    "ap": "Associated Press",
    "the associated press": "Associated Press",
    "associated press": "Associated Press",
    "afp": "AFP",
    "dpa": "dpa",
    "ani": "ANI",
    "pti": "PTI",
    "ians": "IANS",
    "upi": "UPI",
    "efe": "EFE",
    "ansa": "ANSA",
    "xinhua": "Xinhua",
    "bloomberg": "Bloomberg",
    "kyodo": "Kyodo",
    "yonhap": "Yonhap",
    "apa": "APA",
    "epd": "epd",
    "europa press": "Europa Press",
    "anadolu": "Anadolu",
    "ap photo": "Associated Press",
    "kna": "KNA",
    # national agencies of other regions (credited in datelines and sign-offs the same way)
    "pap": "PAP",
    "ctk": "ČTK",
    "čtk": "ČTK",
    "mti": "MTI",
    "tasr": "TASR",
    "hina": "HINA",
    "sda": "SDA",
    "keystone-sda": "Keystone-SDA",
    "ats": "ATS",
    "belga": "Belga",
    "anp": "ANP",
    "lusa": "Lusa",
    "télam": "Télam",
    "telam": "Télam",
    "agi": "AGI",
    "adnkronos": "Adnkronos",
    "aap": "AAP",
    "the canadian press": "The Canadian Press",
    "canadian press": "The Canadian Press",
    "cp": "The Canadian Press",
    "jiji": "Jiji Press",
    "bernama": "Bernama",
    "antara": "Antara",
    "tass": "TASS",
    "interfax": "Interfax",
    "ukrinform": "Ukrinform",
    "nan": "NAN",
    "wam": "WAM",
    "kuna": "KUNA",
    "irna": "IRNA",
    "ritzau": "Ritzau",
    "ntb": "NTB",
    "tt": "TT",
    "pa": "PA Media",
    "app": "APP",
    "australian associated press": "AAP",
    "pa media": "PA Media",
    "stt": "STT",
    # national agencies of further languages, as credited (Latin and native scripts); codes that are common words
    # ("MAP", "TAP", "SPA") are left out: a line "Map." must not read as a wire
    "тасс": "ТАСС",
    "риа новости": "РИА Новости",
    "интерфакс": "Интерфакс",
    "укрінформ": "Укрінформ",
    "укринформ": "Укрінформ",
    "бта": "БТА",
    "bta": "BTA",
    "elta": "ELTA",
    "bns": "BNS",
    "leta": "LETA",
    "sta": "STA",
    "tanjug": "Tanjug",
    "танјуг": "Танјуг",
    "fena": "FENA",
    "agerpres": "Agerpres",
    "mena": "MENA",
    "wafa": "WAFA",
    "qna": "QNA",
    "bss": "BSS",
    "unb": "UNB",
    "pna": "PNA",
    "vna": "VNA",
    "ttxvn": "TTXVN",
    "yonhap news": "Yonhap",
    "prensa latina": "Prensa Latina",
    "notimex": "Notimex",
    "anatolian": "Anadolu",
    "aa": "Anadolu",
    "irna news": "IRNA",
    "isna": "ISNA",
    "aps": "APS",
    "ena": "ENA",
    "kbs": "KBS",
    "共同通信": "共同通信",
    "共同": "共同通信",
    "時事通信": "時事通信",
    "新华社": "新华社",
    "新華社": "新华社",
    "中新社": "中新社",
    "연합뉴스": "연합뉴스",
}
_WIRE_ALT = "(?i:" + "|".join(sorted((re.escape(w) for w in WIRES), key=len, reverse=True)) + ")"
# A dateline place: upper-case words ("NEW DELHI", "WASHINGTON", "SAO PAULO"), optionally ", Region" ("Calif.").
_CAPS_CHARS = "A-ZÀ-ÝΆΈ-ΏΑ-ΩА-ЯЁЂ-ЏҐԱ-Ֆ"  # upper-case letters of the Latin, Greek, Cyrillic and Armenian scripts
_CAPS = f"[{_CAPS_CHARS}]"
# every upper-case letter of the alphabets below U+0557 (Latin with its extensions, Greek, Cyrillic, Armenian):
# an agency code such as "AZƏRTAC" or "ŞAMİL" uses letters the lists above leave out
_UPPER_CHARS = "".join(re.escape(c) for c in map(chr, range(0x41, 0x557)) if c.isupper() and c.isalpha())
# letters of scripts without capitals (Hebrew, Arabic, Devanagari to Sinhala): a place there has no case to tell
_CASELESS = "[\u0590-\u05ff\u0600-\u06ff\u0900-\u0dff\u0e00-\u0e7f]"
_PLACE = r"(?P<place>[A-ZÀ-Ý][A-ZÀ-Ý.'’-]+(?:[ /][A-ZÀ-Ý][A-ZÀ-Ý.'’-]+){0,3}(?:,\s*[A-Z][A-Za-z.]{1,20}){0,2})"
_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
    r"|(?:Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember)"
    r"|(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)"
    r"|(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)"
)
_DATELINE_DATE = (
    rf"(?P<dldate>(?i:{_MONTH})\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\.?\s+(?i:{_MONTH})(?:\s+\d{{4}})?)"  # any case
)
# one wire or several credited together: "(dpa/AFP)", "(AP/Reuters)"
_WIRES_CREDIT = rf"\(\s*(?P<wire>{_WIRE_ALT})(?:\s*/\s*(?:{_WIRE_ALT}))*\s*\)"
_DASH = r"\s*\.?[-–—:]+\s*"  # "-", "—", ":", and EFE's ".-"

RULES: tuple[Rule, ...] = (
    # --- syndication headers glued to the first sentence
    Rule(
        "header.menafn",
        "header",
        r"^\W*(?:date\s+(?P<date>\d{4}-\d{2}-\d{2})\s+)?\(?\s*MENAFN\s*[-–—]\s*(?P<source>[^)\n]{2,80}?)\s*\)\s*",
        syndicator="MENAFN",
    ),
    Rule("header.date", "header", r"^\W*date\s+(?P<date>\d{4}-\d{2}-\d{2})\b\s*"),
    # a numeric date (and time) stamp glued before the dateline of an agency dump: "13.03.2026 11:42 Warszawa (PAP)"
    Rule(
        "header.stamp",
        "header",
        r"^(?P<stamp>(?:\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}|(?:19|20)\d{2}-\d{2}-\d{2})(?:,?\s+\d{1,2}[:.h]\d{2})?)"
        r"\s*(?:[|·,–—-]\s*)?(?=[A-ZÀ-Ý])",
        flags=0,
    ),
    # an aggregator's source line, alone on the first line: "Vanguard (Lagos)", "Daily Trust (Abuja)"
    Rule(
        "header.outlet_place",
        "header",
        rf"^(?P<source>[A-Z][\w&.'’-]+(?: [A-Z&][\w&.'’-]+){{0,4}}) \((?!{_WIRE_ALT}\))"
        r"(?P<place>[A-Z][\w .'’-]{1,30})\)[ \t]*(?:\n|$)",
        flags=0,
    ),
    # wire dateline with an agency credit: "NEW DELHI (Reuters) -", "WASHINGTON, Jan 5 (AP) —", "PARIS (AFP) -"
    Rule(
        "header.wire_dateline",
        "header",
        rf"^{_PLACE}(?:,\s*(?:{_DATELINE_DATE}|(?P<dltext>[^()\n]{{1,30}}?)))?\s*{_WIRES_CREDIT}{_DASH}",
        flags=0,
    ),
    # a member paper's story redistributed by an aggregator, credited "(Outlet/Aggregator)" in the dateline:
    # "SEOUL (The Korea Herald/Asia News Network) —", "SUVA, 13 OCTOBER 2026 (FIJI SUN/PACNEWS) ---"; two wires
    # credited together ("(dpa/AFP)") are the wire dateline above
    Rule(
        "header.aggregator_dateline",
        "header",
        rf"^{_PLACE}(?:,\s*(?:{_DATELINE_DATE}|(?P<dltext>[^()\n]{{1,30}}?)))?\s*"
        r"\(\s*(?P<source>[A-Z][\w&.'’ -]{1,40}?)\s*/\s*(?P<syndicator>[A-Z][\w&.'’ -]{1,40}?)\s*\)"
        rf"{_DASH}",
        flags=0,
    ),
    # a bare wire credit opening the text: "(Reuters) -"
    Rule(
        "header.wire_credit",
        "header",
        rf"^\(\s*(?P<wire>{_WIRE_ALT})\s*\)(?:{_DASH}|\s+(?=[A-ZÀ-Ý\"“]))",  # "(Belga) La STIB..." has no dash
        flags=0,
    ),
    # an outlet's own credit opening the text: "(CNN) —", "(Bloomberg) -"; a short capitalised name only
    Rule(
        "header.credit",
        "header",
        r"^\((?!(?:Updated?|Corrected|Correction|Watch|Video|Live|Opinion|Analysis|Exclusive|Breaking|Photos?|Audio)\))"
        r"(?P<wire>[A-Z][A-Za-z]{1,15}(?: [A-Z][A-Za-z]{1,15})?)\)\s*[-–—]+\s*",
        flags=0,
    ),
    # dateline without an agency: "BERLIN —", "LONDON, March 3 -"; the place must be upper case, the dash spaced
    Rule("header.dateline", "header", rf"^{_PLACE}(?:,\s*{_DATELINE_DATE})?\s+[-–—]+\s+", flags=0),
    # Title Case agency datelines: "Berlin (dpa) -", "New Delhi [India], March 10 (ANI):",
    # "New Delhi, April 2 (IANS) Indian Railways..." (no dash: the credit alone ends the dateline)
    Rule(
        "header.agency_dateline",
        "header",
        rf"^(?P<place>[A-ZÀ-ÝĐƠƯ][\w.'’-]+(?:\s[A-ZÀ-ÝĐƠƯ][\w.'’-]+){{0,3}})(?:\s*\[[^\]\n]{{2,30}}\])?"
        # ", March 10", ", 2026. október 8., csütörtök" (parsed later) or "Praha 11. listopadu"
        rf"(?:,\s*(?:{_DATELINE_DATE}|(?P<dltext>[^()\n]{{1,30}}?))|\s+\d{{1,2}}\.\s*[^\W\d_]{{3,12}})?"
        rf"\s*{_WIRES_CREDIT}(?:{_DASH}|\s+(?=[A-ZÀ-Ý\"“]))",
        flags=0,
    ),
    # the agency's code after the date, without parentheses: "Accra, June 5, GNA -"
    Rule(
        "header.agency_code_dateline",
        "header",
        rf"^(?P<place>[A-ZÀ-Ý][\w.'’-]+(?:\s[A-ZÀ-Ý][\w.'’-]+){{0,2}}),\s*(?:[A-Z][A-Za-z.]{{1,20}},\s*)?"
        rf"{_DATELINE_DATE},\s*"
        r"(?P<wire>[A-Z]{2,6})\s*[-–—]+\s+(?=[A-ZÀ-Ý\"“])",
        flags=0,
    ),
    # Title Case dateline with a spaced en or em dash: "Cape Town –", "Lagos —" (a hyphen is too common in prose)
    Rule(
        "header.titlecase_dateline",
        "header",
        r"^(?P<place>[A-ZÀ-Ý][a-zà-ÿ'’.]+(?:[ -][A-ZÀ-Ý][a-zà-ÿ'’.]+){0,2})(?:,\s*[A-Z][A-Za-z.]{1,20})? [–—] "
        r"(?=[A-ZÀ-Ý\"“])",
        flags=0,
    ),
    # a Title Case place with a full date and a dash: "Santiago, 7 de octubre de 2026.-", "Lyon, 3 mars 2026 -"
    Rule(
        "header.dated_dateline",
        "header",
        r"^(?P<place>[A-ZÀ-Ý][\w'’.-]+(?: [A-ZÀ-Ý][\w'’.-]+){0,2}),\s+"
        r"(?P<dldate>\d{1,2}\.?\s+(?:de\s+)?[^\W\d_]{3,12}\.?,?\s+(?:de\s+)?(?:19|20)\d{2}|"
        r"[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+(?:19|20)\d{2}|(?:19|20)\d{2}\.\s+[^\W\d_]{3,12}\s+\d{1,2})\s*\.?\s*[-–—]+\s*",
        flags=0,
    ),
    # an upper-case place closed by a full stop: "BOGOTÁ. La Alcaldía..."
    Rule(
        "header.caps_period_dateline",
        "header",
        r"^(?P<place>[A-ZÀ-Ý]{3,}(?:[ -][A-ZÀ-Ý]{2,}){0,2})\.\s+(?=[A-ZÀ-Ý])",
        flags=0,
    ),
    # a Title Case place alone before a spaced dash, no date and no agency: "Luanda - O Governo ..." (a lead
    # sentence never opens with one to three capitalised words and a spaced dash)
    Rule(
        "header.place_dash_dateline",
        "header",
        r"^(?P<place>[A-ZÀ-Ý][a-zà-ÿ'’-]{2,}(?: (?:[a-zà-ÿ]{1,3} )?[A-ZÀ-Ý][a-zà-ÿ'’-]{2,}){0,2})\s[-–—]\s+"
        r"(?=[A-ZÀ-Ý\"“])",
        flags=0,
    ),
    # an upper-case place and one word (a weekday) alone on their line above the story: "NAKURU, Alhamisi"
    # (only with the line break: "NATO, Russia and ..." on one line is a sentence)
    Rule(
        "header.caps_word_line",
        "header",
        r"^(?P<place>[A-ZÀ-Ý]{3,}(?:[ -][A-ZÀ-Ý]{2,}){0,2}),[ \t]+[^\W\d_]{3,15}\.?[ \t]*[-–—:]?[ \t]*\n(?=\S)",
        flags=0,
    ),
    # colon dateline of Gulf and Asian outlets: "DOHA:", "KUALA LUMPUR:"
    Rule("header.colon_dateline", "header", rf"^{_PLACE}:\s+(?=[A-Z\"“])", flags=0),
    # an upper-case place in any script, then an agency code no list names, in parentheses, and a dash:
    # "ΑΘΗΝΑ, 3 Απριλίου (ΑΠΕ-ΜΠΕ) -", "NAIROBI, March 3 (KNA) -", "МОСКВА, 5 марта (ТАСС) -"; the code is the source
    Rule(
        "header.caps_agency_dateline",
        "header",
        rf"^(?P<place>{_CAPS}{{2,}}(?:[ -]{_CAPS}{{2,}}){{0,2}})(?:,\s*(?P<dltext>[^()\n]{{1,30}}?))?\s*"
        rf"\((?P<wire>{_CAPS}[{_CAPS_CHARS}0-9&.-]{{1,11}})\)\s*[-–—:]+\s*",
        flags=0,
    ),
    # a place, a date (it has a digit) and an agency code no list needs to name, in slashes or parentheses,
    # closed by a full stop or a dash: "ВОЛГОГРАД, 21 мая 2026. /ТАСС/.", "София, 9 юли 2026 /БТА/.",
    # "Vilnius, rugsėjo 30 d. (ELTA).", "नई दिल्ली, 12 अक्टूबर (भाषा)"; the code is the source
    Rule(
        "header.any_agency_dateline",
        "header",
        rf"^(?P<place>(?:[{_CAPS_CHARS}]|{_CASELESS})[^\s,()/]{{1,25}}(?: [^\s,()/]{{1,25}}){{0,2}}),\s*"
        r"(?P<dltext>(?=[^()/\n]{0,30}\d)[^()/\n$€£%]{1,30}?)\s*"
        rf"(?:/\s*(?P<wire>(?:[{_CAPS_CHARS}]|{_CASELESS})[^()/\n]{{1,20}}?)\s*/"
        rf"|\(\s*(?P<wire2>(?:[{_CAPS_CHARS}]|{_CASELESS})[^()/\n]{{1,20}}?)\s*\)"
        # a longer credit names a correspondent or bureau ("(కృష్ణా పత్రిక ప్రతినిధి)"): cut, but not the source
        rf"|\(\s*(?P<credit>(?:[{_CAPS_CHARS}]|{_CASELESS})[^()/\n]{{20,40}}?)\s*\))"
        rf"\s*(?:[.:]\s*[-–—]*|[-–—]+)?\s+(?=[{_CAPS_CHARS}\"“«„]|{_CASELESS})",
        flags=0,
    ),
    # a dateline in a script without capitals, with a dash: "القاهرة -", "ירושלים –" (an Arabic or Hebrew
    # sentence never opens with a short phrase and a spaced dash)
    Rule(
        "header.caseless_dateline",
        "header",
        # an agency between two dashes is the source: "تهران - ایرنا -"
        rf"^(?P<place>{_CASELESS}[^\s,()/:–—-]{{1,20}}(?: [^\s,()/:–—-]{{1,20}}){{0,2}})\s+[-–—]+\s+"
        rf"(?:(?P<wire>{_CASELESS}[^\s,()/:-]{{1,15}})\s+[-–—]+\s+)?(?=\S)"
        # or a single place word closed by a colon: "சென்னை:", "لاہور:"
        rf"|^(?P<place2>{_CASELESS}[^\s,()/:–—-]{{1,20}}):\s+(?=\S)",
        flags=0,
    ),
    # an upper-case place, a date and the agency, each closed by a full stop: "АСТАНА. 21 қараша. ҚазАқпарат -",
    # "ALMATY. 3 March. Kazinform -"; the upper-case place and the dated middle keep prose out
    Rule(
        "header.period_dateline",
        "header",
        rf"^(?P<place>{_CAPS}{{2,}}(?:[ -]{_CAPS}{{2,}}){{0,2}})\.\s+"
        r"(?P<dltext>\d{1,2}\.?\s+[^\W\d_]{3,15}|[^\W\d_]{3,15}\s+\d{1,2})\.\s+"
        r"(?P<wire>[^\W\d_][\w-]{1,20})\s*[-–—]+\s*",
        flags=0,
        needs_month=True,  # "NATO. 21 members. Officials -" is no dateline
    ),
    # "(place=agency)" and an optional "name title =" (Korean and Japanese wires): "(부산=연합뉴스) 김민수 기자 ="
    Rule(
        "header.place_equals_agency",
        "header",
        r"^\((?P<place>[^=()\n]{1,20})=(?P<wire>[^=()\n]{1,20})\)\s*(?:[^=\n]{1,25}=\s*)?(?=\S)",
        flags=0,
    ),
    # a place, a date and an upper-case agency code after a comma, closed by a full stop: "Rīga, 3. jūnijs, LETA."
    Rule(
        "header.comma_code_dateline",
        "header",
        rf"^(?P<place>[{_CAPS_CHARS}][^\s,()/]{{1,25}}(?: [^\s,()/]{{1,25}}){{0,2}}),\s*"
        r"(?P<dltext>(?=[^,()\n]{0,30}\d)[^,()\n$€£%–—]{1,30}?)\s*(?:,|\.|\s[–—])\s*"
        # an agency code in capitals ("AZƏRTAC", "ԱՐՄԵՆՊՐԵՍ") or mixed case ("UzA"): the date part must read as one
        rf"(?P<wire>[{_UPPER_CHARS}]{{2,10}}|[{_UPPER_CHARS}][\w-]{{1,10}}|{_WIRE_ALT})(?:\s*[.:–—-]\s+|[ \t]*\n\s*)"
        rf"(?=[{_CAPS_CHARS}])",
        flags=0,
        needs_month=True,  # "Vilnius, 2 million people, EU Commission ..." is a sentence
    ),
    # a caseless-script place with a parenthetical credit and no dash: "لاہور (نمائندہ خصوصی)"
    Rule(
        "header.caseless_credit_dateline",
        "header",
        # the credit names a correspondent or an agency: "الحكومة (السابقة) قررت" is a sentence's subject
        rf"^(?P<place>{_CASELESS}[^\s,()/:]{{1,20}}(?: [^\s,()/:]{{1,20}}){{0,1}})\s*\((?P<credit>[^()\n]{{0,15}}"
        r"(?:نمائندہ|نامہ نگار|مراسل|وكالات|ایجنسی|خبرنگار|संवाददाता|एजेंसी|भाषा|प्रतिनिधि|প্রতিনিধি|সংবাদদাতা)"
        r"[^()\n]{0,15})\)"
        r"\s*[-–—:]?\s+(?=\S)",
        flags=0,
    ),
    # a credit in corner brackets opening a Japanese or Chinese story: "【札幌共同】", "【ソウル聯合】"
    Rule("header.corner_bracket", "header", r"^【(?P<place>[^】\n]{1,20})】\s*", flags=0),
    # Chinese wire header: "新华社成都6月9日电（记者王丽）", "中新网北京3月2日电"; the agency is the source
    Rule(
        "header.cn_wire",
        "header",
        r"^(?P<wire>\w{1,4}(?:社|网|網))(?P<place>\w{1,8}?)(?P<dltext>\d{1,2}月\d{1,2}日)(?:电|電)\s*"
        r"(?:[（(][^）)\n]{1,20}[）)])?\s*",
        flags=0,
    ),
    # an upper-case place, a date and an upper-case agency, each closed by a full stop or a dash:
    # "КАЗАНЬ. 12 ноября. ИНТЕРФАКС -"
    Rule(
        "header.caps_dotted_dateline",
        "header",
        rf"^(?P<place>{_CAPS}{{2,}}(?:[ -]{_CAPS}{{2,}}){{0,2}})\.\s+"
        r"(?P<dltext>(?=[^.\n]{0,20}\d)[^.\n]{1,20})\.\s+"
        rf"(?P<wire>{_CAPS}[{_CAPS_CHARS}-]{{1,15}})\s*[-–—]+\s+",
        flags=0,
    ),
    # a Title Case place and an upper-case code no list names, then a spaced dash: "Hargeysa (HT) – Dekedda ...";
    # the code is an outlet's initials, not a name a reader uses, so it is no source
    Rule(
        "header.code_dateline",
        "header",
        r"^(?P<place>[A-ZÀ-Ý][\w'’.-]+(?: [A-ZÀ-Ý][\w'’.-]+){0,2}) \((?P<credit>[A-Z]{2,5})\) [–—-]+ (?=[A-ZÀ-Ý\"“])",
        flags=0,
    ),
    # a caseless-script place with a short date and a colon: "पुणे, ता. 18 :"
    Rule(
        "header.caseless_dated_dateline",
        "header",
        rf"^(?P<place>{_CASELESS}[^\s,()/:]{{1,20}}),\s*(?P<dltext>(?=[^:\n]{{0,20}}\d)[^:\n]{{1,20}}?)\s*:\s+(?=\S)",
        flags=0,
    ),
    # --- bylines: "By Jane Doe, Health Correspondent"; the names feed `authors`
    Rule(
        "byline",
        "paragraph",
        # "Le" (ga) only before an Irish name ("Le Seán Ó Flatharta"): in French it is an article
        r"^(?:(?:By|BY|Von|Par|Por|de|di|av|af|door|przez|od|Door|Av|Af|Di|Deur|Oleh|Ni|Της|Του|Eftir|Gan|Nga|"
        r"Minn|Le(?=\s+[A-ZÀ-Ý][\w'’-]+\s+(?:Ó|Ní|Nic|Mac|Mhic|Uí|Ua|de)\s))\s+|(?:Autor|Autorin|Author|Auteur|Autora|Texto|Tekst|Reportagem|Texti|Höfundur|Egilea|Müəllif|Awdur)\s*:\s*)(?P<author>[A-ZÀ-ÝΑ-ΩΆ-Ώ][\w.'’-]+(?:\s+(?:[A-ZÀ-ÝΑ-ΩΆ-Ώ][\w.'’-]+|de|van|von|da|del|and|und|et|y|Ó|Ó)){1,6})"
        r"(?:\s*\([^()\n]{1,30}\))?(?:\s*[,|/–—-]\s*(?P<affiliation>[^\n]{0,80}))?(?<![.!?\"”])$",  # no end stop
        flags=0,
        max_chars=140,
    ),
    # a name and a newsroom role: "Jenna Morales | Staff Writer", "Hamish Tregenza · State Political Reporter"
    Rule(
        "byline.role",
        "paragraph",
        r"^(?P<author>[A-ZÀ-Ý][\w.'’-]+(?:\s+[A-ZÀ-Ý][\w.'’-]+){1,3})\s*[|·•,–—]\s*"
        r"(?P<affiliation>(?:[A-Z][\w&.'’-]*\s){0,4}(?i:staff|writer|reporter|correspondent|editor|journalist|"
        r"contributor|columnist|photographer|producer|intern|bureau|desk)s?)$",
        flags=0,
        max_chars=100,
    ),
    # a desk credit instead of a name: "Redacción Bogotá", "Staff Reporter", "Web Desk"
    Rule(
        "byline.desk",
        "paragraph",
        r"^(?:(?:by|por|par|von|door|przez|di|da)\s+)?(?:redacción|redação|rédaction|redaktion|redakcja|redazione|redactie|redacció|redakcia|redakce|toimitus|"
        r"staff (?:reporter|writer)|"
        r"news desk|web desk|online desk|agencias|agences|agencies|"
        # staff reporter credits: bn, hi, ru, uk, ar, vi
        r"নিজস্ব প্রতিবেদক|নিজস্ব সংবাদদাতা|निज संवाददाता|हमारे संवाददाता|собственный корреспондент|"
        r"власний кореспондент|редакция|редакція|редакција|redakcija|toimetus|مراسلنا|ban biên tập|"
        r"haber merkezi|dış haberler servisi|مكتب الأخبار|گروه خبر|डेस्क|ডেস্ক রিপোর্ট)"
        r"(?:\b|(?!\w))[^.!?\n]{0,40}$",
        max_chars=60,
    ),
    # --- donation, subscription and newsletter banners
    Rule(
        "banner.independent_support",
        "span",
        r"Your support helps us to tell the story.*?Your support makes all the difference\.(?:\s*Read more)?\s*",
        outlet="The Independent",
        flags=re.I | re.S,
    ),
    Rule(
        "banner.newsletter",
        "paragraph",
        r"^(?:\W*)(?:sign up|subscribe|register|get|join)\b[^\n]{0,120}\b(?:newsletters?|inbox|bulletin|briefing|"
        r"alerts?|e-?mail updates|digest)\b",
    ),
    Rule(
        "banner.subscribe",
        "paragraph",
        # a prompt never goes on with a reporting clause ("Subscribe to the new bond issue, the minister urged ...")
        r"^(?![^\n]*,\s+(?:(?:the|a|an|his|her|its|their)\s+)?(?:[\w-]+\s+){1,3}?"
        r"(?:\w+ed|said|says|told|wrote|urges|warns|insists|argues|adds|notes|asks)\b)"
        r"(?:\W*)(?:subscribe (?:now|today|to|for)|already a (?:subscriber|member)|become a (?:member|subscriber|"
        r"supporter)|this (?:article|story|content) is (?:(?:free|only|exclusively) )?"
        r"(?:for|available to|reserved for) "
        r"(?:subscribers|members|registered (?:users|readers))|"
        r"you have reached your (?:free )?(?:article )?limit|to continue reading|unlock (?:this|unlimited)|"
        r"start your (?:free )?trial|continue reading with|subscribe to (?:read|continue)|"
        r"read the full (?:story|article) "
        r"(?:with|on))",
    ),
    # "Reminder, this is a Premium article and requires a subscription to read."
    Rule(
        "banner.requires_subscription",
        "paragraph",
        r"^[^\n]{0,80}\b(?:requires? an? (?:paid |digital |active )?(?:subscription|membership)|"
        r"(?:is|are) (?:listener|reader|viewer|member|audience)-(?:supported|funded|powered))\b",
        max_chars=200,
    ),
    # a subscription pitch with its price: "Subscribers fund our newsroom: from $1 a week", "abbonati ... da 1 euro
    # al mese", "od 9,90 zł miesięcznie"; never a story about prices (reported speech)
    Rule(
        "banner.price_pitch",
        "paragraph",
        r"^(?=[^\n]*\b(?:subscri|abbona|abonn|assin|suscri|prenumer|subskry|membership|digital access|"
        r"unlimited access))"  # the rare words first: prose fails after one scan
        r"(?![^\n]*[\"“”«»„])(?![^\n]*\b(?:said|says|according to|dijo|disse|a déclaré|sagte|ha detto)\b)"
        r"[^\n]*(?:[$€£]\s?\d+(?:[.,]\d+)?|\d+(?:[.,]\d+)?\s?(?:€|\$|£|euros?|eur|zł|kr|dollars?|pounds?|cents?|"
        r"pence|p(?=\s)))"
        # "$1 a week", "99 cents for your first month"
        r"\s?(?:a|an|per|/|al|au|par|pro|im|por|ao|na|w|each|for (?:your |the )?(?:first )?(?:\d+ )?)?\s?"
        r"(?:week|month|year|mes[e]?|mois|monat|año|ano|miesiąc\w*|semana|settimana|semaine|woche|jahr|"
        r"anno|an|mensual\w*|mensile|monatlich|miesięcznie|weekly|monthly)s?\b",
        max_chars=300,
    ),
    # a consent note under a newsletter box: "By providing an e-mail address. I agree to the Terms of Use ..."
    Rule(
        "banner.consent",
        "paragraph",
        r"^(?=[^\n]*\b(?:terms|privacy|cookie policy))"  # the rare words first
        r"[^\n]{0,200}\b(?:I agree to|I have read|you agree to|by (?:signing up|subscribing|providing|clicking|"
        r"continuing)|acknowledge that)\b[^\n]{0,200}\b(?:terms(?: of (?:use|service))?|privacy (?:policy|notice)|"
        r"cookie policy)\b",
        max_chars=400,
    ),
    Rule(
        "banner.advertise_with", "paragraph", r"^\W*advertise (?:with|on|in) (?:us\b|the\b|our\b|[A-Z])", max_chars=80
    ),
    Rule(
        "banner.paywall_other_languages",
        "paragraph",
        r"^(?:\W*)(?:(?:dalsza|pozostała) część (?:artykułu|tekstu)|reszta artykułu|artykuł dostępny|kup dostęp|"
        r"(?:le reste de )?cet article est réservé aux abonnés|la suite est réservée aux abonnés|"
        r"dieser (?:artikel|beitrag) ist (?:nur )?für abonnenten|weiterlesen mit|(?:der )?vollständige artikel ist|"
        r"este (?:contenido|artículo) es exclusivo para (?:suscriptores|socios)|"
        r"(?:este )?conteúdo (?:é )?exclusivo para assinantes|"
        r"(?:questo )?(?:articolo|contenuto) (?:è )?riservato agli abbonati|dit artikel is alleen voor abonnees)",
    ),
    # notices that an AI wrote or summarised something: "AI-generated summaries may contain errors."
    Rule(
        "notice.ai_generated",
        "paragraph",
        r"^\W*(?:beta feature\.?\s*)?(?:ai-generated (?:summar(?:y|ies)|content|texts?)|"
        r"(?:the )?audio version of this (?:article|story) is (?:generated|produced|created)|"
        r"this (?:summary|text|article) (?:was|is|has been) (?:generated|created|produced|written)"
        r"(?: with| by| using)? (?:the help of )?(?:ai|artificial intelligence))\b",
        max_chars=250,
    ),
    Rule(
        "banner.support",
        "paragraph",
        r"^(?:\W*)(?:support (?:us|our|independent|quality|free|local)\b|please (?:support|consider supporting|donate)|"
        r"donate (?:now|today)|make a (?:donation|contribution)|if you (?:value|like|enjoy|appreciate) (?:our|this|"
        r"what)\b[^\n]{0,80}\b(?:support|donat|subscri|contribut)|(?:we|our journalism) (?:rely|relies|depend|depends) "
        r"on (?:readers|reader support|your support)|thanks? (?:you )?for reading\b|since you(?:'|’)re here\b|"
        r"before you go\b)",
    ),
    # "Support PREMIUM TRIBUNE's journalism of integrity", an outlet's appeal about its journalism and its cost
    Rule(
        "banner.support_journalism",
        "paragraph",
        r"^\W*support (?P<outlet>(?-i:[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3}))(?:'s|’s) (?:journalism|reporting)",
        max_chars=200,
    ),
    Rule(
        "banner.journalism_appeal",
        "paragraph",
        r"^(?=[^\n]*\bjournalism\b)(?![^\n]*[\"“”«»]|[^\n]*\b(?:said|says|told)\b)(?=[^\n]*\b(?:we|our)\b)"
        r"(?=[^\n]*\b(?:afford|donat\w*|subscriptions?|freely accessible|free (?:to|for) (?:all|everyone)|paywall)\b)",
        max_chars=600,
    ),
    Rule(
        "banner.support_other_languages",
        "paragraph",
        r"^(?:\W*)(?:jetzt (?:abonnieren|unterstützen|spenden|registrieren|weiterlesen|testen)|weiterlesen mit|"
        r"unterstützen sie (?:uns|unabhängigen|"
        r"unseren|unsere)|newsletter (?:abonnieren|bestellen)|abonnieren sie (?:unseren|den)|abonnez-vous|"
        r"inscrivez-vous (?:à|a) (?:notre|la) (?:newsletter|lettre)|soutenez (?:notre|nous|le journalisme)|"
        r"faites un don|suscríbete|suscribete|apoya (?:nuestro|el periodismo)|hazte (?:socio|suscriptor)|"
        r"recibe (?:nuestra|la) newsletter|regístrate|líbí se vám (?:článek|náš obsah)|páči sa vám (?:článok|"
        r"náš obsah)|podpořte (?:nás|nezávisl\w*)|podporte (?:nás|nezávisl\w*)|wesprzyj(?:cie)? (?:nas|niezależn\w*)|"
        r"susține(?:ți)? (?:jurnalismul|presa)|támogass(?:a|on) minket|поддержите (?:нас|редакцию)|"
        r"підтримайте (?:нас|редакцію)|podržite (?:nas|nezavisn\w*|naš\w*)|подржите (?:нас|независн\w*))",
    ),
    # "liked this article?" asked before a donation or rating button, in the languages of the gold and their kin
    Rule(
        "prompt.liked_it",
        "paragraph",
        r"^\W*(?:did you (?:like|enjoy) (?:this|the) (?:article|story)|enjoyed (?:this|the) (?:article|story)|"
        r"te gust[óo] (?:esta|la|este|el) (?:nota|noticia|artículo)|gostou d[ae]st?[ae] (?:matéria|notícia|artigo)|"
        r"vous avez aimé (?:cet|l['’]) ?article|hat (?:ihnen|dir) (?:dieser|der) (?:artikel|beitrag) gefallen|"
        r"понравил(?:ся|ась|ось) (?:материал|статья|новость|текст)|сподобав(?:ся|ась) (?:матеріал|статтю))\s*\?\W*$",
        max_chars=60,
    ),
    Rule(
        "banner.cookies",
        "paragraph",
        r"^(?:\W*)(?:we use cookies|this (?:web)?site uses cookies|accept (?:all )?cookies)",
    ),
    # --- photo captions and credits
    Rule("caption.open_image_gallery", "paragraph", r"^open image in gallery\b", max_chars=600),
    Rule(
        "caption.ends_with_credit",
        "paragraph",
        r"^[^\n]{0,240}?[^\W_]\s*\(\s*(?:REUTERS|AP|AFP|EPA|PA|Getty Images|Getty|Bloomberg|AP Photo[^)]{0,60}|"
        r"(?:Photo|Image|File|Foto|Bild)\b[^)]{0,60}|"
        r"[A-Z][\w .'-]{1,40}/(?:Getty Images|AP|Reuters|AFP|EPA|PA)[^)]{0,30})"
        r"\s*\)\s*\.?$",
        max_chars=300,
    ),
    # a short caption whose credit closes it: "(Brenton Geach/Gallo Images)", "[Photo: Collins Oduor, Standard]",
    # "— Foto: Wildes Barbosa/Jornal do Cerrado", "| Photo Credit: Nagara Gopal", ". Picture by Les Smith"
    Rule(
        "caption.credit_at_end",
        "paragraph",
        # every shape below needs a bracket, a bar or dash, or a "Picture/Photo by": a cheap test first
        r"^(?=[^\n]*[)\]|–—]|[^\n]*[.!?]\s+(?:Picture|Photo|Photograph|Image|Foto)s?\s)[^\n]{0,220}?(?:"
        # "(Photo: ...)" / "[Foto ...]" right after a word; after a full stop the sentence stays (span rule below)
        r"[^\W_]\s*[(\[]\s*(?i:photo|foto|fot\.|image|picture|pic|bild|imagen|imagem|crédit|credit)\b[^()\[\]\n]{0,60}"
        r"[)\]]|"
        r"[^\W_]\W{0,2}\s*[(\[]\s*(?:"
        # a person's name before the slash: "(Reuters/Ipsos poll)" closing a sentence is a source, not a credit
        r"[A-ZÀ-Ý][\w.'’-]+(?: [A-ZÀ-Ý][\w.'’-]+){1,3}\s*/\s*(?:[\w.'-]+\s){0,2}"
        r"(?:Images|Pictures|Photos?|Archive|Archives|Archivo|Arquivo|"
        r"Supplied|Stock|Pool|Getty|AP|Reuters|AFP|EPA|PA|AAP|dpa|Imago|Keystone|Shutterstock|Alamy|Anadolu|Sipa|"
        r"Netwerk24)\b[^()\[\]\n]{0,30}|"
        r"(?:Getty|Gallo|Shutterstock|Alamy|AAP|EPA|AFP|Reuters|AP|Imago|Keystone)[^()\[\]\n]{0,10}/\s*"
        r"[A-ZÀ-Ý][\w.'’-]+(?: [A-ZÀ-Ý][\w.'’-]+){1,3})"
        r"\s*[)\]]|"
        r"[^\W_]\W{0,2}\s*[|–—]\s*(?i:photo|foto|fot\.|image|picture|pic|bild|imagen|imagem)(?i:\s*credit)?s?\s*:"
        r"\s*[^\n]{2,60}|"
        r"[.!?]\s+(?:Picture|Photo|Photograph|Image|Foto)s?\s+(?:by|von|de|par)\s+[A-ZÀ-Ý][\w.'’-]+"
        r"(?:\s+[A-ZÀ-Ý][\w.'’-]+){0,3}"
        r")\s*\.?$",
        flags=0,  # names are told by their capitals
        max_chars=300,
    ),
    Rule(
        "caption.photo_credit",
        "span",
        r"\s*\((?:photo|file photo|image|picture|pic|representative (?:image|photo)|representational (?:image|photo)|"
        r"credit|foto|bild|crédit photo|imagen)\b[^()\n]{0,80}\)(?:\s*\([A-Z][A-Za-z .&/]{1,40}\))?",
    ),
    Rule(
        "caption.credit_line",
        "paragraph",
        r"^(?:\W*)(?:(?:file photo|photo|image|picture|pic|photograph|foto|bild|crédit photo|imagen|imagem|zdjęcie)"
        r"(?:\s*(?:credit|courtesy))?\s*[:|©/]|(?:fot|zdj|phot|il|nuotr|φωτ)\.\s*(?=[A-ZĀ-ŽΑ-Ω])|"
        # vi, ru/uk/bg/sr, lt, he, ar, bn, hi, sw, tr, zh, ja, ko, tl: "Ảnh: ...", "Фото: ...", "צילום: ..."
        # el "Φωτογραφία αρχείου:" (a file photo): the photo word and one qualifier
        r"φωτογραφία(?: [^\W\d_]+)?\s*:|"
        r"(?:ảnh|fotó|kép|фото|світлина|снимка|slika|nuotr\.?|צילום|تصوير|الصورة|ছবি|फोटो|तस्वीर|picha|fotoğraf|照片|"
        r"写真|사진|larawan|kuha)\s*[:|©/]|"
        r"(?:larawan|kuha) (?:mula sa|ni) (?=(?-i:[A-Z]))[^.!?\n]{1,60}$|(?:photo|picture|image) courtesy of |"
        r"picha kwa hisani ya )",
        max_chars=250,
    ),
    Rule("caption.image_source", "paragraph", r"^(?:image|media|video|photo) (?:source|caption|credit)\s*[,:]"),
    Rule(
        "caption.photo_by",
        "paragraph",
        r"^[^\n]{0,200}\b(?:photo|photograph|picture|image|foto)(?: by|:)\s*[^/\n]{2,40}/\s*"
        r"(?:Getty Images|AFP|Reuters|AP|EPA|PA|Shutterstock|Alamy|dpa|ANP|ANSA)\W{0,3}$",
        max_chars=260,
    ),
    Rule(
        "caption.getty_credit",
        "span",
        r"\s*(?:Photograph|Photo|Image)\s*:\s*[A-Z][\w .'-]{1,40}/(?:Getty Images|AP|Reuters|AFP|EPA|PA Images)\b",
        flags=0,
    ),
    # an image disclaimer: "Image used for illustrative purposes.", "Representational image", "Photo d'illustration",
    # "Imagen ilustrativa", "Symbolbild", "Foto ilustrasi"
    Rule(
        "caption.illustrative",
        "paragraph",
        r"^\W*(?:(?:the |this )?(?:image|photo|picture|pic|photograph)s?(?: is| are)?(?: used)? (?:only )?(?:for|as) "
        r"(?:an? )?(?:illustrat\w*|representat\w*)(?: purposes?| only)*|"
        r"(?:representational|representative|illustrative|illustration|stock) (?:image|photo|picture|pic)|"
        r"(?:image|photo|foto|imagen|imagem|immagine) (?:d['’]illustration|ilustrativ[ao]|illustrativa|de archivo|"
        r"de arquivo|d['’]archives|di archivio|ilustrasi|ilustracyjne|ilustračn[íé])|symbolbild|symbolfoto)\W*$",
        max_chars=80,
    ),
    # a breadcrumb trail left in a dump: "Home > News > Politics", "Asia-Pacific > Philippines", "Home / Bahrain /
    # Transport": short labels, no digit, no sentence mark; a slash only with three labels ("Kyiv/Moscow" is prose)
    Rule(
        "ui.breadcrumb",
        "paragraph",
        r"^(?:[^\W\d_][^\W\d_'’&.-]*(?:[ -][^\W\d_][^\W\d_'’&.-]*){0,3}\s+[>›»→]\s+)+"
        r"[^\W\d_][^\W\d_'’&.-]*(?:[ -][^\W\d_][^\W\d_'’&.-]*){0,3}$|"
        r"^(?:[^\W\d_][^\W\d_'’&.-]*(?: [^\W\d_][^\W\d_'’&.-]*){0,2}\s/\s){2,}"
        r"[^\W\d_][^\W\d_'’&.-]*(?: [^\W\d_][^\W\d_'’&.-]*){0,2}$",
        max_chars=80,
    ),
    # a stamp naming the site the copy was published on: "Published on NewsBridge Asia: 20 November 2026, 08:14
    # (GMT+8)"; its date is evidence
    Rule(
        "stamp.published_on_site",
        "paragraph",
        r"^(?i:(?:first |originally )?(?:published|posted))\s+(?i:on|in|at|by)\s+[A-ZÀ-Ý][\w.&'’-]*"
        r"(?:\s+[A-ZÀ-Ý][\w.&'’-]*){0,4}\s*[:|,–—-]\s*(?=[^\n]*\b(?:19|20)\d{2}\b)[^\n]{4,60}$",
        flags=0,
        max_chars=120,
        date_evidence=True,
    ),
    # --- inline related-story links
    # (not a table row: trafilatura writes tables as "| cell | cell |" lines, and their figures are article text)
    Rule("related.pipe_headline", "paragraph", r"^\|(?![^\n]*\|\s*$)\s*\S[^\n]{5,200}$"),
    Rule(
        "related.also_read",
        "paragraph",
        r"^(?:\W*)(?:also read|read more|read also|related(?: stories| articles| coverage| news)?|recommended|"
        r"more from [\w ]{2,30}|see also|must read|don't miss|trending|watch|listen|lesen sie auch|lesen sie mehr|"
        r"mehr zum thema|auch interessant|à lire aussi|lire aussi|voir aussi|lee también|leer más|te puede interesar|"
        r"leggi anche|lees ook|leia também|leia mais|czytaj też|läs också|les også|weiterlesen|read next|"
        r"mirá también|ver también|lea también|veja também|saiba mais|czytaj także|czytaj również|zobacz (?:też|także)|"
        r"przeczytaj (?:też|także)|das könnte sie auch interessieren|zum thema|à lire également|à voir aussi|"
        r"sur le même sujet|more stories|more on this story|you may also like|recommended for you|most (?:read|viewed|"
        r"popular)|trending now|top stories|related topics|mehr aus (?:der |dem )?[\w ]{2,30}|más de [\w ]{2,30}|"
        # ro, id/ms, tr, hr/bs/sr, hu, da/sv, fi, cs/sk, sl, es; "READ:" with its colon
        r"cite[sș]te [sș]i|vezi [sș]i|baca juga|baca lagi|ayr[ıi]ca (?:oku|bak[ıi]n[ıi]z)|bunu da oku|"
        r"ilgili haber(?:ler)?|pro[čc]itajte (?:i|jo[šs]|vi[šs]e)|povezane vijesti|l[áa]sd m[ée]g|"
        r"kapcsol[óo]d[óo](?: cikkek| h[íi]rek)?|olvasd el|l[æa]s ogs[åa]|l[æa]s mere|l[äa]s mer|lue my[öo]s|"
        r"[čc]t[ěe]te (?:tak[ée]|t[ée][žz])|p[řr]e[čc]t[ěe]te si|[čc][íi]tajte (?:aj|tie[žz])|preberite (?:[šs]e|tudi)|"
        r"te recomendamos|read|llegeix (?:també|tambe|més)|[čc][íi]tajte (?:viac|tie[žz]|aj)|διαβάστε (?:επίσης|ακόμη)|"
        r"lue (?:lisää|myös)|"
        # is, eu, gl, ga, cy, mt, sq, az, mk, ka, hy, kk, uz
        r"lestu (?:einnig|líka|meira)|irakurri (?:ere|gehiago)|le (?:tamén|máis)|léigh (?:tuilleadh|freisin|níos mó)|"
        r"darllenwch (?:hefyd|fwy|mwy)|aqra (?:wkoll|iktar)|lexo (?:edhe|më shumë|gjithashtu)|"
        r"həmçinin oxuyun|oxuyun həmçinin|digər xəbərlər|прочитај(?:те)? (?:повеќе|и)|ასევე წაიკითხეთ|"
        r"կարդացեք նաև|оқыңыз|сондай-ақ оқыңыз|shuningdek o['‘’]qing|"
        # ru, uk, bg, sr/hr/bs, lt, lv, et, vi, ar, he, fa, ur, hi, bn, mr, ta, sw, tl, th, zh, ja, ko
        r"читайте (?:также|тоже|ещё|еще)|смотрите также|см\. также|по теме|подробнее|читайте також|"
        r"дивіться також|за темою|по темі|още по темата|прочетете (?:още|също)|вижте (?:още|също)|четете още|"
        r"прочитајте (?:још|и)|pro[čc]itaj(?:te)? (?:i|jo[šs]|vi[šs]e)|vezane vesti|tako[đd]er pro[čc]itajte|"
        r"taip pat skaitykite|skaitykite taip pat|susiję straipsniai|lasiet arī|lasi arī|loe ka|loe lisaks|"
        r"xem thêm|đọc thêm|tin liên quan|bài liên quan|"
        r"اقرأ أيضا|اقرأ أيضًا|اقرأ أيضاً|إقرأ أيضا|إقرأ أيضاً|اقرأ المزيد|اقرأ كذلك|أخبار ذات صلة|مواضيع ذات صلة|"
        r"עוד באתר|קראו עוד|קראו גם|עוד בנושא|כתבות נוספות|بیشتر بخوانید|بخوانید|مزید پڑھیں|یہ بھی پڑھیں|"
        r"ये भी पढ़ें|यह भी पढ़ें|और पढ़ें|इसे भी पढ़ें|ये भी पढ़े|हेही वाचा|আরও পড়ুন|আরো পড়ুন|"
        r"இதையும் படிக்க|soma (?:zaidi|pia)|habari (?:zaidi|zinazohusiana)|basahin(?: din| rin| ang)?|"
        r"อ่านเพิ่มเติม|อ่านต่อ|อ่านข่าวที่เกี่ยวข้อง|ข่าวที่เกี่ยวข้อง|相关新闻|相关阅读|延伸阅读|推荐阅读|相關新聞|延伸閱讀|関連記事|관련\s?기사)"
        r"\s*(?:[:|–—>»：՝-]|\n)",
    ),
    Rule(
        "related.caps_marker",
        "paragraph",
        r"^(?:ALSO READ|READ MORE|READ ALSO|RELATED|SEE ALSO|LIRE AUSSI|À LIRE AUSSI|A LIRE AUSSI|VOIR AUSSI|"
        r"LEA TAMBIÉN|LEE TAMBIÉN|LEIA TAMBÉM|LESEN SIE AUCH|MEHR ZUM THEMA|CZYTAJ TEŻ|CZYTAJ TAKŻE|ZOBACZ TEŻ|"
        r"ZOBACZ TAKŻE|LEGGI ANCHE|LEES OOK|LÄS OCKSÅ|LES OGSÅ)\s+\S[^\n]{3,200}$",
        flags=0,
    ),
    # a list heading left alone: "Related Stories", "Most read", "Más noticias de Santiago", "See more on"
    Rule(
        "related.heading",
        "paragraph",
        r"^(?:related(?: stories| articles| news| content| coverage| topics)?|more (?:news|stories)|more on this|"
        r"see more(?: on)?|recommended(?: for you)?|you may also like|most (?:read|popular|viewed|shared)|"
        r"trending(?: now)?|top stories|latest news|editor'?s picks|"
        r"dans la même (?:section|rubrique|catégorie)|in (?:the )?same (?:section|category)|"
        r"en (?:la )?misma sección|na mesma (?:secção|seção|editoria)|nella stessa sezione|"
        r"notas relacionadas|noticias relacionadas|más noticias|lo más (?:leído|visto)|mais notícias|mais lidas|"
        r"à la une|les plus lus|plus d'actualités|plus d’actualités|sur le même sujet|meistgelesen|mehr nachrichten|"
        r"weitere artikel|najczęściej czytane|więcej wiadomości|i più letti|altre notizie|meer nieuws|meest gelezen|"
        r"temas relacionados|tópicos relacionados|sujets liés|verwandte themen|powiązane tematy|"
        r"(?:también )?te puede interesar|le puede interesar|pode te interessar|vous aimerez aussi|"
        r"das könnte sie (?:auch )?interessieren|potrebbe interessarti|read next|weiterlesen|more from [\w ]{2,30}|"
        r"povezane vijesti|povezani članci|ilgili haberler|kapcsolódó cikkek|cele mai citite|berita terkait|"
        r"artikel terkait|terpopuler|relaterte saker|relaterede artikler|relaterade artiklar|aiheesta muualla|"
        r"související články|súvisiace články|(?:alle|weitere) (?:artikel|beiträge|nachrichten) (?:zu|zum|zur|über)|"
        r"all (?:stories|articles|news) (?:on|about)|more (?:stories|articles) (?:on|about)|"
        # ru, uk, bg, sr, vi, ar, fa, tr, id, he, hi
        r"материалы по теме|новости по теме|похожие новости|другие новости|главное за день|матеріали за темою|"
        r"схожі новини|інші новини|свързани новини|още новини|повезане вести|tin liên quan|tin khác|"
        r"أخبار ذات صلة|مواضيع ذات صلة|اخبار مرتبط|مطالب مرتبط|ilginizi çekebilir|benzer haberler|"
        r"diğer haberler|berita lainnya|כתבות נוספות|संबंधित खबरें|संबंधित ख़बरें|함께 보면 좋은 기사|관련 기사|"
        r"많이 본 뉴스|추천 기사|ข่าวที่เกี่ยวข้อง|mohlo by vás zajímat|mohlo by vás zaujímať|"
        # is, eu, gl, ga, cy, mt, sq, az, ka, kk, mk, sr (Latin), hy
        r"tengdar fréttir|fleiri fréttir|lotutako (?:albisteak|berriak)|berri gehiago|novas relacionadas|máis novas|"
        r"scéalta gaolmhara|tuilleadh scéalta|straeon perthnasol|mwy o straeon|artikli relatati|aħbarijiet oħra|"
        r"lajme të ngjashme|lajme të tjera|oxşar xəbərlər|digər xəbərlər|მსგავსი სიახლეები|სხვა სიახლეები|"
        r"ұқсас жаңалықтар|басқа жаңалықтар|поврзани вести|други вести|povezane vesti|ostale vesti|"
        r"առնչվող նյութեր|այլ նորություններ)"
        r"\b[^.!?\n]{0,50}$",
        max_chars=80,
    ),
    Rule(
        "related.inline_marker",
        "span",
        r"\s*\b(?:Also Read|ALSO READ|Also read|READ MORE|Read More|Read more|READ ALSO|Read also|RELATED|Related)\s*"
        r"[:|]\s*[^\n]{5,200}?(?=\n|$)",
        flags=0,
    ),
    # --- social and app prompts
    Rule(
        "social.prompt",
        "paragraph",
        r"^(?:\W*)(?:mời (?:quý )?(?:độc giả|bạn đọc)|"  # vi: "Mời quý độc giả theo dõi ..."
        r"follow (?:us|[\w .]{2,40}) on (?:twitter|x|facebook|instagram|linkedin|tiktok|youtube|"
        r"threads|bluesky|whatsapp|telegram|google news)|like us on facebook|join (?:us|our (?:\w+ )?(?:channel|"
        r"community|group)) on|share (?:this (?:article|story)|"
        # "Share on Facebook fell to 12 percent": the noun "share" goes on with a verb, the prompt stops
        r"on (?:facebook|twitter|x|whatsapp)\b(?!\s+(?!and\b|or\b)(?-i:[a-z])))|click here to|"
        r"tap here to|(?:download|get) (?:the|our) [\w .]{0,40}app\b|(?:download|get) the app|"
        r"folgen sie uns|suivez-nous|síguenos|descarga (?:la|nuestra) app|téléchargez (?:l'|notre )app|"
        r"share this (?:article|story|page)|artikel teilen|teilen sie (?:diesen|den) artikel|"
        r"partager (?:sur|cet article)|"
        r"compartir (?:en|esta noticia|este artículo)|follow (?:[\w'’ ]{2,40} )?coverage of|volg ons|seguici su|"
        r"listen to this (?:article|story)|reuse this content|hören sie (?:diesen|den) artikel|écouter cet article)",
    ),
    Rule(
        "prompt.callout",
        "paragraph",
        r"^(?:\W*)(?:get in touch|contact us|tell us (?:about|your)|send us your|do you have (?:a story|information)|"
        r"have you been affected|share your (?:story|views|experience)|were you affected|"
        r"(?:do you have|got|have) (?:a |any )?(?:news |story )?(?:tips?|questions? or (?:a )?(?:story )?ideas?|"
        r"story ideas?)\b|masz informacje|haben sie hinweise|"
        r"masz (?:temat|newsa)|napisz do nas|write to us|email us|schreiben sie uns|écrivez-nous|escríbenos|"
        r"escreva-nos|scrivici|send us your feedback|"
        r"vous avez (?:une|des) information)\b",
    ),
    Rule(
        "prompt.link_only", "paragraph", r"^(?:follow|read|see|visit|watch|find|get|listen)\b[^\n]{0,150}https?://\S+$"
    ),
    # an author bio that tells readers how to reach the writer: "Dana Whitfield covers railroads for X. Reach her at"
    Rule(
        "bio.contact",
        "paragraph",
        r"^[A-ZÀ-Ý][\w.'’-]+(?:\s+[A-ZÀ-Ý][\w.'’-]+){1,3}\s+(?:is an? (?:[\w-]+ ){0,3}(?:journalist|reporter|"
        r"correspondent|editor|writer|columnist|producer|photographer)|covers |writes about |reports on )[^\n]{0,250}?"
        r"(?:\b(?:reach|contact|email|e-mail|follow) (?:him|her|them)\b|[\w.+-]+@[\w-]+\.[\w.]+|got a (?:story )?tip)",
        flags=0,
        max_chars=450,
    ),
    Rule(
        "meta.reading_time",
        "paragraph",
        r"^\W*(?:(?:estimated|approx\.?|about)\s+)?\d{1,3}\s*[-–]?\s*(?:min(?:ute)?s?\.?|minuten)(?:\s+(?:to )?read|"
        r"\s+de lectura|\s+de leitura|\s+lecture|\s+lesezeit|\s+czytania)?\W*$|"
        r"^\W*(?:reading time|lesezeit|lecture|tiempo de lectura|tempo de leitura|czas czytania)\s*:?"
        r"\s*\d{1,3}\s*\w*\W*$",
        max_chars=40,
    ),
    Rule(
        "meta.standards_link",
        "paragraph",
        r"^[^\n]{0,60}\b(?:journalistic|editorial) (?:standards|principles|guidelines|policies)(?: and practices)?\W*$",
        max_chars=120,
    ),
    # a source or editor credit line: "Kaynak: Ege Postası", "Editor: Dedi Supriadi", "Izvor: Hina", "Source: AFP"
    Rule(
        "meta.source_line",
        "paragraph",
        r"^(?:sources?|kaynak|sumber|izvor|forr[áa]s|surs[aă]|fonte|fuente|quelle|[źz]r[óo]d[łl]o|zdroj|kilde|k[äa]lla|"
        r"l[äa]hde|editor|edited by|editado por|redaktor|urednik|szerkeszt[őo]|penyunting|edit[öo]r|σύνταξη|"
        r"επιμέλεια|πηγή|источник|редактор|джерело|редагування|nguồn|biên tập|opracowanie)\s*:\s*"
        r"[^\n]{2,60}$",
        max_chars=80,
    ),
    # an export's field header: "Ressort: Inland | Datum: 04.05.2026"; its date is evidence
    Rule(
        "meta.dump_fields",
        "paragraph",
        r"^(?:ressort|rubrik|section|sección|rubrique|category|kategorie|datum|date|fecha|data|autor|author)\s*:"
        r"\s*[^\n|]{1,40}(?:\s*\|\s*(?:ressort|rubrik|section|sección|rubrique|category|kategorie|datum|date|fecha|"
        r"data|autor|author|quelle|source)\s*:\s*[^\n|]{1,40})+$",
        max_chars=160,
        date_evidence=True,
    ),
    # a desk credit closing the text: "(red, APA, 4.5.2026)"; its date is evidence
    Rule(
        "trailer.desk_credit",
        "paragraph",
        r"^\((?-i:[a-z]{2,5})(?:,\s*[^,()\n]{1,30}){0,3},\s*\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)\d{2}\)$",
        max_chars=80,
        date_evidence=True,
    ),
    # a wire's name alone on the last line: "Australian Associated Press", "Reuters"
    Rule("trailer.wire_name", "paragraph", rf"^(?:[-–—.…]+\s*)?(?P<wire>{_WIRE_ALT})\.?$", max_chars=40),
    # a credit word after a run of dashes or dots, closing a wire copy: "-- BERNAMA", "….PACNEWS", "- 30 -"
    Rule(
        "trailer.end_credit",
        "paragraph",
        r"^[-–—.…]{2,}\s*(?:[A-Z][A-Z&-]{1,20}|\d{1,2})\s*(?:[-–—.…]+)?$",
        flags=0,
        max_chars=30,
    ),
    Rule(
        "meta.tags",
        "paragraph",
        r"^(?:tags|topics|filed under|more on|explore more on (?:these|this) topics?|schlagwörter|themen|mots-clés|"
        r"thèmes|etiquetas|temas|argomenti|related topics|keywords|palavras-chave|tópicos|schlagworte|tagi|"
        r"słowa kluczowe|archivado en|archived in|filed in|classé dans|arquivado em|archiviato in|etichete|"
        r"etiketler|etiket|oznake|c[íi]mk[ée]k|stikkord|emneord|n[øo]kkelord|tagit|[šs]t[íi]tky|tagy|labels?)\s*:",
        max_chars=300,
    ),
    # comment widgets: "Comments are closed.", "Sign in to comment", "Be the first to comment", "12 comments"
    Rule(
        "ui.comments",
        "paragraph",
        r"^\W*(?:comments? (?:are|is|have been) (?:now )?(?:closed|disabled|off|switched off|turned off)"
        r"(?: (?:on|for) (?:this|the) (?:article|story|post|page))?|have your say|"
        r"join the (?:conversation|discussion|debate)|(?:sign|log) in to (?:comment|reply|post)|"
        r"be the first to comment|no comments yet|leave a (?:comment|reply)|add a comment|(?:view|show|load|read) "
        r"(?:all )?(?:\d+ )?comments?|\d+ comments?|"
        # a comment counter in other languages: "Komentarji (12)", "Комментарии 5", "12 bình luận"
        r"(?:\d+\s+)?(?:komentarji|komentarze|komentari|komentáře|komentáre|komentarai|kommentare|kommentarer|"
        r"kommentit|kommentaarid|commentaires|comentarios|comentários|commenti|reacties|hozzászólások|yorumlar|"
        r"comentarii|комментарии|коментарі|коментари|σχόλια|bình luận|تعليقات|התגובות|תגובות|মন্তব্য|टिप्पणियां|"
        r"maoni|komentar)(?:\s*[(\[]?\d+[)\]]?)?|"
        # write-a-comment prompts
        r"yorum (?:yaz|yapın|ekle)\w*|напишите комментарий|оставьте комментарий|залиште коментар|"
        r"napi[šs]te (?:komentar|koment[áa]ř)|napisz komentarz|اكتب تعليق\w*|أضف تعليق\w*|viết bình luận)\W*$",
        max_chars=60,
    ),
    # "share on <platform>" alone: "Sdílet na Facebooku", "Partajează pe WhatsApp", "Поделиться в Telegram"
    Rule(
        "ui.share_on",
        "paragraph",
        r"^\W*(?:share|sdílet|zdieľať|udostępnij|partajează|distribuie|megosztás|poszt|поделиться|поділитися|"
        r"compartilhar|compartilhe|compartir|condividi|teilen|partager|delen|dela|del|jaa|paylaş|bagikan|chia sẻ|"
        r"شارك|שתפו|공유)\s+(?:\w{1,3}\s+)?(?:facebook\w*|twitter\w*|x|whatsapp\w*|telegram\w*|linkedin\w*|"
        r"e-?mail\w*|messenger|viber|courriel|correo(?: electrónico)?|sms)\W*$",
        max_chars=60,
    ),
    # an age rating or an e-mail address alone on its line: "18+", "ms@yna.co.kr"
    Rule("ui.age_or_address", "paragraph", r"^(?:\d{1,2}\+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)$", max_chars=60),
    # a gallery counter: "Image 1 of 3", "Foto 2 de 12", "Bild 3 von 8", "1/5"
    Rule(
        "ui.gallery_counter",
        "paragraph",
        r"^(?:[^\W\d_]+\s)?\d{1,3}\s?(?:of|de|von|di|sur|z|av|af|van|/)\s?\d{1,3}$",
        max_chars=30,
    ),
    Rule(
        "disclaimer.external_links",
        "paragraph",
        r"^[^\n]{0,80}\b(?:is|are) not responsible for the content of external (?:sites|websites|links|pages)",
        max_chars=200,
    ),
    # --- advertisement markers
    Rule(
        "ad.marker",
        "paragraph",
        r"^(?:\W*)(?:advertisement|advertising|sponsored(?: content)?|ad|ads|anzeige|werbung|publicité|publicidad|"
        r"publicidade|pubblicità|advertentie|annonce|annons|annonse|reklama|reklam|reklame|reklamă|hirdetés|"
        r"mainos|oglas|inzerce|iklan|διαφήμιση|διαφημιση|реклама|publicitat|"
        r"continua (?:depois|após) (?:da )?publicidade|contin[uú]a (?:despu[eé]s de|tras) la publicidad|"
        r"la suite après (?:cette )?(?:la )?publicité|weiter nach der anzeige|czytaj dalej pod reklamą|"
        r"продолжение (?:после|ниже) рекламы|quảng cáo|إعلان|اعلان|פרסומת|תוכן שיווקי|"
        r"বিজ্ঞাপন|विज्ञापन|اشتہار|تبلیغات|آگهی|โฆษณา|广告|廣告|広告|광고|tangazo|matangazo|patalastas|reklāma|"
        r"reklaam|sponzorirano|sponsorowane|sponzorováno|спонсорирано|"
        # the advertisement word of the other languages langdetect names: sq, af, cy, so, ta, te, kn, ml, mr, gu, pa
        r"reklamë|advertensie|hysbyseb|xayeysiis|விளம்பரம்|ప్రకటన|ಜಾಹೀರಾತು|പരസ്യം|जाहिरात|જાહેરાત|ਇਸ਼ਤਿਹਾਰ|"
        # and of further languages py3langid names: sr/mk, ga, eu, is, kk/ky, ka, hy, be, mn, mt
        r"оглас|огласи|fógra|iragarkia|publizitatea|auglýsing|жарнама|რეკლამა|գովազդ|рэклама|сурталчилгаа|"
        r"reklamm|"
        r"(?:hide|skip|close) (?:this )?ad|remove ads|"
        r"story continues below(?: this)?(?: advertisement| ad)?|continue reading below|scroll to continue(?: with "
        r"content)?|article continues (?:below|after (?:this )?advertisement))\W*$",
    ),
    Rule(
        "ad.inline_marker",
        "span",
        r"(?<=[.!?\"”’])\s+(?:ADVERTISEMENT|Advertisement|Anzeige|Publicité)(?=\s+[A-Z\"“])",
        flags=0,
    ),
    # an aggregator's credit, often inside the copyright line: "Distributed by AllAfrica Global Media"
    Rule(
        "trailer.distributed_by",
        "paragraph",
        r"^[^\n]{0,160}?\b(?:distributed|syndicated|provided) by (?P<syndicator>[A-Z][\w-]{1,30})",
        max_chars=400,
    ),
    # --- copyright lines
    Rule(
        "copyright.line",
        "paragraph",
        # a rights word of any language before "© year" ("Karapatang-ari © 2026 Bikol Ngayon"); only with a year,
        # so a photo credit ("Foto © Jane Doe") names no holder
        r"^(?:\W*)(?:[^\W\d_][\w'’-]{1,24}\s+(?=[©ⓒ]\s*\d{4}))?"
        r"(?:riproduzione riservata\s*)?(?:(?:©|ⓒ|\(c\)|copyright\s*(?:©|\(c\))|copyright\s+(?=\d{4}))\s*"
        r"(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
        r"(?P<holder>[^\n.]{0,80})|"
        r"all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|"
        r"riproduzione riservata|alle rechten voorbehouden|"
        # ru, uk, bg, sr/hr, sl, lt, lv, et, vi, ar, he, bn, hi, zh, tr, id, pl, cs, sk, ro, hu, fi, da, sv, no, pt,
        # it, el, ca, sw
        r"все права защищены|усі права захищені|всички права запазени|сва права задржана|sva prava (?:zadržana|"
        r"pridržana)|vse pravice pridržane|visos teisės saugomos|visas tiesības aizsargātas|kõik õigused kaitstud|"
        r"bản quyền thuộc về|جميع الحقوق محفوظة|كل الحقوق محفوظة|جميع حقوق النشر محفوظة|כל הזכויות שמורות|"
        r"সর্বস্বত্ব সংরক্ষিত|सर्वाधिकार सुरक्षित|版权所有|著作権|무단 전재|hak cipta dilindungi|tüm hakları saklıdır|"
        r"wszelkie prawa zastrzeżone|všechna práva vyhrazena|všetky práva vyhradené|toate drepturile rezervate|"
        r"minden jog fenntartva|kaikki oikeudet pidätetään|alle rettigheder forbeholdes|alla rättigheter "
        r"förbehållna|alle rettigheter reservert|todos os direitos reservados|tutti i diritti riservati|"
        r"με επιφύλαξη παντός δικαιώματος|tots els drets reservats|haki zote zimehifadhiwa|"
        r"저작권자\s*(?:\(c\)|ⓒ|©)|무단\s?전재|все права на материалы (?:сайта )?защищены|"
        r"حقوق النشر محفوظة|کلیه حقوق|تمامی حقوق|جملہ حقوق محفوظ)",
        max_chars=300,
    ),
    # a reuse notice: "ELTA primena, kad naudojant ELTA informaciją būtina nurodyti šaltinį", "При использовании
    # материалов ссылка на ТАСС обязательна", "This material may not be published, broadcast, rewritten or
    # redistributed"
    Rule(
        "copyright.reuse_notice",
        "paragraph",
        r"^[^\n]{0,80}?(?:may not be (?:published|reproduced|copied), broadcast|"
        r"(?:ссылка|гиперссылка) на [^\n]{1,60} обязательна|посилання на [^\n]{1,60} обов.язкове|"
        r"būtina nurodyti šaltinį|je obvezno navesti vir|obavezno navesti izvor|"
        r"(?:při|pri) (?:použití|citovaní|přebírání)[^\n]{1,60}(?:uvedení|uveďte) zdroj|"
        # ky, kk, tg, uz, az: "... шилтеме милдеттүү", "... сілтеме міндетті", "... истинод ба манбаъ ҳатмист"
        r"шилтеме (?:берүү )?милдеттүү|сілтеме (?:жасау )?міндетті|истинод ба манбаъ (?:ҳатмист|ҳатмӣ аст)|"
        r"havola (?:berish )?(?:majburiy|shart)|istinad (?:edilməsi )?(?:mütləqdir|vacibdir|zəruridir)|"
        # mn: "... зөвшөөрөлгүйгээр хуулбарлан нийтлэхийг хориглоно" (copying without permission is forbidden)
        r"зөвшөөрөлгүй(?:гээр)? [^\n]{0,60}хориглоно)",
        max_chars=300,
    ),
    # the typo-report widget of Cyrillic news sites: "Нашли ошибку? Выделите текст и нажмите Ctrl+Enter"
    Rule("ui.typo_report", "paragraph", r"^[^\n]{0,120}\bctrl\s?\+\s?enter\b", max_chars=160),
    Rule(
        "copyright.inline",
        "span",
        r"\s*\(\s*(?:©|copyright)\s*\d{4}[^()\n]{1,100}?(?:all rights reserved|alle rechte vorbehalten)\.?\s*\)",
    ),
    # --- trailers
    # "This report by The Canadian Press was first published Feb. 19, 2026.", "This story was originally published
    # by the Mountain West Report, ...", and their fr/es/pt/de forms; the outlet and the date are evidence
    Rule(
        "trailer.first_published",
        "paragraph",
        r"^\W*(?:this (?:report|story|article|piece|content|text)"  # "first" or "originally": "The report was
        r"(?: by (?:the )?(?P<outlet>[A-Z][^\n]{1,60}?))? (?:was|has been|is) (?:first|originally) "  # published..."
        r"(?:published|posted|produced|written|reported)|"
        r"(?:ce|cet) (?:texte|article|reportage) a (?:d'abord|d’abord|initialement|été initialement|"
        r"originellement|été originellement) (?:été )?publié|"
        r"este (?:artículo|texto|reportaje) (?:fue|se) (?:publicado|publicó) (?:originalmente|por primera vez)|"
        r"este (?:artículo|texto|reportaje) (?:fue|se) (?:originalmente|inicialmente) publicado|"
        r"este (?:artigo|texto) foi (?:publicado originalmente|originalmente publicado)|"
        r"dieser (?:artikel|text|beitrag) (?:erschien|ist) (?:zuerst|ursprünglich)|"
        r"dieser (?:artikel|text|beitrag) wurde (?:zuerst|ursprünglich) (?:veröffentlicht|publiziert)|"
        r"questo (?:articolo|testo) è stato (?:pubblicato originariamente|originariamente pubblicato|"
        r"pubblicato per la prima volta)|"
        r"dit (?:artikel|stuk) (?:verscheen eerder|is eerder gepubliceerd|werd eerder gepubliceerd)|"
        r"ten (?:artykuł|tekst) (?:ukazał się pierwotnie|został pierwotnie opublikowany))"
        r"(?: (?:by|par|por|dans|en|em|no|na|bei|in|im|on) (?:the )?"
        r"(?P<outlet2>[A-ZÀ-Ý][^,.;\n(]{1,60}?)(?=[,.;(]|\s+(?:on|in|and|under|with|le|el|em|am)\b|$))?"
        r"[^\n]{0,300}$",
        max_chars=420,
        date_evidence=True,
    ),
    # funding notes: "Ce contenu a été produit avec l'aide financière des Bourses de Meta ...",
    # "This story was produced with support from ...", "This coverage is made possible by ..."
    Rule(
        "trailer.funding",
        "paragraph",
        r"^\W*(?:this (?:story|article|content|coverage|reporting) (?:was|is|has been) "  # not "this project was..."
        r"(?:produced|made possible|supported|funded|written|reported)(?: in part)? (?:with|by|through|thanks to|in)|"
        r"(?:ce|cet) (?:contenu|texte|reportage|article) a été (?:produit|réalisé|rendu possible) (?:avec|grâce)|"
        r"este (?:contenido|artículo|reportaje) (?:fue|ha sido) (?:producido|realizado|financiado)|"
        r"dieser (?:artikel|beitrag|text) (?:wurde|entstand) (?:mit|durch|gefördert|im rahmen)|"
        # "LDR is local body journalism co-funded by RNZ", "Our reporting is supported by a grant from ..."
        r"[^\n.]{0,60}\b(?:journalism|reporting|coverage|newsroom)\b[^\n.]{0,40}\b(?:is|are)?\s?(?:co-)?"
        r"(?:funded|supported|made possible|underwritten) (?:in part )?(?:by|through|thanks to))",
        max_chars=400,
    ),
    # aggregator trailers: "Read the original article on Vanguard.", "Distributed by AllAfrica Global Media"
    Rule(
        "trailer.read_original",
        "paragraph",
        r"^\W*(?:read|view|see) the (?:original|full) (?:article|story|report) (?:on|at|in|from) (?:the )?"
        r"(?P<outlet>[A-Z][^\n]{1,60}?)\.?$",
        max_chars=120,
    ),
    Rule(
        "trailer.with_files",
        "paragraph",
        r"^\W*(?:with files from|with reporting from|con información de|avec des informations de|mit material von)"
        r"\s[^\n]{2,160}$",
        max_chars=200,
    ),
    # agency sign-offs: editor initials "kw/ mok/ mhr/", "(Schluss) sto/mk", end markers "(END)", "(Ende)"
    Rule(
        "trailer.agency_signoff",
        "paragraph",
        r"^\(?(?:schluss|ende|end|ends|fin|fine|koniec)\)?\.?(?:\s+(?-i:[a-ząćęłńóśźż]{2,4})(?:/\s*(?-i:[a-ząćęłńóśźż]{2,4}))*/?)?$"
        r"|^(?-i:[a-ząćęłńóśźż]{2,4})(?:/\s*(?-i:[a-ząćęłńóśźż]{2,4}))*/\s*(?-i:[a-ząćęłńóśźż]{2,4}/?)?$"
        r"|^(?-i:[a-ząćęłńóśźż]{2,4})/(?-i:[a-ząćęłńóśźż]{2,4})$"
        r"|^(?-i:[a-z]{2,4}-[a-z]{2,4})(?:/(?-i:[a-z]{2,4}))+$"  # "sda-mm/ps"
        r"|^(?-i:[a-z]{2,3})(?: (?-i:[a-z]{2,3})){1,3}$",  # "jw ksl": a line of lower-case initials
        max_chars=60,
    ),
    Rule(
        "trailer.wire_signoff",
        "paragraph",
        rf"^(?P<outlet>{_WIRE_ALT})/(?-i:[a-z]{{2,4}})(?:/(?-i:[a-z]{{2,4}}))*$",  # "APP/ask/mah"
        max_chars=40,
    ),
    # "Get Latest India News along with ...", "Catch all the City News ... on Live Ledger."
    Rule(
        "promo.catch_latest",
        "paragraph",
        r"^(?![^\n]*\b(?:said|says|told)\b)\W*(?:get|catch) (?:all )?(?:the )?[^\n]{0,120}?\blatest\b"
        r"[^\n]{0,120}?\b(?:news|headlines|updates)\b"
        r"(?:[^\n]{0,150}?\b(?:on|at) (?P<outlet>(?-i:[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,3}))\.?$)?",
        max_chars=300,
    ),
    Rule("trailer.with_inputs", "paragraph", r"^\(\s*with (?:[\w-]+ )?inputs?(?: from [^)]{1,60})?\s*\)\.?$"),
    Rule(
        "trailer.reporting_by",
        "paragraph",
        # "by" must be followed by capitalised names and then the end, a ";", "," "and" or "in": that is a credit
        # line ("Reporting by Jane Doe in London; Editing by ..."), not a sentence ("Reporting by locals showed...")
        r"^\(?\s*(?:additional )?(?:reporting|writing|editing|compiled|research|graphics)(?: and (?:writing|editing))? "
        r"by (?-i:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})(?:(?:\s*[,;]|\s+and|\s+in)\s[^\n]{0,250})?\)?\.?$",
    ),
    Rule(
        "trailer.contributed",
        "paragraph",
        r"^[^\n]{0,160}\b(?:contributed (?:to )?(?:this )?(?:report|reporting|story)|trug(?:en)? zu diesem "
        r"bericht bei)\.?\)?$",
        max_chars=200,
    ),
    Rule(
        "trailer.syndicated_feed",
        "paragraph",
        r"^\(?\s*(?:\(?disclaimer:?\)?\s*)?(?:this (?:story|article|report|content) (?:has been|was|is) "
        r"(?:auto-generated|auto generated|published|generated|not been edited|sourced)|except for the headline"
        r"(?:[^\n]*?\bby (?P<outlet>[\w&.' -]{2,40}?) staff)?|"
        r"only the headline (?:has been|was) changed|\(?this is an auto-generated|the views expressed|"
        r"disclaimer\s*:|dieser (?:artikel|text) wurde (?:automatisch|maschinell))",
        max_chars=400,
    ),
    Rule(
        "trailer.syndicated_feed_inline",
        "span",
        r"\s*\((?:this (?:story|article)|except for the headline)[^()\n]{10,250}(?:syndicated|wire|agency) feed"
        r"[^()\n]{0,80}\)",
    ),
    # "(Reuters)", "(共同通信)" alone: the wire is evidence of the source of a bare wire copy
    Rule("trailer.wire_credit", "paragraph", rf"^[(\[（]\s*(?P<wire>{_WIRE_ALT})\s*[)\]）]\.?$"),
    # an end marker glued to the last sentence: "... this year. Enditem", "... on Monday. (END)"
    Rule(
        "trailer.end_marker_inline",
        "span",
        r"(?<=[.!?\"”])\s+(?:Enditem|ENDITEM|\(END\)|\(ENDS?\)|-END-|\(Ende\)|\(Fin\)|\(Fim\)|\(Koniec\))\s*$",
        flags=0,
    ),
    Rule("trailer.menafn_id", "paragraph", r"^MENAFN\d{6,}\w*$"),
    # an editor credit in brackets: "【责任编辑：李明】", "（編集：山田）"
    Rule(
        "meta.cjk_editor",
        "paragraph",
        r"^[【（(\[]\s*(?:责任编辑|責任編輯|编辑|編集|责编)\s*[：:]"
        r"[^】）)\]\n]{1,20}[】）)\]]$",
        max_chars=40,
    ),
    # an end phrase of a wire copy: IRNA "انتهای پیام", Arabic "انتهى", "/انتهى/"
    Rule("trailer.end_phrase", "paragraph", r"^[\W_]*(?:انتهای پیام|انتهى|النهاية|پایان)[\W_]*$", max_chars=30),
    # a tip line: "제보는 카카오톡 okjebo", "Tips: tips@outlet.com"
    Rule("prompt.tip_line", "paragraph", r"^(?:제보는|제보\s?:|情報提供|爆料)[^\n]{1,60}$", max_chars=80),
    # wire funding disclaimers: "The Associated Press receives support from ... The AP is solely responsible for
    # all content.", "Find AP's standards for working with philanthropies ... at AP.org."
    Rule(
        "trailer.wire_funding",
        "paragraph",
        r"^(?:the )?(?:associated press|ap)(?:['’]s [\w ,'’-]{2,60}? coverage)? receives (?:financial )?support from"
        r"|^find ap['’]s standards for working with philanthropies|^(?:the )?ap is solely responsible for all content",
        max_chars=400,
    ),
    # a caption closed by an agency credit in capitals and a photographer: "... on November 18, 2026.
    # REUTERS/Thomas Mukoya", "... Kyiv. AFP/Getty Images"; the agency must be one of the photo agencies
    Rule(
        "caption.agency_credit",
        "paragraph",
        r"^[^\n]{10,260}[.!?]\s+(?:REUTERS|AFP|EPA(?:-EFE)?|ANP|DPA|XINHUA|ANADOLU|AAP|PA|AP PHOTO|AP Photo|"
        r"Anadolu Agency)(?:\s*/\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})+(?:\s*/\s*File(?: Photo)?)?\s*$",
        flags=0,
        max_chars=320,
    ),
    # the Guardian's age label, WordPress share and like widgets, "continue reading" and ad notices
    Rule(
        "ui.widget",
        "paragraph",
        r"^(?:this (?:article|story|content) is more than (?:\d+|an?|one|two|three|four|five|six|\w+) "
        r"(?:years?|months?) old|click to (?:share|print|email)[^\n]{0,60}\(opens in new window\)|"
        r"like this:?\s*like loading\W*|share this:?|continue reading (?:the main story|below)|"
        r"advertisement\s*[-–—:]\s*(?:scroll|continue)[^\n]{0,40}|open this photo in gallery:?|"
        r"explore more on these topics|save (?:articles|stories) to read later[^\n]{0,80}|"
        r"[A-Z][\w ]{1,30} and news agencies|thank you for supporting (?:local |independent )?journalism\W*)$",
        max_chars=200,
    ),
    # a reading-time label: "Lesedauer: 2 Minuten", "Temps de lecture : 3 min", "Reading time: 4 minutes"
    Rule(
        "ui.read_time",
        "paragraph",
        r"^(?:reading time|read time|lesedauer|lesezeit|temps de lecture|tiempo de lectura|tempo de leitura|"
        r"tempo di lettura|leestijd|czas czytania|doba čtení|lukuaika|lästid|læsetid|lesetid|время чтения|"
        # with its colon: without one ("Lukuaika 3 min") the counter shape takes it (boilerplate_shapes.py)
        r"час читання|okuma süresi|waktu baca|olvasási idő|timp de citire)\s*:\s*(?:ca\.\s*|~\s*)?\d{1,3}\s*"
        r"[^\W\d_]{0,12}\.?$",
        max_chars=60,
    ),
    # a video, audio or photo promo: a media label and a headline, never closed like a sentence
    Rule(
        "promo.media_label",
        "paragraph",
        r"^\W{0,2}(?:video|vídeo|vidéo|videó|wideo|відео|видео|audio|gallery|photo gallery|in pictures|photos|fotos|"
        r"galer[ií]a|fotogaler\w*|bildergalerie|podcast)\s*[:|–—]\s*[^\n]{5,120}(?<![.!?])$",
        max_chars=140,
    ),
    # a comment form's notice, as blog and news software prints it under every story
    Rule(
        "ui.comment_form",
        "paragraph",
        r"^(?:your email address will not be published|required fields are marked|"
        r"tu (?:direcci[oó]n de )?correo electr[oó]nico no (?:ser[aá] publicad[oa]|se publicar[aá])|"
        r"o seu (?:endere[cç]o de )?e-?mail n[aã]o ser[aá] publicado|"
        r"votre adresse (?:e-?mail|de messagerie) ne sera pas publi[ée]e|"
        r"deine e-mail-adresse wird nicht ver[öo]ffentlicht|ihre e-mail-adresse wird nicht ver[öo]ffentlicht|"
        r"il tuo indirizzo email non sar[aà] pubblicato|je e-mailadres wordt niet gepubliceerd|"
        r"tw[oó]j adres e-?mail nie zostanie opublikowany|alamat email anda tidak akan dipublikasikan|"
        r"e-posta adresiniz yay[ıi]nlanmayacak|you must be (?:logged|signed) in to (?:post|leave) a comment)",
        max_chars=200,
    ),
    # --- generic, conservative classifiers (transforms/boilerplate_classes.py), tried last
    Rule("classify.stamp", "classifier", "stamp"),
    Rule("classify.relative_stamp", "classifier", "relative_stamp"),
    Rule("classify.call_to_action", "classifier", "call_to_action"),
    Rule("classify.ui_label", "classifier", "ui_label"),
    Rule("classify.social_line", "classifier", "social_line"),
    Rule("classify.contact_line", "classifier", "contact_line"),
)
