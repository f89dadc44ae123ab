"""Score extraction output against gold annotations (the rules of shared/gold/README.md).

Strings are compared folded (case, spacing, dash style, tone-mark placement).
Each part of the record has its own rule: P/R/F1 over sets for officials,
ranks, dates, numbers, event types, abbreviations and authors; accuracy for
per-item attributes, the main event, title and published. The figures are the
same as the reference scorer's (shared/gold/score.py), so either can gate a change.
Schema-2 gold fields (main-event participants, documents, decorations) are
scored too when a gold line has them (corpus/gold/README.md); the reference
scorer does not know them yet. Problem lines quote the text as written, never
the folded keys used to compare.
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
_DASHES.update(dict.fromkeys(map(ord, "\u201c\u201d\u201e\u00ab\u00bb"), '"'))  # quotes fold like dashes
_DASHES.update(dict.fromkeys(map(ord, "\u2018\u2019"), "'"))
_DASHES.update({0x00D0: "\u0110", 0x00F0: "\u0111"})  # Ð/ð printed for Đ/đ
_AROUND_DASH = regex.compile(r"\s*-\s*")
_SEPARATORS = regex.compile(r"[\s,;:.]+")
_WORD_SPLIT = regex.compile(r"(\s|-|/)")

Json = dict[str, Any]


def fold(s: Optional[str]) -> str:
    """Case-, spacing-, dash-, quote- and tone-placement-insensitive form ("Uỷ" == "Ủy")."""
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
        gp = {fold(p): p for p in go.get("positions", [])}
        sp = {fold(t): t for t in (p.get("text") if isinstance(p, dict) else p for p in so.get("positions") or [])}
        sc.add("positions", len(gp.keys() & sp.keys()), len(sp.keys() - gp.keys()), len(gp.keys() - sp.keys()))
        sc.problems += [f"{aid}: {go['name']}: missed position '{gp[k]}'" for k in sorted(gp.keys() - sp.keys())]
        sc.problems += [f"{aid}: {go['name']}: extra position '{sp[k]}'" for k in sorted(sp.keys() - gp.keys())]


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
        if a.get("expansion"):  # a null expansion says "unknown": neither right nor wrong
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
            if r.get("field") == "title":
                continue  # a record of the input's separate title: its span points into the title
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


def score_participants(sc: Scores, gold: Json, out: Json, aid: str) -> None:
    """Schema 2: names of the main event's participants (P/R/F1), and the role of each one found (accuracy)."""
    ge = gold.get("events") if isinstance(gold.get("events"), dict) else {}
    if "participants" not in ge:
        return
    g = {fold(p["name"]): p for p in ge["participants"] or []}
    main = next((e for e in out.get("events") or [] if e.get("main")), {})
    s = {fold(p.get("name")): p for p in main.get("participants") or [] if isinstance(p, dict)}
    sc.add("participants", len(g.keys() & s.keys()), len(s.keys() - g.keys()), len(g.keys() - s.keys()))
    sc.problems += [f"{aid}: missed participant {g[k]['name']}" for k in sorted(g.keys() - s.keys())]
    sc.problems += [f"{aid}: extra participant {s[k].get('name')}" for k in sorted(s.keys() - g.keys())]
    for k in sorted(g.keys() & s.keys()):
        ok = g[k].get("role") == s[k].get("role")
        sc.judge("participant.role", ok)
        if not ok:
            sc.problems.append(f"{aid}: {g[k]['name']}: role {s[k].get('role')} != {g[k].get('role')}")


def _document_keys(d: Mapping[str, Any]) -> set[tuple[str, str]]:
    keys = set()
    if d.get("number"):
        keys.add((str(d.get("kind")), "number " + fold(d["number"])))
    if d.get("title"):
        keys.add((str(d.get("kind")), "title " + fold(d["title"])))
    return keys


def _gold_document_key(d: Mapping[str, Any]) -> tuple[str, str]:
    """By number when the gold has one, else by title."""
    return (str(d.get("kind")), "number " + fold(d["number"]) if d.get("number") else "title " + fold(d.get("title")))


