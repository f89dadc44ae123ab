#!/usr/bin/env python3
"""Convert an examples file of an older shape to the one shape of ``qpextract.examples``.

    python tools/convert_examples.py OLD.yaml [-o NEW.yaml] [--components a,b] [--kind KIND]

Known older shapes (``--kind``, else guessed from the file):

  temporal       {context, positives: [{value, examples: [str | {text, span, ...}]}], negatives: [str]}
  numbers        {positive: [{text, numbers: [...], exact}], negative: [str]}
  events         {cases: [{name, title, text, main, types, not_types, organizer}]}
  normalize      [{input, expected}]
  abbreviations  [{text, records: [[short, expansion]], warnings}]
  metadata       [{text, title, published, authors}]
  officials      [{text, names: [str]} | {text, officials: [{name, positions, honorific, rank, mentions}]}
                 | {text, ranks: [...]}]: every person listed, in any order
  roles          {cases: [{name, title, text, roles: {name: [role, rule?]}}], negatives: [{..., absent, not_roles}]}
  generic        [{text, <Article field>: [...] | value, title?, published?, name?}] (places, segment,
                 metadata and the shape new extractors start with): every Article field listed is
                 expected, in order and nothing else (``exact``, ``ordered``)

The header comment of the old file is kept. The output is checked by loading it back
(``qpextract.examples.load``); run ``pytest tests/test_examples.py`` afterwards.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Optional

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from qpextract.examples import SHAPE, load  # noqa: E402
from qpextract.models import Article  # noqa: E402

ARTICLE_FIELDS = set(Article.model_fields)
CASE_KEYS = {"name", "title", "published", "reference"}
TEMPORAL_FIELDS = ("type", "part_of_day", "first_day", "last_day", "year_inferred", "rule")


def _str(v: Any) -> Any:
    return None if v is None else str(v)


def from_temporal(data: dict[str, Any]) -> tuple[list[str], dict[str, Any], list[dict[str, Any]]]:
    cases = []
    top = data.get("context")
    for group in data.get("positives", []):
        for ex in group["examples"]:
            ex = {"text": ex} if isinstance(ex, str) else dict(ex)
            case = {k: v for k, v in group.items() if k != "examples"}
            case.setdefault("context", top)
            case.update(ex)
            record: dict[str, Any] = {"text": case.get("span", case["text"]), "value": str(case["value"])}
            record.update({f: case[f] for f in TEMPORAL_FIELDS if f in case})
            records = [record] + [{"value": str(o)} for o in case.get("others", [])]
            out: dict[str, Any] = {"text": case["text"]}
            if case.get("context") not in (None, "none"):
                out["reference"] = str(case["context"])
            out["expect"] = {"dates": records}
            cases.append(out)
    for text in data.get("negatives", []):
        cases.append({"text": text, "expect": {"dates": []}})
    return ["temporal"], {"exact": True, "reference": "none"}, cases


def from_numbers(data: dict[str, Any]) -> tuple[Optional[list[str]], dict[str, Any], list[dict[str, Any]]]:
    cases = []
    for case in data.get("positive", []):
        records = []
        for n in case["numbers"]:
            r = {k: v for k, v in n.items() if k != "subject"}
            if "subject" in n:
                r["subject~"] = n["subject"]
            records.append(r)
        out: dict[str, Any] = {"text": case["text"], "expect": {"numbers": records}}
        if case.get("exact"):
            out["exact"] = True
        cases.append(out)
    for text in data.get("negative", []):
        cases.append({"text": text, "expect": {"numbers": []}})
    return None, {}, cases


def from_events(data: dict[str, Any]) -> tuple[Optional[list[str]], dict[str, Any], list[dict[str, Any]]]:
    cases = []
    for c in data["cases"]:
        out: dict[str, Any] = {k: c[k] for k in ("name", "title", "published") if c.get(k) is not None}
        out["text"] = c["text"]
        records: list[dict[str, Any]] = []
        absent: list[dict[str, Any]] = [{"type": t} for t in c.get("not_types", [])]
        if c.get("main") is None:
            absent.append({"main": True})
            if "rule" in c:
                out["name"] = f"{out.get('name', '')} [{c['rule']}]".strip()
        else:
            main: dict[str, Any] = {"type": c["main"], "main": True}
            for key in ("organizer", "rule"):
                if key in c:
                    main[key] = c[key]
            records.append(main)
        records += [{"type": t} for t in c.get("types", []) if t != c.get("main")]
        out["expect"] = {"events": records}
        if not c.get("types"):
            out["exact"] = True
            out["expect"] = {"events": []}
        if absent:
            out["absent"] = {"events": absent}
        cases.append(out)
    return None, {}, cases


def from_normalize(data: list[dict[str, Any]]) -> tuple[list[str], dict[str, Any], list[dict[str, Any]]]:
    cases = []
    for c in data:
        out: dict[str, Any] = {"text": c["input"], "expect": {"text": c["expected"]}}
        if c.get("note"):
            out["name"] = c["note"]
        cases.append(out)
    return [], {}, cases


def from_abbreviations(data: list[dict[str, Any]]) -> tuple[list[str], dict[str, Any], list[dict[str, Any]]]:
    cases = []
    for c in data:
        records = [{"short": s, "expansion": e} for s, e in c["records"]]
        for record, rule in zip(records, c.get("rules", [])):
            record["rule"] = rule
        expect: dict[str, Any] = {"abbreviations": records}
        if "warnings" in c:
            expect["warnings~"] = list(c["warnings"])
        if "expanded" in c:
            expect["expanded_text"] = c["expanded"]
        cases.append({"text": c["text"], "expect": expect})
    return ["abbreviations"], {"exact": True, "ordered": True}, cases


def from_metadata(data: list[dict[str, Any]]) -> tuple[list[str], dict[str, Any], list[dict[str, Any]]]:
    cases = []
    for c in data:
        case: dict[str, Any] = {"text": c["text"], "expect": {k: c[k] for k in ("title", "published", "authors") if k in c}}
        if "rules" in c:
            case["rules"] = {"metadata": list(c["rules"])}
        cases.append(case)
    return ["metadata"], {"exact": True, "ordered": True}, cases


def from_generic(data: Any) -> tuple[Optional[list[str]], dict[str, Any], list[dict[str, Any]]]:
    items = data.get("cases", data) if isinstance(data, dict) else data
    cases = []
    for c in items:
        out: dict[str, Any] = {k: c[k] for k in CASE_KEYS if k in c}
        out["text"] = c["text"]
        expect = {k: v for k, v in c.items() if k in ARTICLE_FIELDS and k != "text"}
        unknown = set(c) - ARTICLE_FIELDS - CASE_KEYS - {"text"}
        if unknown:
            raise SystemExit(f"case {c['text'][:40]!r}: keys {sorted(unknown)} are neither Article fields nor case keys")
        out["expect"] = expect
        cases.append(out)
    return None, {"exact": True, "ordered": True}, cases


def from_officials(data: list[dict[str, Any]]) -> tuple[None, dict[str, Any], list[dict[str, Any]]]:
    """The officials files: ``names`` (a name list), ``officials`` ({name, positions, honorific, rank,
    mentions}) and ``ranks``; every person of the sentence is listed (``exact``), in any order."""
    cases = []
    for c in data:
        expect: dict[str, Any] = {}
        if "names" in c:
            expect["officials"] = list(c["names"])
        if "officials" in c:
            people = []
            for o in c["officials"]:
                person = {k: o[k] for k in ("name", "honorific", "rank", "positions", "mentions") if k in o}
                people.append(person)
            expect["officials"] = people
        if "ranks" in c:
            expect["ranks"] = list(c["ranks"])
        cases.append({"text": c["text"], "expect": expect})
    return None, {"exact": True}, cases


def from_roles(data: dict[str, Any]) -> tuple[None, dict[str, Any], list[dict[str, Any]]]:
    """The event roles file: ``roles`` {name: [role, rule?]} among the main event's participants;
    negatives: ``absent`` names that take no part, ``not_roles`` {name: [roles it must not get]}."""
    cases = []
    for c in data.get("cases", []) + data.get("negatives", []):
        out: dict[str, Any] = {k: c[k] for k in ("name", "title", "published") if c.get(k) is not None}
        out["text"] = c["text"]
        if c.get("roles"):
            wanted = []
            for person, (role, *rule) in c["roles"].items():
                wanted.append({"name": person, "role": role, **({"rule": rule[0]} if rule else {})})
            out["expect"] = {"events": [{"main": True, "participants+": wanted}]}
        absent = [{"main": True, "participants+": [{"name": person}]} for person in c.get("absent", [])]
        for person, roles in c.get("not_roles", {}).items():
            absent += [{"main": True, "participants+": [{"name": person, "role": r}]} for r in roles]
        if absent:
            out["absent"] = {"events": absent}
        cases.append(out)
    return None, {}, cases


def guess(data: Any) -> str:
    if isinstance(data, dict) and "positives" in data:
        return "temporal"
    if isinstance(data, dict) and "positive" in data:
        return "numbers"
    if isinstance(data, dict) and data.get("cases") and "main" in data["cases"][0]:
        return "events"
    if isinstance(data, list) and data and "input" in data[0]:
        return "normalize"
    if isinstance(data, list) and data and "records" in data[0]:
        return "abbreviations"
    if isinstance(data, list) and data and "authors" in data[0]:
        return "metadata"
    return "generic"


CONVERTERS = {
    "temporal": from_temporal,
    "numbers": from_numbers,
    "events": from_events,
    "normalize": from_normalize,
    "abbreviations": from_abbreviations,
    "metadata": from_metadata,
    "officials": from_officials,
    "roles": from_roles,
    "generic": from_generic,
}


def header(text: str) -> list[str]:
    """The comment lines at the top of the old file."""
    out = []
    for line in text.splitlines():
        if line.startswith("#"):
            out.append(line)
        elif line.strip():
            break
    return out


def convert(text: str, kind: Optional[str] = None, components: Optional[list[str]] = None) -> str:
    data = yaml.safe_load(text)
    kind = kind or guess(data)
    comps, defaults, cases = CONVERTERS[kind](data)
    if components is not None:
        comps = components
    doc: dict[str, Any] = {"shape": SHAPE}
    if comps is not None:
        doc["components"] = comps
    if defaults:
        doc["defaults"] = defaults
    doc["cases"] = cases
    body = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=120, default_flow_style=None)
    lines = header(text) + [
        f"# Converted by tools/convert_examples.py (was the {kind} shape); read by qpextract.examples,",
        "# run by tests/test_examples.py. The shape is described in src/qpextract/examples.py.",
    ]
    return "\n".join(lines) + "\n" + body


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("old", type=Path)
    ap.add_argument("-o", "--output", type=Path, help="where to write (default: over OLD)")
    ap.add_argument("--kind", choices=sorted(CONVERTERS))
    ap.add_argument("--components", help="comma-separated component names to run (default: as the shape implies)")
    args = ap.parse_args(argv)
    comps = [c for c in args.components.split(",") if c] if args.components is not None else None
    new = convert(args.old.read_text(encoding="utf-8"), args.kind, comps)
    out = args.output or args.old
    out.write_text(new, encoding="utf-8")
    n = len(load(out).cases)
    print(f"{out}: {n} cases", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
