"""qpextract: typed records from Vietnamese local-defence news.

    >>> import qpextract
    >>> article = qpextract.extract("Chiều 22/3, Đại tá Lã Văn Hào dự hội nghị.")
    >>> article = qpextract.extract_file("bai-viet.html")          # .txt or .html, any encoding
    >>> results = qpextract.extract_many(texts_or_dicts, workers=4)  # one Article or ErrorLine each
    >>> frames = qpextract.to_frames(results)                       # pandas: one frame per record kind

    >>> page = qpextract.render(article)                          # HTML, shown inline in notebooks

These use a default :class:`Pipeline` built once per process; build your own
``Pipeline()`` to control its life time (batch workers do).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from typing import Any, Optional, Union

from qpextract.models import (
    Abbreviation,
    Article,
    Change,
    ErrorInfo,
    ErrorLine,
    Event,
    Location,
    Mention,
    NumericResult,
    Official,
    Organization,
    Position,
    RankMention,
    Span,
    TemporalExpression,
)
from qpextract.errors import InputError, MissingExtra, QpextractError
from qpextract.pipeline import Pipeline

__version__ = "0.1.0"

__all__ = [
    "Abbreviation",
    "Article",
    "Change",
    "ErrorInfo",
    "ErrorLine",
    "Event",
    "InputError",
    "MissingExtra",
    "QpextractError",
    "Location",
    "Mention",
    "NumericResult",
    "Official",
    "Organization",
    "Pipeline",
    "Position",
    "RankMention",
    "Span",
    "TemporalExpression",
    "extract",
    "extract_bytes",
    "extract_file",
    "extract_files",
    "extract_html",
    "extract_many",
    "to_frames",
    "render",
]


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    return Pipeline()


def extract(
    text: str,
    *,
    id: Optional[str] = None,
    title: Optional[str] = None,
    published: Union[str, date, None] = None,
    source: Optional[str] = None,
) -> Article:
    """Records of one article given as text (``published``: ISO, ``date``, or as Vietnamese sites print it)."""
    return _default_pipeline().extract(text, id=id, title=title, published=published, source=source)


def render(article: "Article | str", original: Optional[str] = None) -> str:
    """The article as a self-contained HTML page, every record highlighted (see :mod:`qpextract.viewer`).

    ``original`` is the input text the records' offsets point into; pass a ``str`` as
    ``article`` to extract and render it at once. The result shows itself in a notebook.
    """
    from qpextract.viewer import render as render_page

    return render_page(article, original)


def extract_file(path: Union[str, os.PathLike], *, id: Optional[str] = None) -> Article:
    """The Article of one ``.txt`` or ``.html`` file, decoded and repaired as ``qpextract extract`` does."""
    from qpextract.io import api

    return api.extract_file(_default_pipeline(), path, id=id)


def extract_files(
    paths: Union[str, os.PathLike, Iterable[Union[str, os.PathLike]]], *, workers: int = 0
) -> Iterator[Union[Article, ErrorLine]]:
    """One result per article in files, folders, JSONL, WARC and archives (what the CLI reads)."""
    from qpextract.io import api

    return api.extract_files(_default_pipeline(), paths, workers=workers)  # type: ignore[arg-type]


def extract_bytes(data: bytes, *, id: str = "article", html: Optional[bool] = None) -> Article:
    """The Article of raw bytes in any encoding the CLI reads (UTF-8/16, cp1258, TCVN3); HTML is sniffed."""
    from qpextract.io import api

    return api.extract_bytes(_default_pipeline(), data, id=id, html=html)


def extract_html(html: Union[str, bytes], url: Optional[str] = None, *, id: str = "article") -> Article:
    """The Article of an HTML page: its main text, title, date and byline."""
    from qpextract.io import api

    return api.extract_html(_default_pipeline(), html, url=url, id=id)


def extract_many(items: Iterable[Any], *, workers: int = 0) -> Iterator[Union[Article, ErrorLine]]:
    """One Article or ErrorLine per item (str, ``{id, text, ...}`` dict, or DataFrame rows), in order."""
    return _default_pipeline().extract_many(items, workers=workers)


def to_frames(results: Iterable[Any]) -> dict[str, Any]:
    """pandas DataFrames, one per record kind (needs the ``pandas`` extra)."""
    from qpextract.io.frames import to_frames as frames

    return frames(results)
