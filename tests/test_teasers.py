"""Related-article lines: which positions they hold, and a date or figure there gives no record."""

from __future__ import annotations

from qpextract import Pipeline
from qpextract.text.teasers import TeaserLines


def test_holds_the_line_of_a_head_and_nothing_else() -> None:
    text = "ngày 5/3 có 300 quân.\n  xem thêm: ngày 1/2 có 200 quân\nsau đó 100 quân."
    lines = TeaserLines(text)
    start = text.index("xem thêm")
    end = text.index("\n", start)
    assert lines and lines.holds(start) and lines.holds(end - 1)
    assert not lines.holds(end) and not lines.holds(0) and not lines.holds(len(text) - 1)
    assert not TeaserLines("ngày 5/3 có 300 quân.")


def test_a_head_inside_a_sentence_opens_no_line() -> None:
    assert not TeaserLines("bạn đọc có thể xem thêm: ngày 1/2")


def test_dates_and_figures_of_a_related_article_line_give_no_record() -> None:
    art = Pipeline().extract("Sáng 5/3/2023, 300 quân nhập ngũ.\nXem thêm: Ngày 1/2/2023, 200 quân ra quân huấn luyện")
    assert [d.value for d in art.dates] == ["2023-03-05"]
    assert [n.value for n in art.numbers] == [300]
