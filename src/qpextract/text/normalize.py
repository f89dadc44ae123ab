"""Normalize Vietnamese news text while keeping a map back to the input.

The steps follow SPEC "Normalized text": NFC; tone marks placed as news
prints them (Uỷ → Ủy, hoà → hòa); dashes, quotes and odd spaces unified;
zero-width characters dropped; web boilerplate lines removed; a space put
back after sentence punctuation glued to the next word; runs of spaces
collapsed. Normalizing normalized text changes nothing.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex
from pydantic import BaseModel

from qpextract.data import read_tsv
from qpextract.text.offsets import MappedText

_NEWLINES = regex.compile(r"\r\n?|[\u2028\u2029\x85\v\f]")
_ZERO_WIDTH = regex.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e]+")
_SPACES = regex.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_DASHES = regex.compile(r"[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
_DQUOTES = regex.compile(r"[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\uff02]")
_SQUOTES = regex.compile(r"[\u2018\u2019\u201a\u201b\u2032\uff07]")
_CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# "hiệu quả.Công tác", "Thành ủy,UBND": a lower-case letter, punctuation, then a word.
_GLUED = regex.compile(r"(?<=\p{Ll}[.;!?,])(?=\p{Lu}\p{L})|(?<=\p{L}[;,])(?=\p{Ll})")
_MULTISPACE = regex.compile(r" {2,}")
_LINE_EDGE_SPACE = regex.compile(r"(?m)^ +| +$")
# three newlines survive: a large gap before photo captions is a signal the byline reader uses
_BLANK_LINES = regex.compile(r"\n{4,}")
_EDGES = regex.compile(r"^\s+|\s+$")
_CLUSTER = regex.compile(r"\X")


class _TonePlacement(BaseModel):
    old: str
    new: str
    not_after: str = ""


class _Boilerplate(BaseModel):
    pattern: str
    note: str = ""


@dataclass(frozen=True)
class Normalizer:
    """Compiled normalization tables; build once, use for every article."""

    tone_pattern: regex.Pattern[str]
    tone_table: dict[str, str]
    boilerplate: regex.Pattern[str]

    @classmethod
    def load(cls) -> Normalizer:
        return _load_normalizer()

    def __call__(self, original: str) -> MappedText:
        mt = MappedText.identity(original)
        mt = mt.sub(_NEWLINES, "\n")
        mt = nfc(mt)
        mt = mt.sub(_CONTROL, "")
        mt = mt.sub(_ZERO_WIDTH, "")
        mt = mt.sub(_SPACES, " ")
        mt = mt.sub(_DASHES, "-")
        mt = mt.sub(_DQUOTES, '"')
        mt = mt.sub(_SQUOTES, "'")
        mt = mt.sub(self.tone_pattern, lambda m: self.tone_table[m.group()])
        mt = mt.sub(_LINE_EDGE_SPACE, "")
        mt = mt.sub(self.boilerplate, "")
        mt = mt.sub(_GLUED, " ")
        mt = mt.sub(_MULTISPACE, " ")
        mt = mt.sub(_LINE_EDGE_SPACE, "")
        mt = mt.sub(_BLANK_LINES, "\n\n\n")
        return mt.sub(_EDGES, "")


def nfc(mt: MappedText) -> MappedText:
    """NFC, composing cluster by cluster so each character keeps its source."""
    if unicodedata.is_normalized("NFC", mt.text):
        return mt
    out = mt.edit(
        (m.start(), m.end(), unicodedata.normalize("NFC", m.group()))
        for m in _CLUSTER.finditer(mt.text)
        if not unicodedata.is_normalized("NFC", m.group())
    )
    if not unicodedata.is_normalized("NFC", out.text):  # composition across clusters: rare
        out = out.edit([(0, len(out.text), unicodedata.normalize("NFC", out.text))])
    return out


def _case_variants(old: str, new: str) -> list[tuple[str, str]]:
    return [(old, new), (old[0].upper() + old[1:], new[0].upper() + new[1:]), (old.upper(), new.upper())]


@lru_cache(maxsize=1)
def _load_normalizer() -> Normalizer:
    table: dict[str, str] = {}
    alternatives = []
    for row in read_tsv("tone_placement.tsv", _TonePlacement):
        for old, new in _case_variants(row.old, row.new):
            table[old] = new
            guard = f"(?<![{regex.escape(row.not_after + row.not_after.upper())}])" if row.not_after else ""
            alternatives.append(guard + regex.escape(old))
    tone = regex.compile(r"(?:" + "|".join(alternatives) + r")(?![\p{L}\p{M}])")
    lines = [row.pattern for row in read_tsv("boilerplate.tsv", _Boilerplate)]
    boiler = regex.compile(r"(?im)^(?:" + "|".join(f"(?:{p})" for p in lines) + r")[ ]*(?:\n|$)")
    return Normalizer(tone, table, boiler)


def normalize(original: str) -> MappedText:
    """Normalize ``original``; the result maps every character back to it."""
    return _load_normalizer()(original)
