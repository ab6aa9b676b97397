"""Round 6: the boilerplate families in the news languages that had no vocabulary (ru, uk, bg, sr, sl, lt, vi, ar,
he, bn, hi, sw, tl, ...), digits of other scripts in stamps, and datelines whose agency code no list names.
Each family on text it must remove, and article sentences in the same languages that look alike and must survive."""

import pytest

from tests.checks import assert_removed_between
from transforms.boilerplate_classes import is_social_line, stamp_date, tail_kind
from transforms.clean import apply_rules

BODY = "The regional council approved the harbour budget on Tuesday after a long debate about dredging costs."


@pytest.mark.parametrize(
    ("junk", "rule_id"),
    [
        # related labels
        ("Читайте также: Мэрия Казани закрыла мост на ремонт", "related.also_read"),
        ("Дивіться також: У Львові відкрили новий сквер", "related.also_read"),
        ("Прочетете още: Варна въвежда зелени зони", "related.also_read"),
        ("Pročitajte još: Novi most u Novom Sadu", "related.also_read"),
        ("Xem thêm: Giá xăng giảm lần thứ ba", "related.also_read"),
        ("اقرأ أيضاً: الحكومة تخفض أسعار الخبز", "related.also_read"),
        ("קראו גם: הרכבת הקלה תגיע לבת ים", "related.also_read"),
        ("यह भी पढ़ें: जयपुर में मेट्रो का विस्तार", "related.also_read"),
        ("Soma pia: Bei ya mafuta yashuka", "related.also_read"),
        ("相关新闻：上海地铁新线开通", "related.also_read"),
        # advertisement markers and copyright lines
        ("Quảng cáo", "ad.marker"),
        ("إعلان", "ad.marker"),
        ("Matangazo", "ad.marker"),
        ("Все права защищены.", "copyright.line"),
        ("Sva prava zadržana.", "copyright.line"),
        ("Tüm hakları saklıdır.", "copyright.line"),
        ("При использовании материалов гиперссылка на Вечерний Омск обязательна.", "copyright.reuse_notice"),
        ("Нашли опечатку? Выделите её и нажмите Ctrl+Enter", "ui.typo_report"),
        ("Коментарі (4)", "ui.comments"),
        ("17 bình luận", "ui.comments"),
        ("Фото: Иван Петров", "caption.credit_line"),
        ("צילום: יוסי כהן", "caption.credit_line"),
        ("নিজস্ব প্রতিবেদক, চট্টগ্রাম", "byline.desk"),
        # calls to action, follow prompts, interface labels
        ("Подпишитесь на нашу рассылку, чтобы получать главные новости.", "classify.call_to_action"),
        ("Abonirajte se? Pretplatite se na naš newsletter.", "classify.call_to_action"),
        ("اشترك في النشرة البريدية لتصلك أهم الأخبار.", "classify.call_to_action"),
        ("Jiunge na chaneli yetu ya WhatsApp kupata habari.", "classify.call_to_action"),
        ("हमें फेसबुक और ट्विटर पर फॉलो करें", "classify.social_line"),
        ("Следете ни във Facebook", "classify.social_line"),
        ("Sekite mus „Instagram“ paskyroje", "classify.social_line"),
        ("Поделиться", "classify.ui_label"),
        ("Chia sẻ", "classify.ui_label"),
        # stamps in other scripts and months
        ("প্রকাশ: ৩ মার্চ ২০২৬, ১০:২০", "classify.stamp"),
        ("14 мая 2026, 09:12", "classify.stamp"),
    ],
)
def test_family_member_is_removed_and_audited(junk, rule_id):
    assert_removed_between(BODY, junk, rule_id)


