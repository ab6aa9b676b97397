"""A labelled dedup corpus built deterministically from our own stories and the bundled samples.

Each story becomes several syndicated copies: a syndication header, banners, a dateline, a trailer and a few
edited words, and for some a dropped last paragraph. The label of every copy is its story id, so pairs with the
same label must share a cluster and pairs with different labels must not (stories of one topic included).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import pathlib
import random
from collections.abc import Iterable
from itertools import combinations

from schemas.record import Doc

ROOT = pathlib.Path(__file__).resolve().parent.parent
STORIES = ROOT / "tests" / "data" / "dedup" / "stories.json"
SAMPLE_TEXTS = ROOT / "samples" / "text"
FETCHED = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)

# Word edits a sub-editor makes: (old, new); applied to the first occurrence, whole words only.
EDITS = (
    (" said ", " told reporters "),
    (" about ", " around "),
    (" percent ", " per cent "),
    (" would ", " will "),
    (" on Tuesday", " this week"),
    (" on Monday", " earlier this week"),
    (" on Sunday", " at the weekend"),
    (" after ", " following "),
    (" some ", " a number of "),
    (" also ", " as well "),
    (" the ", " this "),
    (" most ", " the majority "),
)
BANNERS = (
    "Follow us on WhatsApp and Telegram for the latest news and updates.",
    "Your support helps us to tell the story. Your support makes all the difference.",  # removed by clean
    "Also read: Storm warning issued for the coast as winds pick up",  # removed by clean
    "Sign up for our morning briefing and get the day's top stories in your inbox.",
)
TRAILERS = ("(With inputs from agencies)", "This article was first published by our partner site.", "")
OUTLETS = ("The Island Courier", "Daily Ledger", "Metro Wire", "Evening Post")


def _rng(name: str) -> random.Random:
    return random.Random(int(hashlib.sha256(name.encode()).hexdigest()[:16], 16))


def edit_words(text: str, n: int, rng: random.Random) -> str:
    """Applies up to n sub-editor word edits, chosen deterministically from those that fit the text."""
    fitting = [e for e in EDITS if e[0] in text]
    for old, new in rng.sample(fitting, min(n, len(fitting))):
        text = text.replace(old, new, 1)
    return text


def syndicated_copy(paragraphs: list[str], name: str, variant: int, date: str) -> str:
    """One reprint of a story: header, banners, dateline, trailer, a few edited words; some lose the last paragraph."""
    rng = _rng(f"{name}/{variant}")
    paras = list(paragraphs)
    if variant == 3 and len(paras) > 3:
        paras = paras[:-1]  # a reprint cut for space
    paras = [edit_words(p, 1, rng) if i < 3 else p for i, p in enumerate(paras)]
    paras.insert(rng.randrange(1, max(len(paras), 2)), rng.choice(BANNERS))
    outlet = OUTLETS[variant % len(OUTLETS)]
    if variant % 2:
        paras[0] = f"date {date} MENAFN - {outlet}) {paras[0]}"
    else:
        paras[0] = f"{outlet.upper()} (Newswire) - {paras[0]}"
    trailer = TRAILERS[variant % len(TRAILERS)]
    return "\n\n".join([*paras, trailer] if trailer else paras)


def labelled_docs() -> list[tuple[Doc, str]]:
    """(doc, story label) pairs: our stories with 2-3 copies each, the five samples with one copy each."""
    stories = json.loads(STORIES.read_text("utf-8"))["stories"]
    out: list[tuple[Doc, str]] = []

    def add(name: str, text: str, label: str, published: dt.datetime | None) -> None:
        doc = Doc(doc_id=name, input_uri=f"/corpus/{name}.txt", fetched_at=FETCHED, text=text, raw_text=text)
        out.append((doc.replace(published_at=published), label))

    for i, story in enumerate(stories):
        published = dt.datetime.fromisoformat(story["published"])
        add(f"{story['id']}-0", "\n\n".join(story["paragraphs"]), story["id"], published)
        for variant in range(1, 3 + i % 2):  # 2 or 3 reprints, one of them cut when there are 3
            text = syndicated_copy(story["paragraphs"], story["id"], variant, story["published"][:10])
            add(f"{story['id']}-{variant}", text, story["id"], published + dt.timedelta(hours=variant))
    for path in sorted(SAMPLE_TEXTS.glob("*.txt")):
        text = path.read_text("utf-8")
        add(f"{path.stem}-0", text, path.stem, None)
        paras = [p for p in text.splitlines() if p.strip()]
        add(f"{path.stem}-1", syndicated_copy(paras, path.stem, 1, "2026-01-01"), path.stem, None)
    return out


def pair_scores(labels: dict[str, str], clusters: dict[str, str]) -> dict[str, float]:
    """Pairwise precision and recall of predicted clusters against labels (both keyed by doc id)."""
    tp = fp = fn = 0
    for a, b in combinations(sorted(labels), 2):
        same_label, same_cluster = labels[a] == labels[b], clusters[a] == clusters[b]
        tp += same_label and same_cluster
        fp += same_cluster and not same_label
        fn += same_label and not same_cluster
    return {
        "pairs_true": tp + fn,
        "true_positive": tp,
        "false_positive": fp,
        "false_negative": fn,
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
    }


def clean_all(docs: Iterable[Doc]) -> list[Doc]:
    """The clean step's pure function on each doc, as the pipeline runs it before dedup."""
    from transforms.clean import clean_doc

    return [clean_doc(d) for d in docs]
