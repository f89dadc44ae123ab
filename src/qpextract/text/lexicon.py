"""Vocabularies several extractors share, compiled once: places, units, bodies, ranks, branches, surnames, compound words.

The gazetteer, unit words and bodies are shared by the places extractor and by the
officials extractor (a position's organization is a body name: "Bộ CHQS tỉnh", "UBND
thành phố"); the rows of ranks.tsv, branches.tsv and surnames.tsv, and the compound
words, by officials, numbers and body names. Everything here is built from data/vi
files (the current provinces generated from the ``vietnam_provinces`` package), in
``__init__`` or by a cached loader; nothing is module-level mutable state.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal, Optional

from pydantic import BaseModel

from qpextract.data import data_text, read_tsv
from qpextract.patterns import phrase_key, trie_pattern

# The standard ``re`` module is used on the hot path (it scans several times faster
# than ``regex`` here); Python 3.11 gives it possessive quantifiers, which keep
# every pattern linear. Letter classes are spelled out for the Latin script.
_LATIN = [*range(0x41, 0x5B), *range(0x61, 0x7B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)]
UPPER = "[" + "".join(chr(c) for c in _LATIN if chr(c).isupper()) + "]"
LOWER = "[" + "".join(chr(c) for c in _LATIN if chr(c).islower()) + "\u0300-\u036f]"
# A word boundary for Vietnamese: no letter, mark or digit on that side.
NB = r"(?!\w)"
PB = r"(?<!\w)"
# One capitalized syllable ("Hào", "Đ", "Ủy"); possessive, so linear on any input.
CAP_SYLLABLE = UPPER + LOWER + "*+" + NB


def lowered(text: str) -> str | None:
    """``text.lower()`` when it keeps every offset (it does for Vietnamese), else None."""
    low = text.lower()
    return low if len(low) == len(text) else None


class Scanner:
    """A case-insensitive search pattern, run fast as a case-sensitive one over lower-cased text.

    The pattern must start with a literal alternation (a trie) so that ``re`` can
    skip ahead on its first characters; the word boundary before a match is checked
    here instead of with a look-behind (which would defeat that).
    """

    def __init__(self, pattern: str) -> None:
        self.low = re.compile(pattern)
        self.ci = re.compile(pattern, re.IGNORECASE)

    def finditer(self, text: str, low: str | None, lo: int, hi: int):
        src = low if low is not None else text
        pattern = self.low if low is not None else self.ci
        for m in pattern.finditer(src, lo, hi):
            s = m.start()
            if s == 0 or not src[s - 1].isalnum():
                yield m


def capitalized_pattern(words: list[str]) -> str:
    """Like ``trie_pattern`` with any case, but the first letter must be a capital.

    Proper names (places, bodies) start with a capital; a pattern that starts with a
    capital letter lets ``re`` skip the lower-case text quickly.
    """
    groups: dict[str, list[str]] = {}
    for w in words:
        w = phrase_key(w)
        groups.setdefault(w[:1].upper(), []).append(w[1:])
    alts = []
    for head, rests in sorted(groups.items()):
        tails = [r for r in rests if r]
        body = "(?i:" + trie_pattern(tails) + ")" if tails else ""
        if tails and len(tails) < len(rests):
            body += "?"
        alts.append(re.escape(head) + body)
    return "(?:" + "|".join(alts) + ")"


class CapitalScanner:
    """Finds capitalized vocabulary in the original text (word boundary checked here)."""

    def __init__(self, words: list[str], exact: bool = False) -> None:
        self.pattern = re.compile((trie_pattern(words) if exact else capitalized_pattern(words)) + NB)

    def finditer(self, text: str, lo: int, hi: int):
        for m in self.pattern.finditer(text, lo, hi):
            s = m.start()
            if s == 0 or not text[s - 1].isalnum():
                yield m




class _UnitRow(BaseModel):
    unit: str
    kind: Literal["province", "city", "district", "ward", "commune", "other"]


class _PlaceRow(BaseModel):
    name: str
    kind: Literal["province", "city"]


class _NameRow(BaseModel):
    name: str


class _BodyRow(BaseModel):
    body: str
    kind: Literal["party", "government", "military", "other"]
    cased: Optional[str] = None


class _WordRow(BaseModel):
    words: str


class _SyllableRow(BaseModel):
    syllable: str


# Deprecated alias, still imported by extractors/officials: the comparison key of names and bodies
# is ``phrase_key`` (lower case, single spaces). Not the scorer's ``qpextract.evaluate.fold``.
fold = phrase_key


class Gazetteer:
    """Province-level place names: the current 34 (places_current.tsv, generated from the
    vietnam_provinces package by tools/make_places_current.py) plus the pre-2025 list.

    ``match(text, pos)`` gives the longest known name starting at ``pos``.
    """

    def __init__(self) -> None:
        self.kind: dict[str, str] = {}
        for row in read_tsv("places_current.tsv", _PlaceRow):  # generated from vietnam_provinces
            self.kind[phrase_key(row.name)] = row.kind
        for row in read_tsv("places_legacy.tsv", _PlaceRow):
            self.kind.setdefault(phrase_key(row.name), row.kind)
        names = sorted({n for n in self._surface_names()})
        self.pattern = re.compile(PB + trie_pattern(names) + NB)
        # names that only stop a person's name (foreign countries, seas, landmarks)
        foreign = [r.name for r in read_tsv("places_foreign.tsv", _NameRow)]
        self.blocker = re.compile(PB + trie_pattern(sorted(set(names) | set(foreign))) + NB)
        # every syllable capitalized as written ("Hòa Bình", not "Hòa bình" = peace)
        self.scan = CapitalScanner(names, exact=True)

    def _surface_names(self) -> list[str]:
        out = []
        for key in self.kind:
            # capitalise every syllable back ("hà nội" -> "Hà Nội", "tp. hcm" kept upper)
            words = []
            for w in key.replace("-", " - ").split(" "):
                words.append(w.upper() if w in ("tp.", "tp", "hcm", "tphcm", "tp.hcm") else w[:1].upper() + w[1:])
            out.append(" ".join(words).replace(" - ", "-"))
        return out

    def match(self, text: str, pos: int, endpos: Optional[int] = None) -> Optional[re.Match]:
        return self.pattern.match(text, pos, endpos if endpos is not None else len(text))

    def kind_of(self, name: str) -> Optional[str]:
        return self.kind.get(phrase_key(name))


class Units:
    """Administrative unit words ("tỉnh", "TP", "phường") and the Location kind they give."""

    def __init__(self) -> None:
        rows = read_tsv("places_units.tsv", _UnitRow)
        self.kind = {r.unit.lower(): r.kind for r in rows}
        pattern = trie_pattern([r.unit for r in rows], fold_case=True) + NB
        self.pattern = re.compile(PB + pattern, re.IGNORECASE)
        self.scan = Scanner(pattern)

    def kind_of(self, unit: str) -> str:
        return self.kind.get(" ".join(unit.lower().split()), "other")


class Bodies:
    """Body names ("Bộ CHQS", "Thành ủy") and their word lists; the grammar that reads a whole
    body name (``parse``) is :class:`qpextract.extractors.places.bodies.BodyGrammar`."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        rows = read_tsv("bodies.tsv", _BodyRow)
        self.kind = {phrase_key(r.body): r.kind for r in rows}
        self.cased = {phrase_key(r.body) for r in rows if r.cased == "yes"}
        pattern = trie_pattern([r.body for r in rows], fold_case=True) + NB
        self.pattern = re.compile(PB + pattern, re.IGNORECASE)
        self.scan = CapitalScanner([r.body for r in rows])
        words = [r.words for r in read_tsv("bodies_words.tsv", _WordRow)]
        self.words = re.compile(PB + trie_pattern(words, fold_case=True) + NB, re.IGNORECASE)
        self.token = re.compile(r"(?:" + UPPER + r"\w*+|\d\w*+)(?:[&.][" + UPPER[1:-1] + r"\d]\w*+)?" + NB)
        self.blank = re.compile(r"[ \t]++")
        cont = [r.syllable for r in read_tsv("bodies_continuations.tsv", _SyllableRow)]
        self.continuation = re.compile(r"[ \t]++" + trie_pattern(cont) + NB)
        self.gazetteer = gazetteer

    def body_at(self, text: str, pos: int, endpos: int) -> Optional[re.Match]:
        """A body name starting exactly at ``pos`` (honouring the ``cased`` rows)."""
        m = self.pattern.match(text, pos, endpos)
        if m is None:
            return None
        if not text[pos].isupper() and phrase_key(m.group()) in self.cased:
            return None
        return m

    def kind_of(self, body_text: str) -> str:
        m = self.pattern.match(body_text)
        return self.kind.get(phrase_key(m.group()), "other") if m else "other"


