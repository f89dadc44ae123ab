"""Turn paths and streams into input items ``{id, text, title?, published?, source?}``.

An item that cannot be read becomes an item with an ``error`` (kind, message)
so that the batch writes exactly one line for it.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

Item = dict[str, Any]


def iter_inputs(paths: list[str]) -> Iterator[Item]:
    """Every input item under ``paths`` (files, directories, ``-`` for stdin JSONL)."""
    for p in paths:
        if p == "-":
            yield from _jsonl_lines(sys.stdin, "<stdin>")
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(f for f in path.rglob("*") if f.is_file() and f.suffix in {".txt", ".jsonl"}):
                yield from _file_items(child)
        else:
            yield from _file_items(path)


def _file_items(path: Path) -> Iterator[Item]:
    if path.suffix == ".jsonl":
        with open(path, encoding="utf-8-sig") as f:
            yield from _jsonl_lines(f, str(path))
        return
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield {"id": path.stem, "source": str(path), "error": ("decode", f"not UTF-8: {exc}")}
        return
    yield {"id": path.stem, "source": str(path), "text": text}


def _jsonl_lines(lines: Any, source: str) -> Iterator[Item]:
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise ValueError("a JSON line must be an object")
        except ValueError as exc:
            yield {"id": f"{source}:{n}", "source": source, "error": ("parse", f"line {n}: {exc}")}
            continue
        obj.setdefault("id", f"{Path(source).stem}:{n}")
        obj["id"] = str(obj["id"])
        obj.setdefault("source", obj.get("source") or source)
        yield obj
