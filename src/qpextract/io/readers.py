"""Turn paths and streams into input items, one per article, never silently none.

An item is a dict ``{id, source, text | html | error, title?, published?,
authors?, note?}``. ``error`` is ``(kind, message)`` with a SPEC error kind;
``html`` is a page whose main text is taken out later, in a worker
(:func:`prepare`), because that is the slow part. Readers only decode, bound
and split: ``.txt``, ``.html``/``.htm``, ``.jsonl`` (``{id, text, title?,
published?, source?}``), ``.warc``/``.warc.gz`` (each HTML response is an
article), ``.zip`` and ``.tar(.gz)`` archives of those, directories walked
recursively, and ``-`` for JSONL on standard input.

Archives are read in memory, never extracted to disk; a member whose name
climbs out (``../x``, ``/etc/x``) is refused (zip-slip), and the bytes expanded
per archive, summed over every level (a ``.jsonl.gz`` inside a zip counts twice),
are capped at ``max_ratio`` times its packed size and at ``max_total`` (bombs).

Only regular files are read, and never more than ``max_bytes + 1`` of a document
(a FIFO, a device or ``/dev/zero`` behind a link is an error line, not a hang); a
link in a walked folder that points out of it is not followed unless
``follow_links``. Ids are unique per run: a repeated id (or two files of the same
name) gets ``#2``, ``#3``... in input order, so a resumed run meets the same ids;
lone surrogates and NUL in ids become U+FFFD (what a database can store).
"""

from __future__ import annotations

import datetime as _dt
import fcntl
import gzip
import io
import json
import os
import re
import stat
import struct
import sys
import tarfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, TYPE_CHECKING, Any, Literal, Optional, Union

from qpextract.errors import DecodeError, EmptyInputError, InputError
from qpextract.text.decode import decode_bytes
from qpextract.text.guard import scrub

if TYPE_CHECKING:
    from qpextract.document import Document
    from qpextract.models import Article

Item = dict[str, Any]

MB = 1024 * 1024
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
ZIP_SUFFIXES = (".zip",)
TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz")
KNOWN_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES + ZIP_SUFFIXES + TAR_SUFFIXES
_ID_IN_LINE = re.compile(rb'"id"\s*:\s*"((?:[^"\\]|\\.){1,200})"')
_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?")


@dataclass
class Limits:
    """Caps that keep one bad input from taking the machine."""

    max_bytes: int = 5 * MB  # one article (a file, a JSON line, a WARC record, an archive member)
    max_ratio: float = 200.0  # unpacked/packed size of an archive member (or a tar stream) past 1 MiB
    max_total: int = 2 * 1024 * MB  # unpacked bytes read from one archive
    max_members: int = 1_000_000  # members of one archive


@dataclass
class _Ids:
    """Ids unique per run: a repeat gets ``#2``, ``#3``... in input order (stable across runs)."""

    seen: set[str] = field(default_factory=set)
    counts: dict[str, int] = field(default_factory=dict)

    def claim(self, aid: str) -> str:
        aid = _storable(aid)
        if aid not in self.seen:
            self.seen.add(aid)
            return aid
        n = self.counts.get(aid, 1)
        while True:
            n += 1
            candidate = f"{aid}#{n}"
            if candidate not in self.seen:
                self.counts[aid] = n
                self.seen.add(candidate)
                return candidate


def _storable(value: str) -> str:
    """Lone surrogates and NUL as U+FFFD: what JSON, UTF-8 and PostgreSQL all hold."""
    if value.isascii() and "\x00" not in value:  # the usual id: nothing to replace
        return value
    return scrub(value).replace("\x00", "\ufffd")


