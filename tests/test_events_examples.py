"""Checks on the event extractor's tables beyond its examples (which tests/test_examples.py runs)."""

from __future__ import annotations

from pathlib import Path

import yaml

EXAMPLES = yaml.safe_load(
    (Path(__file__).resolve().parents[1] / "src/qpextract/extractors/events/examples.yaml").read_text(encoding="utf-8")
)


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
    shown = {e["rule"] for c in EXAMPLES["cases"] for e in c.get("expect", {}).get("events", []) if "rule" in e}
    assert named <= shown, f"main rules without an example: {sorted(named - shown)}"
