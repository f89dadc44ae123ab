"""Test-only pipelines for the batch tests (imported by worker processes via ``--pipeline``).

A component misbehaves when the article text holds a keyword: SLEEP sleeps (the
per-article alarm stops it), HANG blocks the alarm signal and sleeps (only killing
the worker stops it), CRASH kills its own process, BOOM raises. A sleep that runs to
its end leaves a file named after its keyword in ``$QPX_TEST_MARKS`` (when set), so a
test sees that it was not stopped without timing the run; ``$QPX_TEST_SLEEP`` sets
SLEEP's seconds (HANG sleeps twice as long).
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from qpextract.pipeline import Pipeline


def _ran_to_its_end(word: str) -> None:
    """Leave the mark of a sleep that nothing stopped."""
    marks = os.environ.get("QPX_TEST_MARKS")
    if marks:
        Path(marks, word).write_text("ran to its end\n", encoding="utf-8")


class Misbehave:
    """A component that sleeps, hangs, crashes or raises on cue."""

    name = "misbehave"

    def __call__(self, doc) -> None:  # noqa: ANN001 - a Document
        text = doc.original
        seconds = float(os.environ.get("QPX_TEST_SLEEP", "30"))
        if "SLEEP" in text:
            time.sleep(seconds)
            _ran_to_its_end("SLEEP")
        if "HANG" in text:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(2 * seconds)
            _ran_to_its_end("HANG")
        if "CRASH" in text:
            os.kill(os.getpid(), signal.SIGKILL)
        if "BOOM" in text:
            raise RuntimeError("boom")


class MisbehavingPipeline(Pipeline):
    """The default pipeline with :class:`Misbehave` in front."""

    def __init__(self) -> None:
        super().__init__()
        self.components.insert(0, Misbehave())
