"""Where results go: one record per input, Article or error line.

A sink is opened for a run, told every result, and closed. ``done_ids``
lets ``--resume`` skip what an interrupted run already wrote. The JSONL sink
lives here; database sinks (SQLite, PostgreSQL) in ``io/db.py``, reached
through :func:`open_sink` (``qpextract.io.db.open_db_sink(url, resume=...)``).
"""

from __future__ import annotations

import json
import os
import re
import sys
from typing import IO, Optional, Protocol, Union

from qpextract.models import Article, ErrorLine

Result = Union[Article, ErrorLine]

DB_SUFFIXES = (".sqlite", ".sqlite3", ".db")
#: error lines a resumed run does again (their worker was killed: the article may well succeed now)
RETRY_ON_RESUME = "the worker process died"
_LEADING_ID = re.compile(r'\{"schema_version":"2","id":"((?:[^"\\]|\\.)*)"')


class SinkUnavailable(Exception):
    """The requested sink cannot be opened (a usage error, exit code 2)."""


class Sink(Protocol):
    """What the batch runner writes to."""

    def write(self, result: Result, content_hash: str) -> None: ...

    def done_ids(self) -> set[str]: ...

    def close(self) -> None: ...


class JsonlSink:
    """One JSON object per line; ``-`` is standard output.

    Every line is flushed before the runner reports it written (the batch runner
    flushes the lines ready at one moment together), so a killed run loses nothing
    it reported; with ``append=True`` a torn last line is cut off first,
    and its input is done again.
    """

    def __init__(self, path: str, *, append: bool = False) -> None:
        self.path = path
        self.done_errors = 0  # error lines among what ``done_ids`` found (for the exit code of a resumed run)
        if path == "-":
            self._out: IO[str] = sys.stdout
        else:
            if append and os.path.exists(path):
                _drop_torn_tail(path)
            self._out = open(path, "a" if append else "w", encoding="utf-8")

    def write(self, result: Result, content_hash: str) -> None:
        self.write_json(result.id, result.model_dump_json())

    def write_json(self, aid: str, line: str, *, flush: bool = True) -> None:
        """Fast path of the batch runner: a result already serialized by a worker.

        With ``flush=False`` the caller calls :meth:`flush` before it reports the line written.
        """
        self._out.write(line + "\n")
        if flush:
            self._out.flush()

    def write_block(self, data: bytes) -> None:
        """Fast path of the batch runner: whole lines as UTF-8 bytes, each ending in a newline.

        The caller calls :meth:`flush` before it reports the lines written.
        """
        buffer = getattr(self._out, "buffer", None)
        if buffer is None:  # a text-only stream (a replaced sys.stdout)
            self._out.write(data.decode("utf-8"))
            return
        self._out.flush()  # what ``write`` left in the text layer goes first
        buffer.write(data)

    def flush(self) -> None:
        """Push the lines written so far to the file."""
        self._out.flush()

    def done_ids(self) -> set[str]:
        """Ids the file has; lines whose worker was killed are cut out of it, to be done again."""
        if self.path == "-" or not os.path.exists(self.path):
            return set()
        ids = set()
        self.done_errors = 0
        retry = 0
        with open(self.path, encoding="utf-8", errors="replace") as f:
            for line in f:
                if not line.endswith("\n"):
                    continue  # torn by a kill: done again
                if _to_retry(line):
                    retry += 1
                    continue
                m = _LEADING_ID.match(line)  # our own lines: no need to parse 20 KB of JSON for the id
                if m:
                    ids.add(json.loads(f'"{m.group(1)}"'))
                    # a quote inside a string value is escaped, so this key cannot occur in an Article
                    self.done_errors += '"error":{"kind":"' in line
                    continue
                try:
                    obj = json.loads(line)
                    ids.add(str(obj["id"]))
                except (ValueError, KeyError, TypeError):
                    continue
                self.done_errors += "error" in obj
        if retry:
            self._drop_retried()
        return ids

    def _drop_retried(self) -> None:
        """Rewrite the file without the lines to do again (a new file renamed over the old one)."""
        self._out.close()
        tmp = self.path + ".resume-tmp"
        with open(self.path, encoding="utf-8", errors="surrogateescape") as src, \
                open(tmp, "w", encoding="utf-8", errors="surrogateescape") as dst:
            for line in src:
                if not _to_retry(line):
                    dst.write(line)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(tmp, self.path)
        self._out = open(self.path, "a", encoding="utf-8")

    def close(self) -> None:
        if self._out is not sys.stdout:
            self._out.close()
        else:
            self._out.flush()


