"""The working state of one article as it passes through the pipeline.

Every component reads and adds spans in *normalized* coordinates only
(``doc.text``, ``doc.sentences``, the ``start``/``end`` of every record).
One export step, :meth:`Document.to_article`, maps every span of every record
to the original input, once, and builds the pydantic :class:`Article`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Optional

from pydantic import BaseModel

from qpextract.models import (
    Abbreviation,
    Article,
    Event,
    Location,
    NumericResult,
    Official,
    Organization,
    RankMention,
    Span,
    TemporalExpression,
)
from qpextract.text.lexical import Lexical
from qpextract.text.offsets import MappedText

# Article list fields filled from records (the rest are metadata or the text itself)
RECORD_FIELDS = tuple(
    name
    for name, info in Article.model_fields.items()
    if name not in ("authors", "sentences", "warnings") and getattr(info.annotation, "__origin__", None) is list
)


@dataclass(frozen=True)
class Reference:
    """The date relative expressions resolve against (SPEC "Reference date")."""

    year: Optional[int] = None
    month: Optional[int] = None
    day: Optional[int] = None
    source: str = "none"  # "published", "title" or "none"


@dataclass
class Document:
    id: str
    original: str
    norm: MappedText
    source: Optional[str] = None
    title: Optional[str] = None
    # the input's separate title, normalized with its map (records with ``field="title"`` point into it)
    title_map: Optional[MappedText] = None
    title_original: Optional[str] = None
    published: Optional[str] = None
    authors: list[str] = field(default_factory=list)
    reference: Reference = field(default_factory=Reference)
    # normalized [start, end) spans
    sentences: list[tuple[int, int]] = field(default_factory=list)
    # where the body starts and ends in normalized text (title/dateline/byline excluded)
    body: tuple[int, int] = (0, 0)
    # normalized spans of page chrome that yield no records (a site header's "today" date above the headline)
    chrome: list[tuple[int, int]] = field(default_factory=list)
    # records, every start/end normalized until to_article()
    abbreviations: list[Abbreviation] = field(default_factory=list)
    dates: list[TemporalExpression] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    ranks: list[RankMention] = field(default_factory=list)
    numbers: list[NumericResult] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    # records of Article list fields without an attribute above (new extractors: doc.records["documents"])
    records: dict[str, list[Any]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # the text with known abbreviations written out (set by the abbreviation tagger)
    expanded_text: Optional[str] = None
    # rule traces for `qpextract explain`: (component, rule, normalized text)
    trace: list[tuple[str, str, str]] = field(default_factory=list)
    # candidates a rule started and dropped, for `qpextract explain --why`: (component, rule, start, end, reason)
    near_misses: list[tuple[str, str, int, int, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.norm.text

    @cached_property
    def lex(self) -> Lexical:
        """The lexical layer of the normalized text (lower-case form, tokens), computed once."""
        return Lexical(self.norm.text)

    def __getattr__(self, name: str) -> list[Any]:
        """``doc.documents`` etc.: the record list of an Article field this class has no attribute for."""
        if name in RECORD_FIELDS:
            return self.__dict__.setdefault("records", {}).setdefault(name, [])
        raise AttributeError(name)

    def span(self, start: int, end: int) -> dict[str, Any]:
        """``start``/``end``/``text`` of the normalized ``text[start:end]`` (mapped at export)."""
        return {"start": start, "end": end, "text": self.norm.text[start:end]}

    def original_text(self, start: int, end: int) -> str:
        """What the normalized ``text[start:end]`` was in the input."""
        ostart, oend = self.norm.to_original(start, end)
        return self.original[ostart:oend]

    def explain(self, component: str, rule: str, start: int, end: int) -> None:
        self.trace.append((component, rule, self.norm.text[start:end]))

    def near_miss(self, component: str, rule: str, start: int, end: int, reason: str) -> None:
        """Note a candidate dropped at normalized ``[start, end)`` and why (data for `explain --why`)."""
        self.near_misses.append((component, rule, start, end, reason))

    def to_article(self) -> Article:
        """The export step: every span of every record mapped to the original input, once."""
        lists = {name: [self._exported(r) for r in getattr(self, name)] for name in RECORD_FIELDS}
        return Article(
            id=self.id,
            source=self.source,
            title=self.title,
            published=self.published,
            authors=self.authors,
            text=self.norm.text,
            expanded_text=self.expanded_text if self.expanded_text is not None else self.norm.text,
            sentences=[Span(start=a, end=b) for a, b in (self.norm.to_original(s, e) for s, e in self.sentences)],
            warnings=self.warnings,
            **lists,
        )

    def _exported(self, record: Any) -> Any:
        """A copy of ``record`` (and of its nested records) with original ``start``/``end``."""
        if not isinstance(record, BaseModel):
            return record
        update: dict[str, Any] = {}
        values = record.__dict__
        for name, value in values.items():
            if type(value) is list and value and isinstance(value[0], BaseModel):
                update[name] = [self._exported(v) for v in value]
        if "start" in values and "end" in values:
            start, end = values["start"], values["end"]
            if start == end == 0:
                update["start"] = update["end"] = 0  # no place in the text (an event named by the title only)
            elif values.get("field") == "title" and self.title_map is not None:
                update["start"], update["end"] = self.title_map.to_original(start, end)  # into the input's title
            else:
                update["start"], update["end"] = self.norm.to_original(start, end)
        if not update:
            return record
        copy = record.__class__.__new__(record.__class__)  # what model_copy does, without its generic machinery
        object.__setattr__(copy, "__dict__", {**values, **update})
        object.__setattr__(copy, "__pydantic_fields_set__", set(record.__pydantic_fields_set__))
        object.__setattr__(copy, "__pydantic_extra__", None)
        object.__setattr__(copy, "__pydantic_private__", None)
        return copy
