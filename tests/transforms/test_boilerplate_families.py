"""Families added to generalise beyond the development gold (blind batch A, evaluation/README.md): calls to action,
interface labels and stamp lines judged by structure and vocabulary, agency sign-offs, caption credits, trailers.
Each family on text it must remove, and article sentences that look alike and must survive."""

import pytest

from tests.checks import assert_removed_between
from transforms.boilerplate_classes import is_call_to_action, is_stamp, is_ui_label, stamp_date
from transforms.clean import apply_rules
from transforms.metadata import copyright_outlet

BODY = "The regional council approved the harbour budget on Tuesday after a long debate about dredging costs."


@pytest.mark.parametrize(
    ("junk", "rule_id"),
    [
        # calls to action in six languages, none named by a pattern rule
        (
            "Receba as notícias do Diário no seu WhatsApp. Clique aqui e entre no nosso canal.",
            "classify.call_to_action",
        ),
        ("Seguinos en Instagram, X y TikTok para estar siempre informado.", "classify.call_to_action"),
        ("Écoutez notre balado tous les vendredis sur Spotify.", "classify.call_to_action"),
        ("Hören Sie unseren Podcast jeden Montag in der App.", "classify.call_to_action"),
        ("Pobierz naszą aplikację i obserwuj nas na Facebooku.", "classify.call_to_action"),
        ("For the latest news, follow The Harbour Times on WhatsApp Channels.", "classify.call_to_action"),
        ("Podcast: this week we unpack the budget. Listen now on Apple Podcasts.", "classify.call_to_action"),
        ("Create a free account to keep reading. Already registered? Sign in.", "classify.call_to_action"),
        # interface labels
        ("COMMENTS", "classify.ui_label"),
        ("Kommentare (14) - Jetzt mitdiskutieren!", "classify.ui_label"),
        ("Republish this story", "classify.ui_label"),
        # stamps
        ("Published - April 23, 2026 10:41 pm IST", "classify.stamp"),
        ("Publié le 28 janvier 2026 à 16 h 05 · Mis à jour le 28 janvier 2026 à 18 h 30", "classify.stamp"),
        ("09/03/2026 14h22 · Atualizado há 2 horas", "classify.stamp"),
        # captions whose credit closes them
        ("Workers repair a burst pipe in Mitchells Plain. (Brenton Geach/Gallo Images)", "caption.credit_at_end"),
        ("A train near the station. | Photo Credit: Nagara Gopal", "caption.credit_at_end"),
        ("Passageiros embarcam no terminal — Foto: Wildes Barbosa/Jornal do Cerrado", "caption.credit_at_end"),
        ("Floodwater surrounds a farmhouse on Sunday. Picture by Les Smith", "caption.credit_at_end"),
        ("Fot. PAP/Leszek Szymański", "caption.credit_line"),
        # related links, registration walls, bios, tips
        ("Mirá también: Bajante del Paraná", "related.also_read"),
        ("Czytaj także: Rząd przyjął program budowy obwodnic", "related.also_read"),
        ("Mehr zum Thema\nU2-Verlängerung: Erste Station fertig", "related.also_read"),
        ("This article is free for registered users", "banner.subscribe"),
        ("Dana Whitfield is a senior reporter covering freight. Reach her at dw@example.org.", "bio.contact"),
        ("Do you have a news tip? Email tips@example.org.", "prompt.callout"),
        # trailers and agency sign-offs
        ("Ce contenu a été produit avec l'aide financière des Bourses de Meta.", "trailer.funding"),
        ("With files from Keith Doucette in Halifax.", "trailer.with_files"),
        ("Autor: Katarzyna Wiśniewska (PAP)", "byline"),
        ("kw/ mok/ mhr/", "trailer.agency_signoff"),
        ("(Schluss) sto/mk", "trailer.agency_signoff"),
        # second round (blind batch C)
        ("LIRE AUSSI TER : la deuxième phase livrée en 2027", "related.caps_marker"),
        ("Más noticias de Santiago", "related.heading"),
        ("Related Stories", "related.heading"),
        ("SUMMARISE THIS ARTICLE", "classify.ui_label"),
        ("Comparte esta noticia", "classify.ui_label"),
        ("Beta feature. AI-generated summaries may contain errors.", "notice.ai_generated"),
        (
            "Dalsza część artykułu dostępna dla subskrybentów. Kup dostęp już od 9,90 zł.",
            "banner.paywall_other_languages",
        ),
        ("Masz temat? Napisz do nas: redakcja@example.org", "prompt.callout"),
        ("Join ST's WhatsApp Channel and get the latest news and must-reads.", "classify.call_to_action"),
        ("Copyright © Keystone-SDA. Alle Rechte vorbehalten.", "copyright.line"),
        ("sda-mm/ps", "trailer.agency_signoff"),
        ("jw ksl", "trailer.agency_signoff"),
        # third round (blind batch D)
        ("Artikel anhören", "classify.ui_label"),
        ("Mehr aus der Region: Wattwanderungen: Neue Regeln für Gruppen", "related.also_read"),
        ("APP/ask/mah", "trailer.wire_signoff"),
        ("Catch all the City News, Breaking News Events and Latest News Updates on Live Ledger.", "promo.catch_latest"),
        ("Redacción Bogotá", "byline.desk"),
        ("Síganos en nuestro canal de WhatsApp", "classify.call_to_action"),
        ("Temas relacionados", "related.heading"),
        # fourth round (blind batch E)
        ("Te puede interesar", "related.heading"),
        ("Estimated 3 minutes", "meta.reading_time"),
        ("Lesezeit: 2 Minuten", "meta.reading_time"),
        ("The audio version of this article is generated by text-to-speech.", "notice.ai_generated"),
        ("Corrections and clarifications | Submit a news tip | Report error", "classify.ui_label"),
        ("Ottieni il codice embed", "classify.ui_label"),
        ("Guardar · Comentar · Compartir", "classify.ui_label"),
        ("Archivado en: Sanfermines, Pamplona", "meta.tags"),
        ("Support PREMIUM TRIBUNE's journalism of integrity and credibility", "banner.support_journalism"),
        (
            "At the Tribune, we believe in journalism. Not everyone can afford costly news subscriptions, so we keep "
            "our reporting freely accessible to all.",
            "banner.journalism_appeal",
        ),
        ("Ressort: Inland | Datum: 04.05.2026", "meta.dump_fields"),
        ("(red, APA, 4.5.2026)", "trailer.desk_credit"),
        ("Australian Associated Press", "trailer.wire_name"),
    ],
)
def test_family_member_is_removed_and_audited(junk, rule_id):
    assert_removed_between(BODY, junk, rule_id)


