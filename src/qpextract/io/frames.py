"""Articles as pandas DataFrames: one frame per record kind, derived by walking the models' fields.

``articles`` holds one row per Article (its scalar fields); every list of
records becomes its own frame keyed by ``article_id`` and ``index`` (a list
inside a record, such as an official's positions, adds ``<parent>_index``);
nested objects are flattened (``change_value``); error lines go to ``errors``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Union

from pydantic import BaseModel

from qpextract.errors import MissingExtra
from qpextract.models import Article, ErrorLine

Result = Union[Article, ErrorLine, Mapping[str, Any]]


def _singular(name: str) -> str:
    return name[:-1] if name.endswith("s") else name


def _is_record_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and isinstance(value[0], BaseModel)


def _flat(prefix: str, model: BaseModel, row: dict[str, Any]) -> None:
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            _flat(f"{prefix}{name}_", value, row)
        elif not _is_record_list(value):
            row[prefix + name] = value


def _walk(kind: str, records: list[BaseModel], keys: dict[str, Any], frames: dict[str, list[dict[str, Any]]]) -> None:
    rows = frames.setdefault(kind, [])
    for i, rec in enumerate(records):
        row = dict(keys, index=i)
        _flat("", rec, row)
        rows.append(row)
        for name in type(rec).model_fields:
            value = getattr(rec, name)
            if _is_record_list(value):
                _walk(name, value, {**keys, f"{_singular(kind)}_index": i}, frames)


def to_frames(results: Iterable[Result]) -> dict[str, Any]:
    """``{"articles": DataFrame, "dates": ..., "officials": ..., "positions": ..., "errors": ...}``."""
    try:
        import pandas as pd
    except ImportError:
        raise MissingExtra("qpextract.to_frames needs pandas", "pandas") from None
    if isinstance(results, (Article, ErrorLine)):
        results = [results]
    frames: dict[str, list[dict[str, Any]]] = {"articles": [], "errors": []}
    for name, field in Article.model_fields.items():  # every kind gets a frame, empty or not
        if getattr(field.annotation, "__origin__", None) is list and name not in ("authors", "warnings"):
            frames[name] = []
    for result in results:
        if isinstance(result, Mapping):
            result = ErrorLine.model_validate(result) if "error" in result else Article.model_validate(result)
        if isinstance(result, ErrorLine):
            frames["errors"].append({"id": result.id, "source": result.source, "kind": result.error.kind,
                                     "message": result.error.message})
            continue
        if not isinstance(result, Article):
            raise TypeError(f"to_frames takes Articles, ErrorLines or their dicts, not {type(result).__name__}")
        row: dict[str, Any] = {}
        _flat("", result, row)
        frames["articles"].append(row)
        for name in type(result).model_fields:
            value = getattr(result, name)
            if _is_record_list(value):
                _walk(name, value, {"article_id": result.id}, frames)
    return {kind: pd.DataFrame(rows) for kind, rows in frames.items()}
