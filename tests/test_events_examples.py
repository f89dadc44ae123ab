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


def test_headline_rules_stay_linear_under_a_headline_with_happenings() -> None:
    """A headline with acts and announcements over one long body sentence full of dated triggers: the lead's
    restating check and the speech-verb check read bounded windows, so 4x the input costs ~4x the time."""
    import time

    from qpextract.extractors.events import EventExtractor
    from qpextract.pipeline import Pipeline
    from qpextract.text.segment import SentenceSegmenter

    pipe = Pipeline(components=[SentenceSegmenter(), EventExtractor()])
    title = "Nga tuyên bố điều tàu chiến đến gần tàu Mỹ, bắn hạ tên lửa"
    unit = "Ngày 5/3 tổ chức diễn tập tuyên bố tập trận huấn luyện "

    def seconds(size: int) -> float:
        text = unit * (size // len(unit))
        t0 = time.perf_counter()
        pipe.document(text, title=title)
        return time.perf_counter() - t0

    t_small, t_big = seconds(25_000), seconds(100_000)
    assert t_big < max(10 * t_small, 0.5), (t_small, t_big)


def test_lists_read_from_the_other_extractors_data() -> None:
    """The untitled page's guest list reads event_roles.yaml's lists and the lead's day steps temporal_words.yaml's: a
    word added there is read here, and a rule name that is not there is a data error, not a silent empty list."""
    import pytest

    from qpextract.data import read_yaml
    from qpextract.errors import DataFileError
    from qpextract.extractors.events.tables import day_steps, guest_list_regex

    roles = read_yaml("event_roles.yaml")
    guests = guest_list_regex("^(?:{continuations}|{attendance})|{rosters}:", ["role.attendee.du"])
    assert all(guests.search(f"{w} tỉnh có") for w in roles["continuations"])
    assert all(guests.search(f"có {w}: A") for w in roles["rosters"])
    assert guests.search("tham dự có") and not guests.search("dự kiến")  # cues of two words or more only
    with pytest.raises(DataFileError):
        guest_list_regex("{attendance}", ["role.attendee.no_such_rule"])
    words = read_yaml("temporal_words.yaml")
    assert len(day_steps()) == len(words["relative_day_count"]) * len(words["relative_day_step"])
    assert "02 ngày sau" in day_steps()
