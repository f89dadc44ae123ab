"""The database sink on SQLite and PostgreSQL through the same test code.

PostgreSQL tests need ``QPEXTRACT_PG_URL`` (``.ci/start-postgres.sh`` prints
one); each test gets a database of its own, dropped afterwards.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Optional

import pytest

sa = pytest.importorskip("sqlalchemy")

from qpextract.io import db  # noqa: E402
from qpextract.models import (  # noqa: E402
    Participant,
    Abbreviation,
    Article,
    Change,
    Decoration,
    DocumentReference,
    ErrorInfo,
    ErrorLine,
    Event,
    Location,
    Mention,
    NumericResult,
    Official,
    Organization,
    Position,
    RankMention,
    Span,
    TemporalExpression,
)

ROOT = Path(__file__).resolve().parents[1]
PG_URL = os.environ.get("QPEXTRACT_PG_URL")
NO_PG = "QPEXTRACT_PG_URL is not set: start a server with `bash .ci/start-postgres.sh` and export its URL (CI does)"


# --- sample data ------------------------------------------------------------------------------


def sample_article(i: int, variant: int = 0) -> Article:
    """A deterministic Article with records in every table; ``variant`` changes its row set."""
    n = 1 + (i + variant) % 3  # 1..3 records of each kind
    text = f"Sáng 22/3/2023, Đại tá Lã Văn Hào {i} dự hội nghị tổng kết LLVT thành phố Bắc Kạn. v{variant}"
    return Article(
        id=f"art-{i:04d}",
        source=f"mem://{i}",
        title=f"Hội nghị {i}",
        published="2023-03-22",
        authors=["Minh Cường"] if i % 2 else [],
        text=text,
        sentences=[Span(start=0, end=len(text))],
        abbreviations=[
            Abbreviation(short="LLVT", expansion="lực lượng vũ trang", start=60 + k, end=64 + k, text="LLVT")
            for k in range(n)
        ],
        dates=[
            TemporalExpression(
                text="Sáng 22/3/2023",
                start=k,
                end=14,
                type="date",
                value=f"2023-03-{22 - k:02d}",
                part_of_day="morning",
                first_day=f"2023-03-{22 - k:02d}",
                last_day=f"2023-03-{22 - k:02d}",
                rule="dmy",
            )
            for k in range(n)
        ]
        + [TemporalExpression(text="5 năm qua", start=0, end=9, type="duration", value="P5Y")],
        officials=[
            Official(
                name=f"Lã Văn Hào {k}",
                honorific="đồng chí" if k else None,
                rank="Đại tá",
                positions=[
                    Position(title="Chỉ huy trưởng", organization="Ban CHQS thành phố", text="Chỉ huy trưởng Ban CHQS"),
                    Position(title="Bí thư", organization=None, text="Bí thư"),
                ][: 1 + k % 2],
                mentions=[Mention(start=23, end=33, text="Lã Văn Hào")],
            )
            for k in range(n)
        ],
        ranks=[
            RankMention(text="Đại tá", rank="Đại tá", grade=13, branch="army", holder="Lã Văn Hào", start=16, end=22)
        ],
        numbers=[
            NumericResult(
                text="23,4%",
                start=1,
                end=6,
                value=23.4 + k,
                unit="percent",
                subject="chỉ tiêu",
                qualifier="over" if k else None,
                change=Change(value=0.4, direction="increase", unit="percent") if k == 0 else None,
            )
            for k in range(n)
        ]
        + [NumericResult(text="5/8 đơn vị", start=2, end=12, value=5, unit="count", total=8)],
        events=[
            Event(
                type="summary_conference" if k == 0 else "award",
                trigger="tổng kết",
                start=44,
                end=52,
                date="2023-03-22",
                location="thành phố Bắc Kạn",
                organizer="Ban CHQS thành phố",
                participants=[Participant(name=f"Lã Văn Hào {j}", role="attendee", official=j) for j in range(k + 1)],
                main=k == 0,
            )
            for k in range(n)
        ],
        locations=[Location(text="thành phố Bắc Kạn", start=65, end=82, kind="city", name="Bắc Kạn")],
        organizations=[Organization(text="Ban CHQS", start=1, end=9, kind="military") for _ in range(n)],
        documents=[
            DocumentReference(text="Đề án 1123", start=0, end=10, kind="project", number="1123", issuer="UBND tỉnh")
        ][: i % 2 + variant % 2],
        decorations=[
            Decoration(text="cờ thi đua", start=0, end=10, kind="flag", name="cờ thi đua xuất sắc",
                       recipients=["Ban CHQS Thành phố"] * (1 + k), count=k or None)
            for k in range(n - 1)
        ],
        expanded_text=f"{text} (lực lượng vũ trang)" if variant else "",
        warnings=[f"unknown abbreviation X{i}"] if variant else [],
    )


def sample_error(i: int, kind: str = "empty") -> ErrorLine:
    return ErrorLine(id=f"err-{i:04d}", source=f"mem://e{i}", error=ErrorInfo(kind=kind, message=f"bad input {i}"))  # type: ignore[arg-type]


def sample_results(n_articles: int, n_errors: int) -> list[tuple[object, str]]:
    """(result, content_hash) pairs, errors interleaved."""
    out: list[tuple[object, str]] = [(sample_article(i), f"h{i}") for i in range(n_articles)]
    for k in range(n_errors):
        out.insert(min(len(out), 3 * k + 1), (sample_error(k), f"e{k}"))
    return out


# --- back ends --------------------------------------------------------------------------------


def _pg_admin_engine():
    return sa.create_engine(db.normalize_url(PG_URL), isolation_level="AUTOCOMMIT")


def _pg_url_for(name: str) -> str:
    base = sa.engine.make_url(db.normalize_url(PG_URL))
    return base.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> Iterator[str]:
    """A fresh, empty database URL on each back end."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'out.sqlite'}"
        return
    if not PG_URL:
        pytest.skip(NO_PG)
    name = f"qpx_test_{uuid.uuid4().hex[:12]}"
    admin = _pg_admin_engine()
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield _pg_url_for(name)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def write_all(url: str, results, *, batch_size: int = 4) -> db.DbSink:
    sink = db.open_db_sink(url, resume=False, batch_size=batch_size)
    for result, h in results:
        sink.write(result, h)
    sink.close()
    return sink


