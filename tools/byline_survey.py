"""Survey of byline forms: how the last three lines of every corpus article end.

    python tools/byline_survey.py [CORPUS] [--full-corpus] [--output qpextract.jsonl] [--examples N]

CORPUS defaults to the corpus without held-out articles (tools/wild.py's ``wild_corpus``); the earlier surveys
counted the full 2,000 articles: ``--full-corpus`` reads them.

Each article's last three non-empty lines are matched, from the end, against the
forms below (first match wins) and the forms are counted. With ``--output`` (a
qpextract run over the same articles) the table also says in how many articles
of each form the pipeline found authors, so the frequent forms it misses stand out.
The forms are survey patterns, not extraction rules (those are data/vi/byline.yaml).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

import regex
from wild import add_corpus_arguments, wild_corpus

NAME = r"(?:\p{Lu}[\p{Ll}\p{M}]*+\s){1,3}\p{Lu}[\p{Ll}\p{M}]*+"
CAPS = r"(?:[\p{Lu}\p{M}]{2,}+\s){1,3}[\p{Lu}\p{M}]{2,}+"
INITIALS = r"(?:\p{Lu}\.\s?){1,3}\p{Lu}[\p{L}\p{M}]*+"
# (form, pattern searched in the last line, or in one of the last three when the name ends with "/line")
FORMS: list[tuple[str, str]] = [
    ("opener (Tin, ảnh: NAME)", r"^(?:Tin|Bài|Ảnh|Tin, ảnh|Bài và ảnh|Tin và ảnh)\s*:\s*\S"),
    ("name line", rf"^(?:{NAME}|{CAPS}|{INITIALS})(?:\s*[-–,/&]\s*(?:{NAME}|{CAPS}|{INITIALS}))*\s*$"),
    ("name (source) line", rf"^{NAME}\s*\([^()]{{2,40}}\)\s*$"),
    ("name - at the end", rf"(?:^|\s)(?:\p{{Lu}}{{2,4}}\s)?{NAME}\s[-–]\s*$"),
    ("theo name/source", rf"(?:^|\s)[Tt]heo\s{NAME}\s?/\s?\S+\s*$"),
    ("name/source at the end", rf"[.!?…\"”]\s+{NAME}\s?/\s?[\p{{Lu}}][\S]*(?:[-–][\p{{L}}]+)?\s*$"),
    ("name (theo source) at the end", rf"[.!?…\"”]\s+{NAME}\s*\((?:[Tt]heo|T/h|[Tt]ổng hợp)[^()]*\)\s*$"),
    ("source: theo X at the end", r"(?:^|\s)[Tt]heo\s+\S+(?:\s\S+){0,3}\s*$"),
    ("source: agency tag at the end", r"(?:TTXVN|PV|VOV|QĐND)(?:/[\p{L}. -]+)?\s*$"),
    ("name glued after a stop", rf"[.!?…\"”]\s+(?:{NAME}|{CAPS}|{INITIALS})\s*$"),
    ("caption or credit (Ảnh:, Video:, Nguồn)", r"(?:^|[-(]\s?)(?:Ảnh|Video|Đồ họa|Đồ hoạ|Nguồn)\b"),
    ("sentence end", r"[.!?…\"”)]\s*$"),
]


def classify(lines: list[str]) -> str:
    """The first form that the last line (or, for a name line, one of the last three) matches."""
    for form, pattern in FORMS:
        if form.endswith("line"):
            if any(regex.search(pattern, line.strip()) for line in lines):
                return form
        elif lines and regex.search(pattern, lines[-1].strip()):
            return form
    return "other"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_corpus_arguments(ap)
    ap.add_argument("--output", type=Path, help="qpextract JSONL over the same articles")
    ap.add_argument("--examples", type=int, default=3)
    args = ap.parse_args()
    found: dict[str, list[str]] = {}
    if args.output:
        with open(args.output, encoding="utf-8") as fh:
            found = {(o := json.loads(line))["id"]: o.get("authors") or [] for line in fh if line.strip()}
    counts: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    with open(wild_corpus(args.corpus, args.full_corpus), encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            lines = [x for x in art["text"].split("\n") if x.strip()][-3:]
            form = classify(lines)
            counts[form] += 1
            hits[form] += bool(found.get(art["id"]))
            if len(examples[form]) < args.examples:
                examples[form].append(f"{art['id']}: …{lines[-1].strip()[-90:] if lines else ''}")
    print(f"{'form':42} {'articles':>8} {'authors':>8}")
    for form, n in counts.most_common():
        print(f"{form:42} {n:8d} {hits[form] if found else '-':>8}")
        for ex in examples[form]:
            print(f"    {ex}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
