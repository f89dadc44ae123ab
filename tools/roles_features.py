"""Train and measure the learned role model (extractors/events/role_model.py) on the development gold.

    python tools/roles_features.py extract [SET ...] [--cache DIR]     features of every matched participant
    python tools/roles_features.py loso [SET ...] [--cache DIR]        leave-one-set-out figures
    python tools/roles_features.py train [SET ...] [--cache DIR] [--threshold T] [--enabled yes|no]
                                                                       write src/qpextract/data/vi/role_model.tsv
    python tools/roles_features.py apply SET --without SET --rows DIR  first look: the model trained without SET on
                                                                       an older commit's rows of SET
    python tools/roles_features.py wild [--corpus F] [--limit N] [--threshold T] [--out F.tsv]
                                                                       the roles the model (trained on every set) would
                                                                       change on wild articles, with their sentences
    python tools/roles_features.py firstlook --rows DIR [--with-first] every set's first look (DIR: the rows of the
                                                                       rules before the set was added) against the model
                                                                       trained without it

SET is a development gold name under corpus/gold (real, dev2 … dev10) or a path prefix /dir/NAME; default
``DEV_SETS``, named one by one (a name starting with "heldout" is refused). ``extract`` runs the pipeline with the model
off on each set's inputs and writes, for every gold participant of the main event whose name (folded as the scorer
folds it) is a participant of the library's main event, its features, the rules' role and rule and the gold role, to
DIR/SET.jsonl (default /tmp/rolesml13-feats). It may run under the code of an older commit
(``PYTHONPATH=/tmp/old-X/src``): the feature function and its cue files are then read from this worktree, so the
old rules' roles are read with today's features.

Training is deterministic: a sparse multinomial logistic regression, stochastic gradient with a fixed seed, order and
step schedule (``EPOCHS``, ``RATE``, ``L2``).

What it found (thirteenth pass, branch rolesml13; role accuracy on the 367 matched names of the 15 development sets,
the same figure as devscore.sh's participant.role): the rules 0.935 (in-sample); the model, each set left out, 0.902
(0.921 across speaker/other only; 0.921 / 0.924 / 0.932 where at least 0.7 / 0.8 / 0.9 sure, changing 5 / 4 / 1
roles); of the 17 roles it changed, 2 became right and 14 were right before. On the first looks (the rules before a
set was added: 155 rows of dev3 … dev10, web12e) the rules 0.735, the model trained without the set 0.748 (0.768 with
the other sets' first looks among its training rows); on dev10 (1bc0a6d) and web12e (0a31a46) it changed nothing. On
the wild corpus at 0.7 it would change 38 of 1,386 roles; read by the guide (corpus/audit/roles_model_wild_session13.tsv)
15 better, 10 worse, 9 unclear, 4 training articles. Not wired into the library: it does not beat the rules.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Optional

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "qpextract" / "data" / "vi"
DEV_SETS = ["real", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10",
            "/work/webdev3/web3a", "/work/webdev3/web3b", "/work/webdev5/web11c", "/work/webdev5/web11d",
            "/work/webdev7/web12e"]
ROLES = ("chair", "attendee", "speaker", "reporter", "recipient", "other")
EPOCHS = 30
RATE = 0.2
L2 = 1e-3
SEED = 13
MIN_COUNT = 2  # a feature seen on fewer training participants gets no weight
CACHE = Path("/tmp/rolesml13-feats")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from roles_conventions import paths  # noqa: E402  (the set's label, gold and inputs; held-out names refused)


def _role_model() -> Any:
    """This worktree's role_model module, reading its cue files from this worktree (whatever qpextract is imported)."""
    import yaml

    spec = importlib.util.spec_from_file_location("role_model", ROOT / "tools" / "role_model.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    mod.read_yaml = lambda name: yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    return mod


def extract(sets: list[str], cache: Path) -> None:
    """Features of every matched participant of each set, with the rules' and the gold roles, to cache/SET.jsonl."""
    from qpextract.evaluate import fold as canon
    from qpextract.io.readers import prepare
    from qpextract.pipeline import Pipeline

    rm = _role_model()
    pipe = Pipeline()
    for comp in pipe.components:  # the model off: the rules' own roles
        model = getattr(comp, "role_model", None)
        if model is not None:
            model.enabled = False
    cache.mkdir(parents=True, exist_ok=True)
    for s in sets:
        label, gold_path, inputs_path = paths(s)
        gold = {g["id"]: g for g in map(json.loads, gold_path.open(encoding="utf-8"))}
        rows = []
        for item in map(json.loads, inputs_path.open(encoding="utf-8")):
            g = gold.get(item["id"])
            gp = ((g or {}).get("events") or {}).get("participants")
            if not gp:
                continue
            ready = prepare(item)
            doc = pipe.document(ready["text"], id=item["id"], title=ready.get("title"),
                                published=ready.get("published"), source=ready.get("source"))
            mains = [e for e in doc.events if e.main]
            if not mains:
                continue
            ev = mains[0]
            parts = list(ev.participants)
            groles = {canon(p["name"]): p["role"] for p in gp}
            for i, p in enumerate(parts):
                role = groles.get(canon(p.name))
                if role is None:
                    continue
                feats = rm.features(doc, ev.type, ev.rule or "", ev.trigger or "", parts, i)
                rows.append({"set": label, "id": item["id"], "name": p.name, "gold": role, "rules": p.role,
                             "rule": getattr(p, "rule", None), "features": feats})
        with (cache / f"{label}.jsonl").open("w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{label}: {len(rows)} matched participants", file=sys.stderr)


def load(sets: list[str], cache: Path) -> dict[str, list[dict[str, Any]]]:
    """The cached rows of each set."""
    out = {}
    for s in sets:
        label = paths(s)[0]
        out[label] = [json.loads(x) for x in (cache / f"{label}.jsonl").open(encoding="utf-8")]
    return out


DROP: tuple[str, ...] = ()  # feature prefixes left out (--drop: "rule=", "role=" for a model of the cues alone)


def _kept(feats: list[str]) -> list[str]:
    return [f for f in feats if not f.startswith(DROP)] if DROP else feats


def train(rows: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Weights of a multinomial logistic regression: SGD with a fixed seed, L2, a decaying step."""
    rows = [{**r, "features": _kept(r["features"])} for r in rows]
    counts = Counter(f for r in rows for f in set(r["features"]))
    keep = {f for f, n in counts.items() if n >= MIN_COUNT}
    data = sorted(([f for f in r["features"] if f in keep], r["gold"]) for r in rows)
    w: dict[str, dict[str, float]] = defaultdict(lambda: dict.fromkeys(ROLES, 0.0))
    rng = random.Random(SEED)
    import math

    for epoch in range(EPOCHS):
        rng.shuffle(data)
        rate = RATE / (1 + 0.2 * epoch)
        for feats, gold in data:
            score = dict.fromkeys(ROLES, 0.0)
            for f in feats:
                for r, v in w[f].items():
                    score[r] += v
            top = max(score.values())
            exp = {r: math.exp(v - top) for r, v in score.items()}
            z = sum(exp.values())
            for f in feats:
                row = w[f]
                for r in ROLES:
                    grad = exp[r] / z - (1.0 if r == gold else 0.0)
                    row[r] -= rate * (grad + L2 * row[r])
    return {f: {r: v for r, v in row.items() if abs(v) >= 1e-4} for f, row in w.items()}


def predict(w: dict[str, dict[str, float]], feats: list[str]) -> tuple[str, float, dict[str, float]]:
    """The model's role, its probability and all probabilities."""
    import math

    score = dict.fromkeys(ROLES, 0.0)
    for f in feats:
        for r, v in w.get(f, {}).items():
            score[r] += v
    top = max(score.values())
    exp = {r: math.exp(v - top) for r, v in score.items()}
    z = sum(exp.values())
    probs = {r: v / z for r, v in exp.items()}
    best = max(ROLES, key=lambda r: probs[r])
    return best, probs[best], probs


THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)


def measure(w: dict[str, dict[str, float]], rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Role accuracy on matched names: the rules, the model, the model only across speaker/other, the model only where
    at least T sure (else the rules), and the speaker/other flips by the model only where at least T sure."""
    m: dict[str, Any] = Counter()
    for r in rows:
        best, p, probs = predict(w, _kept(r["features"]))
        g, rules = r["gold"], r["rules"]
        m["n"] += 1
        m["rules"] += rules == g
        m["model"] += best == g
        so = rules in ("speaker", "other")
        so_pred = (max(("speaker", "other"), key=lambda x: probs[x])) if so else rules
        m["so"] += so_pred == g
        for t in THRESHOLDS:
            use = best if p >= t else rules
            m[f"conf{t}"] += use == g
            m[f"changed{t}"] += use != rules
            so_t = so_pred if so and probs[so_pred] >= t else rules
            m[f"so{t}"] += so_t == g
            m[f"so_changed{t}"] += so_t != rules
    return m


def row_line(label: str, m: dict[str, Any], extra: tuple[float, ...] = (0.7, 0.8, 0.9)) -> str:
    n = max(m["n"], 1)
    cells = [f"{label:<8}", f"{m['n']:>4}", f"{m['rules'] / n:.3f}", f"{m['model'] / n:.3f}", f"{m['so'] / n:.3f}"]
    for t in extra:
        cells.append(f"{m[f'conf{t}'] / n:.3f}({m[f'changed{t}']})")
    for t in extra:
        cells.append(f"{m[f'so{t}'] / n:.3f}({m[f'so_changed{t}']})")
    return " ".join(cells)


HEADER = ("set        n rules model so-only " + " ".join(f"conf{t}(chg)" for t in (0.7, 0.8, 0.9)) + " "
          + " ".join(f"so{t}(chg)" for t in (0.7, 0.8, 0.9)))


def loso(sets: list[str], cache: Path, first: Optional[Path] = None) -> None:
    """Each set held out in turn: the model trained on the others (and, with ``first``, on the other sets' first-look
    rows), scored on it; pooled at the end."""
    data = load(sets, cache)
    firsts = load(FIRST_LOOK, first) if first is not None else {}
    total: Counter[str] = Counter()
    print(HEADER)
    for label in data:
        w = train([r for k, rs in (*data.items(), *firsts.items()) if k != label for r in rs])
        m = measure(w, data[label])
        total.update(m)
        print(row_line(label, m))
    print(row_line("pooled", total))
    w = train([r for rs in data.values() for r in rs])
    print(row_line("in-sample", measure(w, [r for rs in data.values() for r in rs])))


def write(sets: list[str], cache: Path, threshold: float, enabled: str, out: Path) -> None:
    """Train on every set and write the weights file with its header."""
    data = load(sets, cache)
    rows = [r for rs in data.values() for r in rs]
    w = train(rows)
    lines = [
        "# The learned role model's weights (tools/role_model.py, rule role.model): a sparse multinomial",
        "# logistic regression over role_model.features. Generated by tools/roles_features.py train; do not edit.",
        f"# Trained on {len(rows)} participants of the main event whose gold name the rules' participants match, on the",
        f"# development gold sets {' '.join(data)} (the rules' roles read with the model off);",
        f"# SGD, {EPOCHS} epochs, step {RATE}/(1+0.2 epoch), L2 {L2}, seed {SEED}, features seen at least {MIN_COUNT} times.",
        "# The model overrules a rule only where its role's probability is at least the threshold.",
        f"# threshold: {threshold}",
        f"# enabled: {enabled}",
        "feature\trole\tweight",
    ]
    for f in sorted(w):
        for r in ROLES:
            if r in w[f]:
                lines.append(f"{f}\t{r}\t{w[f][r]:.4f}")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} rows, {len(w)} features", file=sys.stderr)


def apply(target: str, without: list[str], sets: list[str], cache: Path, rows_dir: Path) -> None:
    """First look: the model trained on every set but ``without``, on the rows of ``target`` read from ``rows_dir``
    (an older commit's rules)."""
    data = load([s for s in sets if paths(s)[0] not in {paths(x)[0] for x in without}], cache)
    w = train([r for rs in data.values() for r in rs])
    rows = load([target], rows_dir)[paths(target)[0]]
    print(HEADER)
    print(row_line(paths(target)[0], measure(w, rows)))


FIRST_LOOK = ["dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "/work/webdev7/web12e"]


def first_look(cache: Path, first: Path, with_first: bool) -> None:
    """Each set's first look in turn (the rows of the rules of the commit before the set was added, in ``first``:
    dev3 … dev9 at the parent of the commit adding them, dev10 at 1bc0a6d, web12e at 0a31a46): the model trained on
    every other set (today's rules' rows, and with ``with_first`` the other sets' first-look rows too) against the
    rules that had not seen the set."""
    data = load(DEV_SETS, cache)
    firsts = load(FIRST_LOOK, first)
    total: Counter[str] = Counter()
    print(HEADER)
    for label, rows in firsts.items():
        train_rows = [r for k, rs in data.items() if k != label for r in rs]
        if with_first:
            train_rows += [r for k, rs in firsts.items() if k != label for r in rs]
        m = measure(train(train_rows), rows)
        total.update(m)
        print(row_line(label, m))
    print(row_line("pooled", total))


def wild(corpus: Path, limit: int, threshold: float, cache: Path, out: Path) -> None:
    """The roles the model trained on every development set would change (probability at least ``threshold``) on the
    first ``limit`` articles of ``corpus`` (the helpers' wild corpus without held-out articles), to a TSV to read."""
    from qpextract.io.readers import prepare
    from qpextract.pipeline import Pipeline

    rm = _role_model()
    data = load(DEV_SETS, cache)
    w = train([r for rs in data.values() for r in rs])
    pipe = Pipeline()
    seen = changed = 0
    lines = ["id\tname\trules\trule\tmodel\tp\tsentences"]
    with corpus.open(encoding="utf-8") as f:
        for k, line in enumerate(f):
            if k >= limit:
                break
            item = json.loads(line)
            ready = prepare({"id": item["id"], "text": item["text"], "title": item.get("title")})
            doc = pipe.document(ready["text"], id=item["id"], title=ready.get("title"))
            mains = [e for e in doc.events if e.main]
            if not mains:
                continue
            ev = mains[0]
            parts = list(ev.participants)
            for i, p in enumerate(parts):
                seen += 1
                best, prob, _ = predict(w, _kept(rm.features(doc, ev.type, ev.rule or "", ev.trigger or "", parts, i)))
                if best == p.role or prob < threshold:
                    continue
                changed += 1
                official = doc.officials[p.official] if p.official is not None else None
                spans = sorted({s for m in (official.mentions if official else []) for s in doc.sentences
                                if s[0] <= m.start < s[1]})
                said = " | ".join(" ".join(doc.text[a:b].split())[:300] for a, b in spans[:3])
                lines.append(f"{item['id']}\t{p.name}\t{p.role}\t{p.rule}\t{best}\t{prob:.2f}\t"
                             f"{(doc.title or '')[:120]} || {said}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{seen} participants, {changed} roles the model would change", file=sys.stderr)


def main(argv: list[str]) -> None:
    """The subcommands."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cmd", choices=["extract", "loso", "train", "apply", "wild", "firstlook"])
    ap.add_argument("--with-first", action="store_true", help="firstlook: train on the other sets' first looks too")
    ap.add_argument("--out", type=Path, default=CACHE / "role_model.tsv", help="train: the weights file; wild: the TSV")
    ap.add_argument("--corpus", type=Path, default=Path("/work/wt/wild/articles-no-heldout.jsonl"))
    ap.add_argument("--limit", type=int, default=400, help="wild: the first N articles")
    ap.add_argument("sets", nargs="*")
    ap.add_argument("--cache", type=Path, default=CACHE)
    ap.add_argument("--rows", type=Path, help="apply: where the target's rows are (an older commit's extract)")
    ap.add_argument("--without", nargs="*", default=[])
    ap.add_argument("--threshold", type=float, default=0.8)
    ap.add_argument("--enabled", default="no")
    ap.add_argument("--drop", nargs="*", default=[], help="feature prefixes left out")
    ap.add_argument("--l2", type=float, default=None)
    ap.add_argument("--epochs", type=int, default=None)
    args = ap.parse_args(argv)
    global DROP, L2, EPOCHS
    DROP = tuple(args.drop)
    L2 = args.l2 if args.l2 is not None else L2
    EPOCHS = args.epochs if args.epochs is not None else EPOCHS
    sets = args.sets or DEV_SETS
    if args.cmd == "extract":
        extract(sets, args.cache)
    elif args.cmd == "loso":
        loso(sets, args.cache, (args.rows or Path("/tmp/rolesml13-first")) if args.with_first else None)
    elif args.cmd == "train":
        write(sets, args.cache, args.threshold, args.enabled, args.out)
    elif args.cmd == "firstlook":
        first_look(args.cache, args.rows or Path("/tmp/rolesml13-first"), args.with_first)
    elif args.cmd == "wild":
        wild(args.corpus, args.limit, args.threshold, args.cache, args.out)
    else:
        apply(sets[0], args.without, DEV_SETS, args.cache, args.rows or args.cache)


if __name__ == "__main__":
    os.environ.setdefault("QPEXTRACT_HIDE_HELDOUT", "1")
    main(sys.argv[1:])
