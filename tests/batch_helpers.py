"""Test-only pipelines for the batch tests (imported by worker processes via ``--pipeline``).

A component misbehaves when the article text holds a keyword: SLEEP sleeps (the
per-article alarm stops it), HANG blocks the alarm signal and sleeps (only killing
the worker stops it), CRASH kills its own process, BOOM raises.
"""

from __future__ import annotations

import os
import signal
import time

from qpextract.pipeline import Pipeline


class Misbehave:
    """A component that sleeps, hangs, crashes or raises on cue."""

    name = "misbehave"

    def __call__(self, doc) -> None:  # noqa: ANN001 - a Document
        text = doc.original
        if "SLEEP" in text:
            time.sleep(30)
        if "HANG" in text:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(60)
        if "CRASH" in text:
            os.kill(os.getpid(), signal.SIGKILL)
        if "BOOM" in text:
            raise RuntimeError("boom")


class MisbehavingPipeline(Pipeline):
    """The default pipeline with :class:`Misbehave` in front."""

    def __init__(self) -> None:
        super().__init__()
        self.components.insert(0, Misbehave())
