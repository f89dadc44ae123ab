"""Export the database tables to Parquet, one file per table (``DIR/<table>.parquet``).

Column types follow the SQLAlchemy schema of :mod:`qpextract.io.db`, so an
empty table still gets a typed file, and SQLite and PostgreSQL export alike.
Rows are streamed in chunks: memory stays flat on a large database.

Export only reads: SQLite is opened read-only (``mode=ro``), PostgreSQL in
read-only transactions, nothing is created or migrated; a database that is
not qpextract's, or was written by an older schema, is refused before any
file is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Union

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from qpextract.errors import UsageError, require
from qpextract.io import db, migrate

CHUNK_ROWS = 20_000


def read_only_engine(url: str) -> Engine:
    """An engine that cannot change the database at ``url`` (and creates no table)."""
    full = db.normalize_url(url)
    if full.startswith("sqlite:///"):
        path = full[len("sqlite:///") :]
        if not Path(path).is_file():
            raise UsageError(f"no such database file: {path}")
        return sa.create_engine(f"sqlite:///file:{Path(path).resolve()}?mode=ro&uri=true", future=True)
    if full.startswith("postgresql"):
        require("psycopg", "a PostgreSQL database", "postgres")
        return sa.create_engine(full, future=True, connect_args={"options": "-c default_transaction_read_only=on"})
    raise UsageError(f"unknown database URL {url!r}: use a .sqlite path, sqlite:///PATH or postgresql://...")


def check_database(engine: Engine, *, empty_ok: bool = False, upgradable_ok: bool = False) -> None:
    """Refuse a database that is not qpextract's or lacks tables/columns of this version (read-only check).

    ``upgradable_ok``: a database at an older known revision passes (the writer upgrades it in place).
    """
    try:
        inspector = sa.inspect(engine)
        present = set(inspector.get_table_names())
        if db.articles.name not in present:
            if empty_ok and not present:
                return
            what = f"it has the tables {', '.join(sorted(present)[:6])}" if present else "it has no tables"
            raise UsageError(f"not a qpextract database ({what}); export reads databases written by qpextract extract")
        if upgradable_ok and "alembic_version" in present:
            with engine.connect() as conn:
                if migrate.stored_version(conn) in set(migrate.KNOWN) - {migrate.HEAD}:
                    return
        missing = []
        for table in db.TABLES:
            if table.name not in present:
                missing.append(table.name)
                continue
            have = {c["name"] for c in inspector.get_columns(table.name)}
            missing += [f"{table.name}.{c.name}" for c in table.columns if c.name not in have]
    except sa.exc.OperationalError as exc:
        raise UsageError(f"cannot open the database: {str(exc.orig).splitlines()[0] if exc.orig else exc}") from None
    if missing:
        raise UsageError(
            f"the database was written by an older qpextract (it lacks {', '.join(missing[:5])}"
            f"{' …' if len(missing) > 5 else ''}); extract the articles again into a new database"
        )


def _arrow_type(column: sa.Column) -> Any:
    import pyarrow as pa

    t = column.type
    if isinstance(t, sa.Boolean):
        return pa.bool_()
    if isinstance(t, sa.Integer):
        return pa.int64()
    if isinstance(t, sa.Float):
        return pa.float64()
    if isinstance(t, sa.Date):
        return pa.date32()
    return pa.string()


def arrow_schema(table: sa.Table) -> Any:
    """The Parquet schema of one table."""
    import pyarrow as pa

    return pa.schema([pa.field(c.name, _arrow_type(c), nullable=c.nullable) for c in table.columns])


def export_parquet(url_or_engine: Union[str, Engine], out_dir: Union[str, Path]) -> dict[str, int]:
    """Write every table of the database to ``out_dir``; returns rows written per table.

    Raises :class:`UsageError` for a database export cannot read, before writing anything.
    """
    pa = require("pyarrow", "Parquet export", "parquet")
    import pyarrow.parquet as pq

    engine = url_or_engine if isinstance(url_or_engine, Engine) else read_only_engine(url_or_engine)
    written: dict[str, int] = {}
    try:
        check_database(engine)
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        with engine.connect() as conn:
            for table in db.TABLES:
                schema = arrow_schema(table)
                names = [c.name for c in table.columns]
                target = out / f"{table.name}.parquet"
                tmp = target.with_suffix(".parquet.tmp")
                count = 0
                query = sa.select(table).order_by(*table.primary_key.columns)
                with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
                    result = conn.execution_options(stream_results=True, yield_per=CHUNK_ROWS).execute(query)
                    for part in result.partitions(CHUNK_ROWS):
                        cols = list(zip(*part)) if part else [[] for _ in names]
                        batch = pa.table({n: pa.array(list(v), type=schema.field(n).type) for n, v in zip(names, cols)},
                                         schema=schema)
                        writer.write_table(batch)
                        count += len(part)
                    if count == 0:
                        writer.write_table(schema.empty_table())
                tmp.replace(target)
                written[table.name] = count
    finally:
        if engine is not url_or_engine:
            engine.dispose()
    return written
