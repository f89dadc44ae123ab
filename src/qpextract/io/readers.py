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
climbs out (``../x``, ``/etc/x``) is refused (zip-slip), and sizes, compression
ratios and the total unpacked are capped (decompression bombs).
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import sys
import tarfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Any, Optional

from qpextract.errors import DecodeError, EmptyInputError, InputError
from qpextract.text.decode import decode_bytes

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
    """Ids made from file names are made unique in walk order (stable across runs)."""

    seen: dict[str, int] = field(default_factory=dict)

    def unique(self, stem: str) -> str:
        n = self.seen.get(stem, 0) + 1
        self.seen[stem] = n
        return stem if n == 1 else f"{stem}#{n}"


def iter_inputs(
    paths: list[str], limits: Optional[Limits] = None, *, exclude: Iterable[str] = ()
) -> Iterator[Item]:
    """Every input item under ``paths`` (files, directories, ``-`` for stdin JSONL).

    ``exclude``: files never read from a walked folder (the run's own output file).
    """
    limits = limits or Limits()
    ids = _Ids()
    skip = {os.path.realpath(p) for p in exclude}
    for p in paths:
        if p == "-":
            yield from _jsonl_stream(sys.stdin.buffer, "<stdin>", "stdin", limits)
            continue
        path = Path(p)
        if path.is_dir():
            for child in walk(path):
                if os.path.realpath(child) not in skip:
                    yield from _file_items(child, limits, ids)
        else:
            yield from _file_items(path, limits, ids)


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


def _file_items(path: Path, limits: Limits, ids: _Ids) -> Iterator[Item]:
    suffix = _suffix(path.name)
    source = str(path)
    try:
        if suffix in JSONL_SUFFIXES:
            with open(path, "rb") as f:
                stream: IO[bytes] = f
                if suffix.endswith(".gz"):
                    stream = io.BufferedReader(_Budget(gzip.GzipFile(fileobj=f), limits, packed=f.tell), MB)  # type: ignore[assignment]
                try:
                    yield from _jsonl_stream(stream, source, _stem(path.name), limits)
                except (_BombError, OSError, EOFError) as exc:
                    yield _error(ids.unique(f"{_stem(path.name)}:rest"), source,
                                 "too_large" if isinstance(exc, _BombError) else "parse", f"reading stopped: {exc}")
        elif suffix in WARC_SUFFIXES:
            with open(path, "rb") as f:
                yield from _warc_stream(f, source, _stem(path.name), limits, ids)
        elif suffix in ZIP_SUFFIXES:
            yield from _zip_items(path, source, limits, ids)
        elif suffix in TAR_SUFFIXES:
            with open(path, "rb") as f:
                yield from _tar_items(f, source, limits, ids)
        else:
            aid = ids.unique(_stem(path.name))
            size = path.stat().st_size
            if size > limits.max_bytes:
                yield _error(aid, source, "too_large", f"{size} bytes, over the limit of {limits.max_bytes}")
                return
            yield _document(aid, source, path.read_bytes(), html=suffix in HTML_SUFFIXES)
    except OSError as exc:
        yield _error(ids.unique(_stem(path.name)), source, "parse", f"cannot read: {exc.strerror or exc}")


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
        item["note"] = decoded.note
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


def _jsonl_stream(stream: IO[bytes], source: str, stem: str, limits: Limits) -> Iterator[Item]:
    for n, line, head in _bounded_lines(stream, limits.max_bytes):
        if line is not None and not line.strip():
            continue
        m = _ID_IN_LINE.search(head)
        guessed = _unescape_id(m.group(1)) if m else None
        aid = guessed or f"{stem}:{n}"
        if line is None:
            yield _error(aid, source, "too_large", f"line {n} is over the limit of {limits.max_bytes} bytes")
            continue
        if n == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        try:
            obj = json.loads(line)
        except UnicodeDecodeError as exc:
            yield _error(aid, source, "decode", f"line {n} is not UTF-8: {exc.reason}")
            continue
        except ValueError as exc:
            yield _error(aid, source, "parse", f"line {n}: malformed JSON: {exc}")
            continue
        if not isinstance(obj, dict):
            yield _error(aid, source, "parse", f"line {n}: a JSON line must be an object")
            continue
        yield _json_item(obj, n, source, stem)


def _unescape_id(raw: bytes) -> Optional[str]:
    try:
        return str(json.loads(b'"' + raw + b'"'))
    except ValueError:
        return None


