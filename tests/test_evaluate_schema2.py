"""`evaluate` scores the schema-2 gold fields when a gold line has them (rules in corpus/gold/README.md)."""

from __future__ import annotations

from conftest import load_tool
from qpextract.evaluate import evaluate


def figures(gold: dict, out: dict) -> dict:
    return evaluate([{"id": "a", **gold}], [{"schema_version": "2", "id": "a", "text": "x", **out}]).report()


def test_participants_of_the_main_event_names_and_roles() -> None:
    gold = {"events": {"main": "summary_conference", "types": ["summary_conference"],
                       "participants": [{"name": "Lã Văn Hào", "role": "chair"},
                                        {"name": "Cù Ngọc Cường", "role": "attendee"},
                                        {"name": "Vi Thu", "role": "speaker"}]}}
    out = {"events": [
        {"type": "award", "main": False, "participants": [{"name": "Vi Thu", "role": "speaker"}]},
        {"type": "summary_conference", "main": True,
         "participants": [{"name": "LÃ VĂN HÀO", "role": "chair"}, {"name": "Cù Ngọc Cường", "role": "speaker"},
                          {"name": "Nguyễn Văn A", "role": "attendee"}]},
    ]}
    r = figures(gold, out)
    assert (r["participants"]["tp"], r["participants"]["fp"], r["participants"]["fn"]) == (2, 1, 1)
    assert (r["participant.role"]["right"], r["participant.role"]["total"]) == (1, 2)


def test_documents_match_on_number_else_on_title() -> None:
    gold = {"documents": [
        {"kind": "resolution", "number": "28-NQ/TW", "issuer": "Bộ Chính trị", "title": None},
        {"kind": "plan", "number": None, "issuer": None, "title": "về tuyển quân năm 2023"},
        {"kind": "decision", "number": "1123/QĐ-TTg", "issuer": None, "title": None},
    ]}
    out = {"documents": [
        {"kind": "resolution", "number": "28–NQ/TW", "title": "về Chiến lược bảo vệ Tổ quốc"},  # dash folded
        {"kind": "plan", "number": "12/KH-UBND", "title": "Về tuyển quân năm 2023"},  # gold has no number: title
        {"kind": "decision", "number": "99/QĐ-TTg", "title": None},  # wrong number
        {"kind": "resolution", "number": "28-NQ/TW", "title": None},  # a second mention: not an extra
    ]}
    r = figures(gold, out)
    assert (r["documents"]["tp"], r["documents"]["fp"], r["documents"]["fn"]) == (2, 1, 1)


def test_decorations_match_on_kind_and_name() -> None:
    gold = {"decorations": [{"kind": "order", "name": "Huân chương Bảo vệ Tổ quốc", "grade": "hạng Nhì"},
                            {"kind": "certificate", "name": "Bằng khen"}]}
    out = {"decorations": [{"kind": "order", "name": "Huân chương bảo vệ Tổ quốc", "grade": None},
                           {"kind": "flag", "name": "Cờ thi đua"}]}
    r = figures(gold, out)
    assert (r["decorations"]["tp"], r["decorations"]["fp"], r["decorations"]["fn"]) == (1, 1, 1)


def test_gold_without_schema2_fields_adds_no_schema2_figures() -> None:
    r = figures({"events": {"main": "award", "types": ["award"]}},
                {"events": [{"type": "award", "main": True, "participants": [{"name": "X Y", "role": "other"}]}],
                 "documents": [{"kind": "law", "number": "1"}], "decorations": [{"kind": "order", "name": "Z"}]})
    assert not {"participants", "participant.role", "documents", "decorations"} & set(r)


def test_a_gold_file_agrees_with_itself_and_a_changed_copy_does_not() -> None:
    """tools/agreement.py turns a second annotation into output form: a copy scores 1.0, a changed one less."""
    agreement = load_tool("agreement")
    gold = {"id": "a", "title": "T", "published": None, "authors": ["Vi Thu"],
            "officials": [{"name": "Lã Văn Hào", "honorific": "đồng chí", "rank": "Đại tá", "positions": ["Chính ủy Bộ CHQS tỉnh"]}],
            "ranks": [{"rank": "Đại tá", "holder": "Lã Văn Hào"}], "dates": [{"value": "2023-03-22"}, {"value": "2023", "optional": True}],
            "numbers": [{"value": 76, "unit": "count", "subject": "công dân"}],
            "events": {"main": "enlistment", "types": ["enlistment"], "participants": [{"name": "Lã Văn Hào", "role": "chair"}]},
            "abbreviations": {"CHQS": "chỉ huy quân sự"}, "documents": [], "decorations": []}
    same = evaluate([gold], [agreement.as_output(gold)]).report()
    assert all(v.get("f1", v.get("acc")) == 1.0 for v in same.values())
    changed = dict(gold, events=dict(gold["events"], main="other", participants=[{"name": "Lã Văn Hào", "role": "attendee"}]))
    other = evaluate([gold], [agreement.as_output(changed)]).report()
    assert other["event.main"]["acc"] == 0.0 and other["positions"]["f1"] == 1.0