class Inputs(Iterator[Item]):
    """The items of :func:`iter_inputs`; a pool runner sets ``lines = True`` before the first item
    to get simple JSON lines unparsed (``{id, source, line, n, stem}``: its workers parse them, :func:`parse_line`)."""

    def __init__(self, paths: list[str], limits: Limits, exclude: Iterable[str], follow_links: bool) -> None:
        self.lines = False
        self._items = self._claimed(_raw_inputs(paths, limits, exclude, follow_links, self))

    def __next__(self) -> Item:
        return next(self._items)

    @staticmethod
    def _claimed(raw: Iterator[Item]) -> Iterator[Item]:
        ids = _Ids()
        for item in raw:
            given = str(item["id"])
            item["id"] = ids.claim(given)
            if isinstance(item.get("source"), str):
                item["source"] = scrub(item["source"])
            notes = []
            if _storable(given) != given:
                notes.append("the id held characters no output can store (NUL, lone surrogates): each became U+FFFD")
            if item["id"] != _storable(given):
                notes.append(f"the id {_storable(given)!r} was already used in this run: this input is {item['id']!r}")
            for note in notes:
                if "error" in item:
                    kind, message = item["error"]
                    item["error"] = (kind, f"{message} ({note})")
                else:
                    item.setdefault("notes", []).append(note)
            yield item


def iter_inputs(
    paths: list[str], limits: Optional[Limits] = None, *, exclude: Iterable[str] = (), follow_links: bool = False
) -> Inputs:
    """Every input item under ``paths`` (files, directories, ``-`` for stdin JSONL), ids unique.

    ``exclude``: files never read from a walked folder (the run's own output file).
    ``follow_links``: read links in walked folders that point out of them.
    """
    return Inputs(paths, limits or Limits(), exclude, follow_links)


def _raw_inputs(paths: list[str], limits: Limits, exclude: Iterable[str], follow_links: bool,
                mode: Any = None) -> Iterator[Item]:
    skip = {os.path.realpath(p) for p in exclude}
    for p in paths:
        if p == "-":
            yield from _jsonl_stream(sys.stdin.buffer, "<stdin>", "stdin", limits, mode)
            continue
        path = Path(p)
        if path.is_dir():
            root = os.path.realpath(path)
            for child in walk(path):
                if os.path.realpath(child) in skip:
                    continue
                outside = _link_out(child, root)
                if outside and not follow_links:
                    yield _error(_stem(child.name), str(child), "parse",
                                 f"a link out of the input folder (to {outside}) is not followed; use --follow-links")
                    continue
                yield from _file_items(child, limits, mode)
        else:
            yield from _file_items(path, limits, mode)


def _link_out(path: Path, root: str) -> Optional[str]:
    """Where ``path`` leads when it is a link out of ``root`` (None for a plain file or a link inside)."""
    if not path.is_symlink():
        return None
    real = os.path.realpath(path)
    return None if real == root or real.startswith(root + os.sep) else real


