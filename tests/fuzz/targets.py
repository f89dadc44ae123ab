"""The fuzz target: bytes in, the batch invariant checked on what the readers and the pipeline make of them.

``check(data)``: the first byte picks what the rest is (a ``.txt``/``.html``/``.jsonl(.gz)``/
``.warc(.gz)``/``.zip``/``.tar(.gz)`` file, a zip or tar built from the rest, text for
``Pipeline.extract``, bytes for ``decode_bytes``). The invariant, checked on every input:
exactly one valid output line per input item (an Article or an error line that the models
accept and that encodes as UTF-8), ids unique, each article within the time limit, and no
file opened outside the input folder. The time checks count the CPU time of this process
(``time.process_time``): what they guard is the work done on an input after its limit (an
alarm swallowed, a reader that loops), which a machine busy with other work does not stretch,
while it does stretch the wall time. libFuzzer's ``-rss_limit_mb`` bounds memory.
Used by ``fuzz/run.py`` (atheris, coverage-guided) and by the short replay in the tests.

``QPX_FUZZ_PIPELINE=0`` checks the readers alone (no extraction: 20-50 times more
executions per second); an item then only has to be well-formed (a str id that encodes
as UTF-8, text or an error kind of the SPEC).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any, Optional

from qpextract.errors import DecodeError
from qpextract.io.batch import process_item
from qpextract.text.decode import decode_bytes
from qpextract.io.readers import Limits, iter_inputs
from qpextract.models import Article, ErrorLine

KINDS = ("txt", "html", "jsonl", "jsonl.gz", "warc", "warc.gz", "zip", "tar", "tar.gz",
         "zipgen", "targen", "pipeline", "decode")
FILE_KINDS = KINDS[:9]
WITH_PIPELINE = os.environ.get("QPX_FUZZ_PIPELINE", "1") != "0"
ERROR_KINDS = ("decode", "empty", "too_large", "parse", "internal")
TIME_LIMIT = 2.0  # per article, as the batch runner arms it
SLACK = 2.0  # CPU seconds the alarm may be late by (a C call finishing)
READ_LIMIT = 10.0  # CPU seconds for reading one fuzz input
LIMITS = Limits(max_bytes=64 * 1024, max_total=4 * 1024 * 1024, max_members=64)
_MEMBER_NAMES = ("a.txt", "b.html", "c.jsonl", "d.jsonl.gz", "e.warc", "f.warc.gz", "g.zip", "h.tar",
                 "../up.txt", "/abs.txt", "dir/i.txt", "dir/i.txt", "x.bin", "\udcff.txt", "j.txt.gz")


class InvariantBroken(AssertionError):
    """What the fuzzer reports as a crash."""


_state: dict[str, Any] = {}


def _pipeline() -> Any:
    if "pipeline" not in _state:
        from qpextract import Pipeline

        _state["pipeline"] = Pipeline()
    return _state["pipeline"]


def _workdir() -> Path:
    if "dir" not in _state:
        base = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
        _state["dir"] = Path(tempfile.mkdtemp(prefix="qpx-fuzz-", dir=base))
    return _state["dir"]


# -- nothing read outside the inputs ----------------------------------------------------------------

_audit: dict[str, Any] = {"root": None, "outside": []}


def _allowed() -> tuple[str, ...]:
    """Where reading is fine: the interpreter, installed packages, qpextract's own source and data."""
    if "allowed" not in _state:
        import qpextract

        src = os.path.dirname(os.path.dirname(os.path.realpath(qpextract.__file__)))
        _state["allowed"] = tuple(os.path.realpath(p) + os.sep for p in {sys.prefix, sys.base_prefix, src})
    return _state["allowed"]


def _hook(event: str, args: tuple) -> None:
    root = _audit["root"]
    if root is None or event not in ("open", "os.scandir", "os.listdir"):
        return
    path = args[0] if args else None
    if path is None or isinstance(path, int):
        return
    full = os.path.realpath(os.fsdecode(path))
    if full != root and not full.startswith(root + os.sep) and not full.startswith(_allowed()):
        _audit["outside"].append(full)


def _install_hook() -> None:
    if not _state.get("hooked"):
        sys.addaudithook(_hook)
        _state["hooked"] = True


# -- building inputs --------------------------------------------------------------------------------


