"""Render inputs (read exactly as ``extract`` reads them) into HTML pages on disk."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Union

from qpextract.document import Document
from qpextract.errors import InputError
from qpextract.models import Article

Item = dict[str, Any]
_UNSAFE = re.compile(r"[^\w.\-]+")


@dataclass
class Rendered:
    """One input's outcome: the Article and its original text, or an error message."""

    id: str
    article: Optional[Article] = None
    original: Optional[str] = None
    error: Optional[str] = None


def process_items(items: Iterable[Item], pipeline: Any = None) -> Iterator[Union[tuple[Item, Document], str]]:
    """Each input item prepared as ``extract`` prepares it and run through the pipeline, or an error line."""
    from qpextract.io.readers import add_prepared, prepare
    from qpextract.pipeline import Pipeline

    pipe = pipeline if pipeline is not None else Pipeline()
    for item in items:
        aid = str(item["id"])
        if "error" in item:
            kind, message = item["error"]
            yield f"{aid}: {kind}: {message}"
            continue
        try:
            ready = prepare(item)
            doc = pipe.document(
                ready["text"], id=aid, title=ready.get("title"), published=ready.get("published"), source=ready.get("source"),
            )
        except InputError as exc:
            yield f"{aid}: {exc.kind}: {exc.message}"
            continue
        add_prepared(doc, ready)
        yield ready, doc


def extract_inputs(inputs: list[str], pipeline: Any = None) -> Iterator[Rendered]:
    """Each input item extracted with its original text (the text the records' offsets point into)."""
    from qpextract.io.readers import iter_inputs

    for outcome in process_items(iter_inputs(inputs), pipeline):
        if isinstance(outcome, str):
            aid, _, error = outcome.partition(": ")
            yield Rendered(aid, error=error)
        else:
            ready, doc = outcome
            yield Rendered(doc.id, article=doc.to_article(), original=ready["text"])


def page_name(aid: str) -> str:
    """A file name for an article id (ids may hold slashes, colons, '#')."""
    return (_UNSAFE.sub("_", aid).strip("._") or "article")[:150] + ".html"


def write_pages(results: Iterable[Rendered], output: Union[str, Path], *, single: bool) -> tuple[list[Path], list[str]]:
    """Write one page per article: to ``output`` itself when ``single``, else into the folder ``output``.

    Returns the pages written and the error lines (``id: kind: message``); a folder also gets
    an ``index.html`` that links every page.
    """
    from qpextract.viewer import page_html

    out = Path(output)
    written: list[Path] = []
    errors: list[str] = []
    links: list[tuple[str, str, str]] = []
    if not single:
        out.mkdir(parents=True, exist_ok=True)
    for r in results:
        if r.article is None or r.original is None:
            errors.append(f"{r.id}: {r.error}")
            continue
        path = out if single else out / page_name(r.id)
        path.write_text(page_html(r.article, r.original), encoding="utf-8")
        written.append(path)
        links.append((path.name, r.id, r.article.title or ""))
    if not single:
        (out / "index.html").write_text(_index_html(links), encoding="utf-8")
    return written, errors


def _index_html(links: list[tuple[str, str, str]]) -> str:
    from qpextract.viewer import _environment

    return _environment().get_template("index.html.j2").render(links=links)
