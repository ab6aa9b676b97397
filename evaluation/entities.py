"""Entity scorer: recall, precision and alias grouping of `articles.entities` against the gold `entities`.

- entity_recall: a gold entity counts when one of its aliases is tagged in its article (any label).
- entity_recall_in_text: the same over gold entities one of whose aliases is still in the clean text (an alias
  only a removed dateline or byline held cannot be tagged without tagging boilerplate).
- entity_precision: the issue's measure. Distinct tagged surface forms of an article are wrong when they are a
  gold `not_entities` string, or lie inside one ("Chicago" in "Chicago Marathon") or inside gold boilerplate
  (`must_drop`) still in the text.
- entity_precision_annotated: the strict measure. The share of distinct tagged surface forms that are aliases
  of a gold entity; meaningful where the gold lists every entity (the `e_*` files do; the bundled five do not).
- entity_grouping_article: gold entities with two or more aliases tagged in one article whose aliases all got
  one entity_id there.
- entity_grouping_corpus: gold entities (by canonical name, across all gold files) whose tagged aliases share
  one entity_id in every article: Zelenskiy / Zelenskyy / Zelensky, Sergei / Sergey Lavrov, Kyiv / Kiev.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from evaluation.scoring import Case, Score, flat, ratio

_APOSTROPHES = ("'s", "’s", "‘s", "'", "’")


def surface(text: str) -> str:
    """A mention or alias as compared: white space flattened, possessive dropped."""
    text = flat(text)
    for ending in _APOSTROPHES:
        if text.endswith(ending):
            return text[: -len(ending)]
    return text


def occurrences(text: str, snippets: Sequence[str]) -> list[tuple[int, int]]:
    """Character spans of every occurrence of every snippet in text."""
    spans = []
    for junk in snippets:
        start = text.find(junk)
        while junk and start >= 0:
            spans.append((start, start + len(junk)))
            start = text.find(junk, start + 1)
    return spans


def is_wrong(mention: dict[str, Any], not_entities: Sequence[str], forbidden: list[tuple[int, int]]) -> bool:
    """A tag the gold forbids: a not_entity, or a tag overlapping a not_entity or boilerplate in the text."""
    if any(surface(mention["text"]) == surface(n) for n in not_entities):
        return True
    return any(a < mention["end"] and mention["start"] < b for a, b in forbidden)


def score_entities(cases: Sequence[Case]) -> list[Score]:
    found = total = found_in_text = total_in_text = 0
    recall_misses: list[str] = []
    tags = wrong = annotated = 0
    wrong_list: list[str] = []
    unannotated: list[str] = []
    grouped = group_total = 0
    split_misses: list[str] = []
    ids_of: dict[str, set[str]] = defaultdict(set)
    for case in cases:
        gold = [e for e in case.gold.get("entities", []) if e.get("aliases")]
        if case.row is None:
            total += len(gold)
            recall_misses += [f"{case.gold['input']}: no row for {e['canonical']}" for e in gold]
            continue
        mentions = case.row.get("entities") or []
        text = case.row.get("text") or ""
        ids_by_surface: dict[str, set[str]] = defaultdict(set)
        for m in mentions:
            ids_by_surface[surface(m["text"])].add(m["entity_id"])
        for e in gold:
            total += 1
            aliases = {surface(a) for a in e["aliases"]}
            tagged = aliases & set(ids_by_surface)
            if any(re.search(rf"(?<!\w){re.escape(a)}(?!\w)", text) for a in aliases):
                total_in_text += 1
                found_in_text += bool(tagged)
            if tagged:
                found += 1
            else:
                recall_misses.append(f"{case.gold['input']}: {e['canonical']} ({', '.join(sorted(aliases))})")
            ids = set().union(*(ids_by_surface[a] for a in tagged)) if tagged else set()
            ids_of[e["canonical"]] |= ids
            if len(tagged) >= 2:
                group_total += 1
                if len(ids) == 1:
                    grouped += 1
                else:
                    split_misses.append(f"{case.gold['input']}: {e['canonical']} split into {sorted(ids)}")
        known = {surface(a) for e in gold for a in [e["canonical"], *e["aliases"]]}
        forbidden = occurrences(text, [*case.gold.get("must_drop", []), *case.gold.get("not_entities", [])])
        seen: dict[str, bool] = {}
        for m in mentions:
            key = surface(m["text"])
            seen[key] = seen.get(key, False) or is_wrong(m, case.gold.get("not_entities", []), forbidden)
        for key, bad in seen.items():
            tags += 1
            wrong += bad
            annotated += key in known
            if bad:
                wrong_list.append(f"{case.gold['input']}: {key}")
            elif key not in known:
                unannotated.append(f"{case.gold['input']}: {key}")
    corpus_ok = [c for c, ids in ids_of.items() if len(ids) == 1]
    corpus_split = [f"{c}: {sorted(ids)}" for c, ids in ids_of.items() if len(ids) > 1]
    corpus_total = sum(1 for ids in ids_of.values() if ids)
    return [
        ratio("entity_recall", found, total, recall_misses),
        ratio("entity_recall_in_text", found_in_text, total_in_text, []),
        ratio("entity_precision", tags - wrong, tags, wrong_list),
        ratio("entity_precision_annotated", annotated, tags, unannotated),
        ratio("entity_grouping_article", grouped, group_total, split_misses),
        ratio("entity_grouping_corpus", len(corpus_ok), corpus_total, corpus_split),
    ]


# Gold subsets scored apart. Blind batches: articles annotated before (ba_) and after (bb_) the tagger was tuned
# on the other sets; bb_ was scored once and never tuned on; bc_ was written on new topics (companies, regional
# politics, sport, science, courts; en/de/fr/es/pt/it) and scored once before the fourth round; bd_ was written
# after the fourth round and scored once, not tuned on; be_ was written before the fifth round (energy, farming,
# health systems, local crime, small-country elections, start-ups, festivals; en/de/fr/es/pt/it/nl), scored once;
# bf_ was written before the sixth round (science, shipping, music, small-town councils, glaciers, fisheries, pulp,
# mining; en/de/fr/es/sv) and scored once before it; bg_ was written after the sixth round and scored once on it;
# bh_ was written before the seventh round (cyclones, livestock, fisheries, salmon farming, river shipping, the Aral
# Sea, tea; en/da/no/es) and scored once on its final code; bj_ was written before the ninth round (a provincial court,
# a mining dispute, ancient DNA, minor-league baseball, an arts festival, a port strike, an election commission, a
# start-up; en/es/de/pl) and scored once on main before it; bk_ was written after the ninth round (a landslide, a
# phosphate port, smog in court, a football match, wine exports, an airline, bears, a wolf; en/pt/it/de) and scored
# once on it; bl_ was written before the tenth round (kabaddi, a logging case, a lake ferry, a regional election,
# regional councils, lemurs, coffee, rice, offshore gas, biathlon; en/fr/es/nl/pt/de) and scored once before it; bm_
# was written after round 10b (an airline, a nurses' strike, gold dredges, school closures, water cuts, lithium,
# cholera, a runway; en/fi/fr/es/pt/da) and scored once on main; bn_ was written before round 11 (a rail IPO, a
# meteorite, a condo judgment, hurling, a mayor ousted, towels, a nickel smelter, a theatre; en/tr/id/pl) and scored
# once on main before it.
SUBSETS = (
    "bundled samples",
    "e_* articles",
    "blind batch A (ba_*)",
    "blind batch B (bb_*)",
    "other gold files",
    "blind batch C (bc_*)",
    "blind batch D (bd_*)",
    "blind batch E (be_*)",
    "blind batch F (bf_*)",
    "blind batch G (bg_*)",
    "blind batch H (bh_*)",
    "blind batch I (bi_*)",
    "blind batch J (bj_*)",
    "blind batch K (bk_*)",
    "blind batch L (bl_*)",
    "blind batch M (bm_*)",
    "blind batch N (bn_*)",
)


def subset_of(name: str) -> str:
    """The subset of SUBSETS a gold input name belongs to."""
    if name[:1].isdigit():
        return SUBSETS[0]
    prefixes = (
        ("e_", SUBSETS[1]),
        ("ba_", SUBSETS[2]),
        ("bb_", SUBSETS[3]),
        ("bc_", SUBSETS[5]),
        ("bd_", SUBSETS[6]),
        ("be_", SUBSETS[7]),
        ("bf_", SUBSETS[8]),
        ("bg_", SUBSETS[9]),
        ("bh_", SUBSETS[10]),
        ("bi_", SUBSETS[11]),
        ("bj_", SUBSETS[12]),
        ("bk_", SUBSETS[13]),
        ("bl_", SUBSETS[14]),
        ("bm_", SUBSETS[15]),
        ("bn_", SUBSETS[16]),
    )
    for prefix, subset in prefixes:
        if name.startswith(prefix):
            return subset
    return SUBSETS[4]


def main(argv: list[str] | None = None) -> int:
    """python -m evaluation.entities --output DIR [--gold tests/gold]: entity scores of the bundled samples, the
    `e_*` articles, the blind batches and the other gold files apart, then together."""
    import argparse

    from evaluation.scoring import load_gold, load_rows, match_cases, table

    parser = argparse.ArgumentParser(prog="python -m evaluation.entities", description=main.__doc__)
    parser.add_argument("--output", required=True)
    parser.add_argument("--gold", default="tests/gold")
    parser.add_argument("--details", action="store_true")
    args = parser.parse_args(argv)
    cases = match_cases(load_gold(args.gold), load_rows(args.output))
    subsets = {name: [c for c in cases if subset_of(c.gold["input"]) == name] for name in SUBSETS}
    subsets["all"] = list(cases)
    for name, chosen in subsets.items():
        print(f"\n== {name} ({len(chosen)} files)")
        print(table(score_entities(chosen), details=args.details))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