def walk(root: Path) -> Iterator[Path]:
    """Files of known kinds under ``root``, sorted, hidden ones and symlinked folders left out."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith(".") and _suffix(name) in KNOWN_SUFFIXES:
                yield Path(dirpath) / name


def _suffix(name: str) -> str:
    low = name.lower()
    for double in (".warc.gz", ".tar.gz", ".jsonl.gz"):
        if low.endswith(double):
            return double
    return os.path.splitext(low)[1]


def _stem(name: str) -> str:
    base = PurePosixPath(name.replace("\\", "/")).name
    suffix = _suffix(base)
    return base[: len(base) - len(suffix)] if suffix in KNOWN_SUFFIXES and len(base) > len(suffix) else base


def _error(aid: str, source: str, kind: str, message: str) -> Item:
    return {"id": aid, "source": source, "error": (kind, message)}


def _open_regular(path: Path) -> IO[bytes]:
    """``path`` opened for reading when it is a regular file; ``OSError`` (with a reason) when not.

    Opened without blocking and checked on the open descriptor: a FIFO never hangs the run,
    a device (``/dev/zero``) is never read, whatever a link or a race made of the name.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            what = "a FIFO" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a socket or special file"
            raise OSError(f"{what}, not a regular file: not read")
        flags = fcntl.fcntl(fd, fcntl.F_GETFL)
        fcntl.fcntl(fd, fcntl.F_SETFL, flags & ~os.O_NONBLOCK)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _file_items(path: Path, limits: Limits, mode: Any = None) -> Iterator[Item]:
    suffix = _suffix(path.name)
    source = str(path)
    stem = _stem(path.name)
    try:
        f = _open_regular(path)
    except OSError as exc:
        yield _error(stem, source, "parse", f"cannot read: {exc.strerror or exc}")
        return
    with f:
        if suffix in JSONL_SUFFIXES:
            stream: IO[bytes] = f
            if suffix.endswith(".gz"):
                meter = _Meter(limits, _size(f))
                stream = io.BufferedReader(_Metered(gzip.GzipFile(fileobj=f), meter), MB)  # type: ignore[assignment]
            try:
                yield from _jsonl_stream(stream, source, stem, limits, mode)
            except (_BombError, OSError, EOFError, zlib.error) as exc:
                yield _error(f"{stem}:rest", source, "too_large" if isinstance(exc, _BombError) else "parse",
                             f"reading stopped: {exc}")
        elif suffix in WARC_SUFFIXES:
            yield from _warc_stream(f, source, stem, limits, _Meter(limits, _size(f)))
        elif suffix in ZIP_SUFFIXES:
            yield from _zip_items(f, source, stem, limits)
        elif suffix in TAR_SUFFIXES:
            yield from _tar_items(f, source, stem, limits)
        else:
            try:
                data = f.read(limits.max_bytes + 1)  # capped by what is read, not by st_size
            except OSError as exc:
                yield _error(stem, source, "parse", f"cannot read: {exc.strerror or exc}")
                return
            if len(data) > limits.max_bytes:
                yield _error(stem, source, "too_large", f"over the limit of {limits.max_bytes} bytes")
                return
            yield _document(stem, source, data, html=suffix in HTML_SUFFIXES)


def _size(f: IO[bytes]) -> int:
    return os.fstat(f.fileno()).st_size


def _document(aid: str, source: str, data: bytes, *, html: bool, **extra: Any) -> Item:
    """One text or HTML document from its bytes."""
    if not data.strip():
        return _error(aid, source, "empty", "the input has no text")
    try:
        decoded = decode_bytes(data, html=html)
    except DecodeError as exc:
        return _error(aid, source, "decode", exc.message)
    item: Item = {"id": aid, "source": source, ("html" if html else "text"): decoded.text, **extra}
    if decoded.note:
        item["notes"] = [decoded.note]
    return item


# -- JSON Lines ---------------------------------------------------------------------------------


def _bounded_lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, Optional[bytes], bytes]]:
    """``(line number, line or None when over the limit, its first bytes)`` without reading a long line whole."""
    n = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        n += 1
        if len(line) > limit and not line.endswith(b"\n"):
            head = line[:4096]
            while line and not line.endswith(b"\n"):
                line = stream.readline(MB)
            yield n, None, head
        else:
            yield n, line, line


# a line that opens with its id and names no other "id": what a worker can parse in its place
_ID_FIRST = re.compile(rb'\s*(?:\xef\xbb\xbf)?\s*\{\s*"id"\s*:\s*"')


def _jsonl_stream(stream: IO[bytes], source: str, stem: str, limits: Limits, mode: Any = None) -> Iterator[Item]:
    for n, line, head in _bounded_lines(stream, limits.max_bytes):
        if line is not None and not line.strip():
            continue
        m = _ID_IN_LINE.search(head)
        guessed = _unescape_id(m.group(1)) if m else None
        aid = guessed or f"{stem}:{n}"
        if line is None:
            yield _error(aid, source, "too_large", f"line {n} is over the limit of {limits.max_bytes} bytes")
            continue
        if (mode is not None and mode.lines and guessed and _ID_FIRST.match(line)
                and line.count(b'"id"') == 1 and b"\\u006" not in line):
            # the id is the first key and no other key can read "id" (not even as "\u0069d"):
            # the worker's json.loads finds this same id
            yield {"id": guessed, "given": guessed, "source": source, "line": line, "n": n, "stem": stem}
            continue
        yield parse_line(line, n, source, stem, aid)


