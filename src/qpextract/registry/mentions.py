"""What one article says about one official, as a profile the linker compares."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal, Optional

from pydantic import BaseModel

from qpextract.data import read_tsv
from qpextract.evaluate import fold
from qpextract.text.lexical import unmarked, word_alternation
from qpextract.text.lexicon import rank_rows

if TYPE_CHECKING:
    from qpextract.models import Article


@dataclass(frozen=True)
class MentionRecord:
    """One stored official: ``(article_id, official_idx)`` with its name, rank, positions and day."""

    article_id: str
    official_idx: int
    name: str
    rank: Optional[str] = None
    titles: tuple[str, ...] = ()
    organizations: tuple[Optional[str], ...] = ()
    day: Optional[str] = None  # ISO day the article reports on, when known


@dataclass(frozen=True)
class Profile:
    """The comparable facts of a mention (all folded)."""

    key: str  # blocking key: surname and given name without tone marks
    plain: str  # the whole name without tone marks
    name: str  # the name as written, folded
    grade: Optional[int]
    titles: frozenset[str]  # current titles, "nguyên"/"cựu" dropped
    words: frozenset[str]  # content words of current organizations
    places: frozenset[str]  # places named by current organizations
    domains: frozenset[str]  # walks of life of current positions
    branch: Optional[str]  # "military" or "police": a rank with a word of that branch in any position
    day: Optional[str]


class _Domain(BaseModel):
    word: str
    domain: Literal["military", "police", "national", "local", "business", "academic"]


_PAST = re.compile(r"^(?:nguyên|cựu)\s+")
_PLACE = re.compile(
    r"(?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường)\s+((?:[^\W\d_][^\s,;()-]*\s*(?:-\s*)?){1,4})",
    re.IGNORECASE,
)
#: Written forms of one place (tone marks already dropped).
_PLACE_ALIASES = {"hcm": "ho chi minh", "tphcm": "ho chi minh", "tp.hcm": "ho chi minh", "hue": "thua thien hue"}
_STOP = frozenset(
    fold(w) for w in "bộ ban chỉ huy của và tỉnh thành phố tp huyện quận xã phường thị cơ quan việt nam nhân dân -".split()
)


def strip_tones(s: str) -> str:
    """Folded ``s`` without any mark ("Nguỵ Phượng Hoà" -> "nguy phuong hoa")."""
    return unmarked(fold(s))


@lru_cache(maxsize=1)
def _grades() -> dict[str, int]:
    return {fold(r.rank): r.grade for r in rank_rows()}


@lru_cache(maxsize=1)
def _domains() -> tuple[re.Pattern[str], dict[str, str]]:
    rows = read_tsv("person_domains.tsv", _Domain)
    words = {fold(r.word): r.domain for r in rows}
    return word_alternation(words), words


def domains_of(text: str) -> set[str]:
    """Walks of life named in ``text`` (folded)."""
    pattern, words = _domains()
    return {words[m.group(0)] for m in pattern.finditer(text)}


def places_of(organization: str) -> set[str]:
    """Place names an organization carries ("Bộ CHQS tỉnh Gia Lai" -> {"gia lai"})."""
    out = set()
    for m in _PLACE.finditer(organization):
        words = []
        for w in m.group(1).replace("-", " ").split():
            if not w[:1].isupper():
                break
            words.append(w)
        if words:
            place = strip_tones(" ".join(words))
            out.add(_PLACE_ALIASES.get(place, place))
    return out


def profile(m: MentionRecord) -> Profile:
    """The comparable facts of ``m``: only *current* positions count ("nguyên Chủ tịch" is a past one)."""
    plain = strip_tones(m.name)
    parts = plain.split()
    titles: set[str] = set()
    words: set[str] = set()
    places: set[str] = set()
    domains: set[str] = set()
    every: set[str] = set()  # walks of life of past positions too
    for title, org in zip(m.titles, m.organizations or (None,) * len(m.titles)):
        t = fold(title)
        every |= domains_of(f"{t} {fold(org) if org else ''}")
        if _PAST.match(t):
            continue
        titles.add(t)
        o = fold(org) if org else ""
        domains |= domains_of(f"{t} {o}")
        words |= {w for w in o.replace("-", " ").split() if w not in _STOP and len(w) > 1}
        if org:
            places |= places_of(org)
    grade = _grades().get(fold(m.rank)) if m.rank else None
    branch = None
    if grade is not None:
        branch = "police" if "police" in every else "military" if "military" in every else None
    return Profile(
        key=f"{parts[0]}|{parts[-1]}" if parts else "",
        plain=plain,
        name=fold(m.name),
        grade=grade,
        titles=frozenset(titles),
        words=frozenset(words),
        places=frozenset(places),
        domains=frozenset(domains),
        branch=branch,
        day=m.day,
    )


def article_day(article: "Article") -> Optional[str]:
    """The day an article reports on: its main event's first day, else its published day (as the article_days view)."""
    for event in article.events:
        if event.main and event.first_day:
            return event.first_day[:10]
    # (a month-precision dateline, "2023-11", names no day)
    return article.published[:10] if article.published and len(article.published) >= 10 else None


def article_mentions(article: "Article") -> list[MentionRecord]:
    """The officials of one Article as mention records (what Spark links without a database)."""
    day = article_day(article)
    return [
        MentionRecord(
            article_id=article.id,
            official_idx=i,
            name=o.name,
            rank=o.rank,
            titles=tuple(p.title for p in o.positions),
            organizations=tuple(p.organization for p in o.positions),
            day=day,
        )
        for i, o in enumerate(article.officials)
    ]
