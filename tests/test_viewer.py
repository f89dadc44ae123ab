"""The article page without a browser: span nesting and splitting, the Python API, `qpextract render`."""

from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import CORPUS

pytest.importorskip("jinja2", reason="jinja2 (the view extra) is not installed")

from qpextract.viewer import SpanMismatch, page_html, render  # noqa: E402
from qpextract.viewer.spans import Mark, collect_marks, tree  # noqa: E402


class _Marks(HTMLParser):
    """Text shown inside each data-rid of the page's #text, pieces joined in order."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.inside = False
        self.shown: dict[str, str] = {}
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "main" and a.get("id") == "text":
            self.inside = True
        elif self.inside and tag == "mark":
            self.open.append(a["data-rid"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self.inside = False
        elif self.inside and tag == "mark":
            self.open.pop()

    def handle_data(self, data: str) -> None:
        for rid in self.open:
            self.shown[rid] = self.shown.get(rid, "") + data


def shown(html: str) -> dict[str, str]:
    p = _Marks()
    p.feed(html)
    return p.shown


def flatten(node) -> str:
    return "".join(c if isinstance(c, str) else f"<{c.mark.rid}>{flatten(c)}</{c.mark.rid}>" for c in node.children)


def test_nested_and_crossing_spans_are_split_never_dropped() -> None:
    text = "abcdefghij"
    marks = [Mark("a", "date", 0, 6, "abcdef"), Mark("b", "number", 2, 4, "cd"), Mark("c", "place", 4, 9, "efghi")]
    # c crosses a: a is closed at 6 and c goes on in a second piece
    assert flatten(tree(text, marks)) == "<a>ab<b>cd</b><c>ef</c></a><c>ghi</c>j"


def test_every_seed_record_shows_its_text(pipeline) -> None:
    for path in sorted((CORPUS / "seeds").glob("*.txt")):
        original = path.read_text(encoding="utf-8")
        article = pipeline.extract(original, id=path.stem)
        html = page_html(article, original)
        got = shown(html)
        n = len(article.dates) + len(article.numbers) + len(article.abbreviations) + len(article.ranks)
        assert n and len(got) >= n, path.stem
        for d_i, d in enumerate(article.dates):
            assert got[f"dat{d_i}"] == original[d.start : d.end]
        for o_i, o in enumerate(article.officials):
            for m_i, m in enumerate(o.mentions):
                assert got[f"per{o_i * 1000 + m_i}"] == original[m.start : m.end]


def test_records_of_a_separate_title_are_not_drawn_in_the_text(pipeline) -> None:
    title = "Bộ CHQS tỉnh giao 1.200 tân binh"
    text = "Sáng 3/3, tỉnh giao 1.200 tân binh cho các đơn vị. Có 15 đơn vị nhận quân."
    article = pipeline.extract(text, title=title)
    in_title = [x for x in article.numbers + article.abbreviations if x.field == "title"]
    assert in_title, "the title's figure and abbreviation are records"
    marks = collect_marks(article, text)
    assert {(m.start, m.end) for m in marks} >= {(x.start, x.end) for x in article.numbers if x.field is None}
    assert sum(m.kind == "number" for m in marks) == sum(x.field is None for x in article.numbers)


def test_render_api_from_text_and_notebook_html() -> None:
    import qpextract

    page = qpextract.render("Chiều 22/3, Đại tá Lã Văn Hào dự hội nghị tổng kết.")
    assert "<mark" in page and "Lã Văn Hào" in page
    frame = page._repr_html_()
    assert frame.startswith("<iframe") and "srcdoc=" in frame and "<mark" not in frame  # escaped inside srcdoc
    assert "http://" not in page and "https://" not in page  # no CDN, nothing to fetch


def test_render_without_the_original_says_so(pipeline) -> None:
    original = "  Chiều   22/3,   Đại tá   Lã Văn Hào dự hội nghị   tổng kết LLVT.   " * 3
    article = pipeline.extract(original)
    with pytest.raises(SpanMismatch, match="original"):
        render(article)
    assert "<mark" in render(article, original)


def test_cli_render_one_page_and_a_folder(tmp_path: Path) -> None:
    seed = sorted((CORPUS / "seeds").glob("*.txt"))[2]
    one = tmp_path / "page.html"
    r = subprocess.run([sys.executable, "-m", "qpextract", "render", str(seed), "-o", str(one)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert one.read_text(encoding="utf-8").count("<mark") > 20
    folder = tmp_path / "pages"
    r = subprocess.run([sys.executable, "-m", "qpextract", "render", str(CORPUS / "seeds"), "-o", str(folder)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert len(list(folder.glob("*.html"))) == 6  # five pages and index.html
    r = subprocess.run([sys.executable, "-m", "qpextract", "render", str(CORPUS / "seeds"), "-o", str(one)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 2 and "folder" in r.stderr


def test_markup_in_the_article_stays_text() -> None:
    hostile = 'Chiều 22/3, </script><script>alert(1)</script> Đại tá Lã Văn Hào <b onmouseover="x()">dự</b> hội nghị.'
    page = render(hostile)
    assert "<script>alert(1)" not in page and "<b onmouseover" not in page
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in page  # shown as the text it is
