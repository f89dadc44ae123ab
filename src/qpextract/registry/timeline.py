"""A person's timeline from the ``person_timeline`` view: one entry per article that mentions them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from qpextract.evaluate import fold
from qpextract.registry.mentions import strip_tones


@dataclass
class Entry:
    """What one article says of the person."""

    day: Optional[str]
    period: Optional[str]
    rank: Optional[str]
    positions: list[str] = field(default_factory=list)  # "Chính ủy, Bộ CHQS tỉnh Bắc Kạn"
    article_id: str = ""
    article_title: Optional[str] = None


@dataclass
class Timeline:
    person_id: int
    name: str
    entries: list[Entry]


def find_persons(conn: Connection, name: str) -> list[tuple[int, str]]:
    """Persons whose name is ``name`` (case and tone placement ignored), else those it is a part of."""
    rows = conn.execute(sa.text("SELECT person_id, name FROM persons ORDER BY person_id")).all()
    want = fold(name)
    exact = [(pid, n) for pid, n in rows if fold(n) == want]
    if exact:
        return exact
    loose = strip_tones(name)
    return [(pid, n) for pid, n in rows if loose in strip_tones(n)]


def timeline(conn: Connection, person_id: int, name: str) -> Timeline:
    """The entries of one person, dated ones first in day order, then the undated by article."""
    rows = conn.execute(
        sa.text(
            "SELECT day, period, rank, position, organization, article_id, official_idx, article_title "
            "FROM person_timeline WHERE person_id = :pid"
        ),
        {"pid": person_id},
    ).mappings()
    entries: dict[tuple[str, int], Entry] = {}
    for r in rows:
        key = (r["article_id"], r["official_idx"])
        e = entries.get(key)
        if e is None:
            day = str(r["day"])[:10] if r["day"] else None
            e = entries[key] = Entry(day, r["period"], r["rank"], [], r["article_id"], r["article_title"])
        if r["position"]:
            text = r["position"] + (f", {r['organization']}" if r["organization"] else "")
            if text not in e.positions:
                e.positions.append(text)
    ordered = sorted(entries.values(), key=lambda e: (e.day is None, e.day or "", e.article_id))
    return Timeline(person_id, name, ordered)

