"""How the stream decides to run in rounds (local runner) and how many polls each round gets."""

from __future__ import annotations

import itertools

import pytest

from pipelines.stream import options_from, round_sizes, runs_in_rounds


@pytest.mark.parametrize(
    "window, interval, max_polls, sizes",
    [
        (300, 60, 12, [5, 5, 2]),  # 300 / 60 is exactly 5 polls per window
        (1.25, 0.5, 5, [3, 2]),
        (10, 30, 3, [1, 1, 1]),  # polls rarer than windows: one poll per round
        (300, 60, 0, []),
    ],
)
def test_round_sizes(window, interval, max_polls, sizes):
    assert list(round_sizes(window, interval, max_polls)) == sizes


def test_without_max_polls_rounds_never_end():
    assert list(itertools.islice(round_sizes(300, 60, None), 4)) == [5, 5, 5, 5]


@pytest.mark.parametrize(
    "args, rounds, streaming",
    [
        (["--feeds=f.txt"], True, False),  # local default runner: rounds of bounded pipelines
        (["--feeds=f.txt", "--max-polls=3"], True, False),
        (["--feeds=f.txt", "--runner=DataflowRunner"], False, True),  # one endless streaming job
        (["--pubsub-subscription=projects/p/subscriptions/s"], False, True),
    ],
)
def test_rounds_only_for_feeds_on_a_local_runner(args, rounds, streaming):
    options = options_from(["--output=out", *args])
    assert runs_in_rounds(options) is rounds
    assert bool(options.get_all_options()["streaming"]) is streaming


def test_stream_needs_a_source_and_an_output():
    with pytest.raises(SystemExit):
        options_from(["--output=out"])
