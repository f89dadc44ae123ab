"""The working state of one article as it passes through the pipeline.

Extractors read the normalized text (``doc.text``), the sentence spans and the
records earlier components added, and add their own. They work in normalized
coordinates and build records with :meth:`Document.span`, which converts to
the original offsets the contract requires.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

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
from qpextract.text.offsets import MappedText


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
    published: Optional[str] = None
    authors: list[str] = field(default_factory=list)
    reference: Reference = field(default_factory=Reference)
    # normalized [start, end) spans
    sentences: list[tuple[int, int]] = field(default_factory=list)
    # where the body starts and ends in normalized text (title/dateline/byline excluded)
    body: tuple[int, int] = (0, 0)
    abbreviations: list[Abbreviation] = field(default_factory=list)
    dates: list[TemporalExpression] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    ranks: list[RankMention] = field(default_factory=list)
    numbers: list[NumericResult] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # the text with known abbreviations written out (set by the abbreviation tagger)
    expanded_text: Optional[str] = None
    # rule traces for `qpextract explain`: (component, rule, normalized text)
    trace: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.norm.text

    def span(self, start: int, end: int) -> dict[str, Any]:
        """``start``/``end`` (original) and ``text`` (normalized) of ``text[start:end]``."""
        ostart, oend = self.norm.to_original(start, end)
        return {"start": ostart, "end": oend, "text": self.norm.text[start:end]}

    def normalized_span(self, record: Any) -> tuple[int, int]:
        """Normalized ``[start, end)`` of a record that carries original offsets."""
        return self.norm.to_normalized(record.start), self.norm.to_normalized_end(record.end)

    def explain(self, component: str, rule: str, start: int, end: int) -> None:
        self.trace.append((component, rule, self.norm.text[start:end]))

    def to_article(self) -> Article:
        return Article(
            id=self.id,
            source=self.source,
            title=self.title,
            published=self.published,
            authors=self.authors,
            text=self.norm.text,
            expanded_text=self.expanded_text if self.expanded_text is not None else self.norm.text,
            sentences=[Span(start=a, end=b) for a, b in (self.norm.to_original(s, e) for s, e in self.sentences)],
            abbreviations=self.abbreviations,
            dates=self.dates,
            officials=self.officials,
            ranks=self.ranks,
            numbers=self.numbers,
            events=self.events,
            locations=self.locations,
            organizations=self.organizations,
            warnings=self.warnings,
        )
