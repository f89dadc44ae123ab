"""tools/roles_blind_sample.py: --quoted draws articles that quote a person, and only those; --kind and --topic narrow it."""

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


ARTICLES = {
    "quoted_award_military": {"title": "Lễ trao bằng khen cho Ban CHQS huyện", "text": "Ông Tuấn cho biết dân quân xã đã hoàn thành."},
    "quoted_award": {"title": "Lễ trao giải báo chí", "text": "Ông Tuấn cho biết giải thưởng năm nay có 20 tác phẩm."},
    "quoted_military": {"title": "Mưa lớn ở miền Trung", "text": "Ông Tuấn cho biết dân quân đã sơ tán 20 hộ."},
    "award_military_unquoted": {"title": "Lễ trao bằng khen cho Ban CHQS huyện", "text": "Dân quân xã đã hoàn thành nhiệm vụ."},
}


@pytest.mark.parametrize(
    ("quoted", "kind", "topic", "kept"),
    [
        (True, None, None, {"quoted_award_military", "quoted_award", "quoted_military"}),
        (True, "award_review_handover", None, {"quoted_award_military", "quoted_award"}),
        (True, None, "local_defence_military", {"quoted_award_military", "quoted_military"}),
        (True, "award_review_handover", "local_defence_military", {"quoted_award_military"}),
        (False, "award_review_handover", "local_defence_military", {"quoted_award_military", "award_military_unquoted"}),
    ],
)
def test_kind_and_topic_narrow_the_quoted_draw(quoted: bool, kind: str | None, topic: str | None, kept: set[str]) -> None:
    """--kind and --topic narrow the --quoted pool as they narrow the gathering one, instead of being ignored."""
    got = {
        name for name, article in ARTICLES.items()
        if blind.keeps(article, quoted, blind.KINDS.get(kind or ""), blind.TOPICS.get(topic or ""))
    }
    assert got == kept


def test_spokesman_kind() -> None:
    """--kind spokesman_lead keeps a headline or lead that names a spokesman, not one that only says "phát biểu"."""
    rx = blind.KINDS["spokesman_lead"]
    assert rx.search("Người phát ngôn Bộ Ngoại giao Lê Thị Thu Hằng.")
    assert rx.search("Phát ngôn viên Lầu Năm Góc cho biết")
    assert not rx.search("Bộ trưởng phát biểu tại hội nghị")
