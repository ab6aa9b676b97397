"""Small checks shared by several test modules."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from transforms.clean import apply_rules
from transforms.common import Rejected


def mentions_by_text(text: str, language: str = "en", **kwargs: Any) -> dict[str, dict]:
    """The entity mentions of `text` by surface form, after checking that every offset indexes the text."""
    from transforms.entities import tag_entities

    found = tag_entities(text, language, **kwargs)
    assert all(text[e["start"] : e["end"]] == e["text"] for e in found)
    return {e["text"]: e for e in found}


def assert_tagged(text: str, language: str, name: str, label: str) -> None:
    """`name` is tagged in `text` (the whole surface form) with `label`."""
    found = mentions_by_text(text, language)
    assert name in found, found
    assert found[name]["label"] == label


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
