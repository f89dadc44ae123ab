"""Officials found by qpextract's rules vs. underthesea ``ner()`` PER entities, on real-article gold.

    PYTHONPATH=src python bench/ner_compare.py [--gold G.jsonl ...] [--inputs I.jsonl] [--limit N]

Both systems are scored against the same gold names (``officials[].name``), with the
reference scorer's string folding (../shared/gold/score.py ``canon`` rules: case,
spacing, dashes and tone placement do not matter). The rules also get position
P/R/F1 as the scorer computes it. underthesea runs sentence by sentence over the
title and the text (its model is not on qpextract's default path: it costs tens of
milliseconds per sentence); the script also reports the names its POS tagger marks
``Np`` (proper noun) that start with a known surname, and what the union "rules +
NER PER" would score, to show what a model would add.

Default gold: corpus/gold/real.jsonl (+ real-inputs.jsonl) when present, else the
annotators' /work/ann/real-{A,B}.jsonl with /work/ann/real-inputs.jsonl.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from qpextract.evaluate import fold  # noqa: E402  (the reference scorer's folding)

def prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (tp {tp} fp {fp} fn {fn})"


def load(paths: list[Path]) -> list[dict]:
    rows = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            rows += [json.loads(line) for line in f if line.strip()]
    return rows


def default_paths() -> tuple[list[Path], Path]:
    main = ROOT / "corpus" / "gold" / "real.jsonl"
    if main.is_file():
        return [main], ROOT / "corpus" / "gold" / "real-inputs.jsonl"
    ann = Path("/work/ann")
    return [ann / "real-A.jsonl", ann / "real-B.jsonl"], ann / "real-inputs.jsonl"


def ner_names(ner, text: str, surnames: frozenset[str]) -> tuple[set[str], set[str], int]:
    """PER entities and surname-led Np tokens of underthesea over ``text``; also the sentence count."""
    per: set[str] = set()
    np_names: set[str] = set()
    sentences = [s for line in text.split("\n") for s in re.split(r"(?<=[.!?])\s+", line) if s.strip()]
    for sent in sentences:
        try:
            tokens = ner(sent)
        except Exception:  # the model must not stop the comparison
            continue
        current: list[str] = []
        for word, pos, _chunk, tag in tokens:
            if tag == "B-PER":
                if current:
                    per.add(" ".join(current))
                current = [word]
            elif tag == "I-PER" and current:
                current.append(word)
            else:
                if current:
                    per.add(" ".join(current))
                current = []
            if pos == "Np" and " " in word and word.split()[0] in surnames:
                np_names.add(word)
        if current:
            per.add(" ".join(current))
    return per, np_names, len(sentences)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", nargs="*", type=Path)
    ap.add_argument("--inputs", type=Path)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--debug", action="store_true")
    args = ap.parse_args()
    gold_paths, inputs_path = default_paths()
    gold = {g["id"]: g for g in load(args.gold or gold_paths)}
    inputs = [r for r in load([args.inputs or inputs_path]) if r["id"] in gold]
    if args.limit:
        inputs = inputs[: args.limit]

    from qpextract import Pipeline
    from qpextract.extractors.officials.lexicon import Lexicon

    pipeline = Pipeline()
    surnames = Lexicon().surnames
    t0 = time.perf_counter()
    from underthesea import ner

    ner("Khởi động.")  # load the model before timing
    t_load = time.perf_counter() - t0

    counts = {k: [0, 0, 0] for k in ("rules", "rules.positions", "ner.PER", "np.surname", "rules+PER")}
    t_rules = t_ner = 0.0
    n_sent = 0
    added: list[str] = []
    for rec in inputs:
        g = gold[rec["id"]]
        gold_names = {fold(o["name"]) for o in g.get("officials", [])}
        t = time.perf_counter()
        art = pipeline.extract(rec["text"], id=rec["id"], title=rec.get("title"))
        t_rules += time.perf_counter() - t
        rules = {fold(o.name): o for o in art.officials}
        t = time.perf_counter()
        per, np_names, ns = ner_names(ner, "\n".join(x for x in (rec.get("title"), rec["text"]) if x), surnames)
        t_ner += time.perf_counter() - t
        n_sent += ns
        systems = {
            "rules": set(rules),
            "ner.PER": {fold(x) for x in per},
            "np.surname": {fold(x) for x in np_names},
        }
        systems["rules+PER"] = systems["rules"] | systems["ner.PER"]
        added += [f"{rec['id']}: {x}" for x in systems["ner.PER"] - systems["rules"]]
        for name, found in systems.items():
            c = counts[name]
            c[0] += len(found & gold_names)
            c[1] += len(found - gold_names)
            c[2] += len(gold_names - found)
        by_gold = {fold(o["name"]): o for o in g.get("officials", [])}
        for k in set(rules) & set(by_gold):
            gp = {fold(p) for p in by_gold[k].get("positions", [])}
            sp = {fold(p.text) for p in rules[k].positions}
            if gp != sp and "--debug" in sys.argv: print("DEBUG", rec["id"], k, gp - sp, sp - gp)
            c = counts["rules.positions"]
            c[0] += len(gp & sp)
            c[1] += len(sp - gp)
            c[2] += len(gp - sp)

    n = len(inputs)
    print(f"articles: {n}, sentences (for NER): {n_sent}")
    print(f"officials, qpextract rules     {prf(*counts['rules'])}")
    print(f"positions, qpextract rules     {prf(*counts['rules.positions'])}")
    print(f"names, underthesea ner() PER   {prf(*counts['ner.PER'])}")
    print(f"names, underthesea Np+surname  {prf(*counts['np.surname'])}")
    print(f"names, rules + ner() PER       {prf(*counts['rules+PER'])}")
    print(
        f"time: whole qpextract pipeline {1000 * t_rules / max(n, 1):.1f} ms/article; "
        f"underthesea ner() {1000 * t_ner / max(n, 1):.1f} ms/article "
        f"({1000 * t_ner / max(n_sent, 1):.1f} ms/sentence; model load {t_load:.1f} s)"
    )
    if added:
        print("PER names the rules do not report (first 15):")
        for line in added[:15]:
            print("  " + line)


if __name__ == "__main__":
    main()
