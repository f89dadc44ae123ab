"""A progress bar on a terminal (articles, articles/s, errors, ETA), nothing in a pipe.

The total is counted in a background thread (lines of JSONL files, files in
folders and archives) so the run starts at once; until it is known the bar
shows counts and speed without an ETA.
"""

from __future__ import annotations

import os
import sys
import threading
import zipfile
from pathlib import Path
from typing import Any, Optional


class NoProgress:
    """What a run reports to when nobody is watching."""

    def start(self) -> None: ...

    def advance(self, kind: Optional[str]) -> None: ...

    def skip(self) -> None: ...

    def set_total(self, total: int) -> None: ...

    def stop(self) -> None: ...


class Progress(NoProgress):
    """A rich progress bar on stderr."""

    def __init__(self, console: Any = None) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as RichProgress

        self.console = console or Console(stderr=True)
        self.bar = RichProgress(
            TextColumn("[bold]extract"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} art/s"),
            TextColumn("[red]{task.fields[errors]} errors"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=self.console,
            transient=False,
            refresh_per_second=4,
        )
        self.task = self.bar.add_task("extract", total=None, rate="-", errors=0)
        self.done = 0
        self.errors = 0
        self.skipped = 0
        self.total: Optional[int] = None
        self._lock = threading.Lock()
        self._t0 = 0.0
        self._last = 0.0

    def start(self) -> None:
        import time

        self._t0 = time.monotonic()
        self.bar.start()

    def advance(self, kind: Optional[str]) -> None:
        import time

        self.done += 1
        if kind:
            self.errors += 1
        now = time.monotonic()
        if now - self._last >= 0.2:
            self._last = now
            rate = self.done / max(1e-6, now - self._t0)
            self.bar.update(self.task, completed=self.done, rate=f"{rate:.1f}", errors=self.errors)

    def skip(self) -> None:
        with self._lock:
            self.skipped += 1
            if self.total is not None:
                self.bar.update(self.task, total=max(0, self.total - self.skipped))

    def set_total(self, total: int) -> None:
        with self._lock:
            self.total = total
            self.bar.update(self.task, total=max(0, total - self.skipped))

    def stop(self) -> None:
        self.bar.update(self.task, completed=self.done, errors=self.errors)
        self.bar.stop()


def make_progress(quiet: bool, stream: Any = None) -> NoProgress:
    """A bar when stderr is a terminal and not ``-q``, else nothing."""
    stream = stream or sys.stderr
    if quiet or not getattr(stream, "isatty", lambda: False)() or os.environ.get("TERM") == "dumb":
        return NoProgress()
    return Progress()


def count_inputs(paths: list[str], progress: NoProgress) -> threading.Thread:
    """Count the inputs in a thread and give the bar its total (stdin and WARC are not counted)."""

    def work() -> None:
        from qpextract.io.readers import JSONL_SUFFIXES, TAR_SUFFIXES, WARC_SUFFIXES, ZIP_SUFFIXES, _suffix, walk

        total = 0
        try:
            for p in paths:
                if p == "-":
                    return
                path = Path(p)
                files = list(walk(path)) if path.is_dir() else [path]
                for f in files:
                    suffix = _suffix(f.name)
                    if suffix in JSONL_SUFFIXES:
                        total += _count_lines(f)
                    elif suffix in WARC_SUFFIXES + TAR_SUFFIXES:
                        return
                    elif suffix in ZIP_SUFFIXES:
                        try:
                            with zipfile.ZipFile(f) as zf:
                                total += sum(1 for i in zf.infolist() if not i.is_dir())
                        except Exception:
                            total += 1
                    else:
                        total += 1
            progress.set_total(total)
        except Exception:
            return

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    return thread


def _count_lines(path: Path) -> int:
    n = 0
    last = b""
    with open(path, "rb") as f:
        while True:
            block = f.read(1 << 22)
            if not block:
                break
            n += block.count(b"\n")
            last = block
    return n + (1 if last and not last.endswith(b"\n") else 0)
