"""Generic paragraph classifiers: boilerplate recognised by its structure and vocabulary, not by a named template.

Rules in `boilerplate_rules.py` name families by their wording; these classifiers catch members of three families
whose wording varies too much between outlets and languages for one pattern, each with recall guards:

- `call_to_action`: a short paragraph that addresses the reader with an imperative call to act ("Receba as notícias
  no seu WhatsApp. Clique aqui", "Seguinos en Instagram", "Écoutez notre balado", "Listen now on Apple Podcasts")
  AND names a channel or product of the outlet (newsletter, app, podcast, WhatsApp, subscription...) or a link
  ("here", "aqui", "ici"). Never when the paragraph quotes or reports speech ("said", quotation marks): that is
  an article sentence about an app, not a prompt.
- `ui_label`: a short paragraph made only of interface words ("COMMENTS", "SHARE", "Artikel merken",
  "Republish this story", "Kommentare (14) - Jetzt mitdiskutieren!").
- `stamp`: a short paragraph that is only a date or time stamp, with stamp words, an upper-case place or an
  agency ("Posted Wednesday, March 18, 2026 4:55 pm", "04.03.2026 11:23 | APA", "HYDERABAD, April 23, 2026 22:41
  IST", "Atualizado há 2 horas"). Its date is evidence for `published_date` (see `stamp_date`).

Each classifier is a pure function `str -> bool`; rules of kind `classifier` name them (see `CLASSIFIERS`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re

CTA_MAX_CHARS = 320  # prompts are one or two short sentences; longer paragraphs are article prose
CTA_BARE_CHARS = 60  # "Subscribe now, don't miss a thing!": a bare subscribe call is one short line
UI_MAX_CHARS = 80  # interface labels are a few words ("Corrections and clarifications | Submit a news tip")
STAMP_MAX_CHARS = 120  # a date line with place, agency and time stays well under this
STAMP_SHORT_CHARS = 60  # a date line with words we have no list for must be shorter: a place or a name, no clause
MONTH_MIN_CHARS = 3  # CLDR month names shorter than this ("Mé" and the like) read too many words as months
STAMP_MAX_OTHER_WORDS = 3  # "Mert Aydoğan Yayınlanma: 12.09.2026": a two-word name and a stamp word at most

# An imperative call to act opening a clause (start, after . ! ? : or after a short fronted phrase and a comma).
# Verb forms are the imperative of each language, with the object or particle a prompt uses, so that indicative
# prose ("Download speeds fell", "El alcalde recibe...") does not match.
_IMPERATIVE = (
    r"(?:sign (?:up|in)|log in|subscribe(?: now| today| here| to| for)?|register (?:now|today|here|for)|"
    r"download (?:the|our|it|now|free|here)|get (?:the|our) (?:[\w&'’-]+ ){0,4}(?:app|newsletter|podcast)|"
    r"become an? (?:[\w-]+ ){0,2}(?:member|subscriber|supporter|donor|patron)|"
    r"listen (?:now|here|on|to (?:the|our|this))|follow (?:us|the|@)|join|"
    r"click (?:here|the)|tap (?:here|the)|keep up to date|stay (?:up to date|informed)|create (?:a|your) (?:free )?"
    r"account|read (?:more|the full)|watch (?:now|the full|our)|donate (?:now|today|here)|share (?:this|your|it\b)|"
    # pt
    r"assine|receba|clique|cadastre-se|baixe|siga(?:-nos)?|ouça|inscreva-se|acesse|entre no|"
    # es (voseo and tuteo)
    r"suscrib[ií]te|suscribite|reg[ií]strate|inici[aá] sesi[oó]n|rec[ií]b[ií]|recibe|seguinos|s[ií]guenos|"
    r"descarg[aá]|escuch[aá]|hac[eé] clic|haz clic|unite|[uú]nete|s[ií]ganos|[uú]nase|suscr[ií]base|descargue|"
    r"escuche|"
    # fr
    r"abonnez-vous|inscrivez-vous|[ée]coutez|t[ée]l[ée]chargez|suivez-nous|rejoignez|cliquez|partagez|"
    r"connectez-vous|d[ée]couvrez|recevez|"
    # de
    r"abonnieren sie|jetzt (?:abonnieren|registrieren|anmelden|testen|lesen|herunterladen|hören|folgen)|"
    r"registrieren sie|melden sie sich|folgen sie|h[öo]ren sie|laden sie|klicken sie|"
    # pl
    r"subskrybuj|kup (?:dost[eę]p|subskrypcj\w*|prenumerat\w*)|"
    r"zapisz si[eę]|pobierz|obserwuj|do[lł][aą]cz|kliknij|pos[lł]uchaj|zaloguj si[eę]|"
    r"zarejestruj si[eę]|"
    # it, nl
    r"abbonati|iscriviti|scarica|seguici|ascolta|clicca|registrati|accedi|abonneer|schrijf je in|volg ons|"
    r"luister|klik|meld je aan|word lid|"
    # ca, fi, sk, el, and "bookmark our homepage"
    r"subscriu-te|tilaa|prihláste sa|odoberajte|εγγραφείτε|bookmark (?:our|this|us)|"
    # da, no, sv
    r"tilmeld dig|meld deg på|meld dig på|prenumerera|abonnér|abonner på|følg os|følg oss|följ oss|hent appen|"
    r"ladda ner|last ned|download appen|"
    # ru, uk, bg, sr/hr/bs, sl, lt, lv, et
    r"подпишитесь|подписывайтесь|присоединяйтесь|скачайте|следите за|читайте нас|слушайте|"
    r"підпишіться|підписуйтесь|приєднуйтесь|завантажте|стежте за|слідкуйте за|читайте нас|"
    r"абонирайте се|последвайте|изтеглете|присъединете се|"
    r"pretplatite se|preuzmite|pridružite se|pratite nas|naročite se|prijavite se|sledite nam|prenesite|"
    r"užsiprenumeruokite|prenumeruokite|sekite mus|atsisiųskite|prisijunkite|abonē|sekojiet|telli|liitu|"
    # ro, hu, tr, id/ms, tl, sw
    r"abonează-te|abonați-vă|urmărește-ne|urmăriți-ne|descarcă|iratkozz(?:on)? fel|kövess(?:en)? minket|kövesse|"
    r"töltsd le|abone ol(?:un)?|takip edin|indirin|katılın|berlangganan|langganan|ikuti kami|unduh|gabung|"
    r"mag-subscribe|i-follow|i-like|laai (?:ons|die)|i-download|sumali|jiunge|jisajili|pakua|tufuate|"
    # mt, ka, kk, hy
    r"segwina|segwuna|abbona|irreġistra|niżżel|გამოიწერეთ|გამოგვყევით|жазылыңыз|бізді|բաժանորդագրվեք|հետևեք մեզ|"
    # vi, ar, he, fa, ur, hi, bn
    r"đăng ký|theo dõi|tải ứng dụng|tham gia|nhấn vào|"
    r"اشترك|اشتركوا|تابعونا|تابعوا|حمّل|حمل تطبيق|انضم|انضموا|سجّل|"
    r"הירשמו|הצטרפו|עקבו|הורידו|"
    r"عضو شوید|دنبال کنید|سبسکرائب کریں|فالو کریں|"
    r"सब्सक्राइब करें|फॉलो करें|डाउनलोड करें|जुड़ें|सदस्यता लें|"
    r"সাবস্ক্রাইব করুন|ফলো করুন|যুক্ত হোন|"
    # zh, ja, ko (no word spaces: the verb alone opens the prompt)
    r"关注我们|订阅|下载|フォローして|登録して|구독하세요|팔로우하세요"
    r")"
)
_CLAUSE_START = r"(?:^|[.!?:]\s+|^[^.!?\n]{1,45},\s+)\W{0,2}"
# the verb ends at a word's end; Indic words may end in a vowel sign, which is no \w
_CTA_VERB = re.compile(_CLAUSE_START + _IMPERATIVE + r"(?:\b|(?<=[\u0900-\u0dff])(?!\w))", re.I)
_SUBSCRIBE_OPENING = re.compile(
    r"\W{0,2}(?:subscribe(?: now| today)?|abone ol(?:un)?|подпишитесь|підпишіться|abonează-te|berlangganan|"
    r"suscr[ií]bete|abonnez-vous|assine(?: já)?|abbonati|abonneer|pretplatite se|naročite se|"
    r"užsiprenumeruokite|اشترك(?:وا)?(?: الآن)?|הירשמו|jisajili|mag-subscribe)(?:\b|(?!\w))[^.?\n]{0,50}!?$",
    re.I,
)
# What a prompt sells or points at: the outlet's channels and products, or the reader.
_CTA_OBJECT = re.compile(
    r"\b(?:newsletters?|inbox|podcasts?|episodes?|apps?|app store|google play|"
    r"(?:whatsapp|telegram|instagram|facebook|tiktok|youtube|linkedin|spotify)\w*|channels?|"
    r"aplica(?:tivo|ción|ção|cja|cję|cji)|appli(?:cation)?|applicazione|subscribers?|subscriptions?|account|free trial|"
    r"unlimited access|registered users|e-?mail|here|members?|membership|"
    r"assinantes?|assinatura|acesso ilimitado|canal|aqui|"
    r"suscriptor(?:es)?|suscripci[oó]n|aqu[ií]|"
    r"abonn[ée]e?s?|abonnement|balado|infolettre|courriel|ici|"
    r"abo|abonnent(?:en)?|kanal|konto|hier|"
    r"prenumerat\w*|subskrypcj\w*|subskrybent\w*|kana[lł]\w*|tutaj|grup\w*|groups?|"
    r"abbonament\w*|canale|qui|butllet[íi]|uutiskirje\w*|newslett\w*|homepage|sähköpost\w*|"
    # ru/uk/bg/sr, sl/hr, lt, vi, ar, he, hi, bn, sw, tr, id
    r"рассылк\w*|розсилк\w*|бюлетин\w*|бюлетен\w*|канал\w*|приложени\w*|застосунк\w*|додат\w*|новин\w*|"
    r"новости|e-novic\w*|novičnik\w*|aplikacij\w*|naujienlaišk\w*|programėl\w*|naujien\w*|"
    r"bản tin|ứng dụng|kênh|النشرة|نشرتنا|تطبيق\w*|قناة|قناتنا|ניוזלטר|אפליקצי\w*|ערוץ|בערוץ|לערוץ|"
    r"न्यूज़लेटर|न्यूजलेटर|ऐप|चैनल|নিউজলেটার|অ্যাপ|চ্যানেল|jarida|programu|habari|bülten\w*|uygulama\w*|"
    r"berita|hírlev\w*|toep\w*|nyhedsbrev\w*|nyhetsbrev\w*|appen)\b",
    re.I,
)
# Reported speech or a quotation: an article sentence, never a prompt.
_SPEECH = re.compile(
    r"[\"“”«»„]|\b(?:said|says|told|according to|announced|dijo|afirm[oó]|seg[uú]n|disse|afirmou|segundo|"
    r"a d[ée]clar[ée]|a dit|selon|sagte|sagt|laut|powiedzia[lł]a?|m[oó]wi[lł]a?|ha detto|secondo|zei|"
    r"сказал\w*|заявил\w*|сказав|заявив|каза|заяви|rekao|rekla|je dejal\w*|sakė|cho biết|nói|قال|قالت|אמר|"
    r"אמרה|ने कहा|বলেন|alisema|sinabi|dedi|kata)\b",
    re.I,
)


# "Want to read more? Subscribe now.", "Enjoy this story? Share it.": a short question, then a bare imperative
_ASK_THEN_ACT = re.compile(r"^[^.!?\n]{3,60}\?\s+" + _IMPERATIVE + r"\b[^.!?\n]{0,30}[.!]?$", re.I)
ASK_MAX_CHARS = 100  # the question and the imperative are a few words each


def is_call_to_action(para: str) -> bool:
    # the verb first: it is the rarest of the three tests on prose, so most paragraphs fail after one scan
    if len(para) > CTA_MAX_CHARS or not _CTA_VERB.search(para) or _SPEECH.search(para):
        return False
    if len(para) <= ASK_MAX_CHARS and _ASK_THEN_ACT.match(para):
        return True
    # a subscribe imperative opening a short line is a prompt on its own: "Abone olun, gündemi kaçırmayın!"
    return bool(_CTA_OBJECT.search(para) or (len(para) <= CTA_BARE_CHARS and _SUBSCRIBE_OPENING.match(para)))


_UI_WORDS_TEXT = """
    comments comment share print email e-mail save bookmark republish this story article copy link reply
    refresh reload for the latest updates
    read more here see all view show continue reading summarise summarize summary translate listen news
    anhören vorlesen écouter l'article escuchar ouvir ascolta posłuchaj artykułu artigo articolo artículo
    comentar embed code codice ottieni il corrections clarifications submit tip report error typo and a social sharing
    kommentare kommentar teilen drucken merken artikel jetzt mitdiskutieren kommentieren diskutieren
    commentaires commentaire partager imprimer enregistrer réagir
    comentarios comentario compartir imprimir guardar comparte esta noticia nota
    comentários compartilhe compartilhar salvar partilhe partilhar esta notícia
    comparteix jaa artikkeli zdieľať zdieľajte článok κοινοποίηση الخبر haberi haberleri paylaşın artykuł
    μοιραστείτε το άρθρο この記事を共有する 記事を共有 シェアする 分享到 分享 打印 收藏 评论 공유하기 기사 공유
    구독하기 추천하기 이 기사를 추천합니다 distribuie articolul sdílet článek
    komentarze komentarz udostępnij drukuj zapisz
    commenti condividi stampa salva
    reacties delen opslaan deel dit
    dela artikeln del artiklen artikkelen
    reprints permissions licensing
    поделиться поделитесь комментарии комментарий печать сохранить распечатать статьей статьёй
    поділитися коментарі коментар друк зберегти статтею сподобалась
    сподели споделете коментари коментар принтирай
    podeli podijeli komentari komentar štampaj ispiši deli članek komentarji natisni
    dalintis komentarai spausdinti pasidalinkite
    dalīties komentāri jaga kommentaarid
    chia sẻ bài viết bình luận in lưu gửi
    مشاركة شارك المقال تعليقات طباعة حفظ שתפו שתף תגובות הדפס שמור את הכתבה
    साझा करें शेयर करें टिप्पणियां प्रिंट শেয়ার করুন মন্তব্য প্রিন্ট
    paylaş yorumlar yazdır kaydet bagikan komentar cetak simpan ibahagi shiriki maoni
    distribuie comentarii printează megosztás hozzászólások nyomtatás sdílet komentáře tisk
