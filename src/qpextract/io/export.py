"""Export the database tables to Parquet, one file per table (``DIR/<table>.parquet``).

Column types follow the SQLAlchemy schema of :mod:`qpextract.io.db`, so an
empty table still gets a typed file, and SQLite and PostgreSQL export alike.
Rows are streamed in chunks: memory stays flat on a large database.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Union

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from qpextract.io import db

CHUNK_ROWS = 20_000


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
    """Write every table of the database to ``out_dir``; returns rows written per table."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    engine = url_or_engine if isinstance(url_or_engine, Engine) else db.create_db_engine(url_or_engine)
    written: dict[str, int] = {}
    try:
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