@pytest.mark.parametrize(
    "sentence",
    [
        "Реклама алкоголя на телевидении будет запрещена с января, сообщил министр.",
        "Читатели газеты пожаловались на ошибки в квитанциях за отопление.",
        "Депутаты предложили подписаться под обращением к губернатору, сказал он.",
        "Компанія «Київстар» запустила канал підтримки в Telegram для абонентів у прифронтових містах.",
        "Telegram blocked 40 channels in Russia on Monday after a court order.",
        "Facebook removed the page of the ministry after complaints from users in Sofia.",
        "تابع الوزير جولته في محافظة أسوان وتفقد محطة المياه الجديدة.",
        "Mwisho wa mwezi huu serikali itaanza kulipa fidia kwa wakazi wa Kigamboni.",
        "Hanoi sẽ đăng ký thêm 200 xe buýt điện trong năm nay, ông Minh cho biết.",
        "Larawan mula sa drone ang nagpakita ng pinsala sa tulay matapos ang bagyo noong Lunes.",
        "Komentarji prebivalcev so bili večinoma kritični do nove brvi čez Ljubljanico.",
        "Все права на трансляцию матча купил один телеканал, сообщил его директор.",
        "Sva prava radnika moraju biti poštovana, rekao je ministar rada.",
        "עקבו אחרי הכסף, אמר החוקר לוועדה בערוץ הכנסת.",
    ],
)
def test_look_alike_article_sentences_survive(sentence):
    text, removed, _ = apply_rules(f"{BODY}\n\n{sentence}\n\n{BODY}")
    assert sentence in text, removed


@pytest.mark.parametrize(
    ("text", "wire", "date", "first"),
    [
        ("ВОЛГОГРАД, 21 мая 2026. /ТАСС/. Власти начали ремонт набережной.", "ТАСС", "2026-05-21", "Власти"),
        ("София, 9 юли 2026 /БТА/. Общинският съвет одобри проекта.", "БТА", "2026-07-09", "Общинският"),
        ("Vilnius, rugsėjo 30 d. (ELTA). Savivaldybė paskelbė konkursą.", "ELTA", None, "Savivaldybė"),
        ("नई दिल्ली, 12 अक्टूबर 2026 (भाषा) दिल्ली सरकार ने घोषणा की है।", "भाषा", "2026-10-12", "दिल्ली"),
    ],
)
def test_datelines_with_unlisted_agency_codes(text, wire, date, first):
    clean, removed, found = apply_rules(text)
    assert clean.startswith(first), removed
    assert found["header"]["wire"] == wire
    assert stamp_date(found["header"].get("dltext") or "") == date


def test_caseless_dateline_and_tail_codes():
    clean, removed, _ = apply_rules("القاهرة - أعلنت الهيئة بدء التشغيل التجريبي.\n\nوقال الوزير إن المحطات جاهزة.")
    assert clean.startswith("أعلنت") and removed[0][0] == "header.caseless_dateline"
    assert tail_kind("/МД/") == "trailer.signoff" and tail_kind("Mwisho") == "trailer.signoff"
    assert tail_kind("Мы продолжим следить") is None


def test_digits_and_months_of_other_scripts():
    assert stamp_date("প্রকাশ: ১২ আগস্ট ২০২৬, ০৯:১৫") == "2026-08-12"
    assert stamp_date("نُشر في ٤ نوفمبر ٢٠٢٦") == "2026-11-04"
    assert stamp_date("3 березня 2026, 01:40") == "2026-03-03"
    assert stamp_date("ngày 14 tháng 9 năm 2026") == "2026-09-14"
    assert stamp_date("23 בפברואר 2026") == "2026-02-23"
    assert not is_social_line("„Facebook“ was fined, the court said.")


@pytest.mark.parametrize(
    ("junk", "rule_id"),
    [
        ("18+", "ui.age_or_address"),
        ("desk@example.co.kr", "ui.age_or_address"),
        ("Yorum yazın", "ui.comments"),
        ("Материалы по теме", "related.heading"),
        ("Benzer haberler", "related.heading"),
        ("Haber Merkezi", "byline.desk"),
        ("انتهای پیام", "trailer.end_phrase"),
        ("Abone olun, gündemi kaçırmayın!", "classify.call_to_action"),
        ("تابعنا على إكس وإنستغرام", "classify.social_line"),
        ("ہمارا واٹس ایپ چینل فالو کریں", "classify.social_line"),
        ("저작권자(c) 한국일보, 무단 전재 및 재배포 금지", "copyright.line"),
    ],
)
def test_round_6b_member_is_removed_and_audited(junk, rule_id):
    assert_removed_between(BODY, junk, rule_id)


