"""tools/abbreviations_renderings.py: how the corpus and the dev readers write a table form out, against the table."""

from __future__ import annotations

from pathlib import Path

from conftest import load_tool, write_abbreviation_set


def test_adopts_a_wording_corpus_and_readers_agree_on(tmp_path: Path) -> None:
    tool = load_tool("abbreviations_renderings")
    table = {e.short: e.expansion for e in tool.abbreviation_rows()}
    assert tool.fold(table["SOHR"]) != tool.fold("Đài Quan sát Nhân quyền Syria")
    corpus = [
        {"id": "w1", "text": "Đài Quan sát Nhân quyền Syria (SOHR) cho biết 20 người thiệt mạng."},
        {"id": "w2", "text": "Theo Đài Quan sát Nhân quyền Syria (SOHR), giao tranh tiếp diễn."},
        {"id": "w3", "text": "Quân đội Thổ Nhĩ Kỳ (TSK) pháo kích, SOHR cho hay."},
    ]
    prefix = write_abbreviation_set(tmp_path, [
        ("d1", "SOHR cho biết giao tranh ác liệt.", {"SOHR": "Đài Quan sát Nhân quyền Syria"}),
        ("d2", "Lực lượng TSK tiến vào Afrin.", {"TSK": "Lực lượng Vũ trang Thổ Nhĩ Kỳ"}),
    ])
    rows = {r[1]: r for r in tool.renderings(corpus, show_all=True, sets=(prefix,))}
    sohr = dict(zip(tool.COLUMNS, rows["SOHR"]))
    assert sohr["kind"] == "adopt" and sohr["top"] == "Đài Quan sát Nhân quyền Syria"
    assert (sohr["top_corpus"], sohr["top_dev"], sohr["top_articles"], sohr["unglossed_top"]) == (2, 1, 3, 1)
    if "TSK" in rows:  # one corpus gloss and one reader who disagree: no agreement, the table stays
        assert rows["TSK"][0] != "adopt"


def test_one_article_adds_no_row(tmp_path: Path) -> None:
    tool = load_tool("abbreviations_renderings")
    prefix = write_abbreviation_set(tmp_path, [("d1", "Không có gì.", {})])
    corpus = [
        {"id": "w1", "text": "Hệ thống Xyz Quốc tế (XQTZ) vừa ra đời; XQTZ sẽ họp."},
        {"id": "w2", "text": "Đại diện XQTZ phát biểu."},
    ]
    rows = {r[1]: r for r in tool.unknowns(corpus, sets=(prefix,))}
    xqtz = dict(zip(tool.UNKNOWN_COLUMNS, rows["XQTZ"]))  # left unknown in w2, defined in w1
    assert (xqtz["unknown_articles"], xqtz["top_articles"]) == (1, 1)
    assert xqtz["kind"] == "-"  # defined once: no row from one article


def test_beside_finds_the_name_articles_share_before_the_form() -> None:
    tool = load_tool("abbreviations_renderings")
    corpus = [
        {"id": "w1", "text": "Theo Kênh truyền hình Cáp Tin tức (CNN), cuộc tập trận bắt đầu hôm qua."},
        {"id": "w2", "text": "Phát biểu với Kênh truyền hình Cáp Tin tức (CNN) hôm nay, ông nói."},
        {"id": "w3", "text": "Phát biểu với Cable News Network (CNN) hôm nay, ông nói."},
    ]
    rows = {r[1]: dict(zip(tool.BESIDE_COLUMNS, r)) for r in tool.besides(corpus)}
    assert rows["CNN"]["beside"] == "Kênh truyền hình Cáp Tin tức"  # the shared tail, not "Theo …" or "với …"
    assert rows["CNN"]["articles"] == 2  # w3 writes the table's own name: no candidate from it


def test_name_tails_counts_the_table_wording_alone_and_longer() -> None:
    tool = load_tool("abbreviations_renderings")
    texts = [
        "Quân Giải phóng Nhân dân Trung Quốc (PLA) tập trận; Quân Giải phóng Nhân dân cho biết.",
        "Quân đội Syria tự do FSA rút lui.",
        "PLA, tức Quân giải phóng nhân dân Trung Quốc, tăng cường tập trận.",
    ]
    alone, longer = tool.name_tails(texts, "Quân Giải phóng Nhân dân")
    assert alone == {0}  # the second mention of text 0 does not go on
    assert longer["Quân Giải phóng Nhân dân Trung Quốc"] == {0, 2}  # case aside, first spelling shown
    assert tool.name_tails(texts, "Quân đội Syria tự do") == ({1}, {})  # the form in capitals is no part of the name
    assert tool.name_tails(["thị trấn Douma bị pháo kích."], "thị trấn") == ({0}, {})  # a common noun does not go on


def test_rows_lists_a_table_wording_the_corpus_writes_longer(tmp_path: Path) -> None:
    tool = load_tool("abbreviations_renderings")
    table = {e.short: e.expansion for e in tool.abbreviation_rows()}
    assert table["PLA"] == "Quân Giải phóng Nhân dân"
    corpus = [
        {"id": "w1", "text": "Quân Giải phóng Nhân dân Trung Quốc (PLA) tập trận."},
        {"id": "w2", "text": "PLA, lực lượng của Quân Giải phóng Nhân dân Trung Quốc, tập trận."},
    ]
    prefix = write_abbreviation_set(tmp_path, [("d1", "PLA tập trận.", {"PLA": "Quân Giải phóng Nhân dân"})])
    rows = {r[1]: dict(zip(tool.ROWS_COLUMNS, r)) for r in tool.table_rows(corpus, sets=(prefix,))}
    pla = rows["PLA"]
    assert pla["kind"] == "corpus"  # the dev reader keeps the table's wording: no agreement on another
    assert (pla["table_alone"], pla["top"], pla["top_articles"]) == (0, "Quân Giải phóng Nhân dân Trung Quốc", 2)
    assert pla["dev_table"] == 1 and pla["dev_by_set"].endswith(": " + prefix.rsplit("/", 1)[-1] + " 1")
