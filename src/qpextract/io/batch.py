"""The batch runner: input items in, exactly one result per item out, on a pool of worker processes.

Each worker builds its :class:`~qpextract.pipeline.Pipeline` once, then takes
items one at a time over its own pipe and sends each result back serialized.
The main process reads inputs lazily and keeps at most ``prefetch`` items in
flight per worker, so memory stays flat however long the input; it reads
every result (a reader thread per worker), writes it to the sink and counts it.

Time limits: a worker arms ``SIGALRM`` for each article; an article still
running after ``time_limit`` seconds becomes an ``internal`` error naming the
limit and the worker goes on. A worker stuck where the alarm cannot reach it
(inside C code) is killed after twice the limit (plus a grace) and replaced;
so is a worker that dies (a crash, the OOM killer). Its current article
becomes an ``internal`` error and the articles queued behind it go to the new
worker (a resumed run tries it again). Nothing is lost and nothing is written twice.

Size limits: a worker's address space is capped (``max_memory_mb``; past it an
article is a ``too_large`` line, and a worker the OOM killer takes is replaced),
and an Article with more than ``max_records`` records or a line over
``max_line`` bytes becomes a ``too_large`` line.

Fatal conditions (the output cannot be written: disk full, the database gone;
a bug in the runner itself) raise :class:`FatalError` after what was written is
flushed; the CLI prints one line and exits with :data:`EXIT_FATAL`.
"""

from __future__ import annotations

import hashlib
import importlib
import itertools
import multiprocessing
import os
import pickle
import select
import signal
import struct
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Optional

from qpextract.errors import InputError
from qpextract.io.sinks import RETRY_ON_RESUME  # error lines a resumed run does again
from qpextract.models import Article, ErrorInfo, ErrorLine
from qpextract.text.guard import scrub

Item = dict[str, Any]
# What a worker sends back: (id, error kind or None, JSON line (UTF-8 bytes from a worker), content hash).
Outcome = tuple[str, Optional[str], Any, str]


class ArticleTimeout(BaseException):
    """Raised by SIGALRM in a worker; a BaseException so no component's ``except Exception`` eats it."""


class BatchAborted(Exception):
    """The run cannot go on (workers cannot even start); a usage or environment problem."""


class FatalError(Exception):
    """The run had to stop: its output cannot be written (disk full, database lost) or the runner broke."""


EXIT_FATAL = 3  # distinct from 1 (some inputs failed) and 2 (usage)


@dataclass
class BatchOptions:
    """How to run: workers (0 = in this process), per-article time limit in seconds (0 = none)."""

    workers: int = 0
    time_limit: float = 10.0
    prefetch: int = 2  # items queued per worker: enough to hide the pipe, little head-of-line waiting
    pipeline: Optional[str] = None  # "module:callable" returning a Pipeline (tests inject slow ones)
    hard_grace: float = 5.0
    max_memory_mb: int = 2048  # address space a pool worker may add to what it had at start (0 = no cap)
    max_records: int = 20_000  # records in one Article
    max_line: int = 64 * 1024 * 1024  # bytes of one output line
    cap_here: bool = False  # with workers=0, cap this process's memory too (the CLI does; a library caller may not want it)


@dataclass
class Summary:
    """What a run did, for the closing lines and the exit code."""

    inputs: int = 0
    skipped: int = 0
    articles: int = 0
    errors: Counter = field(default_factory=Counter)
    restarts: int = 0
    earlier_errors: int = 0  # error lines a resumed run found already written
    wall: float = 0.0

    @property
    def failed(self) -> int:
        return sum(self.errors.values())

    @property
    def exit_code(self) -> int:
        """0 when every input became an Article (this run and, resumed, the earlier one), else 1."""
        return 1 if self.failed or self.earlier_errors else 0

    def text(self) -> str:
        rate = (self.articles + self.failed) / self.wall if self.wall > 0 else 0.0
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(self.errors.items())) or "none"
        lines = [
            f"inputs: {self.inputs}" + (f" ({self.skipped} already done, skipped)" if self.skipped else ""),
            f"articles: {self.articles}",
            f"errors: {self.failed} ({kinds})",
            f"wall time: {self.wall:.1f} s ({rate:.1f} inputs/s)",
        ]
        if self.earlier_errors:
            lines.append(f"errors written by the earlier run: {self.earlier_errors}")
        if self.restarts:
            lines.append(f"workers replaced: {self.restarts}")
        return "\n".join(lines)


