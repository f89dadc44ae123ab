"""Step one: find temporal expressions and their partial values.

A scan of the compiled grammar (grammar.py) over the lower-cased text yields
:class:`Partial` values: what the text says and nothing more (day 22, month
3, year unknown, afternoon), with the grain and the rule that fired. Filling
in what the text leaves out is resolve.py's job.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional

import regex

from qpextract.extractors.temporal.grammar import DIGIT, Grammar
from qpextract.text.lexical import same_length_lower

_DIGITS = regex.compile(r"\d++")


@dataclass
class Partial:
    """One expression as written: fields the text gives, None where it is silent."""

    start: int
    end: int
    rule: str
    kind: str
    year: Optional[int] = None
    month: Optional[int] = None
    day: Optional[int] = None
    hour: Optional[int] = None
    minute: Optional[int] = None
    quarter: Optional[int] = None
    # second bound of a span (the first bound uses year/month/day)
    year2: Optional[int] = None
    month2: Optional[int] = None
    day2: Optional[int] = None
    # part_year: n months from the start ("first") or the end ("last") of the year
    months: Optional[int] = None
    part: Optional[str] = None
    # duration: amount and ISO unit letter
    amount: Optional[int] = None
    unit: Optional[str] = None
    # relative_year: offset from the reference year, or "past_year"
    relative: Optional[object] = None
    this_year: bool = False
    # lunar year: stem and branch indexes when no year is written
    stem: Optional[int] = None
    branch: Optional[int] = None
    part_of_day: Optional[str] = None


def _int(s: Optional[str]) -> Optional[int]:
    return int(s) if s is not None and s.isdigit() else None


def _year(s: Optional[str]) -> Optional[int]:
    """A written year; two digits are 19xx from 50 up, else 20xx."""
    if s is None:
        return None
    y = int(s)
    if len(s) == 2:
        y += 1900 if y >= 50 else 2000
    return y


def _captures(m: regex.Match[str], group: str) -> list[tuple[int, int, str]]:
    """Every capture of a repeated group, once each, in text order.

    A rule with a look-behind is matched twice (grammar.py checks its forward
    part first), so a repeated group holds each capture twice.
    """
    return sorted(set(zip(m.starts(group), m.ends(group), m.captures(group))))


def _rule(m: "regex.Match[str]", numbers: list[int], names: list[str]) -> str:
    """The wrapper group of the rule that matched: the first, in file order, that took part
    (all group spans read in one call)."""
    regs = m.regs
    for number, name in zip(numbers, names):
        if regs[number][0] >= 0:
            return name
    raise LookupError("a temporal match with no rule group")  # cannot happen: each branch is a rule group


class RuleSet:
    """The ordered rules of the grammar, tried where their anchors stand."""

    def __init__(self, grammar: Grammar) -> None:
        self.g = grammar
        self.names = {f"r{i}": (r.name, r.kind, grammar.groups[i]) for i, r in enumerate(grammar.rules)}
        self.keys = {
            key: [k for k in self.names if f"(?P<{k}>" in source]
            for key, source in grammar.with_day.by_anchor.sources.items()
        }
        # per scan: anchor -> (alternation, its rules' wrapper group numbers in file order, their names)
        self._tables = {True: self._table(grammar.with_day.by_anchor), False: self._table(grammar.without_day.by_anchor)}

    def _table(self, by_anchor) -> dict[str, tuple["regex.Pattern[str]", list[int], list[str]]]:
        out = {}
        for key in by_anchor:
            pattern = by_anchor[key]
            index = pattern.groupindex
            pairs = sorted((index[k], k) for k in self.keys.get(key, []) if k in index)
            out[key] = (pattern, [i for i, _ in pairs], [k for _, k in pairs])
        return out

    def find(self, text: str, with_day: bool = True, lower: Optional[str] = None) -> Iterator[Partial]:
        """Every expression in ``text``, left to right, non-overlapping.

        ``with_day=False`` (the reference date has no day) leaves out the rules
        that could not be resolved anyway ("hôm qua"). ``lower`` is the text's
        same-length lower-case form when the caller has it (the document's lexical layer).
        """
        with_day = bool(with_day)
        scan = self.g.with_day if with_day else self.g.without_day
        lowered = lower if lower is not None else same_length_lower(text)
        limit = 0
        table = self._tables[with_day]
        for pos, key in self.anchors(lowered, scan.anchor_words):
            if pos < limit:
                continue
            entry = table.get(key)
            m = entry[0].match(lowered, pos) if entry is not None else None
            if m is None:
                continue
            rule = _rule(m, entry[1], entry[2])  # the rule's wrapper group
            name, kind, group_names = self.names[rule]
            groups = dict(zip(group_names, m.group(*group_names))) if len(group_names) > 1 else {
                n: m.group(n) for n in group_names}
            start = m.start("lead") if groups.get("lead") is not None else pos
            start = max(start, limit)
            limit = m.end()
            yield from self._partials(m, groups, start, name, kind)

    def anchors(self, lowered: str, words: tuple[str, ...]) -> list[tuple[int, str]]:
        """Where rules may fire, in text order: digit runs and whole anchor words."""
        found = [(m.start(), DIGIT) for m in _DIGITS.finditer(lowered)]
        n = len(lowered)
        for word in words:
            size = len(word)
            i = lowered.find(word)
            while i >= 0:
                j = i + size
                if (i == 0 or not lowered[i - 1].isalnum()) and (j >= n or not lowered[j].isalnum()):
                    found.append((i, word))
                i = lowered.find(word, j)
        found.sort()
        return found

    # -- turning groups into partial values ---------------------------------

    def _number(self, written: Optional[str]) -> Optional[int]:
        if written is None:
            return None
        if written.isdigit():
            return int(written)
        v = self.g.value("number_word", written)
        return v if isinstance(v, int) else None

    def _pod(self, groups: dict[str, Optional[str]]) -> Optional[str]:
        written = groups.get("pod2") or groups.get("pod")
        v = self.g.value("part_of_day", written)
        return str(v) if v is not None else None

    def _partials(
        self, m: regex.Match[str], groups: dict[str, Optional[str]], start: int, name: str, kind: str
    ) -> Iterator[Partial]:
        get = groups.get
        p = Partial(start=start, end=m.end(), rule=name, kind=kind, part_of_day=self._pod(groups))
        if kind == "day":
            p.day, p.month, p.year = _int(get("d")), _int(get("m")), _year(get("y"))
            if p.month is None and get("mw") is not None:  # date.dmy_month_words: the month in words
                mw = self.g.value("month_word", get("mw"))
                p.month = mw if isinstance(mw, int) else None
            p.hour, p.minute = _int(get("hh")), _int(get("mi"))
            if p.hour is not None and p.minute is None:
                p.minute = 0
        elif kind == "month":
            p.month = _int(get("m"))
            if p.month is None:
                mw = self.g.value("month_word", get("mw"))
                p.month = mw if isinstance(mw, int) else None
            p.year = _year(get("y"))
        elif kind in ("year", "holiday"):
            p.year = _year(get("y"))
            if p.year is None:
                stem, branch = self.g.value("stem", get("stem")), self.g.value("branch", get("branch"))
                if not isinstance(stem, int) or not isinstance(branch, int):
                    return
                p.stem, p.branch = stem, branch
        elif kind == "quarter":
            q = self.g.value("quarter", get("q"))
            p.quarter = q if isinstance(q, int) else None
            p.year = _year(get("y"))
        elif kind == "relative_year":
            p.relative = self.g.value("relative_year", get("rel"))
        elif kind == "relative_day":
            p.relative = self.g.value("relative_day", get("rel"))
            pod = self.g.value("part_of_day", get("rel"))
            p.part_of_day = str(pod) if pod is not None else None
        elif kind == "part_year":
            p.months = 6 if get("half") else self._number(get("n"))
            p.part = str(self.g.value("year_part", get("part")) or "first")
            p.year = _year(get("y"))
            p.this_year = bool(get("nay"))
            if p.months is None or not 1 <= p.months <= 12:
                return
            if get("part") is None and p.year is None and not p.this_year:
                return  # "9 tháng năm" says nothing about which year
        elif kind == "duration":
            p.amount = self._number(get("n"))
            u = self.g.value("duration_unit", get("unit"))
            if u is None:  # hours and minutes: "PT2H", "PT20M"
                c = self.g.value("clock_unit", get("unit")) or self.g.value("hour_unit", get("unit"))
                u = f"T{c}" if c is not None else None
            p.unit = str(u) if u is not None else None
            if not p.amount or p.unit is None:
                return
        elif kind == "year_span":
            p.year, p.year2 = _year(get("y1")), _year(get("y2"))
            if p.year is None or p.year2 is None or not 0 < p.year2 - p.year <= 100:
                return
        elif kind == "month_span":
            p.month, p.year = _int(get("m1")), _year(get("y1"))
            p.month2, p.year2 = _int(get("m2")), _year(get("y2"))
        elif kind == "day_span":
            p.day, p.month, p.year = _int(get("d1")), _int(get("m1")), _year(get("y1"))
            p.day2, p.month2, p.year2 = _int(get("d2")), _int(get("m2")), _year(get("y2"))
            if p.month is None:
                p.month = p.month2
        elif kind == "year_list":
            # "năm 2008 và 2013": the first record keeps "năm", the others are their digits
            for i, (s, e, written) in enumerate(_captures(m, "ys")):
                yield Partial(start if i == 0 else s, e, name, "year", _year(written))
            return
        elif kind == "day_pair":
            month, year = _int(get("m2")), _year(get("y2"))
            month1 = _int(get("m1")) or month
            year1 = _year(get("y1")) or year  # "3-2-1930/3-2-2025": each bound has its year
            first_end = m.end("y1") if get("y1") else m.end("m1") if get("m1") else m.end("d1")
            d1, d2 = _int(get("d1")), _int(get("d2"))
            if get("two") and not get("m1") and d1 is not None and d2 == d1 + 1:
                # "hai ngày 21 và 22/2": the two days in a row are a period too
                yield Partial(start, m.end(), name, "day_span", year, month, d1, year2=year, month2=month, day2=d2)
                start = m.start("d1")
            first = Partial(start, first_end, name, "day", year1, month1, d1, part_of_day=p.part_of_day)
            second = Partial(m.start("d2"), m.end(), name, "day", year, month, d2)
            yield first
            for s, e, written in _captures(m, "dx"):
                yield Partial(s, e, name, "day", year, month, _int(written))
            yield second
            return
        yield p
