"""tools/abbreviations_bounds.py: in-text definitions judged against a reader, and forms the readers never keep."""

from __future__ import annotations

from pathlib import Path

from conftest import load_tool, write_abbreviation_set


def test_judges_definitions_and_counts_forms_never_kept(tmp_path: Path) -> None:
    tool = load_tool("abbreviations_bounds")
    prefix = write_abbreviation_set(tmp_path, [
        ("a1", "Binh sĩ thuộc Lực lượng Phòng vệ Biển Nhật Bản (JMSDF) và UBND xã.", {"JMSDF": "Lực lượng Phòng vệ Biển Nhật Bản"}),
        ("a2", "Quân đội của Cộng hòa Nhân dân Donetsk (DPR) và UBND huyện.", {"DPR": "Cộng hòa Donetsk"}),
        ("a3", "Chiến sĩ Tổng cục Trinh sát Triều Tiên (RGB) về nước.", {}),
    ])
    rows = tool.judged("abbr.defined_phrase", (prefix,))
    assert [(r[2], r[6]) for r in rows] == [("JMSDF", "right"), ("DPR", "wrong"), ("RGB", "unlisted")]
    counts = tool.survey((prefix,))
    assert (counts[("UBND", "abbr.table")]["articles"], counts[("UBND", "abbr.table")]["kept"]) == (2, 0)
    assert counts[("JMSDF", "abbr.defined_phrase")]["same"] == 1
