"""Dedup: exact and near-duplicate story clusters, with one deterministic representative. Nothing is dropped.

Every copy keeps its row and gets `cluster_id`, `cluster_size` and `is_representative`, so SQL users choose
between "all coverage" and "unique stories" (`WHERE is_representative`).

How (every group holds short ids, never whole documents, except the final grouping of packed copies by content):
1. Each document gets a normalised content hash and a MinHash signature of its word shingles (transforms/minhash.py).
2. Graph nodes are distinct contents: `n:<content_hash>` for this run, `k:<cluster_id>:<content_hash>` for
   articles of earlier runs (`--dedup-against`). Each node sits in one bucket per LSH band plus one exact-hash bucket.
3. Nodes sharing a bucket are candidates (a star to the bucket's smallest node); a candidate pair is linked when
   its estimated Jaccard similarity reaches minhash.SIMILARITY_THRESHOLD. Connected components of these links are
   the clusters (transforms/components.py). Since `k:` sorts before `n:`, a component holding articles of an
   earlier run takes the smallest earlier cluster id; otherwise its smallest content hash is its id.
4. Cluster size and representative come from combiners (count, minimum key); they reach the documents through
   a grouping by content hash that streams its documents.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import unicodedata
import zlib
from collections.abc import Iterable, Iterator
from typing import Any

import apache_beam as beam
import numpy as np
import pyarrow.parquet as pq
from apache_beam.io.filesystems import FileSystems
from apache_beam.metrics import Metrics
from apache_beam.transforms.window import GlobalWindows

from schemas.record import Doc
from transforms import memory
from transforms.coders import decode_object, encode_object
from transforms.common import DEAD, MAIN, Step, sha256_hex
from transforms.components import ConnectedComponents, components_locally
from transforms.minhash import SIMILARITY_THRESHOLD, band_keys, estimated_jaccard, signature, signature_from_values
from transforms.pairs import DistinctPairs

STAGE = "dedup"
PRESIGN_STAGE = "presign"
SIGNED = "signed_text"  # meta key: fingerprint of the text the signature was made from
_NON_WORD = re.compile(r"[\W_]+")
_NO_DATE = "9999"  # sorts after every ISO timestamp: undated copies are never preferred as representative
NEW, KNOWN = "n:", "k:"  # node prefixes; KNOWN < NEW so earlier runs' cluster ids win (see the module doc)
PRIOR_COLUMNS = ("content_hash", "cluster_id", "minhash_signature")
PRIOR_BATCH_ROWS = 10_000  # rows read at once from an earlier run's file: bounds the reader's memory

log = logging.getLogger("newsbeam")

RepKey = tuple[str, int, str, str]  # (published_at, -length, doc_id, input_uri): smaller is the better representative


def normalised_content(text: str) -> str:
    """Case, accents, punctuation and spacing folded, so trivially different copies hash alike."""
    folded = text.casefold()
    if folded.isascii():  # the common case: nothing to decompose, and 5x faster than the per-character pass
        return _NON_WORD.sub(" ", folded).strip()
    folded = unicodedata.normalize("NFKD", folded)
    return _NON_WORD.sub(" ", "".join(c for c in folded if not unicodedata.combining(c))).strip()


def content_hash(text: str) -> str:
    return sha256_hex(normalised_content(text), 32)


def text_fingerprint(text: str) -> tuple[int, int]:
    """Length and CRC-32 of the text: tells in ~10 microseconds whether a text changed since it was signed, where
    normalising and hashing it again took ~350 (bench/README.md)."""
    return len(text), zlib.crc32(text.encode("utf-8", "surrogatepass"))


def hash_doc(doc: Doc) -> Doc:
    """Content hash and MinHash signature of the text. A signature made earlier in the run (PreSignature) is kept
    when the text is unchanged since; the fingerprint it left in `meta` tells."""
    fingerprint = text_fingerprint(doc.text)
    if doc.minhash and doc.content_hash and doc.meta.get(SIGNED) == fingerprint:
        return doc
    normalised = normalised_content(doc.text)
    return doc.replace(
        content_hash=sha256_hex(normalised, 32),
        minhash=signature(normalised),
        meta={**doc.meta, SIGNED: fingerprint},
    )


class PreSignature(beam.PTransform):
    """Signs documents in the extraction stage, where the worker has time to spare while the extraction child works
    on the next page; Dedup then only checks that the text is unchanged (RepeatedLines may remove paragraphs)."""

    def expand(self, docs):
        return docs | "SignEarly" >> Step(PRESIGN_STAGE, hash_doc)


def representative_key(doc: Doc) -> RepKey:
    """Earliest published, then longest, then smallest doc_id (and uri): the same choice whatever the order."""
    published = doc.published_at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f") if doc.published_at else _NO_DATE
    return (published, -len(doc.text), doc.doc_id, doc.input_uri)


def new_node(content: str) -> str:
    return f"{NEW}{content}"


def known_node(cluster_id: str, content: str) -> str:
    return f"{KNOWN}{cluster_id}:{content}"


def cluster_of_node(node: str) -> str:
    """The cluster id a component gets when `node` is its smallest node."""
    if node.startswith(KNOWN):
        return node[len(KNOWN) :].rsplit(":", 1)[0]
    return node[len(NEW) :]


def content_of_node(node: str) -> str:
    return node.rsplit(":", 1)[1]


def confirmed(a: str, sig_a: bytes, b: str, sig_b: bytes) -> bool:
    """A candidate pair is linked when both hold the same content or their signatures agree enough."""
    return content_of_node(a) == content_of_node(b) or estimated_jaccard(sig_a, sig_b) >= SIMILARITY_THRESHOLD


def node_buckets(node: str, content: str, sig: bytes) -> list[tuple[str, str]]:
    """(bucket, node) for the exact-content bucket and each LSH band."""
    return [(f"x:{content}", node)] + [(band, node) for band in band_keys(sig)]


def number(text: str) -> int:
    """A 64-bit number for a node id or bucket key (collisions: ~1 in 10^9 pairs for 10 million nodes)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def bucket_numbers(node: str, sig: bytes) -> list[tuple[int, tuple[int, int]]]:
    """(slot, (bucket number, node number)) for each bucket of the node: one slot per LSH band, one for the exact
    content. A slot's buckets are combined in one array (BucketStars), not grouped bucket by bucket."""
    node_number = number(node)
    return [
        (slot, (number(bucket), node_number))
        for slot, (bucket, _) in enumerate(node_buckets(node, content_of_node(node), sig))
    ]