"""
_UI_WORDS = frozenset(_UI_WORDS_TEXT.split())
_UI_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def is_ui_label(para: str) -> bool:
    if len(para) > UI_MAX_CHARS or re.search(r"[.?]\s*$", para):
        return False
    words = [w.casefold() for w in _UI_TOKEN.findall(para)]
    return bool(words) and all(w in _UI_WORDS for w in words)


_MONTHS = {
    # en
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    # de
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "mai": 5, "juni": 6, "juli": 7, "oktober": 10, "dezember": 12,
    # fr
    "janvier": 1, "février": 2, "mars": 3, "avril": 4, "juin": 6, "juillet": 7, "août": 8, "septembre": 9,
    "octobre": 10, "novembre": 11, "décembre": 12,
    # es
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    # pt
    "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7, "setembro": 9, "outubro": 10,
    "dezembro": 12,
    # it
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7, "settembre": 9,
    "ottobre": 10, "dicembre": 12,
    # nl
    "januari": 1, "februari": 2, "maart": 3, "mei": 5, "augustus": 8,
    # pl (genitive, as dates print)
    "stycznia": 1, "lutego": 2, "marca": 3, "kwietnia": 4, "maja": 5, "czerwca": 6, "lipca": 7, "sierpnia": 8,
    "września": 9, "października": 10, "listopada": 11, "grudnia": 12,
}  # fmt: skip
# Months only dates use (never stamp words on their own: "set", "out", "ago" are English words): abbreviations and
# the languages of further regions (sv/no/da, cs, hr, hu, ro, tr, id/ms). Genitive and nominative forms as printed.
_DATE_ONLY_MONTHS = {
    # pt/es/it/fr abbreviations ("22 abr 2026", "5 ago 2026", "3 dez. 2026")
    "ene": 1, "fev": 2, "fév": 2, "févr": 2, "abr": 4, "avr": 4, "mai": 5, "giu": 6, "juil": 7, "lug": 7, "ago": 8,
    "set": 9, "out": 10, "ott": 10, "dez": 12, "dic": 12, "déc": 12,
    # sv, no, da
    "maj": 5, "augusti": 8, "desember": 12, "januar": 1, "februar": 2, "mars": 3,
    # cs (genitive)
    "listopadu": 11, "ledna": 1, "února": 2, "března": 3, "dubna": 4, "května": 5, "června": 6, "července": 7,
    "srpna": 8,
    "září": 9, "října": 10, "prosince": 12,
    # hr, bs (genitive)
    "siječnja": 1, "veljače": 2, "ožujka": 3, "travnja": 4, "svibnja": 5, "lipnja": 6, "srpnja": 7, "kolovoza": 8,
    "rujna": 9, "studenoga": 11, "studenog": 11, "prosinca": 12,
    # hu
    "január": 1, "február": 2, "március": 3, "április": 4, "május": 5, "június": 6, "július": 7, "augusztus": 8,
    "szeptember": 9, "október": 10, "december": 12,
    # ro
    "ianuarie": 1, "februarie": 2, "martie": 3, "aprilie": 4, "iunie": 6, "iulie": 7, "septembrie": 9,
    "octombrie": 10, "noiembrie": 11, "decembrie": 12,
    # tr
    "ocak": 1, "şubat": 2, "mart": 3, "nisan": 4, "mayıs": 5, "haziran": 6, "temmuz": 7, "ağustos": 8, "eylül": 9,
    "ekim": 10, "kasım": 11, "aralık": 12,
    # id, ms
    "maret": 3, "agustus": 8, "mac": 3, "julai": 7, "ogos": 8, "disember": 12,
    # ru (genitive and nominative)
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7, "августа": 8,
    "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12, "январь": 1, "февраль": 2, "март": 3, "апрель": 4,
    "май": 5, "июнь": 6, "июль": 7, "август": 8, "сентябрь": 9, "октябрь": 10, "ноябрь": 11, "декабрь": 12,
    # uk (genitive)
    "січня": 1, "лютого": 2, "березня": 3, "квітня": 4, "травня": 5, "червня": 6, "липня": 7, "серпня": 8,
    "вересня": 9, "жовтня": 10, "листопада": 11, "грудня": 12,
    # bg
    "януари": 1, "февруари": 2, "април": 4, "юни": 6, "юли": 7, "септември": 9, "октомври": 10, "ноември": 11,
    "декември": 12,
    # sr (Cyrillic and Latin genitive), sl, sk
    "јануара": 1, "фебруара": 2, "априла": 4, "маја": 5, "јуна": 6, "јула": 7, "септембра": 9, "октобра": 10,
    "новембра": 11, "децембра": 12, "januara": 1, "februara": 2, "marta": 3, "aprila": 4, "juna": 6, "jula": 7,
    "avgusta": 8, "septembra": 9, "oktobra": 10, "novembra": 11, "decembra": 12, "januarja": 1, "februarja": 2,
    "junija": 6, "julija": 7, "januára": 1, "februára": 2, "apríla": 4, "mája": 5, "júna": 6, "júla": 7,
    "augusta": 8, "októbra": 10,
    # lt (genitive), et
    "sausio": 1, "vasario": 2, "kovo": 3, "balandžio": 4, "gegužės": 5, "birželio": 6, "liepos": 7,
    "rugpjūčio": 8, "rugsėjo": 9, "spalio": 10, "lapkričio": 11, "gruodžio": 12, "jaanuar": 1, "veebruar": 2,
    "märts": 3, "aprill": 4, "juuni": 6, "juuli": 7, "oktoober": 10, "detsember": 12,
    # el (genitive)
    "ιανουαρίου": 1, "φεβρουαρίου": 2, "μαρτίου": 3, "απριλίου": 4, "μαΐου": 5, "ιουνίου": 6, "ιουλίου": 7,
    "αυγούστου": 8, "σεπτεμβρίου": 9, "οκτωβρίου": 10, "νοεμβρίου": 11, "δεκεμβρίου": 12,
    # ar (Egypt and the Gulf; the Levant)
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
    "يوليو": 7, "يوليه": 7, "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11,
    "ديسمبر": 12, "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7,
    "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12,
    # he (bare and with "in": "23 בפברואר 2026")
    **{prefix + name: n for n, name in enumerate(("ינואר", "פברואר", "מרץ", "אפריל", "מאי", "יוני", "יולי",
                                                  "אוגוסט", "ספטמבר", "אוקטובר", "נובמבר", "דצמבר"), 1)
       for prefix in ("", "ב")},
    # hi, ur, bn
    "जनवरी": 1, "फरवरी": 2, "मार्च": 3, "अप्रैल": 4, "मई": 5, "जून": 6, "जुलाई": 7, "अगस्त": 8, "सितंबर": 9,
    "सितम्बर": 9, "अक्टूबर": 10, "अक्तूबर": 10, "नवंबर": 11, "नवम्बर": 11, "दिसंबर": 12, "दिसम्बर": 12,
    "جنوری": 1, "فروری": 2, "مارچ": 3, "اپریل": 4, "مئی": 5, "جون": 6, "جولائی": 7, "اگست": 8, "ستمبر": 9,
    "نومبر": 11, "دسمبر": 12,
    "জানুয়ারি": 1, "ফেব্রুয়ারি": 2, "মার্চ": 3, "এপ্রিল": 4, "মে": 5, "জুন": 6, "জুলাই": 7, "আগস্ট": 8,
    "সেপ্টেম্বর": 9, "অক্টোবর": 10, "নভেম্বর": 11, "ডিসেম্বর": 12,
    # sw, tl
    "machi": 3, "aprili": 4, "agosti": 8, "septemba": 9, "oktoba": 10, "novemba": 11, "desemba": 12,
    "pebrero": 2, "marso": 3, "hunyo": 6, "hulyo": 7, "setyembre": 9, "oktubre": 10, "nobyembre": 11,
    "disyembre": 12,
}  # fmt: skip
# "listopad-" is November in Polish and Czech but October in Croatian: the text's letters decide (see `_month`).
_LISTOPAD = ("listopada", "listopadu")
_DATE_MONTHS = {**_DATE_ONLY_MONTHS, **_MONTHS}
_MONTH_ALT = "|".join(sorted((re.escape(m) for m in _DATE_MONTHS), key=len, reverse=True))
# month first is English only; other languages' abbreviations ("out", "set") would read English words as months
_EN_MONTH_ALT = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
# a word of any script: letters with their combining vowel signs, viramas and joiners, no digit or punctuation
_WORD = r"(?P<wmon>[^\W\d_][^\s\d.,:;!?()\[\]/|–—-]{2,19})"
_WORD_MONTH_ORDERS = frozenset({"dWy", "Wdy", "yWd"})
_DATE_PATTERNS = (
    # ISO 2026-03-18
    (re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:\b|(?=T\d))"), "ymd"),  # and "...T10:42Z"
    # year first with dots (ko, hu, lt): 2026.06.30, 2026. 06. 30.
    (re.compile(r"\b(?P<y>(?:19|20)\d{2})\.\s?(?P<m>\d{1,2})\.\s?(?P<d>\d{1,2})\b"), "ymd"),
    # day first with dots (all of continental Europe): 04.03.2026, 4. 3. 2026
    (re.compile(r"\b(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>(?:19|20)\d{2})\b"), "dmy"),
    # 16 March 2026, 28 janvier 2026, 4. März 2026, 28 de marzo de 2026, 13 marca 2026, 22 abr 2026
    (re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?:de\s+)?(?P<mon>{_MONTH_ALT})\.?,?\s+"
                rf"(?:de\s+)?(?P<y>(?:19|20)\d{{2}})\b", re.I), "dMy"),  # and "18th November 2026"
    # 18-Nov-2026, 18/Nov/2026
    (re.compile(rf"\b(?P<d>\d{{1,2}})([-/])(?P<mon>{_MONTH_ALT})\.?\2(?P<y>(?:19|20)\d{{2}})\b", re.I), "dMy"),
    # March 18, 2026, Feb. 19, 2026, October 6 2026
    (re.compile(rf"\b(?P<mon>{_EN_MONTH_ALT})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
                rf"(?P<y>(?:19|20)\d{{2}})\b", re.I), "Mdy"),
    # year first with a month name (hu "2026. október 8.", lt/lv alike): the year is never a day
    (re.compile(rf"\b(?P<y>(?:19|20)\d{{2}})\.?\s+(?:[mg]\.\s+)?(?P<mon>{_MONTH_ALT})\.?\s+(?P<d>\d{{1,2}})\b", re.I),
     "yMd"),
    # vi: "14 tháng 9 năm 2026", "ngày 14 tháng 9, 2026" (the month is a number after "tháng")
    (re.compile(r"\b(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2}),?\s+(?:năm\s+)?(?P<y>(?:19|20)\d{2})\b", re.I), "dmy"),
    # CJK: 2026年10月8日, 2026년 10월 8일
    (re.compile(r"(?P<y>(?:19|20)\d{2})\s*[年년]\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일]"), "ymd"),
    # any language's month name from CLDR (`_cldr_month`), when no table above knows it: "9 Noofeembar 2026" (so),
    # "అక్టోబర్ 20, 2026" (te), "4 نوفمبر 2026" (ar); a match whose word is no month name is not a date
    # (a particle may stand between day and month: "19 ta' Novembru 2026")
    (re.compile(rf"(?<![^\s(])(?P<d>\d{{1,2}})(?:\.?\s+|-)(?:de\s+|[^\W\d_]{{1,3}}['’]\s*)?{_WORD}\.?,?\s+(?:de\s+)?"
                rf"(?P<y>(?:19|20)\d{{2}})\b"), "dWy"),
    (re.compile(rf"(?<![^\s(]){_WORD}\s+(?P<d>\d{{1,2}}),?\s+(?P<y>(?:19|20)\d{{2}})\b"), "Wdy"),
    # year first, with case endings glued to the year, the month and the day (eu "2026ko azaroaren 18a"): the
    # month is read from its CLDR name's stem (`_cldr_month_stem`)
    (re.compile(rf"(?<!\d)(?P<y>(?:19|20)\d{{2}})(?:[^\W\d_]{{1,3}})?\.?\s+{_WORD}\s+(?P<d>\d{{1,2}})"
                r"(?:[^\W\d_]{1,2})?(?!\w)"), "yWd"),
    # slash dates: 2026/04/14 (year first), and 14/04/2026 or 6/17/2026 only when one part is over 12 (see `_iso`)
    (re.compile(r"\b(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})\b"), "ymd"),
    # ... and with hyphens, the same way: "૧૪-૧૧-૨૦૨૬" (gu), "14-11-2026"
    (re.compile(r"\b(?P<a>\d{1,2})(?P<sep>[/-])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d{2})\b"), "slash"),
)  # fmt: skip
# Slash dates (03/04/2026) are day first in most of the world and month first in the US: used only when one part
# is over 12, which tells the order (14/04/2026, 6/17/2026); otherwise too ambiguous to use.
_SLASH_DATE = re.compile(r"\b\d{1,2}([/-])\d{1,2}\1(?:19|20)\d{2}\b")
_TIME = re.compile(  # 4:55 pm, 11.23, 14h22, 16 h 05, 6:30am
    r"\b\d{1,2}(?:[:.]\d{2}(?:[:.]\d{2})?|\s?h\s?\d{2})\s?(?:[ap]\.?\s?m\.?)?(?=\W|$)|\b\d{1,2}\s?[ap]\.?\s?m\.?\b",
    re.I,  # "9:30 p. m." (es) too
)
_UPDATE = re.compile(r"\b(?:updated?|modified|atualizad[oa]|actualizad[oa]|mis à jour|aktualisiert|zaktualizowano|"
                     r"aktualizacja|aggiornat[oa]|bijgewerkt|last edited|"
                     # the "updated" words of the stamp list below, in the other languages it has
                     r"päivitetty|frissítve|actualizat|ažurirano|posodobljeno|обновлено|оновлено|обновено|atnaujinta|"
                     r"atjaunināts|cập nhật|güncellendi|güncelleme|diperbarui|ilisasishwa|تحديث|עודכן|ενημέρωση)\b",
                     re.I)  # fmt: skip
_STAMP_WORDS_TEXT = """
    published posted updated first last modified on at am pm a.m p.m ist gmt utc bst cet cest est edt pst pdt cst
    cdt aest aedt awst acst sast wat eat hkt sgt jst kst msk hrs hr min mins read ago hour hours minute minutes day
    days date time and
    publicado publicada atualizado atualizada em há às as horas hora minutos data
    actualizado actualizada el a las hace fecha de
    publié publiée mis à jour le h il y
    veröffentlicht aktualisiert zuletzt am um uhr stand datum vom
    opublikowano aktualizacja zaktualizowano godz dnia
    pubblicato aggiornato il alle ore
    gepubliceerd bijgewerkt op om
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
    montag dienstag mittwoch donnerstag freitag samstag sonntag mo di mi do fr sa so
    lundi mardi mercredi jeudi vendredi samedi dimanche
    lunes martes miércoles jueves viernes sábado domingo
    segunda terça quarta quinta sexta sábado domingo feira
    poniedziałek wtorek środa czwartek piątek sobota niedziela
    опубликовано обновлено опубліковано оновлено публикувано обновено objavljeno ažurirano objavljeno posodobljeno
    paskelbta atnaujinta publicēts atjaunināts avaldatud đăng lúc cập nhật ngày lúc giờ
    نشر نُشر في تحديث آخر بتاريخ פורסם עודכן প্রকাশ প্রকাশিত আপডেট प्रकाशित अपडेट अपडेटेड
    imechapishwa ilisasishwa inilathala yayınlanma yayınlandı güncelleme güncellendi diterbitkan diperbarui
    publicat actualizat közzétéve frissítve julkaistu päivitetty δημοσίευση ενημέρωση 입력 수정 기사입력 승인 등록
    р г m d
