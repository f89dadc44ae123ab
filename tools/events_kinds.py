"""How the dev readers decided the main event of the kinds the guide leaves open (the fourteenth pass, events15).

    python tools/events_kinds.py [--list]

For each kind (a pattern on the headline and lead: the title and the first LEAD characters of the text), the count of
the gold main types over the development sets, named one by one (``wild.DEV_SETS`` and the web dev sets; never a
held-out file). --list prints every article of every kind. The counts are the evidence of the guide lines of
corpus/gold/ANNOTATION-GUIDE-schema2.md ("Main event: kinds settled by the readers' practice").
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from wild import DEV_SETS, GOLD

WEB = ("/work/webdev3/web3a", "/work/webdev3/web3b", "/work/webdev5/web11c", "/work/webdev5/web11d",
       "/work/webdev7/web12e", "/work/webdev9/web13f", "/work/webdev9/web13g")
LEAD = 500
KINDS = {
    "emulation congress (đại hội thi đua)": r"đại hội thi đua",
    "decision on cadres or a new unit (công bố/trao quyết định)": r"(?:công bố|trao|nhận|trao tặng) (?:các |những )?quyết định",
    "test of training (kiểm tra huấn luyện / kiểm tra kết quả huấn luyện)": r"kiểm tra (?:kết quả )?huấn luyện",
    "meeting that adopts a resolution (ra nghị quyết)": r"ra nghị quyết",
    "defence-and-security knowledge class (bồi dưỡng/giáo dục kiến thức QP-AN)": r"(?:bồi dưỡng|giáo dục|lớp)[^.\n]{0,30}kiến thức (?:quốc phòng|qp)",
    "annual evaluation conference (hội nghị đánh giá kết quả)": r"hội nghị đánh giá",
    "summary that also deploys (tổng kết … triển khai)": r"tổng kết[^.\n]{0,120}triển khai",
}


def sets():
    """(name, gold path, inputs path) of every development set."""
    for n in DEV_SETS:
        yield n, GOLD / f"{n}.jsonl", GOLD / f"{n}-inputs.jsonl"
    for p in WEB:
        if Path(p + ".jsonl").exists():
            yield p.rsplit("/", 1)[-1], Path(p + ".jsonl"), Path(p + "-inputs.jsonl")


def main(show: bool) -> None:
    """Print the count of gold main types per kind."""
    counts = {k: Counter() for k in KINDS}
    rows = {k: [] for k in KINDS}
    for name, gp, ip in sets():
        inputs = {}
        with open(ip, encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                inputs[r["id"]] = r
        with open(gp, encoding="utf-8") as fh:
            for line in fh:
                g = json.loads(line)
                r = inputs.get(g["id"], {})
                head = ((r.get("title") or "") + "\n" + (r.get("text") or "")[:LEAD]).lower()
                main = (g.get("events") or {}).get("main")
                for k, pat in KINDS.items():
                    if re.search(pat, head):
                        counts[k][str(main)] += 1
                        rows[k].append(f"    {name} {g['id']} main={main} types={g['events'].get('types')} | {head[:150]!r}")
    for k, c in counts.items():
        print(f"{k}: {dict(c.most_common())}")
        if show:
            print("\n".join(rows[k]))


if __name__ == "__main__":
    main("--list" in sys.argv)