def default_workers() -> int:
    """The CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def load_pipeline(spec: Optional[str]) -> Any:
    """A Pipeline: the default one, or ``module:callable`` (a factory or a Pipeline subclass)."""
    if not spec:
        from qpextract.pipeline import Pipeline

        return Pipeline()
    module, _, attr = spec.partition(":")
    factory = getattr(importlib.import_module(module), attr or "Pipeline")
    return factory()


# -- one article ------------------------------------------------------------------------------


def _on_alarm(signum: int, frame: Any) -> None:
    raise ArticleTimeout()


def _error_line(item: Item, kind: str, message: str) -> ErrorLine:
    source = item.get("source")
    return ErrorLine(
        id=scrub(str(item["id"])), source=scrub(source) if isinstance(source, str) else None,
        error=ErrorInfo(kind=kind, message=scrub(message)),  # type: ignore[arg-type]
    )


_RECORD_LISTS = ("abbreviations", "dates", "officials", "ranks", "numbers", "events", "locations",
                 "organizations", "documents", "decorations", "sentences")


def _records(article: Article) -> int:
    return sum(len(getattr(article, name, ())) for name in _RECORD_LISTS)


def content_hash(text: str) -> str:
    """What the sinks key re-runs on: sha256 of the article text as read."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def process_item(pipeline: Any, item: Item, time_limit: float, options: Optional[BatchOptions] = None,
                 *, encoded: bool = False) -> Outcome:
    """Extract one item under the time and size limits; never raises (but for ``KeyboardInterrupt``).

    The outcome's line is a ``str``, or UTF-8 ``bytes`` with ``encoded`` (what a worker sends).
    """
    from qpextract.io.readers import add_prepared, parsed, prepare

    options = options or BatchOptions()
    if "line" in item:  # a JSON line the reader left for the worker to parse
        try:
            item = parsed(item)
        except Exception as exc:  # a bug in the reader: reported as data, the batch goes on
            return _serialize(item, _error_line(item, "internal", f"{type(exc).__name__}: {exc}"), "", options, encoded)
        if "error" in item:
            return _serialize(item, _error_line(item, *item["error"]), "", options, encoded)
    digest = ""
    if not hasattr(signal, "setitimer"):  # no SIGALRM (Windows): only the hard limit of the pool applies
        time_limit = 0
    try:
        if time_limit > 0:
            signal.setitimer(signal.ITIMER_REAL, time_limit)
        try:
            ready = prepare(item)
            digest = content_hash(ready["text"])
            # extract, not safe_extract: a MemoryError (the worker's cap) must reach the handler below
            result = pipeline.extract(ready["text"], id=str(item["id"]), title=ready.get("title"),
                                      published=ready.get("published"), source=ready.get("source"))
            if isinstance(result, Article):
                add_prepared(result, ready)
        finally:
            if time_limit > 0:
                signal.setitimer(signal.ITIMER_REAL, 0)
    except ArticleTimeout:
        result = _error_line(item, "internal", f"exceeded the per-article time limit of {time_limit:g} s")
    except MemoryError:
        result = _error_line(item, "too_large", "the article needs more memory than a worker may use")
    except InputError as exc:
        result = _error_line(item, exc.kind, exc.message)
    except Exception as exc:  # a bug in a reader or an extractor: reported as data, the batch goes on
        result = _error_line(item, "internal", f"{type(exc).__name__}: {exc}")
    return _serialize(item, result, digest, options, encoded)


def _json(result: Any) -> bytes:
    """``result.model_dump_json()`` as UTF-8 bytes, without the round trip through ``str``."""
    return result.__pydantic_serializer__.to_json(result)


def _serialize(item: Item, result: Any, digest: str, options: BatchOptions, encoded: bool = False) -> Outcome:
    """The outcome of one result: its JSON line, or a too_large/internal line when it cannot be one."""
    try:
        if isinstance(result, Article) and _records(result) > options.max_records:
            result = _error_line(item, "too_large", f"{_records(result)} records, over the limit of {options.max_records}")
        line = _json(result)
        if len(line) > options.max_line:
            result = _error_line(item, "too_large", f"an output line of {len(line)} bytes, over the limit of {options.max_line}")
            line = _json(result)
    except MemoryError:
        result = _error_line(item, "too_large", "the article's output needs more memory than a worker may use")
        line = _json(result)
    except Exception as exc:  # a value the JSON encoder refuses: a bug, reported as data
        result = _error_line(item, "internal", f"cannot serialize the result: {type(exc).__name__}: {exc}")
        line = _json(result)
    kind = result.error.kind if isinstance(result, ErrorLine) else None
    return scrub(str(item["id"])), kind, line if encoded else line.decode("utf-8"), digest


