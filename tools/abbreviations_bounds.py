"""The bounds of in-text definitions, and the forms the library records that the dev readers never keep (issue #11).

    python tools/abbreviations_bounds.py dev [--rule abbr.defined_phrase] > dev_bounds.tsv
    python tools/abbreviations_bounds.py draw CORPUS.jsonl [--n 200] [--seed abbr20-20261202] > sample.tsv
    python tools/abbreviations_bounds.py spurious [--min 2] > spurious.tsv
    python tools/abbreviations_bounds.py tails > tails.tsv
    python tools/abbreviations_bounds.py blind CORPUS.jsonl --seed abbr23-20261202 --n 50 --skip OLD.tsv > sample.tsv
    python tools/abbreviations_bounds.py compare sample.tsv > judged.tsv

``dev``: every record of ``--rule`` (the scorer's unit: the first record with an expansion of each form, per
article) over the development gold sets named one by one (``SETS``: seeds, real, dev2 … dev10 and the web-page dev
sets by path; never a wildcard over corpus/gold, so no held-out file is opened), with the reader's expansion of the
form and a verdict: ``right``, ``wrong`` (the reader writes another expansion), ``unlisted`` (the reader lists no such
form) or ``null`` (the reader lists it unknown); the words before the definition are in column ``context``.

``draw``: ``--n`` articles of CORPUS (give it the no-held-out wild corpus) outside every dev set, drawn by a seeded
hash of the id, and every record of ``--rule`` in them (once per article and form), with its context and an empty
``bounds`` column for a reader (right / long / short, and why).

``tails``: every reader's expansion of a form the article defines in brackets, "<words> (FORM)", whose words end with
a country or people (the gloss owners of abbreviation_definitions.yaml), a place of the places data (places_foreign,
places_current, places_legacy), or "của <X>", with ``kept`` (the reader's expansion ends with the tail), ``dropped``
(the words before the tail end with the reader's expansion) or ``other`` (a rendering of the reader's own), per set.

``blind``: the first ``--n`` definitions "<words> (FORM)" (a form in capitals in brackets after a word, the first of each
form per article) of the articles of CORPUS outside every dev set in a seeded order, those (id, short) of the ``--skip``
audits left out, with their context and an empty ``reader`` column, chosen without the library (no rule decides the
sample). ``compare``: the library's expansion and rule of each row's form in its article, and ``same`` when the
reader's expansion (folded) is the library's.

``spurious``: per (form, rule) the library records with an expansion over the dev sets: in how many articles, in how
many of those the reader lists the form (``kept``; ``same``: with the library's expansion), and the sets. A row with
``kept`` 0 in ``--min`` articles or more is a form the readers never keep; ``--all`` prints every row.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterator, Optional

import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))

from abbreviations_conventions import _articles, _set_name  # noqa: E402
from abbreviations_renderings import SETS  # noqa: E402  (the development sets, named one by one)
from qpextract.data import read_tsv, read_yaml  # noqa: E402
from qpextract.evaluate import fold  # noqa: E402
from qpextract.text.lexicon import _NameRow  # noqa: E402  (the name column of the places TSVs)
from qpextract.pipeline import Pipeline  # noqa: E402
from qpextract.text.abbreviations import AbbreviationTagger  # noqa: E402
from qpextract.text.metadata import MetadataReader  # noqa: E402
from qpextract.text.segment import SentenceSegmenter  # noqa: E402
from wild import audit_skip_ids, wild_corpus  # noqa: E402

WEB_INPUTS = [Path(s + "-inputs.jsonl") for s in SETS if "/" in s]


def _pipe() -> Pipeline:
    return Pipeline([MetadataReader(), SentenceSegmenter(), AbbreviationTagger()])


def _firsts(pipe: Pipeline, art: dict) -> list[tuple[str, str, str, str, str]]:
    """(folded short, short, expansion, rule, context) of the scorer's unit: each form's first record with an expansion."""
    doc = pipe.document(art["text"], id=str(art["id"]), title=art.get("title"))
    seen: set[str] = set()
    out = []
    for a in doc.abbreviations:
        key = fold(a.short)
        if not a.expansion or key in seen:
            continue
        seen.add(key)
        text = doc.title if a.field == "title" and doc.title else doc.text
        at = doc.text.find(a.short + ")")  # a definition in brackets: the words before it, wherever the first mention is
        start, end, text = (at, at + len(a.short), doc.text) if at > 0 else (a.start, a.end, text)
        context = " ".join(text[max(0, start - 110) : end + 5].split())
        out.append((key, a.short, a.expansion, a.rule or "", context))
    return out


def _gold_sets(sets: tuple[str, ...] = SETS) -> Iterator[tuple[str, dict, dict]]:
    """(set name, input, gold) of every article of ``sets`` (a web set that is absent is passed over)."""
    for name in sets:
        if "/" in name and not Path(name + ".jsonl").exists():
            continue
        for art, gold in _articles(name):
            yield _set_name(name), art, gold


def judged(rule: str, sets: tuple[str, ...] = SETS) -> list[list[str]]:
    """Rows (set, id, short, rule, expansion, reader, verdict, context) of every record of ``rule`` (or of a prefix
    ending with "*") in ``sets``, judged against the reader's expansion of the form."""
    pipe = _pipe()
    rows = []
    for name, art, gold in _gold_sets(sets):
        golden = {fold(k): v for k, v in (gold.get("abbreviations") or {}).items()}
        for key, short, expansion, r, context in _firsts(pipe, art):
            if not (r == rule or rule.endswith("*") and r.startswith(rule[:-1])):
                continue
            if key not in golden:
                verdict, reader = "unlisted", "-"
            elif golden[key] is None:
                verdict, reader = "null", "null"
            else:
                reader = golden[key]
                verdict = "right" if fold(reader) == fold(expansion) else "wrong"
            rows.append([name, str(art["id"]), short, r, expansion, reader, verdict, context])
    return rows


