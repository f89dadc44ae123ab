"""A wild check of the main event: 60 corpus articles in no gold set, judged by reading before any rule ran on them.

    python tools/wild_main_events.py sample [CORPUS] [--full-corpus] [--set wild2]   # the articles, a blank judgement column (stdout)
    python tools/wild_main_events.py score [CORPUS] [--full-corpus] [--half A|B] [--set wild2]   # the pipeline's accuracy on the judged TSV

CORPUS defaults to the corpus without held-out articles (tools/wild.py's ``wild_corpus``); the judged samples were
drawn from the full 2,000 articles, which ``--full-corpus`` reads (``score`` skips the judged articles absent from
the corpus it reads, and says how many).

The sample: the articles of ../shared/corpus-real not in any corpus/gold/*-inputs.jsonl, 500-4,000 characters,
split half local-defence, half general news by the LOCAL pattern of corpus/gold/tools/select_articles.py, 30 of
each drawn with a fixed seed. The judged copy is corpus/audit/main_events_wild.tsv: `main` is the SPEC type of
the headline event read from the headline and the lead (`other` when no type fits, `null` only for an article
that reports no event at all, the dev3 convention; as in gold/score.py a null is not scored). Half A (the odd lines, 1st, 3rd…) may be tuned on; half B
(the even lines) is the untouched check.

The first 60 turned out 55 `other` (general and incident news), so a supplement, --set wild2
(corpus/audit/main_events_wild2.tsv), draws 40 more with its own seed from the articles (same length, none in
gold or in the first 60) whose headline or first 400 characters name a Vietnamese armed-forces body or person
(DOMESTIC: Quân khu, Biên phòng, Sư đoàn…, dân quân, tân binh), where the typed events (conferences, exercises,
enlistment, awards, training) are written; judged the same way, before any run.

The judged TSVs are the record: both were drawn (commits b4f7aa7, 3bdee71) before heldout3 was drawn from the same
corpus, and 13 of their articles are now in heldout3-inputs.jsonl. `score` never runs the pipeline on an article of a
held-out input file: it skips them and says how many (`sample` today draws other articles than the judged ones).
"""

from __future__ import annotations

import csv
import json
import random
import re
import sys
from pathlib import Path
from typing import Optional

from events_wild_session14 import candidates
from wild import LOCAL, gold_ids, wild_corpus

ROOT = Path(__file__).resolve().parents[1]
JUDGED = {
    "wild": ROOT / "corpus" / "audit" / "main_events_wild.tsv",
    "wild2": ROOT / "corpus" / "audit" / "main_events_wild2.tsv",
    "wild3": ROOT / "corpus" / "audit" / "main_events_wild3.tsv",
}
SEED = "wild-main-20261130"
SEED2 = "wild2-main-20261130"
SEED3 = "wild3-main-20261201"
COUNT3 = 60
PER_GROUP = 30
COUNT2 = 40
DOMESTIC = re.compile(
    r"Quân khu|Biên phòng|Sư đoàn|Lữ đoàn|Trung đoàn|Bộ Quốc phòng|Quân đội nhân dân|Hải quân nhân dân|Bộ Tư lệnh|Quân chủng|"
    r"Binh chủng|Học viện|dân quân|tân binh|cán bộ, chiến sĩ",
    re.I,
)


def _head(r: dict, chars: Optional[int] = None) -> str:
    """The headline and the first ``chars`` characters of the text (all of it with None): what a draw's test reads."""
    return (r.get("title") or "") + " " + r["text"][:chars]


def _drawn(r: dict, group: Optional[str] = None) -> dict:
    """The fields of a drawn article kept in the sample (id, title, text), with its ``group`` when given."""
    row = {"id": r["id"], "title": r.get("title"), "text": r["text"]}
    return row if group is None else dict(row, group=group)