# --- tests ------------------------------------------------------------------------------------


def test_normalize_url() -> None:
    assert db.normalize_url("postgresql://u@h:5/d") == "postgresql+psycopg://u@h:5/d"
    assert db.normalize_url("postgres://u@h/d") == "postgresql+psycopg://u@h/d"
    assert db.normalize_url("postgresql+psycopg://u@h/d") == "postgresql+psycopg://u@h/d"
    assert db.normalize_url("sqlite:///x.sqlite") == "sqlite:///x.sqlite"
    assert db.normalize_url("out.sqlite") == "sqlite:///out.sqlite"


def test_schema_has_tables_keys_and_indexes(db_url: str) -> None:
    engine = db.create_db_engine(db_url)
    insp = sa.inspect(engine)
    names = set(insp.get_table_names())
    expected = {
        "articles", "officials", "positions", "ranks", "dates", "numbers", "events",
        "event_participants", "abbreviations", "locations", "organizations", "errors",
        "documents", "decorations",
    }  # fmt: skip
    assert expected <= names
    indexed = {(t, tuple(ix["column_names"])) for t in expected for ix in insp.get_indexes(t)}
    for wanted in [("dates", ("first_day",)), ("dates", ("last_day",)), ("officials", ("name",)), ("events", ("type",))]:
        assert wanted in indexed, wanted
    for t in expected - {"articles", "errors"}:
        assert insp.get_pk_constraint(t)["constrained_columns"][0] == "article_id", t  # article id leads the PK index
        assert insp.get_foreign_keys(t), f"{t} has no foreign key"
    fks = {fk["referred_table"] for fk in insp.get_foreign_keys("positions")}
    assert fks == {"officials"}
    engine.dispose()


