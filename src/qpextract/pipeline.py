"""The pipeline: an ordered list of components over one document.

The first step is input repair (bytes decoded, TCVN3 converted, VNI and binary
refused: :mod:`qpextract.text.decode`), so the library, the CLI and Spark read
the same bytes the same way. Then each component is a callable
``(Document) -> None`` that reads what earlier components added (its ``needs``)
and adds its own records (its ``adds``). No registry, no global state:
``Pipeline()`` loads every table once, and a forked or spawned worker builds
its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Optional, Protocol, Union

from qpextract.document import Document
from qpextract.errors import EmptyInputError, InputError
from qpextract.models import Article, ErrorInfo, ErrorLine
from qpextract.text.decode import check_text, decode_bytes
from qpextract.text.normalize import Normalizer

# what the Document has before any component runs
_GIVEN = frozenset({"text", "title", "published", "source"})


class Component(Protocol):
    """One step of the pipeline; ``name`` is what `explain` shows.

    ``needs`` names what it reads (Document attributes), ``adds`` what it fills.
    """

    name: str
    needs: tuple[str, ...]
    adds: tuple[str, ...]

    def __call__(self, doc: Document) -> None: ...


def default_components() -> list[Component]:
    """The standard order: text layer, then extractors, events last (they read the rest)."""
    from qpextract.extractors.decorations import DecorationExtractor
    from qpextract.extractors.documents import DocumentExtractor
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
        DocumentExtractor(),
        DecorationExtractor(),
        EventExtractor(),
    ]


class Pipeline:
    """Reusable extractor: build once, call ``extract`` for every article."""

    def __init__(self, components: Optional[Sequence[Component]] = None) -> None:
        self.normalizer = Normalizer.load()
        self.components: list[Component] = list(components) if components is not None else default_components()
        if components is None:
            check_order(self.components)

    def document(
        self,
        text: Union[str, bytes],
        *,
        id: Optional[str] = None,
        title: Optional[str] = None,
        published: Optional[str] = None,
        source: Optional[str] = None,
    ) -> Document:
        """Repair the input, run every component and return the working document (for `explain`)."""
        text, note = repaired(text)
        if isinstance(title, str):
            title = check_text(title).text
        doc = Document(
            id=id if id is not None else "article",
            original=text,
            norm=self.normalizer(text),
            source=source,
            title=self.normalizer(title).text if title else None,
            published=published,
        )
        if not doc.text:
            raise EmptyInputError("the input has no text once boilerplate is removed")
        for component in self.components:
            component(doc)
        if note:
            doc.warnings.append(note)
        return doc

    def extract(
        self,
        text: Union[str, bytes],
        *,
        id: Optional[str] = None,
        title: Optional[str] = None,
        published: Optional[str] = None,
        source: Optional[str] = None,
    ) -> Article:
        """Records of one article; raises :class:`InputError` for bad input."""
        return self.document(text, id=id, title=title, published=published, source=source).to_article()

    def extract_many(self, items: Iterable[Union[str, Mapping[str, Any]]]) -> Iterator[Union[Article, ErrorLine]]:
        """One Article or ErrorLine per item (text, bytes or ``{id, text, title?, published?, source?}``)."""
        for n, item in enumerate(items):
            record = {"text": item} if isinstance(item, (str, bytes)) else dict(item)
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


def repaired(data: Union[str, bytes, Any]) -> tuple[str, Optional[str]]:
    """Input repair, the pipeline's first step: ``(text, note)`` or :class:`InputError`.

    Bytes are decoded (BOM, UTF-16, UTF-8, cp1258, TCVN3; VNI and binary refused);
    text already decoded is checked for TCVN3/VNI/binary the same way.
    """
    if isinstance(data, (bytes, bytearray)):
        if not data.strip():
            raise EmptyInputError()
        decoded = decode_bytes(bytes(data))
    elif isinstance(data, str):
        if not data.strip():
            raise EmptyInputError()
        decoded = check_text(data)
    else:
        raise InputError("parse", f"text must be a string, not {type(data).__name__}")
    return decoded.text, decoded.note


def check_order(components: Sequence[Component]) -> None:
    """Raise ``ValueError`` when a component needs what no earlier component adds."""
    have = set(_GIVEN)
    for c in components:
        missing = [n for n in getattr(c, "needs", ()) if n not in have]
        if missing:
            raise ValueError(f"component {c.name!r} needs {missing}, which no earlier component adds")
        have.update(getattr(c, "adds", ()))
