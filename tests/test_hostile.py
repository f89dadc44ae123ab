"""Regression tests for issue 15: one hostile input never aborts, hangs, garbles a run or reads outside it.

Each test is built from the repro of one "Found" item (numbered as in the issue).
"""

from __future__ import annotations

import gzip
import json
import math
import os
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

from qpextract.io.batch import EXIT_FATAL, BatchOptions, FatalError, Runner
from qpextract.text.decode import decode_bytes
from qpextract.io.readers import Limits, iter_inputs
from qpextract.io.sinks import JsonlSink
from qpextract.models import Article, ErrorLine, NumericResult

ARTICLE = "Chiều 22/3, Đại tá Lã Văn Hào dự hội nghị tổng kết công tác quốc phòng năm 2023."


def run_cli(*args: str, stdin: bytes | None = None, timeout: float = 300) -> subprocess.CompletedProcess[bytes]:
    extra = os.environ.get("PYTHONPATH", "")
    env = {"PYTHONPATH": f"{ROOT / 'src'}:{ROOT / 'tests'}:{extra}", "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "qpextract", *args], input=stdin, capture_output=True,
                          timeout=timeout, env=env)


def lines_of(path: Path) -> list[dict]:
    """Every line of a JSONL output, each checked to be a valid Article or error line."""
    out = []
    for raw in path.read_bytes().decode("utf-8").splitlines():  # strict UTF-8: no lone surrogate got out
        obj = json.loads(raw)
        (ErrorLine if "error" in obj else Article).model_validate(obj)
        out.append(obj)
    return out


def items(*paths: Path, **kw) -> list[dict]:
    follow = kw.pop("follow_links", False)
    return list(iter_inputs([str(p) for p in paths], Limits(**kw), follow_links=follow))


# -- 1. lone surrogates ---------------------------------------------------------------------------


