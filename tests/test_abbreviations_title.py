"""Abbreviations of the input's separate title: records with ``field="title"`` pointing into it."""

from __future__ import annotations

import json

import pytest

from qpextract.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


TITLES = [
    "TT  Trump: Mỹ sẽ rút quân, UBND TP\u200b Hà Nội họp",
    "U\u0309y ban nhân dân (UBND) quận và LLVT: hội nghị",
    "LỰC LƯỢNG VŨ TRANG TỈNH: NATO và LLVT",
]


@pytest.mark.parametrize("title", TITLES)
def test_title_records_point_into_the_original_title(pipeline, title):
    text = "Sáng 5/3, ông Trump nói chuyện với báo giới. Ban Chỉ huy Quân sự (CHQS) huyện họp."
    article = pipeline.extract(text, title=title)
    in_title = [a for a in article.abbreviations if a.field == "title"]
    assert in_title, "no record from the title"
    for a in in_title:
        assert title[a.start : a.end].replace("\u200b", "") == a.text
        assert article.span(a) == title[a.start : a.end]
        assert article.span(a, original_title=title) == title[a.start : a.end]
    assert all(a.field is None for a in article.abbreviations if a not in in_title)
    assert "LLVT" not in article.expanded_text or "LLVT" in text  # expanded_text is the text's only


def test_title_uses_the_article_definitions_and_null_for_the_text(pipeline):
    text = "Ban Chỉ huy Quân sự (CHQS) huyện tổ chức hội nghị."
    article = pipeline.extract(text, title="CHQS huyện tổng kết")
    title_rec = next(a for a in article.abbreviations if a.field == "title")
    assert (title_rec.short, title_rec.expansion) == ("CHQS", "Chỉ huy Quân sự")
    data = json.loads(article.model_dump_json())
    assert {a["field"] for a in data["abbreviations"]} == {None, "title"}


def test_no_title_records_without_a_separate_title(pipeline):
    article = pipeline.extract("UBND huyện họp\nSáng 5/3, UBND huyện tổ chức hội nghị.")
    assert all(a.field is None for a in article.abbreviations)
