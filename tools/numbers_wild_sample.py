"""Wild precision check of numbers: 30 articles nobody tuned on, 100 of their numbers.

    python tools/numbers_wild_sample.py [../shared/corpus-real/articles.jsonl] > sample.tsv

Draws 30 articles from the 2,000 real articles with a fixed seed, leaving out every id in
corpus/gold/*-inputs.jsonl, runs the pipeline on them and lists their numbers with a context
window; 100 records are drawn by a seeded hash of (article id, start, text). The judged copy is
corpus/audit/numbers_wild.tsv (`right` yes/no and a note, filled by reading).
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from pathlib import Path

from wild import DEFAULT_CORPUS, gold_ids

SEED = 11
N_ARTICLES = 30
N_RECORDS = 100


def articles(corpus: Path) -> list[dict]:
    """The 30 sampled articles, in a fixed order."""
    with open(corpus, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    seen = gold_ids()
    pool = sorted((r for r in rows if r["id"] not in seen), key=lambda r: r["id"])
    return random.Random(SEED).sample(pool, N_ARTICLES)


def _rank(aid: str, start: int, text: str) -> str:
    return hashlib.sha1(f"{SEED}|{aid}|{start}|{text}".encode("utf-8")).hexdigest()


def main() -> int:
    from qpextract import Pipeline

    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS
    pipe = Pipeline()
    rows = []
    for art in articles(corpus):
        doc = pipe.document(art["text"], id=art["id"], title=art.get("title"))
        text = doc.text
        for n in doc.numbers:
            ctx = " ".join(text[max(0, n.start - 60) : n.end + 40].split())
            rows.append((art["id"], n.start, n.text, n.value, n.unit, n.subject or "", n.qualifier or "", n.rule, ctx))
    rows.sort(key=lambda r: _rank(r[0], r[1], r[2]))
    print("id\tstart\ttext\tvalue\tunit\tsubject\tqualifier\trule\tcontext\tright\tnote")
    for r in sorted(rows[:N_RECORDS], key=lambda r: (r[0], r[1])):
        print("\t".join(str(x) for x in r) + "\t\t")
    print(f"# {len(rows)} numbers in {N_ARTICLES} articles; {min(N_RECORDS, len(rows))} drawn", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
