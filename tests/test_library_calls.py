"""The library as a new user calls it (issue #13): files, bytes, HTML, many articles, frames, spans,
published dates, and TypeErrors that say what to pass. Each test failed on 6e0708a."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

import qpextract
from conftest import CORPUS
from qpextract import Article, ErrorLine
from qpextract.errors import InputError

MIXED = Path(__file__).parent / "data" / "inputs" / "mixed"
SENTENCE = "Chiều 22/3, Đại tá Lã Văn Hào dự hội nghị tổng kết công tác QP-QSĐP."


def cli_lines(*paths: Path) -> dict[str, dict]:
    r = subprocess.run([sys.executable, "-m", "qpextract", "extract", *map(str, paths), "-o", "-", "-w", "0", "-q"],
                       capture_output=True, text=True, timeout=300)
    return {line["id"]: line for line in map(json.loads, r.stdout.splitlines())}


# -- files, bytes and HTML go through the CLI's readers and repair ----------------------------------


def test_extract_of_a_file_path_says_to_call_extract_file() -> None:
    with pytest.raises(ValueError, match=r"extract_file"):
        qpextract.extract(str(MIXED / "plain.txt"))


@pytest.mark.parametrize("name", ["cp1258.txt", "tcvn3.txt", "utf16.txt", "page.html", "nfd.txt"])
def test_extract_file_gives_what_the_cli_gives(name: str) -> None:
    article = qpextract.extract_file(MIXED / name)
    expected = cli_lines(MIXED / name)[Path(name).stem]
    assert article.model_dump(mode="json") == expected


def test_extract_bytes_and_extract_html_read_like_the_cli() -> None:
    expected = cli_lines(MIXED / "cp1258.txt", MIXED / "page.html")
    from_bytes = qpextract.extract_bytes((MIXED / "cp1258.txt").read_bytes(), id="cp1258")
    assert from_bytes.text == expected["cp1258"]["text"] and from_bytes.dates == [
        qpextract.TemporalExpression.model_validate(d) for d in expected["cp1258"]["dates"]
    ]
    page = qpextract.extract_html((MIXED / "page.html").read_text(encoding="utf-8"), id="page")
    assert page.title == expected["page"]["title"] and page.text == expected["page"]["text"]
    assert "<" not in page.text


def test_extract_file_refuses_what_cannot_be_one_article() -> None:
    with pytest.raises(ValueError, match="extract_files"):
        qpextract.extract_file(MIXED / "lines.jsonl")
    with pytest.raises(FileNotFoundError):
        qpextract.extract_file(MIXED / "no-such.txt")
    with pytest.raises(InputError) as err:
        qpextract.extract_file(MIXED / "vni.txt")
    assert err.value.kind == "decode"


def test_extract_files_yields_one_result_per_article() -> None:
    results = list(qpextract.extract_files(MIXED / "lines.jsonl"))
    assert [r.id for r in results] == list(cli_lines(MIXED / "lines.jsonl"))


# -- many articles ------------------------------------------------------------------------------


def test_extract_many_refuses_one_string() -> None:
    with pytest.raises(TypeError, match=r"extract\(text\)"):
        qpextract.extract_many(SENTENCE)


def test_extract_many_reads_the_rows_of_a_dataframe() -> None:
    pd = pytest.importorskip("pandas", reason="the pandas extra (in dev) is needed for DataFrame input")
    df = pd.DataFrame({"id": ["a", "b"], "text": [SENTENCE, "Sáng 3/4/2023, hội nghị sơ kết."], "title": [None, None]})
    results = list(qpextract.extract_many(df))
    assert [r.id for r in results] == ["a", "b"] and all(isinstance(r, Article) for r in results)
    with pytest.raises(TypeError, match="'text' column"):
        qpextract.extract_many(pd.DataFrame({"content": [SENTENCE]}))


def test_extract_many_on_workers_gives_what_one_process_gives() -> None:
    items = [{"id": f"s{i}", "text": p.read_text(encoding="utf-8")} for i, p in enumerate(sorted((CORPUS / "seeds").glob("*.txt")))]
    items.insert(2, {"id": "bad", "content": "no text key"})
    here = list(qpextract.Pipeline().extract_many(items))
    pooled = list(qpextract.Pipeline().extract_many(items, workers=2))
    assert [r.id for r in pooled] == [x["id"] for x in items]
    assert [r.model_dump() for r in pooled] == [r.model_dump() for r in here]
    assert pooled[0].span(pooled[0].dates[0]) == items[0]["text"][pooled[0].dates[0].start : pooled[0].dates[0].end]


def test_extract_many_on_workers_keeps_the_title_for_title_records() -> None:
    title = "Bộ CHQS tỉnh tổ chức hội nghị tổng kết công tác QP, QS địa phương"
    (pooled,) = qpextract.Pipeline().extract_many([{"id": "t", "title": title, "text": SENTENCE}], workers=2)
    in_title = [a for a in pooled.abbreviations if a.field == "title"]
    assert {a.short for a in in_title} >= {"CHQS", "QP"}
    assert all(pooled.span(a) == title[a.start : a.end] for a in in_title)


def test_a_dict_with_content_instead_of_text_says_so() -> None:
    (line,) = qpextract.extract_many([{"id": "x", "content": SENTENCE}])
    assert isinstance(line, ErrorLine)
    assert "'content'" in line.error.message and "'text'" in line.error.message


def test_type_errors_say_what_to_pass() -> None:
    assert qpextract.extract(SENTENCE.encode()) == qpextract.extract(SENTENCE)  # bytes are decoded, as the CLI does
    with pytest.raises(TypeError, match="extract_file"):
        qpextract.extract(MIXED / "plain.txt")
    with pytest.raises(TypeError, match="extract_many"):
        qpextract.extract([SENTENCE])
    with pytest.raises(TypeError, match="published must be"):
        qpextract.extract(SENTENCE, published=20221202)


# -- published ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "published, iso",
    [
        (dt.date(2022, 12, 2), "2022-12-02"),
        (dt.datetime(2022, 12, 2, 8, 5), "2022-12-02T08:05"),
        ("02/12/2022", "2022-12-02"),
        ("2022/12/02", "2022-12-02"),
        ("2/12/2022 08:05", "2022-12-02T08:05"),
        ("Thứ Ba, ngày 9 tháng 4 năm 2022 - 08:05", "2022-04-09T08:05"),
        ("Thứ sáu, 02/12/2022, 08:05 (GMT+7)", "2022-12-02T08:05"),
        ("2022-12-01T20:54:00+07:00", "2022-12-01T20:54"),
    ],
)
def test_published_accepts_dates_and_the_formats_sites_print(published: object, iso: str) -> None:
    article = qpextract.extract(SENTENCE, published=published)
    assert article.published == iso and not article.warnings
    resolved = [d.value for d in article.dates if d.text.startswith("Chiều")]
    assert resolved == [d.value for d in qpextract.extract(SENTENCE, published=iso).dates if d.text.startswith("Chiều")]
    assert not resolved[0].startswith("XXXX")


@pytest.mark.parametrize("published", ["2024-13-45", "31/02/2022", "hôm qua"])
def test_an_unreadable_published_is_a_warning_not_a_reference_date(published: str) -> None:
    article = qpextract.extract(SENTENCE, published=published)
    assert article.published is None
    assert any(published in w for w in article.warnings)
    assert [d.value for d in article.dates if d.text.startswith("Chiều")] == ["XXXX-03-22"]


# -- frames and spans ---------------------------------------------------------------------------


def test_to_frames_gives_one_frame_per_record_kind() -> None:
    pytest.importorskip("pandas", reason="the pandas extra (in dev) is needed for to_frames")
    results = list(qpextract.extract_many([SENTENCE, {"id": "e", "text": "  "}]))
    frames = qpextract.to_frames(results)
    article = results[0]
    assert list(frames["articles"]["id"]) == ["0"] and list(frames["errors"]["id"]) == ["e"]
    for kind in ("dates", "officials", "ranks", "events", "abbreviations"):
        assert len(frames[kind]) == len(getattr(article, kind)) > 0, kind
    assert set(frames["mentions"]["official_index"]) == {0}
    assert set(frames["participants"]["event_index"]) <= set(range(len(article.events)))


def test_to_frames_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"qpextract\[pandas\]") as err:
        qpextract.to_frames([qpextract.extract(SENTENCE)])
    assert isinstance(err.value, qpextract.MissingExtra)


def test_span_returns_the_original_text_of_a_record() -> None:
    original = "Chiều  22/3 ,  Đại  tá Lã Văn Hào dự hội nghị tổng kết công tác QP–QSĐP ."
    article = qpextract.extract(original)
    records = [*article.dates, *article.ranks, *article.abbreviations, *article.events,
               *(m for o in article.officials for m in o.mentions)]
    assert records and all(article.span(r) == original[r.start : r.end] for r in records)
    assert any(article.span(d) != d.text for d in article.dates)  # the normalized text differs
    again = Article.model_validate_json(article.model_dump_json())
    assert again == article
    with pytest.raises(ValueError, match="original="):
        again.span(again.dates[0])
    assert again.span(again.dates[0], original=original) == article.span(article.dates[0])
    with pytest.raises(TypeError, match="mentions"):
        article.span(article.officials[0])
