"""tools/abbreviations_agency_names.py: the readers' records of an agency form, alone or as a longer name's first word."""

from __future__ import annotations

from pathlib import Path

from conftest import load_tool, write_abbreviation_set


def test_counts_alone_and_inside_a_name(tmp_path: Path, capsys) -> None:
    tool = load_tool("abbreviations_agency_names")
    rows = [
        ("a1", "Hãng tin RIA Novosti cho biết.", {}),
        ("a2", "Theo RIA-Novosti, tàu đã rời cảng.", {"RIA": "Russian Information Agency"}),
        ("a3", "Ảnh: RIA. Tàu rời cảng.", {"RIA": "Russian Information Agency"}),
    ]
    write_abbreviation_set(tmp_path, rows)
    tool.main(["RIA"], [("toy", tmp_path / "toy.jsonl", tmp_path / "toy-inputs.jsonl")])
    lines = {tuple(line.split("\t")[:4]) for line in capsys.readouterr().out.splitlines()}
    assert ("RIA", "inside a name", "2", "1") in lines
    assert ("RIA", "alone", "1", "1") in lines
