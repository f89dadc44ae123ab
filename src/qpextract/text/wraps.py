"""Soft line breaks of a page that hard-wraps its paragraphs, read as blanks by the extractors that need it.

Some portals print a text wrapped at a fixed width: every line of a paragraph is cut near one length, in
the middle of a sentence, of a name ("Đại tá Lò Văn" / "Tám") or of a post ("Chủ tịch" / "HĐND huyện").
:func:`unwrapped` returns the text with those line breaks made blanks, one character for one, so that the
offsets of every span stay those of the text. A page is read as wrapped only when several of its lines end
inside a sentence and go on in lower case on the next line; the wild corpus has none, so news text with
lines of its own (headlines, captions, lists) is left as it is.
"""

from __future__ import annotations

import re

# a line break between two lines of text, neither blank (the line before is checked apart)
_BREAK = re.compile(r"(?<=[^\W_]|,)\n(?=[^\W_])")
MIN_LINE = 40  # characters of the line before a soft break: a wrapped line runs near the page's width
MIN_SOFT = 3  # wrapped lines going on in lower case that mark a page as hard-wrapped
MIN_SHARE = 0.25  # ... and their share of the breaks between two lines of text


def _line_length(text: str, brk: int) -> int:
    """Characters of the line that ends at the line break ``brk``."""
    return brk - (text.rfind("\n", 0, brk) + 1)


def unwrapped(text: str, lo: int = 0, hi: int = -1) -> str:
    """``text`` with the soft line breaks of ``[lo, hi)`` made blanks when the page hard-wraps its lines
    (rule person.wrapped_line); else ``text`` itself."""
    hi = len(text) if hi < 0 else hi
    if text.count("\n", lo, hi) < MIN_SOFT:
        return text
    soft: list[int] = []
    lower = breaks = 0
    for m in _BREAK.finditer(text, lo, hi):
        breaks += 1
        k = m.start()
        soft.append(k)  # once the page reads as wrapped, a short line ends inside a sentence too ("… Đại tá Lò Văn")
        lower += text[k + 1].islower() and _line_length(text, k) >= MIN_LINE
    if lower < MIN_SOFT or lower < MIN_SHARE * breaks:
        return text
    chars = list(text)
    for k in soft:
        chars[k] = " "
    return "".join(chars)