@pytest.mark.parametrize(
    "sentence",
    [
        "Abone olun çağrısı yapan belediye başkanı, yeni vapurların haziranda sefere başlayacağını söyledi.",
        "Материалы по теме дела суд изучит в закрытом режиме до конца месяца.",
        "Haber Merkezi binası yangın nedeniyle boşaltıldı ve çalışanlar evden çalışıyor.",
        "18+ kişiler için yeni aşı randevuları bugün açıldı.",
        "Newsroom layoffs at the Gazette",
        "PV panels on every new roof",
    ],
)
def test_round_6b_look_alikes_survive(sentence):
    text, removed, _ = apply_rules(f"{BODY}\n\n{sentence}\n\n{BODY}")
    assert sentence in text, removed


@pytest.mark.parametrize(
    ("text", "wire", "first"),
    [
        ("(부산=연합뉴스) 김민수 기자 = 부산시는 트램 노선을 새로 건설한다고 20일 밝혔다.", "연합뉴스", "부산시는"),
        ("Rīga, 3. jūnijs, LETA. Rīgas dome apstiprināja jauna maršruta būvniecību.", "LETA", "Rīgas"),
        ("تهران - ایرنا - شهرداری تهران از آغاز ساخت خط ۱۰ مترو خبر داد.", "ایرنا", "شهرداری"),
    ],
)
def test_round_6b_wire_headers(text, wire, first):
    clean, removed, found = apply_rules(text)
    assert clean.startswith(first), removed
    assert found["header"]["wire"] == wire


def test_caseless_credit_dateline_needs_a_correspondent_or_agency():
    clean, removed, _ = apply_rules("لاہور (نمائندہ خصوصی) پنجاب حکومت نے منظوری دے دی ہے۔")
    assert clean.startswith("پنجاب") and removed[0][0] == "header.caseless_credit_dateline"
    sentence = "الحكومة (السابقة) قررت تمديد خط الترام حتى مدينة إكسبو."
    assert apply_rules(sentence)[0] == sentence


@pytest.mark.parametrize(
    "first",
    [
        "Apple, the $3 trillion company (AAPL) said on Monday it would open a plant in Texas.",
        "Tesla, up 4% on the week, NYSE: shares rose again on Friday.",
        "Vilnius, 30 d. (ELTA) pranešimas buvo išplatintas.",
    ],
)
def test_opening_sentences_are_not_datelines(first):
    assert apply_rules(f"{first}\n\n{BODY}")[0].startswith(first)


@pytest.mark.parametrize(
    ("junk", "rule_id"),
    [
        ("Udostępnij artykuł", "classify.ui_label"),
        ("この記事を共有する", "classify.ui_label"),
        ("ΔΙΑΦΗΜΙΣΗ", "ad.marker"),
        ("Continua depois da publicidade", "ad.marker"),
        ("Σύνταξη: Newsroom", "meta.source_line"),
        ("Por Redação Diário do Sertão", "byline.desk"),
        ("【责任编辑：张伟】", "meta.cjk_editor"),
        ("扫一扫，关注我们的微信公众号", "classify.social_line"),
        ("Mời bạn đọc theo dõi các bản tin thời sự trên kênh YouTube", "social.prompt"),
    ],
)
def test_round_6c_member_is_removed_and_audited(junk, rule_id):
    assert_removed_between(BODY, junk, rule_id)


