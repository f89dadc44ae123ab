"""The schema version of a qpextract database: create, upgrade in place (Alembic), or refuse.

A database carries its version in Alembic's ``alembic_version`` table
(``schema2_numbers_title`` today). :func:`prepare` runs before anything is written:

- no qpextract tables: create the current schema and stamp it;
- ``articles`` but no version table: a schema-1 database (qpextract before
  versions), stamped ``schema1`` and upgraded;
- a known older version: upgraded in one transaction (all or nothing);
- a version this qpextract does not know (a newer qpextract wrote it):
  :class:`SchemaMismatch`, and nothing is touched.
"""

from __future__ import annotations

from importlib import resources

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from qpextract.errors import QpextractError

#: The revision this qpextract writes (``alembic_version.version_num``).
HEAD = "schema2_numbers_title"
#: Every revision this qpextract can upgrade from, oldest first.
KNOWN = ("schema1", "schema2", "schema2_title", "schema2_numbers_title")


#: What a schema-1 database has for sure (commit 6e0708a's DDL).
_SCHEMA1_TABLES = {"articles", "officials", "positions", "events", "event_participants", "errors"}
_SCHEMA1_ARTICLE_COLUMNS = {"id", "content_hash", "schema_version", "text", "sentences", "warnings"}


class SchemaMismatch(QpextractError):
    """The database was written by a qpextract whose schema this one does not know."""

    kind = "usage"


def _alembic_config(conn: Connection):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("qpextract") / "migrations"))
    cfg.attributes["connection"] = conn
    return cfg


def stored_version(conn: Connection) -> str | None:
    """The database's revision: ``None`` when it has no qpextract tables, ``schema1`` when it predates versions."""
    tables = set(sa.inspect(conn).get_table_names())
    if "alembic_version" in tables:
        versions = list(conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalars())
        return ",".join(sorted(versions)) or "(empty alembic_version)"
    if "articles" in tables:
        insp = sa.inspect(conn)
        columns = {c["name"] for c in insp.get_columns("articles")}
        if _SCHEMA1_TABLES <= tables and _SCHEMA1_ARTICLE_COLUMNS <= columns:
            return "schema1"
        return "(unversioned tables that are not qpextract's)"
    return None


def prepare(engine: Engine, metadata: sa.MetaData) -> str:
    """Bring the database at ``engine`` to :data:`HEAD` (see the module docstring); returns what it found."""
    from alembic import command

    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":  # one preparer at a time
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(712202611)"))
        found = stored_version(conn)
        if found == HEAD:
            return found
        if found is not None and found not in KNOWN:
            raise SchemaMismatch(
                f"the database has schema {found!r}, which this qpextract (schema {HEAD!r}) does not know: "
                "a newer qpextract or another program wrote it; upgrade qpextract or use another database"
            )
        cfg = _alembic_config(conn)
        if found is None:
            metadata.create_all(conn)
            command.stamp(cfg, HEAD)
        else:
            if "alembic_version" not in sa.inspect(conn).get_table_names():
                command.stamp(cfg, found)
            command.upgrade(cfg, HEAD)
        return found or "new"
