"""Short forms the corpus itself defines with two or more names, and table forms the dev gold rarely shows.

    python tools/abbreviations_ambiguous.py CORPUS.jsonl [--web INPUTS.jsonl …] > ambiguous.tsv
    python tools/abbreviations_ambiguous.py CORPUS.jsonl --rare [--max-dev 2] > rare.tsv

Give it the no-held-out wild corpus (/work/wt/wild/articles-no-heldout.jsonl); ``--web`` adds the web-page
development inputs (web3a, web3b, web11c, web11d, web12e by default, those present). Every in-text definition is
what the library's own tagger reports (``AbbreviationTagger.definitions``: the ``abbr.defined*`` rules, "Tên đầy
đủ (ABC)", "ABC (Tên đầy đủ)", "…, gọi tắt là ABC"), once per article, keyed by the canonical short form and the
scorer's fold of the name (evaluate.fold), so two names differ only where the scorer would count one of them wrong.

Default mode: every form defined with two or more different names, with the table's expansion, each name's count
of articles and, for each name, the words around its first definition in up to ``--examples`` articles (a reader
decides from these whether a neighbouring word, the article's topic or a place picks the reading).

``--rare``: every table form the corpus's pipeline records carry (rule ``abbr.table`` or a context rule) in at
least ``--min-wild`` articles while at most ``--max-dev`` development gold articles list it (the dev sets named
one by one, never a wildcard over corpus/gold; the web-page dev gold), with the table's expansion and the corpus's
own definitions of it: the rows where the corpus contradicts the table are marked ``contradicts``.

No held-out file is read: the corpus is the no-held-out one and the gold sets are named.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))

from qpextract.evaluate import fold  # noqa: E402
from qpextract.pipeline import Pipeline  # noqa: E402
from qpextract.text.abbreviations import AbbreviationTagger, canonical  # noqa: E402
from qpextract.text.metadata import MetadataReader  # noqa: E402
from qpextract.text.segment import SentenceSegmenter  # noqa: E402
from wild import DEV_SETS, GOLD  # noqa: E402

WEB_DEV = ("/work/webdev3/web3a", "/work/webdev3/web3b", "/work/webdev5/web11c", "/work/webdev5/web11d", "/work/webdev7/web12e")


def _around(text: str, short: str, name: str, width: int = 70) -> str:
    """The words around the definition: the first place where the short form and the name stand within 200
    characters of each other, else the short form's first place."""
    low = text.casefold()
    i = low.find(name.casefold())
    j = text.find(short)
    while i >= 0 and j >= 0 and abs(i - j) > 200:
        nxt = text.find(short, j + 1)
        if nxt < 0:
            break
        j = nxt
    at = min(i, j) if i >= 0 and j >= 0 and abs(i - j) <= 200 else (j if j >= 0 else max(i, 0))
    end = max(i + len(name), j + len(short)) if i >= 0 and j >= 0 and abs(i - j) <= 200 else at + len(short)
    return " ".join(text[max(0, at - width) : end + width].split())


def survey(articles: list[dict]) -> tuple[dict, dict, dict, dict]:
    """Per canonical form: the folded names the corpus defines it with (name → article ids, a printed name and
    contexts), and the articles whose pipeline records carry the table's reading."""
    tagger = AbbreviationTagger()
    pipe = Pipeline([MetadataReader(), SentenceSegmenter(), tagger])
    defs: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    printed: dict[tuple[str, str], Counter] = defaultdict(Counter)
    where: dict[tuple[str, str], list[str]] = defaultdict(list)
    tabled: dict[str, set[str]] = defaultdict(set)
    for art in articles:
        aid = str(art["id"])
        doc = pipe.document(art["text"], id=aid, title=art.get("title"))
        seen: set[tuple[str, str]] = set()
        for field_text in (doc.text, doc.title or ""):
            for short, (expansion, rule) in tagger.definitions(field_text).items():
                key, name = canonical(short), fold(expansion)
                if (key, name) in seen:
                    continue
                seen.add((key, name))
                defs[key][name].add(aid)
                printed[(key, name)][expansion] += 1
                where[(key, name)].append(f"{aid} [{rule.removeprefix('abbr.')}]: {_around(field_text, short, expansion)}")
        for a in doc.abbreviations:
            if a.rule and (a.rule == "abbr.table" or a.rule.startswith("abbr.context")):
                tabled[canonical(" ".join(a.short.split()))].add(aid)
    return defs, printed, where, tabled


def dev_gold_articles(extra: list[str]) -> dict[str, set[str]]:
    """Canonical form → ids of the development gold articles that list it (seeds, DEV_SETS and the web dev gold)."""
    out: dict[str, set[str]] = defaultdict(set)
    paths = [GOLD / "seeds.jsonl"] + [GOLD / f"{name}.jsonl" for name in DEV_SETS] + [Path(p + ".jsonl") for p in extra]
    for path in paths:
        if not path.exists():
            continue
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                if line.strip():
                    g = json.loads(line)
                    for short in g.get("abbreviations") or {}:
                        out[canonical(" ".join(short.split()))].add(f"{path.stem}:{g.get('id', n)}")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path, help="articles JSONL (the no-held-out wild corpus)")
    ap.add_argument("--web", nargs="*", default=list(WEB_DEV), help="web dev set path prefixes (PREFIX-inputs.jsonl)")
    ap.add_argument("--examples", type=int, default=3)
    ap.add_argument("--rare", action="store_true", help="list the table forms rare in dev gold instead")
    ap.add_argument("--max-dev", type=int, default=2)
    ap.add_argument("--min-wild", type=int, default=1)
    a = ap.parse_args()
    articles: list[dict] = []
    for path in [a.corpus] + [Path(p + "-inputs.jsonl") for p in a.web]:
        if path.exists():
            with open(path, encoding="utf-8") as fh:
                articles += [json.loads(line) for line in fh if line.strip()]
    defs, printed, where, tabled = survey(articles)
    tagger = AbbreviationTagger()
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    if a.rare:
        dev = dev_gold_articles(a.web)
        out.writerow(["short", "wild_articles", "dev_articles", "table", "corpus_definitions", "verdict"])
        rows = 0
        for key in sorted(tabled, key=lambda k: (-len(tabled[k]), k)):
            entry = tagger.lookup(key)
            if entry is None or len(tabled[key]) < a.min_wild or len(dev.get(key, ())) > a.max_dev:
                continue
            names = defs.get(key, {})
            said = "; ".join(f"{printed[(key, n)].most_common(1)[0][0]} ×{len(ids)}" for n, ids in
                             sorted(names.items(), key=lambda kv: -len(kv[1])))
            verdict = "-" if not names else ("agrees" if fold(entry.expansion) in names else "contradicts")
            out.writerow([key, len(tabled[key]), len(dev.get(key, ())), entry.expansion, said or "-", verdict])
            rows += 1
        print(f"# {len(articles)} articles; {rows} table forms in ≤ {a.max_dev} dev gold articles")
        return 0
    out.writerow(["short", "table", "names", "name", "articles", "examples"])
    forms = 0
    for key in sorted(defs, key=lambda k: (-sum(len(v) for v in defs[k].values()), k)):
        names = defs[key]
        if len(names) < 2:
            continue
        forms += 1
        entry = tagger.lookup(key)
        for name, ids in sorted(names.items(), key=lambda kv: -len(kv[1])):
            out.writerow([key, entry.expansion if entry else "-", len(names), printed[(key, name)].most_common(1)[0][0],
                          len(ids), " || ".join(where[(key, name)][: a.examples])])
    print(f"# {len(articles)} articles; {len(defs)} forms defined in the text, {forms} with two or more names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
