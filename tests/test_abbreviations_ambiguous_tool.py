"""tools/abbreviations_ambiguous.py and tools/abbreviations_wild_read.py: forms defined with two names; the blind read's score."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import load_tool

ARTICLES = [
    {"id": "a1", "text": "Lực lượng vũ trang Philippines (AFP) tấn công phiến quân. Ủy ban nhân dân (UBND) xã họp."},
    {"id": "a2", "text": "Theo Agence France-Presse (AFP), quân đội Mỹ rút khỏi Syria."},
    {"id": "a3", "text": "Ủy ban nhân dân (UBND) huyện họp."},
]


def test_survey_keys_definitions_by_form_and_folded_name() -> None:
    defs, printed, where, tabled = load_tool("abbreviations_ambiguous").survey(ARTICLES)
    assert len(defs["AFP"]) == 2  # two bodies, one article each
    assert {frozenset(ids) for ids in defs["AFP"].values()} == {frozenset({"a1"}), frozenset({"a2"})}
    assert len(defs["UBND"]) == 1 and next(iter(defs["UBND"].values())) == {"a1", "a3"}  # one name, two articles
    assert any("Philippines" in w for key, ws in where.items() if key[0] == "AFP" for w in ws)  # the words around


def test_score_counts_like_the_scorer(tmp_path: Path) -> None:
    tool = load_tool("abbreviations_wild_read")
    read = tmp_path / "read.tsv"
    read.write_text("# comment\nx1\tUBND\tỦy ban nhân dân\nx1\tIS\tNhà nước Hồi giáo\nx1\tTNT\tnull\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    records = [
        {"short": "UBND", "expansion": "Ủy ban nhân dân"},  # right
        {"short": "IS", "expansion": "Nhà nước Hồi giáo Iraq"},  # wrong: a miss and a false positive
        {"short": "TNT", "expansion": "trinitrotoluen"},  # the reader was unsure: neither
        {"short": "USD", "expansion": "đô la Mỹ"},  # not read: a false positive
        {"short": "XYZ", "expansion": None},  # null: neither
    ]
    out.write_text(json.dumps({"id": "x1", "abbreviations": records}, ensure_ascii=False) + "\n", encoding="utf-8")
    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        tool.score(read, out, ["x1"])
    head, *rows = buf.getvalue().splitlines()
    assert "right 1, false positives 2, misses 1" in head
    kinds = {r.split("\t")[1]: r.split("\t")[-1] for r in rows[1:]}
    assert kinds["is"] == "wrong expansion" and kinds["usd"] == "spurious" and kinds["tnt"].startswith("reader unsure")
