"""Connected components of a graph given as an edge PCollection, without ever grouping a whole component.

The algorithm is Large-Star / Small-Star alternation (Kiveris et al., "Connected Components in MapReduce and
Beyond", SoCC 2014). Each operation groups the edges of ONE node (its neighbour ids only, never documents), so
memory per group is bounded by a node's degree, and both operations only ever move a node's edge towards a
smaller id. At convergence every edge is (node, smallest node of its component). The number of rounds is fixed
(Beam graphs have no loops); a final pointer jump fixes nodes one step short and counts them, so a graph that
needs more rounds shows up in the `components/unconverged` counter instead of silently splitting clusters.

Node ids are strings compared in plain string order, so the result depends on the graph only: never on the order
of the edges, bundling or the number of workers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import apache_beam as beam
from apache_beam.metrics import Metrics

STAGE = "components"
ROUNDS = 6  # Large/Small-Star pairs: random graphs of 2,000 nodes need 5, a shuffled 512-node chain 6 (tests)

Edge = tuple[str, str]


def large_star(node: str, neighbours: Iterable[str]) -> Iterator[Edge]:
    """Links every larger neighbour of `node` to the smallest id among the node and its neighbours."""
    distinct = set(neighbours)
    smallest = min(distinct | {node})
    for v in distinct:
        if v > node:
            yield v, smallest


def small_star(node: str, neighbours: Iterable[str]) -> Iterator[Edge]:
    """Links the node and its smaller neighbours to the smallest of them."""
    smaller = {v for v in neighbours if v < node}
    if not smaller:
        return
    smallest = min(smaller)
    for v in smaller | {node}:
        if v != smallest:
            yield v, smallest


def both_directions(edge: Edge) -> Iterator[Edge]:
    a, b = edge
    if a != b:
        yield a, b
        yield b, a


def components_locally(edges: Iterable[Edge], rounds: int = ROUNDS) -> dict[str, str]:
    """The same Large/Small-Star rounds without Beam: node -> smallest node of its component (for tests)."""
    current = set(edges)
    for _ in range(rounds):
        for op in (large_star, small_star):
            adjacency: dict[str, set[str]] = {}
            for a, b in current:
                for u, v in both_directions((a, b)):
                    adjacency.setdefault(u, set()).add(v)
            current = {e for u, vs in adjacency.items() for e in op(u, vs)}
    return resolve(current)


def resolve(edges: Iterable[Edge]) -> dict[str, str]:
    """Each node's label: its smallest smaller neighbour, followed one more step when that is not a root."""
    label: dict[str, str] = {}
    for a, b in edges:
        child, parent = max(a, b), min(a, b)
        if parent < label.get(child, child):
            label[child] = parent
    return {node: label.get(parent, parent) for node, parent in label.items()}


def _smallest_smaller(node: str, neighbours: Iterable[str]) -> Iterator[Edge]:
    smallest = min(neighbours, default=node)
    if smallest < node:
        yield node, smallest


class _StarOp(beam.PTransform):
    def __init__(self, op) -> None:
        super().__init__()
        self.op = op

    def expand(self, edges):
        return (
            edges
            | "BothDirections" >> beam.FlatMap(both_directions)
            | "GroupNeighbours" >> beam.GroupByKey()
            | "Star" >> beam.FlatMapTuple(self.op)
        )


class _PointerJumpFn(beam.DoFn):
    """(node, [parent labels], [own label]) to the node's final label; counts labels that needed the jump."""

    def __init__(self) -> None:
        self.unconverged = Metrics.counter(STAGE, "unconverged")

    def process(self, element):
        parent, grouped = element
        children, own = grouped["children"], grouped["own"]
        grand = min(own, default=parent)
        for child in children:
            if grand != parent:
                self.unconverged.inc()
            yield child, grand


class ConnectedComponents(beam.PTransform):
    """Edges (a, b) in; (node, component label) out for every node that has an edge and is not its own label."""

    def __init__(self, rounds: int = ROUNDS) -> None:
        super().__init__()
        self.rounds = rounds

    def expand(self, edges):
        for i in range(self.rounds):
            edges = edges | f"LargeStar{i}" >> _StarOp(large_star) | f"SmallStar{i}" >> _StarOp(small_star)
        labels = (
            edges
            | "ResolveBothWays" >> beam.FlatMap(both_directions)
            | "GroupForLabel" >> beam.GroupByKey()
            | "SmallestNeighbour" >> beam.FlatMapTuple(_smallest_smaller)
        )
        by_parent = labels | "KeyByParent" >> beam.MapTuple(lambda node, parent: (parent, node))
        return (
            {"children": by_parent, "own": labels}
            | "JoinParentLabel" >> beam.CoGroupByKey()
            | "PointerJump" >> beam.ParDo(_PointerJumpFn())
        )