def _split(payload: bytes, parts: int) -> list[bytes]:
    """``payload`` cut at its 0xFE bytes (the fuzzer learns the separator), at most ``parts`` pieces."""
    return payload.split(b"\xfe", parts - 1)


def _members(payload: bytes) -> list[tuple[str, bytes]]:
    out = []
    for piece in _split(payload, 8):
        if not piece:
            continue
        out.append((_MEMBER_NAMES[piece[0] % len(_MEMBER_NAMES)], piece[1:]))
    return out


def _zipgen(payload: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in _members(payload):
            info = zipfile.ZipInfo(name.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return buf.getvalue()


def _targen(payload: bytes) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tf:
        for name, data in _members(payload):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def _file_for(kind: str, payload: bytes) -> tuple[str, bytes]:
    if kind == "zipgen":
        return "in.zip", _zipgen(payload)
    if kind == "targen":
        return "in.tar", _targen(payload)
    return f"in.{kind}", payload


# -- the checks -------------------------------------------------------------------------------------


def _check_line(line: str, aid: str) -> Optional[str]:
    """The error kind of one output line, after checking it is a valid Article or error line."""
    line.encode("utf-8")  # strict: a lone surrogate cannot be written
    if "\n" in line:
        raise InvariantBroken("an output line holds a newline")
    obj = json.loads(line)
    if "error" in obj:
        ErrorLine.model_validate(obj)
        kind = obj["error"]["kind"]
    else:
        Article.model_validate(obj)
        kind = None
    if obj["id"] != aid:
        raise InvariantBroken(f"line id {obj['id']!r} is not the input's {aid!r}")
    return kind


def _check_item(item: dict) -> None:
    """A reader's item is well-formed: str id that encodes, a str text/html or a SPEC error kind."""
    str(item["id"]).encode("utf-8")
    if "error" in item:
        if item["error"][0] not in ERROR_KINDS or not isinstance(item["error"][1], str):
            raise InvariantBroken(f"bad error {item['error']!r}")
    elif not isinstance(item.get("text", item.get("html")), str):
        raise InvariantBroken("an item with neither text nor error")


def _expected_jsonl_items(data: bytes) -> int:
    return sum(1 for line in data.split(b"\n") if line.strip())


def check(data: bytes) -> None:
    """One fuzz input: raise :class:`InvariantBroken` (or anything) when the invariant does not hold."""
    if not data:
        return
    kind = KINDS[data[0] % len(KINDS)]
    if kind == "pipeline" and not WITH_PIPELINE:
        kind = "decode"
    payload = data[1:]
    if kind == "decode":
        try:
            decoded = decode_bytes(payload, html=bool(payload[:1] == b"<"))
        except DecodeError:
            return
        decoded.text.encode("utf-8")
        return
    if kind == "pipeline" and WITH_PIPELINE:
        text = payload.decode("utf-8", "surrogateescape")
        pipeline = _pipeline()  # built once, before the clock starts: no article's work
        started = time.process_time()
        aid, err, line, _ = process_item(pipeline, {"id": "p\udcff" if payload[:1] == b"\x00" else "p",
                                                        "text": text}, TIME_LIMIT)
        _check_line(line, aid)
        if time.process_time() - started > TIME_LIMIT + SLACK:
            raise InvariantBroken(f"{time.process_time() - started:.1f} s of CPU, over the time limit")
        return
    work = _workdir()
    shutil.rmtree(work, ignore_errors=True)
    folder = work / "in"
    folder.mkdir(parents=True)
    name, blob = _file_for(kind, payload)
    (folder / name).write_bytes(blob)
    _install_hook()
    _audit["root"], _audit["outside"] = os.path.realpath(folder), []
    started = time.process_time()
    try:
        items = list(iter_inputs([str(folder)], LIMITS))
    finally:
        _audit["root"] = None
    if _audit["outside"]:
        raise InvariantBroken(f"read outside the inputs: {_audit['outside'][:3]}")
    if time.process_time() - started > READ_LIMIT:
        raise InvariantBroken(f"reading took {time.process_time() - started:.1f} s of CPU")
    if kind in ("txt", "html") and len(items) != 1:
        raise InvariantBroken(f"{len(items)} items for one {kind} file")
    if kind == "jsonl" and len(items) != _expected_jsonl_items(blob):
        raise InvariantBroken(f"{len(items)} items for {_expected_jsonl_items(blob)} JSON lines")
    ids = [str(item["id"]) for item in items]
    if len(set(ids)) != len(ids):
        raise InvariantBroken(f"duplicate ids: {sorted(i for i in set(ids) if ids.count(i) > 1)[:3]}")
    for item in items:
        if not WITH_PIPELINE:
            _check_item(item)
            continue
        if "error" in item:
            from qpextract.io.batch import _error_line

            line = _error_line(item, *item["error"]).model_dump_json()
            _check_line(line, str(item["id"]))
            continue
        pipeline = _pipeline()
        one = time.process_time()
        aid, err, line, _ = process_item(pipeline, item, TIME_LIMIT)
        _check_line(line, aid)
        if time.process_time() - one > TIME_LIMIT + SLACK:
            raise InvariantBroken(f"{time.process_time() - one:.1f} s of CPU on one article, over the time limit")


def install_alarm() -> None:
    """The SIGALRM handler the batch workers install (process_item arms it)."""
    import signal

    from qpextract.io.batch import _on_alarm

    signal.signal(signal.SIGALRM, _on_alarm)


# -- seeds ------------------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]
_BY_SUFFIX = {".txt": "txt", ".md": "txt", ".html": "html", ".jsonl": "jsonl", ".zip": "zip",
              ".gz": None, ".warc": "warc"}


def _kind_byte(kind: str) -> bytes:
    return bytes([KINDS.index(kind)])


def seeds() -> dict[str, bytes]:
    """Seed inputs: the files of tests/data/inputs/mixed and the repros of issue 15 (as in tests/data/hostile)."""
    out: dict[str, bytes] = {}
    mixed = ROOT / "tests" / "data" / "inputs" / "mixed"
    for path in sorted(mixed.iterdir()) if mixed.is_dir() else []:
        low = path.name.lower()
        kind = next((k for k in ("warc.gz", "tar.gz", "jsonl.gz") if low.endswith("." + k)), None)
        kind = kind or _BY_SUFFIX.get(path.suffix.lower())
        data = path.read_bytes()
        if kind and len(data) <= 256 * 1024:
            out[f"mixed-{path.name}"] = _kind_byte(kind) + data
            out[f"decode-{path.name}"] = _kind_byte("decode") + data[:65536]
    for name, (kind, data) in REPROS.items():
        out[f"repro-{name}"] = _kind_byte(kind) + data
    return out


_ARTICLE = "Chiều 22/3, Đại tá Lã Văn Hào dự hội nghị tổng kết công tác quốc phòng năm 2023.".encode()
REPROS: dict[str, tuple[str, bytes]] = {
    "surrogate-id": ("jsonl", b'{"id":"s\\udc00","text":"H\xe1\xbb\x99i ngh\xe1\xbb\x8b."}\n'),
    "surrogate-text": ("jsonl", b'{"id":"t","text":"\\ud800 H\xe1\xbb\x99i ngh\xe1\xbb\x8b."}\n'),
    "surrogate-pipeline": ("pipeline", b"\xed\xa0\x80 H\xe1\xbb\x99i ngh\xe1\xbb\x8b."),
    "deep-json": ("jsonl", b'{"id":"a","text":"ok"}\n{"id":"x","text":' + b"[" * 20000 + b"]" * 20000 + b"}\n"),
    "overflow": ("pipeline", "Tỉnh chi 1".encode() + b".000" * 103 + " đồng.".encode()),
    "long-digits": ("pipeline", "Tỉnh chi ".encode() + b"9" * 5000 + " đồng.".encode()),
    "utf8-bad-byte": ("txt", _ARTICLE + b"\xff"),
    "dup-ids": ("jsonl", b'{"id":"a","text":"x"}\n{"id":"a","text":"y"}\n'),
    "marks": ("pipeline", b"a" + "\u0301\u0323\u0300\u0303".encode() * 2000),
    "attrs": ("html", b"<html><body><p " + b" ".join(b"a%d=1" % i for i in range(3000)) + b">x</p></body></html>"),
    "nesting": ("html", b"<div>" * 5000 + _ARTICLE),
    "warc-negative": ("warc", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: -5\r\n\r\n"),
    "nul-id": ("jsonl", b'{"id":"n\\u0000","text":"x"}\n{"id":"n\xef\xbf\xbd","text":"y"}\n'),
    "far-future": ("pipeline", "Ngày 22/3/99999, Đại tá Lã Văn Hào dự hội nghị.".encode()),
}
