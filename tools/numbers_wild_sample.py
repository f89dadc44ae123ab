"""Wild precision check of numbers: 30 articles nobody tuned on, 100 of their numbers.

    python tools/numbers_wild_sample.py [--seed N] [--exclude TSV ...] [CORPUS] [--full-corpus] > sample.tsv

Draws 30 articles from the 2,000 real articles with a fixed seed, leaving out every id in
corpus/gold/*-inputs.jsonl (and in the earlier samples given with --exclude), runs the pipeline on
them and lists their numbers with a context window; 100 records are drawn by a seeded hash of
(article id, start, text). The judged copies are corpus/audit/numbers_wild.tsv (seed 11) and
numbers_wild2.tsv (seed 606, excluding the articles of the first) and numbers_wild3.tsv (seed 7117,
excluding both), with `right` yes/no and a note
filled by reading. CORPUS defaults to the corpus without held-out articles (tools/wild.py's ``wild_corpus``);
those three were drawn from the full 2,000 articles: ``--full-corpus`` reads that population again.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

from wild import add_corpus_arguments, gold_ids, sampled_ids, wild_corpus

SEED = 11
N_ARTICLES = 30
N_RECORDS = 100


def articles(corpus: Path, seed: int = SEED, exclude: frozenset[str] = frozenset()) -> list[dict]:
    """The 30 sampled articles, in a fixed order."""
    with open(corpus, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    seen = gold_ids() | exclude
    pool = sorted((r for r in rows if r["id"] not in seen), key=lambda r: r["id"])
    return random.Random(seed).sample(pool, N_ARTICLES)


def _rank(seed: int, aid: str, start: int, text: str) -> str:
    return hashlib.sha1(f"{seed}|{aid}|{start}|{text}".encode("utf-8")).hexdigest()


def main() -> int:
    from qpextract import Pipeline

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_corpus_arguments(ap)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--exclude", type=Path, action="append", default=[], help="an earlier sample TSV whose articles to leave out")
    args = ap.parse_args()
    seed = args.seed
    pipe = Pipeline()
    rows = []
    for art in articles(wild_corpus(args.corpus, args.full_corpus), seed, frozenset(sampled_ids(args.exclude))):
        doc = pipe.document(art["text"], id=art["id"], title=art.get("title"))
        text = doc.text
        for n in doc.numbers:
            ctx = " ".join(text[max(0, n.start - 60) : n.end + 40].split())
            rows.append((art["id"], n.start, n.text, n.value, n.unit, n.subject or "", n.qualifier or "", n.rule, ctx))
    rows.sort(key=lambda r: _rank(seed, r[0], r[1], r[2]))
    print("id\tstart\ttext\tvalue\tunit\tsubject\tqualifier\trule\tcontext\tright\tnote")
    for r in sorted(rows[:N_RECORDS], key=lambda r: (r[0], r[1])):
        print("\t".join(str(x) for x in r) + "\t\t")
    print(f"# {len(rows)} numbers in {N_ARTICLES} articles; {min(N_RECORDS, len(rows))} drawn", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
