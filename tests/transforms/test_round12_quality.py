"""Round 12 (read from blind batches V's and W's misses): breadcrumbs, ad and comment widgets, image disclaimers,
stamps that name the site, price pitches in cents, digests, related headings, reuse notices of more wires.

Every family has invented look-alike text (none copied from the gold), and article sentences that must stay."""

import pytest

from tests.checks import assert_removed_between
from transforms.clean import apply_rules

BODY = "The water board said on Thursday that the new reservoir would be filled by the end of April."
BODY2 = "Farmers downstream have asked for a guarantee that irrigation quotas will not be cut next summer."


@pytest.mark.parametrize(
    ("junk", "rule_id"),
    [
        ("Home > Local > Courts", "ui.breadcrumb"),
        ("News › World › Middle East", "ui.breadcrumb"),
        ("Latin America » Chile", "ui.breadcrumb"),
        ("Accueil > Sports > Hockey", "ui.breadcrumb"),
        ("Start / Region / Verkehr", "ui.breadcrumb"),
        ("Hide ad", "ad.marker"),
        ("Skip Ad", "ad.marker"),
        ("Comments have been switched off for this story.", "ui.comments"),
        ("Comments are now closed", "ui.comments"),
        ("Have your say", "ui.comments"),
        ("Join the discussion", "ui.comments"),
        ("Partager par courriel", "ui.share_on"),
        ("Compartir por correo", "ui.share_on"),
        ("Dans la même rubrique", "related.heading"),
        ("In the same section", "related.heading"),
        ("Photo used for representational purposes only.", "caption.illustrative"),
        ("Representative image", "caption.illustrative"),
        ("Photo d'illustration", "caption.illustrative"),
        ("Imagen ilustrativa", "caption.illustrative"),
        ("Symbolbild", "caption.illustrative"),
        ("Posted on Harbour Wire: 3 March 2026, 17:40", "stamp.published_on_site"),
        ("Published in Lakeland Courier | Jan 4, 2026", "stamp.published_on_site"),
        ("Try unlimited digital access for 50 cents a week.", "banner.price_pitch"),
        ("Unlimited access for just £1 for your first 3 months.", "banner.price_pitch"),
        ("Get the Valley Morning digest, our pick of the day's news, free every weekday.", "banner.newsletter"),
        ("Материалдарды колдонууда агенттикке шилтеме милдеттүү.", "copyright.reuse_notice"),
        ("Материалдарды пайдаланғанда сілтеме міндетті.", "copyright.reuse_notice"),
    ],
)
def test_round12_boilerplate_is_removed_and_audited(junk, rule_id):
    assert_removed_between(BODY, junk, rule_id)


@pytest.mark.parametrize(
    "sentence",
    [
        # arrows, slashes and prices in prose
        "Prices rose 4 % > the target, the bank said.",
        "Trains between Kyiv / Lviv / Odesa run twice a day now.",
        "The ad campaign was hidden from viewers in the state, the regulator said.",
        "Comments by the mayor were closed to the press, his spokesman said on Friday.",
        "Subscriptions to the service cost 99 cents a month before the increase, the company said.",
        "The image was used for illustrative purposes in the court filing, the lawyer told the jury.",
        "She published in the journal on Monday: the results were confirmed in 2024 by two labs.",
        "Have your say on the plan at the council offices until Friday, the notice says, or write to the clerk.",
        "In the same section of the report, auditors found that 12 contracts had no tender.",
    ],
)
def test_round12_article_sentences_survive(sentence):
    text, _, _ = apply_rules(f"{BODY}\n\n{sentence}\n\n{BODY2}")
    assert sentence in text


def test_a_stamp_naming_the_site_is_date_evidence():
    _, _, found = apply_rules(f"Posted on Harbour Wire: 3 March 2026, 17:40\n\n{BODY}\n\n{BODY2}")
    assert found.get("stamp_dates") == ["2026-03-03"]
