"""``number_view`` tells a headline figure (``field = 'title'``) from one in the body, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

sa = pytest.importorskip("sqlalchemy")

from qpextract.io import db, views  # noqa: E402
from qpextract.models import Article, NumericResult  # noqa: E402
from test_db import db_url  # noqa: E402,F401  (the back-end fixture)

TITLE = "76 công dân lên đường nhập ngũ"
TEXT = "Sáng 22/3/2023, thành phố Bắc Kạn tổ chức lễ giao nhận quân cho 76 công dân."


def _article() -> Article:
    body = TEXT.index("76 công dân")
    return Article(
        id="nv-1",
        title=TITLE,
        text=TEXT,
        numbers=[
            NumericResult(text="76 công dân", start=0, end=11, value=76, unit="count", subject="công dân", field="title"),
            NumericResult(text="76 công dân", start=body, end=body + 11, value=76, unit="count", subject="công dân"),
        ],
    )


def _rows(url: str) -> list[tuple]:
    engine = sa.create_engine(db.normalize_url(url))
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(sa.text("SELECT number_idx, field FROM number_view ORDER BY number_idx"))]
    finally:
        engine.dispose()


def _write(url: str) -> None:
    sink = db.open_db_sink(url, resume=False)
    sink.write(_article(), "h")
    sink.close()


def test_number_view_has_the_field_of_each_number(db_url: str) -> None:  # noqa: F811
    _write(db_url)
    assert _rows(db_url) == [(0, "title"), (1, None)]


def test_an_archive_with_the_older_number_view_gets_the_field(db_url: str) -> None:  # noqa: F811
    _write(db_url)
    engine = sa.create_engine(db.normalize_url(db_url))
    try:
        with engine.begin() as conn:  # the view as an earlier version created it, without `field`
            conn.execute(sa.text("DROP VIEW number_view"))
            old = views.VIEWS["number_view"].replace("n.field, ", "")
            conn.execute(sa.text(f"CREATE VIEW number_view AS {old.strip()}"))
        with engine.connect() as conn:
            assert "field" not in conn.execute(sa.text("SELECT * FROM number_view")).keys()
    finally:
        engine.dispose()
    _write(db_url)  # opening the archive again brings the views up to date
    assert _rows(db_url) == [(0, "title"), (1, None)]
