"""The event extractor's vocabularies (data/vi/event_triggers.tsv, events.yaml), loaded once."""

from __future__ import annotations

import re
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from qpextract.data import read_tsv, read_yaml
from qpextract.models import EventType
from qpextract.patterns import trie_pattern


class TriggerRow(BaseModel):
    """One row of event_triggers.tsv."""

    model_config = ConfigDict(extra="forbid")
    phrase: str
    type: EventType
    scope: Literal["any", "main"]
    rank: int = Field(ge=1, le=2)
    cue: bool


class EventVocabulary(BaseModel):
    """events.yaml."""

    model_config = ConfigDict(extra="forbid")
    no_event_title: list[str]
    plan_markers: list[str]
    past_markers: list[str]
    cues: list[str]
    topic_heads: list[str]
    participant_cues: list[str]
    organizer_verbs: list[str]
    location_preps: list[str]
    reporting_cues: list[str]
    not_triggers: list[str]


def phrase_regex(phrases: list[str]) -> re.Pattern[str]:
    """Lower-case phrases as one trie regex; word boundaries are checked by the caller
    (see :func:`bounded`) so that the engine keeps its fast first-character scan."""
    return re.compile(trie_pattern(phrases))


def bounded(text: str, s: int, e: int) -> bool:
    """True when ``text[s:e]`` starts and ends on word boundaries."""
    return (s == 0 or not text[s - 1].isalnum()) and (e >= len(text) or not text[e].isalnum())


def find_all(pattern: re.Pattern[str], text: str, start: int = 0, end: Optional[int] = None) -> list[tuple[int, int]]:
    """Word-bounded matches of ``pattern`` in ``text[start:end]`` (lower-cased text expected)."""
    end = len(text) if end is None else end
    return [m.span() for m in pattern.finditer(text, start, end) if bounded(text, m.start(), m.end())]


class EventTables:
    """Every table the extractor needs, compiled once."""

    def __init__(self) -> None:
        rows = read_tsv("event_triggers.tsv", TriggerRow)
        self.triggers: dict[str, TriggerRow] = {r.phrase: r for r in rows}
        self.trigger_re = phrase_regex(list(self.triggers))
        voc = EventVocabulary.model_validate(read_yaml("events.yaml"))
        self.no_event_re = phrase_regex(voc.no_event_title)
        self.plan_re = phrase_regex(voc.plan_markers)
        self.past_re = phrase_regex(voc.past_markers)
        self.cue_re = phrase_regex(voc.cues)
        self.topic_re = phrase_regex(voc.topic_heads)
        self.participant_re = phrase_regex(voc.participant_cues)
        self.organizer_re = phrase_regex(voc.organizer_verbs)
        self.location_re = phrase_regex(voc.location_preps)
        self.reporting_re = phrase_regex(voc.reporting_cues)
        self.not_trigger_re = phrase_regex(voc.not_triggers)
