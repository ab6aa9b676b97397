"""Boilerplate signals of round 5, each with the article look-alikes it must leave alone (recall first)."""

import pytest

from transforms.boilerplate_classes import is_call_to_action, is_contact_line, is_social_line, tail_kind
from transforms.clean import apply_rules


@pytest.mark.parametrize(
    ("para", "kind"),
    [
        ("SYL // JMR", "trailer.signoff"),  # editors' initials
        ("ES/AE", "trailer.signoff"),
        ("/cb", "trailer.signoff"),
        ("(Hina) ip mc", "trailer.signoff"),  # an agency and initials
        ("Lusa/Fim", "trailer.signoff"),  # an agency and an end word
        ("– Rappler.com", "trailer.signoff"),  # the outlet's domain
        ("Jane Doe is a Rappler Visayas correspondent.", "trailer.bio"),
        ("x Franzi", None),  # a blog's closing greeting
        ("Kreole: Stella Hoops", None),  # a product line
        ("Police are investigating", None),  # a last sentence without its full stop
        ("The trial continues on Monday.", None),
        ("Smith is a reporter at heart, friends said, and never stopped asking.", None),
    ],
)
def test_tail_kind(para, kind):
    assert tail_kind(para) == kind


def test_signoffs_go_only_at_the_end_and_a_domain_names_the_outlet():
    text, removed, found = apply_rules(
        "Officials said the bridge would reopen in May.\n\nES/AE\n\nThe mayor welcomed the news.\n\n– Rappler.com\n\n"
        "Jane Doe is a Rappler Visayas correspondent."
    )
    assert text == "Officials said the bridge would reopen in May.\n\nES/AE\n\nThe mayor welcomed the news."
    assert [r[0] for r in removed] == ["trailer.bio", "trailer.signoff"] and found["outlets"] == ["Rappler"]
    text, _, _ = apply_rules("SYL // JMR")  # never the whole text
    assert text == "SYL // JMR"


@pytest.mark.parametrize(
    "para",
    [
        "Pratite nas na Facebooku i Instagramu",
        "Kövess minket a Facebookon is!",
        "Bizi Google News'ten takip edin",
        "Urmărește-ne pe Google News și pe canalul nostru de WhatsApp pentru cele mai noi știri.",
        "Follow @OzarkLedger on X, Facebook and Instagram",
    ],
)
def test_social_prompts_in_any_language(para):
    assert is_social_line(para)


@pytest.mark.parametrize(
    "para",
    [
        "Facebook and Instagram face an EU fine over teenage users",  # a headline about the platforms
        "The minister posted the video on Facebook on Sunday.",
        "Meta said WhatsApp would add the feature for us users next year.",  # reported speech
        "What do you think? Let us know in the comments or carry the discussion over to our Twitter or Facebook "
        "pages, where readers have argued about the new season for weeks.",  # too long for a prompt
        "Instagramshops machen es Abmahnanwälten leicht",  # a compound, not the platform
    ],
)
def test_sentences_about_platforms_stay(para):
    assert not is_social_line(para)


def test_contact_lines():
    assert is_contact_line("Email the reporter at jmorales@ozarkledger.example or call 417-555-0142.")
    assert not is_contact_line("The hackers demanded payment at pay@evil.example, police said.")
    assert not is_contact_line("Applications can be sent to jobs@council.example until March 5.")


@pytest.mark.parametrize(
    "para",
    [
        "This story is free to read. Subscribers fund our newsroom: from $1 a week for the first three months.",
        "Sostieni l'informazione locale: abbonati al Corriere del Garda da 1 euro al mese.",
        "Reminder, this is a Premium article and requires a subscription to read.",
        "Northern Lights Public Radio is listener-supported. Become a sustaining member today.",
        "By providing an e-mail address. I agree to the Terms of Use and acknowledge that I have read the Privacy "
        "Policy.",
        "Advertise with The Waikato Examiner",
        "LDR is local body journalism co-funded by RNZ and NZ On Air.",
        "Jenna Morales | Staff Writer",
        "de Andreea Vlădescu",
        "Citește și: Tarifele STB cresc de la 1 octombrie",
        "Baca juga: Tarif Trans Metro Pasundan naik bulan depan",
        "READ: Metro Manila pumping stations get P2-billion upgrade",
        "Kaynak: Ege Postası",
        "Editor: Dedi Supriadi",
        "Etichete: metrou, Otopeni, Metrorex",
        "Hirdetés",
        "İlgili Haberler",
        "More from SA News",
        "Alle Artikel zu Verkehr in Zürich",
        "Deel dit artikel",
        "Reprints and permissions",
        "Want more ag news? Get our free Farm & Ranch newsletter every Tuesday.",
        "Have a question or a story idea? Contact the newsroom at news@pecoscourier.example.",
    ],
)
def test_boilerplate_of_new_outlets_is_removed(para):
    text, removed, _ = apply_rules(
        "The council approved the budget on Monday.\n\n" + para + "\n\nIt takes effect in May."
    )
    assert text == "The council approved the budget on Monday.\n\nIt takes effect in May.", removed


