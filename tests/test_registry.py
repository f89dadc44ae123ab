"""The person registry: its rules on small cases, `qpextract people`, and precision/recall on the labelled pairs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

sa = pytest.importorskip("sqlalchemy")

from archive_questions import build_archive  # noqa: E402
from test_db import db_url  # noqa: E402,F401  (the back-end fixture)
from typer.testing import CliRunner  # noqa: E402

from qpextract.cli import app  # noqa: E402
from qpextract.registry import MentionRecord, link_mentions, profile  # noqa: E402
from qpextract.registry.link import conflict, evidence, name_match  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def m(aid: str, name: str, rank=None, positions=(), day=None, idx: int = 0) -> MentionRecord:
    return MentionRecord(aid, idx, name, rank, tuple(t for t, _ in positions), tuple(o for _, o in positions), day)


CIVIL = m("a1", "Lê Hồng Sơn", None, [("Chủ tịch", "UBND huyện Nghĩa Đàn")])
COMMANDER = m("a2", "Lê Hồng Sơn", "Đại tá", [("Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Thừa Thiên - Huế")])
CIVIL_AGAIN = m("a3", "Lê Hồng Sơn", None, [("chủ tịch", "UBND huyện Nghĩa Đàn")])


def test_the_same_name_is_not_enough() -> None:
    assert conflict(profile(CIVIL), profile(COMMANDER)) == "domain"
    assert conflict(profile(CIVIL), profile(CIVIL_AGAIN)) is None
    persons = link_mentions([CIVIL, COMMANDER, CIVIL_AGAIN])
    assert sorted(len(p.mentions) for p in persons) == [1, 2]


def test_places_ranks_and_branches_conflict() -> None:
    gia_lai = m("a", "Trần Ngọc Anh", "Thượng tá", [("Trưởng phòng", "Tham mưu Công an tỉnh Gia Lai")])
    can_tho = m("b", "Trần Ngọc Anh", "Thượng tá", [("Trưởng phòng", "Tham mưu Công an TP Cần Thơ")])
    assert conflict(profile(gia_lai), profile(can_tho)) == "place"
    captain = m("a", "Nguyễn Đức Thành", "Đại úy")
    general = m("b", "Nguyễn Đức Thành", "Trung tướng")
    assert conflict(profile(captain), profile(general)) == "rank gap"
    later_lower = m("b", "Nguyễn Đức Thành", "Thiếu tá", day="2020-01-01")
    earlier_higher = m("a", "Nguyễn Đức Thành", "Trung tá", day="2018-01-01")
    assert conflict(profile(earlier_higher), profile(later_lower)) == "rank fell"
    navy = m("a", "Nguyễn Công Sơn", "Đại tá", [("Phó Chính ủy", "Vùng 4 hải quân")])
    police = m("b", "Nguyễn Công Sơn", "Trung tướng", [("nguyên Phó Tổng cục trưởng", "Tổng cục Cảnh sát")])
    assert conflict(profile(navy), profile(police)) == "branch"


def test_generals_in_parliament_and_government_are_not_a_conflict() -> None:
    deputy = m("a", "Nguyễn Minh Hoàng", "Thiếu tướng", [("đại biểu Quốc hội", "TP. HCM")])
    commissar = m("b", "Nguyễn Minh Hoàng", "Thiếu tướng", [("Phó chính ủy", "Quân khu 7")])
    assert conflict(profile(deputy), profile(commissar)) is None
    assert len(link_mentions([deputy, commissar])) == 1


def test_spelling_variants_need_evidence() -> None:
    a = m("a", "Đặng Thị Ngọc Thịnh", None, [("Phó Chủ tịch nước", None)])
    b = m("b", "Đặng Thị Ngọc Thinh", None, [("Phó Chủ tịch nước", None)])
    c = m("c", "Ngụy Phụng Hòa", None, [("Bộ trưởng Quốc phòng", "Trung Quốc")])
    d = m("d", "Ngụy Phượng Hòa", None, [("Bộ trưởng Quốc phòng", "Trung Quốc")])
    assert name_match(profile(a), profile(b)) == "tones" and evidence(profile(a), profile(b)) >= 1
    assert name_match(profile(c), profile(d)) == "near"
    assert len(link_mentions([a, b, c, d])) == 2
    bare = [m("a", "Nguyễn Văn Tám", "Đại tá"), m("b", "Nguyễn Văn Tấn", "Đại tá")]  # one letter, nothing shared
    assert len(link_mentions(bare)) == 2


def test_two_officials_of_one_article_are_two_persons() -> None:
    persons = link_mentions([m("a", "Trần Văn Lâm", idx=0), m("a", "Trần Văn Lâm", idx=1)])
    assert len(persons) == 2


def test_person_ids_follow_first_mentions() -> None:
    persons = link_mentions([m("b", "Lê Chiêm"), m("a", "Phan Văn Giang"), m("c", "Lê Chiêm")])
    assert [(p.person_id, p.name, len(p.mentions)) for p in persons] == [(1, "Phan Văn Giang", 1), (2, "Lê Chiêm", 2)]


def test_people_command_prints_a_timeline(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    build_archive(f"sqlite:///{path}")
    res = CliRunner().invoke(app, ["people", "Lã Văn Hào", "--db", str(path)])
    assert res.exit_code == 0, res.output
    assert "Lã Văn Hào" in res.output and "Đại tá" in res.output and "Chính ủy" in res.output
    assert "002_f8d7a2f6e447c266" in res.output
    loose = CliRunner().invoke(app, ["people", "la van hao", "--db", str(path)])
    assert loose.exit_code == 0 and "Chính ủy" in loose.output
    missing = CliRunner().invoke(app, ["people", "Không Có Ai", "--db", str(path)])
    assert missing.exit_code == 1
    nofile = CliRunner().invoke(app, ["people", "X", "--db", str(tmp_path / "none.sqlite")])
    assert nofile.exit_code == 2 and not (tmp_path / "none.sqlite").exists()


def test_people_relinks_after_new_articles(tmp_path: Path) -> None:
    from qpextract.io import db
    from qpextract.models import Article, Official

    url = f"sqlite:///{tmp_path / 'a.sqlite'}"
    build_archive(url)
    sink = db.open_db_sink(url, resume=False)
    sink.write(Article(id="zz-new", text="x", officials=[Official(name="Lã Văn Hào", rank="Thượng tá")]), "h")
    sink.close()
    res = CliRunner().invoke(app, ["people", "Lã Văn Hào", "--db", url])
    assert res.exit_code == 0 and "zz-new" in res.output and "002_f8d7a2f6e447c266" in res.output


@pytest.mark.shared
def test_linking_precision_and_recall_on_the_labelled_pairs(shared: Path, pipeline, tmp_path: Path) -> None:
    """Floors: precision >= 0.97, recall >= 0.9 on corpus/registry/pairs.jsonl (figures: bench/registry_eval.py)."""
    import sys

    from qpextract.io import db
    from qpextract.registry.store import build_registry

    sys.path.insert(0, str(ROOT / "bench"))
    from registry_eval import load_pairs, person_lookup, score

    pairs = load_pairs()
    assert len(pairs) >= 300
    assert sum(not p["same"] for p in pairs) >= 50
    url = f"sqlite:///{tmp_path / 'corpus.sqlite'}"
    sink = db.open_db_sink(url, resume=False, batch_size=500)
    for line in (shared / "corpus-real" / "articles.jsonl").open(encoding="utf-8"):
        item = json.loads(line)
        sink.write(pipeline.safe_extract(item["id"], {"id": item["id"], "text": item["text"], "title": item["title"]}), "h")
    sink.close()
    build_registry(url)
    result = score(pairs, person_lookup(url))
    assert result["missing"] <= len(pairs) // 10, result  # the officials extractor still finds the mentions
    assert result["precision"] >= 0.97 and result["recall"] >= 0.9, result


def test_people_on_both_back_ends(db_url: str) -> None:  # noqa: F811
    build_archive(db_url)
    res = CliRunner().invoke(app, ["people", "Hoàng Hà Bắc", "--db", db_url])
    assert res.exit_code == 0, res.output
    assert "2 articles" in res.output and "001_70f66fd693493111" in res.output and "002_f8d7a2f6e447c266" in res.output
