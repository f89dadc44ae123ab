"""Records of an Article as highlight spans, and the text cut into nested segments.

Every record with an original ``[start, end)`` becomes a :class:`Mark`; the
text is cut at every boundary, and each cut piece is wrapped in the marks that
cover it, outermost first. A record that crosses another is split into pieces
(all with the same ``rid``), so nesting stays valid HTML and no record is lost.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any, Optional

from qpextract.models import Article
from qpextract.text.normalize import normalize
from qpextract.text.offsets import MappedText

#: kind -> (legend label, colour); the order is the legend's.
KINDS: dict[str, tuple[str, str]] = {
    "person": ("person", "#1f77b4"),
    "rank": ("rank", "#d62728"),
    "position": ("position", "#9467bd"),
    "date": ("date", "#2ca02c"),
    "number": ("number", "#ff7f0e"),
    "event": ("event trigger", "#e377c2"),
    "abbreviation": ("abbreviation", "#8c564b"),
    "place": ("place", "#17becf"),
    "body": ("body", "#7f7f7f"),
    "document": ("cited document", "#bcbd22"),
    "decoration": ("decoration", "#aa6600"),
}


@dataclass
class Mark:
    """One highlighted record: ``rid`` is unique in the page, ``fields`` what the inspector shows."""

    rid: str
    kind: str
    start: int
    end: int
    text: str  # the record's own text (normalized), for the reader and the tests
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass
class Piece:
    """A run of text and the marks around it, outermost first."""

    text: str
    marks: list[Mark]


def _drop_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v not in (None, [], "")}


def collect_marks(article: Article, original: str) -> list[Mark]:
    """Every record of ``article`` that has a span in ``original``, as a Mark."""
    marks: list[Mark] = []
    norm = normalize(original)

    def add(kind: str, n: int, start: int, end: int, text: Optional[str], fields: dict[str, Any]) -> None:
        if 0 <= start < end <= len(original):
            marks.append(Mark(f"{kind[:3]}{n}", kind, start, end, text if text is not None else original[start:end],
                              _drop_none(fields)))

    for i, o in enumerate(article.officials):
        fields = {
            "name": o.name,
            "honorific": o.honorific,
            "rank": o.rank,
            "positions": [p.text for p in o.positions],
            "mentions": len(o.mentions),
            "official": i,
            "rule": "official",
        }
        for j, m in enumerate(o.mentions):
            add("person", i * 1000 + j, m.start, m.end, m.text, fields)
        for j, pos in enumerate(o.positions):
            where = _find_position(norm, pos.text, o)
            if where:
                add("position", i * 1000 + j, where[0], where[1], pos.text,
                    {"title": pos.title, "organization": pos.organization, "of": o.name,
                     "note": "placed by finding the position's text after a mention (positions carry no offsets)"})
    for i, r in enumerate(article.ranks):
        add("rank", i, r.start, r.end, r.text, {"rank": r.rank, "grade": r.grade, "branch": r.branch, "holder": r.holder,
                                               "rule": f"rank:{r.rank}"})
    for i, d in enumerate(article.dates):
        add("date", i, d.start, d.end, d.text, {
            "value": d.value, "type": d.type, "first_day": d.first_day, "last_day": d.last_day,
            "part_of_day": d.part_of_day, "year_inferred": d.year_inferred or None, "rule": d.rule})
    for i, x in enumerate(article.numbers):
        if x.field == "title":
            continue  # a headline figure: its offsets point into the input's title, not the text drawn here
        add("number", i, x.start, x.end, x.text, {
            "value": x.value, "unit": x.unit, "subject": x.subject, "qualifier": x.qualifier, "total": x.total,
            "change": x.change.model_dump() if x.change else None, "rule": x.rule})
    for i, e in enumerate(article.events):
        add("event", i, e.start, e.end, e.trigger, {
            "type": e.type, "main": e.main or None, "date": e.date, "period": e.period,
            "first_day": e.first_day, "last_day": e.last_day, "location": e.location, "organizer": e.organizer,
            "participants": [f"{p.name} ({p.role})" for p in e.participants], "rule": e.rule})
    for i, a in enumerate(article.abbreviations):
        if a.field == "title":
            continue  # its offsets point into the input's title, not the text drawn here
        add("abbreviation", i, a.start, a.end, a.text, {
            "short": a.short, "expansion": a.expansion or "(unknown: not in the article nor the table)",
            "category": a.category, "rule": a.rule})
    for i, loc in enumerate(article.locations):
        add("place", i, loc.start, loc.end, loc.text, {"kind": loc.kind, "name": loc.name, "rule": f"location:{loc.kind}"})
    for i, org in enumerate(article.organizations):
        add("body", i, org.start, org.end, org.text, {"kind": org.kind, "rule": f"organization:{org.kind}"})
    for i, doc in enumerate(getattr(article, "documents", [])):
        add("document", i, doc.start, doc.end, doc.text, {
            "kind": doc.kind, "number": doc.number, "issuer": doc.issuer, "date": doc.date, "title": doc.title,
            "rule": doc.rule})
    for i, dec in enumerate(getattr(article, "decorations", [])):
        add("decoration", i, dec.start, dec.end, dec.text, {
            "kind": dec.kind, "name": dec.name, "grade": dec.grade, "issuer": dec.issuer,
            "recipients": dec.recipients, "count": dec.count, "rule": dec.rule})
    return marks


def _find_position(norm: MappedText, text: str, official: Any) -> Optional[tuple[int, int]]:
    """Original span of a position's text written within 300 characters after a mention of its holder.

    Positions carry no offsets: the text is looked up in the normalized text (where it is
    written the way the record writes it) and mapped back to the original.
    """
    if not text:
        return None
    for m in official.mentions:
        after = norm.to_normalized_end(m.end)
        at = norm.text.find(text, after, after + 300 + len(text))
        if at >= 0:
            return norm.to_original(at, at + len(text))
    return None


def same_surface(written: str, normalized: str) -> bool:
    """Loose equality of a span as written and its normalized text (case, spaces, punctuation and marks aside)."""

    def key(s: str) -> str:
        s = unicodedata.normalize("NFD", s.casefold().replace("đ", "d"))
        return "".join(c for c in s if c.isalnum())

    return key(written) == key(normalized)


def pieces(original: str, marks: list[Mark]) -> list[Piece]:
    """``original`` cut at every mark boundary; each piece lists its covering marks outermost first."""
    cuts = sorted({0, len(original), *(m.start for m in marks), *(m.end for m in marks)})
    order = sorted(marks, key=lambda m: (m.start, -m.end, m.rid))
    out: list[Piece] = []
    active: list[Mark] = []
    by_start: dict[int, list[Mark]] = {}
    for m in order:
        by_start.setdefault(m.start, []).append(m)
    for a, b in zip(cuts, cuts[1:]):
        active = [m for m in active if m.end > a] + by_start.get(a, [])
        active.sort(key=lambda m: (m.start, -m.end, m.rid))
        out.append(Piece(original[a:b], list(active)))
    return out


@dataclass
class Node:
    """A tree of text and marks: ``mark`` None for the root; children are str or Node."""

    mark: Optional[Mark]
    children: list[Any] = field(default_factory=list)
    first: bool = True  # the first piece of its record (a split record has later pieces)


def tree(original: str, marks: list[Mark]) -> Node:
    """The nested element tree of the page text: crossing records are split, never dropped."""
    root = Node(None)
    stack: list[Node] = [root]
    opened: set[str] = set()
    for piece in pieces(original, marks):
        keep = 0
        while keep < len(stack) - 1 and keep < len(piece.marks) and stack[keep + 1].mark is piece.marks[keep]:
            keep += 1
        del stack[keep + 1 :]
        for m in piece.marks[keep:]:
            node = Node(m, first=m.rid not in opened)
            opened.add(m.rid)
            stack[-1].children.append(node)
            stack.append(node)
        stack[-1].children.append(piece.text)
    return root
