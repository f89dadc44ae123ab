"""Shared fixtures: the project root, the bundled corpus and ../shared when present."""

from __future__ import annotations

import importlib.util
import json
import os
import time
from collections.abc import Callable
from types import ModuleType
from pathlib import Path

import pytest

from qpextract.evaluate import read_jsonl as load_jsonl  # noqa: F401  (tests import it from here)

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SHARED = Path(os.environ.get("QPEXTRACT_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared (gold, real corpus); the test skips when a clone has none."""
    if not (SHARED / "corpus-real" / "articles.jsonl").is_file():
        pytest.skip(f"../shared not found at {SHARED}: real-corpus and reference-scorer tests need it (CI has it)")
    return SHARED


@pytest.fixture(scope="session")
def seed_inputs() -> list[dict]:
    """The five bundled seed articles as {id, text}."""
    return [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in sorted((CORPUS / "seeds").glob("*.txt"))]


@pytest.fixture(scope="session")
def pipeline():
    from qpextract import Pipeline

    return Pipeline()


def load_tool(name: str, folder: str = "tools") -> ModuleType:
    """The script FOLDER/NAME.py (tools/ or bench/, no packages) as a module, for tests of its functions."""
    spec = importlib.util.spec_from_file_location(name, ROOT / folder / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_abbreviation_set(folder: Path, rows: list[tuple[str, str, dict]]) -> str:
    """A toy development set NAME.jsonl + NAME-inputs.jsonl under ``folder`` from (id, text, abbreviations) rows; its
    path prefix (the abbreviation tools read sets this way)."""
    with open(folder / "toy-inputs.jsonl", "w", encoding="utf-8") as fh:
        for aid, text, _ in rows:
            fh.write(json.dumps({"id": aid, "text": text}, ensure_ascii=False) + "\n")
    with open(folder / "toy.jsonl", "w", encoding="utf-8") as fh:
        for aid, _, abbreviations in rows:
            fh.write(json.dumps({"id": aid, "abbreviations": abbreviations}, ensure_ascii=False) + "\n")
    return str(folder / "toy")


def cpu_seconds(run: Callable[[], object], runs: int = 1) -> float:
    """CPU seconds of this process for the best of ``runs`` calls of ``run``: the timing tests measure CPU time, not
    the wall clock, which other work on a busy machine stretches."""
    best = float("inf")
    for _ in range(runs):
        t0 = time.process_time()
        run()
        best = min(best, time.process_time() - t0)
    return best
