"""Blocking and clustering of mentions into persons: the rules, in one place.

Blocks are mentions whose names share surname and given name once tone marks
are dropped ("Ngụy Phượng Hòa" and "Ngụy Phụng Hòa" meet; "Nguyễn Văn Hùng"
never meets "Trần Văn Hùng"). Inside a block mentions are taken in day order
and each joins the cluster it fits best, or starts one. A mention fits a
cluster when it conflicts with *no* member and one member gives enough
evidence. The same name is never evidence by itself: it only lowers how much
is needed.

Conflicts (never the same person): the same article (unless the two names
differ only in tone marks: a typo); current positions in disjoint walks of
life (data/vi/person_domains.tsv; national office goes with military or police); military and
police ranks; current organizations naming disjoint places; a rank that fell
between two dated mentions, or, undated, ranks four grades or more apart.

Evidence: a shared current title (2), shared organization words or a shared
place (2), ranks at most a grade apart (1). Needed: nothing beyond no
conflict for the same written name; 1 for a name that differs only in tone
marks ("Thinh"/"Thịnh"); 2 for a name one or two letters away ("Phượng"/"Phụng").
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Optional

from qpextract.registry.mentions import MentionRecord, Profile, profile

#: Walks of life one person holds at once although they share no word (generals in parliament).
COMPATIBLE = {frozenset(("national", "military")), frozenset(("national", "police"))}

#: Evidence needed on top of "no conflict", by how the two names compare.
NEEDED = {"exact": 0, "tones": 1, "near": 2}


def _lev(a: str, b: str, cap: int = 3) -> int:
    """Levenshtein distance, stopping early once it exceeds ``cap``."""
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[-1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > cap:
            return cap + 1
        prev = cur
    return prev[-1]


def name_match(a: Profile, b: Profile) -> Optional[str]:
    """``exact``, ``tones``, ``near`` or None (names too far apart to be one person)."""
    if a.name == b.name:
        return "exact"
    if a.plain == b.plain:
        return "tones"
    if len(a.plain.split()) == len(b.plain.split()) and _lev(a.plain, b.plain) <= 2:
        return "near"
    return None


def conflict(a: Profile, b: Profile) -> Optional[str]:
    """Why ``a`` and ``b`` cannot be one person, or None."""
    if a.domains and b.domains and not a.domains & b.domains:
        if not any(frozenset((x, y)) in COMPATIBLE for x in a.domains for y in b.domains):
            return "domain"
    if a.branch and b.branch and a.branch != b.branch:
        return "branch"
    if a.places and b.places and not a.places & b.places:
        return "place"
    if a.grade is not None and b.grade is not None:
        if a.day and b.day and a.day != b.day:
            early, late = (a, b) if a.day < b.day else (b, a)
            if late.grade < early.grade:  # type: ignore[operator]
                return "rank fell"
        elif abs(a.grade - b.grade) >= 4:
            return "rank gap"
    return None


def evidence(a: Profile, b: Profile) -> int:
    """How much the two mentions agree beyond the name."""
    score = 0
    if a.titles & b.titles:
        score += 2
    if (a.words and b.words and len(a.words & b.words) * 2 >= len(a.words | b.words)) or a.places & b.places:
        score += 2
    if a.grade is not None and b.grade is not None and abs(a.grade - b.grade) <= 1:
        score += 1
    return score


def link_block(records: list[MentionRecord], profiles: Optional[list[Profile]] = None) -> list[list[int]]:
    """Clusters (lists of indexes into ``records``) of one block."""
    profs = profiles if profiles is not None else [profile(r) for r in records]
    order = sorted(range(len(records)), key=lambda i: (records[i].day or "9999", records[i].article_id, records[i].official_idx))
    clusters: list[list[int]] = []
    for i in order:
        best: tuple[int, int] | None = None  # (margin, cluster index)
        for c, members in enumerate(clusters):
            margin = None
            for j in members:
                kind = name_match(profs[i], profs[j])
                same_article = records[i].article_id == records[j].article_id and kind != "tones"
                if kind is None or same_article or conflict(profs[i], profs[j]):
                    margin = None
                    break
                m = evidence(profs[i], profs[j]) - NEEDED[kind]
                margin = m if margin is None else max(margin, m)
            if margin is not None and margin >= 0 and (best is None or margin > best[0]):
                best = (margin, c)
        if best is None:
            clusters.append([i])
        else:
            clusters[best[1]].append(i)
    return clusters


@dataclass
class Person:
    """One linked person: a dense id, the name most mentions use, and its mentions."""

    person_id: int
    name: str
    rank: Optional[str]
    first_day: Optional[str]
    last_day: Optional[str]
    mentions: list[MentionRecord]


def block_key(record: MentionRecord) -> str:
    """The blocking key of a record (what Spark partitions by)."""
    return profile(record).key


def persons_of(clusters: Iterable[list[MentionRecord]]) -> list[Person]:
    """Persons from clusters, numbered 1.. in order of each cluster's first (article_id, official_idx)."""
    ordered = sorted((sorted(c, key=lambda r: (r.article_id, r.official_idx)) for c in clusters),
                     key=lambda c: (c[0].article_id, c[0].official_idx))
    out = []
    for pid, members in enumerate(ordered, start=1):
        names = Counter(r.name for r in members)
        name = min(names, key=lambda n: (-names[n], n))
        dated = sorted((r for r in members if r.day), key=lambda r: r.day or "")
        ranked = [r for r in sorted(members, key=lambda r: (r.day or "", r.article_id)) if r.rank]
        out.append(
            Person(
                person_id=pid,
                name=name,
                rank=ranked[-1].rank if ranked else None,
                first_day=dated[0].day if dated else None,
                last_day=dated[-1].day if dated else None,
                mentions=members,
            )
        )
    return out


def link_mentions(records: Iterable[MentionRecord]) -> list[Person]:
    """Every record linked: block, cluster each block, number the persons."""
    blocks: dict[str, list[tuple[MentionRecord, Profile]]] = defaultdict(list)
    for r in records:
        p = profile(r)
        blocks[p.key].append((r, p))
    clusters: list[list[MentionRecord]] = []
    for key in sorted(blocks):
        recs = [r for r, _ in blocks[key]]
        for c in link_block(recs, [p for _, p in blocks[key]]):
            clusters.append([recs[i] for i in c])
    return persons_of(clusters)
