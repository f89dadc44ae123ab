"""The number extractor's examples (extractors/numbers/examples.yaml) through the whole pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from qpextract.evaluate import fold

EXAMPLES = yaml.safe_load(
    (Path(__file__).resolve().parents[1] / "src/qpextract/extractors/numbers/examples.yaml").read_text(encoding="utf-8")
)


def _words(s: str) -> set[str]:
    return set(fold(s).replace(",", " ").split())


@pytest.mark.parametrize("case", EXAMPLES["positive"], ids=lambda c: c["text"][:50])
def test_positive(pipeline, case: dict) -> None:
    got = pipeline.extract(case["text"]).numbers
    found = {(round(n.value, 3), n.unit): n for n in got}
    for want in case["numbers"]:
        key = (round(float(want["value"]), 3), want["unit"])
        assert key in found, f"nothing found for {key}; got {[(n.text, n.value, n.unit) for n in got]}"
        n = found[key]
        if "subject" in want:
            assert _words(want["subject"]) <= _words(n.subject or ""), f"partial subject: {n.subject!r}"
        for field in ("qualifier", "total"):
            if field in want:
                assert getattr(n, field) == want[field], f"{field}: {getattr(n, field)!r}"
        if "change" in want:
            assert n.change is not None, "no change"
            assert (round(n.change.value, 3), n.change.direction) == (want["change"]["value"], want["change"]["direction"])
    if case.get("exact"):
        wanted = {(round(float(w["value"]), 3), w["unit"]) for w in case["numbers"]}
        extra = [(n.text, n.value) for n in got if (round(n.value, 3), n.unit) not in wanted]
        assert not extra, f"competing readings: {extra}"


@pytest.mark.parametrize("text", EXAMPLES["negative"], ids=lambda t: t[:50])
def test_negative(pipeline, text: str) -> None:
    got = pipeline.extract(text).numbers
    assert not got, [(n.text, n.value, n.unit) for n in got]


def test_spans_point_at_their_text(pipeline) -> None:
    """Every record's original span reads as its text (examples have no normalization edits to hide)."""
    for case in EXAMPLES["positive"]:
        for n in pipeline.extract(case["text"]).numbers:
            assert fold(case["text"][n.start : n.end]) == fold(n.text)