def test_tables_follow_the_models() -> None:
    """Every Article field has a column or a table; a new list of records becomes a child table by itself."""
    from pydantic import BaseModel

    from qpextract.io import schema_sql

    for name in Article.model_fields:
        assert name == "id" or name in db.articles.c or name in db.metadata.tables, name
    assert [c.name for c in db.numbers.c if c.name.startswith("change_")] == ["change_value", "change_direction", "change_unit"]
    assert str(db.dates.c.first_day.type) == "DATE" and db.abbreviations.c.expansion.nullable

    class Medal(BaseModel):
        name: str
        grade: Optional[int] = None

    class Soldier(BaseModel):
        name: str
        medals: list[Medal] = []

    plan, below = schema_sql._plan("soldiers", Soldier, ["article_id", "idx"], sa.MetaData(), "articles")
    (medals,) = below
    assert medals.table is not None and [c.name for c in medals.table.primary_key] == ["article_id", "soldier_idx", "idx"]
    out: dict = {"soldiers": [], "medals": []}
    schema_sql.record_rows(plan, Soldier(name="A", medals=[Medal(name="m", grade=2)]), {"article_id": "x", "idx": 0}, out)
    assert out["medals"] == [{"article_id": "x", "soldier_idx": 0, "idx": 0, "name": "m", "grade": 2}]


def test_rich_article_round_trips(db_url: str) -> None:
    articles = [sample_article(i, variant=v) for i, v in [(0, 0), (1, 1), (2, 2)]]
    write_all(db_url, [(a, "h") for a in articles])
    engine = db.create_db_engine(db_url)
    with engine.connect() as conn:
        for a in articles:
            assert db.load_article(conn, a.id) == a
        assert db.load_article(conn, "missing") is None
    engine.dispose()


def test_same_results_twice_give_one_row_set(db_url: str) -> None:
    results = sample_results(10, 3)
    first = write_all(db_url, results)
    counts, sums = db.table_counts(db_url), db.table_checksums(db_url)
    assert first.stats["inserted"] == 13
    second = write_all(db_url, results, batch_size=5)
    assert second.stats == {"inserted": 0, "replaced": 0, "skipped": 13, "batches": 3}
    assert db.table_counts(db_url) == counts
    assert db.table_checksums(db_url) == sums
    assert counts["articles"] == 10 and counts["errors"] == 3


def test_changed_content_replaces_the_row_set(db_url: str) -> None:
    write_all(db_url, [(sample_article(i), f"h{i}") for i in range(4)])
    before = db.table_counts(db_url)
    new = sample_article(1, variant=1)  # 3 dates instead of 2 ... different row counts
    old = sample_article(1)
    sink = write_all(db_url, [(new, "h1-changed")])
    assert sink.stats["replaced"] == 1
    after = db.table_counts(db_url)
    assert after["articles"] == before["articles"] == 4
    for table in ("dates", "officials", "positions", "numbers", "events", "event_participants"):
        delta = len(db.article_rows(new, "x")[getattr(db, table)]) - len(db.article_rows(old, "x")[getattr(db, table)])
        assert after[table] - before[table] == delta, table
    engine = db.create_db_engine(db_url)
    with engine.connect() as conn:
        assert db.load_article(conn, new.id) == new
        assert conn.execute(sa.select(db.articles.c.content_hash).where(db.articles.c.id == new.id)).scalar_one() == (
            "h1-changed"
        )
    engine.dispose()


def test_error_and_article_replace_each_other(db_url: str) -> None:
    art = sample_article(7)
    err = ErrorLine(id=art.id, error=ErrorInfo(kind="internal", message="boom"))
    write_all(db_url, [(err, "same")])
    assert (db.table_counts(db_url)["articles"], db.table_counts(db_url)["errors"]) == (0, 1)
    write_all(db_url, [(art, "same")])  # same input, now it works: the error goes away
    counts = db.table_counts(db_url)
    assert (counts["articles"], counts["errors"]) == (1, 0)
    write_all(db_url, [(err, "other")])
    counts = db.table_counts(db_url)
    assert (counts["articles"], counts["errors"], counts["dates"]) == (0, 1, 0)