class RankRow(BaseModel):
    """One row of data/vi/ranks.tsv: a rank of the ladder and how news write it."""

    rank: str
    grade: int
    branch: Literal["army", "navy", "police"]
    spellings: Optional[str] = None  # other ways news write it, comma-separated ("Hạ sỹ")

    def written(self) -> list[str]:
        """The rank and its other spellings."""
        return [self.rank] + [w.strip() for w in (self.spellings or "").split(",") if w.strip()]


@lru_cache(maxsize=1)
def rank_rows() -> tuple[RankRow, ...]:
    """data/vi/ranks.tsv, read once: officials read ranks, body names end at one."""
    return tuple(read_tsv("ranks.tsv", RankRow))


class TitleRow(BaseModel):
    """One row of data/vi/titles.tsv: a post title, its kind, the title it is written for, and whether it serves an office."""

    title: str
    kind: Literal["party", "government", "military", "other"]
    same_as: Optional[str] = None
    assistant: Optional[Literal["yes"]] = None  # rule position.assistant_of: the office served is the body


@lru_cache(maxsize=1)
def title_rows() -> tuple[TitleRow, ...]:
    """data/vi/titles.tsv, read once: officials read posts, the byline reader drops a writer's post."""
    return tuple(read_tsv("titles.tsv", TitleRow))


