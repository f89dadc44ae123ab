#!/usr/bin/env python3
"""Diff two qpextract JSONL outputs record by record.

    python bench/diff_outputs.py before.jsonl after.jsonl [--examples N] [--ignore FIELD ...]

Lines are matched by ``id``. For every Article field the script counts the
articles where it differs; for record lists it also counts records only in
``before`` (removed) and only in ``after`` (added), a record being its JSON
(keys sorted). ``--ignore`` leaves out fields that one side does not have
(e.g. fields a schema added). Articles of the frozen held-out gold
(corpus/gold/heldout*-inputs.jsonl) are left out unless ``--include-heldout``:
a developer reading a corpus diff must not tune on them. Exit status 0 when
nothing differs, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any


def load(path: Path) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                obj = json.loads(line)
                out[str(obj["id"])] = obj
    return out


def heldout_ids() -> set[str]:
    """Ids of the frozen held-out gold sets (only the ids are read)."""
    gold = Path(__file__).resolve().parents[1] / "corpus" / "gold"
    return {json.loads(line)["id"] for f in gold.glob("heldout*-inputs.jsonl") for line in f.open(encoding="utf-8") if line.strip()}


def key(record: Any) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


def diff(before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]], ignore: set[str], examples: int) -> int:
    """Print the summary; return the number of articles that differ."""
    fields: Counter[str] = Counter()
    removed: Counter[str] = Counter()
    added: Counter[str] = Counter()
    shown: Counter[str] = Counter()
    differing = 0
    only = sorted(set(before) ^ set(after))
    for aid in sorted(set(before) & set(after)):
        a, b = before[aid], after[aid]
        changed = False
        for name in sorted((set(a) | set(b)) - ignore):
            va, vb = a.get(name), b.get(name)
            if va == vb:
                continue
            changed = True
            fields[name] += 1
            if isinstance(va, list) and isinstance(vb, list):
                ka, kb = Counter(map(key, va)), Counter(map(key, vb))
                gone, new = ka - kb, kb - ka
                removed[name] += sum(gone.values())
                added[name] += sum(new.values())
                if shown[name] < examples:
                    shown[name] += 1
                    print(f"--- {aid} {name}")
                    for r in gone:
                        print(f"  - {r[:300]}")
                    for r in new:
                        print(f"  + {r[:300]}")
            elif shown[name] < examples:
                shown[name] += 1
                print(f"--- {aid} {name}: {str(va)[:150]!r} -> {str(vb)[:150]!r}")
        differing += changed
    print()
    print(f"articles: {len(before)} before, {len(after)} after, {len(only)} only on one side, {differing} differ")
    for name, n in fields.most_common():
        extra = f" (records: -{removed[name]} +{added[name]})" if name in removed or name in added else ""
        print(f"  {name:16s} {n:5d} articles{extra}")
    return differing + len(only)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    ap.add_argument("--examples", type=int, default=3, help="examples printed per field (default 3)")
    ap.add_argument("--ignore", nargs="*", default=[], help="fields left out of the comparison")
    ap.add_argument("--include-heldout", action="store_true", help="also diff the held-out gold articles")
    args = ap.parse_args(argv)
    before, after = load(args.before), load(args.after)
    if not args.include_heldout:
        hidden = heldout_ids()
        before = {k: v for k, v in before.items() if k not in hidden}
        after = {k: v for k, v in after.items() if k not in hidden}
    return 1 if diff(before, after, set(args.ignore), args.examples) else 0


if __name__ == "__main__":
    sys.exit(main())
