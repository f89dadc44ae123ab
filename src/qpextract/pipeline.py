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
from datetime import date
from typing import Any, Optional, Protocol, Union

from qpextract.document import Document
from qpextract.errors import EmptyInputError, InputError
from qpextract.models import Article, ErrorInfo, ErrorLine
from qpextract.text.decode import check_text, decode_bytes
from qpextract.text.arguments import check_not_a_path, check_text_argument, record_problem
from qpextract.text.guard import guard_text, scrub
from qpextract.text.normalize import Normalizer
from qpextract.text.published import parse_published

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
        self.default_components = components is None  # workers of extract_many can rebuild it

    def document(
        self,
        text: Union[str, bytes],
        *,
        id: Optional[str] = None,
        title: Optional[str] = None,
        published: Union[str, date, None] = None,
        source: Optional[str] = None,
    ) -> Document:
        """Repair the input, run every component and return the working document (for `explain`).

        ``text``: the article as ``str`` or raw ``bytes`` (decoded here, as the CLI does).
        ``published``: an ISO string, a ``date``/``datetime`` or a date as Vietnamese sites print it;
        one that is no date becomes a warning, never a reference date.
        """
        check_text_argument(text)
        if title is not None and not isinstance(title, str):
            raise TypeError(f"title must be a str or None, not {type(title).__name__}")
        iso, warning = parse_published(published)
        text, note = repaired(text)
        text, notes = guard_text(text)  # lone surrogates, runs of combining marks: same length
        title = guard_text(check_text(title).text)[0] if isinstance(title, str) else None
        title_map = self.normalizer(title) if title else None
        doc = Document(
            id=scrub(id) if id is not None else "article",
            original=text,
            norm=self.normalizer(text),
            source=scrub(source) if isinstance(source, str) else None,
            title=title_map.text if title_map is not None else None,
            title_map=title_map,
            title_original=title if title_map is not None else None,
            published=scrub(iso) if isinstance(iso, str) else None,
        )
        if warning:
            doc.warnings.append(warning)
        doc.warnings.extend(notes)
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
        published: Union[str, date, None] = None,
        source: Optional[str] = None,
    ) -> Article:
        """Records of one article; raises :class:`InputError` for bad input, ``TypeError`` for a wrong argument."""
        check_text_argument(text)
        if isinstance(text, str):
            check_not_a_path(text)
        doc = self.document(text, id=id, title=title, published=published, source=source)
        return doc.to_article().keep_original(doc.original, doc.title_original)

    def extract_many(
        self, items: Iterable[Union[str, Mapping[str, Any]]], *, workers: int = 0, time_limit: float = 0.0
    ) -> Iterator[Union[Article, ErrorLine]]:
        """One Article or ErrorLine per item, in order (a string, a ``{id, text, title?, published?, source?}``
        dict, or the rows of a pandas DataFrame with those columns).

        ``workers=N`` runs the items on the CLI's pool of N processes (``qpextract.io.batch``), with
        ``time_limit`` seconds per article (0 = none); 0 runs them here. Items go through the same
        repair as the CLI's inputs (a dict may hold ``html`` instead of ``text``).
        """
        from qpextract.io.api import run_items  # the one call from the pipeline up into io/

        return run_items(self, items, workers=workers, time_limit=time_limit)

    def safe_extract(self, aid: str, record: Mapping[str, Any]) -> Union[Article, ErrorLine]:
        """Like ``extract`` but never raises: failures become an ErrorLine."""
        source = record.get("source")
        try:
            problem = record_problem(record)
            if problem:
                raise InputError("parse", problem)
            text = record["text"]
            doc = self.document(
                text, id=aid, title=record.get("title"), published=record.get("published"), source=source
            )
            return doc.to_article().keep_original(doc.original, doc.title_original)
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
