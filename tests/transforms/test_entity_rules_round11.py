"""Round 11 of the entity rules (issue #4, from blind batches M and N): weekdays and months of languages that
capitalise them, honorifics and local titles before a name, and a person named by part of a longer name linked to
it, as look-alike sentences with invented names (not the gold articles), and the guards that keep them from
over-reaching."""

from __future__ import annotations

import pytest

from tests.checks import mentions_by_text as tags


@pytest.mark.parametrize(
    ("text", "language", "word"),
    [
        # a weekday or month of a language that capitalises them is no name, also next to a listed body
        ("Warga melapor ke Pengadilan Negeri Sengkang, Kamis (7/3), soal banjir.", "id", "Kamis"),
        ("Sidang lanjutan dijadwalkan pada Februari di kota itu.", "id", "Februari"),
        ("Mahkamah menolak rayuan itu pada Khamis lalu.", "ms", "Khamis"),
        ("Toplantı 3 Mart Salı günü İzmir'de yapılacak.", "tr", "Salı"),
        ("Toplantı 3 Mart Salı günü İzmir'de yapılacak.", "tr", "Mart"),
        # an honorific glued to the surname it introduces
        ('"We waited a year," Mdm Lee said of the repairs.', "en", "Mdm Lee"),
    ],
)
def test_round11_calendar_words_and_honorifics_are_no_names(text, language, word):
    assert word not in tags(text, language)


def test_round11_a_month_after_a_given_name_is_a_surname():
    # a Turkish month is also a surname: after a given name it stays a name
    found = tags("Kaleci Emre Mayıs sakatlandı ve maça çıkmadı.", "tr")
    assert "Emre Mayıs" in found and found["Emre Mayıs"]["label"] == "PERSON"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mdm Goh Bee Lian, 71, said the lift had broken twice.", "Goh Bee Lian"),
        ("Datuk Rahim Osman opened the new wing on Friday.", "Rahim Osman"),
        ("Toshao Clement James said the village would appeal.", "Clement James"),
    ],
)
def test_round11_honorifics_and_local_titles_introduce_a_person(text, name):
    found = tags(text)
    assert name in found and found[name]["label"] == "PERSON"


@pytest.mark.parametrize(
    ("text", "language", "full", "short"),
    [
        # a surname with a particle or in two parts, alone after the full name
        (
            "The winner came from Pádraig Mac Giolla Bhríde. Mac Giolla Bhríde scored twice.",
            "en",
            "Pádraig Mac Giolla Bhríde",
            "Mac Giolla Bhríde",
        ),
        (
            "Radna Ewa Kowalczyk-Brzezińska zabrała głos. Kowalczyk-Brzezińska dodała, że to koniec.",
            "pl",
            "Ewa Kowalczyk-Brzezińska",
            "Kowalczyk-Brzezińska",
        ),
        # a surname written first, then alone after an honorific
        ('Mdm Goh Bee Lian, 71, said the lift had broken. "Nobody came," Mdm Goh said.', "en", "Goh Bee Lian", "Goh"),
    ],
)
def test_round11_part_of_a_longer_name_links_to_it(text, language, full, short):
    found = tags(text, language)
    assert found[short]["entity_id"] == found[full]["entity_id"]
    assert found[short]["name"] == full


