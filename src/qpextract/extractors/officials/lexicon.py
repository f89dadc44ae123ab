"""The officials vocabularies (surnames, honorifics, ranks, titles), compiled once.

All word lists live in data/vi (surnames.tsv, honorifics.tsv, ranks.tsv,
ranks_context.yaml, titles.tsv); this module turns them into lookup tables and
prefix-factored regexes. One ``Lexicon`` is built per extractor instance.
"""

from __future__ import annotations

from typing import Literal, Optional

import regex
from pydantic import BaseModel

from qpextract.data import read_tsv, read_yaml
from qpextract.extractors.places.lexicon import NB, PB, Bodies, Gazetteer, fold, trie_pattern


class _SurnameRow(BaseModel):
    surname: str
    rare: Optional[str] = None


class _HonorificRow(BaseModel):
    cue: str
    honorific: Literal["đồng chí", "ông", "bà"]
    plural: Optional[str] = None


class RankRow(BaseModel):
    rank: str
    grade: int
    branch: Literal["army", "navy", "police"]


class _TitleRow(BaseModel):
    title: str
    kind: Literal["party", "government", "military", "other"]
    same_as: Optional[str] = None


class Lexicon:
    """Tables and regexes shared by the name, rank, position and coreference modules."""

    def __init__(self) -> None:
        self.surnames = frozenset(r.surname for r in read_tsv("surnames.tsv", _SurnameRow))
        hons = read_tsv("honorifics.tsv", _HonorificRow)
        self.honorific = {fold(r.cue): r.honorific for r in hons}
        self.plural = frozenset(fold(r.cue) for r in hons if r.plural == "yes")
        ranks = read_tsv("ranks.tsv", RankRow)
        self.rank = {fold(r.rank): r for r in ranks}
        ctx = read_yaml("ranks_context.yaml")
        self.not_rank_after = regex.compile(
            r"[ \t]++(?:" + "|".join(regex.escape(w) for w in ctx["not_followed_by"]) + ")" + NB, regex.IGNORECASE
        )
        self.police_after = regex.compile(
            r"[ \t]++" + trie_pattern(ctx["police_after"], fold=True) + NB, regex.IGNORECASE
        )
        self.police_bodies = tuple(fold(b) for b in ctx["police_bodies"])
        titles = read_tsv("titles.tsv", _TitleRow)
        self.title_kind = {fold(r.title): r.kind for r in titles}
        self.title_same = {fold(r.title): fold(r.same_as) for r in titles if r.same_as}
        title_re = r"(?:nguyên[ \t]++)?" + trie_pattern([r.title for r in titles], fold=True) + r"(?:[ \t]++thường[ \t]++trực)?+"
        # one scan finds every cue: honorific, rank or title
        self.cues = regex.compile(
            PB
            + r"(?:(?P<hon>"
            + trie_pattern([r.cue for r in hons], fold=True)
            + r")|(?P<rank>"
            + trie_pattern([r.rank for r in ranks], fold=True)
            + r")|(?P<title>"
            + title_re
            + r"))"
            + NB,
            regex.IGNORECASE,
        )
        self.title_at = regex.compile(PB + title_re + NB, regex.IGNORECASE)
        acad = trie_pattern(ctx["academic"], fold=True)
        # what may sit between two cues or a cue and a name: blanks, one comma/colon,
        # academic titles ("Đại tá, TS. ", "PGS.TS ")
        self.gap = regex.compile(
            r"[ \t]*+(?:[,:][ \t]*+)?(?:" + acad + r"\.?+[ \t]*+(?:,[ \t]*+)?)*+", regex.IGNORECASE
        )
        tctx = read_yaml("titles_context.yaml")
        pred = (
            r"(?:(?:" + trie_pattern(tctx["predicate_adverbs"], fold=True) + r")[ \t]++)*+"
            + trie_pattern(tctx["predicate_verbs"], fold=True) + NB + r"[ \t]++"
        )
        # what may sit between a name (or a position) and the next position
        self.chain_sep = regex.compile(
            r"[ \t]*+\)?+[ \t]*+(?:(?:[,(-]|(?:" + trie_pattern(tctx["chain_words"], fold=True) + r")" + NB + r")"
            r"[ \t]*+(?:\d{1,3}[ \t]++tuổi[ \t]*+,[ \t]*+)?)?+(?:" + pred + r")?+",
            regex.IGNORECASE,
        )
        self.group_before = regex.compile(
            PB + trie_pattern(tctx["not_after"], fold=True) + r"[ \t]++\Z", regex.IGNORECASE
        )
        self.rank_predicate = regex.compile(
            PB + trie_pattern(ctx["predicate_before"], fold=True) + r"[ \t]++\Z", regex.IGNORECASE
        )
        self.rank_anaphor = regex.compile(
            PB + trie_pattern(ctx["anaphoric_before"], fold=True) + r"[ \t]++\Z", regex.IGNORECASE
        )
        self.gazetteer = Gazetteer()
        self.bodies = Bodies(self.gazetteer)

    def is_title(self, text: str, pos: int, endpos: int) -> bool:
        return self.title_at.match(text, pos, endpos) is not None

    def rank_of(self, written: str) -> Optional[RankRow]:
        return self.rank.get(fold(written))
