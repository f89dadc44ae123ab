"""Events (SPEC Event): the headline event and what else happened."""

from __future__ import annotations

from qpextract.document import Document


class EventExtractor:
    """Not built yet: adds nothing (the field stays an empty list)."""

    name = "events"

    def __call__(self, doc: Document) -> None:
        return None
