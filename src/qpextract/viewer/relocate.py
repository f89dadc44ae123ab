"""Records placed in the stored normalized text when the original input is not at hand.

A database keeps each article's normalized ``text`` but not its original input,
and records' offsets point into the original. To draw a page from the database
alone, each record is looked up by its own text near where its offset says it
is (normalization mostly shortens the text, so the drift is tracked as it
grows); a record whose text is not found is left off and counted, never guessed.
"""

from __future__ import annotations

from typing import Any

from qpextract.models import Article

_SPANNED = ("abbreviations", "dates", "ranks", "numbers", "locations", "organizations", "documents", "decorations")
REACH = 400


def relocate(article: Article) -> tuple[Article, int]:
    """A copy of ``article`` whose offsets point into ``article.text``, and how many records were left off."""
    data = article.model_dump()
    text = data["text"]
    items: list[tuple[int, str, dict[str, Any]]] = []  # (original start, surface, record dict)
    for key in _SPANNED:
        items += [(r["start"], r["text"], r) for r in data[key] if r.get("field") != "title"]  # title: not in the text
    items += [(e["start"], e["trigger"], e) for e in data["events"]]
    for o in data["officials"]:
        items += [(m["start"], m.get("text") or o["name"], m) for m in o["mentions"]]
    items.sort(key=lambda it: it[0])
    drift = 0
    lost: set[int] = set()
    for start, surface, rec in items:
        guess = start - drift
        at = _nearest(text, surface, guess)
        if at < 0:
            lost.add(id(rec))
            continue
        drift = start - at
        rec["start"], rec["end"] = at, at + len(surface)
    for key in _SPANNED + ("events",):
        data[key] = [r for r in data[key] if id(r) not in lost]
    for o in data["officials"]:
        o["mentions"] = [m for m in o["mentions"] if id(m) not in lost]
    data["sentences"] = []
    return Article.model_validate(data), len(lost)


def _nearest(text: str, surface: str, guess: int) -> int:
    """Start of the occurrence of ``surface`` nearest to ``guess`` within ``REACH``, or -1."""
    if not surface:
        return -1
    lo = max(0, guess - REACH)
    best, i = -1, text.find(surface, lo, guess + REACH + len(surface))
    while i >= 0:
        if best < 0 or abs(i - guess) < abs(best - guess):
            best = i
        if i > guess:
            break
        i = text.find(surface, i + 1, guess + REACH + len(surface))
    return best
