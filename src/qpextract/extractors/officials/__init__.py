"""Officials, their ranks and positions (SPEC Official, RankMention)."""

from __future__ import annotations

from qpextract.document import Document


class OfficialExtractor:
    """Not built yet: adds nothing (the field stays an empty list)."""

    name = "officials"

    def __call__(self, doc: Document) -> None:
        return None
