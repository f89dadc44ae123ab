"""``qpextract explain``: the rules that fired, on the same text ``extract`` would see.

The argument is read the way ``extract`` reads its inputs: a file path (any
encoding, HTML main text, archives and JSONL item by item), ``-`` for standard
input, else the argument itself as text (HTML markup is taken out as from a page).
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Optional

from qpextract.errors import InputError
from qpextract.io.readers import (
    KNOWN_SUFFIXES, Item, Limits, _document, _jsonl_stream, _suffix, add_prepared, iter_inputs, prepare,
)


def _looks_like_path(arg: str) -> bool:
    """A short single word ending in a known suffix or holding a slash is meant as a file, not as text."""
    return bool(arg) and len(arg) < 4096 and not any(c.isspace() for c in arg) and (
        _suffix(arg) in KNOWN_SUFFIXES or "/" in arg or "\\" in arg
    )


def _is_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


def _exists(path: Path) -> bool:
    """Is there a file or folder at ``path``? A sentence too long for a file name (over 255 bytes) names none."""
    try:
        return path.exists()
    except OSError:
        return False


def explain_items(arg: str) -> list[Item]:
    """The input items ``arg`` stands for; raises ``FileNotFoundError`` for a missing file."""
    if arg == "-":  # JSON Lines as `extract -` reads them; plain text or HTML also explained as one article
        data = sys.stdin.buffer.read()
        if data.lstrip()[:1] == b"{":
            return list(_jsonl_stream(io.BytesIO(data), "<stdin>", "stdin", Limits()))
        return [_document("stdin", "<stdin>", data, html=_is_html(data[:2048].decode("utf-8", "replace")))]
    if arg.strip() and len(arg) < 4096 and "\n" not in arg and _exists(Path(arg)):
        return list(iter_inputs([arg]))
    if _looks_like_path(arg):
        raise FileNotFoundError(f"no such file: {arg} (to explain text, give the sentence itself, with its spaces)")
    return [{"id": "explain", "source": None, ("html" if _is_html(arg) else "text"): arg}]


def explain_lines(arg: str, why: Optional[str] = None) -> Iterator[str]:
    """What :func:`qpextract.explain.explain_document` says of every item ``arg`` stands for (an id
    header when there are several); ``why``: the words whose records and near misses to show."""
    from qpextract.explain import explain_document
    from qpextract.pipeline import Pipeline

    items = explain_items(arg)
    pipeline = Pipeline()
    for item in items:
        if len(items) > 1:
            yield f"# {item['id']}"
        if "error" in item:
            raise InputError(*item["error"])
        ready = prepare(item)
        doc = pipeline.document(ready["text"], id=str(ready["id"]), title=ready.get("title"),
                                published=ready.get("published"), source=ready.get("source"))
        add_prepared(doc, ready)
        yield from explain_document(doc, why)
