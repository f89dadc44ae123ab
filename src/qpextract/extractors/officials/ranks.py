"""Rank mentions: the ladder of ranks.tsv, in any case ("Đại tá", "đại tá").

A rank word followed by "quan" is not a rank ("hạ sĩ quan" = NCO). "công an"
after the rank ("Đại tá công an") makes it a police rank and is part of the
mention; the admiral ranks are navy. Who holds the rank is decided by the
extractor (the name or short mention right after it), else ``None``.
"""

from __future__ import annotations

from typing import NamedTuple, Optional


from qpextract.extractors.officials.lexicon import Lexicon, RankRow
from qpextract.text.lexicon import fold


class RankHit(NamedTuple):
    start: int
    end: int
    row: RankRow
    police: bool


class RankReader:
    """Turns a rank cue into a ``RankHit`` (or rejects it)."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    def read(self, text: str, start: int, end: int, limit: int) -> Optional[RankHit]:
        row = self.lex.rank_of(text[start:end])
        if row is None or self.lex.not_rank_after.match(text, end, limit):
            return None
        before = self.lex.not_rank_before
        if before is not None and start > 0 and text[start - 1] in " \t" and before.search(text, max(0, start - 24), start):
            return None  # rule rank.pretended: "tự xưng là thiếu tướng", "giả danh đại tá"
        police = self.lex.police_after.match(text, end, limit)
        if police is not None:
            return RankHit(start, police.end(), row, True)
        service = self.lex.service_after.match(text, end, limit)
        if service is not None:
            if self.lex.not_rank_after.match(text, service.end(), limit):
                return None  # "thiếu tướng quân đội giả mạo"
            return RankHit(start, service.end(), row, False)  # "Đại tá hải quân"
        return RankHit(start, end, row, False)

    def branch(self, hit: RankHit, holder_positions: list[str]) -> str:
        """``police`` when written so or when the holder's position is in a police body."""
        texts = [fold(t) for t in holder_positions]
        if hit.police or any(b in t for t in texts for b in self.lex.police_bodies):
            return "police"
        return hit.row.branch
