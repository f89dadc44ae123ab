"""Checks of what callers pass to the library, with messages that say what to pass instead."""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Mapping
from typing import Any, Optional

_TEXT_KEYS = ("content", "body", "article", "html", "raw")


def check_text_argument(text: Any) -> None:
    """``TypeError`` unless ``text`` is a ``str`` or raw ``bytes`` (paths and frames get their own advice)."""
    if isinstance(text, (str, bytes, bytearray)):
        return
    if isinstance(text, os.PathLike):
        raise TypeError(f"text must be a str, not a path; call qpextract.extract_file({os.fspath(text)!r})")
    raise TypeError(
        f"text must be the article as a str, not {type(text).__name__}; for many articles call "
        "qpextract.extract_many(items) or Pipeline().extract_many(items)"
    )


def check_not_a_path(text: str) -> None:
    """``ValueError`` when ``text`` is only the path of an existing file (the article was meant)."""
    if len(text) < 4096 and "\n" not in text and text.strip() and os.path.isfile(text.strip()):
        raise ValueError(
            f"{text.strip()!r} is the path of a file, not an article: call qpextract.extract_file(path) to read it"
        )


def record_problem(record: Mapping[str, Any]) -> Optional[str]:
    """Why ``record`` cannot be an article input (no ``text`` string, a wrong type), or None."""
    text = record.get("text")
    if text is None:
        near = [k for k in _TEXT_KEYS if k in record]
        hint = f" (it has {near[0]!r}: rename it to 'text')" if near else ""
        keys = ", ".join(map(str, list(record)[:8])) or "none"
        return f"the item has no 'text' key{hint}; keys: {keys}; pass {{'id': ..., 'text': ...}}"
    if not isinstance(text, (str, bytes)):
        return f"'text' must be a str (or raw bytes), not {type(text).__name__}"
    if record.get("title") is not None and not isinstance(record["title"], str):
        return f"'title' must be a str or None, not {type(record['title']).__name__}"
    published = record.get("published")
    if published is not None and not isinstance(published, (str, _dt.date)):
        return f"'published' must be a str, a date or a datetime, not {type(published).__name__}"
    return None
