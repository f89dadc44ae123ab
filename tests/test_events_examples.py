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
    if "rule" in case:
        assert mains[0].rule == case["rule"], mains[0].rule
    if "organizer" in case:
        assert mains and mains[0].organizer == case["organizer"]
    for e in art.events:  # a trigger found in the text points at it
        if e.end > e.start:
            assert case["text"][e.start : e.end].lower() == e.trigger.lower()


def test_no_headline_word_hides_a_trigger_of_the_body() -> None:
    """A scope-title phrase that contains a body trigger ("được bổ nhiệm" ⊃ "bổ nhiệm") would hide it in the body."""
    from qpextract.data import read_tsv
    from qpextract.extractors.events.tables import TriggerRow

    rows = read_tsv("event_triggers.tsv", TriggerRow)
    body = [r.phrase for r in rows if r.scope != "title"]
    hiding = [(r.phrase, b) for r in rows if r.scope == "title" for b in body if f" {b} " in f" {r.phrase} "]
    assert not hiding, hiding


def test_every_main_rule_has_an_example() -> None:
    from qpextract.extractors.events.tables import EventTables

    named = {r.name for r in EventTables().main_rules}
    shown = {c["rule"] for c in EXAMPLES["cases"] if "rule" in c}
    assert named <= shown, f"main rules without an example: {sorted(named - shown)}"

