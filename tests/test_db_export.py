"""`qpextract export DB --parquet DIR`: every table as Parquet, row counts and values round-trip."""

from __future__ import annotations

from pathlib import Path

import pytest

pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is not installed: pip install 'qpextract[parquet]'")

from test_db import db_url, sample_results, write_all  # noqa: E402,F401  (db_url: the back-end fixture)
from typer.testing import CliRunner  # noqa: E402

from qpextract.cli import app  # noqa: E402
from qpextract.io import db  # noqa: E402
from qpextract.io.export import export_parquet  # noqa: E402


def test_export_round_trips_row_counts(db_url: str, tmp_path: Path) -> None:  # noqa: F811
    write_all(db_url, sample_results(9, 3))
    counts = db.table_counts(db_url)
    written = export_parquet(db_url, tmp_path / "pq")
    assert written == counts
    for table in db.TABLES:
        t = pq.read_table(tmp_path / "pq" / f"{table.name}.parquet")
        assert t.num_rows == counts[table.name], table.name
        assert t.column_names == [c.name for c in table.columns]
    dates = pq.read_table(tmp_path / "pq" / "dates.parquet").to_pylist()
    first = [r for r in dates if r["article_id"] == "art-0000" and r["idx"] == 0][0]
    assert str(first["first_day"]) == "2023-03-22" and first["year_inferred"] is False
    numbers = pq.read_table(tmp_path / "pq" / "numbers.parquet").to_pylist()
    assert any(r["change_direction"] == "increase" and r["change_value"] == 0.4 for r in numbers)


def test_export_command(tmp_path: Path) -> None:
    path = tmp_path / "out.sqlite"
    write_all(f"sqlite:///{path}", sample_results(4, 1))
    res = CliRunner().invoke(app, ["export", str(path), "--parquet", str(tmp_path / "pq")])
    assert res.exit_code == 0, res.output
    assert "articles" in res.output and (tmp_path / "pq" / "event_participants.parquet").is_file()
    assert pq.read_table(tmp_path / "pq" / "errors.parquet").num_rows == 1
    missing = CliRunner().invoke(app, ["export", str(tmp_path / "nope.sqlite"), "--parquet", str(tmp_path / "x")])
    assert missing.exit_code == 2 and not (tmp_path / "nope.sqlite").exists()


def test_export_of_an_empty_database_writes_typed_files(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    db.create_db_engine(url).dispose()
    assert set(export_parquet(url, tmp_path / "pq").values()) == {0}
    t = pq.read_table(tmp_path / "pq" / "dates.parquet")
    assert t.num_rows == 0 and str(t.schema.field("first_day").type) == "date32[day]"
