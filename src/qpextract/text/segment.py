"""Sentence segmentation for Vietnamese news, as spans over the text.

Lines are blocks (headings without final punctuation, bullet lines, bylines);
inside a line a sentence ends at ``. ! ? …`` followed by a space and an upper-
case letter, a digit or an opening quote, unless the token before the period
is an abbreviation that does not end sentences ("TP.", "ThS.", initials, dotted
initials inside a name such as "George H.W. Bush" unless the table of place
initials lists them, "Washington D.C."); a line break right after such an abbreviation does not end the line's block.
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
# "H.W", "H.R": two or more single capitals joined by periods (the last period is the candidate end)
_DOTTED_INITIALS = regex.compile(r"(?:\p{Lu}\.)+\p{Lu}")
# a line ending in a capitalized word and dotted initials: "George H.W.", "Mỹ H.R." (also read by the name finder)
NAME_INITIALS_END = regex.compile(r"(?<!\S)\p{Lu}\p{L}* (?:\p{Lu}\.)+\p{Lu}\.$")


class _NonFinal(BaseModel):
    token: str
    note: str = ""


def sentence_spans(
    text: str, nonfinal: frozenset[str], final_initials: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """``[start, end)`` of each sentence of ``text`` (no surrounding spaces); ``final_initials`` are dotted
    initials that may end a sentence (places: "D.C")."""
    spans: list[tuple[int, int]] = []
    # no boundary spans a line break: one scan of the text, boundaries taken line by line
    bounds = [(b.start(1), b.end(1)) for b in _BOUNDARY.finditer(text)]
    k = 0
    for line_start, line_end in _blocks(text, nonfinal, final_initials):
        start = line_start
        while k < len(bounds) and bounds[k][0] < line_end:
            bs, be = bounds[k]
            k += 1
            before = _TOKEN_BEFORE.search(text, max(start, bs - 12), bs)
            if before:
                token = before.group(1)
                if _keeps_sentence(token, nonfinal, final_initials):
                    continue
            _append(spans, text, start, bs)
            start = be
        _append(spans, text, start, line_end)
    return spans


def _keeps_sentence(token: str, nonfinal: frozenset[str], final_initials: frozenset[str]) -> bool:
    """Whether a period after ``token`` does not end the sentence: a listed abbreviation, one capital
    (an initial), or dotted initials (rule ``sentence.dotted_initials``: "George H.W. Bush", "H.R.
    McMaster") that are not a place's letters ("Washington D.C. Tuy nhiên" ends there)."""
    if token in nonfinal or (len(token) == 1 and _category(token) == "Lu"):
        return True
    return token not in final_initials and _DOTTED_INITIALS.fullmatch(token) is not None


def _joins_line(text: str, start: int, end: int, nonfinal: frozenset[str], final_initials: frozenset[str]) -> bool:
    """Whether the line ``text[start:end]`` runs on into the next line: it ends in a listed abbreviation of
    two letters or more ("TP.\nHCM"), or in dotted initials after a capitalized word before a line that opens
    with a capital ("George H.W.\nBush", rule ``sentence.dotted_initials``; "ông Đỗ V.Q.\n(sinh …" ends); a lone capital ("châu Á.") and a credit's initials after a colon
    ("Ảnh: T.T.") end the line."""
    before = _TOKEN_BEFORE.search(text, max(start, end - 12), end)
    if not before or len(before.group(1)) < 2:
        return False
    token = before.group(1)
    if token in nonfinal:
        return True
    return (
        token not in final_initials
        and text[end + 1 : end + 2].isupper()
        and NAME_INITIALS_END.search(text, max(start, end - 40), end) is not None
    )


def _blocks(
    text: str, nonfinal: frozenset[str], final_initials: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """The lines of ``text``, a line ending in a title or place abbreviation ("TP.", "PGS.") or dotted
    initials joined to the next one: some archives break lines after every period, and "TP.\nHCM" is
    one name."""
    blocks: list[tuple[int, int]] = []
    joined = False
    for line in _LINE.finditer(text):
        if joined and blocks[-1][1] + 1 == line.start():
            blocks[-1] = (blocks[-1][0], line.end())
        else:
            blocks.append((line.start(), line.end()))
        joined = _joins_line(text, line.start(), line.end(), nonfinal, final_initials)
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
        self.final_initials = frozenset(row.token for row in read_tsv("final_initials.tsv", _NonFinal))

    def __call__(self, doc: Document) -> None:
        doc.sentences = sentence_spans(doc.text, self.nonfinal, self.final_initials)
