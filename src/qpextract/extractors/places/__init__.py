"""Administrative places and bodies (SPEC Location, Organization).

Locations are a unit word followed by a name or number ("phường Đức Xuân",
"TP Móng Cái", "Quận 2") or a bare province-level name from the gazetteer
("Quảng Ninh"). Organizations are body names read with the same grammar as the
organization of a position ("Ban CHQS thành phố", "Bộ CHQS tỉnh Bến Tre",
"Thành ủy"). Names of officials (found before this component runs) are never
swallowed into a place or a body.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Optional

from qpextract.document import Document
from qpextract.extractors.places.bodies import BodyGrammar
from qpextract.text.lexicon import CAP_SYLLABLE, Gazetteer, Units, lowered
from qpextract.models import Location, Organization

_BLANK = re.compile(r"[ \t]++")
_NUMBER = re.compile(r"\d++[^\W\d_]?+(?!\w)|[IVX]++(?!\w)")
_SYLLABLE = re.compile(CAP_SYLLABLE)
# a unit word right after these is part of another word ("văn bản", "tài sản")
_NOT_AFTER = re.compile(r"(?:văn|phiên|nguyên|kịch|bút|bài|phát|dân|kinh tế -|xuất)[ \t]++$", re.IGNORECASE)
_MAX_NAME_SYLLABLES = 4


class PlaceExtractor:
    """Component: fills ``doc.locations`` and ``doc.organizations``."""

    name = "places"
    needs = ("body", "officials")
    adds = ("locations", "organizations")

    def __init__(self) -> None:
        self.gazetteer = Gazetteer()
        self.units = Units()
        self.bodies = BodyGrammar(self.gazetteer)

    def __call__(self, doc: Document) -> None:
        text = doc.text
        lo, hi = doc.body if doc.body[1] > doc.body[0] else (0, len(text))
        stops: set[int] = set()
        taken: list[tuple[int, int]] = []
        for off in doc.officials:
            for m in off.mentions:
                stops.add(m.start)
                taken.append((m.start, m.end))
        low = doc.lex.lower
        self._locations(doc, text, low, lo, hi, stops, taken)
        self._organizations(doc, text, low, lo, hi, stops)

    # -- locations ---------------------------------------------------------
    def _locations(
        self,
        doc: Document,
        text: str,
        low: Optional[str],
        lo: int,
        hi: int,
        stops: set[int],
        taken: list[tuple[int, int]],
    ) -> None:
        found: list[tuple[int, int, str, str]] = []
        busy = list(taken)
        for m in self.units.scan.finditer(text, low, lo, hi):
            if _NOT_AFTER.search(text, max(lo, m.start() - 12), m.start()):
                continue
            b = _BLANK.match(text, m.end(), hi)
            if b is None:
                continue
            name_end = self._place_name(text, b.end(), _line_end(text, b.end(), hi), stops)
            if name_end is None:
                continue
            found.append((m.start(), name_end, self.units.kind_of(m.group()), text[b.end() : name_end]))
            busy.append((m.start(), name_end))
        starts, ends = _merged(busy)
        for m in self.gazetteer.scan.finditer(text, lo, hi):
            k = bisect_left(starts, m.end()) - 1
            if k >= 0 and ends[k] > m.start():
                continue
            name = text[m.start() : m.end()]
            kind = self.gazetteer.kind_of(name) or "province"
            found.append((m.start(), m.end(), kind, name))
        found.sort()
        for s, e, kind, name in found:
            doc.locations.append(Location(kind=kind, name=name, **doc.span(s, e)))  # type: ignore[arg-type]
            doc.explain(self.name, f"location:{kind}", s, e)

    def _place_name(self, text: str, pos: int, limit: int, stops: set[int]) -> Optional[int]:
        """End of the place name at ``pos``: a gazetteer name, a number or capitalized syllables."""
        if pos in stops:
            return None
        g = self.gazetteer.match(text, pos, limit)
        if g:
            return g.end()
        n = _NUMBER.match(text, pos, limit)
        if n:
            return n.end()
        end = None
        p = pos
        for _ in range(_MAX_NAME_SYLLABLES):
            if p in stops or self.bodies.body_at(text, p, limit):
                break
            s = _SYLLABLE.match(text, p, limit)
            if s is None:
                break
            end = s.end()
            b = _BLANK.match(text, end, limit)
            if b is None:
                break
            p = b.end()
        return end

    # -- organizations -----------------------------------------------------
    def _organizations(self, doc: Document, text: str, low: Optional[str], lo: int, hi: int, stops: set[int]) -> None:
        last = lo
        for m in self.bodies.scan.finditer(text, lo, hi):
            if m.start() < last or self.bodies.body_at(text, m.start(), hi) is None:
                continue
            end = self.bodies.parse(text, m.start(), _line_end(text, m.start(), hi), stops)
            end = _trim(text, m.start(), end)
            if end <= m.start():
                continue
            last = end
            kind = self.bodies.kind_of(text[m.start() : end])
            doc.organizations.append(Organization(kind=kind, **doc.span(m.start(), end)))  # type: ignore[arg-type]
            doc.explain(self.name, f"organization:{kind}", m.start(), end)


def _merged(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Sorted, non-overlapping version of ``spans`` as parallel start and end lists."""
    starts: list[int] = []
    ends: list[int] = []
    for s, e in sorted(spans):
        if ends and s <= ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


def _line_end(text: str, pos: int, hi: int, reach: int = 400) -> int:
    """End of the line at ``pos``, looking at most ``reach`` characters ahead (keeps scans linear)."""
    limit = min(hi, pos + reach)
    nl = text.find("\n", pos, limit)
    return limit if nl < 0 else nl


def _trim(text: str, start: int, end: int) -> int:
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return end
