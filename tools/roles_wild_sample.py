"""Wild check of participant roles: 100 participants of main events from articles in no gold set, with a fixed seed.

    python tools/roles_wild_sample.py CORPUS [--seed S] [--count N] [--exclude TSV ...] [--tsv OUT.tsv] > sample.txt
    python tools/roles_wild_sample.py CORPUS --count 0 --recall 25 [--seed S] [--exclude TSV ...] > recall.txt
    python tools/roles_wild_sample.py CORPUS --local --count 60 --seed S > local.txt

CORPUS: give /work/wt/wild/articles-no-heldout.jsonl (the corpus without any held-out or validation article).
Articles whose id is in a development gold input file (named one by one in ``wild.DEV_SETS`` and ``wild.WEB_SETS``;
never a held-out file) or in an earlier judged sample (--exclude, first column) are left out. The pipeline runs on the
rest; every participant of every main event goes into one pool, sorted, and ``count`` are drawn with the seed: uniform
over participants, as the held-out role accuracy is counted over matched names. Each is printed with the article id,
headline, main event type and trigger, the name, role and the rule that gave it (`explain`), the lead, and the
sentences that mention the person. The judged copy is corpus/audit/roles_wild_session10.tsv (seed
"roles-wild-20261201"; the re-judged sample after the changes, seed "roles-wild2-20261201", excluding the first
sample's articles). The draw is uniform over the whole pool, so any change of the pool (a rule, the corpus, the sets
left out) changes all of it: a recorded sample is drawn again by the pipeline it was drawn with, on the same
population (corpus/audit/README.md).
The eleventh pass's sample, 150 drawn, is corpus/audit/roles_wild_session11.tsv (seed "roles-wild-s11-20261201",
excluding both session-10 samples), and its re-judged sample after the changes roles_wild_session11_after.tsv (seed
"roles-wild2-s11-20261201", 100 drawn, excluding the three); both were drawn before the one list of sets gained dev10,
so they are drawn again with this tool at commit 77cc2e4 (its own list, dev10 not left out).

--tsv OUT: also write the drawn participants as the judging sheet (one row each: n, id, main event type, name, role,
rule, and the empty columns judgement, should_be, reason to fill in by reading).

--local: only local-defence articles (the test of tools/wild.py, on title or text); the web-roles samples of session 11
(corpus/audit/roles_web_session11.tsv, seeds "roles-web-20261201" and "roles-web2-20261201") are drawn so.

--recall N: then (after the sample, or alone with --count 0) N main events drawn with the seed from the articles whose main event the pipeline finds, each with
its lead, the people the lead names, and the participants found, to list by reading the people the guide makes
participants and count the missed.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Optional

from wild import LOCAL, audit_skip_ids, sampled_ids

SEED = "roles-wild-20261201"
LEAD_SENTENCES = 3
SENTENCE_CHARS = 600


def _clip(s: str) -> str:
    s = " ".join(s.split())
    return s if len(s) <= SENTENCE_CHARS else s[:SENTENCE_CHARS] + " …"


def _lead(doc) -> list[str]:
    return [_clip(doc.text[a:b]) for a, b in doc.sentences[:LEAD_SENTENCES]]


def run(corpus: Path, exclude: set[str], local: bool = False):
    """(article, doc, main event) for every article with a main event, in id order (``local``: local-defence ones only)."""
    from qpextract import Pipeline

    pipe = Pipeline()
    skip = audit_skip_ids() | exclude
    rows = []
    with open(corpus, encoding="utf-8") as fh:
        arts = [json.loads(line) for line in fh if line.strip()]
    for art in sorted(arts, key=lambda a: a["id"]):
        if art["id"] in skip or (local and not LOCAL.search(f"{art.get('title') or ''}\n{art['text']}")):
            continue
        try:
            doc = pipe.document(art["text"], id=art["id"], title=art.get("title"))
        except Exception:  # noqa: BLE001 - an article the pipeline refuses is no sample
            continue
        mains = [e for e in doc.events if e.main]
        if mains:
            rows.append((art, doc, mains[0]))
    return rows


TSV_COLUMNS = ("n", "id", "main_type", "name", "role", "rule", "judgement", "should_be", "reason")


def sample(rows, seed: str, count: int, tsv: Optional[Path] = None) -> None:
    """Print ``count`` participants drawn uniformly from every main event's participants (and their sheet to ``tsv``)."""
    pool = [(art["id"], k) for art, doc, ev in rows for k in range(len(ev.participants))]
    by_id = {art["id"]: (art, doc, ev) for art, doc, ev in rows}
    print(f"# pool: {len(pool)} participants of {sum(1 for *_, ev in rows if ev.participants)} main events "
          f"({len(rows)} articles with a main event); seed {seed!r}, {count} drawn")
    drawn = sorted(random.Random(seed).sample(pool, min(count, len(pool))))
    if tsv is not None:
        with open(tsv, "w", encoding="utf-8") as fh:
            fh.write("\t".join(TSV_COLUMNS) + "\n")
            for n, (aid, k) in enumerate(drawn, 1):
                ev = by_id[aid][2]
                p = ev.participants[k]
                fh.write("\t".join([str(n), aid, ev.type, p.name, p.role, p.rule or "", "", "", ""]) + "\n")
    last = None
    for n, (aid, k) in enumerate(drawn, 1):
        art, doc, ev = by_id[aid]
        p = ev.participants[k]
        print(f"\n=== {n}. {aid} | {ev.type} ({ev.trigger!r}, {ev.rule}) | {p.name} -> {p.role} [{p.rule}]")
        if aid != last:
            print(f"TITLE: {doc.title}")
            for s in _lead(doc):
                print(f"LEAD: {s}")
            print(f"ALL: " + "; ".join(f"{q.name}={q.role}" for q in ev.participants))
        last = aid
        official = doc.officials[p.official] if p.official is not None else None
        seen = set()
        for m in (official.mentions if official else []):
            sent = next(((a, b) for a, b in doc.sentences if a <= m.start < b), None)
            if sent is None or sent in seen or sent in doc.sentences[:LEAD_SENTENCES]:
                continue
            seen.add(sent)
            print(f"  > {_clip(doc.text[sent[0]:sent[1]])}")


