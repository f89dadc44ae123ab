"""Reported quantities (SPEC NumericResult)."""

from __future__ import annotations

from qpextract.document import Document


class NumberExtractor:
    """Not built yet: adds nothing (the field stays an empty list)."""

    name = "numbers"

    def __call__(self, doc: Document) -> None:
        return None