def dev(rule: str) -> None:
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["set", "id", "short", "rule", "expansion", "reader", "verdict", "context"])
    rows = judged(rule)
    out.writerows(rows)
    print("# " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(r[6] for r in rows).items())))


def _drawn(corpus: Path, n: int, seed: str) -> list[dict]:
    skip = audit_skip_ids(WEB_INPUTS)
    with open(corpus, encoding="utf-8") as fh:
        arts = [a for a in map(json.loads, filter(str.strip, fh)) if str(a["id"]) not in skip]
    arts.sort(key=lambda a: hashlib.sha256(f"{seed}:{a['id']}".encode()).hexdigest())
    return arts[:n]


def draw(corpus: Path, n: int, seed: str, rule: str) -> None:
    pipe = _pipe()
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["id", "short", "expansion", "bounds", "why", "context"])
    rows = 0
    arts = _drawn(corpus, n, seed)
    for art in arts:
        for _key, short, expansion, r, context in _firsts(pipe, art):
            if r == rule:
                rows += 1
                out.writerow([art["id"], short, expansion, "", "", context])
    print(f"# {len(arts)} articles (seed {seed}), {rows} records of {rule}")


def survey(sets: tuple[str, ...] = SETS) -> dict[tuple[str, str], dict]:
    """Per (form as written, rule): the articles whose scorer's unit it is, how many readers list the form
    (``kept``) and with the library's expansion (``same``), the expansions, the sets and the ids."""
    pipe = _pipe()
    rows: dict[tuple[str, str], dict] = defaultdict(lambda: {"articles": 0, "kept": 0, "same": 0, "sets": Counter(), "expansions": Counter(), "ids": []})
    for name, art, gold in _gold_sets(sets):
        golden = {fold(k): v for k, v in (gold.get("abbreviations") or {}).items()}
        for key, short, expansion, rule, _context in _firsts(pipe, art):
            row = rows[(short, rule)]
            row["articles"] += 1
            row["sets"][name] += 1
            row["expansions"][expansion] += 1
            row["ids"].append(str(art["id"]))
            if key in golden:
                row["kept"] += 1
                row["same"] += golden[key] is not None and fold(golden[key]) == fold(expansion)
    return rows