def _worker_main(options: BatchOptions, tasks: Any, results: Any) -> None:
    """A worker process: build the pipeline once, then one item in, one outcome out, until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process handles Ctrl-C
    parent = os.getppid()
    _die_with_parent()
    spec, time_limit = options.pipeline, options.time_limit
    try:
        # forked: the main process's pipeline is already in this address space (copy-on-write)
        pipeline = _PREBUILT.get(spec) or load_pipeline(spec)
    except BaseException as exc:
        results.send(("fatal", f"cannot build the pipeline: {type(exc).__name__}: {exc}"))
        return
    if hasattr(signal, "SIGALRM"):
        signal.signal(signal.SIGALRM, _on_alarm)
    _cap_memory(options.max_memory_mb)
    results.send(("ready",))
    while True:
        try:
            while not tasks.poll(1.0):
                if os.getppid() != parent:  # the main process is gone (killed): so are we
                    return
            item = tasks.recv()
        except (EOFError, OSError):
            return
        if item is None:
            return
        results.send(("result", process_item(pipeline, item, time_limit, options, encoded=True)))


def _cap_memory(extra_mb: int) -> None:
    """Cap this process's address space at what it has now plus ``extra_mb`` (Linux; best effort)."""
    if extra_mb <= 0:
        return
    try:
        import resource

        with open("/proc/self/statm") as f:
            pages = int(f.read().split()[0])
        now = pages * os.sysconf("SC_PAGE_SIZE")
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = now + extra_mb * 1024 * 1024
        if hard == resource.RLIM_INFINITY or cap < hard:
            resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, OSError, ValueError):
        pass


