"""A larger precision sample of positions alone: N positions drawn by the seeded hash of tools/audit_sample.py.

    python tools/audit_positions.py SEED [N] [CORPUS] [--skip AUDIT.tsv ...] > sample.tsv

Runs the pipeline on CORPUS (give the no-held-out wild corpus, /work/wt/wild/articles-no-heldout.jsonl),
leaves out the articles named in each --skip file (an earlier judged sample) and prints the N positions
whose seeded hash of (article id, record) is smallest, with the sentence of the person's first mention,
for judging by the criteria of corpus/audit/README.md. A small rule change swaps only the records it changed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from audit_sample import population  # noqa: E402
from wild import seeded_rank  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("seed")
    ap.add_argument("n", type=int, nargs="?", default=150)
    ap.add_argument("corpus", type=Path, nargs="?", default=Path("/work/wt/wild/articles-no-heldout.jsonl"))
    ap.add_argument("--skip", type=Path, action="append", default=[])
    a = ap.parse_args()
    skip: set[str] = set()
    for f in a.skip:
        skip.update(line.split("\t")[1] for line in f.read_text(encoding="utf-8").splitlines()[1:] if "\t" in line)
    with open(a.corpus, encoding="utf-8") as fh:
        articles = [x for x in map(json.loads, filter(str.strip, fh)) if x["id"] not in skip]
    _, positions = population(articles)

    def rank(row: tuple) -> str:
        return seeded_rank(a.seed, str(row[0]), str(row[1]))

    print("kind\tid\trecord\trule\tsentence\tright\tnote")
    for row in sorted(positions, key=rank)[: a.n]:
        print("\t".join(["position", *[str(x).replace("\t", " ") for x in row], "", ""]))
    print(f"# {len(articles)} articles, population {len(positions)} positions", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
