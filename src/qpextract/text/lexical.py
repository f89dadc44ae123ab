"""The lexical layer of a document, computed once and read by every extractor.

Three forms of the text keep the same offsets: the text itself, ``lower``
(lower case, one character for one) and the token list (``\\d+([.,]\\d+)*``,
words, line breaks and single signs). Capitalization and the syllable class of
a token are looked up, not recomputed. Three different "folds" used to share
one name; they are now :func:`same_length_lower` (case, offsets kept),
``qpextract.patterns.phrase_key`` (a phrase's comparison key: lower case,
single spaces) and ``qpextract.evaluate.fold`` (the scorer's tone- and
dash-insensitive key); :func:`unmarked` drops the marks themselves.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import cached_property

import regex

# one token: a digit group in any notation, a word, a newline, or one other sign
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+|\n|[^\w\s]")


def same_length_lower(text: str) -> str:
    """``text.lower()`` with one character for one (a character whose lower case is longer is kept)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def unmarked(text: str) -> str:
    """``text`` without its tone and vowel marks, "đ" written "d" ("tổng kết" → "tong ket")."""
    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in folded if not unicodedata.combining(c))


_LETTER_RUN = regex.compile(r"[\p{L}\p{M}]++")  # a word: a run of letters and their marks


def word_pairs(text: str, common: frozenset[str]) -> set[tuple[str, str]]:
    """The pairs of neighbouring words of ``text`` in lower case (two-syllable words are the unit of Vietnamese
    meaning: "Bắc Sơn" is not "Lạng Sơn"), but pairs of two ``common`` words (function words any two lines share):
    what two lines of a page are compared by (a headline and its lead, a lead and a related article's headline)."""
    words = [m.lower() for m in _LETTER_RUN.findall(text)]
    return {(a, b) for a, b in zip(words, words[1:]) if not (a in common and b in common)}


def word_alternation(words: Iterable[str]) -> re.Pattern[str]:
    """One pattern matching any of ``words`` as a whole word, longest first ("mười hai" before "mười"), each word
    literal: a flat alternation of escaped literals (no nested quantifier: linear; not the prefix trie of
    ``patterns.trie_pattern``, whose blanks and hyphens match loosely), for the role model's cue lists and the
    person registry's domain words."""
    return re.compile(rf"(?<!\w)(?:{literal_alternation(words)})(?!\w)")


def literal_alternation(words: Iterable[str]) -> str:
    """The body of such a pattern: ``words`` escaped, longest first, joined by "|", for a pattern that sets its own
    boundaries and flags (the owners after a name in ``abbr.written_loose``); words of one length sorted by the word,
    so the pattern string is the same from run to run (set order follows the string hash seed)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def pair_share(words: set[tuple[str, str]], ref: set[tuple[str, str]]) -> float:
    """The share of ``words`` found in ``ref`` (0 when there are none)."""
    return len(words & ref) / len(words) if words else 0.0


class Lexical:
    """Lower-case form and tokens of one normalized text; every attribute is built on first use."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def lower(self) -> str:
        """The lower-cased text, same length and offsets as ``text``."""
        return same_length_lower(self.text)

    @cached_property
    def _tokens(self) -> tuple[list[int], list[int]]:
        starts: list[int] = []
        ends: list[int] = []
        for m in TOKEN.finditer(self.text):
            starts.append(m.start())
            ends.append(m.end())
        return starts, ends

    @property
    def token_starts(self) -> list[int]:
        return self._tokens[0]

    @property
    def token_ends(self) -> list[int]:
        return self._tokens[1]

    def tokens_in(self, start: int, end: int) -> range:
        """Indexes of the tokens lying wholly inside ``[start, end)``."""
        starts, ends = self._tokens
        return range(bisect_left(starts, start), bisect_right(ends, end, lo=bisect_left(starts, start)))

    def is_capitalized(self, i: int) -> bool:
        """Token ``i`` starts with a capital letter."""
        return self.text[self._tokens[0][i]].isupper()

    def syllable_class(self, i: int) -> str:
        """``digits``, ``upper`` (all caps), ``capitalized``, ``lower``, ``newline`` or ``sign``."""
        s, e = self._tokens[0][i], self._tokens[1][i]
        tok = self.text[s:e]
        if tok[0].isdigit():
            return "digits"
        if tok == "\n":
            return "newline"
        if not tok[0].isalnum() and tok[0] != "_":
            return "sign"
        if tok.isupper() and len(tok) > 1:
            return "upper"
        return "capitalized" if tok[0].isupper() else "lower"
