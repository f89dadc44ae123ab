"""Property tests: the normalizer's offset map on arbitrary Unicode and naughty Vietnamese."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from qpextract.text.normalize import normalize

VIETNAMESE = "Uỷ ban hoà bình Đồng chí Cù Ngọc Cường 16/10/2020 23,4% – “QP-QSĐP” TP.HCM"
naughty = st.sampled_from(
    [
        VIETNAMESE,
        unicodedata.normalize("NFD", VIETNAMESE),
        "\u200b".join(VIETNAMESE),
        VIETNAMESE.replace(" ", "\u00a0\u00a0"),
        "Skip to main content\n" + VIETNAMESE + "\nLoading...",
        "tin.00_00_14_15.Still189.bmp\r\n" + VIETNAMESE,
        "hiệu quả.Công tác,UBND",
    ]
)
texts = st.one_of(st.text(max_size=300), naughty, st.lists(naughty, max_size=4).map("\n".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
@example("a\u0301\u0301b")
@example("\u1100\u1161\u11a8")  # Hangul jamo compose across what looks like separate letters
def test_offset_map_is_monotonic_in_bounds_and_round_trips(original: str) -> None:
    mt = normalize(original)
    n = len(original)
    sources = [mt.source(i) for i in range(len(mt.text))]
    prev_s = prev_e = 0
    for s, e in sources:
        assert 0 <= s <= e <= n
        assert s >= prev_s and e >= prev_e, "the map must never go backwards"
        prev_s, prev_e = s, e
    # round trip: every non-inserted character's source normalizes back to something containing it
    for i, ch in enumerate(mt.text):
        s, e = sources[i]
        if s == e:
            assert ch == " ", "only a space may be inserted"
            continue
        source = normalize(original[s:e]).text if not original[s:e].isspace() else " "
        assert ch in source or ch in {"-", '"', "'", " ", "\n"}, (ch, original[s:e])


@settings(max_examples=300, deadline=None)
@given(texts)
def test_normalizing_twice_changes_nothing(original: str) -> None:
    once = normalize(original).text
    assert normalize(once).text == once


@settings(max_examples=200, deadline=None)
@given(texts, st.data())
def test_spans_map_back_to_their_source(original: str, data: st.DataObject) -> None:
    mt = normalize(original)
    if not mt.text:
        return
    a = data.draw(st.integers(0, len(mt.text) - 1))
    b = data.draw(st.integers(a + 1, len(mt.text)))
    s, e = mt.to_original(a, b)
    assert 0 <= s <= e <= len(original)
    assert mt.to_normalized(s) <= a
