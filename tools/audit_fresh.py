"""A fresh precision sample: 100 people and 100 positions from the corpus articles in no gold set and no earlier audit.

    python tools/audit_fresh.py SEED [CORPUS] [--full-corpus] > corpus/audit/fresh_SEED.tsv
    python tools/audit_fresh.py SEED --abbreviations 100 > corpus/audit/fresh_abbreviations_SEED.tsv

Same draw as tools/audit_sample.py (the seeded hash of article id and record), with a new seed,
over the articles whose id is in no corpus/gold/*-inputs.jsonl and in no file of corpus/audit/
(so neither the held-out nor an article judged before can enter). Judge each row by reading it.
With ``--abbreviations N`` it draws instead N abbreviation records that have an expansion (the scorer's
reading of an article: one record per short form, ``tools/abbreviations_audit.py``'s ``per_article``), ranked by
the seeded hash of SEED, article id and short form, from the same pool, to judge right / wrong / doubtful by the
annotation guide. ``--audits GLOB`` (repeatable) narrows the audit files that take their articles out of the
pool, for when every file leaves too few (the sixteenth pass: 28 articles): ``--audits 'fresh_*' --audits
'people_*' --audits 'positions_*'`` leaves out only the articles whose people or positions were judged before.
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


def audited_ids(seed: str, patterns: tuple[str, ...] = ("*",)) -> set[str]:
    """Ids named in any earlier audit file matching one of PATTERNS (a tab-separated id column or an "id"
    of a JSON line), the sample of this SEED aside (so that a draw can be repeated)."""
    out: set[str] = set()
    for f in sorted({f for pattern in patterns for f in AUDIT.glob(pattern)}):
        if f.stem.endswith((f"fresh_{seed}", f"fresh_abbreviations_{seed}")):
            continue  # this seed's own judged samples (people_fresh_SEED.tsv, fresh_SEED.tsv, fresh_abbreviations_SEED.tsv)
        if f.suffix == ".tsv":
            for line in f.read_text(encoding="utf-8").splitlines():
                out.update(cell for cell in line.split("\t")[:3] if "-" in cell and " " not in cell)
        elif f.suffix == ".jsonl":
            out.update(json.loads(line)["id"] for line in f.read_text(encoding="utf-8").splitlines() if line.strip())
    return out


ABBR_COLUMNS = ("kind", "id", "short", "expansion", "rule", "sentence", "right", "reader", "note")


def abbreviation_rows(articles: list[dict], seed: str, n: int) -> list[tuple[str, ...]]:
    """The N abbreviation records with an expansion whose seeded hash of (SEED, article id, short form) is
    smallest, as (id, short, expansion, rule, sentence): a stable draw a small rule change alters only where
    its records changed."""
    from abbreviations_audit import ranked_records
    from qpextract import Pipeline

    pipe = Pipeline()
    pool = []
    for art in articles:
        doc = pipe.document(art["text"], id=art["id"], title=art.get("title"))
        aid = str(art["id"])
        pool.extend((rank, aid, short, exp, rule or "", sent) for rank, aid, short, exp, rule, sent in ranked_records(doc, aid, seed) if exp)
    return [row[1:] for row in sorted(pool)[:n]]


def print_abbreviations(corpus: Path, seed: str, n: int, skip: frozenset[str]) -> tuple[int, int]:
    """Print the abbreviation sample of SEED over the corpus articles not in SKIP; return the counts of
    articles and of records drawn."""
    with open(corpus, encoding="utf-8") as fh:
        articles = [a for a in map(json.loads, filter(str.strip, fh)) if a["id"] not in skip]
    rows = abbreviation_rows(articles, seed, n)
    print("\t".join(ABBR_COLUMNS))
    for row in rows:
        print("\t".join(["abbreviation", *[x.replace("\t", " ") for x in row], "", "", ""]))
    return len(articles), len(rows)


def main() -> int:
    """Print the fresh sample of SEED and the size of its population."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("seed")
    ap.add_argument("--audits", action="append", metavar="GLOB",
                    help="only the audit files matching GLOB (repeatable) take their articles out of the pool; default all")
    ap.add_argument("--abbreviations", type=int, metavar="N", help="draw N abbreviation records with an expansion instead")
    add_corpus_arguments(ap)
    args = ap.parse_args()
    corpus = wild_corpus(args.corpus, args.full_corpus)
    skip = frozenset(gold_ids() | audited_ids(args.seed, tuple(args.audits or ("*",))))
    if args.abbreviations:
        articles, records = print_abbreviations(corpus, args.seed, args.abbreviations, skip)
        print(f"# {articles} articles, {records} abbreviation records drawn", file=sys.stderr)
        return 0
    articles, people, positions = draw(corpus, args.seed, skip)
    print(f"# {articles} articles, population {people} people, {positions} positions", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
