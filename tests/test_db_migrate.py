"""Schema versions: a schema-1 database (DDL and rows of commit 6e0708a) upgrades in place with nothing lost;
a database of an unknown or newer schema is refused with one line and exit code 2, untouched."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

sa = pytest.importorskip("sqlalchemy")

from test_db import ROOT, db_url, sample_article  # noqa: E402,F401  (db_url: the back-end fixture)

from qpextract.io import db, migrate  # noqa: E402

FIXTURES = Path(__file__).parent / "data" / "schema1"


def _schema1_database(url: str) -> dict[str, list[dict]]:
    """Create the schema-1 tables with the DDL of 6e0708a and fill them with its rows of the seeds."""
    engine = sa.create_engine(db.normalize_url(url))
    ddl = (FIXTURES / f"{engine.dialect.name}.sql").read_text(encoding="utf-8")
    rows = json.loads((FIXTURES / "seeds_rows.json").read_text(encoding="utf-8"))
    with engine.begin() as conn:
        for stmt in ddl.split(";"):
            if "CREATE" in stmt:
                conn.exec_driver_sql(stmt)
        meta = sa.MetaData()
        meta.reflect(conn)
        for name, table_rows in rows.items():  # parents first, as the JSON lists them
            if table_rows:
                conn.execute(meta.tables[name].insert(), [_typed(meta.tables[name], r) for r in table_rows])
    engine.dispose()
    return rows


def _typed(table: sa.Table, row: dict) -> dict:
    return {k: dt.date.fromisoformat(v) if isinstance(table.c[k].type, sa.Date) and v else v for k, v in row.items()}


def _plain(v):
    if isinstance(v, dt.date):
        return v.isoformat()
    return v


def test_schema1_database_upgrades_in_place_with_nothing_lost(db_url: str) -> None:  # noqa: F811
    before = _schema1_database(db_url)
    engine = db.create_db_engine(db_url)  # finds schema 1 and upgrades
    with engine.connect() as conn:
        assert migrate.stored_version(conn) == migrate.HEAD
        for name, old_rows in before.items():
            table = db.metadata.tables[name]
            got = [
                {k: _plain(v) for k, v in r.items()}
                for r in conn.execute(sa.select(table).order_by(*table.primary_key.columns)).mappings()
            ]
            assert len(got) == len(old_rows), name
            key = [c.name for c in table.primary_key.columns]
            old_sorted = sorted(old_rows, key=lambda r: [r[k] for k in key])
            for new, old in zip(got, old_sorted):
                assert {k: new[k] for k in old} == old, name  # every schema-1 value kept
        participants = list(conn.execute(sa.select(db.event_participants)).mappings())
        assert participants and {p["role"] for p in participants} == {"other"}
        assert all(p["official_idx"] is None for p in participants)
        for aid in [r["id"] for r in before["articles"]]:
            art = db.load_article(conn, aid)  # schema-1 rows read back as schema-2 Articles
            assert art is not None and art.expanded_text == "" and art.documents == []
        assert db.load_article(conn, "002_f8d7a2f6e447c266").events[0].participants[0].name == "Cù Ngọc Cường"
    fresh_cols = {t.name: {c.name for c in t.columns} for t in db.TABLES}
    insp = sa.inspect(engine)
    assert {t: {c["name"] for c in insp.get_columns(t)} for t in fresh_cols} == fresh_cols
    engine.dispose()
    # a schema-2 article goes in next to the upgraded ones, with a null abbreviation expansion
    art = sample_article(1)
    art.abbreviations[0].expansion = None
    sink = db.open_db_sink(db_url, resume=False)
    sink.write(art, "h")
    sink.close()
    engine = db.create_db_engine(db_url)
    with engine.connect() as conn:
        assert db.load_article(conn, art.id) == art
    engine.dispose()
    assert db.table_counts(db_url)["articles"] == len(before["articles"]) + 1


def _stamp(url: str, version: str) -> None:
    db.create_db_engine(url).dispose()
    engine = sa.create_engine(db.normalize_url(url))
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = :v"), {"v": version})
    engine.dispose()


@pytest.mark.parametrize("version", ["schema3", "not-a-revision"])
def test_unknown_schema_is_refused_and_untouched(db_url: str, version: str) -> None:  # noqa: F811
    _stamp(db_url, version)
    sums = db.table_checksums(sa.create_engine(db.normalize_url(db_url)))
    with pytest.raises(migrate.SchemaMismatch, match=version):
        db.create_db_engine(db_url)
    with pytest.raises(migrate.SchemaMismatch):
        db.open_db_sink(db_url, resume=False)
    assert db.table_checksums(sa.create_engine(db.normalize_url(db_url))) == sums


def test_foreign_tables_named_articles_are_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'other.sqlite'}"
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE articles (id INTEGER PRIMARY KEY, body TEXT)"))
    engine.dispose()
    with pytest.raises(migrate.SchemaMismatch, match="not qpextract"):
        db.create_db_engine(url)
    engine = sa.create_engine(url)
    assert sa.inspect(engine).get_table_names() == ["articles"]  # nothing added
    engine.dispose()


def test_cli_refuses_a_newer_database_with_one_line_and_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite"
    _stamp(f"sqlite:///{path}", "schema3")
    src = tmp_path / "a.txt"
    src.write_text("Sáng 22/3/2023, Đại tá Lã Văn Hào dự hội nghị.", encoding="utf-8")
    code = "import sys; from qpextract.cli import main; main(sys.argv[1:])"
    env_path = str(ROOT / "src")
    res = subprocess.run(
        [sys.executable, "-c", code, "extract", str(src), "-o", str(path), "--workers", "0", "-q"],
        capture_output=True, text=True, env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert res.returncode == 2, res.stderr
    lines = [line for line in res.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "schema3" in lines[0] and "Traceback" not in res.stderr, res.stderr
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT COUNT(*) FROM articles")).scalar_one() == 0
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one() == "schema3"
    engine.dispose()


def test_cli_upgrades_a_schema2_database_written_before_title_records(tmp_path: Path) -> None:
    """A database of revision schema2 (no abbreviations.field) takes new articles: the CLI upgrades it in place."""
    path = tmp_path / "old.sqlite"
    _stamp(f"sqlite:///{path}", "schema2")
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(sa.text("ALTER TABLE abbreviations DROP COLUMN field"))
    engine.dispose()
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "a", "title": "Bộ CHQS tỉnh tổng kết", "text": "Sáng 22/3/2023, Bộ CHQS tỉnh tổ chức hội nghị."},
                              ensure_ascii=False) + "\n", encoding="utf-8")
    code = "import sys; from qpextract.cli import main; main(sys.argv[1:])"
    res = subprocess.run(
        [sys.executable, "-c", code, "extract", str(src), "-o", str(path), "--workers", "0", "-q"],
        capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one() == migrate.HEAD
        fields = conn.execute(sa.text("SELECT field FROM abbreviations WHERE short = 'CHQS'")).scalars().all()
    engine.dispose()
    assert sorted(f or "" for f in fields) == ["", "title"]
