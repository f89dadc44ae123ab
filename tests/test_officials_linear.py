"""Hostile inputs: the officials and places extractors stay linear and never raise."""

from __future__ import annotations

import pytest

from conftest import cpu_seconds
from qpextract import Pipeline
from qpextract.extractors.officials import OfficialExtractor
from qpextract.extractors.places import PlaceExtractor
from qpextract.text.metadata import MetadataReader
from qpextract.text.segment import SentenceSegmenter

MB = 1_000_000


@pytest.fixture(scope="module")
def small_pipeline() -> Pipeline:
    return Pipeline(components=[MetadataReader(), SentenceSegmenter(), OfficialExtractor(), PlaceExtractor()])


def _repeat(unit: str, size: int = MB) -> str:
    return unit * (size // len(unit))


@pytest.mark.parametrize(
    "unit, size",
    [
        ("Nguyễn Văn ", MB),
        ("đồng chí, ", MB),
        ("Đại tá Hoàng Văn Hào, Chính ủy Bộ CHQS tỉnh, ", MB // 4),
        ("từ đại tá. ", MB // 4),
        ("ông Hào ", MB // 4),
        ("Bí thư Thành ủy ", MB // 4),
        ("UBND tỉnh Hà Nội ", MB // 4),
        ("phường Đức Xuân xã ", MB // 4),
        ("đ/c Trương Quốc Bảo - tỉnh ủy viên - ", MB // 4),
    ],
)
def test_hostile_input_is_fast(small_pipeline: Pipeline, unit: str, size: int) -> None:
    text = _repeat(unit, size)
    assert cpu_seconds(lambda: small_pipeline.document(text)) < 20 * size / MB + 5, f"{unit!r} x {size} chars is too slow"


def test_long_line_without_punctuation(small_pipeline: Pipeline) -> None:
    words = "cán bộ chiến sĩ Lực lượng Vũ trang Nguyễn Văn An Bộ CHQS tỉnh đại tá "
    doc = small_pipeline.document(_repeat(words, MB // 4))
    # found, not choked (said of no named person, so left out by rule rank.unattached and noted as near misses)
    assert doc.ranks or any(m[1] == "rank.unattached" for m in doc.near_misses)


def test_backtracking_scale(small_pipeline: Pipeline) -> None:
    """Ten times the input costs about ten times the time, not a hundred."""
    unit = "Đồng chí Cù Ngọc Cường, Ủy viên Ban Thường vụ Tỉnh ủy - "
    t_small = _cost(small_pipeline, _repeat(unit, 40_000))
    t_big = _cost(small_pipeline, _repeat(unit, 400_000))
    assert t_big < 30 * max(t_small, 0.01)


def _cost(p: Pipeline, text: str) -> float:
    return cpu_seconds(lambda: p.document(text))


def test_clause_posts_scale(small_pipeline: Pipeline) -> None:
    """Rule position.clause_post looks only at the cues of its own clause: twenty times a run of short clauses
    that each open with a body and a comma before the name costs about twenty times the time (measured x11 for
    x10; the tenth pass's first version, which scanned every later cue per clause, x29 for x10 and x100 and more
    for x20)."""
    unit = "Sở Ngoại vụ, ông An. "
    t_small = _cost(small_pipeline, _repeat(unit, 20_000))
    t_big = _cost(small_pipeline, _repeat(unit, 400_000))
    assert t_big < 45 * max(t_small, 0.01)


@pytest.mark.parametrize(
    "unit",
    [
        "nghị viện Crimea Yury Ghempel, ",  # rule person.cued_tail: a candidate closing a capitalized run, each one
        "Crimea Yury Ghempel Manila Igor Khovaev ",  # ten thousand capitalized words in one run
        "Đại sứ Nga tại Manila Igor Khovaev ",  # rule position.at_place_named
    ],
)
def test_cued_tail_reads_the_article_once(small_pipeline: Pipeline, unit: str) -> None:
    """Rule person.cued_tail looks up the family name in the words read once after a singular honorific (its first
    version compiled a pattern per family name and scanned the article again for every candidate: x63 for x10, 13 s
    for 100 kB): 100 kB of candidates, the honorific mention of their family name last, cost about ten times 10 kB."""
    tail = " Ông Ghempel nói. Ông Khovaev nói."  # last: a scan per candidate would read the whole article each time
    t_small = _cost(small_pipeline, _repeat(unit, 10_000) + tail)
    t_big = _cost(small_pipeline, _repeat(unit, 100_000) + tail)
    assert t_big < 30 * max(t_small, 0.01), f"{unit!r}: x{t_big / max(t_small, 0.01):.0f} for x10"
    assert t_big < 10, f"{unit!r} x 100 kB took {t_big:.1f} s"
