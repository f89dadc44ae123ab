"""SQL views over the archive: the same plain SQL on SQLite and PostgreSQL.

- ``article_places``: each article's first district-level place (district or city location);
- ``article_days``: each article's day: its main event's first day, else the published day;
- ``event_view``: events with their days, the article's place and day, and the year they fall in;
- ``participant_view``: event participants with their role, the official's rank, main position
  (the last one the article gives) and person;
- ``official_positions``: every official with every position, and the person;
- ``person_timeline``: person, day, period, rank, position, organization, article -- one row per
  position of every linked mention (a mention without positions gives one row);
- ``number_view``: numbers with their subject, where they stand (``field``: ``title`` for a headline
  figure, NULL for one in the body), the article's place, day and year, and main event type.

Days are ISO text (``YYYY-MM-DD``) in every view, so comparisons read alike on both back ends.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Engine

#: ``name -> SELECT``; created in this order (later views read earlier ones).
VIEWS: dict[str, str] = {
    "article_places": """
SELECT l.article_id, l.name AS place, l.kind AS place_kind
FROM locations l
WHERE l.idx = (SELECT MIN(l2.idx) FROM locations l2
               WHERE l2.article_id = l.article_id AND l2.kind IN ('district', 'city'))
""",
    "article_days": """
SELECT a.id AS article_id,
       COALESCE(CAST(e.first_day AS TEXT),
                CASE WHEN LENGTH(a.published) >= 10 THEN SUBSTR(a.published, 1, 10) END) AS day
FROM articles a
LEFT JOIN events e ON e.article_id = a.id AND e.main = TRUE AND e.first_day IS NOT NULL
""",
    "event_view": """
SELECT e.article_id, e.idx AS event_idx, e.type, e."trigger", e.main,
       CAST(e.first_day AS TEXT) AS first_day, CAST(e.last_day AS TEXT) AS last_day,
       e.date, e.period, e.location, e.organizer,
       p.place, d.day AS article_day,
       SUBSTR(COALESCE(CAST(e.first_day AS TEXT), e.period, d.day), 1, 4) AS year,
       a.title
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN article_places p ON p.article_id = e.article_id
LEFT JOIN article_days d ON d.article_id = e.article_id
""",
    "official_positions": """
SELECT o.article_id, o.idx AS official_idx, o.name, o.rank, pm.person_id,
       pos.idx AS position_idx, pos.title, pos.organization
FROM officials o
LEFT JOIN positions pos ON pos.article_id = o.article_id AND pos.official_idx = o.idx
LEFT JOIN person_mentions pm ON pm.article_id = o.article_id AND pm.official_idx = o.idx
""",
    "participant_view": """
SELECT ev.article_id, ev.event_idx, ev.type, ev."trigger", ev.first_day, ev.last_day, ev.period,
       ev.year, ev.place, ev.organizer, ev.main,
       ep.idx AS participant_idx, ep.name, ep.role, ep.official_idx,
       o.rank, pos.title AS position, pos.organization, pm.person_id
FROM event_participants ep
JOIN event_view ev ON ev.article_id = ep.article_id AND ev.event_idx = ep.event_idx
LEFT JOIN officials o ON o.article_id = ep.article_id AND o.idx = ep.official_idx
LEFT JOIN positions pos ON pos.article_id = o.article_id AND pos.official_idx = o.idx
     AND pos.idx = (SELECT MAX(p2.idx) FROM positions p2
                    WHERE p2.article_id = o.article_id AND p2.official_idx = o.idx)
LEFT JOIN person_mentions pm ON pm.article_id = o.article_id AND pm.official_idx = o.idx
""",
    "person_timeline": """
SELECT pm.person_id, pr.name AS person, d.day, me.period, o.name AS name_in_article, o.rank,
       pos.title AS position, pos.organization, pm.article_id, pm.official_idx, a.title AS article_title
FROM person_mentions pm
JOIN persons pr ON pr.person_id = pm.person_id
JOIN officials o ON o.article_id = pm.article_id AND o.idx = pm.official_idx
JOIN articles a ON a.id = pm.article_id
LEFT JOIN article_days d ON d.article_id = pm.article_id
LEFT JOIN events me ON me.article_id = pm.article_id AND me.main = TRUE
LEFT JOIN positions pos ON pos.article_id = o.article_id AND pos.official_idx = o.idx
""",
    "number_view": """
SELECT n.article_id, n.idx AS number_idx, n.value, n.unit, n.subject, n.total, n.qualifier, n.text,
       n.field, p.place, d.day, SUBSTR(COALESCE(d.day, me.period), 1, 4) AS year, me.type AS event_type
FROM numbers n
LEFT JOIN article_places p ON p.article_id = n.article_id
LEFT JOIN article_days d ON d.article_id = n.article_id
LEFT JOIN events me ON me.article_id = n.article_id AND me.main = TRUE
""",
}


def create_views(engine: Engine) -> None:
    """Create the views when one is missing or its columns changed (all of them again: they hold no data)."""
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(712202612)"))
        inspector = sa.inspect(conn)
        existing = set(inspector.get_view_names())
        if set(VIEWS) <= existing and not _changed(conn, inspector):
            return
        for name in reversed(list(VIEWS)):
            if name in existing:
                conn.execute(sa.text(f"DROP VIEW {name}"))
        for name, select in VIEWS.items():
            conn.execute(sa.text(f"CREATE VIEW {name} AS {select.strip()}"))


def _changed(conn: sa.Connection, inspector: sa.Inspector) -> bool:
    """Does an existing view lack a column its SELECT here gives (an archive written by an older version)?"""
    for name, select in VIEWS.items():
        have = {c["name"] for c in inspector.get_columns(name)}
        want = conn.execute(sa.text(f"SELECT * FROM ({select.strip()}) AS q WHERE 1 = 0")).keys()
        if not set(want) <= have:
            return True
    return False
