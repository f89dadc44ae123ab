"""tools/abbreviations_gloss.py: the glosses an article gives a form and the kinds of disagreement it lists."""

from __future__ import annotations

from conftest import load_tool


def test_glosses_in_brackets_apposition_and_initials() -> None:
    tool = load_tool("abbreviations_gloss")
    text = "Tàu Mỹ thực hiện chiến dịch tự do hàng hải (FONOP) ở đó. Vụ nổ do HTP, dạng cô đọng của hydrogen peroxide, gây ra."
    start = text.index("FONOP")
    found = tool.glosses(text, "FONOP", [(start, start + 5)])
    assert ("before", "Tàu Mỹ thực hiện chiến dịch tự do hàng hải") in found
    start = text.index("HTP")
    assert tool.glosses(text, "HTP", [(start, start + 3)]) == [("apposition", "dạng cô đọng của hydrogen peroxide")]
    text = "Ban Chỉ huy Quân sự huyện họp; Ban Chỉ huy Quân sự BCHQS"
    start = text.rindex("BCHQS")
    assert ("initials", "Ban Chỉ huy Quân sự") in tool.glosses(text, "BCHQS", [(start, start + 5)])


def test_the_tools_own_initials_matcher() -> None:
    """spells() is the audit's own matcher, not the tagger's: one word a letter, marks aside, links passed over."""
    spells = load_tool("abbreviations_gloss").spells
    assert spells("Đảng Cộng sản".split(), "ĐCS") and spells("Đảng Cộng sản".split(), "DCS")
    assert spells("Bộ Tư lệnh Cảnh sát biển và Hải quân".split(), "BTLCSBHQ")
    assert spells("Department of Defense".split(), "DD") and spells("Department of Defense".split(), "DOD")
    assert not spells("Ban Chỉ huy".split(), "BCHQS")  # too few words
    assert not spells("Ban Chỉ huy và".split(), "BCH")  # a link never ends the run
    assert not spells("Chỉ huy Ban".split(), "BCH")  # in order


def test_classify_names_the_disagreement() -> None:
    classify = load_tool("abbreviations_gloss").classify
    before = [("before", "thực hiện chiến dịch tự do hàng hải")]
    assert classify("tuần tra tự do hàng hải", "abbr.table", before) == "differs_before"
    assert classify("chiến dịch tự do hàng hải", "abbr.defined_rendering", before) == ""
    assert classify("", "abbr.unknown", before) == "null_with_gloss"
    assert classify("vũ khí tấn công và chi phí", "abbr.defined_phrase", [("before", "đó là khả năng phòng vệ, vũ khí tấn công và chi phí")]) == "bounds_comma"
    assert classify("Cục Tình báo Trung ương Mỹ", "abbr.defined_phrase", [("before", "báo cáo của Cục Tình báo Trung ương Mỹ")]) == "bounds_country"
    assert classify("Cục Tình báo Trung ương Mỹ", "abbr.table", [("before", "báo cáo của Cục Tình báo Trung ương Mỹ")]) == ""
    assert classify("đô la Mỹ", "abbr.table", []) == ""
