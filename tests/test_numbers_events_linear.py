"""Numbers and events stay linear on hostile input (1/1/1/..., one long line without punctuation).

Quick sizes (25 KB and 100 KB) keep the test short; bench/ runs the 1 MB versions."""

from __future__ import annotations

import pytest

from conftest import cpu_seconds
from qpextract.extractors.events import EventExtractor
from qpextract.extractors.numbers import NumberExtractor
from qpextract.pipeline import Pipeline
from qpextract.text.segment import SentenceSegmenter

HOSTILE = {
    "slashes": "1/",
    "numbers without punctuation": "76 công dân nhập ngũ đạt 100% chỉ tiêu tăng 0,4% ",
    "triggers without punctuation": "tổ chức hội nghị tổng kết khen thưởng diễn tập tiếp tục ",
    "number words": "hai ba bốn ",
    "comma lists": "1, ",
    "dots and commas": "1.1,",
    "related-article lines": "Xem thêm: ngày 1/2 có 300 quân\n",
}


@pytest.fixture(scope="module")
def small_pipeline() -> Pipeline:
    return Pipeline(components=[SentenceSegmenter(), NumberExtractor(), EventExtractor()])


def _seconds(pipe: Pipeline, text: str) -> float:
    """CPU seconds of one run (not the wall clock, which other work on the machine stretches)."""
    return cpu_seconds(lambda: pipe.document(text))


@pytest.mark.parametrize("unit", list(HOSTILE.values()), ids=list(HOSTILE))
def test_linear_time(small_pipeline: Pipeline, unit: str) -> None:
    small = unit * (25_000 // len(unit))
    big = unit * (100_000 // len(unit))
    t_small = _seconds(small_pipeline, small)
    t_big = _seconds(small_pipeline, big)
    # 4x the input: allow up to ~10x the CPU time (noise), well below the 16x of a quadratic
    assert t_big < max(10 * t_small, 0.5), (t_small, t_big)
