"""Text-level boilerplate rules, as data. Each rule: id, kind, pattern, optional outlet.

Kinds:
- `header`: a syndication header glued to the start of the text; named groups (`date`, `source`) feed metadata.
- `paragraph`: the whole paragraph is boilerplate when the pattern matches it from its start.
- `span`: only the matched span is removed, the rest of the paragraph stays.
`outlet` names the outlet whose template the rule matches; a match is evidence of that source.
`syndicator` names the aggregator a header belongs to.
Recall first: patterns are anchored and specific, so that no article sentence can match.
"""

from __future__ import annotations

import dataclasses
import re


@dataclasses.dataclass(frozen=True)
class Rule:
    id: str
    kind: str  # header | paragraph | span
    pattern: str
    outlet: str | None = None
    syndicator: str | None = None
    flags: int = re.I

    @property
    def regex(self) -> re.Pattern[str]:
        return _compile(self.pattern, self.flags)


_CACHE: dict[tuple[str, int], re.Pattern[str]] = {}


def _compile(pattern: str, flags: int) -> re.Pattern[str]:
    key = (pattern, flags)
    if key not in _CACHE:
        _CACHE[key] = re.compile(pattern, flags)
    return _CACHE[key]


RULES: tuple[Rule, ...] = (
    # --- syndication headers glued to the first sentence
    Rule(
        "header.menafn",
        "header",
        r"^\W*(?:date\s+(?P<date>\d{4}-\d{2}-\d{2})\s+)?\(?\s*MENAFN\s*[-–—]\s*(?P<source>[^)\n]{2,80}?)\s*\)\s*",
        syndicator="MENAFN",
    ),
    Rule("header.date", "header", r"^\W*date\s+(?P<date>\d{4}-\d{2}-\d{2})\b\s*"),
    # --- donation, subscription and newsletter banners
    Rule(
        "banner.independent_support",
        "span",
        r"Your support helps us to tell the story.*?Your support makes all the difference\.(?:\s*Read more)?\s*",
        outlet="The Independent",
        flags=re.I | re.S,
    ),
    # --- photo captions and credits
    Rule("caption.open_image_gallery", "paragraph", r"^open image in gallery\b"),
    Rule(
        "caption.photo_credit",
        "span",
        r"\s*\((?:photo|file photo|image|picture)\b[^()\n]{0,80}\)(?:\s*\([A-Z][A-Za-z .&/]{1,40}\))?",
    ),
    # --- inline related-story links
    Rule("related.pipe_headline", "paragraph", r"^\|\s*\S[^\n]{5,200}$"),
    Rule("related.also_read", "paragraph", r"^(?:also read|read more|read also|related)\s*[:|-]"),
    # --- trailers
    Rule("trailer.with_inputs", "paragraph", r"^\(\s*with (?:[\w-]+ )?inputs?(?: from [^)]{1,60})?\s*\)\.?$"),
)
