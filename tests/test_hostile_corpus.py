"""The hostile-input corpus (tests/data/hostile/make_hostile.py) through the CLI: ``--workers 2`` and
``--workers 0``, into JSONL and SQLite (and PostgreSQL when QPEXTRACT_PG_URL is set).

Checked: one valid line (or row) per input, ids unique, nothing read from outside the folder,
the run within its time and memory limits, exit code 1 (some inputs failed) and no traceback.
"""

from __future__ import annotations

import json
import os
import resource
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tests" / "data" / "hostile"))
import make_hostile  # noqa: E402

from qpextract.models import Article, ErrorLine  # noqa: E402

TIME_LIMIT = 10  # per article, as the CLI is told
RUN_LIMIT = 240  # seconds for the whole corpus on a loaded 2-core machine
MEMORY_LIMIT_MB = 3000  # peak RSS of any process of a run


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_hostile.make(tmp_path_factory.mktemp("hostile"))


def run(*args: str) -> tuple[subprocess.CompletedProcess[bytes], float]:
    extra = os.environ.get("PYTHONPATH", "")
    env = {"PYTHONPATH": f"{ROOT / 'src'}:{extra}", "PATH": "/usr/bin:/bin"}
    started = time.monotonic()
    r = subprocess.run([sys.executable, "-m", "qpextract", "extract", *args, "--time-limit", str(TIME_LIMIT)],
                       capture_output=True, timeout=RUN_LIMIT * 2, env=env)
    return r, time.monotonic() - started


def check_run(r: subprocess.CompletedProcess[bytes], wall: float) -> None:
    assert r.returncode == 1, r.stderr.decode(errors="replace")[-2000:]  # some inputs failed, none aborted the run
    assert b"Traceback" not in r.stderr
    assert wall < RUN_LIMIT
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert peak_mb < MEMORY_LIMIT_MB


def check_results(results: dict[str, str | None]) -> None:
    for aid, kind in make_hostile.EXPECTED.items():
        assert aid in results, f"no line for {aid!r}"
        assert results[aid] == kind, f"{aid!r}: {results[aid]!r}, expected {kind!r}"
    rest = set(results) - set(make_hostile.EXPECTED)
    for aid in rest:
        assert aid.startswith(("s", "gzbomb", "manysmall", "m")), f"unexpected line {aid!r}"
    assert results["gzbomb:rest"] == "too_large" and results["manysmall:rest"] == "too_large"


@pytest.mark.parametrize("workers", ["2", "0"])
def test_hostile_corpus_into_jsonl(corpus: Path, tmp_path: Path, workers: str) -> None:
    out = tmp_path / "o.jsonl"
    r, wall = run(str(corpus), "-o", str(out), "--workers", workers, "-q")
    check_run(r, wall)
    text = out.read_bytes().decode("utf-8")  # strict: nothing unencodable got out
    assert make_hostile.SECRET not in text
    results: dict[str, str | None] = {}
    for raw in text.splitlines():
        obj = json.loads(raw)
        (ErrorLine if "error" in obj else Article).model_validate(obj)
        assert obj["id"] not in results, f"two lines for {obj['id']!r}"
        results[obj["id"]] = obj["error"]["kind"] if "error" in obj else None
    check_results(results)


@pytest.mark.parametrize("workers", ["2", "0"])
def test_hostile_corpus_into_sqlite(corpus: Path, tmp_path: Path, workers: str) -> None:
    db = tmp_path / "o.sqlite"
    r, wall = run(str(corpus), "-o", str(db), "--workers", workers, "-q")
    check_run(r, wall)
    with sqlite3.connect(db) as conn:
        rows = [(i, None) for (i,) in conn.execute("select id from articles")]
        rows += list(conn.execute("select id, kind from errors"))
        assert not conn.execute("select count(*) from articles where text like ?", (f"%{make_hostile.SECRET}%",)).fetchone()[0]
    results = dict(rows)
    assert len(results) == len(rows)
    check_results(results)
    r2, wall2 = run(str(corpus), "-o", str(db), "--workers", workers, "-q", "--resume")  # nothing left to do
    assert r2.returncode == 1 and b"Traceback" not in r2.stderr


@pytest.mark.postgres
def test_hostile_corpus_into_postgres(corpus: Path) -> None:
    url = os.environ.get("QPEXTRACT_PG_URL")
    if not url:
        pytest.skip("QPEXTRACT_PG_URL is not set (CI starts a server with .ci/start-postgres.sh)")
    import sqlalchemy as sa

    from qpextract.io.db import create_db_engine, delete_ids

    engine = create_db_engine(url)
    with engine.begin() as conn:
        old = [i for (i,) in conn.execute(sa.text("select id from articles union select id from errors"))]
        delete_ids(conn, old)
    r, wall = run(str(corpus), "--db", url, "--workers", "2", "-q")
    check_run(r, wall)
    with engine.connect() as conn:
        rows = [(i, None) for (i,) in conn.execute(sa.text("select id from articles"))]
        rows += [tuple(x) for x in conn.execute(sa.text("select id, kind from errors"))]
    engine.dispose()
    check_results(dict(rows))