def test_duplicate_id_in_one_batch_keeps_the_last(db_url: str) -> None:
    write_all(db_url, [(sample_article(3), "a"), (sample_article(3, variant=1), "b")], batch_size=10)
    engine = db.create_db_engine(db_url)
    with engine.connect() as conn:
        assert db.load_article(conn, "art-0003") == sample_article(3, variant=1)
    engine.dispose()
    assert db.table_counts(db_url)["articles"] == 1


def test_a_database_failure_rolls_the_batch_back_whole(db_url: str, monkeypatch) -> None:
    sink = db.open_db_sink(db_url, resume=False, batch_size=3)
    for i in range(3):  # first batch: committed
        sink.write(sample_article(i), f"h{i}")
    assert sink.stats["batches"] == 1
    good_counts = db.table_counts(db_url)
    good_sums = db.table_checksums(db_url)

    real = db.DbSink._write_batch

    def dies_before_commit(self, conn, batch):
        real(self, conn, batch)  # every row of the batch inserted, then the database fails
        raise sa.exc.OperationalError("COMMIT", {}, Exception("server closed the connection"))

    monkeypatch.setattr(db.DbSink, "_write_batch", dies_before_commit)
    sink.write(sample_article(0, variant=1), "h0-new")  # a replacement: its delete must roll back too
    sink.write(sample_article(4), "h4")
    with pytest.raises(sa.exc.OperationalError):
        sink.write(sample_article(5), "h5")
    assert db.table_counts(db_url) == good_counts  # nothing of the batch leaked
    assert db.table_checksums(db_url) == good_sums
    monkeypatch.setattr(db.DbSink, "_write_batch", real)
    sink.close()  # the batch is still buffered: written now
    assert db.table_counts(db_url)["articles"] == 5
    engine = db.create_db_engine(db_url)
    with engine.connect() as conn:
        assert db.load_article(conn, "art-0000") == sample_article(0, variant=1)
    engine.dispose()


def test_a_result_the_database_refuses_becomes_an_error_row(db_url: str, monkeypatch) -> None:
    real = db.article_rows

    def broken(article, h):
        rows = real(article, h)
        if article.id == "art-0005":  # violates NOT NULL in the database
            rows[db.officials][0]["name"] = None
        return rows

    monkeypatch.setattr(db, "article_rows", broken)
    sink = write_all(db_url, [(sample_article(i), f"h{i}") for i in range(3, 8)], batch_size=3)
    assert sink.stats["inserted"] == 5
    counts = db.table_counts(db_url)
    assert (counts["articles"], counts["errors"]) == (4, 1)
    engine = db.create_db_engine(db_url)
    with engine.connect() as conn:
        kind, message = conn.execute(sa.select(db.errors.c.kind, db.errors.c.message)).one()
        assert kind == "internal" and "database refused" in message
        assert db.load_article(conn, "art-0004") == sample_article(4)  # its batch mates are stored
    engine.dispose()


def test_unstorable_characters_are_replaced_not_fatal(db_url: str) -> None:
    a = sample_article(1).model_copy(update={"text": "NUL\x00 and a lone \ud800 surrogate", "title": "t\x00"})
    write_all(db_url, [(a, "h\x00")])
    engine = db.create_db_engine(db_url)
    with engine.connect() as conn:
        back = db.load_article(conn, a.id)
    engine.dispose()
    assert back.text == "NUL\ufffd and a lone \ufffd surrogate" and len(back.text) == len(a.text)
    assert back.title == "t\ufffd"
    again = write_all(db_url, [(a, "h\x00")])  # the stored hash matches: skipped
    assert again.stats["skipped"] == 1


def test_done_ids_lists_articles_and_errors(db_url: str) -> None:
    sink = db.open_db_sink(db_url, resume=True, batch_size=100)
    assert sink.done_ids() == set()
    for result, h in sample_results(4, 2):
        sink.write(result, h)
    assert sink.done_ids() == {f"art-{i:04d}" for i in range(4)} | {"err-0000", "err-0001"}
    sink.close()
    again = db.open_db_sink(db_url, resume=True)
    assert len(again.done_ids()) == 6
    again.close()