def spurious(least: int, every: bool) -> None:
    rows = survey()
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["short", "rule", "articles", "kept", "same", "expansions", "sets", "ids"])
    never = 0
    for (short, rule), row in sorted(rows.items(), key=lambda kv: (kv[1]["kept"] > 0, -kv[1]["articles"], kv[0])):
        if row["kept"] == 0 and row["articles"] >= least:
            never += 1
        elif not every:
            continue
        out.writerow([short, rule, row["articles"], row["kept"], row["same"],
                      " | ".join(f"{e} ×{c}" for e, c in row["expansions"].most_common(3)),
                      " ".join(f"{s}:{c}" for s, c in sorted(row["sets"].items())), " ".join(row["ids"][:6])])
    print(f"# (form, rule) pairs never kept by a reader in {least}+ articles: {never}")


def _tail_names() -> list[str]:
    """Countries, peoples and places that may end the words before a definition's brackets, longest first."""
    names = set(read_yaml("abbreviation_definitions.yaml")["gloss"]["owners"])
    for f in ("places_foreign.tsv", "places_current.tsv", "places_legacy.tsv"):
        names.update(r.name for r in read_tsv(f, _NameRow))  # the name column (the kind of the two others unread)
    return sorted(names, key=lambda w: (-len(w), w))  # names of one length by the name: the same list every run


def _tail(before: str, names: list[str]) -> Optional[str]:
    """The country, place or "của <X>" that ends ``before`` (the words before a definition's brackets), if any."""
    words = before.split()
    for k in (4, 3, 2):  # "của Hoa Kỳ", "của Bộ Quốc phòng"
        if len(words) > k and words[-k].casefold() == "của" and words[-k + 1][:1].isupper():
            return " ".join(words[-k:])
    for name in names:
        if before.endswith(" " + name):
            return name
    return None


def tail_rows(sets: tuple[str, ...] = SETS) -> list[list[str]]:
    """Rows (set, id, short, tail, verdict, reader, context) of every reader's expansion of a form defined in brackets
    after words ending with a country, place or "của <X>" (the ``tails`` mode)."""
    names = _tail_names()
    rows = []
    for name, art, gold in _gold_sets(sets):
        for short, reader in (gold.get("abbreviations") or {}).items():
            at = art["text"].find("(" + short + ")")
            if not reader or at <= 0:
                continue
            before = " ".join(art["text"][max(0, at - 160) : at].split())
            tail = _tail(before, names)
            if tail is None:
                continue
            rest = fold(before[: -len(tail)].strip())
            if fold(reader).endswith(fold(tail)):
                verdict = "kept"
            elif rest.endswith(fold(reader)) or rest.endswith(fold(reader.split()[-1])):
                verdict = "dropped"
            else:
                verdict = "other"
            rows.append([name, str(art["id"]), short, tail, verdict, reader, before[-90:]])
    return rows


def tails(sets: tuple[str, ...] = SETS) -> None:
    """Print the ``tails`` mode: ``tail_rows`` and, per set and over all, the count of each kind of tail and verdict."""
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["set", "id", "short", "tail", "verdict", "reader", "context"])
    counts: dict[str, Counter] = defaultdict(Counter)
    for row in tail_rows(sets):
        kind = "của" if row[3].casefold().startswith("của ") else "place"
        counts[row[0]][kind + " " + row[4]] += 1
        out.writerow(row)
    for name, c in counts.items():
        print(f"# {name}: " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))
    total = sum(counts.values(), Counter())
    print("# all: " + ", ".join(f"{k} {v}" for k, v in sorted(total.items())))


