"""Small checks shared by several test modules."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from transforms.clean import apply_rules
from transforms.common import Rejected


def assert_removed_between(body: str, junk: str, rule_id: str) -> None:
    """`junk` as a paragraph between two article paragraphs is removed whole and audited under `rule_id`."""
    text, removed, _ = apply_rules(f"{body}\n\n{junk}\n\n{body}")
    assert text == f"{body}\n\n{body}"
    assert removed == [(rule_id, junk)]


def reason_of(call: Callable[[], Any]) -> str:
    """The reason of the rejection `call()` raises (fails when it raises none)."""
    with pytest.raises(Rejected) as info:
        call()
    return info.value.reason
