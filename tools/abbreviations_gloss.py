"""Abbreviations whose printed expansion differs from a gloss the same article gives (issue #11, session 11).

    python tools/abbreviations_gloss.py CORPUS [--seed S] [--sample 60] [--judged FILE] > audit.tsv

CORPUS is the wild corpus without the held-out articles (/work/wt/wild/articles-no-heldout.jsonl); the articles of
the development sets are left out by naming them (only their ids are read; no held-out file is opened). The unit is
the scorer's: one record per short form and article, its expansion the first non-null one. For each, the article's
glosses of the form are found with no help from the tagger's rules:

- ``before``: the words right before "(FORM)", back to the clause's start (a comma does not end it);
- ``after``: the words in brackets right after "FORM (…)", two words or more, not a form;
- ``apposition``: "FORM, dạng …", "FORM – tức …": two words or more after a comma or dash and a cue word;
- ``initials``: the shortest run of words right before the form (in brackets or not) whose initials spell it, by
  this tool's own matcher (:func:`spells`: one word a letter, in order, marks and case aside, a few linking words
  passed over), not the tagger's ``_match_initials``: an audit that used the rule it audits could not find its misses.

A record is listed when no gloss agrees with its expansion (kind ``null_with_gloss`` for a null expansion,
``differs_<gloss>`` for another expansion; a gloss agrees when one holds the other, case and tone placement aside),
or when a ``before`` gloss holds it but its bounds look doubtful (``bounds_comma``: a list item before it, with "và" in the list,
``bounds_capital``: a capitalized word right before it, ``bounds_link``: "thuộc/của" + a capitalized word before
it, ``bounds_country``: it ends with a country). Prints counts by kind and rule (comment lines), then ``--sample``
listed records drawn by the seeded hash of article and form, with judgements carried over from ``--judged``.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))
from wild import audit_skip_ids, seeded_rank  # noqa: E402

COLUMNS = ["article", "short", "expansion", "rule", "kind", "gloss", "sentence", "judgement", "should_be"]
_CLAUSE = re.compile(r"[;:.!?()\"“”\n…]")
_WORDS = re.compile(r"[^\W_]+")
_FORMLIKE = re.compile(r"[A-ZĐ][A-ZĐa-z0-9&/+-]*[A-ZĐ0-9][A-ZĐa-z0-9&/+-]*")
# "HTP, dạng cô đọng của hydrogen peroxide,", "BMS, tức hệ thống quản lý chiến trường": a gloss opened by a cue
_APPOSITION = re.compile(r"\s*(?:,|–|-)\s+((?:tức là |tức |nghĩa là |viết tắt của |hay còn gọi là |dạng |loại )[^\W\d_]++(?:\s[^\W\d_]++){0,9}\s?)(?=[,.;)])")
_COUNTRIES = ("Mỹ", "Nga", "Trung Quốc", "Syria", "Israel", "Iran", "Nhật Bản", "Hàn Quốc", "Triều Tiên", "Anh", "Pháp",
              "Đức", "Ukraine", "Ấn Độ", "Venezuela", "Thổ Nhĩ Kỳ", "Australia", "Philippines", "Hoa Kỳ", "Đài Loan")


# linking words a run of initials may pass over ("Bộ Tư lệnh Cảnh sát biển và Hải quân", "Department of Defense"); the
# tool's own short list, kept apart from the tagger's skip_words on purpose
_LINKS = frozenset({"và", "của", "các", "of", "and", "the", "for", "in", "on"})


def _letter(c: str) -> str:
    """A letter with its marks and case aside ("Đ" -> "D", "ả" -> "A"), to compare an initial with a form's letter."""
    return "D" if c in "Đđ" else unicodedata.normalize("NFD", c)[0].upper()


def spells(words: list[str], letters: str) -> bool:
    """Whether ``words`` spell ``letters``: the first word gives the first letter, each letter is the first letter of
    the next word in order, and a word of ``_LINKS`` may be passed over (never the last)."""
    want = [_letter(c) for c in letters]
    if not words or not want or _letter(words[0][0]) != want[0] or words[-1].lower() in _LINKS:
        return False
    states = {0}  # how many letters the words so far may have spelt
    for w in words:
        states = {k + 1 for k in states if k < len(want) and _letter(w[0]) == want[k]} | (
            states if w.lower() in _LINKS else set()
        )
        if not states:
            return False
    return len(want) in states


def _canon(s: str) -> str:
    from qpextract.evaluate import fold  # the scorer's comparison (case, spacing, tone placement), as evaluate uses it

    return fold(s)


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), start - 140)
    right = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    stop = min(right + [end + 100])
    return " ".join(f"{text[left + 1 : start]}[{text[start:end]}]{text[end:stop + 1]}".split())