def parse_line(line: bytes, n: int, source: str, stem: str, aid: str) -> Item:
    """The item of one JSON line (``aid``: the id to report a line that has none)."""
    if n == 1 and line.startswith(b"\xef\xbb\xbf"):
        line = line[3:]
    try:
        obj = json.loads(line)
    except UnicodeDecodeError as exc:
        return _error(aid, source, "decode", f"line {n} is not UTF-8: {exc.reason}")
    except RecursionError:
        return _error(aid, source, "parse", f"line {n}: JSON nested too deeply")
    except ValueError as exc:
        return _error(aid, source, "parse", f"line {n}: malformed JSON: {exc}")
    if not isinstance(obj, dict):
        return _error(aid, source, "parse", f"line {n}: a JSON line must be an object")
    return _json_item(obj, n, source, stem)


def parsed(item: Item) -> Item:
    """A line item (``Inputs.lines``) parsed in the worker: what the reader would have yielded, id claimed."""
    out = parse_line(item["line"], item["n"], item["source"], item["stem"], item["id"])
    if str(out["id"]) != item["given"]:
        raise RuntimeError(f"line {item['n']}: id {out['id']!r} read, {item['given']!r} expected")
    out["id"] = item["id"]  # the parent claimed it, from this same id (see _jsonl_stream)
    if isinstance(out.get("source"), str):
        out["source"] = scrub(out["source"])
    if "error" in out:
        for note in item.get("notes", ()):
            kind, message = out["error"]
            out["error"] = (kind, f"{message} ({note})")
    elif item.get("notes"):
        out["notes"] = list(item["notes"])
    return out


_PLAIN_ID = re.compile(rb"[^\x00-\x1f\\\x80-\xff]*")  # ASCII, no escape, no control character


def _unescape_id(raw: bytes) -> Optional[str]:
    if _PLAIN_ID.fullmatch(raw):  # what json.loads would return, without the decoder
        return raw.decode("ascii")
    try:
        return str(json.loads(b'"' + raw + b'"'))
    except ValueError:
        return None


def _json_item(obj: dict, n: int, source: str, stem: str) -> Item:
    given = obj.get("id")
    aid = f"{stem}:{n}" if given is None or isinstance(given, (dict, list)) else str(given)  # str() of a deep list recurses
    src = obj.get("source") if isinstance(obj.get("source"), str) else source
    text = obj.get("text")
    if not isinstance(text, str):
        what = "no text" if text is None else f"text is a {type(text).__name__}, not a string"
        return _error(aid, src, "parse" if text is not None else "empty", f"line {n}: {what}")
    item: Item = {"id": aid, "source": src, "text": text}
    for key in ("title", "published"):
        if isinstance(obj.get(key), str) and obj[key].strip():
            item[key] = obj[key]
    return item


# -- WARC ---------------------------------------------------------------------------------------


def _warc_stream(stream: IO[bytes], source: str, stem: str, limits: Limits, meter: _Meter) -> Iterator[Item]:
    """Each HTML response record is an article: its URL the source, its WARC-Date a fallback date.

    A broken file (bad header, negative length, truncated gzip, trailing garbage) ends in one
    ``parse`` error line for the rest, after the records read before it.
    """
    from warcio.archiveiterator import ArchiveIterator

    count = 0
    records = 0
    watch = _GzipWatch(stream)
    try:
        it = ArchiveIterator(io.BufferedReader(watch, MB), check_digests=False)
        for record in it:
            records += 1
            length = record.rec_headers.get_header("Content-Length")
            if length is not None and (not length.strip().isdigit()):
                raise ValueError(f"record {records} has a bad Content-Length {length[:40]!r}")
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            status = record.http_headers.get_statuscode() or ""
            if "html" not in ctype or not status.startswith("2"):
                continue
            count += 1
            url = record.rec_headers.get_header("WARC-Target-URI") or f"{source}#{count}"
            rid = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
            aid = rid.removeprefix("urn:uuid:") or f"{stem}:{count}"
            data = record.content_stream().read(limits.max_bytes + 1)
            meter.take(len(data))
            if len(data) > limits.max_bytes:
                yield _error(aid, url, "too_large", f"record is over the limit of {limits.max_bytes} bytes")
                continue
            extra: dict[str, Any] = {}
            when = _iso(record.rec_headers.get_header("WARC-Date") or "")
            if when:
                extra["published_fallback"] = when
            yield _document(aid, url, data, html=True, **extra)
        if watch.problem():
            raise ValueError(watch.problem())
    except _BombError as exc:
        yield _error(f"{stem}:after-{count}", source, "too_large", f"WARC reading stopped after {count} records: {exc}")
    except Exception as exc:  # warcio raises its own, zlib's and ValueError on a broken file
        yield _error(stem if count == 0 else f"{stem}:after-{count}", source, "parse",
                     f"broken WARC after {count} records: {type(exc).__name__}: {exc}")


