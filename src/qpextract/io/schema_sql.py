"""SQL tables derived from the pydantic models, and the plans that flatten an Article into rows and back.

Walking the fields of :class:`~qpextract.models.Article` (and
:class:`~qpextract.models.ErrorLine`):

- a scalar field is a column (``str`` and Literals TEXT, ``int`` INTEGER,
  ``float`` FLOAT, ``bool`` BOOLEAN; ``first_day``/``last_day`` DATE);
  ``Optional`` means nullable, anything else NOT NULL;
- a single nested model flattens to prefixed columns (``numbers.change`` ->
  ``change_value``, ``change_direction``, ``change_unit``);
- a list of models is a child table keyed by ``(article_id, <parent>_idx...,
  idx)`` with a foreign key to its parent (``officials.positions`` ->
  ``positions(article_id, official_idx, idx)``);
- a list of strings, and the few span lists in :data:`JSON_FIELDS`, are JSON
  text (``authors``, ``sentences``, ``officials.mentions``).

The handful of names that predate this derivation are kept in the small
tables below, so users' queries keep working; a new field or record type
needs no entry here (an index is the only thing worth adding by hand), but
it does need a migration for the databases already written
(``qpextract/migrations/versions``; ``tests/test_db_migrate.py`` checks that
an upgraded database has exactly the derived columns).
"""

from __future__ import annotations

import datetime as _dt
import json
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Optional, Union

import sqlalchemy as sa
from pydantic import BaseModel

from qpextract.models import Article, ErrorLine

#: ``(parent table, field) -> table name`` where the name is not the field's.
TABLE_NAMES: dict[tuple[str, str], str] = {("events", "participants"): "event_participants"}
#: ``(table, field) -> column name`` where the name is not the field's.
COLUMN_NAMES: dict[tuple[str, str], str] = {("event_participants", "official"): "official_idx"}
#: ``(table, field)`` of nested models flattened *without* a prefix.
UNPREFIXED: set[tuple[str, str]] = {("errors", "error")}
#: Lists of models kept as JSON text in their parent row (spans with no meaning of their own).
JSON_FIELDS: set[tuple[str, str]] = {("articles", "sentences"), ("officials", "mentions")}
#: Fields stored as SQL DATE (ISO day; an impossible date is NULL, the record's ``value`` keeps it).
DATE_FIELDS = {"first_day", "last_day"}
#: Columns that are not model fields, per table.
EXTRA_COLUMNS: dict[str, list[tuple[str, Any]]] = {
    "articles": [("content_hash", sa.Text)],
    "errors": [("content_hash", sa.Text)],
}
#: Indexes on what users filter by (every child key already starts with article_id).
INDEXES: dict[str, list[str]] = {
    "articles": ["published"],
    "abbreviations": ["short"],
    "dates": ["first_day", "last_day", "value"],
    "officials": ["name"],
    "positions": ["title", "organization"],
    "ranks": ["rank"],
    "numbers": ["unit", "subject"],
    "events": ["type", "date", "first_day", "last_day"],
    "event_participants": ["name", "role"],
    "locations": ["kind", "name"],
    "organizations": ["kind"],
    "documents": ["kind", "number"],
    "decorations": ["kind"],
    "errors": ["kind"],
}


@dataclass
class Column:
    """One column: the attribute path that fills it and how its value is stored."""

    name: str
    path: tuple[str, ...]
    kind: Literal["plain", "json", "date", "json_models"]


@dataclass
class TablePlan:
    """How one model list (or the root model) becomes a table."""

    name: str
    model: type[BaseModel]
    keys: list[str]  # primary key columns, parents' first, ``idx`` last (``id`` for roots)
    columns: list[Column]
    children: list[tuple[str, TablePlan]] = field(default_factory=list)  # (field name, plan)
    nested: dict[str, tuple[type[BaseModel], bool]] = field(default_factory=dict)  # prefix path -> (model, optional)
    table: Optional[sa.Table] = None


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """``(inner type, optional)`` of an annotation."""
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return annotation, False


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _sql_type(tp: Any, name: str) -> Any:
    if name in DATE_FIELDS:
        return sa.Date
    if typing.get_origin(tp) is Literal or tp is str:
        return sa.Text
    if tp is bool:
        return sa.Boolean
    if tp is int:
        return sa.Integer
    if tp is float:
        return sa.Float
    raise TypeError(f"no SQL type for field {name!r} of type {tp!r}")


def _singular(table: str) -> str:
    return table[:-1] if table.endswith("s") else table


