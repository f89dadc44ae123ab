"""A blind look at the main event of 25 local-defence articles in no dev set (the fifteenth pass, seed webmain15-20261202).

    python tools/events_wild_session15.py sample CORPUS > sheet.txt      # headline and lead of the drawn articles, no pipeline run
    python tools/events_wild_session15.py score CORPUS TSV                # accuracy of the pipeline on PYTHONPATH against the judged TSV

CORPUS: give /work/wt/wild/articles-no-heldout.jsonl (the corpus without any held-out article). The pool is the one of
tools/events_wild_session14.py (local-defence articles of 500 characters or more in no development input file, 46);
the draw puts first the articles that no earlier judged sample holds (corpus/audit/main_events_wild*.tsv and
events_wild_session14.tsv), each group in ``wild.seeded_rank`` order with the seed, and keeps 25: a reader who has
seen an earlier judgement is blind to it only on the fresh ones, and the fresh ones are what the sample adds. The
judged copy is corpus/audit/events_wild_session15.tsv: `expected` (main type), `types` (every type reported) and
`trigger` were written by reading the headline and lead before any run; `score` fills nothing in, it prints the
pipeline's main type, trigger and types per article and the accuracy of the main type.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Optional

import events_wild_session14 as s14
from wild import ROOT, seeded_rank

SEED = "webmain15-20261202"
COUNT = 25
EARLIER = [*s14.EARLIER, ROOT / "corpus" / "audit" / "events_wild_session14.tsv"]


def earlier_ids() -> set[str]:
    """The ids of every earlier judged main-event sample (first column of each TSV)."""
    return s14.earlier_ids(EARLIER)


def draw(corpus: str) -> list[dict]:
    """The 25 articles of the sample: the fresh ones first, then the earlier judged ones, each in seeded order."""
    earlier = earlier_ids()
    pool = s14.draw(corpus, count=None)
    pool.sort(key=lambda r: (r["id"] in earlier, seeded_rank(SEED, r["id"])))
    return pool[:COUNT]


def sample(corpus: str) -> None:
    """Print each drawn article's id, headline and lead, to be judged by reading."""
    s14.sample(corpus, draw(corpus), earlier_ids())


def score(corpus: str, tsv: str, drawn: Optional[list[dict]] = None) -> None:
    """Run the pipeline on the judged articles; print its main type, trigger and types beside the judgement (``drawn``:
    another session's draw, this one's by default)."""
    from qpextract.pipeline import Pipeline  # the pipeline of PYTHONPATH

    pipe = Pipeline()
    arts = {r["id"]: r for r in (draw(corpus) if drawn is None else drawn)}
    with open(tsv, encoding="utf-8") as fh:
        rows = list(csv.DictReader((l for l in fh if not l.startswith("#")), delimiter="\t"))
    right = scored = tp = fp = fn = 0
    for row in rows:
        r = arts[row["id"]]
        doc = pipe.extract(r["text"], id=r["id"], title=r.get("title"))
        main = next((e for e in doc.events if e.main), None)
        got = main.type if main else "null"
        types = ",".join(sorted({e.type for e in doc.events}))
        ok = got == row["expected"]
        judged = set(filter(None, row["types"].split(",")))
        found = {e.type for e in doc.events}
        tp, fp, fn = tp + len(judged & found), fp + len(found - judged), fn + len(judged - found)
        if row["expected"] != "null":  # as in gold/score.py, a null main is not scored
            scored += 1
            right += ok
        print(f"{row['id']}\t{row['expected']}\t{got}\t{main.trigger if main else ''}\t{types}\t{'ok' if ok else 'MISS'}")
    print(f"# main type accuracy {right}/{scored} = {right / scored:.3f} (null judgements not scored)")
    print(f"# event types: TP {tp} FP {fp} FN {fn}, F1 {2 * tp / (2 * tp + fp + fn):.3f}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    if sys.argv[1] == "sample":
        sample(sys.argv[2])
    else:
        score(sys.argv[2], sys.argv[3])
