"""Vocabularies of places and bodies, compiled once: the gazetteer, unit words, bodies.

Shared by the places extractor and by the officials extractor (a position's
organization is a body name: "Bộ CHQS tỉnh", "UBND thành phố"). Everything here
is built in ``__init__`` from data/vi files and the installed
``vietnam_provinces`` package; nothing is module-level mutable state.
"""

from __future__ import annotations

from typing import Literal, Optional

import regex
from pydantic import BaseModel

from qpextract.data import read_tsv

# A word boundary for Vietnamese: no letter, mark or digit on that side.
NB = r"(?![\p{L}\p{M}\p{N}])"
PB = r"(?<![\p{L}\p{M}\p{N}])"
# One capitalized syllable ("Hào", "Đ", "Ủy"); possessive, so linear on any input.
CAP_SYLLABLE = r"\p{Lu}[\p{Ll}\p{M}]*+" + NB


def trie_pattern(words: list[str], fold: bool = False) -> str:
    """A regex alternation of ``words`` factored by common prefix (fast to match).

    Spaces in a word match any run of blanks; hyphens allow spaces around them.
    Longer words come first at each branch, so the longest entry wins.
    """
    trie: dict = {}
    for w in words:
        w = regex.sub(r"\s*-\s*", "-", " ".join(w.split()))
        node = trie
        for ch in (w.lower() if fold else w):
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = []
        end = "" in node
        for ch in sorted((c for c in node if c), key=lambda c: c):
            if ch == " ":
                head = r"[ \t]++"
            elif ch == "-":
                head = r"[ \t]*+-[ \t]*+"
            else:
                head = regex.escape(ch)
            alts.append(head + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if end else body

    return "(?:" + emit(trie) + ")"


class _UnitRow(BaseModel):
    unit: str
    kind: Literal["province", "city", "district", "ward", "commune", "other"]


class _PlaceRow(BaseModel):
    name: str
    kind: Literal["province", "city"]


class _BodyRow(BaseModel):
    body: str
    kind: Literal["party", "government", "military", "other"]
    cased: Optional[str] = None


class _WordRow(BaseModel):
    words: str


def fold(s: str) -> str:
    """Comparison key: lower case, single spaces, no spaces around hyphens."""
    s = regex.sub(r"\s*-\s*", "-", s.lower())
    return " ".join(s.split())


class Gazetteer:
    """Province-level place names: the package's current 34 plus the pre-2025 list.

    ``match(text, pos)`` gives the longest known name starting at ``pos``.
    """

    def __init__(self) -> None:
        self.kind: dict[str, str] = {}
        try:
            from vietnam_provinces import Province, VietNamDivisionType

            for p in Province.iter_all():
                name = regex.sub(r"^(?:Thành phố|Tỉnh)\s+", "", p.name)
                city = p.division_type == VietNamDivisionType.THANH_PHO_TRUNG_UONG
                self.kind[fold(name)] = "city" if city else "province"
        except Exception:  # the package is a dependency; without it the hand list still works
            pass
        for row in read_tsv("places_legacy.tsv", _PlaceRow):
            self.kind.setdefault(fold(row.name), row.kind)
        names = sorted({n for n in self._surface_names()})
        self.pattern = regex.compile(PB + trie_pattern(names) + NB)

    def _surface_names(self) -> list[str]:
        out = []
        for key in self.kind:
            # capitalise every syllable back ("hà nội" -> "Hà Nội", "tp. hcm" kept upper)
            words = []
            for w in key.replace("-", " - ").split(" "):
                words.append(w.upper() if w in ("tp.", "tp", "hcm", "tphcm", "tp.hcm") else w[:1].upper() + w[1:])
            out.append(" ".join(words).replace(" - ", "-"))
        return out

    def match(self, text: str, pos: int, endpos: Optional[int] = None) -> Optional[regex.Match]:
        return self.pattern.match(text, pos, endpos if endpos is not None else len(text))

    def kind_of(self, name: str) -> Optional[str]:
        return self.kind.get(fold(name))


class Units:
    """Administrative unit words ("tỉnh", "TP", "phường") and the Location kind they give."""

    def __init__(self) -> None:
        rows = read_tsv("places_units.tsv", _UnitRow)
        self.kind = {r.unit.lower(): r.kind for r in rows}
        self.pattern = regex.compile(PB + trie_pattern([r.unit for r in rows], fold=True) + NB, regex.IGNORECASE)

    def kind_of(self, unit: str) -> str:
        return self.kind.get(" ".join(unit.lower().split()), "other")


class Bodies:
    """Body names ("Bộ CHQS", "Thành ủy") and the body-name grammar of positions.

    ``parse(text, pos, limit, stops)`` reads a body name from ``pos``: bodies,
    capitalized words, numbers, place names and the connective lower-case words
    of bodies_words.tsv, up to ``limit``, a line break, punctuation, a title
    (``is_title``) or a position in ``stops`` (where a person's name starts).
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        rows = read_tsv("bodies.tsv", _BodyRow)
        self.kind = {fold(r.body): r.kind for r in rows}
        self.cased = {fold(r.body) for r in rows if r.cased == "yes"}
        self.pattern = regex.compile(PB + trie_pattern([r.body for r in rows], fold=True) + NB, regex.IGNORECASE)
        words = [r.words for r in read_tsv("bodies_words.tsv", _WordRow)]
        self.words = regex.compile(PB + trie_pattern(words, fold=True) + NB, regex.IGNORECASE)
        self.token = regex.compile(r"(?:\p{Lu}[\p{L}\p{M}]*+|\d[\p{L}\d]*+)(?:[&.][\p{Lu}\d][\p{L}\d]*+)?" + NB)
        self.blank = regex.compile(r"[ \t]++")
        self.gazetteer = gazetteer

    def body_at(self, text: str, pos: int, endpos: int) -> Optional[regex.Match]:
        """A body name starting exactly at ``pos`` (honouring the ``cased`` rows)."""
        m = self.pattern.match(text, pos, endpos)
        if m is None:
            return None
        if fold(m.group()) in self.cased and not text[pos].isupper():
            return None
        return m

    def kind_of(self, body_text: str) -> str:
        m = self.pattern.match(body_text)
        return self.kind.get(fold(m.group()), "other") if m else "other"

    def parse(
        self,
        text: str,
        pos: int,
        limit: int,
        stops: frozenset[int] | set[int] = frozenset(),
        is_title=None,
        max_tokens: int = 14,
    ) -> int:
        """End of the body name that starts at ``pos`` (``pos`` itself when there is none)."""
        end = pos
        p = pos
        n = 0
        while n < max_tokens and p < limit:
            if p != pos:
                b = self.blank.match(text, p, limit)
                if b is None:
                    break
                q = b.end()
            else:
                q = p
            if q >= limit or q in stops:
                break
            m = self.body_at(text, q, limit) or self.gazetteer.match(text, q, limit)
            if m is None:
                if is_title is not None and is_title(text, q, limit):
                    break
                m = self.words.match(text, q, limit) or self.token.match(text, q, limit)
            if m is None or m.end() == q:
                break
            end = p = m.end()
            n += 1
        return end
