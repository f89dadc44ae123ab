"""Each role rule's hits on the development sets against the gold role: the table rule x gold role, and every hit.

    python tools/role_rules_table.py [SET ...] [--rows OUT.tsv] [--rule NAME]

SET is a development gold name under corpus/gold (real, dev2 … dev10) or a path prefix /dir/NAME (NAME.jsonl and
NAME-inputs.jsonl beside it). Default: ``SETS``, every development set with participants, named one by one (never a
held-out set: a name starting with "heldout" is refused). For every participant of each article's main event the
library gives, its rule and role are set beside the gold role of the participant of the same folded name ("-" when
gold has no such participant; as the scorer, participant.role is counted over matched names). --rows writes every hit
(set, id, name, rule, role, gold role); --rule prints the sentences that name each hit of one rule.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import qpextract
from qpextract.evaluate import fold

sys.path.insert(0, str(Path(__file__).resolve().parent))
from roles_conventions import gold_articles, paths  # noqa: E402  (one reader of a set's files, closed to held-out sets)

ROOT = Path(__file__).resolve().parent.parent
SETS = ["real", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10",
        "/work/webdev3/web3a", "/work/webdev3/web3b", "/work/webdev5/web11c", "/work/webdev5/web11d",
        "/work/webdev7/web12e", "/work/webdev9/web13f", "/work/webdev9/web13g"]
ROLES = ["chair", "attendee", "speaker", "reporter", "recipient", "other", "-"]


def hits(sets: list[str]):
    """(set, article, doc, participant, gold role) for every participant of every main event the library gives."""
    for label, art, gold in gold_articles(sets):
        ge = gold.get("events") or {}
        if "participants" not in ge:
            continue
        g = {fold(p["name"]): p["role"] for p in ge.get("participants") or []}
        mains = [e for e in art.events if e.main]
        for p in mains[0].participants if mains else []:
            yield label, art, p, g.get(fold(p.name), "-")


def main(argv: list[str]) -> None:
    """Print the table (and the rows or one rule's sentences)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*")
    ap.add_argument("--rows", type=Path)
    ap.add_argument("--rule")
    args = ap.parse_args(argv)
    table: dict[str, Counter[str]] = defaultdict(Counter)
    rows = []
    for label, art, p, grole in hits(args.sets or SETS):
        rule = p.rule or ""
        table[rule][grole] += 1
        rows.append((label, art.id, p.name, rule, p.role, grole))
        if args.rule and rule == args.rule:
            off = [m.start for o in art.officials if fold(o.name) == fold(p.name) for m in o.mentions]
            sents = [art.text[s.start:s.end] for s in art.sentences if any(s.start <= x < s.end for x in off)]
            print(f"\n=== {label} {art.id} | {p.name}: {p.role}, gold {grole}\n# {art.title}")
            for t in sents[:4]:
                print("  - " + " ".join(t.split())[:500])
    if args.rows:
        with open(args.rows, "w", encoding="utf-8") as fh:
            fh.write("set\tid\tname\trule\trole\tgold\n")
            for r in rows:
                fh.write("\t".join(r) + "\n")
    print(f"{'rule':<44}{'right':>6}{'matched':>8}  " + " ".join(f"{r:>9}" for r in ROLES))
    for rule, c in sorted(table.items(), key=lambda kv: -sum(kv[1].values())):
        role = next(r for r in rows if r[3] == rule)[4]
        matched = sum(v for k, v in c.items() if k != "-")
        print(f"{rule:<44}{c[role]:>6}{matched:>8}  " + " ".join(f"{c[r]:>9}" for r in ROLES))


if __name__ == "__main__":
    main(sys.argv[1:])
