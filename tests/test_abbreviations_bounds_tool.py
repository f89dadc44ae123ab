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


def test_counts_a_country_or_owner_after_the_name_kept_or_dropped(tmp_path: Path) -> None:
    tool = load_tool("abbreviations_bounds")
    prefix = write_abbreviation_set(tmp_path, [
        ("b1", "Theo Bộ Chỉ huy Trung tâm Mỹ (CENTCOM), vụ việc đã xảy ra.", {"CENTCOM": "Bộ Chỉ huy Trung tâm Mỹ"}),
        ("b2", "Báo cáo của Cục Tình báo Trung ương Mỹ (CIA) cho biết.", {"CIA": "Cục Tình báo Trung ương"}),
        ("b3", "Kế hoạch trừng phạt và đáp trả toàn diện của Hàn Quốc (KMPR) được công bố.", {"KMPR": "Kế hoạch trừng phạt và đáp trả toàn diện của Hàn Quốc"}),
        ("b4", "Binh sĩ Tổng cục Trinh sát (RGB) về nước.", {"RGB": "Tổng cục Trinh sát"}),
    ])
    rows = tool.tail_rows((prefix,))
    assert [(r[2], r[3], r[4]) for r in rows] == [("CENTCOM", "Mỹ", "kept"), ("CIA", "Mỹ", "dropped"), ("KMPR", "của Hàn Quốc", "kept")]


def test_blind_sample_then_compare(tmp_path: Path, capsys) -> None:
    tool = load_tool("abbreviations_bounds")
    corpus = tmp_path / "wild.jsonl"
    corpus.write_text(
        '{"id": "w1", "text": "Skripal phục vụ trong Cơ quan Tình báo Quân đội Nga (GRU) nhiều năm. Ông nói (GRU) vậy."}\n',
        encoding="utf-8",
    )
    tool.blind(corpus, 5, "seed", [])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t")[:3] == ["id", "short", "reader"] and [l.split("\t")[1] for l in lines[1:-1]] == ["GRU"]
    sample = tmp_path / "sample.tsv"
    sample.write_text("id\tshort\treader\twhy\tcontext\nw1\tGRU\tCơ quan Tình báo Quân đội Nga\t\t…\n", encoding="utf-8")
    tool.compare(sample, corpus)
    out = capsys.readouterr().out.splitlines()
    assert out[1].split("\t")[3:6] == ["Cơ quan Tình báo Quân đội Nga", "abbr.defined_phrase", "yes"]
