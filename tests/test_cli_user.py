"""The command line as a new user meets it (issue #13): exit codes, one-line messages, honest outputs,
a read-only export, the output-line schema, explain reading like extract, the progress bar's ETA.
Each test failed on 6e0708a."""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT

MIXED = Path(__file__).parent / "data" / "inputs" / "mixed"
SENTENCE = "Công tác QP-QSĐP của LLVT thành phố."


def qpx(*args: str, stdin: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "qpextract", *args], input=stdin, capture_output=True, text=True,
                          timeout=300, env={**os.environ, **(env or {})})


def here(*args: str) -> subprocess.CompletedProcess[str]:
    """The command run in this process (fast), with the same result shape as ``qpx``."""
    from typer.testing import CliRunner

    from qpextract.cli import app

    r = CliRunner().invoke(app, list(args), prog_name="qpextract", terminal_width=120)
    return subprocess.CompletedProcess(args, r.exit_code, r.stdout, r.stderr)


def one_line_error(r: subprocess.CompletedProcess[str], *needles: str) -> None:
    """Exit code 2, a short message naming what is wrong, no traceback."""
    assert r.returncode == 2, (r.returncode, r.stderr[-2000:])
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) <= 2, r.stderr[-2000:]
    for needle in needles:
        assert needle in r.stderr, (needle, r.stderr)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- the command itself -------------------------------------------------------------------------


