"""Fixed-seed audit of abbreviations on articles in no gold set: records to judge and articles to read for recall.

    python tools/abbreviations_audit.py CORPUS [--seed S] [--records 100] [--articles 25] > audit.tsv

CORPUS is the wild corpus without the held-out articles (/work/wt/wild/articles-no-heldout.jsonl); the
articles of the development sets are left out by naming them (``wild.DEV_SETS`` and ``wild.WEB_SETS``: only their ids
are read; no held-out file is opened). The unit is the scorer's (/work/shared/gold/score.py): one record per short form
and article, its expansion the first non-null one. Part ``a``: ``--records`` of those, drawn by the seeded
hash of article id and short form, each with its expansion, rule and sentence. Part ``b``: ``--articles``
articles of 600-5,000 characters drawn by the seeded hash of their id, every record of each and every token
that may be an abbreviation no record covers (capitals, a dotted form "TP.", a mixed form "Tp"), for a
reader who then reads the article and adds what a reader would list. Columns ``judgement`` and
``should_be`` are left blank for the reader (right / wrong / null_knowable / not_abbr / missed).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))
from wild import audit_skip_ids, seeded_rank, wild_corpus  # noqa: E402

COLUMNS = ["part", "article", "short", "expansion", "rule", "sentence", "judgement", "should_be"]
# a token a reader may list that no record covers: capitals (2+ letters, digits and joiners allowed),
# a dotted form ("TP.", "Q.", "P."), a mixed form ("Tp", "BCHQS-", "QĐ-UBND")
_CANDIDATE = re.compile(r"(?<![^\W_])(?:[A-ZĐ][A-ZĐa-z]*[A-ZĐ][A-ZĐa-z0-9]*(?:[-/&][A-ZĐ0-9][A-ZĐa-z0-9]*)*|[A-ZĐ][a-z]?\.(?=\s?[A-ZĐ]))")


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]`` (at most 120 characters either side), the form in brackets."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), start - 120)
    right = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    stop = min(right + [end + 120])
    return " ".join(f"{text[left + 1 : start]}[{text[start:end]}]{text[end:stop + 1]}".split())


def per_article(doc) -> dict[str, tuple[str, str, str]]:
    """Short form -> (expansion, rule, sentence) as the scorer reads the records: the first non-null expansion."""
    out: dict[str, tuple[str, str, str]] = {}
    for a in doc.abbreviations:
        key = " ".join(a.short.split())
        src = doc.title_map.text if a.field == "title" and doc.title_map is not None else doc.text
        row = (a.expansion or "", a.rule, ("(title) " if a.field == "title" else "") + _sentence(src, a.start, a.end))
        if key not in out or (not out[key][0] and row[0]):
            out[key] = row
    return out


def ranked_records(doc, aid: str, seed: str) -> list[tuple[str, str, str, str, str, str]]:
    """``(rank, id, short, expansion, rule, sentence)`` of each record of article ``aid`` as the scorer reads them
    (``per_article``), ranked by the seeded hash of SEED, the id and the short form: a stable draw that a small rule
    change alters only where its records changed (this audit's and tools/audit_fresh.py's abbreviation sample)."""
    return [(seeded_rank(seed, aid, short), aid, short, exp, rule, sent) for short, (exp, rule, sent) in per_article(doc).items()]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--seed", default="abbr12-a")
    ap.add_argument("--records", type=int, default=100)
    ap.add_argument("--articles", type=int, default=25)
    a = ap.parse_args()
    from qpextract import Pipeline

    skip = audit_skip_ids()
    with open(wild_corpus(a.corpus), encoding="utf-8") as fh:  # never the full shared corpus
        articles = [r for r in map(json.loads, fh) if str(r["id"]) not in skip]
    pipe = Pipeline()
    population = []  # (rank, id, short, expansion, rule, sentence)
    readable = []
    docs = {}
    for art in articles:
        doc = pipe.document(art["text"], id=art["id"], title=art.get("title"))
        aid = str(art["id"])
        population.extend(ranked_records(doc, aid, a.seed))
        if 600 <= len(art["text"]) <= 5000:
            readable.append((seeded_rank(a.seed, "article", aid), aid))
            docs[aid] = (doc, art)
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(COLUMNS)
    for _, aid, short, exp, rule, sent in sorted(population)[: a.records]:
        out.writerow(["a", aid, short, exp, rule, sent, "", ""])
    for _, aid in sorted(readable)[: a.articles]:
        doc, art = docs[aid]
        records = per_article(doc)
        for short, (exp, rule, sent) in records.items():
            out.writerow(["b", aid, short, exp, rule, sent, "", ""])
        covered = [(r.start, r.end) for r in doc.abbreviations if r.field is None]
        seen = set()
        for m in _CANDIDATE.finditer(doc.text):
            if m.group() in seen or m.group() in records or any(s < m.end() and m.start() < e for s, e in covered):
                continue
            seen.add(m.group())
            out.writerow(["b", aid, m.group(), "", "none", _sentence(doc.text, m.start(), m.end()), "", ""])
    print(f"# {len(articles)} articles in no development set; {len(population)} article-level records; seed {a.seed}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
