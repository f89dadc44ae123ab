"""Recall audit of positions on the wild corpus: named people with the sentences that mention them.

    python tools/positions_recall_sample.py CORPUS [--seed S] [--people 60] [--articles 20] > sample.txt

CORPUS must be the corpus without held-out articles (/work/wt/wild/articles-no-heldout.jsonl). Articles of
the development gold sets (``wild.DEV_SETS`` and ``wild.WEB_SETS``, named one by one, never by a wildcard) and of the
earlier wild people sample (corpus/audit/wild-inputs.jsonl) are left out. With a fixed seed:
- ``--articles`` articles of 400-2,500 characters are printed WHOLE with every person the pipeline found in
  them, so that a reader can add the people it did not find;
- the rest of the ``--people`` are people the pipeline found in other articles, drawn by the seeded hash of
  (article id, name).
Each person is printed with the positions the pipeline gave and every sentence that mentions them; the reader
writes the positions the gold would give (corpus/audit/positions_recall_session10.tsv).

    python tools/positions_recall_sample.py --score corpus/audit/positions_recall_session10.tsv [--sample 1] [--output output_after]

prints the recall (and precision) of the judged sample (columns: COLUMNS below): the output at the start of
the pass or after its rules.
"""

from __future__ import annotations

import argparse
import json
from bisect import bisect_right
from pathlib import Path

from wild import audit_skip_ids, seeded_rank, wild_corpus

ROOT = Path(__file__).resolve().parents[1]
EARLIER_WILD = ROOT / "corpus" / "audit" / "wild-inputs.jsonl"


def _sentences(doc, official) -> list[str]:
    """The sentences (normalized text) of every mention of ``official``, once each, in order."""
    starts = [s for s, _ in doc.sentences]
    out: list[str] = []
    for m in official.mentions:
        j = bisect_right(starts, doc.norm.to_normalized(m.start)) - 1
        s, e = doc.sentences[j] if j >= 0 else (0, len(doc.text))
        sent = " ".join(doc.text[s:e].split())
        if sent not in out:
            out.append(sent)
    return out


def _person(doc, aid: str, o) -> dict:
    return {
        "id": aid,
        "name": o.name,
        "rank": o.rank,
        "rule": o.rule,
        "positions": [p.text for p in o.positions],
        "sentences": _sentences(doc, o),
    }


def draw(corpus: Path, seed: str, n_people: int, n_articles: int, skip_also: frozenset[str] = frozenset()) -> tuple[list[dict], list[dict]]:
    """(whole articles with their people, people drawn from the other articles), none of ``skip_also``."""
    from qpextract import Pipeline

    skip = audit_skip_ids(extra=[EARLIER_WILD]) | skip_also  # the dev sets and the earlier wild people sample
    with open(corpus, encoding="utf-8") as fh:
        articles = [a for a in map(json.loads, filter(str.strip, fh)) if a["id"] not in skip]
    short = sorted((a for a in articles if 400 <= len(a["text"]) <= 2500), key=lambda a: seeded_rank(seed, "article", a["id"]))
    pipe = Pipeline()
    whole: list[dict] = []
    for a in short[:n_articles]:
        doc = pipe.document(a["text"], id=a["id"], title=a.get("title"))
        whole.append({"id": a["id"], "title": a.get("title"), "text": a["text"], "people": [_person(doc, a["id"], o) for o in doc.officials]})
    taken = {w["id"] for w in whole}
    room = max(0, n_people - sum(len(w["people"]) for w in whole))
    pool: list[tuple[str, dict]] = []
    for a in articles:
        if a["id"] in taken:
            continue
        doc = pipe.document(a["text"], id=a["id"], title=a.get("title"))
        for o in doc.officials:
            pool.append((seeded_rank(seed, "person", a["id"], o.name), _person(doc, a["id"], o)))
    pool.sort(key=lambda x: x[0])
    return whole, [p for _, p in pool[:room]]


def _print_person(n: int, p: dict) -> None:
    print(f"[{n}] {p['id']}\t{p['name']}\trank={p['rank']}\trule={p['rule']}")
    print("    OUT: " + (" | ".join(p["positions"]) if p["positions"] else "-"))
    for s in p["sentences"]:
        print("    > " + s)


COLUMNS = ("sample", "id", "person", "gold", "output_start", "output_after", "kind")


def score(tsv: Path, output: str = "output_start", sample: str = "") -> tuple[int, int, int]:
    """(gold positions, output positions, both) of the judged TSV (COLUMNS, positions joined by " | "; the rows
    of ``sample``, every row when empty), the output column ``output``, compared as the scorer does
    (qpextract.evaluate.fold)."""
    from qpextract.evaluate import fold

    gold = out = both = 0
    k = COLUMNS.index(output)
    with open(tsv, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or line.startswith("sample\t") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if sample and cols[0] != sample:
                continue
            g = {fold(x) for x in cols[3].split(" | ") if x.strip()}
            o = {fold(x) for x in cols[k].split(" | ") if x.strip()}
            gold, out, both = gold + len(g), out + len(o), both + len(g & o)
    return gold, out, both


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path, help="the corpus, or with --score the judged TSV")
    ap.add_argument("--score", action="store_true", help="print recall and precision of a judged TSV")
    ap.add_argument("--output", default="output_start", choices=COLUMNS[4:6], help="with --score: the output column")
    ap.add_argument("--sample", default="", help="with --score: only the rows of this sample")
    ap.add_argument("--seed", default="positions-recall-session10")
    ap.add_argument("--people", type=int, default=60)
    ap.add_argument("--articles", type=int, default=20)
    ap.add_argument("--skip", type=Path, action="append", default=[], help="a judged TSV whose articles (its id column) are left out")
    args = ap.parse_args()
    if args.score:
        g, o, b = score(args.corpus, args.output, args.sample)
        print(f"recall {b}/{g} = {b / g:.3f}; precision {b}/{o} = {b / o:.3f}")
        return 0
    wild_corpus(args.corpus)  # refuses the full shared corpus
    skip = set()
    for path in args.skip:
        with open(path, encoding="utf-8") as fh:
            skip.update(line.split("\t")[1] for line in fh if line.strip() and not line.startswith(("#", "sample\t")))
    whole, drawn = draw(args.corpus, args.seed, args.people, args.articles, frozenset(skip))
    n = 0
    for w in whole:
        print(f"=== ARTICLE {w['id']} (read whole) — {w['title']}")
        print(w["text"])
        print("--- people found:")
        for p in w["people"]:
            n += 1
            _print_person(n, p)
        print()
    print("=== PEOPLE DRAWN FROM OTHER ARTICLES")
    for p in drawn:
        n += 1
        _print_person(n, p)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
