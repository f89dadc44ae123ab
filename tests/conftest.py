"""Shared fixtures: the project root, the bundled corpus and ../shared when present."""

from __future__ import annotations

import importlib.util
import os
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


def load_tool(name: str) -> ModuleType:
    """The script tools/NAME.py as a module (tools/ is no package), for tests of its functions."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