def _json_item(obj: dict, n: int, source: str, stem: str) -> Item:
    aid = str(obj["id"]) if obj.get("id") is not None else f"{stem}:{n}"
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


def _warc_stream(stream: IO[bytes], source: str, stem: str, limits: Limits, ids: _Ids) -> Iterator[Item]:
    """Each HTML response record is an article: its URL the source, its WARC-Date a fallback date."""
    from warcio.archiveiterator import ArchiveIterator

    count = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            status = record.http_headers.get_statuscode() or ""
            if "html" not in ctype or not status.startswith("2"):
                continue
            count += 1
            url = record.rec_headers.get_header("WARC-Target-URI") or f"{source}#{count}"
            rid = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
            aid = rid.removeprefix("urn:uuid:") or f"{stem}:{count}"  # unique already: not remembered
            data = record.content_stream().read(limits.max_bytes + 1)
            if len(data) > limits.max_bytes:
                yield _error(aid, url, "too_large", f"record is over the limit of {limits.max_bytes} bytes")
                continue
            extra: dict[str, Any] = {}
            when = _iso(record.rec_headers.get_header("WARC-Date") or "")
            if when:
                extra["published_fallback"] = when
            yield _document(aid, url, data, html=True, **extra)
    except Exception as exc:  # warcio raises its own and zlib errors on a broken file
        aid = ids.unique(stem if count == 0 else f"{stem}:after-{count}")
        yield _error(aid, source, "parse", f"broken WARC after {count} records: {type(exc).__name__}: {exc}")


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


def _member_items(
    name: str, data_or_stream: Any, source: str, limits: Limits, ids: _Ids
) -> Iterator[Item]:
    """Items of one archive member (bytes for documents, a stream for JSONL/WARC)."""
    suffix = _suffix(name)
    stem = _stem(name)
    if suffix in JSONL_SUFFIXES:
        if suffix.endswith(".gz"):
            data_or_stream = io.BufferedReader(_Budget(gzip.GzipFile(fileobj=data_or_stream), limits), MB)
        yield from _jsonl_stream(data_or_stream, source, stem, limits)
    elif suffix in WARC_SUFFIXES:
        yield from _warc_stream(data_or_stream, source, stem, limits, ids)
    else:
        data = data_or_stream.read(limits.max_bytes + 1)
        aid = ids.unique(stem)
        if len(data) > limits.max_bytes:
            yield _error(aid, source, "too_large", f"member is over the limit of {limits.max_bytes} bytes")
        else:
            yield _document(aid, source, data, html=suffix in HTML_SUFFIXES)


class _Budget(io.RawIOBase):
    """A reader that counts what it hands out and stops past the archive's total or ratio cap."""

    def __init__(self, inner: IO[bytes], limits: Limits, packed: Any = None) -> None:
        self.inner, self.limits, self.packed, self.total = inner, limits, packed, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buf: Any) -> int:
        data = self.inner.read(len(buf))
        self.total += len(data)
        if self.total > self.limits.max_total:
            raise _BombError(f"unpacked more than {self.limits.max_total} bytes")
        if self.packed is not None and self.total > MB:
            packed = max(1, self.packed())
            if self.total / packed > self.limits.max_ratio:
                raise _BombError(f"compression ratio over {self.limits.max_ratio:.0f}:1 (decompression bomb?)")
        buf[: len(data)] = data
        return len(data)


class _BombError(Exception):
    pass


