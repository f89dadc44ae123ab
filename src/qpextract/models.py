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

    start: int = Field(
        ge=0,
        description="offset of the first character in the original input (decoded, before normalization)",
    )
    end: int = Field(ge=0, description='offset just past the last character: original[start:end] is the source')


class TextSpan(Span):
    """A span that also says what it reads in the normalized text."""

    text: str = Field(description='the surface string as it reads in the normalized text')


class Abbreviation(TextSpan):
    """One occurrence of an abbreviation; with ``field="title"`` it was written in the input's separate
    title, and ``start``/``end`` point into that title string (``title[start:end]``), not the text."""

    short: str = Field(description='the abbreviation as written ("LLVT", "QP-QSĐP", "đ/c")')
    expansion: Optional[str] = Field(
        description=(
            'lower-case normalized expansion ("lực lượng vũ trang"; proper bodies keep capitals); null when '
            'neither the article, the context nor the table knows it (a warning names it)'
        ),
    )
    category: Optional[str] = Field(
        None,
        description='the kind of thing it names, from the table (body, rank, title...), or null',
    )
    rule: Optional[str] = Field(None, description='how the expansion was found (in-article definition, context, table)')
    field: Optional[Literal["title"]] = Field(
        None,
        description=(
            'where the span lies: null for the text; "title" for a form in the input\'s separate title, '
            'then title[start:end] of the original title is its source (``text`` the normalized title\'s)'
        ),
    )


class TemporalExpression(TextSpan):
    type: TemporalType = Field(
        description='date (a day, month or year), datetime (with clock time), period (a bounded span) or duration',
    )
    value: Optional[str] = Field(
        description=(
            'TIMEX3-style value: 2023-06-27, 2022-12-01T20:54, 2020-11, 2022, 2023-Q1, an ISO interval for '
            'periods (2015/2020), P5Y for durations; an unknown year is XXXX'
        ),
    )
    part_of_day: Optional[PartOfDay] = Field(
        None,
        description='morning (sáng), noon (trưa), afternoon (chiều), evening (tối), night (đêm) or null',
    )
    first_day: Optional[str] = Field(
        None,
        description='first calendar day the value covers (ISO date); null for durations and unknown years',
    )
    last_day: Optional[str] = Field(
        None,
        description='last calendar day the value covers (ISO date); null for durations and unknown years',
    )
    year_inferred: bool = Field(
        False,
        description='true when the year was not written and was taken from the reference date',
    )
    rule: Optional[str] = Field(None, description='the name of the rule that matched (see `qpextract explain`)')


class Position(Record):
    title: str = Field(description='the role ("Bí thư", "Chủ tịch", "Phó Chủ tịch thường trực")')
    organization: Optional[str] = Field(None, description='the body ("Thành ủy", "HĐND thành phố") or null')
    text: str = Field(description='the whole position as written, normalized ("Chủ tịch HĐND thành phố")')
    rule: Optional[str] = Field(None, description='the named rule that read it (data/vi/officials_rules.yaml)')


class Mention(Span):
    text: Optional[str] = Field(None, description='the name as it reads at this mention, or null')


class Official(Record):
    name: str = Field(description='full name as written, normalized ("Cù Ngọc Cường")')
    honorific: Optional[str] = Field(None, description='"đồng chí", "ông", "bà" or null ("đ/c" counts as "đồng chí")')
    rank: Optional[str] = Field(None, description='military or police rank ("Thượng tá") or null')
    positions: list[Position] = Field(
        default_factory=list,
        description='positions in the order written, merged over all mentions',
    )
    mentions: list[Mention] = Field(default_factory=list, description='each mention of the name, as original offsets')
    rule: Optional[str] = Field(None, description='the named rule that found the person (data/vi/officials_rules.yaml)')


class RankMention(TextSpan):
    rank: str = Field(description='canonical rank ("Thượng tá")')
    grade: int = Field(
        ge=1, le=18,
        description=(
            "order in the Vietnam People's Army ladder: Binh nhì 1 … Đại tướng 17 (Chuẩn Đô đốc 14, Phó Đô đốc "
            '15, Đô đốc 16)'
        ),
    )
    branch: Branch = Field(description='army, navy (Đô đốc ranks) or police')
    holder: Optional[str] = Field(None, description='the name the rank belongs to, or null')


class Change(Record):
    value: float = Field(description='the size of the change ("tăng 0,4%" gives 0.4)')
    direction: Direction = Field(description='increase or decrease')
    unit: Optional[Unit] = Field(None, description='percent, count, money (VND) or null')


