"""Precision and recall of person linking on the labelled mention pairs (corpus/registry/pairs.jsonl).

    python bench/registry_eval.py DB [--splink]

DB is a qpextract database of the 2,000 corpus articles (``qpextract extract
../shared/corpus-real/articles.jsonl -o corpus.sqlite``). A pair is predicted
"same" when both mentions (the article's official of that name) got one person.
Prints figures overall and by stratum, for the registry and for baselines.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAIRS = ROOT / "corpus" / "registry" / "pairs.jsonl"


def load_pairs(path: Path = PAIRS) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def score(pairs: list[dict], same: Callable[[dict, dict], bool | None]) -> dict:
    """P/R/F1 over pairs whose two mentions are found (``same`` returns None when one is missing)."""
    tp = fp = fn = tn = missing = 0
    wrong = []
    for p in pairs:
        pred = same(p["a"], p["b"])
        if pred is None:
            missing += 1
            continue
        if pred and p["same"]:
            tp += 1
        elif pred:
            fp += 1
            wrong.append(("FP", p["pair"], p["a"]["name"], p["b"]["name"]))
        elif p["same"]:
            fn += 1
            wrong.append(("FN", p["pair"], p["a"]["name"], p["b"]["name"]))
        else:
            tn += 1
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4), "tp": tp, "fp": fp,
            "fn": fn, "tn": tn, "missing": missing, "wrong": wrong}


def person_lookup(url: str) -> Callable[[dict, dict], bool | None]:
    """``same(a, b)`` from the person_mentions of a linked database."""
    import sqlalchemy as sa

    from qpextract.io import db

    engine = db.create_db_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(sa.text(
            "SELECT o.article_id, o.name, pm.person_id FROM officials o "
            "JOIN person_mentions pm ON pm.article_id = o.article_id AND pm.official_idx = o.idx"
        )).all()
    engine.dispose()
    pid = {(a, n): p for a, n, p in rows}

    def same(a: dict, b: dict) -> bool | None:
        x, y = pid.get((a["article_id"], a["name"])), pid.get((b["article_id"], b["name"]))
        return None if x is None or y is None else x == y

    return same


def main(argv: list[str]) -> None:
    from qpextract.registry.store import build_registry

    url = argv[0]
    pairs = load_pairs()
    build_registry(url)
    results = {"registry": score(pairs, person_lookup(url)),
               "same written name": score(pairs, lambda a, b: a["name"] == b["name"])}
    if "--splink" in argv:
        sys.path.insert(0, str(ROOT / "bench"))
        from registry_splink import splink_same

        for t in (0.5, 0.9, 0.99):
            results[f"splink p>={t}"] = score(pairs, splink_same(url, t))
    for name, r in results.items():
        print(f"{name:22s} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}  "
              f"(tp {r['tp']} fp {r['fp']} fn {r['fn']} tn {r['tn']} missing {r['missing']})")
        for w in r["wrong"]:
            print("   ", *w)


if __name__ == "__main__":
    main(sys.argv[1:])
