"""Coverage of the abbreviation table: the corpus's most frequent short forms, the table's entry, and the corpus's glosses.

    python tools/abbreviation_coverage.py CORPUS.jsonl [--top 300] [--skipped 60] > coverage.tsv

Give it the no-held-out wild corpus (/work/wt/wild/articles-no-heldout.jsonl). Every abbreviation-like
token is what the library's own tagger finds (the first three components of the pipeline:
metadata, sentences, abbreviations), so the tool sees what the pipeline sees: the records of
``doc.abbreviations`` (text and separate title), counted by canonical short form. For each of the
``--top`` most frequent it prints the count of occurrences and of articles, the table's entry
(data/vi/abbreviations.tsv, or ``-``), what the pipeline gives it (expansions with counts), and how
the corpus writes it out: the glosses next to it, counted once per article, in two kinds --

- ``def``: the tagger's own definitions (``definitions()``: "Tên đầy đủ (ABC)", "ABC (tên đầy
  đủ)", "…, gọi tắt là ABC", a name in quotes before it), each with its rule;
- ``raw``: any bracket right after the form, or any run of up to eight words right before "(ABC)"
  (for a reader's eye: "ABC (tên đầy đủ)" with words the initials do not spell, a foreign name in
  Vietnamese order);

and, in the last column (``written``), how many articles write each candidate name anywhere (the
table's, the glosses', the pipeline's and abbreviation_renderings.tsv's), an occurrence counted for
the longest name that covers it: which rendering the press uses. A comment line at the end lists
the capitals the tagger read as no abbreviation (model codes, names, credits).

No gold file is read: the evidence is the corpus text only.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from qpextract.pipeline import Pipeline  # noqa: E402
from qpextract.text.abbreviations import _CAPS, AbbreviationTagger, canonical  # noqa: E402
from qpextract.text.metadata import MetadataReader  # noqa: E402
from qpextract.text.segment import SentenceSegmenter  # noqa: E402

COLUMNS = ["rank", "short", "count", "articles", "table", "pipeline", "glosses", "written"]
# "ABC (words …)": a bracket right after a form; "… words (ABC)": up to eight words before a form in brackets
_AFTER = regex.compile(r"\s?\(([^()\n]{3,120})\)")
_BEFORE = regex.compile(r"((?:[\p{L}\p{M}\p{N}’'-]++[ ,]{1,2}){1,8})\($")


def _fmt(counter: Counter, limit: int = 6) -> str:
    return " | ".join(f"{k} ×{n}" for k, n in counter.most_common(limit))


def survey(articles: list[dict]) -> tuple[Counter, dict, dict, dict, dict, Counter, "Corpus"]:
    """Per canonical form: occurrences, article ids, pipeline expansions, tagger glosses, raw glosses; and the
    tokens in capitals the tagger read as no abbreviation (no record)."""
    tagger = AbbreviationTagger()
    pipe = Pipeline([MetadataReader(), SentenceSegmenter(), tagger])
    counts: Counter = Counter()
    arts: dict[str, set[str]] = defaultdict(set)
    given: dict[str, Counter] = defaultdict(Counter)
    defs: dict[str, Counter] = defaultdict(Counter)
    raw: dict[str, Counter] = defaultdict(Counter)
    skipped: Counter = Counter()
    texts: list[str] = []
    for art in articles:
        doc = pipe.document(art["text"], id=str(art["id"]), title=art.get("title"))
        seen_def: set[tuple[str, str]] = set()
        seen_raw: set[tuple[str, str]] = set()
        for field_text in (doc.text, doc.title or ""):
            for short, (expansion, rule) in tagger.definitions(field_text).items():
                if (short, expansion) not in seen_def:
                    seen_def.add((short, expansion))
                    defs[short][f"{expansion} [{rule.removeprefix('abbr.')}]"] += 1
        text = doc.text
        texts.append(f"{doc.title or ''}\n{text}")
        covered = [(a.start, a.end) for a in doc.abbreviations if a.field is None]
        for m in _CAPS.finditer(text):
            if sum(c.isalpha() for c in m.group()) >= 2 and not any(s < m.end() and m.start() < e for s, e in covered):
                skipped[m.group()] += 1
        for a in doc.abbreviations:
            key = canonical(" ".join(a.short.split()))
            counts[key] += 1
            arts[key].add(str(art["id"]))
            given[key][a.expansion if a.expansion is not None else "null"] += 1
            if a.field == "title":
                continue
            after = _AFTER.match(text, a.end)
            if after and canonical(after.group(1)) != key and (key, after.group(1)) not in seen_raw:
                seen_raw.add((key, after.group(1)))
                raw[key]["(" + after.group(1).strip() + ")"] += 1
            if a.start > 0 and text[a.start - 1] == "(" and text[a.end : a.end + 1] == ")":
                before = _BEFORE.search(text, max(0, a.start - 120), a.start)
                if before and (key, before.group(1)) not in seen_raw:
                    seen_raw.add((key, before.group(1)))
                    raw[key][before.group(1).strip() + " (…)"] += 1
    return counts, arts, given, defs, raw, skipped, Corpus(texts)


class Corpus:
    """The articles' normalized texts (title and text), casefolded and joined, to count how the corpus writes a name."""

    def __init__(self, texts: list[str]) -> None:
        self.starts: list[int] = []
        parts, pos = [], 0
        for t in texts:
            self.starts.append(pos)
            parts.append(t.casefold())
            pos += len(t) + 1
        self.text = "\x00".join(parts)

    def written(self, names: list[str]) -> Counter:
        """Articles that write each name, word-bounded, an occurrence counted for the longest name that covers it
        ("Cơ quan Tình báo Trung ương Mỹ" is not also "Cơ quan Tình báo Trung ương"): the press's rendering."""
        keys = sorted({n.casefold() for n in names if n}, key=len, reverse=True)
        found: dict[str, set[int]] = {k: set() for k in keys}
        if not keys:
            return Counter()
        pattern = regex.compile(r"(?<![\p{L}\p{N}])(?:" + "|".join(regex.escape(k) for k in keys) + r")(?![\p{L}\p{N}])")
        for m in pattern.finditer(self.text):
            found[m.group()].add(bisect.bisect_right(self.starts, m.start()) - 1)
        return Counter({k: len(v) for k, v in found.items()})


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path, help="articles JSONL (the no-held-out wild corpus)")
    ap.add_argument("--top", type=int, default=300)
    ap.add_argument("--skipped", type=int, default=60, help="list this many of the capitals read as no abbreviation")
    a = ap.parse_args()
    with open(a.corpus, encoding="utf-8") as fh:
        articles = [json.loads(line) for line in fh if line.strip()]
    counts, arts, given, defs, raw, skipped, corpus = survey(articles)
    table = AbbreviationTagger()
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(COLUMNS)
    ranked = sorted(counts, key=lambda k: (-counts[k], k))[: a.top]
    for rank, key in enumerate(ranked, 1):
        entry = table.lookup(key)
        glosses = "; ".join(p for p in (("def: " + _fmt(defs[key])) if defs[key] else "", ("raw: " + _fmt(raw[key], 4)) if raw[key] else "") if p)
        names = ([entry.expansion] if entry else []) + [g.rsplit(" [", 1)[0] for g in defs[key]] + [g for g in given[key] if g != "null"]
        names += [n for n in table.renderings.get(entry.short, (None, {}))[1].values()] if entry else []
        said = corpus.written(names)
        out.writerow([rank, key, counts[key], len(arts[key]), entry.expansion if entry else "-", _fmt(given[key], 4), glosses or "-",
                      _fmt(said, 5) if said else "-"])
    print(f"# capitals read as no abbreviation (no record), the {a.skipped} most frequent: "
          + ", ".join(f"{k} ×{n}" for k, n in skipped.most_common(a.skipped)))
    print(f"# {len(articles)} articles; {sum(counts.values())} abbreviation records of {len(counts)} forms; "
          f"top {len(ranked)}: {sum(1 for k in ranked if table.lookup(k))} in the table")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
