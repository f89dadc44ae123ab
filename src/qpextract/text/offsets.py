"""A normalized string that remembers where each of its characters came from.

``MappedText`` holds the text and, for every character, the ``[start, end)``
stretch of the original input it stands for. Edits (replacements, deletions,
insertions) update both at C speed with array slicing, so mapping a record
back to the input is a lookup, not a search. An unedited text keeps no arrays
at all: the map is the identity until the first edit.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Optional

import regex

Edit = tuple[int, int, str]  # replace text[a:b] with the string

# 0, 1, 2, ...: sliced (a memcpy) to materialize an identity map; never written to
_COUNTING = array("q", range(1 << 17))


def _counting(start: int, stop: int) -> array[int]:
    if stop <= len(_COUNTING):
        return _COUNTING[start:stop]
    return array("q", range(start, stop))


@dataclass(frozen=True)
class MappedText:
    """Text plus, per character, the original stretch it came from.

    ``starts`` and ``ends`` never decrease; an inserted character has
    ``start == end`` (it stands for nothing in the input). Both are None
    while the text is the original itself.
    """

    text: str
    starts: Optional[array[int]]
    ends: Optional[array[int]]
    original_length: int

    @classmethod
    def identity(cls, original: str) -> MappedText:
        return cls(original, None, None, len(original))

    def source(self, i: int) -> tuple[int, int]:
        """Original ``[start, end)`` of character ``i``."""
        if self.starts is None or self.ends is None:
            return i, i + 1
        return self.starts[i], self.ends[i]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` of the normalized ``text[start:end]``."""
        if self.starts is None or self.ends is None:
            return start, max(start, end)
        if end <= start:
            at = self.starts[start] if start < len(self.starts) else self.original_length
            return at, at
        return self.starts[start], self.ends[end - 1]

    def to_normalized(self, original_offset: int) -> int:
        """First normalized position whose source starts at or after ``original_offset``."""
        if self.starts is None:
            return min(max(original_offset, 0), len(self.text))
        return bisect_left(self.starts, original_offset)

    def to_normalized_end(self, original_end: int) -> int:
        """Normalized end position for a record ending at ``original_end``."""
        if self.ends is None:
            return min(max(original_end, 0), len(self.text))
        return bisect_right(self.ends, original_end)

    def edit(self, edits: Iterable[Edit]) -> MappedText:
        """Apply sorted, non-overlapping edits; the map follows every one."""
        text = self.text
        starts = self.starts
        ends = self.ends
        out_text: list[str] = []
        out_s = array("q")
        out_e = array("q")
        pos = 0
        changed = False
        for a, b, rep in edits:
            if text[a:b] == rep:
                continue
            changed = True
            if starts is None or ends is None:  # first real edit: materialize the identity
                starts = _counting(0, len(text))
                ends = _counting(1, len(text) + 1)
            out_text.append(text[pos:a])
            out_s.extend(starts[pos:a])
            out_e.extend(ends[pos:a])
            if len(rep) == b - a == 1:
                out_s.extend(starts[a:b])
                out_e.extend(ends[a:b])
            elif rep:
                if a < b:
                    s0, e0 = starts[a], ends[b - 1]
                else:  # an insertion stands for nothing: zero width at its place
                    s0 = e0 = starts[a] if a < len(starts) else self.original_length
                out_s.extend(array("q", [s0]) * len(rep))
                out_e.extend(array("q", [e0]) * len(rep))
            out_text.append(rep)
            pos = b
        if not changed or starts is None or ends is None:
            return self
        out_text.append(text[pos:])
        out_s.extend(starts[pos:])
        out_e.extend(ends[pos:])
        return MappedText("".join(out_text), out_s, out_e, self.original_length)

    def sub(self, pattern: regex.Pattern[str], repl: Callable[[regex.Match[str]], str] | str) -> MappedText:
        """``pattern.sub`` that keeps the offset map."""
        if isinstance(repl, str):
            fixed = repl
            return self.edit((m.start(), m.end(), fixed) for m in pattern.finditer(self.text))
        return self.edit((m.start(), m.end(), repl(m)) for m in pattern.finditer(self.text))
