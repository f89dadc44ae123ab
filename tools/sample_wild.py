"""Draw the wild recall check of people (corpus/audit/people_recall_wild.tsv), with a fixed seed.

    python tools/sample_wild.py ../shared/corpus-real/articles.jsonl

30 articles of the 2,000-article corpus that are in no gold set (every id in
corpus/gold/*-inputs.jsonl is left out), 500-4,000 characters, half local-defence
news (the local-defence terms of corpus/gold/tools/select_articles.py), half
general news, shuffled with their own seed. Each article gets a fixed half:
``tune`` (rules may be tuned on it) or ``untouched`` (scored once, at the end).
Writes corpus/audit/wild-inputs.jsonl ({id, title, text, half}); the people in
them are listed by reading into people_recall_wild.tsv before any extractor runs.

Three of the 30 (baomoi-22243195, vnews-train-033052, vnews-train-090661) were later drawn into
corpus/gold/heldout3-inputs.jsonl (drawn at the same time, not knowing of this sample); they were
taken out of wild-inputs.jsonl and the list, so no extractor runs on them again: 27 articles remain.
Rerunning this script today draws a different sample (heldout3 and dev4 ids are now excluded).
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from wild import LOCAL, gold_ids

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "corpus" / "audit" / "wild-inputs.jsonl"
COUNT = 30


def main(corpus: str) -> None:
    used = gold_ids()
    local, general = [], []
    for line in open(corpus, encoding="utf-8"):
        r = json.loads(line)
        if r["id"] in used or not 500 <= len(r["text"]) <= 4000:
            continue
        title = r.get("title") or ""
        row = {"id": r["id"], "title": title, "text": r["text"]}
        (local if LOCAL.search(title + " " + r["text"]) else general).append(row)
    rng = random.Random("people-wild-20261130")
    rng.shuffle(local)
    rng.shuffle(general)
    half = COUNT // 2
    rows = []
    for pool in (local[:half], general[: COUNT - half]):
        for i, r in enumerate(pool):  # alternate halves inside each stratum: both halves mix both kinds
            rows.append({**r, "half": "tune" if i % 2 == 0 else "untouched"})
    with OUT.open("w", encoding="utf-8") as f:
        for r in sorted(rows, key=lambda r: r["id"]):
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(OUT.name, len(rows))


if __name__ == "__main__":
    main(sys.argv[1])