def test_pipeline_results_reconcile(db_url: str, pipeline, seed_inputs) -> None:
    """Every input is an Article row or an errors row: inputs = articles + errors."""
    inputs = list(seed_inputs) + [
        {"id": "blank", "text": "   \n"},
        {"id": "not-text", "text": 12},
        {"id": "tiny", "text": "Chiều 22/3, Đại tá Lã Văn Hào dự hội nghị."},
    ]
    sink = db.open_db_sink(db_url, resume=False, batch_size=2)
    for item in inputs:
        sink.write(pipeline.safe_extract(item["id"], item), f"{item['id']}:{hash(str(item['text']))}")
    sink.close()
    counts = db.table_counts(db_url)
    assert counts["articles"] + counts["errors"] == len(inputs)
    assert counts["errors"] == 2
    engine = db.create_db_engine(db_url)
    with engine.connect() as conn:
        for item in seed_inputs:
            assert db.load_article(conn, item["id"]) == pipeline.safe_extract(item["id"], item)
    engine.dispose()


# --- kill and resume --------------------------------------------------------------------------

_WRITER = r"""
import sys, time
sys.path[:0] = [{src!r}, {tests!r}]
from qpextract.io import db
from test_db import sample_results
sink = db.open_db_sink({url!r}, resume=True, batch_size=5)
done = sink.done_ids()
for result, h in sample_results({n}, {e}):
    if result.id in done:
        continue
    sink.write(result, h)
    time.sleep({pause})
sink.close()
"""


def _writer(url: str, n: int, e: int, pause: float) -> list[str]:
    code = _WRITER.format(src=str(ROOT / "src"), tests=str(ROOT / "tests"), url=url, n=n, e=e, pause=pause)
    return [sys.executable, "-c", code]


def test_killed_run_resumes_to_the_same_database(db_url: str, tmp_path) -> None:
    n, e = 60, 6
    proc = subprocess.Popen(_writer(db_url, n, e, 0.05))
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # wait until some batches are committed, then kill
            time.sleep(0.1)
            try:
                stored = db.table_counts(db_url)["articles"]
            except sa.exc.DBAPIError:  # schema being created by the writer
                continue
            if stored >= 15 or proc.poll() is not None:
                break
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the writer finished before it could be killed"
    partial = db.table_counts(db_url)
    assert 0 < partial["articles"] + partial["errors"] < n + e
    subprocess.run(_writer(db_url, n, e, 0), check=True)  # resume

    # the reference: one clean run into a fresh database on the same back end
    if db_url.startswith("sqlite"):
        clean = f"sqlite:///{tmp_path / 'clean.sqlite'}"
    else:
        name = f"qpx_clean_{uuid.uuid4().hex[:12]}"
        with _pg_admin_engine().connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        clean = _pg_url_for(name)
    try:
        write_all(clean, sample_results(n, e), batch_size=7)
        assert db.table_counts(db_url) == db.table_counts(clean)
        assert db.table_checksums(db_url) == db.table_checksums(clean)
        counts = db.table_counts(db_url)
        assert counts["articles"] + counts["errors"] == n + e
    finally:
        if not clean.startswith("sqlite"):
            with _pg_admin_engine().connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.mark.postgres
def test_sqlite_and_postgres_hold_the_same_data(tmp_path) -> None:
    if not PG_URL:
        pytest.skip(NO_PG)
    lite = f"sqlite:///{tmp_path / 'a.sqlite'}"
    name = f"qpx_same_{uuid.uuid4().hex[:12]}"
    with _pg_admin_engine().connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        pg = _pg_url_for(name)
        results = sample_results(12, 2)
        write_all(lite, results)
        write_all(pg, results)
        assert db.table_checksums(lite) == db.table_checksums(pg)
    finally:
        with _pg_admin_engine().connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def test_sample_article_is_valid_json() -> None:
    # the samples must survive the JSON contract themselves
    a = sample_article(2, variant=1)
    assert Article.model_validate(json.loads(a.model_dump_json())) == a
