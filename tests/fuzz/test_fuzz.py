"""The fuzz target in the normal test suite: every seed and past crash replayed, then a few seconds of fuzzing.

The long run is ``fuzz/run.py`` (see the README); this keeps the target and its invariant
working and the crashes it found fixed.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import targets  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CRASHES = sorted((HERE / "crashes").glob("crash-*"))


@pytest.fixture(scope="module", autouse=True)
def alarm() -> None:
    targets.install_alarm()


@pytest.mark.parametrize("name", sorted(targets.seeds()))
def test_seed_keeps_the_invariant(name: str) -> None:
    targets.check(targets.seeds()[name])


@pytest.mark.parametrize("path", CRASHES, ids=[p.name[:20] for p in CRASHES])
def test_past_crash_stays_fixed(path: Path) -> None:
    targets.check(path.read_bytes())


def test_an_article_worked_on_past_its_limit_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """The time check can fail: a pipeline that cancels the alarm and works on past the limit breaks it."""
    real = targets._pipeline()

    class WorksOn:
        def extract(self, text: str, **kwargs: object) -> object:
            signal.setitimer(signal.ITIMER_REAL, 0)  # the alarm process_item armed never fires
            end = time.process_time() + 0.6
            while time.process_time() < end:
                pass
            return real.extract(text, **kwargs)

    monkeypatch.setattr(targets, "TIME_LIMIT", 0.2)
    monkeypatch.setattr(targets, "SLACK", 0.2)
    monkeypatch.setitem(targets._state, "pipeline", WorksOn())
    with pytest.raises(targets.InvariantBroken, match="over the time limit"):
        targets.check(bytes([targets.KINDS.index("pipeline")]) + "Đại tá Lã Văn Hào dự hội nghị.".encode())


def test_a_broken_invariant_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """The harness can fail: a reader that repeats an id breaks it."""
    from qpextract.io import readers

    monkeypatch.setattr(readers._Ids, "claim", lambda self, aid: "same")
    with pytest.raises(targets.InvariantBroken, match="duplicate ids"):
        targets.check(bytes([targets.KINDS.index("jsonl")]) + b'{"id":"a","text":"x"}\n{"id":"b","text":"y"}\n')


@pytest.mark.skipif(importlib.util.find_spec("atheris") is None, reason="atheris not installed (the fuzz extra)")
def test_short_coverage_guided_run(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    r = subprocess.run(
        [sys.executable, str(ROOT / "fuzz" / "run.py"), "-max_total_time=4", "-max_len=4096", "-rss_limit_mb=3072",
         "-print_final_stats=1", str(corpus)],
        capture_output=True, text=True, timeout=300, cwd=tmp_path, env=env,
    )
    assert r.returncode == 0, r.stderr[-3000:]
    assert "stat::number_of_executed_units" in r.stderr and not list(tmp_path.glob("crash-*"))


def test_hypothesis_fallback_run() -> None:
    """Random bytes of every kind without atheris (a few hundred examples)."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(st.integers(0, len(targets.KINDS) - 1), st.binary(max_size=512))
    def one(kind: int, payload: bytes) -> None:
        targets.check(bytes([kind]) + payload)

    one()
