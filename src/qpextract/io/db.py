"""Database sink: Articles and error lines as relational tables (SQLite or PostgreSQL).

One SQLAlchemy schema serves both back ends. Every record list of an Article
becomes a table keyed by ``(article_id, idx)`` (``idx`` = position in the
Article's list), so a row set is a pure function of the Article: a re-run, a
resumed run and a clean run give identical tables.

Writes are idempotent and transactional per batch:

- same id and same content hash as stored (and still the same kind, Article
  or error) -> skipped;
- same id, new hash (or an error that now is an Article, or back) -> the
  article's whole row set is deleted and written again;
- results are buffered and ``batch_size`` of them go in one transaction, so a
  killed run loses at most the open batch and never leaves half an article.

URLs: ``sqlite:///path.sqlite``, ``postgresql://…`` (mapped to psycopg 3,
``postgresql+psycopg://``), or a bare path, taken as SQLite.

Tables (SPEC field names; list-valued leaf fields such as ``authors``,
``sentences``, ``warnings`` and an official's ``mentions`` are JSON text):

- ``articles(id PK, content_hash, schema_version, source, title, published, authors, text, sentences, warnings)``
- ``abbreviations``, ``dates``, ``officials``, ``ranks``, ``numbers``, ``events``, ``locations``,
  ``organizations``: ``(article_id FK -> articles, idx) PK`` + the record's fields
  (``numbers.change`` flattened to ``change_value/direction/unit``; ``dates.first_day/last_day`` are DATE)
- ``positions(article_id, official_idx, idx)`` FK -> officials; ``event_participants(article_id, event_idx, idx)``
  FK -> events
- ``errors(id PK, content_hash, schema_version, source, kind, message)``

Indexes: dates.first_day, dates.last_day, dates.value, officials.name, events.type, events.date,
ranks.rank, abbreviations.short, positions.title, event_participants.name, the ``kind`` columns,
articles.published; every child table's primary key starts with ``article_id``, so it indexes the FK.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Optional, Union

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from qpextract.models import Article, ErrorInfo, ErrorLine

Result = Union[Article, ErrorLine]

metadata = sa.MetaData()

_FK_ARTICLE = {"ondelete": "CASCADE"}


def _article_fk() -> sa.Column:
    return sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id", **_FK_ARTICLE), primary_key=True)


def _idx() -> sa.Column:
    return sa.Column("idx", sa.Integer, primary_key=True, autoincrement=False)


def _span_cols() -> list[sa.Column]:
    return [
        sa.Column("text", sa.Text),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
    ]


articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("content_hash", sa.Text, nullable=False),
    sa.Column("schema_version", sa.Text, nullable=False),
    sa.Column("source", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.Text),
    sa.Column("authors", sa.Text, nullable=False, comment="JSON list of str"),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("sentences", sa.Text, nullable=False, comment="JSON list of {start,end}"),
    sa.Column("warnings", sa.Text, nullable=False, comment="JSON list of str"),
    sa.Index("ix_articles_published", "published"),
)

abbreviations = sa.Table(
    "abbreviations",
    metadata,
    _article_fk(),
    _idx(),
    *_span_cols(),
    sa.Column("short", sa.Text, nullable=False),
    sa.Column("expansion", sa.Text, nullable=False),
    sa.Column("category", sa.Text),
    sa.Column("rule", sa.Text),
    sa.Index("ix_abbreviations_short", "short"),
)

dates = sa.Table(
    "dates",
    metadata,
    _article_fk(),
    _idx(),
    *_span_cols(),
    sa.Column("type", sa.Text, nullable=False),
    sa.Column("value", sa.Text),
    sa.Column("part_of_day", sa.Text),
    sa.Column("first_day", sa.Date),
    sa.Column("last_day", sa.Date),
    sa.Column("year_inferred", sa.Boolean, nullable=False),
    sa.Column("rule", sa.Text),
    sa.Index("ix_dates_first_day", "first_day"),
    sa.Index("ix_dates_last_day", "last_day"),
    sa.Index("ix_dates_value", "value"),
)

officials = sa.Table(
    "officials",
    metadata,
    _article_fk(),
    _idx(),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("honorific", sa.Text),
    sa.Column("rank", sa.Text),
    sa.Column("mentions", sa.Text, nullable=False, comment="JSON list of {start,end,text}"),
    sa.Index("ix_officials_name", "name"),
)

positions = sa.Table(
    "positions",
    metadata,
    sa.Column("article_id", sa.Text, primary_key=True),
    sa.Column("official_idx", sa.Integer, primary_key=True, autoincrement=False),
    _idx(),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("organization", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.ForeignKeyConstraint(
        ["article_id", "official_idx"], ["officials.article_id", "officials.idx"], ondelete="CASCADE"
    ),
    sa.Index("ix_positions_title", "title"),
)

ranks = sa.Table(
    "ranks",
    metadata,
    _article_fk(),
    _idx(),
    *_span_cols(),
    sa.Column("rank", sa.Text, nullable=False),
    sa.Column("grade", sa.Integer, nullable=False),
    sa.Column("branch", sa.Text, nullable=False),
    sa.Column("holder", sa.Text),
    sa.Index("ix_ranks_rank", "rank"),
)

numbers = sa.Table(
    "numbers",
    metadata,
    _article_fk(),
    _idx(),
    *_span_cols(),
    sa.Column("value", sa.Float, nullable=False),
    sa.Column("unit", sa.Text, nullable=False),
    sa.Column("subject", sa.Text),
    sa.Column("total", sa.Float),
    sa.Column("qualifier", sa.Text),
    sa.Column("change_value", sa.Float),
    sa.Column("change_direction", sa.Text),
    sa.Column("change_unit", sa.Text),
    sa.Column("rule", sa.Text),
    sa.Index("ix_numbers_unit", "unit"),
)

events = sa.Table(
    "events",
    metadata,
    _article_fk(),
    _idx(),
    sa.Column("type", sa.Text, nullable=False),
    sa.Column("trigger", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("date", sa.Text),
    sa.Column("period", sa.Text),
    sa.Column("location", sa.Text),
    sa.Column("organizer", sa.Text),
    sa.Column("first_day", sa.Date),
    sa.Column("last_day", sa.Date),
    sa.Column("main", sa.Boolean, nullable=False),
    sa.Column("rule", sa.Text),
    sa.Index("ix_events_type", "type"),
    sa.Index("ix_events_date", "date"),
)

event_participants = sa.Table(
    "event_participants",
    metadata,
    sa.Column("article_id", sa.Text, primary_key=True),
    sa.Column("event_idx", sa.Integer, primary_key=True, autoincrement=False),
    _idx(),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("role", sa.Text, nullable=False),
    sa.Column("official_idx", sa.Integer),
    sa.ForeignKeyConstraint(["article_id", "event_idx"], ["events.article_id", "events.idx"], ondelete="CASCADE"),
    sa.Index("ix_event_participants_name", "name"),
)

locations = sa.Table(
    "locations",
    metadata,
    _article_fk(),
    _idx(),
    *_span_cols(),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("name", sa.Text),
    sa.Index("ix_locations_kind", "kind"),
)

organizations = sa.Table(
    "organizations",
    metadata,
    _article_fk(),
    _idx(),
    *_span_cols(),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Index("ix_organizations_kind", "kind"),
)

errors = sa.Table(
    "errors",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("content_hash", sa.Text, nullable=False),
    sa.Column("schema_version", sa.Text, nullable=False),
    sa.Column("source", sa.Text),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    sa.Index("ix_errors_kind", "kind"),
)

#: Every table, parents before children (create/insert order; delete in reverse).
TABLES: tuple[sa.Table, ...] = (
    articles,
    abbreviations,
    dates,
    officials,
    positions,
    ranks,
    numbers,
    events,
    event_participants,
    locations,
    organizations,
    errors,
)
CHILD_TABLES: tuple[sa.Table, ...] = tuple(t for t in TABLES if "article_id" in t.c)


# --- URLs and engines -------------------------------------------------------------------------


def normalize_url(url: str) -> str:
    """SQLAlchemy URL for ``url``: psycopg 3 for PostgreSQL, a bare path means SQLite."""
    if "://" not in url:
        return f"sqlite:///{url}"
    scheme, rest = url.split("://", 1)
    if scheme in ("postgresql", "postgres", "postgresql+psycopg2"):
        return f"postgresql+psycopg://{rest}"
    return url


def create_db_engine(url: str) -> Engine:
    """An engine for ``url`` with the schema created (if missing)."""
    full = normalize_url(url)
    engine = sa.create_engine(full, future=True)
    if engine.dialect.name == "sqlite":

        @sa.event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

    metadata.create_all(engine, checkfirst=True)
    return engine


# --- Article -> rows --------------------------------------------------------------------------


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _iso_day(value: Optional[str]) -> Optional[_dt.date]:
    """An ISO calendar day, or None for null or an impossible date (the row keeps ``value``)."""
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _span(aid: str, idx: int, rec: Any) -> dict[str, Any]:
    return {"article_id": aid, "idx": idx, "text": rec.text, "start": rec.start, "end": rec.end}


def article_rows(article: Article, content_hash: str) -> dict[sa.Table, list[dict[str, Any]]]:
    """The row set of one Article, table by table."""
    aid = article.id
    rows: dict[sa.Table, list[dict[str, Any]]] = {t: [] for t in TABLES if t is not errors}
    rows[articles].append(
        {
            "id": aid,
            "content_hash": content_hash,
            "schema_version": article.schema_version,
            "source": article.source,
            "title": article.title,
            "published": article.published,
            "authors": _json(article.authors),
            "text": article.text,
            "sentences": _json([s.model_dump() for s in article.sentences]),
            "warnings": _json(article.warnings),
        }
    )
    for i, a in enumerate(article.abbreviations):
        rows[abbreviations].append(
            {**_span(aid, i, a), "short": a.short, "expansion": a.expansion, "category": a.category, "rule": a.rule}
        )
    for i, d in enumerate(article.dates):
        rows[dates].append(
            {
                **_span(aid, i, d),
                "type": d.type,
                "value": d.value,
                "part_of_day": d.part_of_day,
                "first_day": _iso_day(d.first_day),
                "last_day": _iso_day(d.last_day),
                "year_inferred": d.year_inferred,
                "rule": d.rule,
            }
        )
    for i, o in enumerate(article.officials):
        rows[officials].append(
            {
                "article_id": aid,
                "idx": i,
                "name": o.name,
                "honorific": o.honorific,
                "rank": o.rank,
                "mentions": _json([m.model_dump() for m in o.mentions]),
            }
        )
        for j, p in enumerate(o.positions):
            rows[positions].append(
                {
                    "article_id": aid,
                    "official_idx": i,
                    "idx": j,
                    "title": p.title,
                    "organization": p.organization,
                    "text": p.text,
                }
            )
    for i, r in enumerate(article.ranks):
        rows[ranks].append(
            {**_span(aid, i, r), "rank": r.rank, "grade": r.grade, "branch": r.branch, "holder": r.holder}
        )
    for i, n in enumerate(article.numbers):
        rows[numbers].append(
            {
                **_span(aid, i, n),
                "value": n.value,
                "unit": n.unit,
                "subject": n.subject,
                "total": n.total,
                "qualifier": n.qualifier,
                "change_value": n.change.value if n.change else None,
                "change_direction": n.change.direction if n.change else None,
                "change_unit": n.change.unit if n.change else None,
                "rule": n.rule,
            }
        )
    for i, e in enumerate(article.events):
        rows[events].append(
            {
                "article_id": aid,
                "idx": i,
                "type": e.type,
                "trigger": e.trigger,
                "start": e.start,
                "end": e.end,
                "date": e.date,
                "period": e.period,
                "location": e.location,
                "organizer": e.organizer,
                "first_day": _iso_day(e.first_day),
                "last_day": _iso_day(e.last_day),
                "main": e.main,
                "rule": e.rule,
            }
        )
        for j, p in enumerate(e.participants):
            rows[event_participants].append(
                {"article_id": aid, "event_idx": i, "idx": j, "name": p.name, "role": p.role, "official_idx": p.official}
            )
    for i, loc in enumerate(article.locations):
        rows[locations].append({**_span(aid, i, loc), "kind": loc.kind, "name": loc.name})
    for i, org in enumerate(article.organizations):
        rows[organizations].append({**_span(aid, i, org), "kind": org.kind})
    return rows


def error_row(line: ErrorLine, content_hash: str) -> dict[str, Any]:
    """The ``errors`` row of one error line."""
    return {
        "id": line.id,
        "content_hash": content_hash,
        "schema_version": line.schema_version,
        "source": line.source,
        "kind": line.error.kind,
        "message": line.error.message,
    }


# --- Rows -> Article (lossless read-back) -----------------------------------------------------


def load_article(conn: Connection, article_id: str) -> Optional[Article]:
    """Rebuild the Article stored under ``article_id`` (None when absent)."""
    head = conn.execute(sa.select(articles).where(articles.c.id == article_id)).mappings().first()
    if head is None:
        return None

    def rows(table: sa.Table, *order: str) -> list[Mapping[str, Any]]:
        cols = [table.c[o] for o in (order or ("idx",))]
        return list(conn.execute(sa.select(table).where(table.c.article_id == article_id).order_by(*cols)).mappings())

    def span(r: Mapping[str, Any]) -> dict[str, Any]:
        return {"text": r["text"], "start": r["start"], "end": r["end"]}

    pos_by_official: dict[int, list[dict[str, Any]]] = {}
    for p in rows(positions, "official_idx", "idx"):
        pos_by_official.setdefault(p["official_idx"], []).append(
            {"title": p["title"], "organization": p["organization"], "text": p["text"]}
        )
    part_by_event: dict[int, list[dict[str, Any]]] = {}
    for p in rows(event_participants, "event_idx", "idx"):
        part_by_event.setdefault(p["event_idx"], []).append(
            {"name": p["name"], "role": p["role"], "official": p["official_idx"]}
        )

    def day(v: Any) -> Optional[str]:
        return v.isoformat() if v is not None else None

    data = {
        "schema_version": head["schema_version"],
        "id": head["id"],
        "source": head["source"],
        "title": head["title"],
        "published": head["published"],
        "authors": json.loads(head["authors"]),
        "text": head["text"],
        "sentences": json.loads(head["sentences"]),
        "warnings": json.loads(head["warnings"]),
        "abbreviations": [
            {**span(r), "short": r["short"], "expansion": r["expansion"], "category": r["category"], "rule": r["rule"]}
            for r in rows(abbreviations)
        ],
        "dates": [
            {
                **span(r),
                "type": r["type"],
                "value": r["value"],
                "part_of_day": r["part_of_day"],
                "first_day": day(r["first_day"]),
                "last_day": day(r["last_day"]),
                "year_inferred": bool(r["year_inferred"]),
                "rule": r["rule"],
            }
            for r in rows(dates)
        ],
        "officials": [
            {
                "name": r["name"],
                "honorific": r["honorific"],
                "rank": r["rank"],
                "positions": pos_by_official.get(r["idx"], []),
                "mentions": json.loads(r["mentions"]),
            }
            for r in rows(officials)
        ],
        "ranks": [
            {**span(r), "rank": r["rank"], "grade": r["grade"], "branch": r["branch"], "holder": r["holder"]}
            for r in rows(ranks)
        ],
        "numbers": [
            {
                **span(r),
                "value": r["value"],
                "unit": r["unit"],
                "subject": r["subject"],
                "total": r["total"],
                "qualifier": r["qualifier"],
                "change": (
                    {"value": r["change_value"], "direction": r["change_direction"], "unit": r["change_unit"]}
                    if r["change_direction"] is not None
                    else None
                ),
                "rule": r["rule"],
            }
            for r in rows(numbers)
        ],
        "events": [
            {
                "type": r["type"],
                "trigger": r["trigger"],
                "start": r["start"],
                "end": r["end"],
                "date": r["date"],
                "period": r["period"],
                "location": r["location"],
                "organizer": r["organizer"],
                "first_day": day(r["first_day"]),
                "last_day": day(r["last_day"]),
                "participants": part_by_event.get(r["idx"], []),
                "main": bool(r["main"]),
                "rule": r["rule"],
            }
            for r in rows(events)
        ],
        "locations": [{**span(r), "kind": r["kind"], "name": r["name"]} for r in rows(locations)],
        "organizations": [{**span(r), "kind": r["kind"]} for r in rows(organizations)],
    }
    return Article.model_validate(data)


# --- Text the databases accept ----------------------------------------------------------------

#: NUL (PostgreSQL text cannot hold it) and lone surrogates (not UTF-8 at all).
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")

#: Failures of the database itself: never papered over.
_INFRASTRUCTURE_ERRORS: tuple[type[BaseException], ...] = (
    sa.exc.OperationalError,
    sa.exc.InterfaceError,
    sa.exc.DisconnectionError,
)
try:  # COPY raises the driver's own exceptions, not SQLAlchemy's wrappers
    import psycopg as _psycopg

    _INFRASTRUCTURE_ERRORS += (_psycopg.OperationalError, _psycopg.InterfaceError)
except ImportError:  # pragma: no cover - PostgreSQL support not installed
    pass


def _safe_str(value: str) -> str:
    """``value`` with each unstorable character replaced by U+FFFD (same length, so offsets hold)."""
    return _UNSTORABLE.sub("\ufffd", value) if _UNSTORABLE.search(value) else value


def _safe_row(row: dict[str, Any]) -> dict[str, Any]:
    for key, value in row.items():
        if isinstance(value, str) and _UNSTORABLE.search(value):
            row[key] = _UNSTORABLE.sub("\ufffd", value)
    return row


# --- The sink ---------------------------------------------------------------------------------


def _chunks(seq: Sequence[Any], n: int) -> Iterator[Sequence[Any]]:
    for i in range(0, len(seq), n):
        yield seq[i : i + n]


class DbSink:
    """A :class:`qpextract.io.sinks.Sink` into SQLite or PostgreSQL (see the module docstring)."""

    #: ids per ``IN (...)`` clause: below SQLite's old 999-parameter limit.
    ID_CHUNK = 500

    def __init__(self, url: str, *, resume: bool = False, batch_size: int = 200) -> None:
        self.url = url
        self.resume = resume
        self.batch_size = max(1, batch_size)
        self.engine = create_db_engine(url)
        self._buffer: dict[str, tuple[Result, str]] = {}
        self.stats = {"inserted": 0, "replaced": 0, "skipped": 0, "batches": 0}
        self.done_errors = 0
        self._closed = False

    # Sink protocol

    def write(self, result: Result, content_hash: str) -> None:
        """Buffer one result; a full buffer is written in one transaction."""
        self._buffer.pop(result.id, None)  # the same id twice in a batch: the last one wins
        self._buffer[result.id] = (result, content_hash)
        if len(self._buffer) >= self.batch_size:
            self.flush()

    def done_ids(self) -> set[str]:
        """Ids already stored, as Article or as error line (committed batches only)."""
        self.flush()
        with self.engine.connect() as conn:
            ids = set(conn.execute(sa.select(articles.c.id)).scalars())
            # an article whose worker was killed is done again (its row is replaced)
            again = errors.c.message.like("%the worker process died%")
            failed = set(conn.execute(sa.select(errors.c.id).where(~again)).scalars())
        self.done_errors = len(failed)  # for the exit code of a resumed run
        return ids | failed

    def close(self) -> None:
        """Write what is buffered and release the connections."""
        if self._closed:
            return
        try:
            self.flush()
        finally:
            self._closed = True
            self.engine.dispose()

    def __enter__(self) -> DbSink:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # Work

    def flush(self) -> None:
        """Write the buffered results in one transaction (all or nothing).

        When the batch fails on its *data* (a value the database refuses),
        it is rolled back and written again one result per transaction; a
        result that still fails is stored as an ``internal`` error line, so
        every input keeps its one row. A failure of the database itself
        (connection lost, disk full: ``OperationalError``) propagates with
        the batch uncommitted and still buffered.
        """
        if not self._buffer:
            return
        batch = list(self._buffer.values())
        try:
            with self.engine.begin() as conn:
                stats = self._write_batch(conn, batch)
        except _INFRASTRUCTURE_ERRORS:
            raise
        except Exception:
            stats = self._write_one_by_one(batch)
        self._buffer.clear()
        for key, value in stats.items():
            self.stats[key] += value
        self.stats["batches"] += 1

    def _write_one_by_one(self, batch: list[tuple[Result, str]]) -> dict[str, int]:
        total = {"inserted": 0, "replaced": 0, "skipped": 0}
        for result, h in batch:
            try:
                with self.engine.begin() as conn:
                    stats = self._write_batch(conn, [(result, h)])
            except _INFRASTRUCTURE_ERRORS:
                raise
            except Exception as exc:
                line = ErrorLine(
                    id=result.id,
                    source=result.source,
                    error=ErrorInfo(kind="internal", message=f"database refused the result: {type(exc).__name__}: {exc}"[:2000]),
                )
                with self.engine.begin() as conn:
                    stats = self._write_batch(conn, [(line, h)])
            for key, value in stats.items():
                total[key] += value
        return total

    def _stored(self, conn: Connection, ids: list[str]) -> dict[str, tuple[str, str]]:
        """``id -> (kind, content_hash)`` of what is stored for ``ids``."""
        found: dict[str, tuple[str, str]] = {}
        for chunk in _chunks(ids, self.ID_CHUNK):
            for aid, h in conn.execute(sa.select(articles.c.id, articles.c.content_hash).where(articles.c.id.in_(chunk))):
                found[aid] = ("article", h)
            for eid, h in conn.execute(sa.select(errors.c.id, errors.c.content_hash).where(errors.c.id.in_(chunk))):
                found[eid] = ("error", h)
        return found

    def _write_batch(self, conn: Connection, batch: list[tuple[Result, str]]) -> dict[str, int]:
        stats = {"inserted": 0, "replaced": 0, "skipped": 0}
        stored = self._stored(conn, [_safe_str(r.id) for r, _ in batch])
        todo: list[tuple[Result, str]] = []
        stale: list[str] = []
        for result, h in batch:
            kind = "article" if isinstance(result, Article) else "error"
            old = stored.get(_safe_str(result.id))
            if old == (kind, _safe_str(h)):
                stats["skipped"] += 1
                continue
            if old is not None:
                stale.append(_safe_str(result.id))
                stats["replaced"] += 1
            else:
                stats["inserted"] += 1
            todo.append((result, h))
        if stale:
            delete_ids(conn, stale)
        rows: dict[sa.Table, list[dict[str, Any]]] = {t: [] for t in TABLES}
        for result, h in todo:
            if isinstance(result, Article):
                for table, trows in article_rows(result, h).items():
                    rows[table].extend(trows)
            else:
                rows[errors].append(error_row(result, h))
        for table in TABLES:  # parents first
            if rows[table]:
                _insert(conn, table, [_safe_row(r) for r in rows[table]])
        return stats


def _insert(conn: Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows inside the open transaction: COPY on PostgreSQL (one round trip), executemany elsewhere."""
    if conn.dialect.name != "postgresql" or conn.dialect.driver != "psycopg":
        conn.execute(table.insert(), rows)
        return
    quote = conn.dialect.identifier_preparer.quote
    names = [c.name for c in table.columns]
    sql = f"COPY {quote(table.name)} ({', '.join(quote(n) for n in names)}) FROM STDIN"
    raw = conn.connection.driver_connection
    with raw.cursor() as cur:
        with cur.copy(sql) as copy:
            for row in rows:
                copy.write_row([row.get(n) for n in names])