def test_round11_a_part_shared_by_two_people_links_to_neither():
    text = "Ciarán Mac Giolla Bhríde scored and Seán Mac Giolla Bhríde saved. Mac Giolla Bhríde said little."
    found = tags(text)
    ids = {found["Ciarán Mac Giolla Bhríde"]["entity_id"], found["Seán Mac Giolla Bhríde"]["entity_id"]}
    assert found["Mac Giolla Bhríde"]["entity_id"] not in ids


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        # an institution of two domains joined by the language's "and", also opening a sentence
        (
            "Kementerian Pertanian dan Ketahanan Pangan belum memberikan tanggapan.",
            "id",
            "Kementerian Pertanian dan Ketahanan Pangan",
        ),
        (
            "Warga mengadu kepada Lembaga Perlindungan Saksi dan Korban pekan lalu.",
            "id",
            "Lembaga Perlindungan Saksi dan Korban",
        ),
        (
            "Ministerstwo Rolnictwa i Rozwoju Wsi nie odpowiedziało na pytania.",
            "pl",
            "Ministerstwo Rolnictwa i Rozwoju Wsi",
        ),
        ("Związek Nauczycielstwa Polskiego zapowiedział protest.", "pl", "Związek Nauczycielstwa Polskiego"),
        # Turkish: the head ends the second domain
        ("Konya Sanayi ve Ticaret Odası başkanı konuştu.", "tr", "Konya Sanayi ve Ticaret Odası"),
        # an acronym with Turkish or Polish capitals
        ("Karar Konya Sanayi Odası (KSO) ve ŞÜKB tarafından açıklandı.", "tr", "ŞÜKB"),
    ],
)
def test_round11_institutions_of_two_domains_are_one_name(text, language, name):
    found = tags(text, language)
    assert name in found and found[name]["label"] == "ORG", found


@pytest.mark.parametrize(
    ("text", "language", "first", "second"),
    [
        # two bodies, or a body and a person, joined by "and" stay two names
        (
            "Pejabat dari Kementerian Kesehatan dan Kementerian Sosial hadir di Bogor.",
            "id",
            "Kementerian Kesehatan",
            "Kementerian Sosial",
        ),
        (
            "Umowę podpisali Ministerstwo Zdrowia i Anna Wiśniewska z Gdyni.",
            "pl",
            "Ministerstwo Zdrowia",
            "Anna Wiśniewska",
        ),
        # a known place, "ve" and a body: two names
        ("Türkiye ve Avrupa Birliği arasındaki görüşmeler sürüyor.", "tr", "Türkiye", "Avrupa Birliği"),
    ],
)
def test_round11_two_bodies_joined_by_and_stay_apart(text, language, first, second):
    found = tags(text, language)
    assert first in found and second in found, found


@pytest.mark.parametrize(
    ("text", "language", "name", "label"),
    [
        # a title, "for/of", a portfolio, then the person
        ("Provincial MEC for Human Settlements Lindiwe Mabaso opened the houses.", "en", "Lindiwe Mabaso", "PERSON"),
        ("Minister of Public Works Deodat Persaud toured the site.", "en", "Deodat Persaud", "PERSON"),
        ("Minister for Rural Roads K. T. Varghese will visit.", "en", "K. T. Varghese", "PERSON"),
        # a lower-case "speaker" before a person whose given name is also a place
        ("Council speaker Soweto Mahlangu-Nkosi adjourned the sitting.", "en", "Soweto Mahlangu-Nkosi", "PERSON"),
        # companies named with "Air" or "Express"
        ("Pamir Air added two routes this winter.", "en", "Pamir Air", "ORG"),
        ("Shares of Altyn Express rose on their first day.", "en", "Altyn Express", "ORG"),
        # Turkish: the body, its title, the person
        ("Konya Büyükşehir Belediye Başkanı Ali Er konuştu.", "tr", "Konya Büyükşehir Belediye", "ORG"),
        ("Konya Büyükşehir Belediye Başkanı Ali Er konuştu.", "tr", "Ali Er", "PERSON"),
        ("Liman-İş Sendikası İzmir Şube Başkanı Veli Kaya katıldı.", "tr", "Liman-İş Sendikası", "ORG"),
        ("Liman-İş Sendikası İzmir Şube Başkanı Veli Kaya katıldı.", "tr", "Veli Kaya", "PERSON"),
    ],
)
def test_round11_titles_with_a_portfolio_or_a_body_and_company_words(text, language, name, label):
    found = tags(text, language)
    assert name in found and found[name]["label"] == label, found


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a portfolio with a person's given name in it, or a surname that is a common word: no split
        ("Minister for Foreign Affairs Penny Wong met her counterpart.", "Affairs Penny Wong"),
        ("The Secretary of State for Health and Social Care spoke.", "Social Care"),
    ],
)
def test_round11_portfolio_split_guards(text, word):
    assert word not in tags(text)