class _GzipWatch(io.RawIOBase):
    """Passes a WARC's bytes through and follows its gzip members, to tell a truncated file from a whole one."""

    def __init__(self, inner: IO[bytes]) -> None:
        self.inner = inner
        self.dec: Any = None
        self.gzipped: Optional[bool] = None
        self.pending = False  # inside a member not yet ended

    def readable(self) -> bool:
        return True

    def readinto(self, buf: Any) -> int:
        data = self.inner.read(len(buf))
        if data:
            if self.gzipped is None:
                self.gzipped = data[:2] == b"\x1f\x8b"
            if self.gzipped:
                self._follow(data)
        buf[: len(data)] = data
        return len(data)

    def _follow(self, data: bytes) -> None:
        while data:
            if self.dec is None:
                self.dec = zlib.decompressobj(31)
            try:
                self.dec.decompress(data, MB)  # the output is not kept: only the member's end matters
                while self.dec.unconsumed_tail and not self.dec.eof:
                    self.dec.decompress(self.dec.unconsumed_tail, MB)
            except zlib.error:
                self.gzipped = False  # warcio reports what is wrong with the data
                return
            self.pending = not self.dec.eof
            data = self.dec.unused_data if self.dec.eof else b""
            if self.dec.eof:
                self.dec = None

    def problem(self) -> Optional[str]:
        if self.gzipped and self.pending:
            return "truncated gzip stream (the file ends inside a record)"
        return None


def _iso(value: str) -> Optional[str]:
    """``2022-12-01T20:54`` (or ``2022-12-01``) from an ISO-ish date-time."""
    m = _ISO_DATE.search(value or "")
    if not m:
        return None
    return f"{m.group(1)}T{m.group(2)}" if m.group(2) else m.group(1)


# -- archives -----------------------------------------------------------------------------------


def _unsafe_name(name: str) -> Optional[str]:
    """Why a member name could escape an extraction folder (zip-slip), or None."""
    norm = name.replace("\\", "/")
    if "\x00" in norm:
        return "has a NUL character"
    if norm.startswith("/") or re.match(r"^[A-Za-z]:", norm):
        return "is an absolute path"
    if ".." in PurePosixPath(norm).parts:
        return "climbs out of the archive with '..'"
    return None


def _member_items(name: str, stream: IO[bytes], source: str, limits: Limits, meter: _Meter) -> Iterator[Item]:
    """Items of one archive member (a metered stream)."""
    suffix = _suffix(name)
    stem = _stem(name)
    if suffix in JSONL_SUFFIXES:
        if suffix.endswith(".gz"):
            stream = io.BufferedReader(_Metered(gzip.GzipFile(fileobj=stream), meter), MB)  # type: ignore[assignment]
        yield from _jsonl_stream(stream, source, stem, limits)
    elif suffix in WARC_SUFFIXES:
        yield from _warc_stream(stream, source, stem, limits, meter)
    else:
        data = stream.read(limits.max_bytes + 1)
        if len(data) > limits.max_bytes:
            yield _error(stem, source, "too_large", f"member is over the limit of {limits.max_bytes} bytes")
        else:
            yield _document(stem, source, data, html=suffix in HTML_SUFFIXES)