@pytest.mark.parametrize(
    "sentence",
    [
        "The app, available on Google Play and the App Store, has two million users.",
        "Users can subscribe to the newsletter for free, the company said.",
        "Follow the money, investigators told the committee on WhatsApp.",
        "Download speeds on the app fell by half in March.",
        '"Click here and you lose your savings," the regulator warned about the scam.',
        "Listen to the farmers, the minister said, before changing the subsidy.",
        "Support for the party rose to 34% (Reuters/Ipsos poll).",
        "The report was published on Tuesday by the health ministry and found waiting lists had grown.",
        "This project was funded by the European Union and will build 40 kilometres of cycle lanes.",
        "John Smith is a retired teacher who asked neighbours to contact him about the missing dog.",
        "The share of renters rose to 41 percent.",
        "Comments from the mayor angered residents.",
        "Police arrived at 4:55 pm and closed the road.",
        "Seguí trabajando hasta las 10, dijo la enfermera.",
        "Related charges were dropped on Monday.",
        "Most read the report before the vote, the clerk said.",
        "Join the queue early, organisers advised visitors to the festival.",
        "Copyright claims against the band were dismissed.",
        "Get the kids to school early, the head teacher told parents in the news.",
        "Redacción de la ley llevó tres años, dijo el senador.",
        "Our journalism students cannot afford the fees, the dean said.",
        "The 3 minutes of silence were observed across the country.",
        "Date: the council has not yet set one for the vote.",
    ],
)
def test_look_alike_article_sentences_survive(sentence):
    text, removed, _ = apply_rules(f"{BODY}\n\n{sentence}\n\n{BODY}")
    assert sentence in text, removed


def test_agency_dump_headers_give_date_place_and_wire():
    text, _, found = apply_rules(
        "04.03.2026 11:23 | APA\n\nWien (APA) - Die Wiener Linien erhöhen ab Mai den Takt.\n\n(Schluss) sto/mk"
    )
    assert text == "Die Wiener Linien erhöhen ab Mai den Takt."
    assert found["stamp_dates"] == ["2026-03-04"]  # day first: not April 3
    assert found["header"]["wire"] == "APA"
    text, _, found = apply_rules("13.03.2026 11:42 Warszawa (PAP) - Sejm uchwalił w piątek nowelizację ustawy.")
    assert text == "Sejm uchwalił w piątek nowelizację ustawy."
    assert found["stamp_dates"] == ["2026-03-13"] and found["header"]["wire"] == "PAP"


def test_aggregator_copy_names_outlet_and_syndicator():
    text, _, found = apply_rules(
        "Vanguard (Lagos)\n16 March 2026\n\nLagos — The state government began demolitions on Monday.\n\n"
        "Read the original article on Vanguard.\n\n"
        "Copyright © 2026 Vanguard. All rights reserved. Distributed by AllAfrica Global Media (allAfrica.com)."
    )
    assert text == "The state government began demolitions on Monday."
    assert found["header"]["source"] == "Vanguard"
    assert found["stamp_dates"] == ["2026-03-16"]
    assert found["outlets"] == ["Vanguard"] and found["syndicators"] == ["AllAfrica"]


