"""A fresh precision sample: 100 people and 100 positions from the corpus articles in no gold set and no earlier audit.

    python tools/audit_fresh.py SEED [CORPUS] [--full-corpus] > corpus/audit/fresh_SEED.tsv

Same draw as tools/audit_sample.py (the seeded hash of article id and record), with a new seed,
over the articles whose id is in no corpus/gold/*-inputs.jsonl and in no file of corpus/audit/
(so neither the held-out nor an article judged before can enter). Judge each row by reading it.
CORPUS defaults to the corpus without held-out articles (tools/wild.py's ``wild_corpus``); the fresh samples of
corpus/audit/README.md were drawn from the full 2,000 articles: ``--full-corpus`` reads that population again.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from audit_sample import draw  # noqa: E402
from wild import add_corpus_arguments, gold_ids, wild_corpus  # noqa: E402

AUDIT = Path(__file__).resolve().parents[1] / "corpus" / "audit"


def audited_ids(seed: str) -> set[str]:
    """Ids named in any earlier audit file (a tab-separated id column or an "id" of a JSON line), the
    sample of this SEED aside (so that a draw can be repeated)."""
    out: set[str] = set()
    for f in AUDIT.glob("*"):
        if f.stem.endswith(f"fresh_{seed}"):
            continue  # this seed's own judged sample (people_fresh_SEED.tsv, fresh_SEED.tsv)
        if f.suffix == ".tsv":
            for line in f.read_text(encoding="utf-8").splitlines():
                out.update(cell for cell in line.split("\t")[:3] if "-" in cell and " " not in cell)
        elif f.suffix == ".jsonl":
            out.update(json.loads(line)["id"] for line in f.read_text(encoding="utf-8").splitlines() if line.strip())
    return out


def main() -> int:
    """Print the fresh sample of SEED and the size of its population."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("seed")
    add_corpus_arguments(ap)
    args = ap.parse_args()
    corpus = wild_corpus(args.corpus, args.full_corpus)
    articles, people, positions = draw(corpus, args.seed, frozenset(gold_ids() | audited_ids(args.seed)))
    print(f"# {articles} articles, population {people} people, {positions} positions", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
