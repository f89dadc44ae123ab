"""A blind read of abbreviations on whole wild articles: draw them, then compare a reader's list with an output.

    python tools/abbreviations_wild_read.py draw [--seed abbr-wild-20261202] [--n 40] > articles.txt
    python tools/abbreviations_wild_read.py score READ.tsv OUTPUT.jsonl [--n 40] > scored.tsv
    (``--local`` on both: local-defence articles only, wild.LOCAL, the kind the gold sets hold)

``draw`` prints ``--n`` articles of the no-held-out wild corpus (/work/wt/wild/articles-no-heldout.jsonl) that
are in no development set (``wild.audit_skip_ids``: the dev sets named one by one, never a wildcard over
corpus/gold, and the web dev inputs), in the order of the seeded hash of their id, title and text in full: what a
reader reads BEFORE looking at any output, writing the abbreviations they expect (guide, abbreviation section) in
READ.tsv: ``id<TAB>short<TAB>expansion`` (expansion ``null`` when the reader cannot tell; no line for an article
without any).

``score`` compares READ.tsv with a pipeline output (JSONL) on the drawn articles as the scorer does
(evaluate.score_abbreviations: a short form once per article, a null output expansion neither right nor wrong) and
prints one line per disagreement (id, short, read, output, kind) and, on top, precision and recall by reading.
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

from qpextract.evaluate import fold  # noqa: E402
from wild import LOCAL, audit_skip_ids, seeded_rank  # noqa: E402

CORPUS = Path("/work/wt/wild/articles-no-heldout.jsonl")
SEED = "abbr-wild-20261202"


def draw(seed: str, n: int, local: bool = False) -> list[dict]:
    """The first ``n`` no-held-out articles outside every dev set, in the seeded order of their ids (``local``: only
    local-defence news, wild.LOCAL on title or text, as the gold sets were selected)."""
    skip = audit_skip_ids()
    with open(CORPUS, encoding="utf-8") as fh:
        arts = [a for a in (json.loads(line) for line in fh if line.strip()) if str(a["id"]) not in skip]
    if local:
        arts = [a for a in arts if LOCAL.search(f"{a.get('title') or ''}\n{a['text']}")]
    return sorted(arts, key=lambda a: seeded_rank(seed, str(a["id"])))[:n]


def score(read_path: Path, out_path: Path, ids: list[str]) -> None:
    """Precision and recall of the output against the reader's list, and every disagreement with its kind."""
    read: dict[str, dict[str, str | None]] = {i: {} for i in ids}
    with open(read_path, encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if row and not row[0].startswith("#") and row[0] in read:
                read[row[0]].setdefault(fold(row[1]), None if row[2] == "null" else fold(row[2]))
    out: dict[str, dict[str, str | None]] = {}
    with open(out_path, encoding="utf-8") as fh:
        for line in fh:
            o = json.loads(line)
            if o.get("id") in read:
                got: dict[str, str | None] = {}
                for a in o.get("abbreviations") or []:
                    k = fold(a.get("short"))
                    if a.get("expansion"):
                        got.setdefault(k, fold(a["expansion"]))
                    else:
                        got.setdefault(k, None)
                out[o["id"]] = got
    tp = fp = fn = 0
    rows = []
    for aid in ids:
        g = {k: v for k, v in read[aid].items() if v is not None}
        s = out.get(aid, {})
        for k, v in g.items():
            if s.get(k) == v:
                tp += 1
            else:
                fn += 1
                fp += k in s and s[k] is not None  # a wrong expansion is also a false positive, as in the scorer
                kind = "not found" if k not in s else ("left unknown" if s[k] is None else "wrong expansion")
                rows.append([aid, k, v, s.get(k, "-"), kind])
        for k, v in s.items():
            if v is not None and g.get(k) != v and k not in read[aid]:
                fp += 1  # a form the reader left null (unsure) is neither right nor wrong, as a null output is
                rows.append([aid, k, "-", v, "spurious"])
            elif v is not None and k in read[aid] and read[aid][k] is None:
                rows.append([aid, k, "null (unsure)", v, "reader unsure (not counted)"])
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"# {len(ids)} articles; read {tp + fn} abbreviations; output right {tp}, false positives {fp}, misses {fn}; "
          f"P {p:.3f} R {r:.3f} F1 {f:.3f}")
    w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    w.writerow(["id", "short", "read", "output", "kind"])
    w.writerows(rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw")
    d.add_argument("--seed", default=SEED)
    d.add_argument("--n", type=int, default=40)
    d.add_argument("--local", action="store_true", help="local-defence articles only (wild.LOCAL)")
    s = sub.add_parser("score")
    s.add_argument("read", type=Path)
    s.add_argument("output", type=Path)
    s.add_argument("--seed", default=SEED)
    s.add_argument("--n", type=int, default=40)
    s.add_argument("--local", action="store_true")
    a = ap.parse_args()
    arts = draw(a.seed, a.n, a.local)
    if a.cmd == "draw":
        for art in arts:
            print(f"===== {art['id']}\nTITLE: {art.get('title') or ''}\n{art['text']}\n")
        return 0
    score(a.read, a.output, [str(x["id"]) for x in arts])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