def _zip_items(path: Path, source: str, limits: Limits, ids: _Ids) -> Iterator[Item]:
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        yield _error(ids.unique(_stem(path.name)), source, "parse", f"not a readable zip archive: {exc}")
        return
    total = 0
    with zf:
        members = [i for i in zf.infolist() if not i.is_dir()]
        for n, info in enumerate(members):
            name = info.filename
            msource = f"{source}!{name}"
            aid_stem = _stem(name)
            if n >= limits.max_members:
                yield _error(ids.unique(aid_stem), msource, "too_large", f"archive has over {limits.max_members} members")
                continue
            bad = _unsafe_name(name)
            if bad:
                yield _error(ids.unique(aid_stem), msource, "parse", f"unsafe member path {name!r}: {bad} (zip-slip)")
                continue
            if _suffix(name) not in KNOWN_SUFFIXES or _suffix(name) in ZIP_SUFFIXES + TAR_SUFFIXES:
                if _suffix(name) in ZIP_SUFFIXES + TAR_SUFFIXES:
                    yield _error(ids.unique(aid_stem), msource, "parse", "an archive inside an archive is not read")
                continue
            streamed = _suffix(name) in JSONL_SUFFIXES + WARC_SUFFIXES
            ratio = info.file_size / max(1, info.compress_size)
            if info.file_size > MB and ratio > limits.max_ratio:
                yield _error(
                    ids.unique(aid_stem), msource, "too_large",
                    f"compression ratio {ratio:.0f}:1 over {limits.max_ratio:.0f}:1 (decompression bomb?)",
                )
                continue
            if not streamed and info.file_size > limits.max_bytes:
                yield _error(
                    ids.unique(aid_stem), msource, "too_large",
                    f"member of {info.file_size} bytes, over the limit of {limits.max_bytes}",
                )
                continue
            if total + info.file_size > limits.max_total:
                yield _error(ids.unique(aid_stem), msource, "too_large", f"archive unpacks to over {limits.max_total} bytes")
                continue
            total += info.file_size
            try:
                with zf.open(info) as raw:
                    reader = io.BufferedReader(_Budget(raw, limits), MB) if streamed else raw
                    yield from _member_items(name, reader, msource, limits, ids)
            except (_BombError, zipfile.BadZipFile, RuntimeError, OSError, EOFError, ValueError) as exc:
                yield _error(ids.unique(aid_stem), msource, "parse" if not isinstance(exc, _BombError) else "too_large",
                             f"cannot read member: {exc}")


def _tar_items(raw: IO[bytes], source: str, limits: Limits, ids: _Ids) -> Iterator[Item]:
    head = raw.peek(2)[:2] if hasattr(raw, "peek") else b""
    inner: IO[bytes] = gzip.GzipFile(fileobj=raw) if head == b"\x1f\x8b" else raw  # type: ignore[assignment]
    stream = io.BufferedReader(_Budget(inner, limits, packed=raw.tell), MB)
    count = 0
    try:
        with tarfile.open(fileobj=stream, mode="r|") as tf:
            for member in tf:
                if member.isdir():
                    continue
                name = member.name
                msource = f"{source}!{name}"
                count += 1
                if count > limits.max_members:
                    yield _error(ids.unique(_stem(name)), msource, "too_large", f"archive has over {limits.max_members} members")
                    continue
                bad = _unsafe_name(name)
                if bad:
                    yield _error(ids.unique(_stem(name)), msource, "parse", f"unsafe member path {name!r}: {bad} (zip-slip)")
                    continue
                suffix = _suffix(name)
                if suffix not in KNOWN_SUFFIXES:
                    continue
                if not member.isreg():
                    yield _error(ids.unique(_stem(name)), msource, "parse", "a link or device member is not read")
                    continue
                if suffix in ZIP_SUFFIXES + TAR_SUFFIXES:
                    yield _error(ids.unique(_stem(name)), msource, "parse", "an archive inside an archive is not read")
                    continue
                if suffix not in JSONL_SUFFIXES + WARC_SUFFIXES and member.size > limits.max_bytes:
                    yield _error(
                        ids.unique(_stem(name)), msource, "too_large",
                        f"member of {member.size} bytes, over the limit of {limits.max_bytes}",
                    )
                    continue
                f = tf.extractfile(member)
                if f is not None:
                    yield from _member_items(name, f, msource, limits, ids)
    except _BombError as exc:
        yield _error(ids.unique(f"{_stem(Path(source).name)}:rest"), source, "too_large", f"archive reading stopped: {exc}")
    except (tarfile.TarError, OSError, EOFError, zipfile.BadZipFile) as exc:
        yield _error(ids.unique(f"{_stem(Path(source).name)}:rest"), source, "parse",
                     f"broken tar archive after {count} members: {exc}")


# -- in the worker ------------------------------------------------------------------------------


def prepare(item: Item) -> Item:
    """An item ready for the pipeline: HTML's main text taken out, TCVN3 repaired, VNI refused.

    Raises :class:`InputError` (decode, empty, parse) for an input that cannot become an Article.
    """
    item = dict(item)
    if "html" in item:
        from qpextract.io.html import html_article

        page = html_article(item.pop("html"), item.get("source"))
        if not page.get("text", "").strip():
            raise EmptyInputError("no main text found in the HTML page")
        for key in ("title", "published", "authors"):
            if page.get(key) and not item.get(key):
                item[key] = page[key]
        item["text"] = page["text"]
    if not item.get("published") and item.get("published_fallback"):
        item["published"] = item["published_fallback"]
    text = item.get("text")
    if not isinstance(text, str):
        raise InputError("parse", "the input has no text")
    return item  # TCVN3/VNI/binary checks of the text and title: the pipeline's first step