def glosses(text: str, short: str, spans: list[tuple[int, int]]) -> list[tuple[str, str]]:
    """(kind, words) of every gloss of ``short`` in ``text`` around its occurrences ``spans``."""
    out: list[tuple[str, str]] = []
    letters = "".join(c for c in short if c.isalnum()).upper()
    for start, end in spans:
        bracketed = text[max(0, start - 2) : start].rstrip().endswith("(") and text[end : end + 2].lstrip().startswith(")")
        if bracketed:
            open_at = text.rfind("(", 0, start)
            left = text[max(0, open_at - 160) : open_at]
            cut = max((m.end() for m in _CLAUSE.finditer(left)), default=0)
            words = left[cut:].split()[-14:]
            if len(words) >= 2:
                out.append(("before", " ".join(words)))
        else:
            after = re.match(r"\s*\(([^()\n]{3,120})\)", text[end : end + 130])
            if after and len(after.group(1).split()) >= 2 and not _FORMLIKE.fullmatch(after.group(1).strip()):
                out.append(("after", after.group(1).strip()))
            appo = _APPOSITION.match(text, end)
            if appo:
                out.append(("apposition", appo.group(1).strip()))
        if 3 <= len(letters) <= 10:
            left = text[max(0, start - 200) : start].rstrip(" (")
            cut = max((m.end() for m in _CLAUSE.finditer(left)), default=0)
            ws = _WORDS.findall(left[cut:])
            for i in range(len(ws) - 1, max(-1, len(ws) - 2 * len(letters) - 3), -1):
                if spells(ws[i:], letters):
                    out.append(("initials", " ".join(ws[i:])))
                    break
    return out


def classify(expansion: str, rule: str, found: list[tuple[str, str]]) -> str:
    """The listed kind of a record, "" when every gloss agrees with it (see the module docstring)."""
    if not found:
        return ""
    if not expansion:
        return "null_with_gloss"
    e = _canon(expansion)
    agreeing = [(k, g) for k, g in found if e in _canon(g) or _canon(g) in e]
    if not agreeing:
        return "differs_" + found[0][0]
    for kind, gloss in agreeing:
        if kind != "before" or not _canon(gloss).endswith(e) or _canon(gloss) == e:
            continue
        head = gloss[: len(gloss) - len(expansion)].rstrip()
        if head.endswith(",") and (" và " in expansion or " và " in head):  # "A, B và C (ABC)": a list the form spells
            return "bounds_comma"
        if re.search(r"(?:thuộc|của)$", head) and re.search(r"[A-ZĐ]\w*\s+\S+\s*$", head):
            return "bounds_link"
        last = head.split()[-1] if head.split() else ""
        if last[:1].isupper():
            return "bounds_capital"
    if rule.startswith("abbr.defined") and any(expansion.endswith(" " + c) for c in _COUNTRIES):
        return "bounds_country"
    return ""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--seed", default="abbr14-a")
    ap.add_argument("--sample", type=int, default=60)
    ap.add_argument("--judged", type=Path)
    a = ap.parse_args()
    from qpextract import Pipeline

    skip = audit_skip_ids()
    with open(a.corpus, encoding="utf-8") as fh:
        articles = [r for r in map(json.loads, fh) if str(r["id"]) not in skip]
    pipe = Pipeline()
    judged: dict[tuple[str, str], tuple[str, str]] = {}
    if a.judged and a.judged.exists():
        with open(a.judged, encoding="utf-8") as fh:
            for row in csv.DictReader((x for x in fh if not x.startswith("#")), delimiter="\t"):
                judged[(row["article"], row["short"], row["expansion"])] = (row["judgement"], row["should_be"])
    listed = []
    kinds: Counter = Counter()
    records = 0
    for art in articles:
        doc = pipe.document(art["text"], id=art["id"], title=art.get("title"))
        first: dict[str, tuple[str, str, int, int]] = {}
        spans: dict[str, list[tuple[int, int]]] = {}
        for r in doc.abbreviations:
            if r.field == "title":
                continue
            key = " ".join(r.short.split())
            spans.setdefault(key, []).append((r.start, r.end))
            if key not in first or (not first[key][0] and r.expansion):
                first[key] = (r.expansion or "", r.rule, r.start, r.end)
        for key, (exp, rule, s, e) in first.items():
            records += 1
            kind = classify(exp, rule, glosses(doc.text, key, spans[key]))
            if kind:
                kinds[(kind, rule)] += 1
                gl = "; ".join(f"{k}: {g}" for k, g in glosses(doc.text, key, spans[key]))
                listed.append((seeded_rank(a.seed, str(art["id"]), key), str(art["id"]), key, exp, rule, kind, gl, _sentence(doc.text, s, e)))
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    print(f"# {len(articles)} articles in no development set; {records} article-level records; {len(listed)} listed; seed {a.seed}")
    for (kind, rule), n in sorted(kinds.items(), key=lambda x: (-x[1], x[0])):
        print(f"# {n}\t{kind}\t{rule}")
    out.writerow(COLUMNS)
    for _, aid, short, exp, rule, kind, gl, sent in sorted(listed)[: a.sample]:
        j, sb = judged.get((aid, short, exp), ("", ""))
        out.writerow([aid, short, exp, rule, kind, gl, sent, j, sb])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
