"""The learned line model (text/linemodel.py): its weights file, its date reader, and that it regenerates."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

from qpextract.data import data_text
from qpextract.text.linemodel import KINDS, LineModel, LineValues, combine, line_date, line_weights
from qpextract.text.metadata import MetadataReader

ROOT = Path(__file__).resolve().parent.parent
READER = MetadataReader()


def test_weights_cover_every_kind_and_name_their_command() -> None:
    weights = line_weights()
    assert set(KINDS) <= set(weights)
    assert all(len(weights[k]) > 20 and "bias" in weights[k] for k in KINDS)
    header = [row for row in data_text("line_model.tsv").splitlines() if row.startswith("#")]
    assert any("tools/web_lines.py train" in row for row in header)


@pytest.mark.parametrize(
    "line,value",
    [
        ("Ngày xuất bản: 05.03.2024, 7h30", "2024-03-05T07:30"),
        ("Cập nhật 05/03/2024 02:25 PM | Lượt xem: 12", "2024-03-05T14:25"),
        ("Thứ Ba, 05/03/2024", "2024-03-05"),
        (" date 2024-03-05 Ngày hội tòng quân", "2024-03-05"),
        (" date 2024-03", None),  # a month stamp is no dateline
        ("Lượt xem: 1.234", None),
        ("32/13/2024", None),
        ("Ngày xuất bản: 31.02.2024, 7h30", None),  # no calendar day
        ("Ngày xuất bản: 05.03.2024, 27h30", "2024-03-05"),  # no time of day: the day alone
    ],
)
def test_line_date(line: str, value: str | None) -> None:
    assert line_date(line, READER) == value


@pytest.mark.parametrize("rules_line,fires", [(0.62, False), (0.5, True)])
def test_title_model_compares_with_the_first_line_of_a_wrapped_headline(rules_line: float, fires: bool) -> None:
    """title.model weighs the model's line against the rules' line even when the rules' headline is wrapped and its
    first eight words run onto its second line: 0.65 against 0.62 is under the margin, against 0.5 over it."""
    strips = ["Mẫu Sơn tổng kết", "công tác quốc phòng quân sự địa phương năm 2023", "Một dòng khác của trang"]
    text = "\n".join(strips)
    lines = [(text.index(t), text.index(t) + len(t)) for t in strips]
    probs = [{"title": rules_line}, {"title": 0.3}, {"title": 0.65}]
    rules = LineValues(f"{strips[0]} {strips[1]}")
    model = LineValues(strips[2], lines={"title": 2})
    got, fired = combine(text, lines, probs, rules, model, {"title.model": True}, 0.1)
    assert (fired == [("title.model", 2)]) is fires
    assert got.title == (strips[2] if fires else rules.title)


def test_scores_are_probabilities_and_a_headline_outscores_its_lead() -> None:
    text = (
        "Ngày hội tòng quân năm 2024\n\nThứ Ba, 05/03/2024 07:30\n\n"
        "Sáng 5/3, xã Mẫu Sơn tổ chức ngày hội tòng quân cho 25 thanh niên trúng tuyển nghĩa vụ quân sự năm 2024, "
        "với sự tham dự của lãnh đạo huyện và gia đình các tân binh.\n\nMẫu Sơn Hà"
    )
    lm = LineModel(READER)
    lines = lm.page_lines(text)
    probs = lm.scores(lm.line_features(text, lines))
    assert all(0.0 < p[k] < 1.0 for p in probs for k in KINDS)
    assert probs[0]["title"] > probs[2]["title"]
    assert max(range(len(lines)), key=lambda i: probs[i]["dateline"]) == 1


def _web_lines():
    """tools/web_lines.py as a module."""
    spec = importlib.util.spec_from_file_location("web_lines", ROOT / "tools" / "web_lines.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["web_lines"] = mod
    spec.loader.exec_module(mod)
    return mod


WEB_LINES = _web_lines()
WEB = [Path(p + ".jsonl") for p in WEB_LINES.WEB]


@pytest.mark.parametrize(
    "prefix", ["/work/webdev4/web5a", "/work/webdev6/x/../web9c", "/elsewhere/webdev8/web13h", "/data/heldout13w"]
)
def test_web_lines_refuses_heldout_sets(prefix: str) -> None:
    """tools/web_lines.py stops on a held-out set before it opens a file."""
    with pytest.raises(SystemExit, match="held-out"):
        WEB_LINES.pages([prefix])


def test_web_lines_names_a_missing_set(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="not found"):
        WEB_LINES.pages([str(tmp_path / "web99z")])


@pytest.mark.skipif(not all(p.exists() for p in WEB), reason="the web dev pages are not on this machine")
def test_weights_regenerate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """tools/web_lines.py train on the web dev pages writes the weights file as it is (its rows; the header dates it)."""
    mod = WEB_LINES
    out = tmp_path / "line_model.tsv"
    monkeypatch.setattr(mod, "OUT", out)
    mod.main(["train", *(str(p)[: -len(".jsonl")] for p in WEB)])
    rows = lambda s: [r for r in s.splitlines() if r and not r.startswith("#")]  # noqa: E731
    assert rows(out.read_text(encoding="utf-8")) == rows(data_text("line_model.tsv"))


def test_read_reads_only_the_kinds_a_switched_on_rule_uses() -> None:
    """LineModel.read leaves a kind no switched-on rule reads empty (byline.model off: no authors computed)."""
    from qpextract.text.linemodel import used_kinds

    text = "Ngày hội tòng quân năm 2024\n\nThứ Ba, 05/03/2024 07:30\n\nXã Mẫu Sơn tiễn 25 thanh niên lên đường nhập ngũ.\n\nMinh Cường"
    lm = LineModel(READER)
    lines = lm.page_lines(text)
    probs = [{"title": 0.9 if i == 0 else 0.0, "dateline": 0.9 if i == 1 else 0.0, "byline": 0.9 if i == 3 else 0.0}
             for i in range(len(lines))]
    th = {"title": 0.4, "dateline": 0.2, "byline": 0.3}
    every = lm.read(text, lines, probs, th)
    assert (every.title, every.published, every.authors) == ("Ngày hội tòng quân năm 2024", "2024-03-05T07:30", ["Minh Cường"])
    kinds = used_kinds({"title.model": True, "byline.model": False, "dateline.model": False})
    assert kinds == {"title"}
    some = lm.read(text, lines, probs, th, kinds=kinds)
    assert (some.title, some.published, some.authors) == (every.title, None, [])
    assert used_kinds({"dateline.model": True}) == {"dateline", "title"}  # the headline's line may print the day
