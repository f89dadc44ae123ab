"""Test-only pipelines for tests/test_hostile.py (workers import them via ``--pipeline``)."""

from __future__ import annotations

from qpextract.pipeline import Pipeline


class Hog:
    """Takes memory without bound when the text says HOG (stands for a quadratic blow-up in a component)."""

    name = "hog"

    def __call__(self, doc) -> None:  # noqa: ANN001 - a Document
        if "HOG" in doc.original:
            held = []
            for _ in range(1000):
                held.append(bytearray(64 * 1024 * 1024))


class HogPipeline(Pipeline):
    """The default pipeline with :class:`Hog` in front."""

    def __init__(self) -> None:
        super().__init__()
        self.components.insert(0, Hog())
