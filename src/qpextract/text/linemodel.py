"""A learned line classifier for web pages: which line is the headline, the dateline, a byline, or other.

Each line of a page gets a few dozen cheap features that say its shape (where it stands, how long it is,
its capitals, stops, dates, byline cues, its neighbours), never its site; one logistic model per kind
(weights in data/vi/line_model.tsv, trained by ``tools/web_lines.py``) scores it. Pure Python at run time.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

import regex

from qpextract.data import data_text
from qpextract.text.metadata import (
    _GLUED_BYLINE,
    _INNER_STOP,
    _LINE,
    _YEAR,
    MetadataReader,
    day_stamp,
    is_day,
    match_dateline,
    match_page_prefix,
)
from qpextract.text.published import _PATTERNS, _TIME_FIRST, MAX_YEAR, MIN_YEAR

KINDS = ("title", "dateline", "byline")
_WORD = regex.compile(r"\S+")
# a date printed on a line: day/month/year, year-month-day, "5 tháng 3 năm 2024"; a month and year alone ("tháng 3
# năm 2024", no day) counts for the ``date`` feature; ``printed_days`` reads the days (tools/web_lines.py labels)
DATES = regex.compile(
    r"(?<!\d)(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>(?:19|20)\d\d)(?!\d)"
    r"|(?<!\d)(?P<y2>(?:19|20)\d\d)[-/.](?P<m2>\d{1,2})[-/.](?P<d2>\d{1,2})(?!\d)"
    r"|(?<!\d)(?P<d3>\d{1,2})\s+tháng\s+(?P<m3>\d{1,2})\s*(?:năm|,)\s*(?P<y3>(?:19|20)\d\d)"
    r"|tháng\s+\d{1,2}\s*(?:năm|,)\s*(?:19|20)\d\d",
    regex.I,
)
_TIME_ANY = regex.compile(r"(?<!\d)\d{1,2}\s*[:h]\s*\d\d(?!\d)")
_WEEKDAY = regex.compile(r"(?i)(?<![\p{L}])(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật|t[2-7],)")
_INITIALS = regex.compile(r"(?<![\p{L}])(?:\p{Lu}\.\s?){1,3}\p{Lu}")
_PHOTO = regex.compile(r"(?i)(?<![\p{L}])ảnh\s*:")
_THEO = regex.compile(r"(?i)^\(?(?:theo|nguồn)\b")
_PROSE_WORDS = 20  # a line of prose: this many words and a final stop
_SHORT = 200  # characters: a longer line is prose, never chrome, a section name or a byline of names alone


def _bucket(value: float, edges: tuple[float, ...], name: str) -> str:
    """``name`` with the first edge ``value`` is under ("w<4"), or the last ("w>=40")."""
    for edge in edges:
        if value < edge:
            return f"{name}<{edge:g}"
    return f"{name}>={edges[-1]:g}"


@dataclass
class PageShape:
    """What every step reads of a page's lines, computed once: each line stripped, which lines are prose."""

    strips: list[str]
    prose: list[bool]
    first_prose: int  # the first prose line (the lead), len(lines) when none
    last_prose: int  # the last prose line, -1 when none


def page_shape(text: str, lines: list[tuple[int, int]]) -> PageShape:
    """The shape of a page's lines (``page_lines``): stripped, prose or not, where the prose starts and ends."""
    strips = [text[s:e].strip() for s, e in lines]
    prose = [_is_prose(t) for t in strips]
    first = next((i for i, p in enumerate(prose) if p), len(lines))
    last = max((i for i, p in enumerate(prose) if p), default=-1)
    return PageShape(strips, prose, first, last)


# the kinds of line a named rule of data/vi/line_model.yaml reads from the model (``read``): a headline's line may
# print the dateline, which dateline.model takes when no dateline line was found
USES = {"title.model": ("title",), "title.model_fill": ("title",), "dateline.model": ("dateline", "title"),
        "byline.model": ("byline",)}


def used_kinds(on: dict[str, bool]) -> frozenset[str]:
    """The kinds of line the switched-on rules ``on`` read."""
    return frozenset(k for rule, kinds in USES.items() if on.get(rule) for k in kinds)