@pytest.mark.parametrize(
    "para",
    [
        "Households will pay €5 a month more for electricity from January.",  # a price in a story
        "Netflix raised its subscription price to $17.99 a month, the company said.",
        "Residents can read the full plan at the library until March.",
        "Source of the leak remains unknown, the ministry added.",
        "Funding for the project is supported by the regional government.",
        "de Madrid a Sevilla en dos horas",
        "The group became a member of the alliance in 2019.",
    ],
)
def test_article_sentences_stay(para):
    text, removed, _ = apply_rules(
        "The council approved the budget on Monday.\n\n" + para + "\n\nIt takes effect in May."
    )
    assert para in text, removed
    assert not is_call_to_action(para)


def test_headline_with_a_colon_stays_and_markers_glued_to_the_end_go():
    text, _, _ = apply_rules("Read: the new rules explained\n\nThe rules take effect in May.")
    assert text.startswith("Read: the new rules explained")  # the first paragraph is the headline
    text, removed, _ = apply_rules("Analysts said the cut was widely expected. Enditem")
    assert text == "Analysts said the cut was widely expected." and removed == [
        ("trailer.end_marker_inline", "Enditem")
    ]


def test_agency_code_dateline():
    text, _, found = apply_rules("Accra, June 5, GNA - The Ghana Health Service says malaria cases fell.")
    assert text == "The Ghana Health Service says malaria cases fell." and found["header"]["wire"] == "GNA"


@pytest.mark.parametrize(
    "para",
    [
        "Comments are closed.",
        "Sign in to comment",
        "Image 1 of 3",
        "Foto 2 de 12",
        "The Lanka Business Mirror is not responsible for the content of external sites.",
        "Want to see more stories like this? Bookmark our homepage.",
        "Llegeix també: Les obres a l'R3 obligaran a tallar la línia tot l'estiu",
        "Subscriu-te al butlletí i rep cada matí les notícies del Llobregat.",
        "Publicitat",
        "Partilhe esta notícia",
        "Redacció |",
    ],
)
def test_more_interface_and_language_families(para):
    text, removed, _ = apply_rules(
        "The council approved the budget on Monday.\n\n" + para + "\n\nIt takes effect in May."
    )
    assert text == "The council approved the budget on Monday.\n\nIt takes effect in May.", removed


@pytest.mark.parametrize(
    "para",
    [
        "Three comments were made at the hearing, the clerk said.",
        "Game 2 of 7 is on Friday.",
        "The league won 3 of 5 games.",
    ],
)
def test_look_alikes_of_interface_lines_stay(para):
    text, removed, _ = apply_rules(
        "The council approved the budget on Monday.\n\n" + para + "\n\nIt takes effect in May."
    )
    assert para in text, removed


def test_agency_dateline_in_any_script_and_a_lone_agency_code_at_the_end():
    _, _, found = apply_rules("ΑΘΗΝΑ, 3 Απριλίου (ΑΠΕ-ΜΠΕ) - Η γραμμή 4 του μετρό θα λειτουργήσει το 2029.")
    assert found["header"]["wire"] == "ΑΠΕ-ΜΠΕ"
    text, _, found = apply_rules("O Governo vai investir 120 milhões de dólares.\n\nANGOP")
    assert text == "O Governo vai investir 120 milhões de dólares." and found["outlets"] == ["ANGOP"]
    _, _, found = apply_rules("O Governo vai investir 120 milhões de dólares.\n\nFIM")
    assert "outlets" not in found  # an end word names no agency


def test_labelled_link_paragraphs_of_the_page_are_removed():
    from transforms.page import extract_html

    html = (
        "<html><body><article><h1>Tram line opens</h1>"
        "<p>The new tram line opened on Monday with ten stops between the station and the university campus.</p>"
        "<p>Citește și: <a href='/a'>Tarifele STB cresc de la 1 octombrie</a></p>"
        "<p><a href='/e'>Hier geht's zur Facebook Veranstaltung</a></p>"
        "<p>Officials said the line would carry <a href='/r'>40,000 riders</a> a day by the end of the year.</p>"
        "</article></body></html>"
    )
    page = extract_html(html)
    assert page["link_lines"] == ["Citește și: Tarifele STB cresc de la 1 octombrie"]  # labelled links only
    text, removed, _ = apply_rules(page["text"], link_lines=page["link_lines"])
    assert "Citește" not in text and "40,000 riders" in text and "Facebook Veranstaltung" in text
    assert ("html.link_paragraph", "Citește și: Tarifele STB cresc de la 1 octombrie") in removed
