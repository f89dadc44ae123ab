"""Web pages: a month-precision dateline (" date 2023-11 …") is a reference date and names no day."""

from __future__ import annotations

from qpextract.registry.mentions import article_day


def test_month_precision_dateline_is_the_reference(pipeline) -> None:
    article = pipeline.extract(" date 2023-11 Chiều 9.11, Ban CHQS huyện Mẫu Sơn kết thúc diễn tập khu vực phòng thủ.\n\nCác lực lượng hoàn thành tốt nhiệm vụ.")
    assert article.published == "2023-11"
    assert article.title is None
    assert "2023-11-09" in [d.value for d in article.dates]


def test_month_precision_dateline_names_no_article_day(pipeline) -> None:
    article = pipeline.extract(" date 2023-11 Các lực lượng hoàn thành tốt nhiệm vụ trong năm qua.\n\nCác đơn vị được biểu dương.")
    assert article.published == "2023-11"
    assert article_day(article) is None
