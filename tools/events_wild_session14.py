"""A blind look at the main event of 30 local-defence articles in no dev set (the fourteenth pass, seed events15-20261202).

    python tools/events_wild_session14.py sample CORPUS > sheet.txt      # headline and lead of the drawn articles, no pipeline run
    python tools/events_wild_session14.py score CORPUS TSV                # accuracy of the pipeline on PYTHONPATH against the judged TSV

CORPUS: give /work/wt/wild/articles-no-heldout.jsonl (the corpus without any held-out article). The draw: local-defence
articles (``wild.LOCAL`` on title or text), 500 characters or more, not in a development gold input file
(``wild.audit_skip_ids`` with every web dev set), ordered by ``wild.seeded_rank`` with the seed; the first 30. The pool
is small (46: the dev sets were drawn from the same local-defence articles; with the earlier samples' 4,000-character cap
only 6 are left), so the articles of an earlier judged main-event sample (corpus/audit/main_events_wild*.tsv) are not
left out but marked `earlier` in the sheet; the three ids tools/sample_wild.py names as once drawn into a held-out set
are left out all the same (never run). The judged copy is corpus/audit/events_wild_session14.tsv:
`expected` (type) and `trigger` were written by reading the headline and lead before any run; `score` fills nothing in,
it prints the pipeline's main type and trigger per article and the accuracy of the type.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Optional

from wild import LOCAL, ROOT, audit_skip_ids, seeded_rank

SEED = "events15-20261202"
COUNT = 30
WEB = [Path(p + "-inputs.jsonl") for p in ("/work/webdev5/web11c", "/work/webdev5/web11d", "/work/webdev7/web12e",
                                             "/work/webdev9/web13f", "/work/webdev9/web13g")]
NAMED_HELDOUT = {"baomoi-22243195", "vnews-train-033052", "vnews-train-090661"}
EARLIER = sorted((ROOT / "corpus" / "audit").glob("main_events_wild*.tsv"))


def earlier_ids(paths: Iterable[Path] = EARLIER) -> set[str]:
    """The ids of the earlier judged main-event samples ``paths`` (first column of each TSV)."""
    ids: set[str] = set()
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            ids.update(line.split("\t", 1)[0] for line in fh if line.strip() and not line.startswith("#"))
    return ids


def candidates(corpus: str | Path, skip: set[str], least: int = 500, most: Optional[int] = None) -> Iterator[dict]:
    """The articles of ``corpus`` of ``least`` characters or more (``most`` at most, when given) whose id is not in
    ``skip``, in file order: what each session's draw filters by its own test (this one's ``LOCAL``; session 16's armed
    forces and no foreign headline; tools/wild_main_events.py's wild3, 400-6,000 characters)."""
    with open(corpus, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["id"] not in skip and least <= len(r["text"]) and (most is None or len(r["text"]) <= most):
                yield r


def draw(corpus: str, count: int | None = COUNT) -> list[dict]:
    """The first ``count`` articles of the sample in draw order (the whole pool with None)."""
    skip = audit_skip_ids(WEB) | NAMED_HELDOUT
    pool = [r for r in candidates(corpus, skip) if LOCAL.search(r.get("title") or "") or LOCAL.search(r["text"])]
    pool.sort(key=lambda r: seeded_rank(SEED, r["id"]))
    return pool[:count]


def lead(text: str, chars: int = 500) -> str:
    """The first sentences of the text, about ``chars`` characters."""
    cut = text[:chars]
    m = re.search(r"[.!?]\s", text[chars:chars + 300])
    return cut + (text[chars:chars + m.end()] if m else "")


def sample(corpus: str, drawn: Optional[list[dict]] = None, earlier: Optional[set[str]] = None) -> None:
    """Print each drawn article's id, headline and lead, to be judged by reading (``drawn`` and ``earlier``: another
    session's draw and judged ids, this one's by default)."""
    earlier = earlier_ids() if earlier is None else earlier
    for i, r in enumerate(draw(corpus) if drawn is None else drawn, 1):
        mark = " earlier" if r["id"] in earlier else ""
        print(f"## {i} {r['id']}{mark}\nTITLE: {r.get('title') or ''}\nLEAD: {lead(r['text'])}\n")


def score(corpus: str, tsv: str) -> None:
    """Run the pipeline on the judged articles and print its main type and trigger beside the judgement."""
    from qpextract.pipeline import Pipeline  # the pipeline of PYTHONPATH

    pipe = Pipeline()

    arts = {r["id"]: r for r in draw(corpus)}
    with open(tsv, encoding="utf-8") as fh:
        rows = list(csv.DictReader((l for l in fh if not l.startswith("#")), delimiter="\t"))
    right = scored = 0
    for row in rows:
        r = arts[row["id"]]
        doc = pipe.extract(r["text"], id=r["id"], title=r.get("title"))
        main = next((e for e in doc.events if e.main), None)
        got = main.type if main else "null"
        trig = main.trigger if main else ""
        ok = got == row["expected"]
        if row["expected"] != "null":  # as in gold/score.py, a null main is not scored
            scored += 1
            right += ok
        print(f"{row['id']}\t{row['expected']}\t{got}\t{trig}\t{'ok' if ok else 'MISS'}")
    print(f"# main type accuracy {right}/{scored} = {right / scored:.3f} (null judgements not scored)")


if __name__ == "__main__":
    if sys.argv[1] == "sample":
        sample(sys.argv[2])
    else:
        score(sys.argv[2], sys.argv[3])
