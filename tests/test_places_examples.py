"""Places: the gazetteer's sources (each example of extractors/places/examples.yaml is run by
tests/test_examples.py)."""

from __future__ import annotations


def test_gazetteer_uses_the_package_and_the_old_provinces() -> None:
    from qpextract.text.lexicon import Gazetteer

    g = Gazetteer()
    assert g.kind_of("Hà Nội") == "city"
    assert g.kind_of("Bắc Kạn") == "province"  # pre-2025, hand list
    assert g.kind_of("Tuyên Quang") == "province"  # vietnam_provinces