def _die_with_parent() -> None:
    """Ask Linux to SIGKILL this worker when the main process dies (best effort elsewhere)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:
        pass


# pipelines the main process built before forking, by spec: a forked worker starts with them
_PREBUILT: dict[Optional[str], Any] = {}


# -- the pool ---------------------------------------------------------------------------------


@dataclass
class _Slot:
    index: int
    gen: int = 0
    proc: Any = None
    tasks: Any = None  # Connection to the worker (its file descriptor non-blocking here)
    results: Any = None  # Connection from the worker; None once it reported the worker dead
    pending: bytearray = field(default_factory=bytearray)  # framed items the pipe had no room for yet
    inflight: deque = field(default_factory=deque)
    started: float = 0.0  # when its current (head) item started, roughly
    ready: bool = False


def _frame(item: Any) -> bytes:
    """``item`` as ``Connection.send`` puts it on the wire (so the worker's ``recv`` reads it)."""
    data = pickle.dumps(item, pickle.HIGHEST_PROTOCOL)  # what ForkingPickler writes for plain data, faster
    n = len(data)
    head = struct.pack("!i", n) if n <= 0x7FFFFFFF else struct.pack("!i", -1) + struct.pack("!Q", n)
    return head + data


class _Pool:
    """Worker processes fed and read by the main thread alone: one ``select`` waits on every pipe.

    Items go out through non-blocking writes (what a full pipe refuses waits in ``pending``),
    so a worker that stops reading never blocks the run, and no thread wakes up per item.
    """

    def __init__(self, options: BatchOptions) -> None:
        self.options = options
        # fork where there is one: workers start in milliseconds and share the imported modules
        # (a forked worker only touches its own pipes; stdout is flushed after every line)
        methods = multiprocessing.get_all_start_methods()
        self.ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        try:  # import everything once here, and fail early on a bad --pipeline
            pipeline = load_pipeline(options.pipeline)
            if self.ctx.get_start_method() == "fork":  # built once: each forked worker inherits it
                _PREBUILT[options.pipeline] = pipeline
            from qpextract.io import readers  # noqa: F401
        except Exception as exc:
            raise BatchAborted(f"cannot build the pipeline: {type(exc).__name__}: {exc}") from None
        self.slots = [_Slot(i) for i in range(options.workers)]
        for slot in self.slots:
            self.spawn(slot)

    def spawn(self, slot: _Slot) -> None:
        slot.gen += 1
        task_recv, task_send = self.ctx.Pipe(duplex=False)
        result_recv, result_send = self.ctx.Pipe(duplex=False)
        proc = self.ctx.Process(
            target=_worker_main,
            args=(self.options, task_recv, result_send),
            daemon=True,
            name=f"qpextract-worker-{slot.index}",
        )
        proc.start()
        task_recv.close()
        result_send.close()
        os.set_blocking(task_send.fileno(), False)
        slot.proc, slot.ready, slot.tasks, slot.results = proc, False, task_send, result_recv
        slot.pending = bytearray()

    def submit(self, slot: _Slot, item: Item) -> None:
        if not slot.inflight:
            slot.started = time.monotonic()
        slot.inflight.append(item)
        slot.pending += _frame(item)
        self._push(slot)

    @staticmethod
    def _push(slot: _Slot) -> None:
        """Write what the pipe takes now; the rest waits for ``poll`` to see it writable."""
        try:
            n = os.write(slot.tasks.fileno(), slot.pending)
        except BlockingIOError:
            return
        except OSError:  # the worker is gone: its reader sees the end and its items are redone
            slot.pending.clear()
            return
        del slot.pending[:n]

    def poll(self, timeout: float) -> list[tuple[_Slot, tuple]]:
        """Messages from the workers (``("dead",)`` for one whose pipe ended); waits up to ``timeout``."""
        reading = {slot.results.fileno(): slot for slot in self.slots if slot.results is not None}
        writing = {slot.tasks.fileno(): slot for slot in self.slots if slot.pending}
        try:
            readable, writable, _ = select.select(list(reading), list(writing), [], timeout)
        except InterruptedError:
            return []
        for fd in writable:
            self._push(writing[fd])
        out = []
        for fd in readable:
            slot = reading[fd]
            try:
                msg = slot.results.recv()
            except (EOFError, OSError):
                slot.results.close()
                slot.results = None
                msg = ("dead",)
            out.append((slot, msg))
        return out

    def _close_pipes(self, slot: _Slot) -> None:
        for conn in (slot.tasks, slot.results):
            if conn is not None:
                conn.close()
        slot.tasks = slot.results = None
        slot.pending = bytearray()

    def replace(self, slot: _Slot) -> None:
        """Kill a worker (if alive) and start a new one in its slot."""
        if slot.proc is not None and slot.proc.is_alive():
            slot.proc.kill()
        if slot.proc is not None:
            slot.proc.join(5)
        self._close_pipes(slot)
        self.spawn(slot)

    def close(self) -> None:
        for slot in self.slots:
            try:
                os.set_blocking(slot.tasks.fileno(), True)  # every item is done: nothing is pending
                slot.tasks.send(None)
            except (OSError, ValueError):
                pass
        deadline = time.monotonic() + 10
        for slot in self.slots:
            slot.proc.join(max(0.1, deadline - time.monotonic()))
            if slot.proc.is_alive():
                slot.proc.kill()
                slot.proc.join(1)
            self._close_pipes(slot)

    def kill(self) -> None:
        for slot in self.slots:
            if slot.proc is not None and slot.proc.is_alive():
                slot.proc.kill()
            self._close_pipes(slot)


class Runner:
    """One batch run: feed items, collect outcomes, write each exactly once."""

    def __init__(self, sink: Any, options: BatchOptions, *, progress: Any = None,
                 on_error: Optional[Callable[[str, str, str], None]] = None) -> None:
        self.sink = sink
        self.options = options
        self.progress = progress
        self.on_error = on_error
        self.summary = Summary()
        # a JSONL sink takes the worker's line as it is, and is flushed once per group of lines
        self._raw = getattr(sink, "write_json", None) if hasattr(sink, "flush") else None
        # ... and written in one block of UTF-8 bytes per group when it can take one
        self._block = getattr(sink, "write_block", None) if self._raw is not None else None
        self._lines: list[bytes] = []  # the block being gathered
        self._unreported: list[tuple[str, Optional[str], str, str]] = []  # written, not yet flushed
        self._grouped = False  # True while the pool runs: flush when nothing more is ready
        self._seq = 0  # items numbered so far
        self._next = 0  # the next number to write
        self._ready: dict[int, tuple[Outcome, str]] = {}
        self._start_failures = 0

    # writing, in input order: results wait in ``_ready`` until every earlier one is written
    def _emit(self, seq: int, outcome: Outcome, message: str = "") -> None:
        self._ready[seq] = (outcome, message)
        while self._next in self._ready:
            (aid, kind, line, digest), msg = self._ready.pop(self._next)
            self._next += 1
            self._write(aid, kind, line, digest, msg)
        if not self._grouped:
            self._commit()

    def _write(self, aid: str, kind: Optional[str], line: Any, digest: str, message: str = "") -> None:
        try:
            if self._block is not None:
                self._lines.append(line + b"\n" if isinstance(line, bytes) else (line + "\n").encode("utf-8"))
            elif self._raw is not None:
                self._raw(aid, line if isinstance(line, str) else line.decode("utf-8"), flush=False)
            else:
                model = ErrorLine.model_validate_json(line) if kind else Article.model_validate_json(line)
                self.sink.write(model, digest)
        except (KeyboardInterrupt, FatalError):
            raise
        except OSError as exc:  # disk full, a closed pipe, a vanished folder
            raise FatalError(f"cannot write the output: {exc.strerror or exc}") from exc
        except Exception as exc:  # the database went away, or refused a whole batch
            raise FatalError(f"cannot write the output: {type(exc).__name__}: {_first_line(exc)}") from exc
        self._unreported.append((aid, kind, line, message))

    def _commit(self) -> None:
        """Flush what was written, then count and report it (a killed run loses nothing reported)."""
        if not self._unreported:
            return
        if self._raw is not None:
            try:
                if self._lines:
                    block, self._lines = b"".join(self._lines), []
                    self._block(block)
                self.sink.flush()
            except OSError as exc:
                raise FatalError(f"cannot write the output: {exc.strerror or exc}") from exc
        done, self._unreported = self._unreported, []
        for aid, kind, line, message in done:
            if kind:
                self.summary.errors[kind] += 1
                if self.on_error is not None:
                    self.on_error(aid, kind, message or _message_of(line))
            else:
                self.summary.articles += 1
            if self.progress is not None:
                self.progress.advance(kind)

    def _emit_error(self, item: Item, kind: str, message: str) -> None:
        if "line" in item:  # a JSON line no worker parsed: its own "source" names it
            from qpextract.io.readers import parsed

            try:
                item = {**item, "source": parsed(item).get("source")}
            except RuntimeError:
                pass
        line = _error_line(item, kind, message).model_dump_json()
        self._emit(item["_seq"], (str(item["id"]), kind, line, item.get("hash", "")), message)

    @property
    def outstanding(self) -> int:
        """Items read but not yet written (in flight, or waiting for an earlier one)."""
        return self._seq - self._next

    def run(self, items: Iterable[Item], done: Optional[set[str]] = None) -> Summary:
        start = time.monotonic()
        if self.options.workers > 0 and hasattr(items, "lines"):
            items.lines = True  # the reader's Inputs: simple JSON lines go to the workers unparsed
        try:
            feed = self._feed(items, done or set())
            if self.options.workers <= 0:
                self._run_here(feed)
            else:
                self._run_pool(feed)
        except (KeyboardInterrupt, BatchAborted, FatalError):
            raise
        except Exception as exc:  # a bug in the runner or a reader: the run stops, one line says why
            raise FatalError(f"the runner stopped: {type(exc).__name__}: {_first_line(exc)}") from exc
        finally:
            self.summary.wall = time.monotonic() - start
        return self.summary

    def _feed(self, items: Iterable[Item], done: set[str]) -> Iterator[Item]:
        """Items numbered in input order; those a resumed run already has are skipped."""
        for item in items:
            self.summary.inputs += 1
            if str(item["id"]) in done:
                self.summary.skipped += 1
                if self.progress is not None:
                    self.progress.skip()
                continue
            item["_seq"] = self._seq
            self._seq += 1
            yield item

    def _run_here(self, feed: Iterator[Item]) -> None:
        pipeline = load_pipeline(self.options.pipeline)
        if self.options.cap_here:
            _cap_memory(self.options.max_memory_mb)
        use_alarm = (
            self.options.time_limit > 0
            and hasattr(signal, "SIGALRM")
            and threading.current_thread() is threading.main_thread()
        )
        old = signal.signal(signal.SIGALRM, _on_alarm) if use_alarm else None
        try:
            for item in feed:
                if "error" in item:
                    self._emit_error(item, *item["error"])
                else:
                    self._emit(item["_seq"], process_item(pipeline, item, self.options.time_limit if use_alarm else 0,
                                                          self.options))
        finally:
            if use_alarm:
                signal.signal(signal.SIGALRM, old)

    def _run_pool(self, feed: Iterator[Item]) -> None:
        first = None
        for item in feed:  # no workers until there is work for them
            if "error" in item:
                self._emit_error(item, *item["error"])
                continue
            first = item
            break
        if first is None:
            return
        feed = itertools.chain([first], feed)
        pool = _Pool(self.options)
        self._grouped = True
        retry: deque = deque()
        exhausted = False
        cap = self.options.workers * self.options.prefetch + 256  # read-but-unwritten items at most
        hard_limit = (2 * self.options.time_limit + self.options.hard_grace) if self.options.time_limit > 0 else None

        def next_item() -> Optional[Item]:
            nonlocal exhausted
            if retry:
                return retry.popleft()
            if exhausted:
                return None
            item = next(feed, None)
            if item is None:
                exhausted = True
            return item

        try:
            while True:
                for slot in pool.slots:
                    while len(slot.inflight) < self.options.prefetch and self.outstanding < cap:
                        item = next_item()
                        if item is None:
                            break
                        if "error" in item:  # a reader error: no worker needed
                            self._emit_error(item, *item["error"])
                            continue
                        pool.submit(slot, item)
                if exhausted and not retry and not any(slot.inflight for slot in pool.slots):
                    break
                for slot, msg in pool.poll(0.25):
                    self._handle(pool, slot, msg, retry)
                self._commit()  # flush the lines this round wrote, then report them
                if hard_limit is not None:
                    now = time.monotonic()
                    for slot in pool.slots:
                        if slot.ready and slot.inflight and now - slot.started > hard_limit:
                            head = slot.inflight.popleft()
                            self._emit_error(
                                head, "internal",
                                f"exceeded the per-article time limit of {self.options.time_limit:g} s "
                                "(the worker did not stop and was replaced)",
                            )
                            retry.extendleft(reversed(slot.inflight))
                            slot.inflight.clear()
                            self.summary.restarts += 1
                            pool.replace(slot)
            self._commit()
            pool.close()
        except BaseException:
            pool.kill()
            try:
                self._commit()  # what was written before the stop is flushed and counted
            except FatalError:
                pass
            raise
        finally:
            self._grouped = False

    def _handle(self, pool: _Pool, slot: _Slot, msg: tuple, retry: deque) -> None:
        tag = msg[0]
        if tag == "result":
            aid = msg[1][0]
            done_item = slot.inflight.popleft()  # a worker does its items one at a time, in order
            if str(done_item["id"]) != aid:
                raise RuntimeError(f"worker {slot.index} answered {aid!r} for {done_item['id']!r}")
            slot.started = time.monotonic()
            self._emit(done_item["_seq"], msg[1])
        elif tag == "ready":
            slot.ready = True
            slot.started = time.monotonic()
        elif tag == "fatal":
            raise BatchAborted(msg[1])
        elif tag == "dead":
            code = slot.proc.exitcode if slot.proc is not None else None
            if slot.proc is not None:
                slot.proc.join(5)
                code = slot.proc.exitcode
            if not slot.ready:
                self._start_failures += 1
                if self._start_failures > 3:
                    raise BatchAborted(f"worker processes die before they are ready (exit code {code})")
                retry.extendleft(reversed(slot.inflight))  # nothing was started: redo all
                slot.inflight.clear()
            if slot.inflight:
                head = slot.inflight.popleft()
                how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
                self._emit_error(head, "internal", f"{RETRY_ON_RESUME} ({how}) on this article; --resume tries it again")
                retry.extendleft(reversed(slot.inflight))
                slot.inflight.clear()
            self.summary.restarts += 1
            pool.replace(slot)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return scrub(text[0][:300]) if text else ""


def _message_of(line: str) -> str:
    try:
        import json

        return str(json.loads(line)["error"]["message"])
    except Exception:
        return ""
