"""qpextract: typed records from Vietnamese local-defence news.

    >>> import qpextract
    >>> article = qpextract.extract("Chiều 22/3, Đại tá Lã Văn Hào dự hội nghị.")

    >>> page = qpextract.render(article, original=text)  # HTML, shown inline in notebooks

``extract`` builds a default :class:`Pipeline` once per process; build your
own ``Pipeline()`` to control its life time (batch workers do).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

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
from qpextract.pipeline import Pipeline

__version__ = "0.1.0"

__all__ = [
    "Abbreviation",
    "Article",
    "Change",
    "ErrorInfo",
    "ErrorLine",
    "Event",
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
    published: Optional[str] = None,
    source: Optional[str] = None,
) -> Article:
    """Records of one article, with the default pipeline."""
    return _default_pipeline().extract(text, id=id, title=title, published=published, source=source)


def render(article: "Article | str", original: Optional[str] = None) -> str:
    """The article as a self-contained HTML page, every record highlighted (see :mod:`qpextract.viewer`).

    ``original`` is the input text the records' offsets point into; pass a ``str`` as
    ``article`` to extract and render it at once. The result shows itself in a notebook.
    """
    from qpextract.viewer import render as render_page

    return render_page(article, original)
