"""Temporal expressions (SPEC TemporalExpression): extract, then resolve."""

from __future__ import annotations

from qpextract.document import Document


class TemporalExtractor:
    """Not built yet: adds nothing (the field stays an empty list)."""

    name = "temporal"

    def __call__(self, doc: Document) -> None:
        return None
