"""What the dev gold readers write for the forms of the abbreviation table (issue #11, twelfth pass).

    python tools/abbreviations_conventions.py [--without dev10,web11d] [--min 3] [--all] > conventions.tsv

For every short form data/vi/abbreviations.tsv knows, over the development gold sets named one by one
(``SETS``: seeds, real, dev2 … dev10 and the web-page dev sets by path; never a wildcard over corpus/gold, so no
held-out file is opened) it counts

- ``articles``: the articles in whose input the tagger finds the form (a record of the first three components,
  metadata, sentences, abbreviations, so the tool sees what the pipeline sees);
- ``recorded``: of those, the articles whose reader recorded the form (a gold key equal to it, folded as the
  scorer folds), and ``null``: how many of them with a null expansion;
- ``by_table``: of the recorded ones, those where the pipeline's expansion (the scorer's unit: the first non-null
  one) came from the table (rule ``abbr.table`` or ``abbr.compound``; not from the article's own definition,
  a context rule or a rendering written out), and the readers' expansions there, canon-folded, with counts;
- ``table_ok``: in how many of the ``by_table`` articles the table's expansion is the reader's; ``all_ok`` and
  ``readers_all`` the same over every recorded article, whatever gave the pipeline its expansion (an article that
  spells the form out is followed by its reader: there the table is not the question).

It prints every form whose readers' majority (over ``by_table``) differs from the table's expansion (kind
``differs``) and every form recorded in fewer than half of the articles that contain it (kind ``unrecorded``);
``--all`` prints every form found. ``--without`` leaves sets out (a leave-sets-out check of the conventions).
Comment lines at the end give the totals. Only gold files of the development sets are read.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterator, Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from qpextract.evaluate import fold  # noqa: E402
from qpextract.pipeline import Pipeline  # noqa: E402
from qpextract.text.abbreviations import AbbreviationTagger, canonical  # noqa: E402
from qpextract.text.metadata import MetadataReader  # noqa: E402
from qpextract.text.segment import SentenceSegmenter  # noqa: E402

GOLD = ROOT / "corpus" / "gold"
SEEDS = Path("/work/shared/seeds")
# the development sets, named one by one; a web set is a path prefix (NAME.jsonl, NAME-inputs.jsonl)
SETS = ("seeds", "real", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10",
        "/work/webdev3/web3a", "/work/webdev3/web3b", "/work/webdev5/web11c", "/work/webdev5/web11d")
TABLE_RULES = ("abbr.table", "abbr.compound")
COLUMNS = ["kind", "short", "table", "articles", "recorded", "null", "by_table", "table_ok", "majority", "readers", "all_ok",
           "readers_all", "sets"]


def _set_name(name: str) -> str:
    return name.rsplit("/", 1)[-1]


def _articles(name: str) -> Iterator[tuple[dict, dict]]:
    """(input, gold) pairs of one development set; the seeds' inputs are the text files named by their ids."""
    if "/" in name:
        gold_path, inputs_path = Path(name + ".jsonl"), Path(name + "-inputs.jsonl")
    else:
        gold_path, inputs_path = GOLD / f"{name}.jsonl", GOLD / f"{name}-inputs.jsonl"
    with open(gold_path, encoding="utf-8") as fh:
        gold = {str(g["id"]): g for g in map(json.loads, filter(str.strip, fh))}
    if name == "seeds":
        for aid, g in gold.items():
            yield {"id": aid, "text": (SEEDS / f"{aid}.txt").read_text(encoding="utf-8")}, g
        return
    with open(inputs_path, encoding="utf-8") as fh:
        for art in map(json.loads, filter(str.strip, fh)):
            if str(art["id"]) in gold:
                yield art, gold[str(art["id"])]


class Form:
    """The counts of one table form."""

    def __init__(self, short: str, table: str) -> None:
        self.short, self.table = short, table
        self.articles = 0
        self.recorded = 0
        self.null = 0
        self.by_table = 0
        self.readers: Counter = Counter()  # folded reader expansion -> articles (by_table only)
        self.readers_all: Counter = Counter()  # folded reader expansion -> articles (any rule)
        self.shown: dict[str, str] = {}  # folded -> as a reader wrote it (first seen)
        self.sets: Counter = Counter()  # set -> articles containing the form

    def majority(self) -> Optional[str]:
        """The readers' most frequent expansion over the ``by_table`` articles, if one is strictly the most frequent."""
        top = self.readers.most_common(2)
        if not top or (len(top) == 2 and top[0][1] == top[1][1]):
            return None
        return top[0][0]


