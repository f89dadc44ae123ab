"""`qpextract explain`: resolved values and rule names per record; --why shows the near misses and why."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import CORPUS
from qpextract.explain import explain_document, find_windows


def qpx(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "qpextract", *args], input=stdin, capture_output=True, text=True, timeout=300)


def test_records_show_value_and_rule(pipeline) -> None:
    doc = pipeline.document("Chiều 22/3/2023, Đại tá Lã Văn Hào dự hội nghị tổng kết; 76 công dân nhập ngũ, đạt 100%.")
    out = "\n".join(explain_document(doc))
    assert "2023-03-22" in out and "date.dmy" in out  # a date's value and its rule
    assert "Lã Văn Hào" in out and "Đại tá" in out  # the person with the rank
    assert "76 count" in out  # a number's resolved value


def test_no_main_event_names_its_rule(pipeline) -> None:
    doc = pipeline.document(
        "Nguy cơ xung đột Nga - Israel tại Syria vì tên lửa S-300\n\n"
        "Theo nhận định của nhiều chuyên gia, việc Nga chuyển giao S-300 cho Syria khiến không quân Israel gặp khó."
    )
    out = "\n".join(explain_document(doc))
    assert "event.none.assessment" in out and "none (no main event)" in out  # a null main event still says why


def test_why_shows_dropped_name_candidate_with_its_reason(pipeline) -> None:
    doc = pipeline.document("Đại tá Hùng dự hội nghị.")
    out = "\n".join(explain_document(doc, why="Hùng"))
    assert "near misses" in out
    assert "short.alias" in out and "surnames.tsv" in out


def test_why_shows_unknown_abbreviation(pipeline) -> None:
    doc = pipeline.document("Lực lượng XKCĐ của thành phố hoàn thành nhiệm vụ.")
    out = "\n".join(explain_document(doc, why="XKCĐ"))
    assert "abbr.unknown" in out and "neither the article nor the table defines it" in out


def test_why_text_not_in_article_says_so(pipeline) -> None:
    doc = pipeline.document("Chiều 22/3, hội nghị tổng kết.")
    assert "does not occur" in "\n".join(explain_document(doc, why="Hà Nội"))


def test_find_windows_ignores_case() -> None:
    assert find_windows("Đại tá LÃ VĂN HÀO và lã văn hào", "Lã Văn Hào") == [(7, 17), (21, 31)]


def test_cli_explain_reads_files_stdin_and_text(tmp_path: Path) -> None:
    seed = sorted((CORPUS / "seeds").glob("*.txt"))[2]
    r = qpx("explain", str(seed))
    assert r.returncode == 0, r.stderr
    assert "date.dm" in r.stdout and "Lã Văn Hào" in r.stdout
    html = tmp_path / "a.html"
    html.write_text("<html><body><article><h1>Tin</h1><p>Chiều 22/3/2023, Đại tá Lã Văn Hào dự hội nghị tổng kết "
                    "công tác quốc phòng của thành phố.</p></article></body></html>", encoding="utf-8")
    r = qpx("explain", str(html))
    assert r.returncode == 0, r.stderr
    assert "2023-03-22" in r.stdout
    line = json.dumps({"id": "x", "text": "Đại tá Hùng dự hội nghị."}, ensure_ascii=False)
    r = qpx("explain", "-", "--why", "Hùng", stdin=line + "\n")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("# x:") and "short.alias" in r.stdout
    r = qpx("explain", "--why", "Đại tá Hùng dự hội nghị.")
    assert "short.alias" in r.stdout
    r = qpx("explain", "--why", "Siphone Chansomvong", "Đại tá Siphone Chansomvong dự hội nghị.")
    assert "person.foreign" in r.stdout  # a foreign name after a rank is a person now, with its rule