def _plan(
    name: str, model: type[BaseModel], keys: list[str], metadata: sa.MetaData, parent: Optional[str]
) -> tuple[TablePlan, list[TablePlan]]:
    """The plan of ``model`` as table ``name`` and of every table below it (parents first)."""
    plan = TablePlan(name, model, keys, [])
    sql_cols: list[sa.Column] = []
    below: list[TablePlan] = []

    def walk(m: type[BaseModel], path: tuple[str, ...], prefix: str, nullable_above: bool) -> None:
        for fname, info in m.model_fields.items():
            tp, optional = _unwrap(info.annotation)
            nullable = optional or nullable_above
            if typing.get_origin(tp) is list:
                (item,) = typing.get_args(tp)
                if _is_model(item) and (name, fname) not in JSON_FIELDS:
                    if path:
                        raise TypeError(f"a list inside a nested model is not supported: {name}.{'.'.join(path)}.{fname}")
                    child = TABLE_NAMES.get((name, fname), fname)
                    ckeys = keys[:-1] + [f"{_singular(name)}_idx", "idx"] if parent else ["article_id", "idx"]
                    cplan, more = _plan(child, item, ckeys, metadata, name)
                    plan.children.append((fname, cplan))
                    below.extend([cplan, *more])
                    continue
                kind = "json_models" if _is_model(item) else "json"
                col = COLUMN_NAMES.get((name, fname), prefix + fname)
                plan.columns.append(Column(col, path + (fname,), kind))  # type: ignore[arg-type]
                sql_cols.append(sa.Column(col, sa.Text, nullable=False, comment=f"JSON list of {getattr(item, '__name__', item)}"))
                continue
            if _is_model(tp):
                sub = "" if (name, fname) in UNPREFIXED else f"{prefix}{fname}_"
                plan.nested[".".join(path + (fname,))] = (tp, optional)
                walk(tp, path + (fname,), sub, nullable)
                continue
            if parent is None and fname == "id":
                continue  # the key column, declared below
            col = COLUMN_NAMES.get((name, fname), prefix + fname)
            kind = "date" if fname in DATE_FIELDS else "plain"
            plan.columns.append(Column(col, path + (fname,), kind))  # type: ignore[arg-type]
            sql_cols.append(sa.Column(col, _sql_type(tp, fname), nullable=nullable))

    walk(model, (), "", False)
    if parent is None:
        key_cols = [sa.Column("id", sa.Text, primary_key=True)]
    else:
        key_cols = []
        for k in keys:
            fk = [sa.ForeignKey("articles.id", ondelete="CASCADE")] if k == "article_id" and parent == "articles" else []
            key_cols.append(sa.Column(k, sa.Text if k == "article_id" else sa.Integer, *fk, primary_key=True,
                                      autoincrement=False))
    extra = [sa.Column(n, t, nullable=False) for n, t in EXTRA_COLUMNS.get(name, [])]
    constraints: list[Any] = []
    if parent is not None and parent != "articles":
        constraints.append(
            sa.ForeignKeyConstraint(keys[:-1], [f"{parent}.{k}" for k in keys[:-2] + ["idx"]], ondelete="CASCADE")
        )
    indexes = [sa.Index(f"ix_{name}_{c}", c) for c in INDEXES.get(name, [])]
    plan.table = sa.Table(name, metadata, *key_cols, *extra, *sql_cols, *constraints, *indexes)
    return plan, below


def build(metadata: sa.MetaData) -> tuple[TablePlan, TablePlan, list[TablePlan]]:
    """``(articles plan, errors plan, every plan parents first)`` with their tables in ``metadata``."""
    root, below = _plan("articles", Article, ["id"], metadata, None)
    err, _ = _plan("errors", ErrorLine, ["id"], metadata, None)
    return root, err, [root, *below, err]


# --- records <-> rows -------------------------------------------------------------------------


def _get(record: Any, path: tuple[str, ...]) -> Any:
    for p in path:
        if record is None:
            return None
        record = getattr(record, p)
    return record


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def iso_day(value: Optional[str]) -> Optional[_dt.date]:
    """An ISO calendar day, or None for null or an impossible date."""
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _cell(col: Column, record: Any) -> Any:
    value = _get(record, col.path)
    if col.kind == "plain":
        return value
    if col.kind == "date":
        return iso_day(value)
    if col.kind == "json_models":
        return _json([v.model_dump() for v in value])
    return _json(value)


def record_rows(plan: TablePlan, record: Any, key: dict[str, Any], out: dict[str, list[dict[str, Any]]]) -> None:
    """Append the row of ``record`` (and of its children) to ``out[table name]``."""
    row = dict(key)
    for col in plan.columns:
        row[col.name] = _cell(col, record)
    out[plan.name].append(row)
    if plan.keys == ["id"]:
        parent_key = {"article_id": key["id"]}
    else:
        parent_key = {k: v for k, v in key.items() if k != "idx"}
        parent_key[f"{_singular(plan.name)}_idx"] = key["idx"]
    for fname, child in plan.children:
        for i, item in enumerate(getattr(record, fname)):
            record_rows(child, item, {**parent_key, "idx": i}, out)


def _day(value: Any) -> Optional[str]:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, _dt.date) else str(value)[:10]


def row_record(plan: TablePlan, row: Mapping[str, Any]) -> dict[str, Any]:
    """The model data of one row (children not attached)."""
    data: dict[str, Any] = {}
    for col in plan.columns:
        value = row[col.name]
        if col.kind == "date":
            value = _day(value)
        elif col.kind in ("json", "json_models"):
            value = json.loads(value)
        elif value is not None:
            value = _python(plan.model, col.path, value)
        target = data
        for p in col.path[:-1]:
            target = target.setdefault(p, {})
        target[col.path[-1]] = value
    for path, (model, optional) in sorted(plan.nested.items(), key=lambda kv: -kv[0].count(".")):
        parts = path.split(".")
        holder = data
        for p in parts[:-1]:
            holder = holder[p]
        sub = holder.get(parts[-1], {})
        required = [f for f, info in model.model_fields.items() if info.is_required()]
        if optional and all(sub.get(f) is None for f in (required or list(sub))):
            holder[parts[-1]] = None
    return data


def _python(model: type[BaseModel], path: tuple[str, ...], value: Any) -> Any:
    """Back-end values to the field's Python type (SQLite gives 0/1 for booleans)."""
    m: Any = model
    for p in path[:-1]:
        m, _ = _unwrap(m.model_fields[p].annotation)
    tp, _ = _unwrap(m.model_fields[path[-1]].annotation)
    if tp is bool:
        return bool(value)
    return value