class _Meter:
    """The bytes expanded from one archive, summed over every level, against its caps."""

    def __init__(self, limits: Limits, packed: int) -> None:
        self.total = 0
        ratio_cap = max(MB, int(limits.max_ratio * max(1, packed)))
        self.limit = min(limits.max_total, ratio_cap)
        self.why = (f"unpacked more than {limits.max_total} bytes" if self.limit == limits.max_total else
                    f"compression ratio over {limits.max_ratio:.0f}:1 (expanded past {ratio_cap} bytes from {packed} packed; decompression bomb?)")

    def take(self, n: int) -> None:
        self.total += n
        if self.total > self.limit:
            raise _BombError(self.why)


class _Metered(io.RawIOBase):
    """A reader that charges what it hands out to a :class:`_Meter`."""

    def __init__(self, inner: IO[bytes], meter: _Meter) -> None:
        self.inner, self.meter = inner, meter

    def readable(self) -> bool:
        return True

    def readinto(self, buf: Any) -> int:
        data = self.inner.read(len(buf))
        self.meter.take(len(data))
        buf[: len(data)] = data
        return len(data)


class _BombError(Exception):
    pass


def _admit(
    n: int, name: str, size: int, regular: bool, source: str, stem: str, limits: Limits
) -> tuple[Literal["read", "skip", "stop"], Optional[Item]]:
    """Whether the ``n``-th file member of an archive (from 0) is read: ("read", None); ("skip", its error line, or None
    for a kind of file not read); ("stop", the error line) past the members allowed. One gate for zip and tar: the
    member count, zip-slip paths, links and devices, archives inside, the size of a member read whole."""
    msource, aid = f"{source}!{name}", _stem(name)
    if n >= limits.max_members:
        return "stop", _error(f"{stem}:rest", source, "too_large", f"archive has over {limits.max_members} members")
    bad = _unsafe_name(name)
    if bad:
        return "skip", _error(aid, msource, "parse", f"unsafe member path {name!r}: {bad} (zip-slip)")
    suffix = _suffix(name)
    if suffix not in KNOWN_SUFFIXES:
        return "skip", None
    if not regular:
        return "skip", _error(aid, msource, "parse", "a link or device member is not read")
    if suffix in ZIP_SUFFIXES + TAR_SUFFIXES:
        return "skip", _error(aid, msource, "parse", "an archive inside an archive is not read")
    if suffix not in JSONL_SUFFIXES + WARC_SUFFIXES and size > limits.max_bytes:
        why = f"member of {size} bytes, over the limit of {limits.max_bytes}"
        return "skip", _error(aid, msource, "too_large", why)
    return "read", None


def _zip_items(f: IO[bytes], source: str, stem: str, limits: Limits) -> Iterator[Item]:
    try:
        zf = zipfile.ZipFile(f)
    except Exception as exc:  # zipfile parses untrusted bytes: BadZipFile, NotImplementedError, struct.error...
        yield _error(stem, source, "parse", f"not a readable zip archive: {type(exc).__name__}: {exc}")
        return
    meter = _Meter(limits, _size(f))
    with zf:
        members = [i for i in zf.infolist() if not i.filename.endswith("/")]  # is_dir() fails on an empty name
        for n, info in enumerate(members):
            name = info.filename
            msource = f"{source}!{name}"
            aid = _stem(name)
            verdict, error = _admit(n, name, info.file_size, True, source, stem, limits)
            if error is not None:
                yield error
            if verdict == "stop":
                return
            if verdict == "skip":
                continue
            if meter.total + info.file_size > meter.limit:
                yield _error(f"{stem}:rest", source, "too_large", f"archive reading stopped at {name!r}: {meter.why}")
                return
            try:
                with zf.open(info) as raw:
                    reader = io.BufferedReader(_Metered(raw, meter), MB)
                    yield from _member_items(name, reader, msource, limits, meter)
            except _BombError as exc:
                yield _error(f"{stem}:rest", source, "too_large", f"archive reading stopped at {name!r}: {exc}")
                return
            except (zipfile.BadZipFile, RuntimeError, OSError, EOFError, ValueError, zlib.error,
                    NotImplementedError, struct.error) as exc:
                yield _error(aid, msource, "parse", f"cannot read member: {exc}")


