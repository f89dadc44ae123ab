"""Input guards run before anything else touches a text: same length out, so offsets hold.

- lone surrogates (from ``\\udc00`` in JSON, a non-UTF-8 file name) cannot be written as
  UTF-8: each becomes U+FFFD;
- a run of more than :data:`MAX_MARKS` combining marks (no language writes one; Zalgo text
  and attacks do) makes NFC's canonical reordering quadratic in C, where no time limit
  reaches: the marks past the first :data:`MAX_MARKS` become U+FFFD.
"""

from __future__ import annotations

import regex

MAX_MARKS = 8  # Vietnamese needs at most two on a letter (a vowel mark and a tone)
_SURROGATE = regex.compile("[\ud800-\udfff]")
_MARK_RUN = regex.compile(r"\p{M}{%d,}+" % (MAX_MARKS + 1))


def scrub(value: str) -> str:
    """``value`` with every lone surrogate replaced by U+FFFD (same length)."""
    return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value


def guard_text(text: str) -> tuple[str, list[str]]:
    """``text`` made safe to normalize and to write, and a warning per kind of repair."""
    warnings: list[str] = []
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
        warnings.append("the input held lone surrogates (not Unicode text); each was replaced by U+FFFD")
    if _MARK_RUN.search(text):
        text = _MARK_RUN.sub(lambda m: m.group()[:MAX_MARKS] + "\ufffd" * (len(m.group()) - MAX_MARKS), text)
        warnings.append(f"runs of more than {MAX_MARKS} combining marks were cut (the rest replaced by U+FFFD)")
    return text, warnings
