"""Train and measure the learned boilerplate-paragraph signal (`transforms/boilerplate_learned.py`).

    python -m tools.train_boilerplate train            # fit on every non-blind set, write transforms/data/...json
    python -m tools.train_boilerplate lobo             # leave one batch out: train without X, score X, per batch
    python -m tools.train_boilerplate score batch_o    # score sets with the bundled model (rules, rules + model)

Labels come from the gold files: a paragraph (as the clean step splits the extracted text, once the headers are
cut) holding a must_keep sentence is article text (0); one that is mostly a must_drop snippet is boilerplate (1);
the rest carry no label and are not trained on. Every paragraph is trained on, also those the rules remove: the
model learns the shape of boilerplate, not what today's rules miss. numpy only (a dependency of Beam): a
class-weighted, L2-regularised logistic regression fitted by Newton steps.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import pathlib
import sys
import zlib

import numpy as np

from evaluation.scoring import flat
from schemas.record import RawDoc
from transforms.boilerplate_learned import (
    FEATURES,
    MODEL_PATH,
    Model,
    document_shapes,
    is_candidate,
    paragraph_features,
)
from transforms.clean import rules_pass, rules_view
from transforms.common import Rejected
from transforms.decode import decode_doc
from transforms.extract import extract_doc

ROOT = pathlib.Path(__file__).resolve().parent.parent
BLIND_ROOT = ROOT / "tests" / "gold_blind"
# Blind batches still to be scored once: never trained on, never in a leave-one-out fold.
BLIND: frozenset[str] = frozenset()  # none now: O-R were scored once before training on them
# `make eval-realworld` downloads this archive (hash-pinned); without it the real pages are left out
REAL_PAGES = ROOT / ".cache" / "realworld" / "trafilatura-1.0.0.tar.gz"
REAL_FOLDS = 3
MAX_CHARS = 200  # a candidate is at most this long: 99 % of the gold's boilerplate paragraphs are shorter
L2 = 1.0  # ridge on standardised features: keeps weights small with ~1,500 paragraphs
THRESHOLD_MARGIN = 0.05  # the threshold sits this far above the highest-scoring article paragraph of training
MIN_THRESHOLD = (
    0.9  # and never below this: on held-out real pages 1 % of the short content lines score above it (0.8: 2.3 %)
)
KEEP_WEIGHT = 3.0  # an article paragraph weighs more than a boilerplate one: recall first
UNLABELLED_WEIGHT = 1.0  # a paragraph the gold names neither way is trained on as article text, at less weight


@dataclasses.dataclass
class Document:
    group: str
    name: str
    paras: list[str]  # after the header rules, as the learned signal sees them
    kept: list[int]  # indices the rules keep
    labels: list[int]  # 1 boilerplate, 0 article, -1 unknown
    keep: list[str]  # gold must_keep sentences
    drop: list[str]  # gold must_drop snippets
    title: str | None = None  # the page's headline (HTML), never removed by the model
    raw: str = ""  # the extracted text before cleaning
    link_lines: tuple[str, ...] = ()


def sets() -> list[tuple[str, pathlib.Path, list[pathlib.Path]]]:
    """(name, gold folder, input folders) of every gold set; tests/gold is split into batch_a (q_b*) and gold."""
    found = [("gold", ROOT / "tests" / "gold", [ROOT / "samples" / "text", ROOT / "tests" / "gold" / "inputs"])]
    for folder in sorted(BLIND_ROOT.iterdir()):
        if folder.is_dir():
            found.append((folder.name, folder, [folder / "inputs"]))
    return found


def _label(para: str, keep: list[str], drop: list[str]) -> int:
    text = flat(para)
    if any(k in text or (len(text) >= 20 and text in k) for k in keep):
        return 0
    # a snippet inside a short paragraph makes it boilerplate ("... WhatsApp. Clique aqui e entre no nosso canal.");
    # in a long one it may be an inline credit in an article paragraph, so it must then cover half of it
    if any((d in text and (2 * len(d) >= len(text) or len(text) <= MAX_CHARS)) or text in d for d in drop):
        return 1
    return -1


def load(name: str, gold_dir: pathlib.Path, input_dirs: list[pathlib.Path]) -> list[Document]:
    docs = []
    now = dt.datetime.now(dt.UTC)
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        keep = [flat(s) for s in gold.get("must_keep", [])]
        drop = [flat(s) for s in gold.get("must_drop", [])]
        source = next((d / gold["input"] for d in input_dirs if (d / gold["input"]).is_file()), None)
        if source is None or not (keep or drop):  # JSONL lines and gold without text labels
            continue
        try:
            doc = extract_doc(decode_doc(RawDoc(str(source), source.read_bytes(), now)))
        except Rejected:
            continue
        group = "batch_a" if name == "gold" and path.name.startswith("q_b") else name
        docs.append(_document(group, path.stem, doc.text, doc.meta.get("page", {}), keep, drop))
    return docs


def _document(group: str, name: str, text: str, page: dict, keep: list[str], drop: list[str]) -> Document:
    link_lines = page.get("link_lines") or ()
    paras, kept, origin, _, _ = rules_pass(text, link_lines=link_lines)
    paras = rules_view(paras, kept, origin)
    labels = [_label(p, keep, drop) for p in paras]
    return Document(group, name, paras, origin, labels, keep, drop, page.get("title"), text, tuple(link_lines))


def load_real_pages(sdist: pathlib.Path) -> list[Document]:
    """The 83 real pages of `make eval-realworld` (trafilatura 1.0.0's tests: must_keep / must_drop snippets),
    in REAL_FOLDS groups by a hash of the file name, so that leave-one-out holds out a third of them at a time.
    Real pages carry the short article lines the written gold lacks: list items, crossheads, product lines."""
    from evaluation.realworld import parse_expectations, read_sdist
    from transforms.decode import decode_bytes
    from transforms.extract import extract_html

    source, files = read_sdist(str(sdist))
    docs = []
    for page in parse_expectations(source):
        if page.file not in files:
            continue
        try:
            found = extract_html(decode_bytes(files[page.file])[0], page.url)
        except Exception:  # no main text: nothing to learn from
            continue
        fold = zlib.crc32(page.file.encode()) % REAL_FOLDS
        keep = [flat(s) for s in page.keep]
        drop = [flat(s) for s in page.drop]
        docs.append(_document(f"real_{fold + 1}", page.file, found["text"], found, keep, drop))
    return docs


def load_all(real_pages: pathlib.Path | None = REAL_PAGES) -> list[Document]:
    docs: list[Document] = []
    for name, gold_dir, input_dirs in sets():
        docs.extend(load(name, gold_dir, input_dirs))
    if real_pages is not None and real_pages.is_file():
        docs.extend(load_real_pages(real_pages))
    return docs


def features(doc: Document) -> list[list[float]]:
    shapes, median = document_shapes(doc.paras)
    return [paragraph_features(doc.paras, i, shapes, median) for i in range(len(doc.paras))]


def _candidate(doc: Document, i: int) -> bool:
    return is_candidate(doc.paras[i], i, MAX_CHARS)


def fit(docs: list[Document]) -> dict:
    rows, ys, ws = [], [], []
    for doc in docs:
        for i, x in enumerate(features(doc)):
            if not _candidate(doc, i):
                continue
            rows.append(x)
            ys.append(max(doc.labels[i], 0))  # unlabelled: headings, bylines, article lines the gold did not list
            ws.append({1: 1.0, 0: KEEP_WEIGHT, -1: UNLABELLED_WEIGHT}[doc.labels[i]])
    x = np.array(rows, dtype=float)
    y = np.array(ys, dtype=float)
    w = np.array(ws, dtype=float)
    w *= len(w) / w.sum()
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    beta = np.zeros(z.shape[1])
    ridge = np.full(z.shape[1], L2)
    ridge[-1] = 1e-6  # the intercept is (almost) not shrunk; a trace keeps a one-class set solvable
    for _ in range(50):  # Newton steps: converges in ~10 on this data
        p = 1 / (1 + np.exp(-np.clip(z @ beta, -50, 50)))
        grad = z.T @ (w * (p - y)) + ridge * beta
        hess = (z * (w * p * (1 - p))[:, None]).T @ z + np.diag(ridge)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    data = {
        "features": list(FEATURES),
        "mean": mean.tolist(),
        "scale": scale.tolist(),
        "weights": beta[:-1].tolist(),
        "bias": float(beta[-1]),
        "threshold": 1.0,
        "max_chars": MAX_CHARS,
    }
    model = Model(data)
    keep_scores = [
        model.score(x) for doc in docs for i, x in enumerate(features(doc)) if doc.labels[i] == 0 and _candidate(doc, i)
    ]
    data["threshold"] = round(max(MIN_THRESHOLD, max(keep_scores, default=0.0) + THRESHOLD_MARGIN), 4)
    data["trained_on"] = {
        "paragraphs": len(y),
        "boilerplate": int(y.sum()),
        "groups": sorted({d.group for d in docs}),
    }
    return data


@dataclasses.dataclass
class Tally:
    keep: int = 0
    keep_total: int = 0
    leak: int = 0
    drop_total: int = 0

    def add(self, text: str, doc: Document) -> None:
        text = flat(text)
        self.keep += sum(k in text for k in doc.keep)
        self.keep_total += len(doc.keep)
        self.leak += sum(d in text for d in doc.drop)
        self.drop_total += len(doc.drop)

    def __str__(self) -> str:
        share = self.leak / self.drop_total if self.drop_total else 0.0
        return f"keep {self.keep}/{self.keep_total}, leak {self.leak}/{self.drop_total} ({share:.1%})"


def model_hits(model: Model, doc: Document, candidates: list[int]) -> set[int]:
    from transforms.boilerplate_learned import boilerplate_indices

    return set(boilerplate_indices(doc.paras, candidates, model, doc.title))


def score(model: Model | None, docs: list[Document]) -> dict[str, Tally]:
    """Keep / leak of: no cleaning, the model alone, the rules, the rules then the model."""
    out = {k: Tally() for k in ("none", "model alone", "rules", "rules + model")}
    for doc in docs:
        everything = list(range(len(doc.paras)))
        alone = model_hits(model, doc, everything) if model else set()
        after = model_hits(model, doc, doc.kept) if model else set()
        out["none"].add("\n\n".join(doc.paras), doc)
        out["model alone"].add("\n\n".join(p for i, p in enumerate(doc.paras) if i not in alone), doc)
        out["rules"].add("\n\n".join(doc.paras[i] for i in doc.kept), doc)
        out["rules + model"].add("\n\n".join(doc.paras[i] for i in doc.kept if i not in after), doc)
    return out


# The commit each batch was scored blind on (evaluation/README.md): its rules are the rules "of the day".
BLIND_COMMITS = {
    "batch_a": "4960b83",
    "batch_b": "8ae8c3b",
    "batch_c": "71ea5b9",
    "batch_d": "df49b07",
    "batch_e": "5544dfd",
    "batch_f": "02d4beb",
    "batch_g": "2774320",
    "batch_h": "91a725a",
    "batch_i": "7af8602",
    "batch_j": "1a2c64e",
    "batch_k": "810ae32",
    "batch_l": "59d286d",
    "batch_m": "6763a53",
    "batch_n": "3689035",
}
_OLD_MODULES = ("clean", "boilerplate_rules", "boilerplate_classes")


def old_apply_rules(commit: str, folder: pathlib.Path):
    """`apply_rules` of the clean step as it was at `commit` (read with `git show`, imported from a temp folder)."""
    import importlib
    import re
    import subprocess

    package = folder / f"rules_{commit}"
    package.mkdir(exist_ok=True)
    (package / "__init__.py").write_text("", "utf-8")
    for name in _OLD_MODULES:
        shown = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{commit}:transforms/{name}.py"], capture_output=True, text=True
        )
        if shown.returncode:  # the module did not exist yet at that commit
            continue
        source = shown.stdout
        source = re.sub(r"from transforms\.(boilerplate_\w+) import", r"from .\1 import", source)
        (package / f"{name}.py").write_text(source, "utf-8")
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
    return importlib.import_module(f"rules_{commit}.clean").apply_rules


def history(docs: list[Document], trainable: list[Document]) -> None:
    """Each batch as it was scored blind (the rules of its day, on today's extraction), then the same with the
    model trained without that batch (leave one out) run after those rules."""
    import inspect
    import tempfile

    print("| batch | rules of the day | rules of the day + model (LOBO) | keep before -> after | commit |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for group, commit in BLIND_COMMITS.items():
            part = [d for d in docs if d.group == group]
            if not part:
                continue
            apply = old_apply_rules(commit, pathlib.Path(folder))
            takes_links = "link_lines" in inspect.signature(apply).parameters
            model = Model(fit([d for d in trainable if d.group != group]))
            before, after = Tally(), Tally()
            for doc in part:
                text = (apply(doc.raw, link_lines=doc.link_lines) if takes_links else apply(doc.raw))[0]
                before.add(text, doc)
                survivors = flat(text)
                # the paragraphs the old rules left whole are the model's candidates, in today's paragraph split
                kept = [i for i, p in enumerate(doc.paras) if flat(p) in survivors]
                hits = model_hits(model, doc, kept)
                for i in sorted(hits):
                    text = text.replace(doc.paras[i], "")
                after.add(text, doc)
            print(
                f"| {group} | leak {before.leak}/{before.drop_total} ({before.leak / before.drop_total:.1%}) "
                f"| leak {after.leak}/{after.drop_total} ({after.leak / after.drop_total:.1%}) "
                f"| {before.keep}/{before.keep_total} -> {after.keep}/{after.keep_total} | {commit} |"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.train_boilerplate")
    parser.add_argument("command", choices=("train", "lobo", "history", "score", "stats"))
    parser.add_argument("sets", nargs="*", help="score: the sets to score (default: every set)")
    args = parser.parse_args(argv)
    if args.command == "train" and not REAL_PAGES.is_file():  # the bundled model was trained with them
        print(f"{REAL_PAGES.relative_to(ROOT)} is missing: run `make eval-realworld` once first", file=sys.stderr)
        return 2
    docs = load_all()
    trainable = [d for d in docs if d.group not in BLIND]
    groups = sorted({d.group for d in trainable})
    if args.command == "stats":
        for group in groups + sorted(BLIND):
            part = [d for d in docs if d.group == group]
            labels = [lab for d in part for lab in d.labels]
            print(
                f"{group}: {len(part)} docs, {len(labels)} paragraphs, keep {labels.count(0)}, "
                f"drop {labels.count(1)}, unknown {labels.count(-1)}"
            )
        return 0
    if args.command == "train":
        data = fit(trainable)
        MODEL_PATH.write_text(json.dumps(data, indent=1) + "\n", "utf-8")
        print(f"wrote {MODEL_PATH.relative_to(ROOT)}: threshold {data['threshold']}, {data['trained_on']}")
        for group in groups:
            print(
                f"{group:8} (trained on) {score(Model(data), [d for d in docs if d.group == group])['rules + model']}"
            )
        return 0
    if args.command == "history":
        history(docs, trainable)
        return 0
    if args.command == "lobo":
        print("| batch | none | model alone (LOBO) | rules | rules + model (LOBO) | threshold |")
        print("|---|---|---|---|---|---|")
        totals = {k: Tally() for k in ("none", "model alone", "rules", "rules + model")}
        for group in groups:
            data = fit([d for d in trainable if d.group != group])
            result = score(Model(data), [d for d in docs if d.group == group])
            for key, tally in result.items():
                for field in dataclasses.fields(Tally):
                    setattr(totals[key], field.name, getattr(totals[key], field.name) + getattr(tally, field.name))
            cells = " | ".join(str(result[k]) for k in totals)
            print(f"| {group} | {cells} | {data['threshold']} |")
        print(f"| all | {' | '.join(str(totals[k]) for k in totals)} | |")
        return 0
    model = Model(json.loads(MODEL_PATH.read_text("utf-8")))
    for group in args.sets or groups + sorted(BLIND):
        result = score(model, [d for d in docs if d.group == group])
        print(f"{group}: " + "; ".join(f"{k}: {v}" for k, v in result.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
