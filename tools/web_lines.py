"""Label, train and cross-validate the web-page line model (text/linemodel.py, data/vi/line_model.tsv).

usage:
  python tools/web_lines.py table OUT.tsv [SET ...]     lines with features and labels (page text: keep OUT outside the repo)
  python tools/web_lines.py cv [SET ...]                site-grouped cross-validation: rules / model / combinations
  python tools/web_lines.py score TRAIN_SETS -- TEST_SETS   train on some sets, score once on others
  python tools/web_lines.py switches [SET ...]          site-grouped CV of each switch of line_model.yaml, on and off
  python tools/web_lines.py train [SET ...]             fit on every page, write src/qpextract/data/vi/line_model.tsv

SET is a path prefix /dir/NAME (NAME.jsonl gold + NAME-inputs.jsonl); default: the web dev sets under
$QPEXTRACT_WEB_ROOT (default /work). A held-out set (a name starting with "heldout", or a path through webdev4,
webdev6 or webdev8) is refused; a missing set stops the tool with its path.
Labels come from the gold, no new annotation: ``title`` the line(s) the gold title comes from, ``dateline`` a
short line printing the gold published day, ``byline`` a line holding a gold author, else ``other``.
Deterministic: no sampling; folds are fixed by a hash of the site name; L2 logistic regression by Newton steps.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import sys
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from qpextract.data import read_yaml
from qpextract.evaluate import fold
from qpextract.pipeline import Pipeline
from qpextract.text.linemodel import KINDS, LineModel, LineValues, combine, line_date, printed_days
from qpextract.text.metadata import MetadataReader

WEB_ROOT = Path(os.environ.get("QPEXTRACT_WEB_ROOT", "/work"))  # where the web dev folders stand (webdev3 …)
WEB = [str(WEB_ROOT / p) for p in ("webdev3/web3a", "webdev3/web3b", "webdev5/web11c", "webdev5/web11d", "webdev7/web12e",
                                   "webdev9/web13f", "webdev9/web13g")]
HELDOUT_DIRS = frozenset({"webdev4", "webdev6", "webdev8"})  # the blind web sets: never read
OUT = Path(__file__).resolve().parent.parent / "src/qpextract/data/vi/line_model.tsv"
CFG = read_yaml("line_model.yaml")
TH = dict(CFG["thresholds"])  # decoding thresholds (chosen by the CV sweep)
L2 = float(os.environ.get("WEB_LINES_L2", "1.0"))
MIN_COUNT = 3  # a feature seen on fewer training lines is dropped


def check_set(prefix: str) -> None:
    """Stop on a held-out set (its name or folder) and on a set that is not there."""
    given = Path(prefix)  # its own words first: a held-out path is refused before anything on it is touched
    if any(p.startswith("heldout") for p in given.parts) or HELDOUT_DIRS & set(given.parts) or HELDOUT_DIRS & set(
        given.resolve().parts
    ):
        sys.exit(f"{prefix}: a held-out set; tools/web_lines.py reads development sets only")
    for f in (prefix + ".jsonl", prefix + "-inputs.jsonl"):
        if not Path(f).is_file():
            sys.exit(f"{f}: not found (set QPEXTRACT_WEB_ROOT, or name the sets)")


def pages(sets: list[str]) -> list[dict]:
    """Every page of the sets: id, set, site, text, gold."""
    for prefix in sets:
        check_set(prefix)
    out = []
    for prefix in sets:
        gold = {json.loads(l)["id"]: json.loads(l) for l in open(prefix + ".jsonl", encoding="utf-8")}
        for line in open(prefix + "-inputs.jsonl", encoding="utf-8"):
            rec = json.loads(line)
            site = urlparse(rec.get("url") or "").netloc.removeprefix("www.") or rec["id"]
            out.append({"id": rec["id"], "set": Path(prefix).name, "site": site, "rec": rec, "gold": gold[rec["id"]]})
    return out


def label_lines(strips: list[str], title, published, authors, reader: MetadataReader) -> list[set[str]]:
    """The kinds (``title``, ``dateline``, ``byline``; none: other) of each line, from one page's values."""
    labels: list[set[str]] = [set() for _ in strips]
    ft = fold(title) if title else ""
    day = tuple(int(x) for x in published[:10].split("-")) if published and len(published) >= 10 else None
    fa = [fold(a) for a in authors or []]
    for i, t in enumerate(strips):
        fl = fold(t)
        if not fl:
            continue
        if ft and (fl == ft or (ft in fl and len(ft) >= 0.5 * len(fl)) or (fl in ft and len(fl) >= 0.3 * len(ft) and len(t.split()) >= 3)):
            labels[i].add("title")
        if day and len(t) <= 150 and (day in printed_days(t) or (line_date(t, reader) or "")[:10] == published[:10]):
            labels[i].add("dateline")
        if fa and any(a and a in fl and (len(t) <= 200 or a in fold(t[-120:])) for a in fa):
            labels[i].add("byline")
    return labels


