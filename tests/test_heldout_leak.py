"""No window of a held-out input text may sit in src/ or tests/ (tools/heldout_leak.py), and the scan finds one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import load_tool

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "corpus" / "gold"


def _tool():
    """Load tools/heldout_leak.py (tools/ is not a package)."""
    return load_tool("heldout_leak")


def test_planted_window_is_found(tmp_path: Path) -> None:
    """A made-up held-out text copied into a file, re-wrapped, is reported; an unrelated file is not."""
    tool = _tool()
    gold = tmp_path / "gold"
    gold.mkdir()
    text = "Sáng 3-4, Đại tá Lê Văn Khải, Chỉ huy trưởng Bộ CHQS tỉnh Hà Giang, dự lễ ra quân huấn luyện năm nay."
    (gold / "heldout9-inputs.jsonl").write_text(json.dumps({"id": "made-up-1", "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    planted = tmp_path / "src" / "examples.yaml"
    planted.parent.mkdir()
    planted.write_text("- text: " + text[5:95].replace(", ", ",\n    ", 1) + "\n", encoding="utf-8")
    clean = tmp_path / "src" / "clean.py"
    clean.write_text("# Đại tá Nguyễn Văn A, Chính ủy Trung đoàn 9, dự lễ.\n", encoding="utf-8")
    hits = tool.scan(tmp_path, gold, 60)
    assert hits == [("src/examples.yaml", "made-up-1", "heldout9")]
    assert tool.scan(tmp_path, gold, 60, files=[clean]) == []


@pytest.mark.skipif(not any(GOLD.glob("heldout*-inputs.jsonl")), reason="no held-out inputs in this checkout")
def test_no_heldout_text_in_library() -> None:
    """Every file under src/ and tests/ is free of 60-character windows of held-out inputs (KNOWN aside, and
    every KNOWN entry still found, so that a fixed one leaves the list)."""
    tool = _tool()
    hits = tool.scan(ROOT)
    new = [h for h in hits if h[:2] not in tool.KNOWN]
    assert new == [], f"held-out text in the library (file, article, set): {new}"
    assert {h[:2] for h in hits} == set(tool.KNOWN), "a KNOWN entry is no longer found: drop it"