class NumericResult(TextSpan):
    value: float = Field(description='the number, Vietnamese notation parsed ("2.568" is 2568, "23,4" is 23.4)')
    unit: Unit = Field(description='percent, count or money (VND)')
    subject: Optional[str] = Field(None, description='what is counted or measured ("công dân nhập ngũ") or null')
    total: Optional[float] = Field(None, description='for "5/8 đơn vị" the 8 (value 5); else null')
    qualifier: Optional[Qualifier] = Field(
        None,
        description='over (trên, hơn), at_least (… trở lên, ít nhất), about (khoảng, gần), under (dưới) or null',
    )
    change: Optional[Change] = Field(
        None,
        description='for "đạt 23,4% tăng 0,4%": the change reported with this figure; else null',
    )
    rule: Optional[str] = Field(None, description='the name of the rule that matched')
    field: Optional[Literal["title"]] = Field(
        None,
        description=(
            'where the span lies: null for the text; "title" for a figure of the input\'s separate headline, '
            'then title[start:end] of the original title is its source'
        ),
    )


class Participant(Record):
    """Who took part in an event, in which role; ``official`` indexes ``Article.officials``."""

    name: str = Field(description="the person's name as in officials")
    role: Role = Field(
        "other",
        description=(
            'chair (chủ trì), attendee (dự), speaker (phát biểu, kết luận), reporter (báo cáo), recipient (được '
            'tặng, nhận) or other'
        ),
    )
    official: Optional[int] = Field(
        default=None, ge=0,
        description="index of that person in the article's officials, or null",
    )
    rule: Optional[str] = Field(default=None, description="the named role rule (data/vi/event_roles.yaml) that gave the role")


class Event(Record):
    type: EventType = Field(
        description=(
            'summary_conference, review_conference, deployment, exercise, enlistment, award, appointment, '
            'training or other'
        ),
    )
    trigger: str = Field(description='the words that name the event ("tổng kết", "diễn tập")')
    start: int = Field(ge=0, description='original offset where the trigger starts')
    end: int = Field(ge=0, description='original offset just past the trigger')
    date: Optional[str] = Field(None, description='the TemporalExpression value of when it happened, or null')
    period: Optional[str] = Field(
        None,
        description='the value of the period it reviews or plans ("2023-01/2023-06"), or null',
    )
    location: Optional[str] = Field(None, description='where, as written, or null')
    organizer: Optional[str] = Field(None, description='who held it, as written ("Ban CHQS thành phố"), or null')
    participants: list[Participant] = Field(
        default_factory=list,
        description='who took part, each with a role and an index into officials',
    )
    first_day: Optional[str] = Field(None, description='first day the event covers (from date when known), else null')
    last_day: Optional[str] = Field(None, description='last day the event covers (from date when known), else null')
    main: bool = Field(
        False,
        description="true for the article's headline event: exactly one per article that reports an event",
    )
    rule: Optional[str] = Field(None, description='the name of the rule that matched')


class Location(TextSpan):
    kind: LocationKind = Field(description='province, city, district, ward, commune or other')
    name: Optional[str] = Field(None, description='the place name without its unit word, or null')


class Organization(TextSpan):
    kind: OrganizationKind = Field(
        description='party (Thành ủy, Đảng ủy Quân sự), government (UBND, HĐND), military (Ban CHQS, Bộ CHQS) or other',
    )


class DocumentReference(TextSpan):
    """A law, resolution, decision, plan... cited by the article."""

    kind: DocumentKind = Field(
        description=(
            'law, resolution, decree, decision, directive, circular, plan, conclusion, project, program, '
            'instruction, letter or other'
        ),
    )
    number: Optional[str] = Field(None, description='the number as written ("28-NQ/TW", "1123/QĐ-TTg") or null')
    issuer: Optional[str] = Field(None, description='who issued it, as written ("Bộ Chính trị", "UBND tỉnh") or null')
    date: Optional[str] = Field(None, description='the TemporalExpression value of its issue date, or null')
    title: Optional[str] = Field(
        None,
        description='what it is about ("về Chiến lược bảo vệ Tổ quốc trong tình hình mới") or null',
    )
    rule: Optional[str] = Field(None, description='the name of the rule that matched')


class Decoration(TextSpan):
    """An order, medal, certificate of merit, emulation title or flag conferred."""

    kind: DecorationKind = Field(
        description=(
            'order (Huân chương), medal (Huy chương), certificate (Bằng khen, Giấy khen), title (danh hiệu), flag'
            ' (Cờ thi đua) or other'
        ),
    )
    name: str = Field(description='the decoration as written ("Huân chương Bảo vệ Tổ quốc")')
    grade: Optional[str] = Field(None, description='its class ("hạng Nhì") or null')
    issuer: Optional[str] = Field(None, description='who confers it ("Thủ tướng Chính phủ", "Bộ Quốc phòng") or null')
    recipients: list[str] = Field(
        default_factory=list,
        description='persons or bodies named as receiving it, as written',
    )
    count: Optional[int] = Field(None, description='for "trao 40 Huân chương" the 40, else null')
    rule: Optional[str] = Field(None, description='the name of the rule that matched')