class BucketStars(beam.CombineFn):
    """Star edges (member, hub) between the node numbers of each bucket with two or more nodes; the hub is the
    bucket's smallest node number. Accumulates (bucket, node) as numbers (transforms/pairs.py): a grouping of
    33 buckets per article held ~10 KB per article on the local runner."""

    def create_accumulator(self) -> DistinctPairs:
        return DistinctPairs()

    def add_input(self, acc: DistinctPairs, pair: tuple[int, int]) -> DistinctPairs:
        return acc.add((pair,))

    def merge_accumulators(self, accs: Iterable[DistinctPairs]) -> DistinctPairs:
        return DistinctPairs.merged(accs)

    def extract_output(self, acc: DistinctPairs) -> list[tuple[int, int]]:
        rows = acc.compact().done  # sorted by bucket, then node: a bucket's first row holds its hub
        if len(rows) < 2:
            return []
        buckets, nodes = rows[:, 0], rows[:, 1]
        first = np.r_[True, buckets[1:] != buckets[:-1]]
        hubs = nodes[first][np.cumsum(first) - 1]
        member = nodes != hubs
        return list(zip(nodes[member].tolist(), hubs[member].tolist(), strict=True))


def star_edges(bucket: str, nodes: Iterable[str]) -> Iterator[tuple[str, str]]:
    """Candidate links from every node of a bucket to its hub, the node of the smallest number (a star: as many
    edges as members; BucketStars picks the same hub)."""
    distinct = set(nodes)
    if len(distinct) < 2:
        return
    smallest = min(distinct, key=number)
    for node in distinct:
        if node != smallest:
            yield node, smallest


def size_and_best(items: Iterable[tuple[int, RepKey | None]]) -> tuple[int, RepKey | None]:
    """Sums copy counts and keeps the smallest representative key."""
    total, best = 0, None
    for n, key in items:
        total += n
        if key is not None and (best is None or key < best):
            best = key
    return total, best


