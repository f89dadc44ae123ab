"""Survey of the abbreviation records left null and the capitals no record covers, on the wild file.

    python tools/abbreviations_null_survey.py [--wild PATH] [--sample] > survey.tsv

Reads only /work/wt/wild/articles-no-heldout.jsonl (every held-out article and near-copy left out; no gold
file is opened) and reuses ``population`` of tools/abbreviations_wild.py: every record whose expansion is
null (its rule, mostly ``abbr.unknown``) and every token in capitals no record covers (rule ``none``), with
counts, article counts and one example. ``--sample`` prints instead the fixed-seed draw of the sixteenth
pass (corpus/audit/abbreviations_null_session16.tsv): for each population, the 15 items in most articles
and 15 of the rest by seeded hash, each with one article drawn by seeded hash. The last lines (comments)
give the totals.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))

from abbreviations_wild import population  # noqa: E402
from wild import seeded_rank, wild_corpus  # noqa: E402

SEED = "abbr22"
BAND = 15


def unexpanded(counts: dict, arts: dict) -> list[tuple]:
    """``(key, count, articles)`` of every null record and uncovered capital, most articles first."""
    keys = [k for k in counts if not k[1]]
    return sorted(((k, counts[k], arts[k]) for k in keys), key=lambda r: (-len(r[2]), -r[1], r[0]))


def draw(items: list[tuple]) -> list[tuple[str, tuple]]:
    """The sample: per population (null records, uncovered capitals) BAND frequent and BAND rare items."""
    out: list[tuple[str, tuple]] = []
    for none in (False, True):
        pool = [r for r in items if (r[0][2] == "none") == none]
        rest = sorted(pool[BAND:], key=lambda r: seeded_rank(SEED, *r[0]))[:BAND]
        out += [("frequent", r) for r in pool[:BAND]] + [("rare", r) for r in rest]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # wild_corpus: the file without held-out articles by default, and never the full shared corpus
    ap.add_argument("--wild", type=Path, help="the articles (JSON lines); default: the corpus without held-out articles")
    ap.add_argument("--sample", action="store_true")
    a = ap.parse_args()
    with open(wild_corpus(a.wild), encoding="utf-8") as fh:
        articles = [json.loads(line) for line in fh if line.strip()]
    counts, arts, example = population(articles)
    items = unexpanded(counts, arts)
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    if a.sample:
        out.writerow(["article_id", "item", "population", "band", "rule"])
        for band, (key, _, ids) in draw(items):
            aid = sorted(ids, key=lambda i: seeded_rank(SEED, i, *key))[0]
            out.writerow([aid, key[0], "none" if key[2] == "none" else "null", band, key[2]])
    else:
        out.writerow(["abbr", "rule", "count", "articles", "example"])
        for key, n, ids in items:
            out.writerow([key[0], key[2], n, len(ids), example[key]])
    null = [r for r in items if r[0][2] != "none"]
    none = [r for r in items if r[0][2] == "none"]
    print(f"# {len(articles)} articles; null records {sum(r[1] for r in null)} ({len(null)} distinct); "
          f"capitals no record covers {sum(r[1] for r in none)} ({len(none)} distinct)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
