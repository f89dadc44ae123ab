"""Draw the mention pairs of the person-registry labelled set from a database of the 2,000 corpus articles.

Seeded and repeatable: ``python corpus/registry/draw_pairs.py DB OUT`` writes one JSON line per pair
with both mentions' contexts, for a person to READ and label (``same``: true/false). Two strata:

- ``same_name``: for every name held by officials of >= 2 articles, up to 4 of its mentions
  (seeded choice) and every pair of them -- the positives and the hardest negatives (one name, two men);
- ``similar_name``: pairs of different names that differ in one letter once tone marks are dropped,
  or share surname and given name and differ in at most two letters ("Nguyễn Văn Bình" /
  "Nguyễn Văn Bính", "Nguyễn Trung Nghĩa" / "Nguyễn Trọng Nghĩa"), one seeded mention of each.

A mention is ``(article_id, name)``: the article's official of that name (names are unique per article).
"""

from __future__ import annotations

import itertools
import json
import os
import random
import sqlite3
import sys
import unicodedata
from pathlib import Path

SEED = 20261130
SHARED = Path(os.environ.get("QPEXTRACT_SHARED", Path(__file__).resolve().parents[3] / "shared"))
CORPUS = SHARED / "corpus-real" / "articles.jsonl"


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFD", s.lower()).replace("đ", "d")
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def _lev(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[-1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def main(db_path: str, out_path: str, corpus: str = str(CORPUS)) -> None:
    texts = {}
    for line in open(corpus, encoding="utf-8"):
        d = json.loads(line)
        texts[d["id"]] = (d["title"], d["text"])
    con = sqlite3.connect(db_path)
    mentions: dict[str, list[dict]] = {}
    for aid, idx, name, rank, ments in con.execute(
        "SELECT article_id, idx, name, rank, mentions FROM officials ORDER BY article_id, idx"
    ):
        pos = [
            f"{t} {o or ''}".strip()
            for t, o in con.execute(
                "SELECT title, organization FROM positions WHERE article_id=? AND official_idx=? ORDER BY idx", (aid, idx)
            )
        ]
        title, text = texts[aid]
        spans = json.loads(ments)
        start = spans[0]["start"] if spans else max(0, text.find(name))
        ctx = text[max(0, start - 160) : start + 220].replace("\n", " ")
        mentions.setdefault(name, []).append(
            {"article_id": aid, "name": name, "rank": rank, "positions": pos, "title": title, "context": ctx}
        )
    rng = random.Random(SEED)
    pairs = []
    for name in sorted(mentions):
        group = [m for m in mentions[name]]
        if len({m["article_id"] for m in group}) < 2:
            continue
        chosen = sorted(rng.sample(group, min(4, len(group))), key=lambda m: m["article_id"])
        for a, b in itertools.combinations(chosen, 2):
            pairs.append({"stratum": "same_name", "a": a, "b": b})
    names = sorted(mentions)
    for x, y in itertools.combinations(names, 2):
        same_ends = x.split()[0] == y.split()[0] and x.split()[-1] == y.split()[-1]
        if (same_ends and _lev(x, y) <= 2) or _lev(_fold(x), _fold(y)) <= 1:
            pairs.append({"stratum": "similar_name", "a": rng.choice(mentions[x]), "b": rng.choice(mentions[y])})
    with open(out_path, "w", encoding="utf-8") as out:
        for i, p in enumerate(pairs):
            out.write(json.dumps({"pair": i, **p}, ensure_ascii=False) + "\n")
    print(f"{len(pairs)} pairs -> {out_path}", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:])
