"""The temporal scan is linear: 1 MB of hostile text costs about ten times 100 KB.

Uses the hostile inputs and the CPU-time measure of bench/temporal_linear.py
(which prints the figures for every input).
"""

from __future__ import annotations

import pytest

from conftest import load_tool
from qpextract.document import Reference
from qpextract.extractors.temporal import TemporalExtractor

# ten times the text may cost ~12x (allocation, sorting anchors) plus noise on a busy machine
RATIO_CEILING = 18.0
SLACK_SECONDS = 0.05


bench = load_tool("temporal_linear", "bench")
UNITS = {
    # digits, slashes and "tháng" in one text (every input alone: bench/temporal_linear.py)
    "digits, slashes, tháng": "1/1/tháng 12/2020 năm 1 ",
    "names": bench.HOSTILE["names"],
    "đồng chí": bench.HOSTILE["đồng chí"],
    "one line": bench.HOSTILE["one line"],
}


@pytest.fixture(scope="module")
def run():
    extractor = TemporalExtractor()
    ref = Reference(2023, None, None, "title")
    return lambda text: extractor.expressions(text, ref)


@pytest.mark.parametrize("name", list(UNITS))
def test_linear_on_hostile_input(run, name: str) -> None:
    unit = UNITS[name]
    small = bench.measure(run, bench.hostile(unit, 100_000))
    large = bench.measure(run, bench.hostile(unit, 1_000_000), repeat=1)
    assert large <= RATIO_CEILING * small + SLACK_SECONDS, (
        f"{name}: 1 MB took {large:.2f}s, 100 KB {small:.3f}s (ratio {large / max(small, 1e-9):.1f}x)"
    )


def test_hostile_input_never_raises(run) -> None:
    """Odd text yields records or nothing, never an exception."""
    odd = ["", "/", "0/0/0000", "31/2/2020", "32/13", "ngày 0/0", "tháng 13", "quý V", "1" * 5000]
    odd += ["Tết Giáp Sửu", "từ ngày 5/3 đến ngày 1/3", "İstanbul ngày 5/3", "\u0130" * 10 + " ngày 5/3"]
    odd += ["ngày 5/3" + "\u0301" * 3]
    for text in odd:
        for s, e, _, fields in run(text):
            assert 0 <= s < e <= len(text) and fields["value"]