def test_version() -> None:
    import qpextract

    r = here("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"qpextract {qpextract.__version__}"


@pytest.mark.parametrize("command", [[], ["extract"], ["evaluate"], ["explain"], ["export"], ["schema"]])
def test_help_has_no_type_labels(command: list[str]) -> None:
    r = here(*command, "--help")
    assert r.returncode == 0
    assert not re.search(r"<(?:list\[str\]|bool|str|int|float|path)[^>]*>|\{\w+\}", r.stdout), r.stdout


# -- extract: outputs and databases ---------------------------------------------------------------


@pytest.mark.parametrize("name, needle", [("out.parquet", "export"), ("out.csv", "CSV"), ("out.txt", ".jsonl")])
def test_an_output_extract_does_not_write_is_refused(tmp_path: Path, name: str, needle: str) -> None:
    r = here("extract", str(MIXED / "plain.txt"), "-o", str(tmp_path / name), "-q")
    one_line_error(r, needle)
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize("url", ["mysql://u@localhost/db", "postgresql://nobody@127.0.0.1:1/none"])
def test_a_database_url_that_cannot_work_is_exit_code_2(tmp_path: Path, url: str) -> None:
    one_line_error(here("extract", str(MIXED / "plain.txt"), "--db", url, "-q"), "database")


def _fake_missing(tmp_path: Path, *modules: str) -> dict[str, str]:
    """An environment where importing ``modules`` fails, as after a plain ``pip install qpextract``."""
    for name in modules:
        (tmp_path / "missing" / name).mkdir(parents=True)
        (tmp_path / "missing" / name / "__init__.py").write_text(f"raise ImportError('no {name} here (test)')\n")
    return {"PYTHONPATH": os.pathsep.join([str(tmp_path / "missing"), os.environ.get("PYTHONPATH", "")])}


def test_a_missing_extra_is_named(tmp_path: Path) -> None:
    env = _fake_missing(tmp_path, "psycopg", "pyarrow", "pyspark")
    one_line_error(qpx("extract", str(MIXED / "plain.txt"), "--db", "postgresql://u@127.0.0.1:1/db", "-q", env=env),
                   "qpextract[postgres]")
    db = tmp_path / "out.sqlite"
    assert qpx("extract", str(MIXED / "plain.txt"), "-o", str(db), "-q", env=env).returncode == 0
    one_line_error(qpx("export", str(db), "--parquet", str(tmp_path / "pq"), env=env), "qpextract[parquet]")
    one_line_error(qpx("spark", str(MIXED / "lines.jsonl"), str(tmp_path / "sp"), env=env), "qpextract[spark]")


@pytest.fixture
def seeds_db(tmp_path: Path) -> Path:
    db = tmp_path / "seeds.sqlite"
    assert qpx("extract", str(CORPUS / "seeds"), "-o", str(db), "-q").returncode == 0
    return db


def _older(db: Path) -> Path:
    """The database as an older qpextract left it: a column of this version missing."""
    con = sqlite3.connect(db)
    con.execute("DROP INDEX IF EXISTS ix_dates_first_day")
    con.execute("ALTER TABLE dates DROP COLUMN first_day")
    con.commit()
    con.close()
    return db


def test_an_older_database_schema_is_a_message_and_exit_code_2(seeds_db: Path, tmp_path: Path) -> None:
    old = _older(seeds_db)
    one_line_error(qpx("extract", str(CORPUS / "seeds"), "-o", str(old), "-q"), "older qpextract")
    one_line_error(qpx("export", str(old), "--parquet", str(tmp_path / "pq")), "older qpextract")
    assert not (tmp_path / "pq").exists()


# -- export only reads ----------------------------------------------------------------------------


def test_export_leaves_a_foreign_database_untouched(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE notes (x TEXT)")
    con.execute("INSERT INTO notes VALUES ('keep me')")
    con.commit()
    con.close()
    before = digest(other)
    one_line_error(qpx("export", str(other), "--parquet", str(tmp_path / "pq")), "not a qpextract database")
    assert digest(other) == before and not (tmp_path / "pq").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.sqlite"]  # no -wal, no -shm
    con = sqlite3.connect(other)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert [r[0] for r in con.execute("SELECT name FROM sqlite_master")] == ["notes"]


def test_export_does_not_write_to_the_database_it_reads(seeds_db: Path, tmp_path: Path) -> None:
    before = digest(seeds_db)
    seeds_db.chmod(0o444)  # a read-only file exports too
    try:
        r = qpx("export", str(seeds_db), "--parquet", str(tmp_path / "pq"))
    finally:
        seeds_db.chmod(0o644)
    assert r.returncode == 0, r.stderr
    assert digest(seeds_db) == before and (tmp_path / "pq" / "articles.parquet").is_file()


def test_export_to_an_unreachable_postgresql_is_one_line() -> None:
    one_line_error(here("export", "postgresql://nobody@127.0.0.1:1/none", "--parquet", "unused"), "database")


# -- schema ---------------------------------------------------------------------------------------


def test_schema_validates_every_output_line_with_descriptions(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema comes with the test extra")
    schema = json.loads(qpx("schema").stdout)
    validator = jsonschema.Draft202012Validator(schema)
    stdin = json.dumps({"id": "a", "text": SENTENCE}) + "\n{broken\n" + json.dumps({"id": "e", "text": " "}) + "\n"
    lines = [json.loads(x) for x in qpx("extract", "-", "-o", "-", "-q", stdin=stdin).stdout.splitlines()]
    assert [("error" in x) for x in lines] == [False, True, True]
    for line in lines:
        validator.validate(line)
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({**lines[0], "error": lines[1]["error"]})  # neither an Article nor an error line
    undescribed = [
        f"{model}.{name}"
        for model, body in schema["$defs"].items()
        for name, prop in body.get("properties", {}).items()
        if not prop.get("description")
    ]
    assert not undescribed, undescribed


# -- explain reads like extract -------------------------------------------------------------------


def test_explain_a_missing_file_is_an_error() -> None:
    one_line_error(qpx("explain", "no/such/article.txt"), "no such file")


def test_explain_of_nothing_is_a_message() -> None:
    one_line_error(qpx("explain", ""), "nothing to explain")


def test_explain_a_sentence_longer_than_a_file_name() -> None:
    """A long sentence is text to explain, not a file name the system refuses (over 255 bytes)."""
    long = "Đại tá Nguyễn Văn An, Chỉ huy trưởng Bộ CHQS tỉnh, phát biểu tại hội nghị tổng kết LLVT. " * 4
    r = qpx("explain", long)
    assert r.returncode == 0 and "Nguyễn Văn An" in r.stdout, r.stderr


def test_explain_reads_standard_input() -> None:
    r = qpx("explain", "-", stdin=SENTENCE)
    assert r.returncode == 0 and "abbr.table" in r.stdout and "LLVT" in r.stdout


def test_explain_reads_a_cp1258_file_as_extract_does() -> None:
    r = qpx("explain", str(MIXED / "cp1258.txt"))
    assert r.returncode == 0, r.stderr
    (line,) = [json.loads(x) for x in qpx("extract", str(MIXED / "cp1258.txt"), "-o", "-", "-q").stdout.splitlines()]
    assert line["dates"] and all(d["text"] in r.stdout for d in line["dates"])


def test_explain_of_an_html_page_explains_its_main_text() -> None:
    r = qpx("explain", str(MIXED / "page.html"))
    assert r.returncode == 0 and r.stdout.strip(), r.stderr
    assert "<" not in r.stdout and "Lào Cai" not in r.stdout  # only in the page's <title> and footer
    (line,) = [json.loads(x) for x in qpx("extract", str(MIXED / "page.html"), "-o", "-", "-q").stdout.splitlines()]
    assert all(d["text"] in r.stdout for d in line["dates"])


# -- evaluate -------------------------------------------------------------------------------------


def test_evaluate_a_missing_file_is_an_error(tmp_path: Path) -> None:
    one_line_error(qpx("evaluate", str(CORPUS / "gold" / "seeds.jsonl"), str(tmp_path / "nope.jsonl")), "nope.jsonl")


def test_evaluate_with_gold_and_output_swapped_says_so(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert qpx("extract", str(CORPUS / "seeds"), "-o", str(out), "-q").returncode == 0
    one_line_error(qpx("evaluate", str(out), str(CORPUS / "gold" / "seeds.jsonl")), "swapped")


def test_evaluate_prints_the_text_not_folded_keys(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    out = tmp_path / "out.jsonl"
    position = "Chủ tịch Ủy ban nhân dân thành phố"
    gold.write_text(json.dumps({"id": "a", "officials": [{"name": "Lã Văn Hào", "positions": [position]}]},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    out.write_text(json.dumps({"schema_version": "2", "id": "a", "text": "x",
                               "officials": [{"name": "Lã Văn Hào", "positions": []}]}, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    r = qpx("evaluate", str(gold), str(out))
    assert r.returncode == 0, r.stderr
    assert f"missed position '{position}'" in r.stdout, r.stdout


# -- CI and the progress bar ----------------------------------------------------------------------


def test_ci_stops_its_postgresql_server_when_the_tests_end() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    trap = re.search(r"^\s*trap\s+'([^']*)'\s+EXIT", script, re.M)
    assert trap and "start-postgres.sh --stop" in trap.group(1)
    assert script.index(trap.group(0)) < script.index('QPEXTRACT_PG_URL="$(bash .ci/start-postgres.sh)"')


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_the_progress_bar_on_a_terminal_shows_a_total_and_an_eta(tmp_path: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((CORPUS / "seeds").glob("*.txt"))]
    inputs = tmp_path / "in.jsonl"
    inputs.write_text("".join(json.dumps({"id": f"a{i}", "text": texts[i % 5]}, ensure_ascii=False) + "\n"
                              for i in range(40)), encoding="utf-8")
    master, slave = os.openpty()
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "160"}
    proc = subprocess.Popen([sys.executable, "-m", "qpextract", "extract", str(inputs), "-o", str(tmp_path / "o.jsonl"),
                             "-w", "0"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave, env=env)
    os.close(slave)
    screen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        screen += chunk
    proc.wait(timeout=300)
    os.close(master)
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.decode("utf-8", "replace"))
    assert proc.returncode == 0, text[-2000:]
    assert "40/40" in text and "/?" not in text.split("40/40")[-1], text[-2000:]
    assert re.search(r"ETA\s+\d+:\d\d:\d\d", text), text[-2000:]
