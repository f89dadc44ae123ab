"""Event roles stay linear on a hostile input: one long sentence of people and role cues, no full stop."""

from __future__ import annotations

import time

import pytest

from qpextract.extractors.events import EventExtractor
from qpextract.extractors.officials import OfficialExtractor
from qpextract.pipeline import Pipeline
from qpextract.text.segment import SentenceSegmenter

HOSTILE = {
    "people and cues": "Dự hội nghị có đồng chí Nguyễn Văn An, Bí thư Ban Chỉ đạo phát biểu và Đại tá Lê Văn Bình báo cáo, ",
    "people joined by và": "Chiều 1/12 tổ chức hội nghị tổng kết Thượng tá Trần Văn Hùng và Đại tá Lê Văn Nam và ",
}


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(components=[SentenceSegmenter(), OfficialExtractor(), EventExtractor()])


def _seconds(pipe: Pipeline, text: str) -> float:
    """The best of three runs (a busy machine only ever adds time)."""
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        pipe.document(text, title="Hội nghị tổng kết")
        best = min(best, time.perf_counter() - t0)
    return best


@pytest.mark.parametrize("unit", list(HOSTILE.values()), ids=list(HOSTILE))
def test_roles_linear_time(pipe: Pipeline, unit: str) -> None:
    small = unit * (20_000 // len(unit))
    big = unit * (200_000 // len(unit))
    t_small = _seconds(pipe, small)
    t_big = _seconds(pipe, big)
    # 10x the input: linear is ~10x the time, quadratic 100x; allow 25x as tests/test_linear.py does
    assert t_big < max(25 * t_small, 0.5), (t_small, t_big)
