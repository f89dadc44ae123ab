"""Where results go: one record per input, Article or error line.

A sink is opened for a run, told every result, and closed. ``done_ids``
lets ``--resume`` skip what an interrupted run already wrote. The JSONL sink
lives here; database sinks (SQLite, PostgreSQL) in ``io/db.py``.
"""

from __future__ import annotations

import json
import sys
from typing import IO, Protocol, Union

from qpextract.models import Article, ErrorLine

Result = Union[Article, ErrorLine]


class Sink(Protocol):
    """What the batch runner writes to."""

    def write(self, result: Result, content_hash: str) -> None: ...

    def done_ids(self) -> set[str]: ...

    def close(self) -> None: ...


class JsonlSink:
    """One JSON object per line; ``-`` is standard output."""

    def __init__(self, path: str, *, append: bool = False) -> None:
        self.path = path
        self._out: IO[str] = sys.stdout if path == "-" else open(path, "a" if append else "w", encoding="utf-8")

    def write(self, result: Result, content_hash: str) -> None:
        self._out.write(result.model_dump_json() + "\n")

    def done_ids(self) -> set[str]:
        if self.path == "-":
            return set()
        ids = set()
        with open(self.path, encoding="utf-8") as f:
            for line in f:
                try:
                    ids.add(str(json.loads(line)["id"]))
                except (ValueError, KeyError, TypeError):
                    continue  # a line cut by a kill: it is written again
        return ids

    def close(self) -> None:
        if self._out is not sys.stdout:
            self._out.close()
        else:
            self._out.flush()
