"""Wild check of abbreviations: what the pipeline makes of capitals on articles nobody tuned for.

    python tools/abbreviations_wild.py [--corpus PATH] [--full-corpus] [--judged corpus/audit/abbreviations_wild.tsv] > new.tsv

Runs the pipeline on the 2,000 real articles of ../shared/corpus-real, leaving out every id
of corpus/gold/*-inputs.jsonl (only the ids are read), and counts every abbreviation record
as (short, expansion, rule) and every token in capitals that no record covers (rule
``none``: read as no abbreviation). The judged items are the 150 most frequent and 60 of the
rarer ones, drawn with a fixed seed (the seeded hash of the item, so a change of the rules
changes the draw only where the items changed). Judgements already in the ``--judged`` file
are carried over to identical items; new items are left blank for a reader. The last lines
(comments) give the figure right / judged. The corpus defaults to the one without held-out articles (tools/wild.py's
``wild_corpus``); corpus/audit/abbreviations_wild*.tsv were drawn from the full 2,000: ``--full-corpus`` reads them.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from qpextract.text.abbreviations import _CAPS  # noqa: E402
from wild import add_corpus_arguments, gold_ids, seeded_rank, wild_corpus  # noqa: E402

SEED = "abbr5"
TOP = 150
RARE = 60
COLUMNS = ["abbr", "expansion", "rule", "count", "articles", "example", "judgement", "should_be"]


def _context(text: str, start: int, end: int) -> str:
    return " ".join(text[max(0, start - 50) : start].split()) + " [" + text[start:end] + "] " + " ".join(text[end : end + 40].split())


def population(articles: list[dict]) -> tuple[Counter, dict, dict]:
    """Counts of (short, expansion, rule), the articles of each, and one example sentence."""
    from qpextract import Pipeline

    pipe = Pipeline()
    counts: Counter = Counter()
    arts: dict[tuple, set] = {}
    example: dict[tuple, str] = {}
    for art in articles:
        doc = pipe.document(art["text"], id=art["id"], title=art.get("title"))
        text = doc.text
        covered = []
        for a in doc.abbreviations:
            key = (" ".join(a.short.split()), a.expansion or "", a.rule)
            counts[key] += 1
            arts.setdefault(key, set()).add(art["id"])
            if a.field == "title" and doc.title_map is not None:  # spans into the separate title
                example.setdefault(key, f"{art['id']} (title): {_context(doc.title_map.text, a.start, a.end)}")
                continue
            example.setdefault(key, f"{art['id']}: {_context(text, a.start, a.end)}")
            covered.append((a.start, a.end))
        for m in _CAPS.finditer(text):
            if sum(c.isalpha() for c in m.group()) < 2 or any(s < m.end() and m.start() < e for s, e in covered):
                continue
            key = (m.group(), "", "none")
            counts[key] += 1
            arts.setdefault(key, set()).add(art["id"])
            example.setdefault(key, f"{art['id']}: {_context(text, m.start(), m.end())}")
    return counts, arts, example


def draw(counts: Counter) -> list[tuple]:
    """The TOP most frequent items, then RARE of the rest by seeded hash."""
    ordered = sorted(counts, key=lambda k: (-counts[k], k))
    top, rest = ordered[:TOP], ordered[TOP:]
    return top + sorted(rest, key=lambda key: seeded_rank(SEED, *key))[:RARE]


def read_judged(path: Path) -> dict[tuple, tuple[str, str]]:
    if not path.exists():
        return {}
    out = {}
    with open(path, encoding="utf-8") as fh:
        for row in csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"):
            out[(row["abbr"], row["expansion"], row["rule"])] = (row["judgement"], row["should_be"])
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_corpus_arguments(ap, option=True)
    ap.add_argument("--judged", type=Path, default=ROOT / "corpus" / "audit" / "abbreviations_wild.tsv")
    a = ap.parse_args()
    skip = gold_ids()
    with open(wild_corpus(a.corpus, a.full_corpus), encoding="utf-8") as fh:
        articles = [r for r in map(json.loads, fh) if str(r["id"]) not in skip]
    counts, arts, example = population(articles)
    judged = read_judged(a.judged)
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(COLUMNS)
    tally: Counter = Counter()
    for key in draw(counts):
        judgement, should_be = judged.get(key, ("", ""))
        tally[judgement or "unjudged"] += 1
        out.writerow([*key, counts[key], len(arts[key]), example[key], judgement, should_be])
    right, n = tally["right"], sum(v for k, v in tally.items() if k != "unjudged")
    records = sum(v for k, v in counts.items() if k[2] != "none")
    print(f"# {len(articles)} articles; {records} abbreviation records, {sum(counts.values()) - records} capitals not reported; "
          f"{len(counts)} distinct items")
    print(f"# judged {n}: right {right} ({right / n if n else 0:.3f}); " + ", ".join(f"{k} {v}" for k, v in sorted(tally.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
