"""Sentence segmentation for Vietnamese news, as spans over the text.

Lines are blocks (headings without final punctuation, bullet lines, bylines);
inside a line a sentence ends at ``. ! ? …`` followed by a space and an upper-
case letter, a digit or an opening quote, unless the token before the period
is an abbreviation that does not end sentences ("TP.", "ThS.", initials); a
line break right after such an abbreviation does not end the line's block.
Decimals ("23,4"), thousands ("2.568"), dates ("16/10/2020"), "đ/c" and the
closing "./." have no space after their punctuation and never split.
"""

from __future__ import annotations

import unicodedata

import regex
from pydantic import BaseModel

from qpextract.data import read_tsv
from qpextract.document import Document

_LINE = regex.compile(r"[^\n]+")
# candidate end: punctuation (with closing quotes/brackets), then space, then a sentence start
_BOUNDARY = regex.compile(r"[.!?…]['\")\]]*+( ++)(?=['\"(\[]?+[\p{Lu}\d])")
_category = unicodedata.category
_TOKEN_BEFORE = regex.compile(r"(?<!\S)(\S+?)\.['\")\]]*$")


class _NonFinal(BaseModel):
    token: str
    note: str = ""


def sentence_spans(text: str, nonfinal: frozenset[str]) -> list[tuple[int, int]]:
    """``[start, end)`` of each sentence of ``text`` (no surrounding spaces)."""
    spans: list[tuple[int, int]] = []
    # no boundary spans a line break: one scan of the text, boundaries taken line by line
    bounds = [(b.start(1), b.end(1)) for b in _BOUNDARY.finditer(text)]
    k = 0
    for line_start, line_end in _blocks(text, nonfinal):
        start = line_start
        while k < len(bounds) and bounds[k][0] < line_end:
            bs, be = bounds[k]
            k += 1
            before = _TOKEN_BEFORE.search(text, max(start, bs - 12), bs)
            if before:
                token = before.group(1)
                if token in nonfinal or (len(token) == 1 and _category(token) == "Lu"):
                    continue
            _append(spans, text, start, bs)
            start = be
        _append(spans, text, start, line_end)
    return spans


def _blocks(text: str, nonfinal: frozenset[str]) -> list[tuple[int, int]]:
    """The lines of ``text``, a line ending in a title or place abbreviation ("TP.", "PGS.") joined to
    the next one: some archives break lines after every period, and "TP.\nHCM" is one name."""
    blocks: list[tuple[int, int]] = []
    joined = False
    for line in _LINE.finditer(text):
        if joined and blocks[-1][1] + 1 == line.start():
            blocks[-1] = (blocks[-1][0], line.end())
        else:
            blocks.append((line.start(), line.end()))
        before = _TOKEN_BEFORE.search(text, max(line.start(), line.end() - 12), line.end())
        joined = bool(before) and len(before.group(1)) > 1 and before.group(1) in nonfinal
    return blocks


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


class SentenceSegmenter:
    """Component: fills ``doc.sentences`` (normalized spans)."""

    name = "sentences"
    needs = ("text",)
    adds = ("sentences",)

    def __init__(self) -> None:
        self.nonfinal = frozenset(row.token for row in read_tsv("nonfinal_abbreviations.tsv", _NonFinal))

    def __call__(self, doc: Document) -> None:
        doc.sentences = sentence_spans(doc.text, self.nonfinal)
