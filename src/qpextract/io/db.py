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

Tables are derived from the pydantic models by :mod:`qpextract.io.schema_sql`
(a list of records is a child table keyed by ``(article_id, <parent>_idx..., idx)``,
a nested record flattens to prefixed columns, lists of strings are JSON text):

- ``articles(id PK, content_hash, schema_version, source, title, published, authors, text, expanded_text,
  sentences, warnings)``
- ``abbreviations``, ``dates``, ``officials``, ``ranks``, ``numbers``, ``events``, ``locations``,
  ``organizations``, ``documents``, ``decorations``: ``(article_id FK -> articles, idx) PK`` + the record's
  fields (``numbers.change`` flattened to ``change_value/direction/unit``; ``first_day/last_day`` are DATE)
- ``positions(article_id, official_idx, idx)`` FK -> officials; ``event_participants(article_id, event_idx, idx)``
  FK -> events (``official`` stored as ``official_idx``)
- ``errors(id PK, content_hash, schema_version, source, kind, message)``

Indexes: :data:`qpextract.io.schema_sql.INDEXES`; every child table's primary key starts with
``article_id``, so it indexes the FK.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Optional, Union

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from qpextract.io import migrate, schema_sql, views
from qpextract.models import SCHEMA_VERSION, Article, ErrorInfo, ErrorLine

Result = Union[Article, ErrorLine]

metadata = sa.MetaData()

#: The table plans, derived from the models (see :mod:`qpextract.io.schema_sql`).
ARTICLE_PLAN, ERROR_PLAN, PLANS = schema_sql.build(metadata)
_BY_NAME: dict[str, sa.Table] = {p.name: p.table for p in PLANS}  # type: ignore[misc]

articles = _BY_NAME["articles"]
abbreviations = _BY_NAME["abbreviations"]
dates = _BY_NAME["dates"]
officials = _BY_NAME["officials"]
positions = _BY_NAME["positions"]
ranks = _BY_NAME["ranks"]
numbers = _BY_NAME["numbers"]
events = _BY_NAME["events"]
event_participants = _BY_NAME["event_participants"]
locations = _BY_NAME["locations"]
organizations = _BY_NAME["organizations"]
errors = _BY_NAME["errors"]

#: The person registry (:mod:`qpextract.io.registry` fills them): one row per person, one per linked official.
persons = sa.Table(
    "persons",
    metadata,
    sa.Column("person_id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("mentions", sa.Integer, nullable=False),
    sa.Column("articles", sa.Integer, nullable=False),
    sa.Column("rank", sa.Text),
    sa.Column("first_day", sa.Date),
    sa.Column("last_day", sa.Date),
    sa.Index("ix_persons_name", "name"),
)
person_mentions = sa.Table(
    "person_mentions",
    metadata,
    sa.Column("article_id", sa.Text, primary_key=True),
    sa.Column("official_idx", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("person_id", sa.Integer, nullable=False),
    sa.Index("ix_person_mentions_person_id", "person_id"),
)

#: Every table, parents before children (create/insert order; delete in reverse).
TABLES: tuple[sa.Table, ...] = (*_BY_NAME.values(), persons, person_mentions)
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
    """An engine for ``url`` with the current schema: created, upgraded in place, or refused
    (:class:`~qpextract.io.migrate.SchemaMismatch`) -- see :mod:`qpextract.io.migrate`."""
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

    try:
        migrate.prepare(engine, metadata)
        views.create_views(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


# --- Article -> rows --------------------------------------------------------------------------


def article_rows(article: Article, content_hash: str) -> dict[sa.Table, list[dict[str, Any]]]:
    """The row set of one Article, table by table."""
    out: dict[str, list[dict[str, Any]]] = {p.name: [] for p in PLANS if p is not ERROR_PLAN}
    schema_sql.record_rows(ARTICLE_PLAN, article, {"id": article.id, "content_hash": content_hash}, out)
    return {_BY_NAME[name]: rows for name, rows in out.items()}


def error_row(line: ErrorLine, content_hash: str) -> dict[str, Any]:
    """The ``errors`` row of one error line."""
    out: dict[str, list[dict[str, Any]]] = {"errors": []}
    schema_sql.record_rows(ERROR_PLAN, line, {"id": line.id, "content_hash": content_hash}, out)
    return out["errors"][0]


# --- Rows -> Article (lossless read-back) -----------------------------------------------------


def load_article(conn: Connection, article_id: str) -> Optional[Article]:
    """Rebuild the Article stored under ``article_id`` (None when absent).

    Rows migrated from an older schema read back as a current Article, the
    fields their schema did not have left at their defaults.
    """
    head = conn.execute(sa.select(articles).where(articles.c.id == article_id)).mappings().first()
    if head is None:
        return None
    data = schema_sql.row_record(ARTICLE_PLAN, head)
    data["id"] = head["id"]
    data["schema_version"] = SCHEMA_VERSION

    def attach(plan: schema_sql.TablePlan, parents: dict[tuple[Any, ...], dict[str, Any]]) -> None:
        for fname, child in plan.children:
            table = child.table
            assert table is not None
            for p in parents.values():
                p[fname] = []
            order = [table.c[k] for k in child.keys]
            mine: dict[tuple[Any, ...], dict[str, Any]] = {}
            for row in conn.execute(sa.select(table).where(table.c.article_id == article_id).order_by(*order)).mappings():
                rec = schema_sql.row_record(child, row)
                parents[tuple(row[k] for k in child.keys[1:-1])][fname].append(rec)
                mine[tuple(row[k] for k in child.keys[1:])] = rec
            attach(child, mine)

    attach(ARTICLE_PLAN, {(): data})
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