def delete_ids(conn: Connection, ids: Iterable[str]) -> None:
    """Remove every row of these article/error ids (children first, whatever the FK settings)."""
    ids = list(ids)
    for chunk in _chunks(ids, DbSink.ID_CHUNK):
        for table in reversed(CHILD_TABLES):
            conn.execute(table.delete().where(table.c.article_id.in_(chunk)))
        conn.execute(articles.delete().where(articles.c.id.in_(chunk)))
        conn.execute(errors.delete().where(errors.c.id.in_(chunk)))


def open_db_sink(url: str, *, resume: bool, batch_size: int = 200) -> DbSink:
    """The sink for ``-o x.sqlite`` / ``--db postgresql://…``.

    Without ``resume`` the run still never duplicates (rows are keyed by
    article id); ``resume`` only tells the caller to trust ``done_ids``.
    """
    return DbSink(url, resume=resume, batch_size=batch_size)


def table_counts(url_or_engine: Union[str, Engine]) -> dict[str, int]:
    """Rows per table, in :data:`TABLES` order."""
    engine = url_or_engine if isinstance(url_or_engine, Engine) else create_db_engine(url_or_engine)
    try:
        with engine.connect() as conn:
            return {t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one() for t in TABLES}
    finally:
        if engine is not url_or_engine:
            engine.dispose()


def table_checksums(url_or_engine: Union[str, Engine]) -> dict[str, str]:
    """A SHA-256 per table over its rows in primary-key order (same data -> same digest, any back end)."""
    import hashlib

    engine = url_or_engine if isinstance(url_or_engine, Engine) else create_db_engine(url_or_engine)
    out: dict[str, str] = {}
    with engine.connect() as conn:
        for t in TABLES:
            digest = hashlib.sha256()
            pk = [i for i, c in enumerate(t.columns) if c.primary_key]
            # sorted here, not by ORDER BY: text collations differ between back ends
            rows = sorted(
                (tuple(_canonical(v) for v in row) for row in conn.execute(sa.select(t))),
                key=lambda r: tuple(r[i] for i in pk),
            )
            for row in rows:
                digest.update(repr(row).encode("utf-8"))
                digest.update(b"\n")
            out[t.name] = digest.hexdigest()
    if engine is not url_or_engine:
        engine.dispose()
    return out


def _canonical(value: Any) -> Any:
    """A back-end-neutral form of a column value (bools, dates, floats)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return value
