"""Normalize Vietnamese news text while keeping a map back to the input.

The steps follow SPEC "Normalized text": NFC; tone marks placed as news
prints them (Uỷ → Ủy, hoà → hòa); dashes, quotes and odd spaces unified;
zero-width characters dropped; web boilerplate lines removed; a space put
back after sentence punctuation glued to the next word; runs of spaces
collapsed. Normalizing normalized text changes nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex
from pydantic import BaseModel

from qpextract.data import read_tsv
from qpextract.text.offsets import MappedText

# before NFC: line breaks unified, control and zero-width characters dropped
# (a dropped one may have kept a letter and its combining mark apart)
_BREAKS_AND_INVISIBLES = regex.compile(
    r"(\r\n?|[\u2028\u2029\x85\v\f])|[\x00-\x08\x0e-\x1f\x7f\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e]+"
)
# after NFC, one character in, one out: odd spaces, dashes, quotes
_CHAR_MAP: dict[str, str] = {
    **dict.fromkeys("\t\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B))), " "),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\uff02", '"'),
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\uff07", "'"),
}
# after those: runs of spaces, spaces at line edges, large gaps, and a missing
# space after punctuation glued to the next word ("hiệu quả.Công tác", "Thành ủy,UBND")
_SPACING = regex.compile(
    r"(?m)\n(?:[ ]*+\n){3,}|^ +| +$| {2,}"
    r"|[.;!?,](?<=\p{Ll}.)(?=\p{Lu}\p{L})|[;,](?<=\p{L}.)(?=\p{Ll})"
)
# the characters _BREAKS_AND_INVISIBLES starts with: a text without any (most) skips it
_BREAK_CHARS = re.compile(r"[\r\u2028\u2029\x85\v\f\x00-\x08\x0e-\x1f\x7f\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e]")
# cheap scans for _SPACING's matches (see _needs_spacing); "[^\W\d_]" is wider than \p{Ll}, \p{Lu}, \p{L}
_FOUR_BREAKS = re.compile(r"\n[ ]*\n[ ]*\n[ ]*\n")
# (one pattern per mark: a literal first character lets ``re`` skip ahead fast; a class first is ~2x slower)
_GLUED_LETTER = tuple(re.compile(re.escape(c) + r"(?<=[^\W\d_].)(?=[^\W\d_])") for c in ".;!?,")
_GLUED_PUNCTUATION = frozenset(".;!?,")
_MARKS = regex.compile(r"\p{Mn}+")
_LATIN = regex.compile(r"\p{Latin}")
_BOILERPLATE_MAX_LINE = 200
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

    characters: re.Pattern[str]  # candidates for _CHAR_MAP and unparsable digits (stdlib: fast on one class)
    unparsable: frozenset[str]
    tones: regex.Pattern[str]  # old-style tone placement at the end of a syllable
    tone_table: dict[str, str]
    boilerplate: regex.Pattern[str]

    @classmethod
    def load(cls) -> Normalizer:
        return _load_normalizer()

    def __call__(self, original: str) -> MappedText:
        mt = MappedText.identity(original)
        if _BREAK_CHARS.search(original):
            mt = mt.sub(_BREAKS_AND_INVISIBLES, lambda m: "\n" if m.group(1) else "")
        mt = nfc(mt)
        mt = mt.sub(self.characters, self._replace_character)
        mt = mt.sub(self.tones, self._replace_tone)
        if _MARKS.search(mt.text):
            mt = mt.edit(_stray_marks(mt.text))
        mt = mt.edit(self._boilerplate_lines(mt.text))
        if _needs_spacing(mt.text):
            mt = mt.sub(_SPACING, _spacing)
        stripped = mt.text.strip()
        if len(stripped) != len(mt.text):
            lead = len(mt.text) - len(mt.text.lstrip())
            mt = mt.edit([(0, lead, ""), (lead + len(stripped), len(mt.text), "")])
        return mt

    def spelling(self, word: str) -> str:
        """A word or phrase spelled as the normalizer writes it (NFC, characters, tone placement), without
        the steps that read whole lines (boilerplate, spacing): for word lists, where "Đăng ký" is no button."""
        mt = nfc(MappedText.identity(word))
        mt = mt.sub(self.characters, self._replace_character)
        return mt.sub(self.tones, self._replace_tone).text

    def _boilerplate_lines(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Edits that delete each boilerplate line with its line break."""
        start = 0
        while start <= len(text):
            end = text.find("\n", start)
            stop = len(text) if end == -1 else end
            if stop - start <= _BOILERPLATE_MAX_LINE and self.boilerplate.fullmatch(text, start, stop):
                yield (start, stop if end == -1 else end + 1, "")
            if end == -1:
                return
            start = end + 1

    def _replace_character(self, m: re.Match[str]) -> str:
        found = m.group()
        mapped = _CHAR_MAP.get(found)
        if mapped is not None:
            return mapped
        return "\ufffd" if found in self.unparsable else found  # an astral character: kept unless a digit

    def _replace_tone(self, m: regex.Match[str]) -> str:
        found = m.group()
        return _recased(found, self.tone_table[found.lower()])