def draw(corpus: Path, which: str = "wild") -> list[dict]:
    """The 60 articles (30 local-defence, 30 general) sorted by group then id; or the 40 of wild2 sorted by id."""
    used = gold_ids()
    if which == "wild3":
        # 60 more, drawn on branch events6 (issue #11): none in gold, wild or wild2; 400-6,000 characters; an armed-forces
        # body or person (LOCAL or DOMESTIC) in the headline or the first 500 characters
        for prior in ("wild", "wild2"):
            with open(JUDGED[prior], encoding="utf-8") as fh:
                used |= {row["id"] for row in csv.DictReader(fh, delimiter="\t")}
        pool = [
            _drawn(r, "domestic")
            for r in candidates(corpus, used, least=400, most=6000)
            if LOCAL.search(_head(r, 500)) or DOMESTIC.search(_head(r, 500))
        ]
        pool.sort(key=lambda r: r["id"])
        random.Random(SEED3).shuffle(pool)
        return sorted(pool[:COUNT3], key=lambda r: r["id"])
    if which == "wild2":
        first = {r["id"] for r in draw(corpus)}
        pool = [_drawn(r, "domestic") for r in candidates(corpus, used | first, most=4000) if DOMESTIC.search(_head(r, 400))]
        random.Random(SEED2).shuffle(pool)
        return sorted(pool[:COUNT2], key=lambda r: r["id"])
    local, general = [], []
    for r in candidates(corpus, used, most=4000):
        (local if LOCAL.search(_head(r)) else general).append(_drawn(r))
    rng = random.Random(SEED)
    rng.shuffle(local)
    rng.shuffle(general)
    rows = [dict(r, group="local") for r in sorted(local[:PER_GROUP], key=lambda r: r["id"])]
    rows += [dict(r, group="general") for r in sorted(general[:PER_GROUP], key=lambda r: r["id"])]
    return rows


def sample(corpus: Path, which: str) -> None:
    """Print the TSV skeleton: id, group, half, title, an empty `main` and `note`."""
    print("id\tgroup\thalf\ttitle\tmain\tnote")
    for i, r in enumerate(draw(corpus, which)):
        title = " ".join((r["title"] or r["text"][:120]).split())
        print(f"{r['id']}\t{r['group']}\t{'A' if i % 2 == 0 else 'B'}\t{title}\t\t")


def score(corpus: Path, half: str | None, which: str) -> None:
    """Run the pipeline on the judged articles and print accuracy (and each miss)."""
    from qpextract import Pipeline

    with open(JUDGED[which], encoding="utf-8") as fh:
        judged = [row for row in csv.DictReader(fh, delimiter="\t") if half is None or row["half"] == half]
    heldout = gold_ids("heldout*")
    wanted = {row["id"] for row in judged} - heldout
    texts = {}
    with open(corpus, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["id"] in wanted:
                texts[r["id"]] = r
    pipe = Pipeline()
    right = 0
    # as gold/score.py: a null main is not scored; an article now in a held-out set is never run
    scored = [row for row in judged if row["main"] != "null" and row["id"] not in heldout and row["id"] in texts]
    absent = sum(1 for row in judged if row["id"] not in heldout and row["id"] not in texts)
    print(f"skipped: {sum(1 for row in judged if row['id'] in heldout)} articles now in a held-out input file,"
          f" {absent} not in {corpus.name}")
    for row in scored:
        art = texts[row["id"]]
        doc = pipe.document(art["text"], id=art["id"], title=art.get("title"))
        mains = [e for e in doc.events if e.main]
        got = mains[0].type if mains else "null"
        if got == row["main"]:
            right += 1
        else:
            trig = mains[0].trigger if mains else ""
            print(f"MISS {row['id']} [{row['half']}] gold={row['main']} got={got} ({trig!r}, {mains[0].rule if mains else ''}) | {row['title'][:90]}")
    print(f"main event: {right}/{len(scored)} = {right / max(1, len(scored)):.3f}" + (f" (half {half})" if half else ""))


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    half = sys.argv[sys.argv.index("--half") + 1] if "--half" in sys.argv else None
    which = sys.argv[sys.argv.index("--set") + 1] if "--set" in sys.argv else "wild"
    args = [a for a in args if a not in (half, which)]
    if not args or args[0] not in ("sample", "score"):
        print(__doc__)
        return 2
    corpus = wild_corpus(Path(args[1]) if len(args) > 1 else None, "--full-corpus" in sys.argv)
    if args[0] == "sample":
        sample(corpus, which)
    else:
        score(corpus, half, which)
    return 0


if __name__ == "__main__":
    sys.exit(main())