@pytest.mark.parametrize(
    ("text", "wire", "first"),
    [
        (
            "新华社成都6月9日电（记者王丽）成都市政府9日宣布，地铁30号线二期工程将于今年年底开工建设。",
            "新华社",
            "成都市政府",
        ),
        ("Львів, 14 травня 2026 – Укрінформ. Львівська міська рада ухвалила рішення.", "Укрінформ", "Львівська"),
        ("Đà Nẵng (TTXVN) - Ủy ban nhân dân thành phố vừa phê duyệt dự án.", "TTXVN", "Ủy"),
    ],
)
def test_round_6c_wire_headers(text, wire, first):
    clean, removed, found = apply_rules(text)
    assert clean.startswith(first), removed
    assert found["header"]["wire"] == wire


def test_corner_bracket_and_colon_datelines():
    clean, removed, _ = apply_rules("【札幌共同】北海道は20日、新しい鉄道路線の建設計画を発表した。\n\n(共同通信)")
    assert clean.startswith("北海道") and removed[0] == ("header.corner_bracket", "【札幌共同】")
    clean, removed, _ = apply_rules("சென்னை: சென்னை மெட்ரோ ரயில் நிறுவனம் சோதனை ஓட்டத்தை தொடங்கியுள்ளது.")
    assert clean.startswith("சென்னை மெட்ரோ") and removed[0][0] == "header.caseless_dateline"
    # a mid-story "Name (CODE)" in a Latin script is no dateline: only the story's opening is looked at
    sentence = "Analysts at Bank of America (BofA) expect the plant to open in 2027."
    assert apply_rules(f"{BODY}\n\n{sentence}")[0].endswith(sentence)


@pytest.mark.parametrize(
    ("junk", "rule_id"),
    [
        ("Sdílet na Facebooku", "ui.share_on"),
        ("Partajează pe WhatsApp", "ui.share_on"),
        ("Sledujte nás na sociálních sítích", "classify.social_line"),
        ("Líbí se vám článek? Podpořte nezávislou žurnalistiku.", "banner.support_other_languages"),
        ("Distribuie articolul", "classify.ui_label"),
        ("구독하기", "classify.ui_label"),
        ("ⓒ 한빛일보, 무단전재 및 재배포 금지", "copyright.line"),
        ("Fotó: Kovács Anna", "caption.credit_line"),
        ("Все права на материалы защищены.", "copyright.line"),
        ("ติดตามข่าวสารได้ที่เพจเฟซบุ๊กของเรา", "classify.social_line"),
        ("आमचे व्हॉट्सॲप चॅनेल फॉलो करा", "classify.social_line"),
        ("2026.06.30 10:00", "classify.stamp"),
    ],
)
def test_round_6d_member_is_removed_and_audited(junk, rule_id):
    assert_removed_between(BODY, junk, rule_id)


@pytest.mark.parametrize(
    "sentence",
    [
        "Sdílet na Facebooku fotky dětí rodiče často nechtějí, ukázal průzkum.",
        "Social media companies must remove illegal posts within 24 hours under the new law.",
    ],
)
def test_round_6d_look_alikes_survive(sentence):
    text, removed, _ = apply_rules(f"{BODY}\n\n{sentence}\n\n{BODY}")
    assert sentence in text, removed


@pytest.mark.parametrize(
    ("text", "first", "date"),
    [
        ("КАЗАНЬ. 12 ноября. ИНТЕРФАКС - Власти Татарстана утвердили проект.", "Власти", None),
        ("Szeged, 2026. április 9. – Új villamosvonal épül Szegeden.", "Új", "2026-04-09"),
        ("पुणे, ता. 18 : पुणे मेट्रोच्या मार्गाचे काम पूर्ण झाले आहे.", "पुणे मेट्रोच्या", None),
        ("กรุงเทพฯ - การรถไฟแห่งประเทศไทยเปิดเผยว่ารถไฟฟ้าจะเปิดให้บริการ", "การรถไฟ", None),
    ],
)
def test_round_6d_datelines(text, first, date):
    clean, removed, found = apply_rules(text)
    assert clean.startswith(first), removed
    assert stamp_date(found["header"].get("dldate") or found["header"].get("dltext") or "") == date