class Pages:
    """The pages with their lines, features, labels and the rules' values."""

    def __init__(self, sets: list[str], rules: str | None = None) -> None:
        # ``rules``: another version's output (JSONL) to stand for the rules' values, e.g. an older commit's
        self.given = {json.loads(l)["id"]: json.loads(l) for l in open(rules, encoding="utf-8")} if rules else {}
        self.pipeline = Pipeline([MetadataReader(line_model=False)])
        self.reader: MetadataReader = self.pipeline.components[0]  # type: ignore[assignment]
        self.model = LineModel(self.reader, weights={})
        self.items = [self.read(p) for p in pages(sets)]

    def read(self, p: dict) -> dict:
        rec = p["rec"]
        doc = self.pipeline.document(rec["text"], id=rec["id"], title=rec.get("title"), published=rec.get("published"))
        art = doc.to_article()
        text = doc.text
        lines = self.model.page_lines(text)
        strips = [text[s:e].strip() for s, e in lines]
        g = p["gold"]
        p = dict(p, text=text, lines=lines, strips=strips)
        p["feats"] = self.model.line_features(text, lines)
        p["labels"] = label_lines(strips, g.get("title"), g.get("published"), g.get("authors"), self.reader)
        p["rules"] = {"title": art.title, "published": art.published, "authors": list(art.authors or [])}
        if p["id"] in self.given:
            old = self.given[p["id"]]
            p["rules"] = {"title": old.get("title"), "published": old.get("published"), "authors": list(old.get("authors") or [])}
        art = p["rules"]
        p["rule_labels"] = label_lines(strips, art["title"], art["published"], art["authors"], self.reader)
        return p


