"""Event roles stay linear on a hostile input: one long sentence of people and role cues, no full stop."""

from __future__ import annotations

import pytest

from conftest import cpu_seconds
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


def _cpu_seconds(pipe: Pipeline, small: str, big: str) -> tuple[float, float]:
    """The best of three runs of each input, taken in turn, in CPU time of this process: other processes on a busy
    machine take no CPU time of ours, and a slow spell hits both inputs alike."""
    best = [float("inf"), float("inf")]
    for _ in range(3):
        for i, text in enumerate((small, big)):
            best[i] = min(best[i], cpu_seconds(lambda: pipe.document(text, title="Hội nghị tổng kết")))
    return best[0], best[1]


@pytest.mark.parametrize("unit", list(HOSTILE.values()), ids=list(HOSTILE))
def test_roles_linear_time(pipe: Pipeline, unit: str) -> None:
    small = unit * (20_000 // len(unit))
    big = unit * (200_000 // len(unit))
    t_small, t_big = _cpu_seconds(pipe, small, big)
    # 10x the input: linear is ~10x the time, quadratic 100x; allow 25x as tests/test_linear.py does
    assert t_big < max(25 * t_small, 0.5), (t_small, t_big)
