"""Web pages: a month stamp (" date 2023-11 …") is no printed dateline: no published, no reference, no day."""

from __future__ import annotations

from qpextract.registry.mentions import article_day


def test_month_stamp_is_no_dateline(pipeline) -> None:
    article = pipeline.extract(" date 2023-11 Chiều 9.11, Ban CHQS huyện Mẫu Sơn kết thúc diễn tập khu vực phòng thủ.\n\nCác lực lượng hoàn thành tốt nhiệm vụ.")
    assert article.published is None
    assert article.title is None
    assert "XXXX-11-09" in [d.value for d in article.dates]


def test_day_stamp_is_the_dateline(pipeline) -> None:
    article = pipeline.extract(" date 2023-11-10 Chiều 9.11, Ban CHQS huyện Mẫu Sơn kết thúc diễn tập khu vực phòng thủ.\n\nCác lực lượng hoàn thành tốt nhiệm vụ.")
    assert article.published == "2023-11-10"
    assert "2023-11-09" in [d.value for d in article.dates]


def test_month_stamp_names_no_article_day(pipeline) -> None:
    article = pipeline.extract(" date 2023-11 Các lực lượng hoàn thành tốt nhiệm vụ trong năm qua.\n\nCác đơn vị được biểu dương.")
    assert article.published is None
    assert article_day(article) is None
