"""The library's doors for files, bytes, HTML and many articles, through the CLI's readers, repair and pool.

``extract_file``, ``extract_bytes`` and ``extract_html`` read one article the way
``qpextract extract`` reads it (decoding, legacy-encoding repair, HTML main
text) and raise :class:`~qpextract.errors.InputError` when it cannot become an
Article; ``run_items`` is ``Pipeline.extract_many``: one result per item, in
order, here or on the batch runner's worker processes.
"""

from __future__ import annotations

import os
import queue
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Optional, Union

from qpextract.errors import InputError
from qpextract.io.readers import (
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    TAR_SUFFIXES,
    WARC_SUFFIXES,
    ZIP_SUFFIXES,
    Item,
    Limits,
    _document,
    _suffix,
    add_prepared,
    iter_inputs,
    prepare,
)
from qpextract.models import Article, ErrorInfo, ErrorLine
from qpextract.text.arguments import record_problem

Result = Union[Article, ErrorLine]
CONTAINER_SUFFIXES = JSONL_SUFFIXES + WARC_SUFFIXES + ZIP_SUFFIXES + TAR_SUFFIXES


def _error_line(item: Mapping[str, Any], kind: str, message: str) -> ErrorLine:
    return ErrorLine(id=str(item["id"]), source=item.get("source"), error=ErrorInfo(kind=kind, message=message))  # type: ignore[arg-type]


def extract_item(pipeline: Any, item: Item) -> Result:
    """One reader item (``text`` or ``html``, or a reader ``error``) to its result, as a batch worker does it."""
    if "error" in item:
        return _error_line(item, *item["error"])
    try:
        ready = prepare(item)
    except InputError as exc:
        return _error_line(item, exc.kind, exc.message)
    result = pipeline.safe_extract(str(item["id"]), ready)
    if isinstance(result, Article):
        add_prepared(result, ready)
    return result


def _raise_or_return(result: Result) -> Article:
    if isinstance(result, ErrorLine):
        raise InputError(result.error.kind, result.error.message)
    return result


def extract_file(pipeline: Any, path: Union[str, os.PathLike], *, id: Optional[str] = None,
                 max_bytes: int = Limits.max_bytes) -> Article:
    """The Article of one ``.txt`` or ``.html`` file, read as the CLI reads it."""
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be a str or a pathlib.Path, not {type(path).__name__}")
    p = Path(path)
    if p.is_dir():
        raise IsADirectoryError(f"{p} is a folder: call qpextract.extract_files({str(p)!r}) for every article in it")
    if not p.is_file():
        raise FileNotFoundError(f"no such file: {p}")
    if _suffix(p.name) in CONTAINER_SUFFIXES:
        raise ValueError(f"{p} holds many articles: call qpextract.extract_files({str(p)!r}) to get one result each")
    (item,) = iter_inputs([str(p)], Limits(max_bytes=max_bytes))
    if id is not None:
        item["id"] = id
    return _raise_or_return(extract_item(pipeline, item))


