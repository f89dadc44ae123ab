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


def test_dateline_gives_published_and_no_date_record(pipeline) -> None:
    """The page's dateline under the headline is its publication stamp, not a date the article reports (web3b gold
    leaves it out, web3a lists it optional); the lead's day still resolves against it."""
    article = pipeline.extract(
        "Huyện Mẫu Sơn sơ kết nhiệm vụ quân sự 6 tháng đầu năm 2022\n\nThứ 5, 23/06/2022 | 10:05:12\n\n"
        "Sáng 22/6, Ban CHQS huyện Mẫu Sơn tổ chức hội nghị sơ kết.\n\nHoàng Lan"
    )
    assert article.published == "2022-06-23T10:05"
    assert [d.value for d in article.dates] == ["2022-01/2022-06", "2022-06-22"]