def test_1_non_utf8_file_name_does_not_abort_a_pool_run(tmp_path: Path) -> None:
    d = tmp_path / "d"
    d.mkdir()
    (d / os.fsdecode(b"\xffx.txt")).write_text("Hội nghị.", encoding="utf-8")
    (d / "z.txt").write_text("Hội nghị.", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    r = run_cli("extract", str(d), "-o", str(out), "--workers", "2", "-q")
    assert r.returncode == 0, r.stderr
    assert sorted(line["id"] for line in lines_of(out)) == ["z", "\ufffdx"]


def test_1_surrogate_in_a_json_id_is_replaced(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    r = run_cli("extract", "-", "-o", str(out), "-q", stdin='{"id":"s\\udc00","text":"Hội nghị."}\n'.encode())
    assert r.returncode == 0, r.stderr
    assert [line["id"] for line in lines_of(out)] == ["s\ufffd"]


def test_1_library_extract_of_a_surrogate_serializes() -> None:
    import qpextract

    article = qpextract.extract("\ud800 Hội nghị.", id="x\udc00")
    line = article.model_dump_json()
    line.encode("utf-8")
    assert article.text.startswith("\ufffd") and article.id == "x\ufffd"
    assert any("surrogate" in w for w in article.warnings)


# -- 2. deep JSON -----------------------------------------------------------------------------------


def test_2_deeply_nested_json_line_is_one_parse_error(tmp_path: Path) -> None:
    feed = tmp_path / "deep.jsonl"
    feed.write_bytes(b'{"id":"a","text":"H\xe1\xbb\x99i ngh\xe1\xbb\x8b."}\n{"id":"x","text":'
                     + b"[" * 100_000 + b"]" * 100_000 + b"}\n")
    got = items(feed)
    assert [(i["id"], i.get("error", (None,))[0]) for i in got] == [("a", None), ("x", "parse")]
    assert "nested too deeply" in got[1]["error"][1]


# -- 3. numbers that overflow -------------------------------------------------------------------------

OVERFLOW = "Tỉnh chi 1" + ".000" * 103 + " đồng."


def test_3_models_reject_non_finite_floats() -> None:
    for bad in (math.inf, -math.inf, math.nan):
        with pytest.raises(ValueError):
            NumericResult(text="x", start=0, end=1, value=bad, unit="money")


def test_3_overflowing_number_never_reaches_the_models() -> None:
    import qpextract

    for text in (OVERFLOW, "Tỉnh chi " + "9" * 5000 + " đồng."):
        article = qpextract.extract(text)
        assert all(math.isfinite(n.value) for n in article.numbers)
        Article.model_validate_json(article.model_dump_json())


def test_3_overflow_into_sqlite_and_resume(tmp_path: Path) -> None:
    feed = tmp_path / "n.jsonl"
    feed.write_text(json.dumps({"id": "n", "text": OVERFLOW}, ensure_ascii=False) + "\n", encoding="utf-8")
    db = tmp_path / "o.sqlite"
    for extra in ((), ("--resume",)):
        r = run_cli("extract", str(feed), "-o", str(db), "--workers", "0", "-q", *extra)
        assert r.returncode == 0, r.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from articles").fetchone() == (1,)


# -- 4. UTF-8 with one bad byte -------------------------------------------------------------------------


def test_4_utf8_with_one_bad_byte_stays_utf8_with_a_warning() -> None:
    decoded = decode_bytes((ARTICLE + ".").encode() + b"\xff")
    assert decoded.text == ARTICLE + ".\ufffd"
    assert decoded.note and "not UTF-8" in decoded.note and "TCVN3" not in decoded.note


def test_4_truncated_last_character_is_not_taken_for_tcvn3() -> None:
    data = ARTICLE.encode()[:-2]  # "." and half of the last letter gone
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8" and decoded.text.startswith("Chiều 22/3, Đại tá Lã Văn Hào")


def test_4_real_tcvn3_still_converts() -> None:
    data = (ROOT / "tests" / "data" / "inputs" / "mixed" / "tcvn3.txt").read_bytes()
    assert decode_bytes(data).encoding == "tcvn3"


# -- 5. duplicate ids ---------------------------------------------------------------------------------


def test_5_duplicate_ids_get_stable_distinct_ids(tmp_path: Path) -> None:
    feed = tmp_path / "f.jsonl"
    feed.write_text("".join(json.dumps({"id": "a", "text": f"Hội nghị {i}."}) + "\n" for i in range(3))
                    + json.dumps({"id": "a#2", "text": "x"}) + "\n", encoding="utf-8")
    ids = [i["id"] for i in items(feed)]
    assert ids == ["a", "a#2", "a#3", "a#2#2"]
    assert ids == [i["id"] for i in items(feed)]  # the same in every run


def test_5_same_named_feeds_in_two_folders_give_every_row(tmp_path: Path) -> None:
    for sub in ("x", "y"):
        (tmp_path / "in" / sub).mkdir(parents=True)
        (tmp_path / "in" / sub / "feed.jsonl").write_text(
            "".join(json.dumps({"text": f"Hội nghị {sub} {i}."}) + "\n" for i in range(100)), encoding="utf-8")
    db = tmp_path / "o.sqlite"
    r = run_cli("extract", str(tmp_path / "in"), "-o", str(db), "--workers", "0", "-q")
    assert r.returncode == 0, r.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from articles").fetchone() == (200,)


def test_5_resume_is_exact_with_duplicate_ids(tmp_path: Path) -> None:
    feed = tmp_path / "f.jsonl"
    feed.write_text("".join(json.dumps({"id": f"k{i % 5}", "text": f"Hội nghị {i}."}) + "\n" for i in range(40)),
                    encoding="utf-8")
    full = tmp_path / "full.jsonl"
    assert run_cli("extract", str(feed), "-o", str(full), "--workers", "0", "-q").returncode == 0
    part = tmp_path / "part.jsonl"
    part.write_text("".join(full.read_text(encoding="utf-8").splitlines(keepends=True)[:13]), encoding="utf-8")
    r = run_cli("extract", str(feed), "-o", str(part), "--workers", "0", "--resume")
    assert r.returncode == 0 and b"13 already done" in r.stderr, r.stderr
    assert [x["id"] for x in lines_of(part)] == [x["id"] for x in lines_of(full)]


# -- 6. special files ----------------------------------------------------------------------------------


def test_6_fifo_and_device_links_are_error_lines_not_hangs(tmp_path: Path) -> None:
    d = tmp_path / "d"
    d.mkdir()
    os.mkfifo(d / "pipe.txt")
    (d / "zero.txt").symlink_to("/dev/zero")
    (d / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    started = time.monotonic()
    got = {i["id"]: i.get("error", (None, ""))[0] for i in items(d, follow_links=True)}
    assert time.monotonic() - started < 10
    assert got == {"ok": None, "pipe": "parse", "zero": "parse"}


def test_6_links_out_of_the_folder_need_follow_links(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Bí mật " + ARTICLE, encoding="utf-8")
    d = tmp_path / "d"
    d.mkdir()
    (d / "leak.txt").symlink_to(secret)
    (d / "inside.txt").symlink_to(d / "real.txt")
    (d / "real.txt").write_text(ARTICLE, encoding="utf-8")
    got = {i["id"]: i for i in items(d)}
    assert got["leak"]["error"][0] == "parse" and "--follow-links" in got["leak"]["error"][1]
    assert "error" not in got["inside"] and "error" not in got["real"]
    out = tmp_path / "o.jsonl"
    r = run_cli("extract", str(d), "-o", str(out), "--workers", "0", "-q")
    assert r.returncode == 1 and "Bí mật" not in out.read_text(encoding="utf-8")
    r = run_cli("extract", str(d), "-o", str(out), "--workers", "0", "-q", "--follow-links")
    assert r.returncode == 0 and "Bí mật" in out.read_text(encoding="utf-8")


def test_6_size_cap_counts_bytes_read(tmp_path: Path) -> None:
    d = tmp_path / "d"
    d.mkdir()
    (d / "zero.txt").symlink_to("/dev/zero")
    got = items(d / "zero.txt", max_bytes=1000)  # named on the command line: followed, but not a regular file
    assert got[0]["error"][0] == "parse" and "not a regular file" in got[0]["error"][1]


# -- 7. time limit where the slow part is in C ----------------------------------------------------------------


@pytest.mark.parametrize("workers", ["0", "2"])
def test_7_combining_marks_and_attribute_bombs_stay_within_the_limit(tmp_path: Path, workers: str) -> None:
    d = tmp_path / "d"
    d.mkdir()
    (d / "marks.txt").write_text("a" + "\u0301\u0323\u0300\u0303" * 75_000, encoding="utf-8")  # 600 KB of marks
    (d / "attrs.html").write_text("<html><body><p " + " ".join(f"a{i}=1" for i in range(300_000))
                                  + f">{ARTICLE}</p></body></html>", encoding="utf-8")
    (d / "deep.html").write_text("<html><body>" + "<div>" * 100_000 + ARTICLE + "</body></html>", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    started = time.monotonic()
    r = run_cli("extract", str(d), "-o", str(out), "--workers", workers, "--time-limit", "10", "-q",
                "--max-bytes", str(8 * 1024 * 1024))
    assert time.monotonic() - started < 60
    got = {x["id"]: x for x in lines_of(out)}
    assert set(got) == {"marks", "attrs", "deep"}, r.stderr
    assert "Đại tá" in got["attrs"]["text"] and "Đại tá" in got["deep"]["text"]


# -- 8. bombs -----------------------------------------------------------------------------------------------


def test_8_gzipped_jsonl_inside_a_zip_is_capped(tmp_path: Path) -> None:
    line = (json.dumps({"text": "Hội nghị."}) + "\n").encode()
    z = tmp_path / "b.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("feed.jsonl.gz", gzip.compress(line * 2_000_000, 9))  # 44 MB of lines in ~100 KB
    got = items(z)
    assert got[-1]["error"][0] == "too_large"
    assert (len(got) - 1) * len(line) <= Limits().max_ratio * z.stat().st_size  # not the 2 million lines


def test_8_many_small_members_are_capped_by_the_archive_total(tmp_path: Path) -> None:
    z = tmp_path / "m.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        for i in range(300):
            zf.writestr(f"m{i}.txt", b"a" * (1024 * 1024 - 1))  # each 1 MiB - 1: under the old per-member check
    got = items(z, max_bytes=2 * 1024 * 1024)
    read = sum(1 for i in got if "error" not in i)
    assert got[-1]["error"][0] == "too_large" and read < 100


# -- 9. memory and output per article -----------------------------------------------------------------------


def test_9_records_per_article_are_capped() -> None:
    from qpextract.io.batch import process_item
    from qpextract.pipeline import Pipeline

    text = " ".join(f"Đại tá Lã Văn Hào {i} dự hội nghị ngày {1 + i % 28}/3/2023." for i in range(50))
    _, kind, line, _ = process_item(Pipeline(), {"id": "r", "text": text}, 0, BatchOptions(max_records=20))
    assert kind == "too_large" and "records" in line


def test_9_memory_per_worker_is_capped(tmp_path: Path) -> None:
    from qpextract.io.sinks import JsonlSink

    out = tmp_path / "o.jsonl"
    sink = JsonlSink(str(out))
    options = BatchOptions(workers=1, max_memory_mb=300, pipeline="hostile_helpers:HogPipeline", time_limit=30)
    summary = Runner(sink, options).run(iter([{"id": "hog", "text": "HOG " + ARTICLE}, {"id": "ok", "text": ARTICLE}]))
    sink.close()
    got = {x["id"]: x for x in lines_of(out)}
    assert got["hog"]["error"]["kind"] in ("too_large", "internal") and "error" not in got["ok"]
    assert summary.articles == 1


# -- 10. fatal conditions ------------------------------------------------------------------------------------


def test_10_disk_full_is_one_line_and_its_own_exit_code(tmp_path: Path) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    r = run_cli("extract", str(tmp_path / "a.txt"), "-o", "/dev/full", "--workers", "0", "-q")
    assert r.returncode == EXIT_FATAL == 3
    err = r.stderr.decode().strip().splitlines()
    assert len(err) == 1 and err[0].startswith("qpextract: fatal:") and "Traceback" not in r.stderr.decode()


def test_10_lost_database_is_fatal_and_keeps_what_was_written(tmp_path: Path) -> None:
    import sqlalchemy as sa

    class LosingSink:
        def __init__(self) -> None:
            self.written: list[str] = []

        def write(self, result, content_hash) -> None:  # noqa: ANN001
            if len(self.written) == 2:
                raise sa.exc.OperationalError("INSERT", {}, Exception("server closed the connection unexpectedly"))
            self.written.append(result.id)

    sink = LosingSink()
    feed = [{"id": f"a{i}", "text": ARTICLE} for i in range(5)]
    with pytest.raises(FatalError, match="server closed the connection"):
        Runner(sink, BatchOptions(workers=0)).run(iter(feed))
    assert sink.written == ["a0", "a1"]


def test_10_a_runner_crash_is_fatal_not_a_traceback(tmp_path: Path) -> None:
    def broken():
        yield {"id": "a", "text": ARTICLE}
        raise RuntimeError("reader broke")

    out = tmp_path / "o.jsonl"
    sink = JsonlSink(str(out))
    with pytest.raises(FatalError, match="reader broke"):
        Runner(sink, BatchOptions(workers=0)).run(broken())
    sink.close()
    assert [x["id"] for x in lines_of(out)] == ["a"]


# -- 11. smaller ------------------------------------------------------------------------------------------


def test_11_unreadable_file_keeps_its_own_id(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "name.txt")
    assert [i["id"] for i in items(tmp_path)] == ["name"]


@pytest.mark.parametrize("case", ["negative", "trailing", "truncated"])
def test_11_broken_warc_is_reported(tmp_path: Path, case: str) -> None:
    good = (ROOT / "tests" / "data" / "inputs" / "mixed" / "crawl.warc.gz").read_bytes()
    if case == "negative":
        path = tmp_path / "n.warc"
        path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: -5\r\n\r\n")
    elif case == "trailing":
        path = tmp_path / "t.warc"
        path.write_bytes(gzip.decompress(good) + b"garbage that is no record\n")
    else:
        path = tmp_path / "c.warc.gz"
        path.write_bytes(good[:-40])
    got = items(path)
    assert got[-1]["error"][0] == "parse"


def test_11_killed_worker_is_retried_by_resume(tmp_path: Path) -> None:
    feed = tmp_path / "f.jsonl"
    feed.write_text(json.dumps({"id": "a", "text": ARTICLE}) + "\n" + json.dumps({"id": "b", "text": ARTICLE}) + "\n",
                    encoding="utf-8")
    out = tmp_path / "o.jsonl"
    killed = {"schema_version": "2", "id": "a", "source": None,
              "error": {"kind": "internal", "message": "the worker process died (killed by signal 9) on this article"}}
    out.write_text(json.dumps(killed) + "\n", encoding="utf-8")
    r = run_cli("extract", str(feed), "-o", str(out), "--workers", "0", "--resume", "-q")
    assert r.returncode == 0, r.stderr
    got = lines_of(out)
    assert sorted(x["id"] for x in got) == ["a", "b"] and all("error" not in x for x in got)


def test_11_nul_and_replacement_ids_stay_two_rows(tmp_path: Path) -> None:
    feed = tmp_path / "f.jsonl"
    feed.write_text(json.dumps({"id": "n\u0000", "text": ARTICLE}) + "\n"
                    + json.dumps({"id": "n\ufffd", "text": ARTICLE}) + "\n", encoding="utf-8")
    db = tmp_path / "o.sqlite"
    r = run_cli("extract", str(feed), "-o", str(db), "--workers", "0", "-q")
    assert r.returncode == 0, r.stderr
    with sqlite3.connect(db) as conn:
        assert sorted(x for (x,) in conn.execute("select id from articles")) == ["n\ufffd", "n\ufffd#2"]


def test_11_far_future_published_is_ignored_with_a_warning(tmp_path: Path) -> None:
    feed = tmp_path / "f.jsonl"
    feed.write_text(json.dumps({"id": "f", "text": "Ngày 22/3, Đại tá Lã Văn Hào dự hội nghị.",
                                "published": "9999-12-31"}) + "\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert run_cli("extract", str(feed), "-o", str(out), "--workers", "0", "-q").returncode == 0
    (line,) = lines_of(out)
    assert line["published"] is None and any("9999-12-31" in w for w in line["warnings"])
    assert all(not (d["value"] or "").startswith("1000") for d in line["dates"])


@pytest.mark.postgres
def test_10_lost_postgres_connection_exits_3_and_resume_finishes(tmp_path: Path) -> None:
    url = os.environ.get("QPEXTRACT_PG_URL")
    if not url:
        pytest.skip("QPEXTRACT_PG_URL is not set (CI starts a server with .ci/start-postgres.sh)")
    import sqlalchemy as sa

    from qpextract.io.db import create_db_engine, delete_ids

    engine = create_db_engine(url)
    with engine.begin() as conn:
        delete_ids(conn, [i for (i,) in conn.execute(sa.text("select id from articles union select id from errors"))])
    feed = tmp_path / "f.jsonl"
    n = 3000
    feed.write_text("".join(json.dumps({"id": f"lost-{i:05d}", "text": f"{ARTICLE} {i}"}, ensure_ascii=False) + "\n"
                            for i in range(n)), encoding="utf-8")
    extra = os.environ.get("PYTHONPATH", "")
    env = {"PYTHONPATH": f"{ROOT / 'src'}:{extra}", "PATH": "/usr/bin:/bin"}
    proc = subprocess.Popen([sys.executable, "-m", "qpextract", "extract", str(feed), "--db", url, "--workers", "0", "-q"],
                            stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None and stored < 400:
        time.sleep(0.2)
        with engine.connect() as conn:
            stored = conn.execute(sa.text("select count(*) from articles")).scalar_one()
    with engine.connect() as conn:  # the server drops every other session: the run's connection is gone
        conn.execute(sa.text("select pg_terminate_backend(pid) from pg_stat_activity "
                             "where datname = current_database() and pid <> pg_backend_pid()"))
    _, err = proc.communicate(timeout=300)
    if proc.returncode == 0:
        pytest.skip("the run finished before its connection could be dropped")
    assert proc.returncode == EXIT_FATAL, err.decode(errors="replace")[-2000:]
    lines = err.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("qpextract: fatal:") and b"Traceback" not in err
    with engine.connect() as conn:
        kept = conn.execute(sa.text("select count(*) from articles")).scalar_one()
    assert kept >= stored  # nothing committed was lost
    r = run_cli("extract", str(feed), "--db", url, "--workers", "0", "-q", "--resume")
    assert r.returncode == 0, r.stderr
    with engine.connect() as conn:
        assert conn.execute(sa.text("select count(*) from articles")).scalar_one() == n
    engine.dispose()


@pytest.mark.parametrize("workers", ["0", "1"])
def test_9_memory_cap_holds_through_the_cli(tmp_path: Path, workers: str) -> None:
    feed = tmp_path / "f.jsonl"
    feed.write_text(json.dumps({"id": "hog", "text": "HOG " + ARTICLE}, ensure_ascii=False) + "\n"
                    + json.dumps({"id": "ok", "text": ARTICLE}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    r = run_cli("extract", str(feed), "-o", str(out), "--workers", workers, "--max-memory", "300", "-q",
                "--pipeline", "hostile_helpers:HogPipeline")
    assert r.returncode == 1, r.stderr
    got = {x["id"]: x for x in lines_of(out)}
    assert got["hog"]["error"]["kind"] == "too_large" and "error" not in got["ok"]