def recall(rows, seed: str, count: int) -> None:
    """Print ``count`` main events with their lead, the people it names and the participants found."""
    drawn = sorted(random.Random(seed).sample(range(len(rows)), min(count, len(rows))))
    for n, i in enumerate(drawn, 1):
        art, doc, ev = rows[i]
        lead_end = doc.sentences[min(LEAD_SENTENCES, len(doc.sentences)) - 1][1] if doc.sentences else 0
        named = [o.name for o in doc.officials if any(m.start < lead_end for m in o.mentions)]
        print(f"\n=== {n}. {art['id']} | {ev.type} ({ev.trigger!r}, {ev.rule})")
        print(f"TITLE: {doc.title}")
        for s in _lead(doc):
            print(f"LEAD: {s}")
        print("NAMED IN LEAD: " + "; ".join(named))
        print("FOUND: " + "; ".join(f"{q.name}={q.role} [{q.rule}]" for q in ev.participants))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--seed", default=SEED)
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--recall", type=int, default=0, help="draw this many main events for a recall check instead")
    ap.add_argument("--exclude", type=Path, action="append", default=[], help="an earlier sample TSV whose articles to leave out")
    ap.add_argument("--tsv", type=Path, help="also write the judging sheet of the drawn participants here")
    ap.add_argument("--local", action="store_true", help="only local-defence articles (tools/wild.py's test)")
    args = ap.parse_args()
    rows = run(args.corpus, sampled_ids(args.exclude), args.local)
    if args.count:
        sample(rows, args.seed, args.count, args.tsv)
    if args.recall:
        print("\n\n##### RECALL")
        recall(rows, args.seed, args.recall)
    return 0


if __name__ == "__main__":
    sys.exit(main())
