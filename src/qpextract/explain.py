"""What ``qpextract explain`` prints: every record with its resolved value and rule, and near misses.

``explain_document`` formats one processed :class:`Document`: one line per record
(kind, surface, rule, resolved value) in text order, then, with ``why``, the
records and the *near misses* touching that text: candidates a rule started and
dropped (``doc.near_misses``), with the reason, so a reader can tell a missing
word in ``data/vi`` from a bug. Input reading stays in the command line.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any, Optional

from qpextract.document import Document
from qpextract.models import Article

SURFACE_WIDTH = 34


def _fit(text: str, width: int = SURFACE_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _join(*parts: Any) -> str:
    return "; ".join(str(p) for p in parts if p not in (None, "", [], False))


def _number(value: float) -> str:
    return f"{value:g}" if abs(value) < 1e15 else str(value)


def record_rows(article: Article, doc: Document) -> list[tuple[int, int, str, str, str, str]]:
    """``(start, end, kind, surface, rule, value)`` of every record, normalized offsets, in text order."""
    rows: list[tuple[int, int, str, str, str, str]] = []

    def add(kind: str, rec: Any, surface: str, rule: Optional[str], value: str) -> None:
        s, e = doc.norm.to_normalized(rec.start), doc.norm.to_normalized_end(rec.end)  # the article holds original offsets
        rows.append((s, e, kind, surface, rule or "-", value))

    for a in article.abbreviations:
        value = a.expansion or "(unknown: neither the article nor the table defines it)"
        if a.field == "title":  # its offsets point into the input's title: listed first
            rows.append((0, 0, "abbreviation (title)", a.text, a.rule or "-", value))
            continue
        add("abbreviation", a, a.text, a.rule, value)
    for d in article.dates:
        days = f"{d.first_day}..{d.last_day}" if d.first_day else None
        add("date", d, d.text, d.rule, _join(d.value, d.type, days, d.part_of_day, "year inferred" if d.year_inferred else None))
    for o in article.officials:
        if o.mentions:
            first = o.mentions[0]
            add("person", first, first.text or o.name, o.rule or "official", _join(
                o.name, o.honorific, o.rank,
                ", ".join(f"{p.text} [{p.rule}]" if p.rule else p.text for p in o.positions) or None,
                f"{len(o.mentions)} mention(s)"))
    for r in article.ranks:
        add("rank", r, r.text, f"rank:{r.rank}", _join(f"{r.rank} (grade {r.grade}, {r.branch})",
                                                       f"holder {r.holder}" if r.holder else "no holder"))
    for x in article.numbers:
        amount = _number(x.value) + (f"/{_number(x.total)}" if x.total is not None else "") + f" {x.unit}"
        change = f"{x.change.direction} {_number(x.change.value)} {x.change.unit or ''}".strip() if x.change else None
        add("number", x, x.text, x.rule, _join(amount, x.qualifier, f"subject {x.subject}" if x.subject else None, change))
    for ev in article.events:
        add("event", ev, ev.trigger, ev.rule, _join(
            ev.type + (" (main)" if ev.main else ""), ev.date, f"period {ev.period}" if ev.period else None,
            ", ".join(f"{p.name} ({p.role})" for p in ev.participants) or None))
    if not any(ev.main for ev in article.events):
        # no main event: the rule that decided so (event.none.profile, event.none.assessment…) and the headline it read
        for comp, rule, text in doc.trace:
            if comp == "events" and rule.startswith("event.none"):
                rows.append((0, 0, "event", text, rule, "none (no main event)"))
                break
    for loc in article.locations:
        add("place", loc, loc.text, f"location:{loc.kind}", _join(loc.kind, loc.name))
    for org in article.organizations:
        add("body", org, org.text, f"organization:{org.kind}", org.kind)
    for doc_ref in article.documents:
        add("document", doc_ref, doc_ref.text, doc_ref.rule, _join(doc_ref.kind, doc_ref.number, doc_ref.issuer, doc_ref.date, doc_ref.title))
    for dec in article.decorations:
        add("decoration", dec, dec.text, dec.rule, _join(dec.kind, dec.name, dec.grade, dec.issuer, dec.count))
    rows.sort(key=lambda r: (r[0], -r[1], r[2]))
    return rows


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def find_windows(text: str, why: str) -> list[tuple[int, int]]:
    """Every ``[start, end)`` where ``why`` occurs in ``text`` (case and Unicode form aside)."""
    needle = " ".join(_fold(why).split())
    if not needle:
        return [(0, len(text))]
    hay = _fold(text)
    if len(hay) != len(text):  # a case fold that changes length: fall back to exact matching
        hay, needle = text, " ".join(why.split())
    out, i = [], hay.find(needle)
    while i >= 0:
        out.append((i, i + len(needle)))
        i = hay.find(needle, i + 1)
    return out


def explain_document(doc: Document, why: Optional[str] = None) -> Iterator[str]:
    """The lines ``qpextract explain`` prints for one document."""
    article = doc.to_article()
    ref = doc.reference
    when = "-".join(str(v) for v in (ref.year, ref.month, ref.day) if v is not None) or "none"
    yield f"# {doc.id}: reference date {when} (from {ref.source}); {len(doc.text)} characters"
    rows = record_rows(article, doc)
    misses = sorted(doc.near_misses, key=lambda m: (m[2], m[3]))
    if why is not None:
        windows = find_windows(doc.text, why)
        if not windows:
            yield f"'{why}' does not occur in the (normalized) text: nothing started there"
            return

        def touches(s: int, e: int) -> bool:
            return any(s < b and a < e for a, b in windows)

        rows = [r for r in rows if touches(r[0], r[1])]
        misses = [m for m in misses if touches(m[2], m[3])]
    yield f"{'KIND':12s} {'SURFACE':{SURFACE_WIDTH}s} {'RULE':24s} VALUE"
    for _, _, kind, surface, rule, value in rows:
        yield f"{kind:12s} {_fit(surface):{SURFACE_WIDTH}s} {rule:24s} {value}"
    if not rows:
        yield "(no record)"
    if why is None:
        if misses:
            yield f"{len(misses)} candidate(s) dropped: add --why TEXT to see those touching TEXT and why"
        return
    yield ""
    yield f"near misses touching '{why}': candidates a rule started and dropped"
    if not misses:
        yield "(none: no rule started a candidate there that it then dropped; if a record is missing, no rule"
        yield " matched at all: a word missing from data/vi or a pattern to add)"
    for component, rule, s, e, reason in misses:
        yield f"{component:13s} {_fit(doc.text[s:e]):{SURFACE_WIDTH}s} {rule:24s} {reason}"
