"""`qpextract extract` into a database, killed midway and resumed: one row set per article, on both back ends.

Runs when the `extract` command has ``--resume`` and database output; until
then it skips with that reason (test_db.py covers kill/resume through the sink).
"""

from __future__ import annotations

import inspect
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

sa = pytest.importorskip("sqlalchemy")

from test_db import PG_URL, NO_PG, _pg_admin_engine, _pg_url_for  # noqa: E402

from qpextract import cli  # noqa: E402
from qpextract.io import db  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def _cli_has_db_resume() -> bool:
    params = inspect.signature(cli.extract).parameters
    return "resume" in params and "db" in params


pytestmark = pytest.mark.skipif(not _cli_has_db_resume(), reason="`extract --resume/--db` is not on this branch yet")


def _cmd(inputs: Path, target: list[str], *extra: str) -> list[str]:
    code = "import sys; from qpextract.cli import main; main(sys.argv[1:])"
    return [sys.executable, "-c", code, "extract", str(inputs), *target, "--workers", "2", "-q", *extra]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    return env


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def targets(request, tmp_path):
    """(CLI target args, url) for the killed run and for the clean reference run."""
    if request.param == "sqlite":
        yield [(["-o", str(tmp_path / f"{n}.sqlite")], f"sqlite:///{tmp_path / f'{n}.sqlite'}") for n in ("k", "c")]
        return
    if not PG_URL:
        pytest.skip(NO_PG)
    names = [f"qpx_cli_{n}_{os.getpid()}_{int(time.time() * 1000) % 10**8}" for n in ("k", "c")]
    with _pg_admin_engine().connect() as conn:
        for name in names:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield [(["--db", _pg_url_for(name)], _pg_url_for(name)) for name in names]
    finally:
        with _pg_admin_engine().connect() as conn:
            for name in names:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def _stored(url: str) -> int:
    try:
        counts = db.table_counts(url)
    except sa.exc.DBAPIError:  # the run is still creating the schema
        return 0
    return counts["articles"] + counts["errors"]


def test_killed_extract_resumes_to_the_same_database(shared, targets, tmp_path) -> None:
    lines = [line for line in (shared / "corpus-real" / "articles.jsonl").open(encoding="utf-8") if line.strip()]
    corpus = tmp_path / "in.jsonl"
    # all 2,000 articles (ten batches of the sink): on a loaded machine a shorter run
    # could finish between two polls and never be killed midway
    corpus.write_text("".join(lines), encoding="utf-8")
    n_inputs = len(lines)
    (killed_args, killed_url), (clean_args, clean_url) = targets

    proc = subprocess.Popen(_cmd(corpus, killed_args), env=_env(), start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.2)
            if _stored(killed_url) >= 200:  # one batch committed
                break
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)  # the main process and its workers, no clean-up
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    assert 0 < _stored(killed_url) < n_inputs

    resumed = subprocess.run(_cmd(corpus, killed_args, "--resume"), env=_env())
    assert resumed.returncode in (0, 1), resumed  # 1: some inputs became error lines
    clean = subprocess.run(_cmd(corpus, clean_args), env=_env())
    assert clean.returncode == resumed.returncode

    counts = db.table_counts(killed_url)
    assert counts["articles"] + counts["errors"] == n_inputs
    assert counts == db.table_counts(clean_url)
    assert db.table_checksums(killed_url) == db.table_checksums(clean_url)
