"""tools/abbreviation_coverage.py: counts what the tagger records and how the corpus writes each form out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import load_tool

ROOT = Path(__file__).resolve().parents[1]


ARTICLES = [
    {"id": "a1", "text": "Cơ quan Tình báo Trung ương Mỹ (CIA) cho biết CIA đã điều tra. Lực lượng XYZQ tham gia."},
    {"id": "a2", "text": "Theo CIA, Cơ quan Tình báo Trung ương Mỹ đã họp. Ủy ban nhân dân (UBND) xã họp."},
]


def test_survey_counts_records_and_glosses() -> None:
    counts, arts, given, defs, raw, skipped, corpus = load_tool("abbreviation_coverage").survey(ARTICLES)
    assert counts["CIA"] == 3 and arts["CIA"] == {"a1", "a2"}
    assert counts["XYZQ"] == 1 and given["XYZQ"]["null"] == 1  # an unknown form: a record with no expansion
    assert any(g.startswith("Ủy ban nhân dân [defined") for g in defs["UBND"])  # "Ủy ban nhân dân (UBND)": the tagger's definition
    assert any("Cơ quan Tình báo Trung ương Mỹ" in g for g in raw["CIA"])  # the words before "(CIA)"


def test_written_counts_the_longest_name_once_per_article() -> None:
    corpus = load_tool("abbreviation_coverage").Corpus([a["text"] for a in ARTICLES])
    said = corpus.written(["Cơ quan Tình báo Trung ương", "Cơ quan Tình báo Trung ương Mỹ", "Cục Tình báo Trung ương"])
    assert said["cơ quan tình báo trung ương mỹ"] == 2
    assert said["cơ quan tình báo trung ương"] == 0  # every occurrence is the longer name's
    assert said["cục tình báo trung ương"] == 0


def test_the_command_prints_a_row_per_form(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n", encoding="utf-8")
    out = subprocess.run([sys.executable, str(ROOT / "tools" / "abbreviation_coverage.py"), str(path), "--top", "5"], capture_output=True, text=True, check=True).stdout
    rows = [line.split("\t") for line in out.splitlines() if line and not line.startswith("#")]
    assert rows[0][:5] == ["rank", "short", "count", "articles", "table"]
    cia = next(r for r in rows if r[1] == "CIA")
    assert cia[2:5] == ["3", "2", "Cơ quan Tình báo Trung ương Mỹ"]
    assert "cơ quan tình báo trung ương mỹ ×2" in cia[7]