def test_first_published_note_is_outlet_and_date_evidence():
    _, _, found = apply_rules(f"{BODY}\n\nThis report by The Canadian Press was first published Feb. 19, 2026.")
    assert found["outlets"] == ["Canadian Press"] and found["stamp_dates"] == ["2026-02-19"]


def test_stamp_date_and_classifiers():
    assert stamp_date("Posted Wednesday, March 18, 2026 4:55 pm") == "2026-03-18"
    assert stamp_date("13 marca 2026, godz. 11:42") == "2026-03-13"
    assert stamp_date("Updated October 6 2026 - 9:12am, first published 6:30am") is None  # an update, not the date
    assert stamp_date("31.02.2026") is None
    assert is_stamp("HYDERABAD, April 23, 2026 22:41 IST") and not is_stamp("Police arrived at 4:55 pm.")
    assert is_ui_label("SHARE") and not is_ui_label("Share prices fell.")
    assert not is_call_to_action('Sign up for the newsletter, she said, "and you get the paper free."')


def test_rights_phrase_is_not_an_outlet():
    assert copyright_outlet(["All rights reserved"]) is None
    assert copyright_outlet(["All Rights Reserved. Heartland Trade Media LLC"]) is None
    assert copyright_outlet(["The Deccan Ledger Pvt Ltd"]) == "The Deccan Ledger"
    _, _, found = apply_rules(f"{BODY}\n\n© 2026 All rights reserved.")
    assert copyright_outlet(found.get("copyright_holders")) is None


def test_a_repaired_broken_declared_date_is_not_used():
    from transforms.metadata import _text_date

    assert _text_date({"date_structured": "2026-02-30", "date": "2026-02-01"}) is None  # htmldate's repair
    assert _text_date({"date_structured": "2026-02-30", "date": "2025-11-04"}) == "2025-11-04"  # other evidence
    assert _text_date({"date_structured": "2026-02-12", "date": "2026-02-12"}) == "2026-02-12"


def test_scores_load_when_no_article_has_a_date(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from evaluation.scoring import load_rows

    part = tmp_path / "articles" / "published_date=__HIVE_DEFAULT_PARTITION__" / "language=en"
    part.mkdir(parents=True)
    pq.write_table(pa.table({"input_uri": ["a.txt"], "text": ["x"]}), part / "part-0.parquet")
    rows = load_rows(tmp_path)
    assert [(r["published_date"], r["language"]) for r in rows] == [(None, "en")]


def test_second_round_datelines_and_evidence():
    from transforms.metadata import _affiliated_wire, dateline_date

    text, _, found = apply_rules("Santiago, 7 de octubre de 2026.- El Metro informó este martes un retraso.")
    assert text == "El Metro informó este martes un retraso."
    assert dateline_date(found["header"]["dldate"]) == "2026-10-07"
    text, _, found = apply_rules("Praha 11. listopadu (ČTK) - Praha chce vysadit 20 000 stromů.")
    assert text == "Praha chce vysadit 20 000 stromů." and found["header"]["wire"] == "ČTK"
    _, _, found = apply_rules(f"By Lucy Kerr, PA Scotland\n\n{BODY}")
    assert _affiliated_wire(found["affiliations"]) == "PA Media"
    assert _affiliated_wire(["Mountain West Report"]) is None
    _, _, found = apply_rules(f"Updated: Thursday | November 5, 2026 | 9:41 AM\n\n{BODY}")
    assert found.get("stamp_dates") is None and found["updated_dates"] == ["2026-11-05"]  # weakest evidence


def test_third_round_headers_name_the_wire():
    text, _, found = apply_rules("(Belga) La STIB mettra en service 40 nouveaux bus.")
    assert text == "La STIB mettra en service 40 nouveaux bus." and found["header"]["wire"] == "Belga"
    text, _, found = apply_rules("BOGOTÁ. La Alcaldía anunció nuevos buses.\n\nISLAMABAD, Mar 3 (APP): x")
    assert text.startswith("La Alcaldía anunció") and found["header"]["place"] == "BOGOTÁ"
    _, _, found = apply_rules(f"{BODY}\n\nAPP/ask/mah")
    assert found["outlets"] == ["APP"]


def test_fourth_round_evidence():
    _, _, found = apply_rules(f"Ressort: Inland | Datum: 04.05.2026\n\n{BODY}\n\n(red, APA, 4.5.2026)")
    assert found["stamp_dates"] == ["2026-05-04", "2026-05-04"]
    _, _, found = apply_rules(f"{BODY}\n\nAustralian Associated Press")
    assert found["outlets"] == ["AAP"]