def _stray_marks(text: str) -> Iterator[tuple[int, int, str]]:
    """Edits folding combining marks that NFC could not compose into the Latin letter before them.

    ("tâ" + a second dot below): the letter then stands for the whole cluster,
    so no record can end inside it.
    """
    for m in _MARKS.finditer(text):
        if m.start() and _LATIN.match(text, m.start() - 1):
            yield (m.start() - 1, m.end(), text[m.start() - 1])


def _needs_spacing(text: str) -> bool:
    """False only when ``_SPACING`` has no match in ``text`` (checked by cheaper scans of a superset)."""
    return bool(
        "  " in text
        or "\n " in text
        or " \n" in text
        or text[:1] == " "
        or text[-1:] == " "
        or _FOUR_BREAKS.search(text)
        or any(p.search(text) for p in _GLUED_LETTER)
    )


def _spacing(m: regex.Match[str]) -> str:
    found = m.group()
    if found in _GLUED_PUNCTUATION:
        return found + " "  # the missing space after punctuation
    if found[0] == "\n":
        return "\n\n\n"  # a large gap stays a (three-newline) gap: the byline reader uses it
    if m.start() == 0 or m.end() == len(m.string) or m.string[m.start() - 1] == "\n" or m.string[m.end()] == "\n":
        return ""  # spaces at the edge of a line
    return " "


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


def _unparsable_digits() -> dict[str, str]:
    """Digits the regex module knows (newer Unicode) but Python's int() rejects → U+FFFD.

    Extractors read ``\\d`` matches with int(); these would make it raise.
    """
    table = "".join(chr(c) for c in range(0x10000, 0x20000))
    return {m.group(): "\ufffd" for m in regex.finditer(r"\d", table) if not m.group().isdecimal()}


def _recased(found: str, lower_new: str) -> str:
    """``lower_new`` with the letter case of ``found`` ("Uỷ" → "ủy" → "Ủy")."""
    return "".join(n.upper() if f.isupper() else n for f, n in zip(found, lower_new))


@lru_cache(maxsize=1)
def _load_normalizer() -> Normalizer:
    table: dict[str, str] = {}
    groups: dict[tuple[str, str], set[str]] = {}
    for row in read_tsv("tone_placement.tsv", _TonePlacement):
        table[row.old] = row.new
        groups.setdefault((row.old[0], row.not_after), set()).add(row.old[1])
    alternatives = []
    for (first, not_after), seconds in sorted(groups.items()):
        marks = "".join(sorted(seconds)) + "".join(sorted(seconds)).upper()
        guard = f"(?<![{regex.escape(not_after + not_after.upper())}]..)" if not_after else ""
        alternatives.append(f"[{regex.escape(first + first.upper())}][{regex.escape(marks)}]{guard}")
    # a rime is old-style only at the end of its syllable ("hoà", not "hoàn")
    unparsable = _unparsable_digits()
    assert all(0x10000 <= ord(c) <= 0x1FFFF for c in unparsable)
    characters = re.compile("[" + "".join(re.escape(c) for c in _CHAR_MAP) + "\U00010000-\U0001ffff]")
    tones = regex.compile(r"(?:" + "|".join(alternatives) + r")(?![\p{L}\p{M}])")
    lines = [row.pattern for row in read_tsv("boilerplate.tsv", _Boilerplate)]
    boiler = regex.compile(r"(?i)[ ]*+(?:" + "|".join(f"(?:{p})" for p in lines) + r")[ ]*+")
    return Normalizer(characters, frozenset(unparsable), tones, table, boiler)


def normalize(original: str) -> MappedText:
    """Normalize ``original``; the result maps every character back to it."""
    return _load_normalizer()(original)
