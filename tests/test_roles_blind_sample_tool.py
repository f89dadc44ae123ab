"""tools/roles_blind_sample.py --quoted draws articles that quote a person, and only those."""

import json
import sys
from pathlib import Path

import pytest

from conftest import ROOT, load_tool

sys.path.insert(0, str(ROOT / "tools"))  # the tool imports its sibling scripts (roles_wild_sample, wild)
blind = load_tool("roles_blind_sample")


def test_quoted_pattern_needs_a_person_before_the_statement_verb() -> None:
    """A title or an honorific followed by a statement verb quotes someone; a verb alone, or a body, does not."""
    assert blind.QUOTED.search("Bộ trưởng Quốc phòng Nga Sergei Shoigu cho biết quân đội sẽ bàn giao")
    assert blind.QUOTED.search('"Không có nghi ngờ gì", ông Kapoor nói.')
    assert not blind.QUOTED.search("Bộ Quốc phòng Nga cho biết cuộc diễn tập kéo dài 6 ngày.")
    assert not blind.QUOTED.search("Cuộc tập trận bắt đầu hôm nay tại Crimea.")


def test_quoted_draw_keeps_only_quoting_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """With --quoted the pool is the articles whose text quotes a person, whatever their headline."""
    filler = " Các đơn vị tham gia đầy đủ." * 20
    rows = [
        {"id": "q1", "title": "Nga rút Su-24 khỏi Syria", "text": "Ông Konashenkov cho biết 6 máy bay đã về nước." + filler},
        {"id": "n1", "title": "Hội nghị tổng kết năm 2024", "text": "Hội nghị diễn ra sáng nay tại tỉnh." + filler},
    ]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    monkeypatch.setattr(blind, "audit_skip_ids", lambda: set())
    monkeypatch.setattr(sys, "argv", ["roles_blind_sample.py", str(corpus), "--quoted", "--count", "5"])
    blind.main()
    out = capsys.readouterr().out
    assert "=== 1 q1" in out and "n1" not in out
    assert out.startswith("# 1 of 1 quoting articles")


def test_spokesman_kind() -> None:
    """--kind spokesman_lead keeps a headline or lead that names a spokesman, not one that only says "phát biểu"."""
    rx = blind.KINDS["spokesman_lead"]
    assert rx.search("Người phát ngôn Bộ Ngoại giao Lê Thị Thu Hằng.")
    assert rx.search("Phát ngôn viên Lầu Năm Góc cho biết")
    assert not rx.search("Bộ trưởng phát biểu tại hội nghị")
