"""An article as a self-contained HTML page: its original text with every record highlighted.

    >>> page = qpextract.viewer(article, original)   # or qpextract.viewer("Chiều 22/3, ...")
    >>> page.save("page.html")                       # in a notebook, ``page`` shows itself

The page has no external resource (no CDN, no font download): styles, script
and records are inline, so it works opened from disk.
"""

from __future__ import annotations

import html
import json
from functools import lru_cache
from pathlib import Path
from typing import Optional, Union

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # jinja2 comes with the `view` extra; imported when a page is drawn
    import jinja2
    import markupsafe

from qpextract.models import Article
from qpextract.viewer.spans import KINDS, Mark, collect_marks, same_surface, tree

__all__ = ["KINDS", "RenderedPage", "page_html", "render"]


class RenderedPage(str):
    """The page's HTML (a ``str``) that Jupyter shows in an isolated frame."""

    def _repr_html_(self) -> str:
        return (
            '<iframe style="width: 100%; height: 640px; border: 1px solid #ddd" sandbox="allow-scripts" srcdoc="'
            + html.escape(str(self), quote=True)
            + '"></iframe>'
        )

    def save(self, path: Union[str, Path]) -> Path:
        """Write the page as UTF-8 and return its path."""
        out = Path(path)
        out.write_text(str(self), encoding="utf-8")
        return out


def _script_json(value: object) -> markupsafe.Markup:
    """JSON safe inside a <script> element, keys in their own order (jinja2's tojson sorts them)."""
    import markupsafe

    text = json.dumps(value, ensure_ascii=False)
    for c, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("'", "\\u0027")):
        text = text.replace(c, esc)
    return markupsafe.Markup(text)


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    from qpextract.errors import require

    jinja2 = require("jinja2", "qpextract render", "view")
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("qpextract.viewer", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["tojson"] = _script_json
    return env


class SpanMismatch(ValueError):
    """The records' offsets do not point into the text given as the original."""


def _check_original(article: Article, original: str, marks: list[Mark]) -> None:
    bad = [m for m in marks if m.kind != "position" and not same_surface(original[m.start : m.end], m.text)]
    if bad and len(bad) * 4 > len(marks):
        m = bad[0]
        raise SpanMismatch(
            f"{len(bad)} of {len(marks)} records do not match the text at their offsets "
            f"(e.g. {m.kind} {m.text!r} at [{m.start}, {m.end}) reads {original[m.start:m.end]!r}): "
            "pass the original input the article was extracted from"
        )


def page_html(article: Article, original: str, *, note: Optional[str] = None, home: Optional[str] = None) -> str:
    """The page of ``article`` over ``original`` (the text its records' offsets point into).

    ``note``: a line shown under the title (how the page was made); ``home``: a link back (the archive).
    """
    from qpextract import __version__

    marks = collect_marks(article, original)
    _check_original(article, original, marks)
    placed = {(m.fields.get("of"), m.text) for m in marks if m.kind == "position"}
    unplaced = [f"{o.name}: {p.text}" for o in article.officials for p in o.positions if (o.name, p.text) not in placed]
    counts: dict[str, int] = {}
    seen: set[tuple[str, str]] = set()
    for m in marks:
        key = (m.kind, m.rid if m.kind != "person" else str(m.fields.get("official")))
        if key not in seen:
            seen.add(key)
            counts[m.kind] = counts.get(m.kind, 0) + 1
    records = {m.rid: {"kind": m.kind, "text": m.text, "start": m.start, "end": m.end, "fields": m.fields} for m in marks}
    return _environment().get_template("article.html.j2").render(
        article=article,
        root=tree(original, marks),
        marks=marks,
        records=records,
        kinds=KINDS,
        labels={k: v[0] for k, v in KINDS.items()},
        counts=counts,
        unplaced=unplaced,
        version=__version__,
        note=note,
        home=home,
    )


def render(article: Union[Article, str], original: Optional[str] = None) -> RenderedPage:
    """The HTML page of an Article (records' offsets point into ``original``), or of a text extracted now.

    ``original`` defaults to ``article.text``, which is right only when the input needed no
    normalization; a :class:`SpanMismatch` says so when the offsets do not fit it.
    """
    if isinstance(article, str):
        from qpextract import extract

        original = article
        article = extract(article)
    return RenderedPage(page_html(article, original if original is not None else article.text))
