"""Event role accuracy of qpextract output against gold with `events.participants` (SPEC schema 2).

    python tools/score_event_roles.py GOLD.jsonl SYSTEM.jsonl [-v] [--context] [--matrix]

Role accuracy = gold participants of the main event whose name (folded as the gold scorer folds it)
matches a participant of the system's main event with the same role, over all gold participants. Also
prints main-event accuracy counting articles whose gold main is null (score.py skips them). With
``--matrix`` it prints the confusion matrix gold role x system role of the first main event (as
``evaluate`` reads it; "-" is no participant: a miss in its row, an extra in its column), and with
``-v`` every miss, extra and wrong role with the rule the system gave; with ``--context`` also the sentences of the
system's text that name the person (by the official's mentions, else by the name's last word), to sort the problems by
kind.
"""
import json
import re
import sys
from collections import Counter
from typing import Any

from qpextract.evaluate import fold as canon

ROLES = ["chair", "attendee", "speaker", "reporter", "recipient", "other", "-"]


def sentences_naming(article: dict[str, Any], name: str, limit: int = 3) -> list[str]:
    """The sentences of a system article that name the person: his official's mentions, else the name's last word."""
    text = article.get("text") or ""
    starts = [m["start"] for o in article.get("officials", []) if canon(o["name"]) == canon(name) for m in o["mentions"]]
    if not starts and name.split():
        starts = [m.start() for m in re.finditer(re.escape(name.split()[-1]), text)]
    out = []
    for s in article.get("sentences", []):
        if any(s["start"] <= x < s["end"] for x in starts):
            out.append(" ".join(text[s["start"] : s["end"]].split())[:300])
    return out[:limit]


def main(argv: list[str]) -> None:
    """Score one gold file against one output file; print the figures (and the matrix, the problems)."""
    gold = [json.loads(line) for line in open(argv[1])]
    sysd = {}
    for line in open(argv[2]):
        d = json.loads(line)
        sysd[d["id"]] = d
    verbose, matrix, context = "-v" in argv or "--context" in argv, "--matrix" in argv, "--context" in argv
    right = total = named = mright = mtotal = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for g in gold:
        ge = g.get("events") or {}
        s = sysd.get(g["id"], {})
        mains = [e for e in s.get("events", []) if e.get("main")]
        mtotal += 1
        ok = [e["type"] for e in mains] == ([ge["main"]] if ge.get("main") else [])
        mright += ok
        if verbose and not ok:
            print("  MAIN", g["id"], "gold", ge.get("main"), "sys",
                  [(e["type"], e["trigger"], e.get("rule")) for e in mains], "|", (s.get("title") or "")[:80])
        if "participants" not in ge:
            continue
        sp: dict[str, set[str]] = {}
        for e in mains:
            for p in e.get("participants", []):
                sp.setdefault(canon(p["name"]), set()).add(p["role"])
        first = {canon(p["name"]): p for p in (mains[0].get("participants", []) if mains else [])}
        gnames = set()
        for p in ge["participants"]:
            total += 1
            key = canon(p["name"])
            gnames.add(key)
            roles = sp.get(key)
            named += roles is not None
            hit = roles is not None and p["role"] in roles
            right += hit
            sysp = first.get(key)
            confusion[(p["role"], sysp["role"] if sysp else "-")] += 1
            if verbose and not hit:
                print("  ROLE", g["id"], p["name"], "gold", p["role"], "sys", roles, sysp and sysp.get("rule"))
                for line in sentences_naming(s, p["name"]) if context else []:
                    print("      >", line)
        for key, p in first.items():
            if key not in gnames:
                confusion[("-", p["role"])] += 1
                if verbose:
                    print("  EXTRA", g["id"], p["name"], "sys", p["role"], p.get("rule"))
                    for line in sentences_naming(s, p["name"]) if context else []:
                        print("      >", line)
    print(f"main-incl-null {mright}/{mtotal}={mright/max(mtotal,1):.3f}  "
          f"roles {right}/{total}={right/max(total,1):.3f} (name found {named})")
    if matrix:
        print("gold \\ sys " + "".join(f"{r[:9]:>10}" for r in ROLES))
        for gr in ROLES:
            print(f"{gr:<10} " + "".join(f"{confusion[(gr, sr)] or '.':>10}" for sr in ROLES))


if __name__ == "__main__":
    main(sys.argv)