class SizeAndBest(beam.CombineFn):
    """Combiner form of `size_and_best`: constant memory per key, lifted before the shuffle."""

    def create_accumulator(self):
        return 0, None

    def add_input(self, acc, item):
        return size_and_best((acc, item))

    def merge_accumulators(self, accs):
        return size_and_best(accs)

    def extract_output(self, acc):
        return acc


def cluster_locally(docs: Iterable[Doc], known: Iterable[tuple[str, str, bytes]] = ()) -> list[Doc]:
    """What the Beam step computes, in memory and with the same functions: for tests, evaluation and benchmarks.

    `known` holds (node, content_hash, signature) of earlier runs, as `ReadPriorNodes` yields them.
    """
    hashed = [d if d.content_hash and d.minhash else hash_doc(d) for d in docs]
    nodes = {(new_node(d.content_hash), d.content_hash, d.minhash) for d in hashed} | set(known)
    buckets: dict[str, set[str]] = {}
    for node, content, sig in nodes:
        for bucket, member in node_buckets(node, content, sig):
            buckets.setdefault(bucket, set()).add(member)
    sigs = {node: sig for node, _, sig in nodes}
    candidates = {e for bucket, members in buckets.items() for e in star_edges(bucket, members)}
    labels = components_locally({(a, b) for a, b in candidates if confirmed(a, sigs[a], b, sigs[b])})
    cluster = {
        d.content_hash: cluster_of_node(labels.get(new_node(d.content_hash), new_node(d.content_hash))) for d in hashed
    }
    stats: dict[str, tuple[int, RepKey | None]] = {}
    for d in hashed:
        stats[cluster[d.content_hash]] = size_and_best(
            [stats.get(cluster[d.content_hash], (0, None)), (1, representative_key(d))]
        )
    out, seen_rep = [], set()
    for d in hashed:
        size, best = stats[cluster[d.content_hash]]
        key = (d.doc_id, d.input_uri)
        is_rep = key == best[2:] and key not in seen_rep
        if is_rep:
            seen_rep.add(key)
        out.append(d.replace(cluster_id=cluster[d.content_hash], cluster_size=size, is_representative=is_rep))
    return out


# --- earlier runs ---------------------------------------------------------------------------------------------


def prior_files(folder: str) -> list[str]:
    """Finished Parquet files under FOLDER/articles/ (hidden in-progress files excluded)."""
    pattern = FileSystems.join(folder.rstrip("/"), "articles", "**")
    try:
        matched = FileSystems.match([pattern])[0].metadata_list
    except Exception as exc:  # a missing folder means no earlier run, which is not an error
        log.warning("dedup: nothing read from --dedup-against %s (%s)", folder, exc)
        return []
    paths = [m.path for m in matched]
    return sorted(p for p in paths if p.endswith(".parquet") and not p.rsplit("/", 1)[-1].startswith("."))


def prior_nodes_of(rows: Iterable[dict[str, Any]]) -> Iterator[tuple[str, str, bytes]]:
    """(node, content_hash, signature) of earlier articles; rows without a hash or cluster id are skipped."""
    for row in rows:
        content, cluster = row.get("content_hash"), row.get("cluster_id")
        if content and cluster:
            yield known_node(cluster, content), content, signature_from_values(row.get("minhash_signature"))


def read_prior_file(path: str) -> Iterator[tuple[str, str, bytes]]:
    with FileSystems.open(path) as stream:
        parquet = pq.ParquetFile(stream)
        # files written before schema 1.2.0 hold no signature
        columns = [c for c in PRIOR_COLUMNS if c in parquet.schema_arrow.names]
        for batch in parquet.iter_batches(batch_size=PRIOR_BATCH_ROWS, columns=columns):
            yield from prior_nodes_of(batch.to_pylist())


class ReadPriorNodes(beam.PTransform):
    """Graph nodes of the articles an earlier run wrote under FOLDER: (node, content_hash, signature)."""

    def __init__(self, folder: str) -> None:
        super().__init__()
        self.folder = folder

    def expand(self, pbegin):
        return (
            pbegin
            | "PriorFolder" >> beam.Create([self.folder])
            | "ListPriorFiles" >> beam.FlatMap(prior_files)
            | "SpreadFiles" >> beam.Reshuffle()
            | "ReadPriorRows" >> beam.FlatMap(read_prior_file)
        )


# --- joins that stream their many side ------------------------------------------------------------------------


