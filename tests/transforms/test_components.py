import itertools
import random

import pytest

from transforms.components import ROUNDS, components_locally, large_star, resolve, small_star


def union_find(edges):
    parent = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {x: find(x) for x in parent if find(x) != x}


def test_large_star_links_larger_neighbours_to_the_smallest():
    assert sorted(large_star("c", ["a", "d", "e"])) == [("d", "a"), ("e", "a")]
    assert list(large_star("a", ["b"])) == [("b", "a")]


def test_small_star_links_smaller_neighbours_and_self_to_the_smallest():
    assert sorted(small_star("d", ["b", "a", "e"])) == [("b", "a"), ("d", "a")]
    assert list(small_star("a", ["b", "c"])) == []


def test_resolve_follows_one_more_step():
    assert resolve([("c", "b"), ("b", "a")]) == {"b": "a", "c": "a"}


@pytest.mark.parametrize("seed", range(4))
def test_components_match_union_find_on_random_graphs_and_chains(seed):
    rng = random.Random(seed)
    nodes = [f"{i:05d}" for i in range(2000)]
    edges = [(rng.choice(nodes), rng.choice(nodes)) for _ in range(1500)]
    chain = [f"c{i:04d}" for i in range(256)]
    rng.shuffle(chain)
    edges += list(itertools.pairwise(chain))
    assert components_locally(edges, ROUNDS) == union_find(edges)


def test_too_few_rounds_leave_a_long_chain_split():
    chain = [f"{i:04d}" for i in range(512)]
    random.Random(7).shuffle(chain)
    edges = list(itertools.pairwise(chain))
    assert components_locally(edges, 1) != union_find(edges)
