"""Coverage-guided fuzzing of the readers and the pipeline with atheris (libFuzzer).

    .venv/bin/python fuzz/run.py -max_total_time=3600 -rss_limit_mb=2048 fuzz/corpus

The target and its invariant are in tests/fuzz/targets.py. The corpus folder is
seeded with tests/data/inputs and the repros of issue 15 when empty. A crash
(a broken invariant, an exception, a timeout, memory past -rss_limit_mb) is written
as crash-* / timeout-* / oom-* in the working folder; replay one with
``python fuzz/run.py crash-...``. Needs the ``fuzz`` extra (``pip install -e '.[fuzz]'``).

libFuzzer's own ``-timeout`` uses SIGALRM, which the batch runner's per-article limit
also uses: it is forced to 0 here. The target checks the time itself (an input over the
limit is a crash), and a hang in C code ends the run after ``HANG`` seconds with every
thread's traceback (faulthandler).
"""

from __future__ import annotations

import faulthandler
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "fuzz"))

import atheris  # noqa: E402

with atheris.instrument_imports(include=["qpextract", "warcio", "targets"]):
    import targets  # noqa: E402


def _seed(args: list[str]) -> None:
    """Write the seeds into the first corpus folder named on the command line, when it is empty."""
    folders = [Path(a) for a in args[1:] if not a.startswith("-") and (Path(a).is_dir() or not Path(a).exists())]
    if not folders:
        return
    corpus = folders[0]
    corpus.mkdir(parents=True, exist_ok=True)
    if not any(corpus.iterdir()):
        for name, data in targets.seeds().items():
            (corpus / f"seed-{name}".replace("/", "_")).write_bytes(data)


HANG = 120.0  # seconds one input may take before the run is stopped as hung


def _one(data: bytes) -> None:
    faulthandler.dump_traceback_later(HANG, exit=True)
    targets.check(data)
    faulthandler.cancel_dump_traceback_later()


def main() -> None:
    _seed(sys.argv)
    targets.install_alarm()
    targets._pipeline()  # built before the clock starts
    args = [a for a in sys.argv if not a.startswith("-timeout=")] + ["-timeout=0"]
    atheris.Setup(args, _one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