class _JoinOneFn(beam.DoFn):
    """Groups of ("one", value) and ("many", value): calls fn(key, one or None, many value) for each many value.

    Two passes over the grouped values (runners hand out re-iterable, paged iterables), so a key with 10,000
    copies is streamed, never copied into a list.
    """

    def __init__(self, fn) -> None:
        self.fn = fn

    def process(self, element):
        key, tagged = element
        one = next((v for tag, v in tagged if tag == "one"), None)
        for tag, value in tagged:
            if tag == "many":
                yield from self.fn(key, one, value)


class JoinOne(beam.PTransform):
    """{"one": (k, v) at most one per key, "many": (k, v)} -> fn(k, one, many) for every many element."""

    def __init__(self, fn) -> None:
        super().__init__()
        self.fn = fn

    def expand(self, pcolls):
        one = pcolls["one"] | "TagOne" >> beam.MapTuple(lambda k, v: (k, ("one", v)))
        many = pcolls["many"] | "TagMany" >> beam.MapTuple(lambda k, v: (k, ("many", v)))
        return (
            (one, many)
            | "FlattenTagged" >> beam.Flatten()
            | "GroupByKey" >> beam.GroupByKey()
            | "Join" >> beam.ParDo(_JoinOneFn(self.fn))
        )


def locate_edge_end(_, node_and_sig: tuple[str, bytes] | None, edge: tuple[int, int]):
    """An edge end's node id and signature, keyed by the edge; nothing for a number that names no node."""
    if node_and_sig is not None:
        yield edge, node_and_sig


def confirm_edge(edge: tuple[int, int], ends: Iterable[tuple[str, bytes]]):
    """The two nodes of a candidate edge, when their signatures (or contents) agree enough."""
    found = list(ends)
    if len(found) == 2:
        (a, sig_a), (b, sig_b) = found
        if confirmed(a, sig_a, b, sig_b):
            yield a, b


def cluster_of_hash(content: str, cluster: str | None, stats: tuple[int, RepKey]):
    yield cluster or content, (content, stats)


def hash_info(cluster: str, stats: tuple[int, RepKey] | None, content: str):
    size, best = stats
    yield content, (cluster, size, best[2:])


class _AnnotateFn(beam.DoFn):
    """(content hash, [("one", info)...], [("many", packed doc)...]) -> docs with cluster fields. The representative is
    the copy whose (doc id, uri) is the cluster's best; a record read twice (same uri, same bytes) represents once."""

    def __init__(self) -> None:
        self.clustered = Metrics.counter(STAGE, "clustered")
        self.representatives = Metrics.counter(STAGE, "representatives")
        self.unmatched = Metrics.counter(STAGE, "unmatched")
        self.trimmer = memory.Trimmer()

    def process(self, element):
        _, tagged = element
        info = next((v for tag, v in tagged if tag == "one"), None)
        best_seen = False
        for tag, packed in tagged:
            if tag != "many":
                continue
            doc = decode_object(packed)
            if info is None:  # cannot happen by construction; kept as its own cluster, counted
                self.unmatched.inc()
                yield doc.replace(cluster_id=doc.content_hash, cluster_size=1, is_representative=True)
                continue
            cluster, size, best = info
            is_rep = not best_seen and (doc.doc_id, doc.input_uri) == tuple(best)
            best_seen = best_seen or is_rep
            self.clustered.inc()
            self.representatives.inc(int(is_rep))
            yield doc.replace(cluster_id=cluster, cluster_size=size, is_representative=is_rep)
            self.trimmer.tick()

    def finish_bundle(self):
        memory.trim()


class GraphNodes(beam.PTransform):
    """Docs (and earlier runs' articles) to distinct graph nodes with their signature: (node, signature)."""

    def __init__(self, dedup_against: str | None) -> None:
        super().__init__()
        self.dedup_against = dedup_against

    def expand(self, docs):
        nodes = docs | "NodeOfDoc" >> beam.Map(lambda d: (new_node(d.content_hash), d.content_hash, d.minhash))
        if self.dedup_against:
            prior = docs.pipeline | "ReadEarlierRuns" >> ReadPriorNodes(self.dedup_against)
            nodes = (nodes, prior) | "AllNodes" >> beam.Flatten()
        return (
            nodes
            | "SignatureOfNode" >> beam.MapTuple(lambda node, _, sig: (node, bytes(sig)))
            | "OneSignature" >> beam.CombinePerKey(min)  # copies of one content hold equal signatures
        )