def _to_retry(line: str) -> bool:
    """An ``internal`` error line of an article whose worker was killed (a resumed run does it again)."""
    if RETRY_ON_RESUME not in line:
        return False
    try:
        error = json.loads(line).get("error")
    except (ValueError, AttributeError):
        return False
    return isinstance(error, dict) and error.get("kind") == "internal" and RETRY_ON_RESUME in str(error.get("message"))


def _drop_torn_tail(path: str) -> None:
    """Cut the file after its last newline (a line half-written when the run was killed)."""
    with open(path, "rb+") as f:
        size = f.seek(0, os.SEEK_END)
        pos = size
        block = 65536
        while pos > 0:
            start = max(0, pos - block)
            f.seek(start)
            chunk = f.read(pos - start)
            nl = chunk.rfind(b"\n")
            if nl >= 0:
                f.truncate(start + nl + 1)
                return
            pos = start
        f.truncate(0)


class TeeSink:
    """Several sinks at once (a JSONL file and a database)."""

    def __init__(self, sinks: list[Sink]) -> None:
        self.sinks = sinks

    def write(self, result: Result, content_hash: str) -> None:
        for sink in self.sinks:
            sink.write(result, content_hash)

    def done_ids(self) -> set[str]:
        sets = [sink.done_ids() for sink in self.sinks]
        self.done_errors = max((getattr(sink, "done_errors", 0) for sink in self.sinks), default=0)
        return set.intersection(*sets) if sets else set()

    def close(self) -> None:
        for sink in self.sinks:
            sink.close()


def open_sink(output: Optional[str], db: Optional[str] = None, *, resume: bool = False) -> Sink:
    """The sink for ``-o OUTPUT`` and/or ``--db URL``.

    ``.jsonl`` (or any other name) and ``-`` give a :class:`JsonlSink`;
    ``.sqlite``/``.db`` outputs and a ``--db`` URL (``postgresql://...``,
    ``sqlite:///...``) give the database sink of ``qpextract.io.db``. With both,
    results go to both. Raises :class:`SinkUnavailable` when it cannot be opened.
    """
    if resume and output == "-":
        raise SinkUnavailable("--resume needs an output file or a database, not standard output")
    sinks: list[Sink] = []
    if output is not None:
        if output.lower().endswith(DB_SUFFIXES):
            sinks.append(_db_sink("sqlite:///" + os.path.abspath(output), resume))
        else:
            parent = os.path.dirname(os.path.abspath(output)) if output != "-" else "."
            if not os.path.isdir(parent):
                raise SinkUnavailable(f"the folder of the output {output!r} does not exist")
            sinks.append(JsonlSink(output, append=resume))
    if db:
        sinks.append(_db_sink(db, resume))
    if not sinks:
        sinks.append(JsonlSink("out.jsonl", append=resume))
    return sinks[0] if len(sinks) == 1 else TeeSink(sinks)


def _db_sink(url: str, resume: bool) -> Sink:
    try:
        from qpextract.io import db as dbmod
    except ImportError as exc:
        raise SinkUnavailable(
            f"database output ({url.split(':', 1)[0]}) needs qpextract.io.db, which is not available: {exc}"
        ) from None
    opener = getattr(dbmod, "open_db_sink", None)
    if opener is None:
        raise SinkUnavailable("qpextract.io.db has no open_db_sink(url, *, resume): database output is not ready yet")
    try:
        return opener(url, resume=resume)
    except Exception as exc:  # driver missing, server unreachable, bad URL
        raise SinkUnavailable(f"cannot open the database {_redact(url)}: {type(exc).__name__}: {exc}") from None


def _redact(url: str) -> str:
    """A URL without its password, for messages."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        user = creds.split(":", 1)[0]
        return f"{scheme}://{user}:***@{host}"
    return url
