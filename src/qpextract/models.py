"""Pydantic models of the output contract (../shared/SPEC.md, schema version 2).

Field names are the contract: add fields freely, rename none. Every record
carries ``start``/``end`` into the article's *original* input and ``text`` as
it reads in the normalized text.
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION: Literal["2"] = "2"

PartOfDay = Literal["morning", "noon", "afternoon", "evening", "night"]
TemporalType = Literal["date", "datetime", "period", "duration"]
Unit = Literal["percent", "count", "money"]
Qualifier = Literal["over", "at_least", "about", "under"]
Direction = Literal["increase", "decrease"]
Branch = Literal["army", "navy", "police"]
EventType = Literal[
    "summary_conference",
    "review_conference",
    "deployment",
    "exercise",
    "enlistment",
    "award",
    "appointment",
    "training",
    "other",
]
LocationKind = Literal["province", "city", "district", "ward", "commune", "other"]
OrganizationKind = Literal["party", "government", "military", "other"]
ErrorKind = Literal["decode", "empty", "too_large", "parse", "internal"]
Role = Literal["chair", "attendee", "speaker", "reporter", "recipient", "other"]
DocumentKind = Literal[
    "law",
    "resolution",
    "decree",
    "decision",
    "directive",
    "circular",
    "plan",
    "conclusion",
    "project",
    "program",
    "instruction",
    "letter",
    "other",
]
DecorationKind = Literal["order", "medal", "certificate", "title", "flag", "other"]


class Record(BaseModel):
    """Base of every model: strict field names, no silent extras, no infinite or NaN numbers."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class Span(Record):
    """A stretch of the original input, ``original[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class TextSpan(Span):
    """A span that also says what it reads in the normalized text."""

    text: str


class Abbreviation(TextSpan):
    short: str
    expansion: Optional[str]  # null: an abbreviation known from neither the article nor the table
    category: Optional[str] = None
    rule: Optional[str] = None


class TemporalExpression(TextSpan):
    type: TemporalType
    value: Optional[str]
    part_of_day: Optional[PartOfDay] = None
    first_day: Optional[str] = None
    last_day: Optional[str] = None
    year_inferred: bool = False
    rule: Optional[str] = None


class Position(Record):
    title: str
    organization: Optional[str] = None
    text: str


class Mention(Span):
    text: Optional[str] = None


class Official(Record):
    name: str
    honorific: Optional[str] = None
    rank: Optional[str] = None
    positions: list[Position] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)


class RankMention(TextSpan):
    rank: str
    grade: int = Field(ge=1, le=18)
    branch: Branch
    holder: Optional[str] = None


class Change(Record):
    value: float
    direction: Direction
    unit: Optional[Unit] = None


class NumericResult(TextSpan):
    value: float
    unit: Unit
    subject: Optional[str] = None
    total: Optional[float] = None
    qualifier: Optional[Qualifier] = None
    change: Optional[Change] = None
    rule: Optional[str] = None


class Participant(Record):
    """Who took part in an event, in which role; ``official`` indexes ``Article.officials``."""

    name: str
    role: Role = "other"
    official: Optional[int] = Field(default=None, ge=0)


class Event(Record):
    type: EventType
    trigger: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    date: Optional[str] = None
    period: Optional[str] = None
    location: Optional[str] = None
    organizer: Optional[str] = None
    participants: list[Participant] = Field(default_factory=list)
    first_day: Optional[str] = None
    last_day: Optional[str] = None
    main: bool = False
    rule: Optional[str] = None


class Location(TextSpan):
    kind: LocationKind
    name: Optional[str] = None


class Organization(TextSpan):
    kind: OrganizationKind


class DocumentReference(TextSpan):
    """A law, resolution, decision, plan... cited by the article."""

    kind: DocumentKind
    number: Optional[str] = None
    issuer: Optional[str] = None
    date: Optional[str] = None
    title: Optional[str] = None
    rule: Optional[str] = None


class Decoration(TextSpan):
    """An order, medal, certificate of merit, emulation title or flag conferred."""

    kind: DecorationKind
    name: str
    grade: Optional[str] = None
    issuer: Optional[str] = None
    recipients: list[str] = Field(default_factory=list)
    count: Optional[int] = None
    rule: Optional[str] = None


class Article(Record):
    """One processed article: metadata, normalized text and every record."""

    schema_version: Literal["2"] = SCHEMA_VERSION
    id: str
    source: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None
    authors: list[str] = Field(default_factory=list)
    text: str
    expanded_text: str = ""
    sentences: list[Span] = Field(default_factory=list)
    abbreviations: list[Abbreviation] = Field(default_factory=list)
    dates: list[TemporalExpression] = Field(default_factory=list)
    officials: list[Official] = Field(default_factory=list)
    ranks: list[RankMention] = Field(default_factory=list)
    numbers: list[NumericResult] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    locations: list[Location] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    documents: list[DocumentReference] = Field(default_factory=list)
    decorations: list[Decoration] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


class ErrorInfo(Record):
    kind: ErrorKind
    message: str


class ErrorLine(Record):
    """What a batch writes for an input that could not become an Article."""

    schema_version: Literal["2"] = SCHEMA_VERSION
    id: str
    source: Optional[str] = None
    error: ErrorInfo