class Article(Record):
    """One processed article: metadata, normalized text and every record."""

    schema_version: Literal["2"] = Field(SCHEMA_VERSION, description='version of this output contract ("2")')
    id: str = Field(description='caller-given id, else the file stem')
    source: Optional[str] = Field(None, description='path or URL the article came from, or null')
    title: Optional[str] = Field(None, description='headline (the first non-boilerplate line for plain text), or null')
    published: Optional[str] = Field(
        None,
        description='publication date/time from metadata or a dateline ("2022-12-01T20:54", "2022-12-01"), or null',
    )
    authors: list[str] = Field(default_factory=list, description='bylines at the end ("Vi Thu - Trần Bình" gives two)')
    text: str = Field(
        description=(
            'the normalized text: NFC, news-style tone placement, dashes and quotes unified, spaces collapsed, '
            'web boilerplate removed'
        ),
    )
    expanded_text: str = Field(
        "",
        description='text with every abbreviation whose expansion is known written out in place',
    )
    sentences: list[Span] = Field(default_factory=list, description='sentence spans (original offsets)')
    abbreviations: list[Abbreviation] = Field(
        default_factory=list,
        description='every occurrence of every abbreviation',
    )
    dates: list[TemporalExpression] = Field(
        default_factory=list,
        description='temporal expressions: dates, datetimes, periods, durations',
    )
    officials: list[Official] = Field(default_factory=list, description='one per distinct named person (not bylines)')
    ranks: list[RankMention] = Field(default_factory=list, description='every military or police rank mention')
    numbers: list[NumericResult] = Field(
        default_factory=list,
        description='reported quantities: counts, percentages, ratios, money',
    )
    events: list[Event] = Field(
        default_factory=list,
        description='what the article reports: conferences, exercises, enlistment, awards…',
    )
    locations: list[Location] = Field(
        default_factory=list,
        description='administrative places (tỉnh, thành phố, phường, xã)',
    )
    organizations: list[Organization] = Field(
        default_factory=list,
        description='bodies (Ban CHQS thành phố, Thành ủy, UBND thành phố)',
    )
    documents: list[DocumentReference] = Field(
        default_factory=list,
        description='laws, resolutions, decisions, plans… cited by the article',
    )
    decorations: list[Decoration] = Field(
        default_factory=list,
        description='orders, medals, certificates of merit, titles and flags conferred',
    )
    warnings: list[str] = Field(default_factory=list, description='what could not be resolved, in plain words')

    def keep_original(self, original: str, title: Optional[str] = None) -> Article:
        """Remember the input text (and title) the offsets point into (not fields: never serialized or compared)."""
        self.__dict__[_ORIGINAL] = original
        self.__dict__[_ORIGINAL_TITLE] = title
        return self

    def span(self, record: BaseModel, original: Optional[str] = None, original_title: Optional[str] = None) -> str:
        """``original[record.start:record.end]``: the record as the input wrote it.

        The library's ``extract*`` keep the input; an Article read back from JSON or a
        database needs ``original=`` (the input text it was extracted from), and
        ``original_title=`` for an abbreviation or a number with ``field="title"``.
        """
        text = original if original is not None else self.__dict__.get(_ORIGINAL)
        if getattr(record, "field", None) == "title":  # a record of the input's separate title
            text = original_title if original_title is not None else self.__dict__.get(_ORIGINAL_TITLE)
        if text is None:
            raise ValueError(
                "this Article does not carry its input text (it was read from JSON, a database or a worker): "
                "pass span(record, original=input_text)"
            )
        start, end = getattr(record, "start", None), getattr(record, "end", None)
        if not isinstance(start, int) or not isinstance(end, int):
            raise TypeError(
                f"span() needs a record with start and end (a date, rank, number, event, mention...), "
                f"not {type(record).__name__}; for an Official pass one of its mentions"
            )
        return text[start:end]


_ORIGINAL = "_qpextract_original"
_ORIGINAL_TITLE = "_qpextract_original_title"


class ErrorInfo(Record):
    kind: ErrorKind = Field(
        description=(
            'decode (bytes not decodable), empty, too_large, parse (malformed JSON line or HTML) or internal (a '
            'bug)'
        ),
    )
    message: str = Field(description='what went wrong, in plain words')


class ErrorLine(Record):
    """What a batch writes for an input that could not become an Article."""

    schema_version: Literal["2"] = Field(SCHEMA_VERSION, description='version of this output contract ("2")')
    id: str = Field(description="the input's id (caller-given, else the file stem)")
    source: Optional[str] = Field(None, description='path or URL of the input, or null')
    error: ErrorInfo = Field(description='why this input could not become an Article')