@dataclass
class LineValues:
    """What the model reads from a page: title, published, authors, and the line each came from."""

    title: Optional[str] = None
    published: Optional[str] = None
    authors: list[str] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)


class LineModel:
    """Features of every line of a page and their scores per kind (title, dateline, byline)."""

    def __init__(self, reader: MetadataReader, weights: Optional[dict[str, dict[str, float]]] = None) -> None:
        self.reader = reader
        self.weights = weights if weights is not None else line_weights()

    def page_lines(self, text: str) -> list[tuple[int, int]]:
        """The non-blank lines of a page; a page-metadata prefix (" date 2023-11-09 …") is a line of its own."""
        lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if m.group().strip()]
        if lines:
            found = match_page_prefix(self.reader.page_prefix, text, *lines[0])
            if found and found[1] < lines[0][1] and text[found[1] : lines[0][1]].strip():
                lines[0:1] = [(lines[0][0], found[1]), (found[1], lines[0][1])]
        return lines

    def line_features(self, text: str, lines: list[tuple[int, int]], shape: Optional[PageShape] = None) -> list[dict[str, float]]:
        """One sparse feature map per line (name → value), the neighbours' shape included."""
        r = self.reader
        n = len(lines)
        shape = shape or page_shape(text, lines)
        strips, prose, first_prose, last_prose = shape.strips, shape.prose, shape.first_prose, shape.last_prose
        words = [_WORD.findall(t) for t in strips]
        lead_words = {w.lower() for w in words[first_prose]} if first_prose < n else set()
        # words the prose prints in lower case: a line of them in capitals is chrome ("TIN MỚI HƠN"), not names
        lower = {x for j, w in enumerate(words) if prose[j] for x in w if x.islower()}
        seen: dict[str, int] = {}
        for t in strips:
            seen[t] = seen.get(t, 0) + 1
        own: list[dict[str, float]] = []
        sizes: list[str] = []
        for i, ((s, e), t, w) in enumerate(zip(lines, strips, words)):
            f: dict[str, float] = {"bias": 1.0}
            nw = len(w)
            f[_bucket(i, (1, 2, 3, 6, 11, 21), "pos")] = 1.0
            f[_bucket(n - 1 - i, (1, 2, 3, 6, 11), "end")] = 1.0
            f[_bucket(i / n, (0.1, 0.25, 0.5, 0.75, 0.9), "rel")] = 1.0
            d = i - first_prose
            f["lead:" + (str(d) if -3 <= d <= 3 else ("<-3" if d < -3 else ">3"))] = 1.0
            d = i - last_prose
            f["last:" + (str(d) if -2 <= d <= 4 else ("<-2" if d < -2 else ">4"))] = 1.0
            sizes.append(_bucket(nw, (2, 3, 4, 6, 9, 13, 20, 30, 45), "w"))
            f[sizes[-1]] = 1.0
            caps = sum(1 for x in w if x[:1].isupper())
            share = caps / nw if nw else 0.0
            f[_bucket(share, (0.01, 0.3, 0.6, 0.9), "cap")] = 1.0
            if t.upper() == t and t.lower() != t:
                f["allcaps"] = 1.0
            last = t[-1:]
            f["endch:" + (last if last in ".?!:,;)-–\"”…" else ("digit" if last.isdigit() else "letter"))] = 1.0
            if _INNER_STOP.search(t):
                f["inner_stop"] = 1.0
            digits = sum(map(t.count, "0123456789"))
            f[_bucket(digits / max(1, len(t)), (0.01, 0.1, 0.25, 0.5), "dig")] = 1.0
            year = _YEAR.search(t) is not None  # every date form read here prints a four-digit year
            if year:
                f["year"] = 1.0
                if len(t) <= 120 and match_dateline(r.datelines, text, s, e):
                    f["dateline_rule"] = 1.0
                if i == 0 and match_page_prefix(r.page_prefix, text, s, e):
                    f["page_prefix"] = 1.0
                if DATES.search(t):
                    f["date"] = 1.0
                    f["date&" + _bucket(nw, (4, 9, 16), "w")] = 1.0
            if _TIME_ANY.search(t):
                f["time"] = 1.0
            if _WEEKDAY.search(t):
                f["weekday"] = 1.0
            short = len(t) <= _SHORT
            if short and _chrome(r, t):
                f["chrome"] = 1.0
            if short and r.section.fullmatch(t):
                f["section"] = 1.0
            if short and r.related.fullmatch(t):
                f["related"] = 1.0
            if r.lead_tag.match(t) or r.lead_bare_tag.match(t):
                f["lead_tag"] = 1.0
            if r.lead_opener.match(t) or r.lead_dated.match(t):
                f["lead_opener"] = 1.0
            if r.openers.match(t):
                f["opener"] = 1.0
            if short and r.reporter.fullmatch(t):
                f["reporter"] = 1.0
            if _THEO.match(t):
                f["theo"] = 1.0
            if _PHOTO.search(t) or r.caption.search(t):
                f["caption"] = 1.0
            if short and _INITIALS.search(t):
                f["initials"] = 1.0
            names = r.byline_names(t) if len(t) <= r.max_line else None
            if names:
                f["names"] = 1.0
                f[_bucket(len(names), (2, 3), "names_n")] = 1.0
            if nw and w[0] in r.surnames:
                f["surname_first"] = 1.0
                if 2 <= nw <= 4 and caps == nw:
                    f["person_shape"] = 1.0
            if short and r.affiliation.search(t):
                f["affiliation"] = 1.0
            if nw and lower:
                common = sum(1 for x in w if x.lower() in lower) / nw
                f[_bucket(common, (0.01, 0.34, 0.67), "common")] = 1.0
                if caps == nw:
                    f[_bucket(common, (0.01, 0.34, 0.67), "caps_common")] = 1.0
            if seen[t] > 1:
                f["repeated"] = 1.0
            if lead_words and nw and i < first_prose:
                overlap = sum(1 for x in w if x.lower() in lead_words) / nw
                f[_bucket(overlap, (0.01, 0.2, 0.4, 0.6), "lead_share")] = 1.0
            gap_before = text.count("\n", lines[i - 1][1], s) if i else 2
            gap_after = text.count("\n", e, lines[i + 1][0]) if i + 1 < n else 2
            f["gap_before:" + str(min(gap_before, 3))] = 1.0
            f["gap_after:" + str(min(gap_after, 3))] = 1.0
            if prose[i]:
                f["prose"] = 1.0
            own.append(f)
        out = []
        for i, f in enumerate(own):
            g = dict(f)
            for side, j in (("p", i - 1), ("n", i + 1), ("p2", i - 2), ("n2", i + 2)):
                if 0 <= j < n:
                    for k in _NEIGHBOUR_KEYS:
                        if k in own[j]:
                            g[f"{side}:{k}"] = 1.0
                    g[f"{side}:{sizes[j]}"] = 1.0
                else:
                    g[f"{side}:none"] = 1.0
            out.append(g)
        return out

    def scores(self, feats: list[dict[str, float]]) -> list[dict[str, float]]:
        """Probability of each kind for each line (one logistic model per kind)."""
        tables = [(kind, self.weights.get(kind, {})) for kind in KINDS]
        out = []
        for f in feats:
            row = {}
            for kind, w in tables:
                z = sum(w[k] * v for k, v in f.items() if k in w)
                row[kind] = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            out.append(row)
        return out

    def read(
        self,
        text: str,
        lines: list[tuple[int, int]],
        probs: list[dict[str, float]],
        th: dict[str, float],
        shape: Optional[PageShape] = None,
        kinds: frozenset[str] = frozenset(KINDS),
    ) -> LineValues:
        """Title (best line of the upper part), published (best dated line) and authors (every byline line)
        where the line's score reaches the threshold ``th`` of its kind; only the ``kinds`` asked for."""
        r = self.reader
        shape = shape or page_shape(text, lines)
        strips, first_prose = shape.strips, shape.first_prose
        n = len(lines)
        out = LineValues()
        # a line the rules know as chrome (a page label, a menu, a counter) is never the headline
        cand = [i for i in range(min(n, max(1, first_prose + 1, n // 2 + 1))) if not _chrome(r, strips[i])]
        title_date = None
        if cand and "title" in kinds:
            i = max(cand, key=lambda k: probs[k]["title"])
            if probs[i]["title"] >= th["title"]:
                s, e = lines[i]
                tail = r.headline_bracket.search(text, s, e) or r.headline_date.search(text, s, e)
                if tail and tail.start() > s:
                    e = tail.start()
                    title_date = line_date(tail.group("tail"), r)
                s, e, _ = r.headline_chrome(text, s, e)
                title = text[s:e].strip()
                if i + 1 < n and probs[i + 1]["title"] >= th["title"] and strips[i + 1] != strips[i] and r.wrapped(title, strips[i + 1]):
                    title = f"{title} {strips[i + 1]}"
                out.title = title
                out.lines["title"] = i
        # a line read more as a headline than as a dateline is none ("Ngày 19/8/1945 là ngày truyền thống …")
        dated = [
            (probs[i]["dateline"], i)
            for i in range(n)
            if len(strips[i]) <= 150 and probs[i]["title"] < probs[i]["dateline"] and line_date(strips[i], r)
        ] if "dateline" in kinds else []
        if dated:
            best, i = max(dated)
            if best >= th["dateline"]:
                out.published = line_date(strips[i], r)
                out.lines["dateline"] = i
        if out.published is None and title_date:
            out.published = title_date  # "… (16/02/2022, 14:44)" printed on the headline's line
        seen: set[str] = set()
        for i in range(n if "byline" in kinds else 0):
            if probs[i]["byline"] < th["byline"]:
                continue
            for name in line_names(r, text, lines[i], strips[i]):
                if name.casefold() not in seen:
                    seen.add(name.casefold())
                    out.authors.append(name)
                    out.lines.setdefault("byline", i)
        return out


def printed_days(line: str) -> set[tuple[int, int, int]]:
    """Every (year, month, day) a line prints (``DATES``; a month and year alone give none)."""
    out = set()
    for m in DATES.finditer(line):
        y, mo, d = (m["y"], m["m"], m["d"]) if m["y"] else (m["y2"], m["m2"], m["d2"]) if m["y2"] else (m["y3"], m["m3"], m["d3"])
        if y:
            out.add((int(y), int(mo), int(d)))
    return out


def _chrome(r: MetadataReader, line: str) -> bool:
    """A line the rules' chrome patterns (data/vi/headline.yaml) match whole."""
    return bool(r.chrome.fullmatch(line) or r.page_label.fullmatch(line) or r.uncounted.fullmatch(line))


def _is_prose(line: str) -> bool:
    """A line of prose: many words and a final stop."""
    return len(line.split()) >= _PROSE_WORDS and line[-1:] in ".!?…\"”"


def line_names(r: MetadataReader, text: str, span: tuple[int, int], t: str) -> list[str]:
    """The names a byline line gives, read by the rules' byline readers of one line."""
    s, e = span
    names = r.byline_names(t)
    if names is None and t.endswith(".") and not t.endswith(".."):
        names = r.byline_names(t[:-1])
    if names is None:
        found = match_dateline(r.datelines, text, s, e)
        if found and found[2]:
            names = r.byline_names(found[2]) or [found[2]]
    if names is None:
        g = _GLUED_BYLINE.search(text, s, e)
        if g and not r.body_prefix.match(g.group(1)):
            names = r.byline_names(g.group(1))
    if names is None:
        c = r.caps_glued.search(text, max(s, e - 80), e)
        if c:
            names = r.byline_names(c.group(1))
    if names is None:
        run = r.run_in_byline(text, s, e)
        if run:
            names = run[0]
    return names or []


_NEIGHBOUR_KEYS = ("dateline_rule", "date", "time", "names", "prose", "chrome", "allcaps", "endch:.", "opener",
                   "caption", "repeated", "person_shape", "theo", "lead_opener", "section")


def line_date(line: str, reader: MetadataReader) -> Optional[str]:
    """The ISO day (and time) a line prints: a dateline rule's reading, else the first date in it."""
    if not _YEAR.search(line):
        return None  # every form read here prints a four-digit year
    found = match_dateline(reader.datelines, line, 0, len(line))
    if found:
        return found[1]
    prefix = match_page_prefix(reader.page_prefix, line, 0, len(line))
    if prefix:
        return prefix[0] if len(prefix[0]) > len("2023-11") else None  # a month stamp is no dateline
    m = _TIME_FIRST.search(line)
    for pattern in _PATTERNS:
        m2 = pattern.search(line)
        if m2 and (m is None or m2.start() < m.start()):
            m = m2
    if m is None:
        return None
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not (MIN_YEAR <= y <= MAX_YEAR and is_day(y, mo, d)):
        return None  # "31/02/2024" is no day
    return day_stamp(y, mo, d, m["hh"], m["mi"], m["ap"])  # a time that is none ("25:70") leaves the day alone


@lru_cache(maxsize=1)
def line_weights() -> dict[str, dict[str, float]]:
    """The weights of data/vi/line_model.tsv (kind, feature, weight; ``#`` lines are its header)."""
    out: dict[str, dict[str, float]] = {k: {} for k in KINDS}
    for row in data_text("line_model.tsv").splitlines():
        if not row or row.startswith("#") or row.startswith("kind\t"):
            continue
        kind, feature, weight = row.split("\t")
        out.setdefault(kind, {})[feature] = float(weight)
    return out


def _flat(text: Optional[str]) -> str:
    """Lower case, one space between words: for comparing the rules' and the model's readings."""
    return " ".join((text or "").casefold().split())


def _same(a: Optional[str], b: Optional[str]) -> bool:
    return _flat(a) == _flat(b)


def combine(
    text: str,
    lines: list[tuple[int, int]],
    probs: list[dict[str, float]],
    rules: LineValues,
    model: LineValues,
    on: dict[str, bool],
    margin: float,
    shape: Optional[PageShape] = None,
) -> tuple[LineValues, list[tuple[str, int]]]:
    """The rules' values with the model's where its named rules say so, and the rules that fired (with their line).

    ``title.model``: the rules' headline is replaced by the model's when the model scores its own line ``margin``
    above the rules' line, unless its line ends with a full stop where the rules' headline has none (a summary
    under the headline that restates the lead); ``title.model_fill``, ``dateline.model``, ``byline.model``: the model's value where the
    rules found none.
    """
    out = LineValues(rules.title, rules.published, list(rules.authors))
    fired: list[tuple[str, int]] = []
    strips = (shape or page_shape(text, lines)).strips
    mt = model.lines.get("title")
    if (
        on.get("title.model")
        and rules.title
        and model.title
        and mt is not None
        and not _same(rules.title, model.title)
        and _flat(model.title) not in _flat(rules.title)  # a part of the rules' headline (wrapped over two lines)
        and not (model.title.endswith(".") and not rules.title.endswith("."))
    ):
        # the rules' line: one holding the headline's first words, or the first line of a headline wrapped
        # over two lines (its first eight words may run onto the second: the line must still count)
        whole = _flat(rules.title)
        head = " ".join(whole.split()[:8])
        at = [i for i, t in enumerate(strips) if head and (head in _flat(t) or (_flat(t) and whole.startswith(_flat(t) + " ")))]
        mine = max((probs[i]["title"] for i in at), default=0.0)
        if probs[mt]["title"] - mine > margin:
            out.title = model.title
            fired.append(("title.model", mt))
    if on.get("title.model_fill") and rules.title is None and model.title and mt is not None:
        out.title = model.title
        fired.append(("title.model_fill", mt))
    if on.get("dateline.model") and rules.published is None and model.published:
        out.published = model.published
        fired.append(("dateline.model", model.lines.get("dateline", model.lines.get("title", 0))))
    if on.get("byline.model") and not rules.authors and model.authors:
        out.authors = list(model.authors)
        fired.append(("byline.model", model.lines.get("byline", 0)))
    return out, fired
