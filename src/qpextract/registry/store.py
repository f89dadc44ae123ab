"""The registry on a database: read every stored official, link, write ``persons`` and ``person_mentions``."""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from typing import Any, Union

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from qpextract.io import db
from qpextract.registry.link import Person, link_mentions
from qpextract.registry.mentions import MentionRecord


def read_mentions(conn: Connection) -> list[MentionRecord]:
    """Every official of the database with its positions and the article's day."""
    positions: dict[tuple[str, int], list[tuple[str, Any]]] = defaultdict(list)
    p = db.positions
    for aid, oidx, title, org in conn.execute(
        sa.select(p.c.article_id, p.c.official_idx, p.c.title, p.c.organization).order_by(
            p.c.article_id, p.c.official_idx, p.c.idx
        )
    ):
        positions[(aid, oidx)].append((title, org))
    days = dict(conn.execute(sa.text("SELECT article_id, day FROM article_days WHERE day IS NOT NULL")).all())
    o = db.officials
    out = []
    for aid, idx, name, rank in conn.execute(sa.select(o.c.article_id, o.c.idx, o.c.name, o.c.rank)):
        pos = positions.get((aid, idx), [])
        out.append(
            MentionRecord(
                article_id=aid,
                official_idx=idx,
                name=name,
                rank=rank,
                titles=tuple(t for t, _ in pos),
                organizations=tuple(org for _, org in pos),
                day=str(days[aid])[:10] if days.get(aid) else None,
            )
        )
    return out


def _date(value: Any) -> Any:
    return _dt.date.fromisoformat(value) if value else None


def write_persons(conn: Connection, persons: list[Person]) -> None:
    """Replace the registry tables with ``persons`` (inside the caller's transaction)."""
    conn.execute(db.person_mentions.delete())
    conn.execute(db.persons.delete())
    rows = [
        {
            "person_id": p.person_id,
            "name": p.name,
            "mentions": len(p.mentions),
            "articles": len({m.article_id for m in p.mentions}),
            "rank": p.rank,
            "first_day": _date(p.first_day),
            "last_day": _date(p.last_day),
        }
        for p in persons
    ]
    links = [
        {"article_id": m.article_id, "official_idx": m.official_idx, "person_id": p.person_id}
        for p in persons
        for m in p.mentions
    ]
    for chunk in range(0, len(rows), 5000):
        conn.execute(db.persons.insert(), rows[chunk : chunk + 5000])
    for chunk in range(0, len(links), 5000):
        conn.execute(db.person_mentions.insert(), links[chunk : chunk + 5000])


def build_registry(url_or_engine: Union[str, Engine]) -> dict[str, int]:
    """Link every official of the database into persons, in one transaction; returns counts."""
    engine = url_or_engine if isinstance(url_or_engine, Engine) else db.create_db_engine(url_or_engine)
    try:
        with engine.begin() as conn:
            mentions = read_mentions(conn)
            persons = link_mentions(mentions)
            write_persons(conn, persons)
        return {"mentions": len(mentions), "persons": len(persons)}
    finally:
        if engine is not url_or_engine:
            engine.dispose()


def registry_is_stale(conn: Connection) -> bool:
    """True when some official has no person (new articles since the last linking) or a link is orphaned."""
    officials = conn.execute(sa.select(sa.func.count()).select_from(db.officials)).scalar_one()
    linked = conn.execute(sa.select(sa.func.count()).select_from(db.person_mentions)).scalar_one()
    return officials != linked