def survey(sets: list[str]) -> dict[str, Form]:
    """Per canonical table form, the counts of the module docstring over ``sets``."""
    tagger = AbbreviationTagger()
    pipe = Pipeline([MetadataReader(), SentenceSegmenter(), tagger])
    forms: dict[str, Form] = {}
    for name in sets:
        for art, gold in _articles(name):
            doc = pipe.document(art["text"], id=str(art["id"]), title=art.get("title"))
            golden = {fold(k): v for k, v in (gold.get("abbreviations") or {}).items()}
            first: dict[str, tuple[Optional[str], str, str]] = {}  # key -> (expansion, rule, entry short): scorer's unit
            for a in doc.abbreviations:
                entry = tagger.lookup(a.short)
                if entry is None:
                    continue
                key = canonical(" ".join(a.short.split()))
                if key not in first or (first[key][0] is None and a.expansion):
                    first[key] = (a.expansion, a.rule, entry.short)
            for key, (expansion, rule, short) in first.items():
                entry = tagger.lookup(short)
                form = forms.setdefault(short, Form(short, entry.expansion))
                form.articles += 1
                form.sets[_set_name(name)] += 1
                if fold(key) not in golden and fold(short) not in golden:
                    continue
                written = golden.get(fold(key), golden.get(fold(short)))
                form.recorded += 1
                if written is None:
                    form.null += 1
                    continue
                form.readers_all[fold(written)] += 1
                form.shown.setdefault(fold(written), written)
                if rule in TABLE_RULES or expansion is None:
                    form.by_table += 1
                    form.readers[fold(written)] += 1
                    form.shown.setdefault(fold(written), written)
    return forms


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--without", default="", help="comma-separated set names to leave out (dev10,web11d)")
    ap.add_argument("--min", type=int, default=3, help="list a form only when it is in this many articles")
    ap.add_argument("--all", action="store_true", help="print every form found, not only the disagreements")
    a = ap.parse_args()
    left_out = {s for s in a.without.split(",") if s}
    sets = [s for s in SETS if _set_name(s) not in left_out]
    forms = survey(sets)
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(COLUMNS)
    counts: Counter = Counter()
    for short in sorted(forms, key=lambda s: (-forms[s].articles, s)):
        f = forms[short]
        table_ok = f.readers.get(fold(f.table), 0)
        major = f.majority()
        kinds = []
        if f.by_table >= a.min and major is not None and major != fold(f.table):
            kinds.append("differs")
        if f.articles >= a.min and f.recorded * 2 < f.articles:
            kinds.append("unrecorded")
        counts.update(kinds)
        if not kinds and not (a.all and f.articles >= a.min):
            continue
        readers = " | ".join(f"{f.shown[k]} ×{n}" for k, n in f.readers.most_common(5))
        out.writerow([",".join(kinds) or "-", short, f.table, f.articles, f.recorded, f.null, f.by_table, table_ok,
                      f.shown.get(major, "-") if major else "-", readers or "-", f.readers_all.get(fold(f.table), 0),
                      " | ".join(f"{f.shown[k]} ×{n}" for k, n in f.readers_all.most_common(5)) or "-",
                      " ".join(f"{s}:{n}" for s, n in sorted(f.sets.items()))])
    total = sum(f.articles for f in forms.values())
    print(f"# sets: {', '.join(_set_name(s) for s in sets)}; {len(forms)} table forms in {total} (article, form) pairs; "
          f"recorded {sum(f.recorded for f in forms.values())}, by table {sum(f.by_table for f in forms.values())}, "
          f"table's expansion the reader's {sum(f.readers.get(fold(f.table), 0) for f in forms.values())}")
    print(f"# listed (≥ {a.min} articles): differs {counts['differs']}, unrecorded {counts['unrecorded']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
