"""Related-article lines ("Xem thêm: …", "Tin liên quan"): another article's headline, whose dates and figures are not
this article's.

One list of heads (data/vi/teasers.yaml) for every extractor that skips such lines. The lines are found once per text
and a position is looked up by bisection, so a text of many such lines and many records stays linear.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from qpextract.data import read_yaml


@lru_cache(maxsize=1)
def _heads() -> tuple[str, ...]:
    return tuple(sorted(read_yaml("teasers.yaml")["heads"], key=len, reverse=True))


@lru_cache(maxsize=1)
def _lines() -> re.Pattern[str]:
    # a line opened by a head (after blanks), to its end
    return re.compile(r"(?m)^[ \t]*(?:" + "|".join(re.escape(h) for h in _heads()) + r")(?!\w)[^\n]*")


class TeaserLines:
    """The related-article lines of one lower-cased text, as sorted spans."""

    def __init__(self, lower: str) -> None:
        spans = [m.span() for m in _lines().finditer(lower)] if any(h in lower for h in _heads()) else []
        self._starts = [a for a, _ in spans]
        self._ends = [b for _, b in spans]

    def __bool__(self) -> bool:
        return bool(self._starts)

    def holds(self, pos: int) -> bool:
        """Is ``pos`` inside one of the lines?"""
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._ends[i]
