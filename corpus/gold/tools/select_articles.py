"""Draw the articles of gold set 2 (schema 2) from ../shared/corpus-real, with a fixed seed.

    python corpus/gold/tools/select_articles.py ../shared/corpus-real/articles.jsonl

Every qdnd and ViMs article not yet in gold (the two small sources, so that all
four sources of the corpus are present), split between the two sets; the rest
half local-defence news (a strict local-defence term in title or text), half
the general military news an archive also holds; 500-4,000 characters (so a
reader can annotate every record); none already in corpus/gold. Writes
heldout2-inputs.jsonl (50, frozen, never tuned on) and dev2-inputs.jsonl (66).

    python corpus/gold/tools/select_articles.py CORPUS --extra dev3 --count 50

draws a further development set the same way (half local-defence, half general
news, none already in gold) with its own seed, leaving the sets above alone.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

GOLD = Path(__file__).resolve().parents[1]
LOCAL = re.compile(
    r"DQTV|CHQS|giao quân|khu vực phòng thủ|LLVT|dân quân tự vệ|(?:ban|bộ) chỉ huy quân sự|quân sự địa phương|quốc phòng địa phương",
    re.I,
)


def main(corpus: str) -> None:
    used = {json.loads(line)["id"] for f in GOLD.glob("*-inputs.jsonl") for line in f.open(encoding="utf-8")}
    small, local, general = [], [], []
    for line in open(corpus, encoding="utf-8"):
        r = json.loads(line)
        row = {"id": r["id"], "title": r["title"], "text": r["text"]}
        if r["id"] in used:
            continue
        if r["id"].startswith(("qdnd-", "vims-")) and len(r["text"]) <= 8000:
            small.append(row)
        elif 500 <= len(r["text"]) <= 4000:
            (local if LOCAL.search(r["title"] + " " + r["text"]) else general).append(row)
    rng = random.Random(20261130)
    for pool in (small, local, general):
        rng.shuffle(pool)
    half = len(small) // 2
    heldout = small[:half] + local[: 25 - half] + general[:25]
    dev = small[half:] + local[25 - half : 58 - half] + general[25:58 - (len(small) - half)]
    for name, rows in (("heldout2-inputs.jsonl", heldout), ("dev2-inputs.jsonl", dev)):
        with open(GOLD / name, "w", encoding="utf-8") as f:
            for r in sorted(rows, key=lambda r: r["id"]):
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(name, len(rows))


def extra(corpus: str, name: str, count: int) -> None:
    """Write NAME-inputs.jsonl: COUNT articles not yet in gold, half local-defence, half general."""
    used = {json.loads(line)["id"] for f in GOLD.glob("*-inputs.jsonl") for line in f.open(encoding="utf-8")}
    local, general = [], []
    for line in open(corpus, encoding="utf-8"):
        r = json.loads(line)
        if r["id"] in used or not 500 <= len(r["text"]) <= 4000:
            continue
        row = {"id": r["id"], "title": r["title"], "text": r["text"]}
        (local if LOCAL.search(r["title"] + " " + r["text"]) else general).append(row)
    rng = random.Random(f"{name}-20261130")
    rng.shuffle(local)
    rng.shuffle(general)
    rows = local[: count // 2] + general[: count - count // 2]
    with open(GOLD / f"{name}-inputs.jsonl", "w", encoding="utf-8") as f:
        for r in sorted(rows, key=lambda r: r["id"]):
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{name}-inputs.jsonl", len(rows))


if __name__ == "__main__":
    if "--extra" in sys.argv:
        extra(sys.argv[1], sys.argv[sys.argv.index("--extra") + 1], int(sys.argv[sys.argv.index("--count") + 1]))
    else:
        main(sys.argv[1])
