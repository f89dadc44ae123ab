"""A published day outside the years 1000-9998 is refused (a warning, no reference date), so
relative expressions never resolve to five-digit years or past the calendar's end."""

from __future__ import annotations

import datetime as dt

import pytest

from qpextract import Pipeline
from qpextract.text.published import parse_published

TEXT = "Năm tới, ngày mai đơn vị tổ chức huấn luyện; năm ngoái, hôm qua có 5 đơn vị tham gia."


@pytest.mark.parametrize("published", ["9999-12-31", "31/12/9999", dt.date(9999, 12, 31), "0999-01-01", dt.datetime(1, 1, 1)])
def test_out_of_range_published_is_refused(published) -> None:
    iso, warning = parse_published(published)
    assert iso is None and warning and "1000-9998" in warning


def test_out_of_range_published_gives_no_reference_and_four_digit_years() -> None:
    article = Pipeline().extract(TEXT, published="9999-12-31")
    assert article.published is None
    assert any("1000-9998" in w for w in article.warnings)
    assert all(not d.value or not d.value[:5].isdigit() for d in article.dates)  # no "10000"


def test_edge_years_still_resolve() -> None:
    article = Pipeline().extract(TEXT, published="9998-12-31")
    assert {"9999", "9997", "9999-01-01", "9998-12-30"} <= {d.value for d in article.dates}
