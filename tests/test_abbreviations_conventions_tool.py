"""tools/abbreviations_conventions.py: what the readers of a gold set write for the table's forms, counted per form."""

from __future__ import annotations

from pathlib import Path

from conftest import load_tool, write_abbreviation_set


def test_counts_readers_majority_and_unrecorded(tmp_path: Path) -> None:
    tool = load_tool("abbreviations_conventions")
    prefix = write_abbreviation_set(tmp_path, [
        ("a1", "Huấn luyện LLVT huyện và DQTV xã.", {"LLVT": "lực lượng vũ trang nhân dân", "DQTV": "dân quân tự vệ"}),
        ("a2", "Xây dựng LLVT vững mạnh; DQTV ra quân.", {"LLVT": "Lực lượng vũ trang  nhân dân"}),
        ("a3", "Lãnh đạo LLVT tỉnh; DQTV huấn luyện.", {"LLVT": "lực lượng vũ trang"}),
    ])
    forms = tool.survey([prefix])
    llvt, dqtv = forms["LLVT"], forms["DQTV"]
    assert (llvt.articles, llvt.recorded, llvt.by_table) == (3, 3, 3)
    assert llvt.shown[llvt.majority()] == "lực lượng vũ trang nhân dân"  # folded: case and spacing aside, 2 of 3
    assert llvt.readers[tool.fold(llvt.table)] == 1
    assert (dqtv.articles, dqtv.recorded) == (3, 1)  # recorded in under half of the articles that contain it
    assert dqtv.sets == {"toy": 3}


def test_majority_needs_a_strict_winner() -> None:
    form = load_tool("abbreviations_conventions").Form("X", "x")
    form.readers.update({"a": 2, "b": 2})
    assert form.majority() is None
    form.readers["a"] += 1
    assert form.majority() == "a"
