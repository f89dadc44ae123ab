"""The README's generated parts are up to date, and its two set-up commands are the real ones."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_examples_table_is_generated_from_the_examples_files() -> None:
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "readme_examples.py"), "--check"], cwd=ROOT)
    assert r.returncode == 0, "README.md is out of date: run python tools/readme_examples.py"


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = ".venv/bin/python -m pytest -q"
    assert f"    {command}\n" in readme and command in ci
    assert '    python3 -m venv .venv && .venv/bin/pip install ".[dev]" && .venv/bin/qpextract extract corpus/seeds' in readme