"""
_STAMP_WORDS = frozenset(_STAMP_WORDS_TEXT.split())
_DIGIT = re.compile(r"\d")
_SENTENCE_END = re.compile(r"[.!?…\"”»]\s*$")
# a word; Indic words keep their vowel signs and viramas (no \w) inside
_TOKEN = re.compile(r"(?:[^\W\d_]|[\u0900-\u0dff])+(?:\.[^\W\d_]+)*", re.U)


# Decimal digits of other scripts (Arabic-Indic, Persian, Devanagari, Bengali, Gurmukhi, Gujarati, Tamil, Telugu,
# Kannada, Malayalam, Thai, Myanmar, Khmer, full width) as ASCII, so "১২ আগস্ট ২০২৬" reads as a date.
_DIGITS = {
    zero + i: ord("0") + i
    for zero in (0x660, 0x6F0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xE50, 0x1040, 0x17E0, 0xFF10)
    for i in range(10)
}


def ascii_digits(text: str) -> str:
    return text.translate(_DIGITS) if not text.isascii() else text


def _blank_month_date(match: re.Match, order: str = "dWy") -> str:
    month = _cldr_month_stem(match["wmon"]) if order == "yWd" else _cldr_month(match["wmon"])
    return " " if month else match.group(0)


def _dates_and_times(text: str) -> tuple[str, bool]:
    """The text with every date and time blanked, and whether there was any."""
    found = False
    for pattern, order in _DATE_PATTERNS:
        if order in _WORD_MONTH_ORDERS:
            blanked = pattern.sub(functools.partial(_blank_month_date, order=order), text)
            found = found or blanked != text
            text = blanked
            continue
        text, n = pattern.subn(" ", text)
        found = found or n > 0
    text, n = _SLASH_DATE.subn(" ", text)
    found = found or n > 0
    text, n = _TIME.subn(" ", text)
    return text, found or n > 0


RELATIVE_MAX_CHARS = 60  # "LIVE · Updated 3 min ago", "Uppfært fyrir 3 mínútum": a label and a time ago
RELATIVE_MAX_OTHER_WORDS = 2  # "Updated", "LIVE", "Uppfært": the stamp's own words, never a clause
RELATIVE_MIN_LETTERS = 3  # "{0} min. ago", "fyrir {0} mínútum": patterns of a letter or two ("{0}m") are too loose
_RELATIVE_UNITS = ("second", "minute", "hour", "day", "week")  # a stamp says how long ago, never in months


@functools.cache
def _relative_past() -> dict[str, str]:
    """ "N units ago" in every language CLDR knows (babel's relative time patterns, full, short and narrow: "3 min.
    ago", "fyrir 3 mínútum", "3 uair an chloig ó shin", "hace 5 minutos"), as regular expressions grouped by the
    longest word of each ("mínútum", "ago", "minutos"), which `_relative_subn` looks up first. Reading every
    locale takes ~1 s, so the table is kept in the start-up cache (transforms/disk_cache.py)."""
    from transforms import disk_cache

    key = disk_cache.fingerprint([__file__], ["babel"])
    return disk_cache.cached("relative-time", key, _build_relative_past)


def _build_relative_past() -> dict[str, str]:
    from babel import Locale, localedata

    patterns: set[str] = set()
    for name in localedata.locale_identifiers():
        if "_" in name:
            continue
        try:
            fields = Locale.parse(name)._data["date_fields"]
        except (ValueError, KeyError, LookupError):
            continue
        for unit in _RELATIVE_UNITS:
            for key in (unit, unit + "-short", unit + "-narrow"):
                try:
                    past = fields[key]["past"]
                except (KeyError, LookupError):
                    continue
                for text in past.values():
                    text = text.casefold().strip()
                    if (
                        "{0}" in text
                        and len(re.findall(r"[^\W\d_]", text)) >= RELATIVE_MIN_LETTERS
                        and not _DIGIT.search(text.replace("{0}", ""))  # mn "{0} 7 хоногийн өмнө": weeks of 7 days
                    ):
                        patterns.add(text)
    by_word: dict[str, list[str]] = {}
    for text in sorted(patterns, key=len, reverse=True):
        regex = re.escape(text).replace(r"\{0\}", r"\d{1,3}").replace(r"\.", r"\.?").replace(r"\ ", r"\s+")
        by_word.setdefault(max(_LETTERS_RUN.findall(text), key=len), []).append(regex)
    return {word: r"(?<!\w)(?:" + "|".join(regexes) + r")(?!\w)" for word, regexes in by_word.items()}


@functools.cache
def _relative_pattern(source: str) -> re.Pattern:
    return re.compile(source, re.I)


_LETTERS_RUN = re.compile(r"[^\W\d_]+")


def _relative_subn(text: str) -> tuple[str, int]:
    """The text with every "N units ago" blanked, and how many: only the patterns whose most telling word the text
    holds are tried (one big alternation over all of them costs ~0.5 ms on a line)."""
    patterns = _relative_past()
    total = 0
    for word in {w.casefold() for w in _LETTERS_RUN.findall(text)}:
        if source := patterns.get(word):
            text, n = _relative_pattern(source).subn(" ", text)
            total += n
    return text, total


def is_relative_stamp(para: str) -> bool:
    """A short line saying how long ago the page changed ("Updated 3 min ago", "LIVE · Updated 3 min ago",
    "Uppfært fyrir 3 mínútum"), in any language CLDR knows: the time ago and at most two words, no sentence."""
    if len(para) > RELATIVE_MAX_CHARS or "\n" in para or not _DIGIT.search(para) or _SENTENCE_END.search(para):
        return False
    para = ascii_digits(para)
    rest, n = _relative_subn(para)
    if not n:
        return False
    rest, _ = _dates_and_times(rest)
    others = [w for w in _TOKEN.findall(rest) if w.casefold() not in _STAMP_WORDS]
    return len(others) <= RELATIVE_MAX_OTHER_WORDS and all(not w[0].islower() for w in others)


def is_stamp(para: str, wires: frozenset[str] = frozenset(), lead: bool = False) -> bool:
    """A paragraph that is nothing but a date/time stamp (with stamp words, an upper-case place or an agency).

    `lead`: the paragraph opens the story (above or just under the headline, where publication stamps stand);
    there a short line with a full date may also carry a few words no list names: a place ("Zürich, 2. Oktober
    2026"), a stamp word of another language ("Publisert 02.11.2026 kl. 09.14", "Yayınlanma: 12.09.2026 - 14:35")
    or the author's name before it; never with a sentence's closing punctuation. In the body such lines are often
    content ("Seminartermin: 22. August 2015", a quoted tweet's signature), so they stay."""
    if len(para) > STAMP_MAX_CHARS or "\n\n" in para or not _DIGIT.search(para):  # every stamp has a number
        return False
    para = ascii_digits(para)
    rest, found = _dates_and_times(para)
    if _DIGIT.search(rest) and (relative := _relative_subn(rest))[1]:
        rest, found = relative[0], True  # "Sat 21 Nov 2026 at 10.42am GMT | Updated 3 min ago"
    if not found and not re.search(r"\b(?:há|hace|il y a)\s+\d+\s+\w+|\b\d+\s+(?:hours?|minutes?|days?)\s+ago\b",
                                   para, re.I):  # fmt: skip
        return False
    rest = re.sub(r"\b\d+\b", " ", rest)
    unknown = 0
    for word in _TOKEN.findall(rest):
        low = word.casefold()
        if low in _STAMP_WORDS or low in _MONTHS or low.rstrip(".") in _MONTHS or low in wires:
            continue
        if word.isupper() and len(word) > 1:  # an upper-case dateline place ("HYDERABAD") or agency code
            continue
        unknown += 1
        if unknown > STAMP_MAX_OTHER_WORDS:
            return False
    if not unknown:
        return True
    return (
        lead
        and len(para) <= STAMP_SHORT_CHARS
        and "\n" not in para  # one line: "Vanguard (Lagos)\n16 March 2026" is a header above a stamp
        and not _SENTENCE_END.search(para)
        # a full date, even one whose order cannot be told ("Carla Huamán | 09/06/2026" is a stamp all the same)
        and (stamp_date(para, allow_updated=True) is not None or bool(_SLASH_DATE.search(para)))
    )


def stamp_date(text: str, allow_updated: bool = False, context: str | None = None) -> str | None:
    """The first full date in a stamp or credit line as ISO, unless an "updated" word comes before it.

    `context` (the document's text) settles month names whose meaning depends on the language (`_month`)."""
    best: tuple[int, str] | None = None
    text = ascii_digits(text)
    for pattern, order in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            iso = _iso(match, order, context if context is not None else text)
            if iso and (best is None or match.start() < best[0]):
                best = (match.start(), iso)
            if iso or order not in _WORD_MONTH_ORDERS:  # a word that is no month: the next match may be one
                break
    if best is None or (not allow_updated and _UPDATE.search(text[: best[0]])):
        return None
    return best[1]


_POLISH_OR_CZECH = re.compile(r"[ąęłśźżřěůť]", re.I)
_CROATIAN = re.compile(r"[čđš]", re.I)  # Polish has ć, never č or š


def ambiguous_slash_date(text: str) -> tuple[int, int, int] | None:
    """(first, second, year) of the first slash date whose day and month cannot be told apart (03/04/2026)."""
    for match in _SLASH_DATE.finditer(ascii_digits(text)):
        first, second, year = (int(x) for x in re.split(r"[/-]", match.group(0)))
        if first <= 12 and second <= 12 and first != second:
            return first, second, year
    return None


def _month(name: str, context: str) -> int | None:
    """A month number from its name; "listopada"/"listopadu" is October only in a Croatian text (č, đ or š and
    none of the letters only Polish or Czech use), else November."""
    low = name.casefold().rstrip(".")
    if low in _LISTOPAD:
        return 10 if _CROATIAN.search(context) and not _POLISH_OR_CZECH.search(context) else 11
    return _DATE_MONTHS.get(low)


@functools.cache
def _cldr_months() -> dict[str, int]:
    """Month names of every language CLDR knows (babel's locale data, ~310 languages, read once, ~1 s), lower
    case, to their number; a name that means two months in two languages ("listopada") is left out. Only the
    full ("wide") names of the format context: abbreviations ("tet", "Hyd") are too often ordinary words."""
    from babel import Locale, localedata

    months: dict[str, set[int]] = {}
    for name in localedata.locale_identifiers():
        if "_" in name:  # regional variants repeat their language's names
            continue
        try:
            wide = Locale.parse(name).months["format"]["wide"]
        except (ValueError, KeyError, LookupError):  # a locale without Gregorian month names
            continue
        for number, month in wide.items():
            if len(month) >= MONTH_MIN_CHARS:
                months.setdefault(month.casefold(), set()).add(number)
    return {name: next(iter(numbers)) for name, numbers in months.items() if len(numbers) == 1}


_DOUBLED = re.compile(r"(\w)\1+")
SPELLING_MIN_CHARS = 6  # a month spelt with a doubled letter more or less ("Nofeembar" for "Noofeembar"): long names


@functools.cache
def _cldr_month_spellings() -> dict[str, int]:
    """CLDR's month names with doubled letters written once ("noofeembar" -> "nofembar"), when that form is one
    month's only: transliterated names double vowels and consonants differently from outlet to outlet."""
    months: dict[str, set[int]] = {}
    for name, number in _cldr_months().items():
        if len(name) >= SPELLING_MIN_CHARS:
            months.setdefault(_DOUBLED.sub(r"\1", name), set()).add(number)
    return {name: next(iter(numbers)) for name, numbers in months.items() if len(numbers) == 1}


def _cldr_month(word: str) -> int | None:
    low = word.casefold()
    if low in _DATE_MONTHS:  # the tables above decide their own names ("listopada" by the text's letters)
        return None
    month = _cldr_months().get(low)
    if month is None and len(low) >= SPELLING_MIN_CHARS:
        month = _cldr_month_spellings().get(_DOUBLED.sub(r"\1", low))
    return month


STEM_MIN_CHARS = 4  # "azaro" of "azaroa": shorter stems are the start of too many words
MAX_ENDING = 4  # "-aren", "-ko", "-a": the case endings glued to a month name


@functools.cache
def _cldr_month_stems() -> dict[str, int]:
    """CLDR month names and, for names ending in a vowel, the name without it ("azaroa" -> "azaro"), when the
    stem is one month's only."""
    stems: dict[str, set[int]] = {}
    for name, number in _cldr_months().items():
        for stem in {name, name[:-1] if name[-1] in "aeiouy" else name}:
            if len(stem) >= STEM_MIN_CHARS and stem.isalpha():
                stems.setdefault(stem, set()).add(number)
    return {stem: next(iter(numbers)) for stem, numbers in stems.items() if len(numbers) == 1}


def _cldr_month_stem(word: str) -> int | None:
    """A month name with a case ending glued to it ("azaroaren", "azaroa" + "-ren"): the longest CLDR month stem
    the word starts with, the ending at most MAX_ENDING letters."""
    low = word.casefold()
    if month := _cldr_month(word) or _DATE_MONTHS.get(low):
        return month
    stems = _cldr_month_stems()
    for cut in range(1, MAX_ENDING + 1):
        if len(low) - cut >= STEM_MIN_CHARS and (month := stems.get(low[:-cut])):
            return month
    return None


def _iso(match: re.Match, order: str, context: str = "") -> str | None:
    groups = match.groupdict()
    if order == "slash":  # only when one part is over 12 can it only be the day
        a, b = int(groups["a"]), int(groups["b"])
        if (a > 12) == (b > 12):
            return None
        groups = {"y": groups["y"], "d": max(a, b), "m": min(a, b)}
    if groups.get("wmon"):
        month = _cldr_month_stem(groups["wmon"]) if order == "yWd" else _cldr_month(groups["wmon"])
    else:
        month = int(groups["m"]) if groups.get("m") else _month(groups["mon"], context)
    try:
        return dt.date(int(groups["y"]), month or 0, int(groups["d"])).isoformat()
    except (TypeError, ValueError):
        return None  # 31.02.2026: not a date; the article is kept and other evidence decides


_WIRE_NAMES: list[frozenset[str]] = []  # filled on first use: boilerplate_rules imports this module


def _is_stamp_with_wires(para: str, lead: bool = False) -> bool:
    if len(para) > STAMP_MAX_CHARS:
        return False
    return is_stamp(para, _wire_names(), lead)


def is_lead_stamp(para: str) -> bool:
    """A stamp line opening the story (see `is_stamp`, `lead`)."""
    return _is_stamp_with_wires(para, lead=True)


PREFIX_MAX_CHARS = STAMP_SHORT_CHARS  # a byline and a stamp glued before the first sentence are a short lead stamp
PREFIX_MIN_WORDS = 4  # what follows the cut must be a sentence of a few words, never a stray label
# between the stamp and the sentence: spaces and the separators stamps use; a time zone code may close the stamp
_PREFIX_GAP = re.compile(r"(?:\s+[A-Z]{2,4}\b)?[\s|·•,:–—-]*")
_OPENS_SENTENCE = re.compile(r"[\"“„«‘'(]?(?:[^\W\d_])")


def _opens_sentence(text: str) -> bool:
    """Starts like a sentence: an upper-case letter, or a letter of a script without case (Gujarati, Arabic...)."""
    match = _OPENS_SENTENCE.match(text)
    if not match:
        return False
    first = match.group(0)[-1]
    return first.isupper() or not first.islower()


def _date_ends(head: str) -> list[int]:
    """Where each full date or time in `head` ends (a month-name match whose word is no month does not count)."""
    ends = []
    for pattern, order in _DATE_PATTERNS:
        for match in pattern.finditer(head):
            if order == "slash" or _iso(match, order, head):  # an ambiguous "09/11/2026" is a date all the same
                ends.append(match.end())
    ends.extend(match.end() for match in _TIME.finditer(head))
    return ends


def stamp_prefix_end(para: str) -> int | None:
    """Where a byline or stamp glued before the story's first sentence ends ("Door Lieve Claes, 09/11/2026 om
    07:42 De haven ..."), or None. The prefix must be a lead stamp with a full date (`is_lead_stamp`: a few words
    no list names at most, no sentence mark) and what follows must open a sentence of PREFIX_MIN_WORDS words, so a
    sentence that starts with a date ("On 9 November 2026 the council ...") is never cut."""
    if not _DIGIT.search(para[:PREFIX_MAX_CHARS]):
        return None
    head = ascii_digits(para[: PREFIX_MAX_CHARS + 1])  # one digit for one: offsets stay the text's
    for end in sorted(set(_date_ends(head)), reverse=True):  # the longest prefix first: date and time together
        if end > PREFIX_MAX_CHARS:
            continue
        gap = _PREFIX_GAP.match(para, end)
        rest = para[gap.end() :]
        prefix = para[:end]
        if not _opens_sentence(rest) or len(rest.split()) < PREFIX_MIN_WORDS:
            continue
        full_date = stamp_date(prefix, allow_updated=True) is not None or _SLASH_DATE.search(ascii_digits(prefix))
        if full_date and is_lead_stamp(para[: gap.end()].strip(" |·•,:–—-")):
            return gap.end()
    return None


SIGNOFF_MAX_CHARS = 30  # "(Hina) ip mc", "SYL // JMR", "– Rappler.com": a desk code or credit, never a clause
_SIGNOFF_TOKEN = re.compile(
    r"(?-i:[A-ZÀ-ÝА-ЯЁЂ-ЏΑ-Ω]{2,6}|[a-ząćęłńóśźżčšžа-яё]{2,3})"  # desk codes, initials: "SYL", "ip", "/МД/"
    r"|(?:fim|ende|end|ends|fin|fine|koniec|kraj|slut|loppu|vége|sfârșit|selesai|enditem|конец|кінець|край|"
    r"mwisho|tapos|wakas|tamat|son|kết thúc|النهاية|انتهى|סוף|समाप्त|শেষ)"  # end words
    r"|[\w-]+\.(?:com|net|org|info|news|[a-z]{2})",  # the outlet's domain: "Rappler.com"
    re.I,
)
_SIGNOFF_SHAPE = re.compile(r"^[\W_]*[^\W\d_][\w.-]*(?:[\s/()|·•,–—-]+[^\W\d_][\w.-]*)*[\W_]*$")
_BIO = re.compile(
    r"^[A-ZÀ-Ý][\w.'’-]+(?:\s+[A-ZÀ-Ý][\w.'’-]+){1,3}\s+(?:is|was)\s+(?:an?|the)\s+[^.!?\n]{0,60}?"
    r"\b(?:correspondent|reporter|writer|editor|journalist|contributor|columnist|photographer|intern|fellow)"
    r"(?:\s+(?:for|at|with|of|based in|covering)\s[^.!?\n]{1,60})?\.$"
)


_SIGNOFF_YEAR = re.compile(r"(?<=[A-Za-z])\s*/\s*(?:19|20)\d{2}$")


def tail_kind(para: str) -> str | None:
    """The rule id when the LAST paragraph of a story is a sign-off or a bio rather than prose, else None.

    After the last sentence a wire copy or a newspaper's template closes with desk codes and credits, whatever
    the language: editors' initials and agency codes ("SYL // JMR", "ES/AE", "/cb", "(Hina) ip mc", "Lusa/Fim"),
    the outlet's domain ("– Rappler.com") and a one-sentence author bio ("Jane Doe is a Rappler Visayas
    correspondent."). A sign-off is made only of codes, known agencies, end words and a domain; a blog's closing
    greeting ("x Franzi") or a product line ("Kreole: Stella Hoops") is not, and stays. Only the end of the text is
    looked at.
    """
    if "\n" in para:
        return None
    if _BIO.match(para):
        return "trailer.bio"
    para = _SIGNOFF_YEAR.sub("", para)  # "CMC/ar/ir/2026": a desk code closed by the year
    if len(para) > SIGNOFF_MAX_CHARS or not _SIGNOFF_SHAPE.match(para):
        return None
    tokens = re.findall(r"[^\W\d_][\w.-]*[\w]|[^\W\d_]", para)
    known = _wire_names()
    if tokens and all(t.casefold() in known or _SIGNOFF_TOKEN.fullmatch(t) for t in tokens):
        return "trailer.signoff"
    return None


def _wire_names() -> frozenset[str]:
    if not _WIRE_NAMES:
        from transforms.boilerplate_rules import WIRES

        _WIRE_NAMES.append(frozenset(WIRES))
    return _WIRE_NAMES[0]


SOCIAL_MAX_CHARS = 120  # a follow prompt is one short line; longer ones are a reader discussion or prose
SOCIAL_SHORT_CHARS = 100  # a line with a @handle and a platform is a prompt only when short
_PLATFORM = re.compile(
    r"\b(?:facebook|instagram|twitter|tiktok|youtube|telegram|whatsapp|google news|linkedin|threads|bluesky|"
    r"snapchat|viber|pinterest|zalo|ტელეგრამ|ფეისბუქ|ინსტაგრამ|იუთუბ|ֆեյսբուք|տելեգրամ|"
    r"фейсбук|телеграм|ютуб|вконтакте|инстаграм|інстаграм|твиттер|твітер|тикток|тікток|вайбер|дзен|"
    r"[وبل]?(?:فيسبوك|فيس بوك|تويتر|إنستغرام|انستغرام|إنستجرام|يوتيوب|تيليجرام|تلغرام|تليجرام|واتساب|تيك توك)|"
    r"واٹس ایپ|فیس بک|ٹوئٹر|یوٹیوب|اینستاگرام|تلگرام|واتساپ|одноклассник\w*|соцсет\w*|"
    r"[הבלו]?(?:פייסבוק|טלגרם|טוויטר|אינסטגרם|יוטיוב|וואטסאפ|טיקטוק)|"
    r"फेसबुक|ट्विटर|यूट्यूब|इंस्टाग्राम|व्हाट्सएप|टेलीग्राम|ফেসবুক|ইউটিউব|টুইটার|ইনস্টাগ্রাম|"
    r"வாட்ஸ்அப்|ஃபேஸ்புக்|யூடியூப்|व्हॉट्सॲप|व्हाट्सऐप|"
    # "social networks", named instead of a platform: "Sledujte nás na sociálních sítích"
    r"soci[áa]ln[íi]ch s[íi]t[íi]ch|soci[áa]lnych sie[ťt]ach|social media|mediach społecznościowych|"
    r"réseaux sociaux|redes sociales|redes sociais|sozialen (?:medien|netzwerken)|соцсетях|соціальних мережах|"
    r"rețelele sociale|közösségi médiá\w*)(?:\w{0,3}|'\w{1,3})(?:\b|(?!\w))"  # inflected: "Facebooku", "News'ten"
    r"|微信|微博|抖音|ライン|カカオトーク|카카오톡|เฟซบุ๊ก|เฟสบุ๊ค|ไลน์",  # no word boundaries in CJK
    re.I,
)
# "us" as an object in the languages of follow prompts (a closed class): en, hr/bs/sr/pl/cs, hu, tr, id/ms, fr,
# de, es/pt, nl, sv/no/da, fi, and clitics ("Urmărește-ne")
_US = re.compile(  # and "تابعونا"/"تابعنا" (-نا), sw "Tufuate kwenye" (tu-)
    r"\b(?:us|nas|nás|minket|bennünket|bizi|kami|kita|nous|uns|nos|ons|oss|meitä|meidät|"
    # ru/uk/bg/sr "us" and "our", sl/hr "our", lt, lv, et, el, vi, tl, he, bn, hi, ur/fa
    r"нас|наш\w*|ни|нам|naš\w*|mus|mūsų|mūs|mūsu|meid|meie|μας|chúng tôi|namin|amin|"
    r"אותנו|שלנו|לנו|আমাদের|हमें|हमारे|हमसे|ہمیں|ہمارے|ما را)(?:\b|(?!\w))"
    r"|\w-ne\b|\w+نا\b|ہمارا|ہمارے|мы в|எங்கள்|நம்|आमचे|आमच्या|ของเรา|"
    r"\btu\w+\b(?=\s+(?:kwenye|katika))|我们|我們|私たち|우리",
    re.I,
)
_QUOTED_PLATFORM = re.compile(r"[„“\"«»‘’]\s*(?:" + _PLATFORM.pattern + r")\s*[“”\"»«’]", re.I)
_HANDLE = re.compile(r"(?<![\w.])@[A-Za-z_]\w{2,}")


def names_platform(para: str) -> bool:
    """A short line naming a social platform, outside reported speech (see `is_social_line`)."""
    if len(para) > SOCIAL_MAX_CHARS or "\n" in para or not _PLATFORM.search(para):
        return False
    return not _SPEECH.search(_QUOTED_PLATFORM.sub(" ", para))


def is_social_line(para: str) -> bool:
    """A follow prompt in any language: a line naming a social platform AND pointing at the outlet itself, by a
    first-person plural object ("Pratite nas na Facebooku", "Kövess minket a Facebookon", "Urmărește-ne pe ...",
    "Bizi Google News'ten takip edin"), by Google News (where outlets, not stories, are followed) or by a short
    line's @handle. A sentence about the platforms names none of these; reported speech never counts."""
    if len(para) > SOCIAL_MAX_CHARS or "\n" in para or not _PLATFORM.search(para):
        return False
    if _SPEECH.search(_QUOTED_PLATFORM.sub(" ", para)):  # „Facebook“ (lt, de, pl quote a name) is no speech
        return False
    if _US.search(para) or re.search(r"\bgoogle news\b", para, re.I):
        return True
    return len(para) <= SOCIAL_SHORT_CHARS and bool(_HANDLE.search(para))


CONTACT_MAX_CHARS = 200  # "Email the reporter at ... or call ..."; longer paragraphs are prose
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_CONTACT_CUE = re.compile(
    r"\b(?:e-?mail|contact|reach|write|send|call|tips?|feedback|questions?|fragen|kontakt|écrivez|contactez|"
    r"escr[ií]b\w*|contact[ae]\w*|scrivi\w*|napisz|kontaktuj)\b",
    re.I,
)


def is_contact_line(para: str) -> bool:
    """A short paragraph that gives the reader an e-mail address to write to ("Email the reporter at ...", "Send
    us your feedback to ...", "Gerne per E-Mail an: ..."); never reported speech (an address quoted in a story)."""
    if len(para) > CONTACT_MAX_CHARS or "\n" in para or not _EMAIL.search(para) or _SPEECH.search(para):
        return False
    return bool(_CONTACT_CUE.search(_EMAIL.sub(" ", para)))


CLASSIFIERS = {
    "social_line": is_social_line,
    "contact_line": is_contact_line,
    "call_to_action": is_call_to_action,
    "ui_label": is_ui_label,
    "stamp": _is_stamp_with_wires,
    "relative_stamp": is_relative_stamp,
}
# The longest paragraph each classifier can accept (each checks it too); lets the cleaning skip them on prose.
CLASSIFIER_MAX_CHARS = {
    "social_line": SOCIAL_MAX_CHARS,
    "contact_line": CONTACT_MAX_CHARS,
    "call_to_action": CTA_MAX_CHARS,
    "ui_label": UI_MAX_CHARS,
    "stamp": STAMP_MAX_CHARS,
    "relative_stamp": RELATIVE_MAX_CHARS,
}