def _document_label(d: Mapping[str, Any]) -> str:
    return " ".join(str(x) for x in (d.get("kind"), d.get("number") or d.get("title") or d.get("text")) if x)


def score_documents(sc: Scores, gold: Json, out: Json, aid: str) -> None:
    """Schema 2: cited documents matched on (kind, number), or (kind, title) when the gold has no number."""
    if "documents" not in gold:
        return
    g = {_gold_document_key(d): d for d in gold["documents"] or []}
    system = [d for d in out.get("documents") or [] if isinstance(d, dict)]
    matched: set[tuple[str, str]] = set()
    extra = []
    for d in system:
        hit = (_document_keys(d) & g.keys()) - matched
        if hit:
            matched.add(min(hit))
        elif not _document_keys(d) & matched:
            extra.append(d)
    sc.add("documents", len(matched), len(extra), len(g) - len(matched))
    sc.problems += [f"{aid}: missed document {_document_label(g[k])}" for k in sorted(g.keys() - matched)]
    sc.problems += [f"{aid}: extra document {_document_label(d)}" for d in extra]


def score_decorations(sc: Scores, gold: Json, out: Json, aid: str) -> None:
    """Schema 2: decorations matched on (kind, name)."""
    if "decorations" not in gold:
        return
    g = {(str(d.get("kind")), fold(d.get("name"))): d for d in gold["decorations"] or []}
    s = {(str(d.get("kind")), fold(d.get("name"))): d for d in out.get("decorations") or [] if isinstance(d, dict)}
    sc.add("decorations", len(g.keys() & s.keys()), len(s.keys() - g.keys()), len(g.keys() - s.keys()))
    sc.problems += [f"{aid}: missed decoration {g[k].get('kind')} {g[k].get('name')}" for k in sorted(g.keys() - s.keys())]
    sc.problems += [f"{aid}: extra decoration {s[k].get('kind')} {s[k].get('name')}" for k in sorted(s.keys() - g.keys())]


PARTS = (score_officials, score_ranks, score_dates, score_numbers, score_events, score_abbreviations, score_metadata,
         score_participants, score_documents, score_decorations)
#: parts the reference scorer (shared/gold/score.py) does not have
SCHEMA2_PARTS = ("participants", "participant.role", "documents", "decorations")


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


class EvaluationInputError(Exception):
    """A file ``evaluate`` cannot use (missing, not JSON Lines, gold and output swapped)."""


def read_lines(path: str | Path, role: str) -> list[Json]:
    """The JSON objects of ``path``; raises :class:`EvaluationInputError` with the file and line."""
    try:
        with open(path, encoding="utf-8") as f:
            lines = []
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise EvaluationInputError(f"{role} {path}, line {n}: not JSON ({exc.msg})") from None
                if not isinstance(obj, dict) or "id" not in obj:
                    raise EvaluationInputError(f"{role} {path}, line {n}: not an object with an id")
                lines.append(obj)
            return lines
    except FileNotFoundError:
        raise EvaluationInputError(f"no such {role} file: {path}") from None
    except IsADirectoryError:
        raise EvaluationInputError(f"the {role} {path} is a folder, not a JSONL file") from None
    except UnicodeDecodeError:
        raise EvaluationInputError(f"the {role} file {path} is not UTF-8 text") from None


def check_roles(gold: list[Json], output: list[Json]) -> None:
    """Refuse gold and output given the wrong way round (output lines carry ``schema_version``, gold lines do not)."""
    gold_like_output = sum("schema_version" in g for g in gold)
    output_like_gold = sum("schema_version" not in o for o in output)
    if gold and gold_like_output == len(gold):
        swapped = " (they look swapped: GOLD first, then OUTPUT)" if output and output_like_gold == len(output) else ""
        raise EvaluationInputError(f"the gold file holds qpextract output lines{swapped}")
    if output and output_like_gold == len(output):
        raise EvaluationInputError("the output file holds no qpextract output lines (no schema_version); "
                                   "give GOLD first, then OUTPUT")


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
