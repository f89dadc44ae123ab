"""The pipeline: an ordered list of components over one document.

Each component is a callable ``(Document) -> None`` that reads what earlier
components added and adds its own records. No registry, no global state:
``Pipeline()`` loads every table once, and a forked or spawned worker builds
its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Optional, Protocol, Union

from qpextract.document import Document
from qpextract.errors import EmptyInputError, InputError
from qpextract.models import Article, ErrorInfo, ErrorLine
from qpextract.text.guard import guard_text, scrub
from qpextract.text.normalize import Normalizer


class Component(Protocol):
    """One step of the pipeline; ``name`` is what `explain` shows."""

    name: str

    def __call__(self, doc: Document) -> None: ...


def default_components() -> list[Component]:
    """The standard order: text layer, then extractors, events last (they read the rest)."""
    from qpextract.extractors.events import EventExtractor
    from qpextract.extractors.numbers import NumberExtractor
    from qpextract.extractors.officials import OfficialExtractor
    from qpextract.extractors.places import PlaceExtractor
    from qpextract.extractors.temporal import TemporalExtractor
    from qpextract.text.abbreviations import AbbreviationTagger
    from qpextract.text.metadata import MetadataReader
    from qpextract.text.segment import SentenceSegmenter

    return [
        MetadataReader(),
        SentenceSegmenter(),
        AbbreviationTagger(),
        TemporalExtractor(),
        OfficialExtractor(),
        PlaceExtractor(),
        NumberExtractor(),
        EventExtractor(),
    ]


class Pipeline:
    """Reusable extractor: build once, call ``extract`` for every article."""

    def __init__(self, components: Optional[Sequence[Component]] = None) -> None:
        self.normalizer = Normalizer.load()
        self.components: list[Component] = list(components) if components is not None else default_components()

    def document(
        self,
        text: str,
        *,
        id: Optional[str] = None,
        title: Optional[str] = None,
        published: Optional[str] = None,
        source: Optional[str] = None,
    ) -> Document:
        """Run every component and return the working document (for `explain`)."""
        if not isinstance(text, str):
            raise InputError("parse", f"text must be a string, not {type(text).__name__}")
        if not text.strip():
            raise EmptyInputError()
        text, notes = guard_text(text)  # lone surrogates, runs of combining marks: same length
        title = guard_text(title)[0] if isinstance(title, str) else None
        doc = Document(
            id=scrub(id) if id is not None else "article",
            original=text,
            norm=self.normalizer(text),
            source=scrub(source) if isinstance(source, str) else None,
            title=self.normalizer(title).text if title else None,
            published=scrub(published) if isinstance(published, str) else None,
        )
        doc.warnings.extend(notes)
        if not doc.text:
            raise EmptyInputError("the input has no text once boilerplate is removed")
        for component in self.components:
            component(doc)
        return doc

    def extract(
        self,
        text: str,
        *,
        id: Optional[str] = None,
        title: Optional[str] = None,
        published: Optional[str] = None,
        source: Optional[str] = None,
    ) -> Article:
        """Records of one article; raises :class:`InputError` for bad input."""
        return self.document(text, id=id, title=title, published=published, source=source).to_article()

    def extract_many(self, items: Iterable[Union[str, Mapping[str, Any]]]) -> Iterator[Union[Article, ErrorLine]]:
        """One Article or ErrorLine per item (a string or ``{id, text, title?, published?, source?}``)."""
        for n, item in enumerate(items):
            record = {"text": item} if isinstance(item, str) else dict(item)
            aid = str(record.get("id") if record.get("id") is not None else n)
            yield self.safe_extract(aid, record)

    def safe_extract(self, aid: str, record: Mapping[str, Any]) -> Union[Article, ErrorLine]:
        """Like ``extract`` but never raises: failures become an ErrorLine."""
        source = record.get("source")
        try:
            return self.extract(
                record.get("text"),  # type: ignore[arg-type]
                id=aid,
                title=record.get("title"),
                published=record.get("published"),
                source=source,
            )
        except InputError as exc:
            return ErrorLine(id=aid, source=source, error=ErrorInfo(kind=exc.kind, message=exc.message))  # type: ignore[arg-type]
        except Exception as exc:  # a bug: reported as data, never a crashed batch
            return ErrorLine(
                id=aid, source=source, error=ErrorInfo(kind="internal", message=f"{type(exc).__name__}: {exc}")
            )
