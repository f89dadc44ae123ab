"""Score extraction output against gold annotations (the rules of shared/gold/README.md).

Strings are compared folded (case, spacing, dash style, tone-mark placement).
Each part of the record has its own rule: P/R/F1 over sets for officials,
ranks, dates, numbers, event types, abbreviations and authors; accuracy for
per-item attributes, the main event, title and published. The figures are the
same as the reference scorer's, so either can gate a change.
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import regex

_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_DASHES = dict.fromkeys(map(ord, "\u2013\u2014\u2012\u2212\u00ad"), "-")
_AROUND_DASH = regex.compile(r"\s*-\s*")
_SEPARATORS = regex.compile(r"[\s,;:.]+")
_WORD_SPLIT = regex.compile(r"(\s|-|/)")

Json = dict[str, Any]


def fold(s: Optional[str]) -> str:
    """Case-, spacing-, dash- and tone-placement-insensitive form ("Uỷ" == "Ủy")."""
    if s is None:
        return ""
    s = unicodedata.normalize("NFD", s.translate(_DASHES)).casefold()
    s = _AROUND_DASH.sub("-", s)
    s = _SEPARATORS.sub(" ", s).strip()
    pieces = []
    for piece in _WORD_SPLIT.split(s):
        marks = "".join(c for c in piece if c in _TONES)
        pieces.append(unicodedata.normalize("NFC", "".join(c for c in piece if c not in _TONES)) + marks)
    return "".join(pieces)


def _words(s: str) -> set[str]:
    return set(fold(s).replace("-", " ").split())


def _number_key(value: Any, unit: Any) -> Optional[tuple[float, str]]:
    try:
        return round(float(value), 3), str(unit)
    except (TypeError, ValueError):
        return None


def _listed(v: Any) -> list[Any]:
    return v if isinstance(v, list) else [v]


@dataclass
class Scores:
    """Counts (tp, fp, fn) and accuracies (right, total) by part, plus readable problems."""

    counts: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    accuracy: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    problems: list[str] = field(default_factory=list)

    def add(self, part: str, tp: int, fp: int, fn: int) -> None:
        c = self.counts[part]
        c[0], c[1], c[2] = c[0] + tp, c[1] + fp, c[2] + fn

    def judge(self, part: str, ok: bool) -> None:
        a = self.accuracy[part]
        a[0], a[1] = a[0] + bool(ok), a[1] + 1

    def report(self) -> dict[str, dict[str, float]]:
        out: dict[str, dict[str, float]] = {}
        for part, (tp, fp, fn) in sorted(self.counts.items()):
            p = tp / (tp + fp) if tp + fp else 1.0
            r = tp / (tp + fn) if tp + fn else 1.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            out[part] = {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}
        for part, (right, total) in sorted(self.accuracy.items()):
            out[part] = {"acc": round(right / total, 4) if total else 1.0, "right": right, "total": total}
        return out


def score_officials(sc: Scores, gold: Json, out: Json, aid: str) -> None:
    g = {fold(o["name"]): o for o in gold.get("officials", [])}
    s = {fold(o.get("name")): o for o in out.get("officials") or []}
    sc.add("officials", len(g.keys() & s.keys()), len(s.keys() - g.keys()), len(g.keys() - s.keys()))
    sc.problems += [f"{aid}: missed official {g[k]['name']}" for k in sorted(g.keys() - s.keys())]
    sc.problems += [f"{aid}: extra official {s[k].get('name')}" for k in sorted(s.keys() - g.keys())]
    for k in g.keys() & s.keys():
        go, so = g[k], s[k]
        sc.judge("official.rank", fold(go.get("rank")) == fold(so.get("rank")))
        sc.judge("official.honorific", fold(go.get("honorific")) == fold(so.get("honorific")))
        gp = {fold(p) for p in go.get("positions", [])}
        sp = {fold(p.get("text") if isinstance(p, dict) else p) for p in so.get("positions") or []}
        sc.add("positions", len(gp & sp), len(sp - gp), len(gp - sp))
        sc.problems += [f"{aid}: {go['name']}: missed position '{p}'" for p in sorted(gp - sp)]
        sc.problems += [f"{aid}: {go['name']}: extra position '{p}'" for p in sorted(sp - gp)]


def score_ranks(sc: Scores, gold: Json, out: Json, aid: str) -> None:
    g = {(fold(r["rank"]), fold(r.get("holder"))) for r in gold.get("ranks", [])}
    s = {(fold(r.get("rank")), fold(r.get("holder"))) for r in out.get("ranks") or []}
    sc.add("ranks", len(g & s), len(s - g), len(g - s))


def _date_matches(value: str, accepted: set[str]) -> bool:
    if value in accepted:
        return True
    # a gold value with an unknown year accepts any written year
    return any(a.startswith("XXXX") and regex.fullmatch(r"\d{4}" + regex.escape(a[4:]), value) for a in accepted)


def score_dates(sc: Scores, gold: Json, out: Json, aid: str) -> None:
    required: list[set[str]] = []
    optional: set[str] = set()
    for d in gold.get("dates", []):
        values = {str(v) for v in _listed(d["value"])}
        if d.get("optional"):
            optional |= values
        else:
            required.append(values)
    found = {str(d.get("value")) for d in out.get("dates") or [] if d.get("value")}
    matched: set[str] = set()
    tp = fn = 0
    for accepted in required:
        hit = {v for v in found if _date_matches(v, accepted)}
        if hit:
            tp += 1
            matched |= hit
        else:
            fn += 1
            sc.problems.append(f"{aid}: missed date {sorted(accepted)}")
    extra = found - matched - optional
    sc.problems += [f"{aid}: extra date {v}" for v in sorted(extra)]
    sc.add("dates", tp, len(extra), fn)


def score_numbers(sc: Scores, gold: Json, out: Json, aid: str) -> None:
    g: dict[Any, Json] = {}
    for n in gold.get("numbers", []):
        g.setdefault(_number_key(n["value"], n["unit"]), n)
    s: dict[Any, Json] = {}
    for n in out.get("numbers") or []:
        key = _number_key(n.get("value"), n.get("unit"))
        if key:
            s.setdefault(key, n)
    sc.add("numbers", len(g.keys() & s.keys()), len(s.keys() - g.keys()), len(g.keys() - s.keys()))
    sc.problems += [f"{aid}: missed number {k}" for k in sorted(g.keys() - s.keys())]
    sc.problems += [f"{aid}: extra number {k} '{s[k].get('text')}'" for k in sorted(s.keys() - g.keys())]
    for k in g.keys() & s.keys():
        gn, sn = g[k], s[k]
        gw, sw = _words(gn.get("subject") or ""), _words(sn.get("subject") or "")
        sc.judge("number.subject", bool(gw) and len(gw & sw) / len(gw) >= 0.5)
        if "qualifier" in gn:
            sc.judge("number.qualifier", gn["qualifier"] == sn.get("qualifier"))
        if "total" in gn:
            sc.judge("number.total", _number_key(gn["total"], "") == _number_key(sn.get("total"), ""))
        if "change" in gn:
            change = sn.get("change") or {}
            sc.judge(
                "number.change",
                _number_key(gn["change"]["value"], "") == _number_key(change.get("value"), "")
                and gn["change"]["direction"] == change.get("direction"),
            )


def score_events(sc: Scores, gold: Json, out: Json, aid: str) -> None:
    ge = gold.get("events") or {}
    events = out.get("events") or []
    mains = [e.get("type") for e in events if e.get("main")]
    if ge.get("main"):
        ok = mains == [ge["main"]]
        sc.judge("event.main", ok)
        if not ok:
            sc.problems.append(f"{aid}: main event {mains} != {ge['main']}")
    g = set(ge.get("types", []))
    s = {e.get("type") for e in events} - set(ge.get("optional_types", []))
    sc.add("event.types", len(g & s), len(s - g), len(g - s))


def score_abbreviations(sc: Scores, gold: Json, out: Json, aid: str) -> None:
    g = {fold(k): fold(v) for k, v in (gold.get("abbreviations") or {}).items()}
    s: dict[str, str] = {}
    for a in out.get("abbreviations") or []:
        s.setdefault(fold(a.get("short")), fold(a.get("expansion")))
    tp = sum(1 for k, v in g.items() if s.get(k) == v)
    sc.add("abbreviations", tp, sum(1 for k, v in s.items() if g.get(k) != v), len(g) - tp)


def score_metadata(sc: Scores, gold: Json, out: Json, aid: str) -> None:
    if "title" in gold:
        sc.judge("title", fold(gold["title"]) == fold(out.get("title")))
    if "published" in gold:
        sc.judge("published", (gold["published"] or "") == (out.get("published") or ""))
    g = {fold(a) for a in gold.get("authors", [])}
    s = {fold(a) for a in out.get("authors") or []}
    sc.add("authors", len(g & s), len(s - g), len(g - s))


_SPANNED = ("abbreviations", "dates", "ranks", "numbers", "locations", "organizations")


def score_offsets(sc: Scores, out: Json, original: str, aid: str) -> None:
    def in_bounds(r: Mapping[str, Any]) -> bool:
        st, en = r.get("start"), r.get("end")
        return isinstance(st, int) and isinstance(en, int) and 0 <= st < en <= len(original)

    bad = total = 0
    for part in _SPANNED:
        for r in out.get(part) or []:
            total += 1
            if not in_bounds(r) or (part != "abbreviations" and fold(original[r["start"] : r["end"]]) != fold(r.get("text"))):
                bad += 1
    for o in out.get("officials") or []:
        for m in o.get("mentions") or []:
            total += 1
            bad += not in_bounds(m)
    sc.judge("offsets", bad == 0)
    sc.add("offset.records", total - bad, bad, 0)
    if bad:
        sc.problems.append(f"{aid}: {bad}/{total} records with spans that do not point at their text")


PARTS = (score_officials, score_ranks, score_dates, score_numbers, score_events, score_abbreviations, score_metadata)


def evaluate(
    gold: Iterable[Json], output: Iterable[Json], originals: Optional[Mapping[str, str]] = None
) -> Scores:
    """Score ``output`` lines against ``gold`` lines (both SPEC-shaped dicts, keyed by id)."""
    by_id: dict[str, Json] = {}
    for line in output:
        by_id.setdefault(str(line.get("id")), line)
    sc = Scores()
    for g in gold:
        aid = g["id"]
        out = by_id.get(aid)
        if out is None or "error" in out:
            sc.problems.append(f"{aid}: no article output ({(out or {}).get('error')})")
            out = {}
        for part in PARTS:
            part(sc, g, out, aid)
        if originals is not None and aid in originals:
            score_offsets(sc, out, originals[aid], aid)
    return sc


def read_jsonl(path: str | Path) -> list[Json]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def format_report(sc: Scores, problems: int = 40) -> str:
    """The report as text: problem lines first, then one line per figure."""
    lines = ["  " + p for p in sc.problems[:problems]]
    if len(sc.problems) > problems:
        lines.append(f"  (+{len(sc.problems) - problems} more problems)")
    for part, v in sc.report().items():
        if "f1" in v:
            lines.append(
                f"{part:22s} P {v['p']:.3f}  R {v['r']:.3f}  F1 {v['f1']:.3f}   "
                f"(tp {v['tp']} fp {v['fp']} fn {v['fn']})"
            )
        else:
            lines.append(f"{part:22s} acc {v['acc']:.3f}   ({v['right']}/{v['total']})")
    return "\n".join(lines)