def _tar_items(raw: IO[bytes], source: str, stem: str, limits: Limits) -> Iterator[Item]:
    meter = _Meter(limits, _size(raw))
    buffered = io.BufferedReader(raw) if not hasattr(raw, "peek") else raw
    head = buffered.peek(2)[:2]  # type: ignore[union-attr]
    inner: IO[bytes] = gzip.GzipFile(fileobj=buffered) if head == b"\x1f\x8b" else buffered  # type: ignore[assignment]
    stream = io.BufferedReader(_Metered(inner, meter), MB)
    count = 0
    try:
        with tarfile.open(fileobj=stream, mode="r|") as tf:
            for member in tf:
                if member.isdir():
                    continue
                name = member.name
                count += 1
                verdict, error = _admit(count - 1, name, member.size, member.isreg(), source, stem, limits)
                if error is not None:
                    yield error
                if verdict == "stop":
                    return
                if verdict == "skip":
                    continue
                f = tf.extractfile(member)
                if f is not None:
                    yield from _member_items(name, f, f"{source}!{name}", limits, meter)  # type: ignore[arg-type]
    except _BombError as exc:
        yield _error(f"{stem}:rest", source, "too_large", f"archive reading stopped: {exc}")
    except (tarfile.TarError, OSError, EOFError, zipfile.BadZipFile, zlib.error, ValueError, struct.error) as exc:
        yield _error(f"{stem}:rest", source, "parse", f"broken tar archive after {count} members: {exc}")


# -- in the worker ------------------------------------------------------------------------------


def prepare(item: Item) -> Item:
    """An item ready for the pipeline: HTML's main text taken out, an implausible ``published`` dropped
    (TCVN3/VNI/binary checks of the text and title are the pipeline's first step).

    ``notes`` (warnings for the Article) gathers what was changed. Raises
    :class:`InputError` (decode, empty, parse) for an input that cannot become an Article.
    """
    item = dict(item)
    notes = list(item.pop("notes", []))
    if "html" in item:
        from qpextract.io.html import html_article

        page = html_article(item.pop("html"), item.get("source"))
        if not page.get("text", "").strip():
            raise EmptyInputError("no main text found in the HTML page")
        for key in ("title", "published", "authors"):
            if page.get(key) and not item.get(key):
                item[key] = page[key]
        item["text"] = page["text"]
        notes.extend(page.get("notes", []))
    if not item.get("published") and item.get("published_fallback"):
        item["published"] = item["published_fallback"]
    if isinstance(item.get("published"), str) and not plausible_published(item["published"]):
        notes.append(f"published {item['published'][:40]!r} is not a date between {_YEARS[0]} and {_YEARS[1]}: ignored")
        item["published"] = None
    text = item.get("text")
    if not isinstance(text, str):
        raise InputError("parse", "the input has no text")
    item["notes"] = notes
    return item


def add_prepared(article: Union[Article, Document], ready: Item) -> None:
    """What :func:`prepare` found beside the text goes onto its Article (or the Document it comes from, for the
    viewer and explain): the page's authors (when the text named none) and the notes of what it changed."""
    if not article.authors and ready.get("authors"):
        article.authors = list(ready["authors"])
    article.warnings.extend(ready.get("notes", []))


_YEARS = (1000, 2999)


def plausible_published(value: str) -> bool:
    """False for a date-like value out of :data:`_YEARS` ("9999-12-31", "10000-03-22") or no calendar day."""
    if re.match(r"\s*[+-]?\d{5,}", value):
        return False
    m = _ISO_DATE.match(value.strip())
    if not m:
        return True  # not ISO: the metadata reader decides
    try:
        day = _dt.date.fromisoformat(m.group(1))
    except ValueError:
        return False
    return _YEARS[0] <= day.year <= _YEARS[1]
