"""Precision audit sample: 100 people and 100 positions drawn from the 2,000 real articles.

    python tools/audit_sample.py [CORPUS] [--full-corpus] > sample.tsv

Runs the pipeline on every article, lists every person (Official) and every
position with the sentence it stands in, and draws 100 of each with a fixed
seed: the records whose seeded hash of (article id, record) is smallest, so a
small change of the rules changes the sample only where the records changed. The judged copy is corpus/audit/people_positions.tsv: one line per record
with a `right` column (yes/no) and a note, filled by reading each sentence.
CORPUS defaults to the corpus without held-out articles (tools/wild.py's ``wild_corpus``); that judged copy
was drawn from the full 2,000 articles: ``--full-corpus`` reads that population again.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from bisect import bisect_right
from pathlib import Path

from wild import add_corpus_arguments, wild_corpus

SEED = "11"
N = 100


def _sentence(doc, start: int) -> str:
    starts = [s for s, _ in doc.sentences]
    j = bisect_right(starts, start) - 1
    s, e = doc.sentences[j] if j >= 0 else (0, len(doc.text))
    return " ".join(doc.text[s:e].split())


def population(articles: list[dict]) -> tuple[list[tuple], list[tuple]]:
    """(people, positions) as (article id, record, rule, sentence) tuples, in corpus order."""
    from qpextract import Pipeline

    pipe = Pipeline()
    people, positions = [], []
    for art in articles:
        doc = pipe.document(art["text"], id=art["id"], title=art.get("title"))
        for o in doc.officials:
            first = doc.norm.to_normalized(o.mentions[0].start)
            sent = _sentence(doc, first)
            desc = f"{o.name} | hon={o.honorific} | rank={o.rank}"
            people.append((art["id"], desc, o.rule, sent))
            for p in o.positions:
                positions.append((art["id"], f"{o.name} -> {p.text}", p.rule, sent))
    return people, positions


def write_sample(people: list[tuple], positions: list[tuple], seed: str) -> None:
    """Print the TSV to judge: the N people and N positions first in a stable pseudo-random order,
    the seeded hash of the article id and the record."""
    def rank(row: tuple) -> str:
        return hashlib.sha1(f"{seed}|{row[0]}|{row[1]}".encode("utf-8")).hexdigest()

    print("kind\tid\trecord\trule\tsentence\tright\tnote")
    for kind, pool in (("person", people), ("position", positions)):
        for row in sorted(pool, key=rank)[:N]:
            print("\t".join([kind, *[str(x).replace("\t", " ") for x in row], "", ""]))


def draw(corpus: Path, seed: str, skip: frozenset[str] = frozenset()) -> tuple[int, int, int]:
    """Print the sample of SEED over the corpus articles whose id is not in SKIP; return the counts of
    articles, people and positions it was drawn from."""
    with open(corpus, encoding="utf-8") as fh:
        articles = [a for a in map(json.loads, filter(str.strip, fh)) if a["id"] not in skip]
    people, positions = population(articles)
    write_sample(people, positions, seed)
    return len(articles), len(people), len(positions)


def main() -> int:
    """Print the sample of ``SEED`` and the size of its population."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_corpus_arguments(ap)
    args = ap.parse_args()
    _, people, positions = draw(wild_corpus(args.corpus, args.full_corpus), SEED)
    print(f"# population: {people} people, {positions} positions", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
