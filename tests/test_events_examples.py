"""The event extractor's examples (extractors/events/examples.yaml) through the whole pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

EXAMPLES = yaml.safe_load(
    (Path(__file__).resolve().parents[1] / "src/qpextract/extractors/events/examples.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", EXAMPLES["cases"], ids=lambda c: c["name"][:60])
def test_event_case(pipeline, case: dict) -> None:
    art = pipeline.extract(case["text"], title=case.get("title"), published=case.get("published"))
    mains = [e for e in art.events if e.main]
    if case["main"] is None:
        assert not mains, f"no headline event expected, got {[(e.type, e.trigger) for e in mains]}"
    else:
        assert [e.type for e in mains] == [case["main"]], [(e.type, e.trigger, e.main) for e in art.events]
    types = {e.type for e in art.events}
    missing = set(case.get("types", [])) - types
    assert not missing, f"nothing found for {missing}; got {[(e.type, e.trigger) for e in art.events]}"
    unwanted = set(case.get("not_types", [])) & types
    assert not unwanted, f"plans or topics taken as events: {[(e.type, e.trigger) for e in art.events if e.type in unwanted]}"
    if not case["types"]:
        assert not art.events, [(e.type, e.trigger) for e in art.events]
    if "organizer" in case:
        assert mains and mains[0].organizer == case["organizer"]
    for e in art.events:  # a trigger found in the text points at it
        if e.end > e.start:
            assert case["text"][e.start : e.end].lower() == e.trigger.lower()
