from transforms.clean import apply_rules, paragraphs


def test_menafn_header_is_removed_and_parsed():
    text, removed, found = apply_rules(" date 2026-01-01 MENAFN - Live Mint) US officials said on Monday.\n\nMore.")
    assert text.startswith("US officials said on Monday.")
    assert found["header"] == {"date": "2026-01-01", "source": "Live Mint", "syndicator": "MENAFN"}
    assert removed[0][0] == "header.menafn"


def test_captions_related_links_and_trailers_are_dropped_with_audit():
    text, removed, _ = apply_rules(
        "Ukraine hit a target. (Photo for representation)(REUTERS)\n\n"
        "| Trump Shares Editorial Critical of Putin After Setback in Talks\n\n"
        "open image in gallery Trump told reporters ( REUTERS )\n\n"
        "The talks go on.\n\n(With ANI inputs)"
    )
    assert text == "Ukraine hit a target.\n\nThe talks go on."
    assert {r for r, _ in removed} == {
        "caption.photo_credit",
        "related.pipe_headline",
        "caption.open_image_gallery",
        "trailer.with_inputs",
    }


def test_article_sentences_with_similar_words_survive():
    article = (
        "The photo (taken by a resident) went viral.\n\n"
        "Read more carefully, the report says otherwise.\n\n"
        "Officials gave inputs to the inquiry."
    )
    text, _, _ = apply_rules(article)
    assert "Officials gave inputs to the inquiry." in text
    assert "Read more carefully, the report says otherwise." in text


def test_a_table_of_figures_survives_beside_a_related_link_with_a_pipe():
    table = "| club | played | points |\n|---|---|---|\n| Harbour Rovers | 12 | 28 |\n| Northgate Athletic | 12 | 25 |"
    text, removed, _ = apply_rules(
        f"The league table after Saturday's games:\n\n{table}\n\n| Five things to know about the new budget"
    )
    assert all(row in text.split("\n\n") for row in table.split("\n"))  # each row is kept, in order
    assert text.index("Harbour Rovers") < text.index("Northgate Athletic")
    assert [rule for rule, _ in removed] == ["related.pipe_headline"]


def test_paragraphs_fall_back_to_lines():
    assert paragraphs("a\nb\n\n") == ["a", "b"]
    assert paragraphs("a\n\nb\nc") == ["a", "b\nc"]
