"""Coverage-guided fuzzing of the readers and the pipeline with atheris (libFuzzer).

    .venv/bin/python fuzz/run.py -max_total_time=3600 -rss_limit_mb=2048 -timeout=30 fuzz/corpus

The target and its invariant are in tests/fuzz/targets.py. The corpus folder is
seeded with tests/data/inputs and the repros of issue 15 when empty. A crash
(a broken invariant, an exception, a timeout, memory past -rss_limit_mb) is written
as crash-* / timeout-* / oom-* in the working folder; replay one with
``python fuzz/run.py crash-...``. Needs the ``fuzz`` extra (``pip install -e '.[fuzz]'``).
"""

from __future__ import annotations

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


def main() -> None:
    _seed(sys.argv)
    targets.install_alarm()
    targets.check(b"")  # build the pipeline before the clock starts
    targets._pipeline()
    atheris.Setup(sys.argv, targets.check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
