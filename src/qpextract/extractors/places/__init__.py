"""Administrative places and bodies (SPEC Location, Organization)."""

from __future__ import annotations

from qpextract.document import Document


class PlaceExtractor:
    """Not built yet: adds nothing (the field stays an empty list)."""

    name = "places"

    def __call__(self, doc: Document) -> None:
        return None