class SimilarPairs(beam.PTransform):
    """(node, signature) to confirmed links (a, b): LSH bucket stars as candidates, then a signature comparison.

    Candidate edges are pairs of node numbers. One join finds each end's node id and signature (the only grouping
    as large as the input), a grouping by edge brings the two ends together."""

    def expand(self, signatures):
        edges = (
            signatures
            | "BucketNumbers" >> beam.FlatMapTuple(bucket_numbers)
            | "StarsPerSlot" >> beam.CombinePerKey(BucketStars())
            | "StarEdges" >> beam.FlatMapTuple(lambda _, edges: edges)
            | "DistinctEdges" >> beam.Distinct()  # a pair of copies meets in many bands
        )
        ends = edges | "EdgeEnds" >> beam.FlatMap(lambda e: ((e[0], e), (e[1], e)))
        by_number = signatures | "NumberNode" >> beam.MapTuple(lambda node, sig: (number(node), (node, sig)))
        return (
            {"one": by_number, "many": ends}
            | "LocateEnds" >> JoinOne(locate_edge_end)
            | "GroupEnds" >> beam.GroupByKey()
            | "ConfirmSimilar" >> beam.FlatMapTuple(confirm_edge)
        )


class AnnotateClusters(beam.PTransform):
    """{"docs", "clusters": (content_hash, cluster_id)} to docs with cluster id, size and representative.

    Sizes and representatives come from combiners; the result reaches the documents through a grouping by content
    hash, in which documents travel packed and are read one at a time.
    """

    def expand(self, pcolls):
        docs, clusters = pcolls["docs"], pcolls["clusters"]
        per_hash = (
            docs
            | "CopyKey" >> beam.Map(lambda d: (d.content_hash, (1, representative_key(d))))
            | "PerHash" >> beam.CombinePerKey(SizeAndBest())
        )
        in_cluster = {"one": clusters, "many": per_hash} | "ClusterOfHash" >> JoinOne(cluster_of_hash)
        per_cluster = (
            in_cluster
            | "ClusterStats" >> beam.MapTuple(lambda cluster, hs: (cluster, hs[1]))
            | "PerCluster" >> beam.CombinePerKey(SizeAndBest())
        )
        members = in_cluster | "HashOfCluster" >> beam.MapTuple(lambda cluster, hs: (cluster, hs[0]))
        infos = {"one": per_cluster, "many": members} | "InfoOfHash" >> JoinOne(hash_info)
        # documents cross the grouping packed: the local runner holds grouped values as objects (transforms/coders.py)
        keyed_docs = docs | "KeyByHash" >> beam.Map(lambda d: (d.content_hash, ("many", encode_object(d))))
        return (
            (infos | "TagInfo" >> beam.MapTuple(lambda k, v: (k, ("one", v))), keyed_docs)
            | "FlattenDocs" >> beam.Flatten()
            | "GroupDocsOfHash" >> beam.GroupByKey()
            | "Annotate" >> beam.ParDo(_AnnotateFn())
        )


class Dedup(beam.PTransform):
    """Docs in; the same docs with content hash, signature and cluster fields out (`main`), plus `dead_letter`."""

    def __init__(self, dedup_against: str | None = None) -> None:
        super().__init__()
        self.dedup_against = dedup_against

    @classmethod
    def from_options(cls, options) -> Dedup:
        return cls(getattr(options, "dedup_against", None))

    def expand(self, docs):
        if self.dedup_against and not isinstance(docs.windowing.windowfn, GlobalWindows):
            raise ValueError("--dedup-against works in batch backfills, not on windowed (streaming) input")
        hashed = docs | "Signature" >> Step(STAGE, hash_doc)
        clusters = (
            hashed[MAIN]
            | "Nodes" >> GraphNodes(self.dedup_against)
            | "Links" >> SimilarPairs()
            | "Components" >> ConnectedComponents()
            | "NewNodesOnly" >> beam.Filter(lambda kv: kv[0].startswith(NEW))
            | "HashToCluster" >> beam.MapTuple(lambda node, root: (node[len(NEW) :], cluster_of_node(root)))
        )
        clustered = {"docs": hashed[MAIN], "clusters": clusters} | "Annotate" >> AnnotateClusters()
        return {MAIN: clustered, DEAD: hashed[DEAD]}