class BranchRow(BaseModel):
    """One row of data/vi/branches.tsv: a branch of service or unit speciality."""

    branch: str
    body_tail: Optional[Literal["yes"]] = None  # body.branch takes it after a body's name
    after_rank: Optional[Literal["yes"]] = None  # a rank keeps it in its mention ("Đại tá hải quân")


@lru_cache(maxsize=1)
def branch_rows() -> tuple[BranchRow, ...]:
    """data/vi/branches.tsv, read once: numbers, body names and ranks all read it."""
    return tuple(read_tsv("branches.tsv", BranchRow))


@lru_cache(maxsize=1)
def compound_words() -> frozenset[str]:
    """Folded multi-syllable Vietnamese words (2 to 4 syllables): data/vi/compound_words.txt, generated
    from the lexicon pyvi ships by tools/make_compound_words.py (so the default install needs no pyvi)."""
    return frozenset(line for line in data_text("compound_words.txt").splitlines() if line and not line.startswith("#"))


class SurnameRow(BaseModel):
    """One row of data/vi/surnames.tsv."""

    surname: str


@lru_cache(maxsize=1)
def surname_rows() -> tuple[SurnameRow, ...]:
    """data/vi/surnames.tsv, read once: bylines and people both need it."""
    return tuple(read_tsv("surnames.tsv", SurnameRow))


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Vietnamese family names (data/vi/surnames.tsv)."""
    return frozenset(r.surname for r in surname_rows())