def fit(items: list[dict], kind: str) -> dict[str, float]:
    """L2 logistic regression for one kind by Newton steps (deterministic)."""
    counts: dict[str, int] = {}
    for p in items:
        for f in p["feats"]:
            for k in f:
                counts[k] = counts.get(k, 0) + 1
    names = sorted(k for k, c in counts.items() if c >= MIN_COUNT)
    index = {k: j for j, k in enumerate(names)}
    rows = [f for p in items for f in p["feats"]]
    y = np.array([1.0 if kind in lab else 0.0 for p in items for lab in p["labels"]])
    X = np.zeros((len(rows), len(names)))
    for i, f in enumerate(rows):
        for k, v in f.items():
            j = index.get(k)
            if j is not None:
                X[i, j] = v
    w = np.zeros(len(names))
    reg = np.full(len(names), L2)
    reg[index["bias"]] = 1e-6
    for _ in range(30):
        z = np.clip(X @ w, -30, 30)
        pr = 1 / (1 + np.exp(-z))
        grad = X.T @ (pr - y) + reg * w
        H = (X * (pr * (1 - pr))[:, None]).T @ X + np.diag(reg)
        step = np.linalg.solve(H, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return {k: float(w[j]) for k, j in index.items() if abs(w[j]) > 1e-9}


def train(items: list[dict]) -> dict[str, dict[str, float]]:
    return {kind: fit(items, kind) for kind in KINDS}


# ---- decoding: line scores -> the page's title, published, authors ---------------------------------------


def model_values(pg: Pages, p: dict, probs: list[dict[str, float]], th: dict[str, float]) -> dict:
    """Title, published and authors read from the lines the model picks (text/linemodel.py ``read``)."""
    got = LineModel(pg.reader, weights={}).read(p["text"], p["lines"], probs, th)
    return {"title": got.title, "published": got.published, "authors": got.authors, "lines": got.lines, "values": got}


def score(results: list[tuple[dict, dict]]) -> dict[str, float]:
    """Title accuracy, published accuracy, authors P/R/F1, as the scorer counts them."""
    tr = pr = 0
    tp = fp = fn = 0
    for gold, out in results:
        tr += fold(gold.get("title")) == fold(out.get("title"))
        pr += (gold.get("published") or "") == (out.get("published") or "")
        g = {fold(a) for a in gold.get("authors", [])}
        s = {fold(a) for a in out.get("authors") or []}
        tp += len(g & s)
        fp += len(s - g)
        fn += len(g - s)
    n = len(results)
    p = tp / (tp + fp) if tp + fp else 1.0
    rc = tp / (tp + fn) if tp + fn else 1.0
    return {"title": tr / n, "published": pr / n, "authors": 2 * p * rc / (p + rc) if p + rc else 0.0,
            "tp": tp, "fp": fp, "fn": fn, "n": n}


def combos(pg: Pages, p: dict, probs: list[dict[str, float]], th: dict[str, float], veto: float, margin: float = 0.1) -> dict[str, dict]:
    """The page's values under each way of combining rules and model."""
    rules = p["rules"]
    model = model_values(pg, p, probs, th)
    out = {"rules": rules, "model": model}
    fill = dict(rules)
    for k in ("title", "published"):
        if not rules[k]:
            fill[k] = model[k]
    if not rules["authors"]:
        fill["authors"] = model["authors"]
    out["fill"] = fill
    # veto: a rule pick whose line the model scores under ``veto`` is replaced by the model's value
    vet = dict(fill)
    rl = p["rule_labels"]
    for k, kind in (("title", "title"), ("published", "dateline"), ("authors", "byline")):
        if not rules[k]:
            continue
        at = [i for i, lab in enumerate(rl) if kind in lab]
        if at and max(probs[i][kind] for i in at) < veto:
            vet[k] = model[k]
    out["veto"] = vet
    # per field: the model's authors added to the rules' (union), fill for title and published
    uni = dict(fill)
    names = list(rules["authors"])
    for nm in model["authors"]:
        if fold(nm) not in {fold(x) for x in names}:
            names.append(nm)
    uni["authors"] = names
    out["union"] = uni
    # swap: fill, and a rule pick is replaced when the model's own pick scores ``margin`` above the rule's line
    swap = dict(fill)
    for k, kind in (("title", "title"), ("published", "dateline")):
        mi = model["lines"].get(kind)
        if not rules[k] or mi is None or fold(model[k]) == fold(rules[k]):
            continue
        at = [i for i, lab in enumerate(rl) if kind in lab]
        pr = max((probs[i][kind] for i in at), default=0.0)
        if probs[mi][kind] - pr > margin:
            swap[k] = model[k]
    out["swap"] = swap
    # chosen: what the library runs (data/vi/line_model.yaml's switches, text/linemodel.py ``combine``)
    got, _ = combine(p["text"], p["lines"], probs, LineValues(rules["title"], rules["published"], list(rules["authors"])),
                     model["values"], CFG["rules"], float(CFG["title_margin"]))
    out["chosen"] = {"title": got.title, "published": got.published, "authors": got.authors}
    return out


def fold_of(site: str, k: int) -> int:
    return int(hashlib.md5(site.encode()).hexdigest(), 16) % k


def cv_probs(pg: Pages, k: int = 10) -> None:
    """Each page's line scores (``cv_probs``) by a model trained without its site's fold."""
    items = pg.items
    groups = {p["id"]: fold_of(p["site"], k) for p in items}
    for g in sorted(set(groups.values())):
        lm = LineModel(pg.reader, weights=train([p for p in items if groups[p["id"]] != g]))
        for p in items:
            if groups[p["id"]] == g:
                p["cv_probs"] = lm.scores(p["feats"])


def decoded(pg: Pages, th=None, veto: float = 0.05, margin: float = float(CFG["title_margin"])) -> dict[str, list]:
    """Every combination's values on every page, from the pages' ``cv_probs``."""
    th = th or dict(TH)
    res: dict[str, list] = {}
    for p in pg.items:
        for name, vals in combos(pg, p, p["cv_probs"], th, veto, margin).items():
            res.setdefault(name, []).append((p["gold"], vals))
    return res


def cross_validate(pg: Pages, k: int = 10, th=None, veto: float = 0.05) -> dict[str, list]:
    """Each page scored by a model trained without its site's fold; every combination."""
    cv_probs(pg, k)
    return decoded(pg, th, veto)


def switch_values(pg: Pages, rules: dict[str, bool]) -> list[tuple[dict, dict]]:
    """Every page's values (from its ``cv_probs``) with the line model's named rules switched as ``rules``."""
    out = []
    for p in pg.items:
        probs = p["cv_probs"]
        r = p["rules"]
        model = model_values(pg, p, probs, dict(TH))["values"]
        got, _ = combine(p["text"], p["lines"], probs, LineValues(r["title"], r["published"], list(r["authors"])), model,
                         rules, float(CFG["title_margin"]))
        out.append((p["gold"], {"title": got.title, "published": got.published, "authors": got.authors}))
    return out


def report(res: dict[str, list], title: str) -> None:
    print(f"== {title}")
    for name, rows in res.items():
        s = score(rows)
        print(f"  {name:8s} title {s['title']:.3f}  published {s['published']:.3f}  authors F1 {s['authors']:.3f} "
              f"(tp {s['tp']} fp {s['fp']} fn {s['fn']})  n={s['n']}")


def write_weights(weights: dict[str, dict[str, float]], sets: list[str]) -> None:
    names = ", ".join(Path(s).name for s in sets)
    head = [
        "# Line model of text/linemodel.py: one L2 logistic regression per kind of line (title, dateline, byline)",
        f"# over the line features of LineModel.line_features. Source: trained on the web dev pages ({names}),",
        f"# labels read from their gold (tools/web_lines.py label_lines), on {_dt.date.today().isoformat()}, by",
        "#   PYTHONPATH=src python tools/web_lines.py train " + " ".join(sets),
        f"# (L2 {L2:g}, features seen on fewer than {MIN_COUNT} lines dropped). Generated: do not edit by hand.",
        "kind\tfeature\tweight",
    ]
    rows = [f"{kind}\t{k}\t{v:.5f}" for kind in KINDS for k, v in sorted(weights[kind].items())]
    OUT.write_text("\n".join(head + rows) + "\n", encoding="utf-8")


def main(argv: list[str]) -> None:
    cmd, args = argv[0], argv[1:]
    if cmd == "table":
        out, sets = args[0], args[1:] or WEB
        pg = Pages(sets)
        with open(out, "w", encoding="utf-8") as fh:
            fh.write("page\tsite\tline\tlabel\tfeatures\ttext\n")
            for p in pg.items:
                for i, (f, lab, t) in enumerate(zip(p["feats"], p["labels"], p["strips"])):
                    fh.write(f"{p['id']}\t{p['site']}\t{i}\t{'+'.join(sorted(lab)) or 'other'}\t{' '.join(sorted(f))}\t{t[:200]}\n")
        counts: dict[str, int] = {}
        for p in pg.items:
            for lab in p["labels"]:
                for k in lab or {"other"}:
                    counts[k] = counts.get(k, 0) + 1
        print(len(pg.items), "pages", counts)
    elif cmd == "cv":
        pg = Pages(args or WEB)
        report(cross_validate(pg), "10-fold grouped by site")
    elif cmd == "switches":
        pg = Pages(args or WEB)
        cv_probs(pg)
        now = {k: bool(v) for k, v in CFG["rules"].items()}
        res = {"as set": switch_values(pg, now), "all off": switch_values(pg, {k: False for k in now})}
        for name in now:
            res[f"{name} {'off' if now[name] else 'on'}"] = switch_values(pg, dict(now, **{name: not now[name]}))
        report(res, "10-fold grouped by site: line_model.yaml as set, all off, each switch flipped")
    elif cmd == "sweep":
        pg = Pages(args or WEB)
        cv_probs(pg)
        for kind in KINDS:
            for t in (0.1, 0.2, 0.3, 0.4, 0.5, 0.6):
                th = dict(TH, **{kind: t})
                s = score(decoded(pg, th)["model"])
                print(f"model {kind} >= {t}: title {s['title']:.3f} published {s['published']:.3f} authors {s['authors']:.3f}")
        for v in (0.02, 0.05, 0.1, 0.2):
            s = score(decoded(pg, veto=v)["veto"])
            print(f"veto {v}: title {s['title']:.3f} published {s['published']:.3f} authors {s['authors']:.3f}")
        for m in (0.0, 0.1, 0.2, 0.3, 0.5):
            s = score(decoded(pg, margin=m)["swap"])
            print(f"swap {m}: title {s['title']:.3f} published {s['published']:.3f} authors {s['authors']:.3f}")
    elif cmd == "score":
        rules = None
        if "--rules" in args:
            at = args.index("--rules")
            rules = args[at + 1]
            del args[at : at + 2]
        cut = args.index("--")
        tr, te = Pages(args[:cut]), Pages(args[cut + 1 :], rules)
        lm = LineModel(te.reader, weights=train(tr.items))
        res: dict[str, list] = {}
        for p in te.items:
            for name, vals in combos(te, p, lm.scores(p["feats"]), dict(TH), 0.05, float(CFG["title_margin"])).items():
                res.setdefault(name, []).append((p["gold"], vals))
        report(res, f"train {' '.join(args[:cut])} -> test {' '.join(args[cut + 1:])}")
    elif cmd == "train":
        sets = args or WEB
        pg = Pages(sets)
        write_weights(train(pg.items), sets)
        print("wrote", OUT)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
