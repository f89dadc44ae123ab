"""Invariants of the normalizer over its examples (each example of text/examples/*.yaml is run by
tests/test_examples.py): normalizing twice changes nothing, and every character has a source."""

from __future__ import annotations

import pytest

from qpextract.examples import PACKAGE, load
from qpextract.text.normalize import normalize

CASES = load(PACKAGE / "text/examples/normalize.yaml").cases


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.label[:40])
def test_normalize_is_idempotent_and_mapped(case) -> None:
    mt = normalize(case.text)
    assert mt.text == case.expect["text"]
    assert normalize(mt.text).text == mt.text, "normalizing twice changes the text"
    assert mt.starts is None or len(mt.starts) == len(mt.ends) == len(mt.text)
