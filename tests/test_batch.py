"""The batch runner: exactly one line per input, in order, through time-outs, crashes, kills and resumes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import CORPUS, ROOT, load_jsonl

from qpextract.io.batch import BatchOptions, Runner
from qpextract.io.readers import iter_inputs
from qpextract.io.sinks import JsonlSink

SEEDS = sorted((CORPUS / "seeds").glob("*.txt"))


def env(**extra: str) -> dict[str, str]:
    return {"PYTHONPATH": f"{ROOT / 'src'}:{ROOT / 'tests'}", "PATH": "/usr/bin:/bin", **extra}


def qpx(*args: str, stdin: str | None = None, timeout: float = 300, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qpextract", *args], input=stdin, capture_output=True, text=True, timeout=timeout,
        env=env(**extra),
    )


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(x) for x in path.read_text().split()] if path.exists() else []


def alive(pid: int) -> bool:
    """Running (a zombie waiting for a reaper counts as gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def seed_lines(n: int) -> list[dict]:
    """n inputs made of the seed articles under new ids."""
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    return [{"id": f"a{i:05d}", "text": texts[i % len(texts)]} for i in range(n)]


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_pool_and_in_process_give_the_same_lines_in_input_order(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", seed_lines(12) + [{"id": "blank", "text": " "}])
    outs = []
    for workers in (0, 2):
        out = tmp_path / f"out{workers}.jsonl"
        sink = JsonlSink(str(out))
        summary = Runner(sink, BatchOptions(workers=workers)).run(iter_inputs([str(src)]))
        sink.close()
        assert summary.articles == 12 and dict(summary.errors) == {"empty": 1}
        outs.append(out.read_text(encoding="utf-8"))
    assert outs[0] == outs[1]
    assert [json.loads(x)["id"] for x in outs[0].splitlines()] == [f"a{i:05d}" for i in range(12)] + ["blank"]


def misbehaving_run(tmp_path: Path, time_limit: str, sleep: str) -> tuple[list[dict], list[dict], subprocess.CompletedProcess[str], list[str]]:
    """Eight articles, four of them misbehaving, through the pool: (inputs, output lines, the run, the sleeps that ran
    to their end)."""
    rows = seed_lines(8)
    for i, word in ((1, "SLEEP"), (3, "HANG"), (5, "CRASH"), (6, "BOOM")):
        rows[i]["text"] = f"{word} " + rows[i]["text"]
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out.jsonl"
    marks = tmp_path / "marks"
    marks.mkdir()
    r = qpx(
        "extract", str(src), "-o", str(out), "--workers", "2", "--time-limit", time_limit,
        "--pipeline", "batch_helpers:MisbehavingPipeline", "-v", QPX_TEST_MARKS=str(marks), QPX_TEST_SLEEP=sleep,
    )
    return rows, load_jsonl(out), r, sorted(p.name for p in marks.iterdir())


def test_time_limit_crash_and_hang_each_cost_one_error_line_and_the_run_goes_on(tmp_path: Path) -> None:
    # the limit is the runner's wall-clock alarm: 3 s is far above a seed article's 0.01-0.1 s of work even on a
    # loaded machine (0.5 s was not: a good article could time out) and far below the sleep (30 s) and the hang (60 s)
    rows, lines, r, ran = misbehaving_run(tmp_path, "3", "30")
    assert r.returncode == 1, r.stderr
    assert [line["id"] for line in lines] == [row["id"] for row in rows], "one line per input, in order"
    kinds = [line.get("error", {}).get("kind") for line in lines]
    assert kinds == [None, "internal", None, "internal", None, "internal", "internal", None]
    assert "time limit of 3 s" in lines[1]["error"]["message"]  # the alarm stopped the sleep
    assert "time limit of 3 s" in lines[3]["error"]["message"] and "replaced" in lines[3]["error"]["message"]
    assert "died" in lines[5]["error"]["message"]
    assert "boom" in lines[6]["error"]["message"]
    assert "workers replaced: 2" in r.stderr
    assert ran == [], "neither the 30 s sleep nor the 60 s hang ran to its end"


def test_a_sleep_that_no_limit_stops_leaves_its_mark(tmp_path: Path) -> None:
    """The check above can fail: with no time limit the sleep and the hang (of 1 and 2 s here) run to their end."""
    rows, lines, r, ran = misbehaving_run(tmp_path, "0", "1")
    assert ran == ["HANG", "SLEEP"], r.stderr
    assert [line["id"] for line in lines] == [row["id"] for row in rows]


def test_sigkill_midway_then_resume_leaves_exactly_one_line_per_input(tmp_path: Path) -> None:
    rows = seed_lines(1500)
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "qpextract", "extract", str(src), "-o", str(out), "--workers", "2", "-q"]
    proc = subprocess.Popen(cmd, env=env(), start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and out.stat().st_size and out.read_bytes().count(b"\n") >= 100:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the run ended before it could be killed: " + proc.stderr.read().decode()
    workers = children(proc.pid)
    assert workers, "the run has worker processes"
    os.kill(proc.pid, signal.SIGKILL)  # the main process only, no clean-up: the workers must follow it
    proc.wait()
    until = time.monotonic() + 10
    while time.monotonic() < until and any(alive(pid) for pid in workers):
        time.sleep(0.05)
    lingering = [pid for pid in workers if alive(pid)]
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    assert not lingering, "workers outlived the killed main process"
    written = out.read_bytes()
    assert 100 <= written.count(b"\n") < len(rows), "killed midway"
    with open(out, "ab") as f:  # as if the kill had torn the line being written
        f.write(b'{"schema_version":"2","id":"a01499","text":"torn')
    r = subprocess.run(cmd + ["--resume"], env=env(), capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    ids = [line["id"] for line in load_jsonl(out)]
    assert len(ids) == len(set(ids)) == len(rows)
    assert set(ids) == {row["id"] for row in rows}


def test_resume_skips_what_is_written_and_writes_the_rest(tmp_path: Path) -> None:
    rows = seed_lines(6)
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out.jsonl"
    write_jsonl(out, [{"id": rows[0]["id"], "text": "done before"}, {"id": rows[3]["id"], "text": "done before"}])
    r = qpx("extract", str(src), "-o", str(out), "--workers", "1", "--resume")
    assert r.returncode == 0, r.stderr
    assert "2 already done" in r.stderr
    ids = [line["id"] for line in load_jsonl(out)]
    assert sorted(ids) == sorted(row["id"] for row in rows) and len(ids) == 6


def test_stdin_to_stdout_in_order_with_error_lines() -> None:
    rows = seed_lines(3)
    stdin = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[:2]) + "{oops\n"
    stdin += json.dumps(rows[2], ensure_ascii=False) + "\n"
    r = qpx("extract", "-", "-o", "-", "--workers", "2", stdin=stdin)
    assert r.returncode == 1
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["a00000", "a00001", "stdin:3", "a00002"]
    assert lines[2]["error"]["kind"] == "parse"
    assert "inputs: 4" in r.stderr and "\x1b[" not in r.stderr, "no progress bar when stderr is not a terminal"


def test_exit_codes(tmp_path: Path) -> None:
    good = write_jsonl(tmp_path / "good.jsonl", seed_lines(2))
    assert qpx("extract", str(good), "-o", str(tmp_path / "o1.jsonl"), "-q").returncode == 0
    bad = write_jsonl(tmp_path / "bad.jsonl", seed_lines(1) + [{"id": "e", "text": ""}])
    r = qpx("extract", str(bad), "-o", str(tmp_path / "o2.jsonl"), "-q")
    assert r.returncode == 1 and r.stderr == "", "-q: no summary"
    assert qpx("extract", str(tmp_path / "missing.txt"), "-o", "-").returncode == 2
    assert qpx("extract", str(good), "-o", "-", "--resume").returncode == 2
    assert qpx("extract", str(good), "--workers", "-1").returncode == 2
    assert qpx("extract", str(good), "-o", str(tmp_path / "no" / "dir" / "x.jsonl")).returncode == 2
    r = qpx("extract", str(good), "--db", "nosuchdb://nowhere")
    assert r.returncode == 2 and "qpextract: error:" in r.stderr
    r = qpx("extract", str(good), "-o", str(tmp_path / "o3.jsonl"), "--pipeline", "no_such_module:Nothing")
    assert r.returncode == 2 and "cannot build the pipeline" in r.stderr


def test_resumed_run_exits_1_when_the_earlier_run_wrote_error_lines(tmp_path: Path) -> None:
    rows = seed_lines(2)
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out.jsonl"
    write_jsonl(out, [{"schema_version": "2", "id": rows[0]["id"], "error": {"kind": "empty", "message": "x"}}])
    r = qpx("extract", str(src), "-o", str(out), "--workers", "1", "--resume")
    assert r.returncode == 1 and "errors written by the earlier run: 1" in r.stderr
    assert [line["id"] for line in load_jsonl(out)] == [rows[0]["id"], rows[1]["id"]]


def test_input_is_streamed_with_bounded_work_in_flight(tmp_path: Path) -> None:
    """The runner pulls items lazily: never more than workers x prefetch (+ a small reorder margin) read ahead."""
    out = tmp_path / "out.jsonl"
    sink = JsonlSink(str(out))
    options = BatchOptions(workers=2)
    runner = Runner(sink, options)
    seen: list[int] = []

    def items():
        for i in range(3000):
            seen.append(runner.outstanding)
            yield {"id": f"s{i}", "text": f"Ngày {i % 28 + 1}/3, huyện giao {i} công dân nhập ngũ."}

    summary = runner.run(items())
    sink.close()
    assert summary.articles == 3000
    assert max(seen) <= options.workers * options.prefetch + 256
    assert out.read_text(encoding="utf-8").count("\n") == 3000