_BRACKETED = regex.compile(r"(?<=[\p{L}\p{N}”\"] )\(((?=(?:[^\W\d_]*\p{Lu}){2})[\p{L}\p{N}&-]{2,12})\)")


def blind(corpus: Path, n: int, seed: str, skip: list[Path]) -> None:
    """Print the ``blind`` mode: the first N bracketed definitions of CORPUS's articles in SEED's order, the (id, short)
    pairs of the SKIP audits left out, for a reader to fill before the library is run on them."""
    done: set[tuple[str, str]] = set()
    for path in skip:
        with open(path, encoding="utf-8") as fh:
            done.update((r[0], r[1]) for r in csv.reader((l for l in fh if not l.startswith("#")), delimiter="\t"))
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["id", "short", "reader", "why", "context"])
    rows = 0
    for art in _drawn(corpus, 10**9, seed):
        seen: set[str] = set()
        for m in _BRACKETED.finditer(art["text"]):
            short = m.group(1)
            if rows >= n or short in seen or (str(art["id"]), short) in done:
                continue
            seen.add(short)
            context = " ".join(art["text"][max(0, m.start() - 140) : m.end() + 30].split())
            out.writerow([art["id"], short, "", "", context])
            rows += 1
    print(f"# {rows} definitions (seed {seed})")


def compare(sample: Path, corpus: Path) -> None:
    """Print the ``compare`` mode: the library's expansion and rule beside the reader's for each row of SAMPLE, and
    how many are the reader's."""
    with open(sample, encoding="utf-8") as fh:
        lines = [l for l in fh if not l.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    ids = {r["id"] for r in rows}
    with open(corpus, encoding="utf-8") as fh:
        arts = {str(a["id"]): a for a in map(json.loads, filter(str.strip, fh)) if str(a["id"]) in ids}
    pipe = _pipe()
    found = {i: {k: (e, r) for k, _s, e, r, _c in _firsts(pipe, arts[i])} for i in ids}
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["id", "short", "reader", "library", "rule", "same", "why", "context"])
    same = 0
    for r in rows:
        expansion, rule = found[r["id"]].get(fold(r["short"]), ("", ""))
        ok = (fold(r["reader"]) == fold(expansion)) if r["reader"] != "-" else not expansion
        same += ok
        out.writerow([r["id"], r["short"], r["reader"], expansion or "-", rule or "-", "yes" if ok else "no", r["why"], r["context"]])
    print(f"# {same} of {len(rows)} the reader's")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="mode", required=True)
    d = sub.add_parser("dev")
    d.add_argument("--rule", default="abbr.defined_phrase", help='a rule, or a prefix ending with "*": "abbr.defined*"')
    w = sub.add_parser("draw")
    w.add_argument("corpus", type=Path)
    w.add_argument("--n", type=int, default=200)
    w.add_argument("--seed", default="abbr20-20261202")
    w.add_argument("--rule", default="abbr.defined_phrase")
    s = sub.add_parser("spurious")
    s.add_argument("--min", type=int, default=2)
    s.add_argument("--all", action="store_true")
    sub.add_parser("tails")
    b = sub.add_parser("blind")
    b.add_argument("corpus", type=Path)
    b.add_argument("--n", type=int, default=50)
    b.add_argument("--seed", default="abbr23-20261202")
    b.add_argument("--skip", type=Path, action="append", default=[])
    c = sub.add_parser("compare")
    c.add_argument("sample", type=Path)
    c.add_argument("--corpus", type=Path, help="default: the corpus without held-out articles (wild.wild_corpus)")
    a = ap.parse_args()
    if a.mode == "dev":
        dev(a.rule)
    elif a.mode == "draw":
        draw(a.corpus, a.n, a.seed, a.rule)
    elif a.mode == "tails":
        tails()
    elif a.mode == "blind":
        blind(wild_corpus(a.corpus), a.n, a.seed, a.skip)
    elif a.mode == "compare":
        compare(a.sample, wild_corpus(a.corpus))
    else:
        spurious(a.min, a.all)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