def extract_files(pipeline: Any, paths: Iterable[Union[str, os.PathLike]], *, workers: int = 0,
                  time_limit: float = 0.0, max_bytes: int = Limits.max_bytes) -> Iterator[Result]:
    """One result per article under ``paths`` (files of every kind the CLI reads, folders, archives)."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    names = [os.fspath(p) for p in paths]
    for name in names:
        if not os.path.exists(name):
            raise FileNotFoundError(f"no such input: {name}")
    return run_items(pipeline, iter_inputs(names, Limits(max_bytes=max_bytes)), workers=workers,
                     time_limit=time_limit, reader_items=True)


def extract_bytes(pipeline: Any, data: Union[bytes, bytearray], *, id: str = "article", html: Optional[bool] = None,
                  source: Optional[str] = None) -> Article:
    """The Article of raw bytes in any encoding the CLI reads (UTF-8/16, cp1258, TCVN3...); HTML is sniffed."""
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError(f"data must be bytes, not {type(data).__name__}; for a str call qpextract.extract(text)")
    data = bytes(data)
    if html is None:
        head = data[:2048].lstrip().lower()
        html = head.startswith((b"<!doctype html", b"<html")) or b"<body" in head
    return _raise_or_return(extract_item(pipeline, _document(id, source or "<bytes>", data, html=html)))


def extract_html(pipeline: Any, page: Union[str, bytes], *, url: Optional[str] = None, id: str = "article") -> Article:
    """The Article of an HTML page (its main text, title, date and byline), as the CLI reads ``.html`` files."""
    if isinstance(page, (bytes, bytearray)):
        return extract_bytes(pipeline, page, id=id, html=True, source=url)
    if not isinstance(page, str):
        raise TypeError(f"html must be a str or bytes, not {type(page).__name__}")
    return _raise_or_return(extract_item(pipeline, {"id": id, "source": url, "html": page}))


# -- many articles ------------------------------------------------------------------------------


def _rows(items: Any) -> Iterable[Any]:
    """The items to iterate: refuses one article passed whole, turns a DataFrame into its rows."""
    if isinstance(items, (str, bytes, bytearray)):
        raise TypeError(
            "extract_many takes an iterable of articles, not one article: call extract(text), "
            "or extract_many([text1, text2])"
        )
    if isinstance(items, Mapping):
        raise TypeError("extract_many takes an iterable of dicts, not one dict: call extract_many([item])")
    columns = getattr(items, "columns", None)
    if columns is not None and hasattr(items, "to_dict"):  # a pandas DataFrame
        if "text" not in columns:
            raise TypeError(
                f"the DataFrame needs a 'text' column (and optionally id, title, published, source); "
                f"it has {', '.join(map(str, columns))}"
            )
        return ({k: (None if _missing(v) else v) for k, v in row.items()} for row in items.to_dict("records"))
    if not isinstance(items, Iterable):
        raise TypeError(f"extract_many takes an iterable of str or dict, not {type(items).__name__}")
    return items


def _missing(value: Any) -> bool:
    return isinstance(value, float) and value != value  # NaN, what pandas puts in an empty cell


def _as_item(n: int, obj: Any) -> Item:
    """A reader-shaped item from a str or dict given by the caller (a wrong one becomes an error item)."""
    if isinstance(obj, str):
        return {"id": str(n), "text": obj}
    if isinstance(obj, Mapping):
        item = dict(obj)
        item["id"] = str(item["id"]) if item.get("id") is not None else str(n)
        if "html" not in item:
            problem = record_problem(item)
            if problem:
                item["error"] = ("parse", problem)
        return item
    return {"id": str(n), "error": ("parse", f"item {n} is a {type(obj).__name__}: pass a str or a dict with 'text'")}


def _pipeline_spec(pipeline: Any) -> Optional[str]:
    """How a worker rebuilds ``pipeline``: None for the default one, else ``module:Class``."""
    from qpextract.pipeline import Pipeline

    if not getattr(pipeline, "default_components", False):
        raise ValueError(
            "workers > 0 rebuild the pipeline in each process: a Pipeline built with its own components "
            "cannot be sent; subclass Pipeline (a module-level class) or use workers=0"
        )
    cls = type(pipeline)
    return None if cls is Pipeline else f"{cls.__module__}:{cls.__qualname__}"


def run_items(pipeline: Any, items: Any, *, workers: int = 0, time_limit: float = 0.0,
              reader_items: bool = False) -> Iterator[Result]:
    """``Pipeline.extract_many``: checks the arguments now, then yields one result per item in order."""
    if not isinstance(workers, int) or workers < 0:
        raise TypeError(f"workers must be an int >= 0 (0 = in this process), not {workers!r}")
    rows = items if reader_items else _rows(items)
    feed = iter(rows) if reader_items else (_as_item(n, obj) for n, obj in enumerate(rows))
    if workers == 0:
        return (extract_item(pipeline, item) for item in feed)
    return _pooled(feed, _pipeline_spec(pipeline), workers, time_limit)


class _Stop(Exception):
    """The consumer of ``_pooled`` went away: the run stops."""


class _QueueSink:
    """The batch runner's sink for the library: results go to a bounded queue, in input order."""

    def __init__(self, out: queue.Queue, texts: deque, stop: threading.Event) -> None:
        self.out, self.texts, self.stop = out, texts, stop

    def write(self, result: Result, content_hash: str) -> None:
        text, title = self.texts.popleft()
        if isinstance(result, Article) and text is not None:
            from qpextract.text.decode import check_text

            # what the worker extracted from: the text, and the title its field="title" records point into
            result.keep_original(check_text(text).text, check_text(title).text if isinstance(title, str) else None)
        while True:
            if self.stop.is_set():
                raise _Stop()
            try:
                self.out.put(("result", result), timeout=0.2)
                return
            except queue.Full:
                continue

    def done_ids(self) -> set[str]:
        return set()

    def close(self) -> None: ...


def _pooled(feed: Iterator[Item], spec: Optional[str], workers: int, time_limit: float) -> Iterator[Result]:
    from qpextract.io.batch import BatchOptions, Runner

    out: queue.Queue = queue.Queue(maxsize=4 * workers + 16)
    texts: deque = deque()
    stop = threading.Event()

    def remembered() -> Iterator[Item]:
        for item in feed:
            plain = "text" in item and "html" not in item and "error" not in item
            texts.append((item.get("text"), item.get("title")) if plain else (None, None))
            yield item

    def work() -> None:
        try:
            Runner(_QueueSink(out, texts, stop), BatchOptions(workers=workers, time_limit=time_limit,
                                                              pipeline=spec)).run(remembered())
            out.put(("end", None))
        except _Stop:
            return
        except BaseException as exc:  # handed to the consumer, raised there
            out.put(("raise", exc))

    thread = threading.Thread(target=work, name="qpextract-extract-many", daemon=True)
    thread.start()
    try:
        while True:
            tag, value = out.get()
            if tag == "end":
                return
            if tag == "raise":
                raise value
            yield value
    finally:
        stop.set()
        thread.join(30)
