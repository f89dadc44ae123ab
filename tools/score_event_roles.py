"""Event role accuracy of qpextract output against gold with `events.participants` (SPEC schema 2).

    python tools/score_event_roles.py GOLD.jsonl SYSTEM.jsonl [-v]

Role accuracy = gold participants of the main event whose name (folded as the gold scorer folds it)
matches a participant of the system's main event with the same role, over all gold participants. Also
prints main-event accuracy counting articles whose gold main is null (score.py skips them).
"""
import json
import sys

from qpextract.evaluate import fold as canon
gold = [json.loads(l) for l in open(sys.argv[1])]
sysd = {}
for l in open(sys.argv[2]):
    d = json.loads(l); sysd[d["id"]] = d
right = total = named = 0
mright = mtotal = 0
verbose = len(sys.argv) > 3
for g in gold:
    ge = g.get("events") or {}
    s = sysd.get(g["id"], {})
    mains = [e for e in s.get("events", []) if e.get("main")]
    mtypes = [e["type"] for e in mains]
    mtotal += 1
    ok = mtypes == ([ge["main"]] if ge.get("main") else [])
    mright += ok
    if verbose and not ok:
        print("  MAIN", g["id"], "gold", ge.get("main"), "sys", [(e["type"], e["trigger"], e.get("rule")) for e in mains], "|", (s.get("title") or "")[:80])
    if "participants" not in ge:
        continue
    sp = {}
    for e in mains:
        for p in e.get("participants", []):
            sp.setdefault(canon(p["name"]), set()).add(p["role"])
    for p in ge["participants"]:
        total += 1
        roles = sp.get(canon(p["name"]))
        named += roles is not None
        hit = roles is not None and p["role"] in roles
        right += hit
        if verbose and not hit:
            print("  ROLE", g["id"], p["name"], "gold", p["role"], "sys", roles)
print(f"main-incl-null {mright}/{mtotal}={mright/max(mtotal,1):.3f}  roles {right}/{total}={right/max(total,1):.3f} (name found {named})")
