"""Score people and their ranks on the wild recall check (corpus/audit/people_recall_wild.tsv).

    qpextract extract corpus/audit/wild-inputs.jsonl -o /tmp/wild.jsonl
    python tools/score_wild.py /tmp/wild.jsonl [--half tune|untouched] [-v]

Names are compared folded (qpextract.evaluate.fold). A listed person whose note
starts with "optional" counts neither way. An output person not in the list is a
false positive (the list was made by reading every article before the extractors
ran on it). Ranks: the (name, rank) pairs of people that hold one. ``-v`` prints
the misses and the extras.
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

from qpextract.evaluate import fold

LIST = Path(__file__).resolve().parents[1] / "corpus" / "audit" / "people_recall_wild.tsv"
INPUTS = LIST.with_name("wild-inputs.jsonl")


def prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"F1 {f:.3f} (P {p:.3f}, R {r:.3f}; tp {tp}, fp {fp}, fn {fn})"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("output", type=Path)
    ap.add_argument("--half", choices=["tune", "untouched"])
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    halves = {json.loads(x)["id"]: json.loads(x)["half"] for x in INPUTS.open(encoding="utf-8")}
    ids = {i for i, h in halves.items() if a.half in (None, h)}
    want: dict[str, dict[str, tuple[str, bool]]] = {i: {} for i in ids}
    with LIST.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["id"] in ids:
                want[row["id"]][fold(row["name"])] = (row["rank"] or "", row["note"].startswith("optional"))
    got: dict[str, dict[str, str]] = {}
    for line in a.output.open(encoding="utf-8"):
        art = json.loads(line)
        if art["id"] in ids:
            got[art["id"]] = {fold(o["name"]): o.get("rank") or "" for o in art["officials"]}
    n = [0, 0, 0]
    r = [0, 0, 0]
    for i in sorted(ids):
        w, g = want[i], got.get(i, {})
        for name, (rank, optional) in w.items():
            if name in g:
                if not optional:
                    n[0] += 1
            elif not optional:
                n[2] += 1
                if a.v:
                    print(f"MISS {i} {name} {rank}")
            if rank and not optional:
                if g.get(name) == rank:
                    r[0] += 1
                else:
                    r[2] += 1
                    if a.v and name in g:
                        print(f"RANK-MISS {i} {name} want {rank!r} got {g.get(name)!r}")
        for name, rank in g.items():
            if name not in w:
                n[1] += 1
                if a.v:
                    print(f"EXTRA {i} {name} {rank}")
            if rank and (name not in w or w[name][0] != rank) and not (name in w and w[name][1]):
                r[1] += 1
                if a.v and name in w:
                    print(f"RANK-EXTRA {i} {name} got {rank!r} want {w[name][0]!r}")
    print(f"wild {a.half or 'all'} ({len(ids)} articles) people {prf(*n)}")
    print(f"wild {a.half or 'all'} ({len(ids)} articles) ranks  {prf(*r)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
