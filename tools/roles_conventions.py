"""The readers' speaker/other convention: the cue near each gold speaker or other, counted against the gold role.

    python tools/roles_conventions.py [SET ...] [--without SET ...] [-v]

SET is a development gold name under corpus/gold (real, dev2 … dev10) or a path prefix /dir/NAME (NAME.jsonl and
NAME-inputs.jsonl beside it). Default: ``DEV_SETS`` below, every development set with participants, named one by one
(never a held-out set; a name starting with "heldout" is refused). ``--without`` leaves sets out of the count (the
leave-one-out check: ``--without dev10 web11d``).

For every gold participant whose role is ``speaker`` or ``other``, the sentences of the input that name him (the
mentions of the library's official of that name, else the name's last word) are read, and the cue nearest his name
in each is classed (``CUES``, first match wins: a speech verb in his own clause after the name, or opening the
sentence before him, "Phát biểu tại buổi lễ, đồng chí A …"). The person's cue is the first of ``CUES`` order among his
mentions. Each is placed too: ``occasion`` when the sentence names the meeting or ceremony itself (the `occasions`
words of event_roles.yaml: "tại buổi lễ", "tại hội nghị", "phát biểu tại"), ``press`` when it is said to the press
(its `press_words`), and ``lead`` / ``body`` (in the first ``LEAD`` sentences or after). The table prints, per cue and
place, the gold speaker and other counts and what the library gives them (its role, "-" for no participant): the
readers' convention beside the rule's. With ``-v`` every person with his cue, roles, rule and sentence; with
``--by-set`` the gold speaker / other counts of each cue class set by set (does a cue's convention hold on every set?),
and ``headline`` marks the people the headline names.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Optional

import yaml

import qpextract
from qpextract.evaluate import fold as canon

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "corpus" / "gold"
DEV_SETS = ["real", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10",
            "/work/webdev3/web3a", "/work/webdev3/web3b", "/work/webdev5/web11c", "/work/webdev5/web11d"]
LEAD = 3  # sentences counted as the lead
AFTER = 160  # characters after the name read for his cue (his posts come first)
# the cue classes, most telling first: (class, words); matched lower case on word boundaries. The words are those of
# tools/role_model_cues.yaml (cue_classes, in this order), which the learned role model reads too; the labels are this
# tool's names of its classes, one per entry there
_CUE_LABELS = ["phát biểu", "kết luận", "interview", "nhấn mạnh", "yêu cầu", "đề nghị", "khẳng định", "cho biết", "chia sẻ",
               "nói / cho rằng"]
_CUE_WORDS = yaml.safe_load((Path(__file__).resolve().parent / "role_model_cues.yaml").read_text(encoding="utf-8"))["cue_classes"]
assert len(_CUE_WORDS) == len(_CUE_LABELS), "tools/role_model_cues.yaml cue_classes and _CUE_LABELS differ in length"
CUES: list[tuple[str, list[str]]] = [(label, list(words)) for label, words in zip(_CUE_LABELS, _CUE_WORDS.values())]
SOURCE = ["theo", "dẫn lời", "trích lời"]  # "theo X": a source, classed "theo X" when no cue of his own
_QUOTE = re.compile(r"[\"“”]")


def _word_re(words: list[str]) -> re.Pattern[str]:
    """One alternation of the words, longest first, on word boundaries."""
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alt})(?![\w])")


CUE_RES = [(name, _word_re(words)) for name, words in CUES]
SOURCE_RE = re.compile(r"(?<![\w])(?:theo|dẫn lời|trích lời)\s+(?:[^\s,.;:]+\s+){0,6}$")


def _roles_data() -> dict[str, Any]:
    """The role tables of the library (its occasion and press words)."""
    return yaml.safe_load((ROOT / "src" / "qpextract" / "data" / "vi" / "event_roles.yaml").read_text(encoding="utf-8"))


def paths(name: str) -> tuple[str, Path, Path]:
    """The set's label, gold file and inputs file."""
    if Path(name).name.startswith("heldout"):
        sys.exit("held-out sets are closed to this tool")
    if "/" in name:
        p = Path(name)
        return p.name, p.with_name(p.name + ".jsonl"), p.with_name(p.name + "-inputs.jsonl")
    return name, GOLD / f"{name}.jsonl", GOLD / f"{name}-inputs.jsonl"


def gold_articles(sets: list[str]):
    """(set label, article, gold record) for every gold article of the sets that the library reads as an article."""
    for s in sets:
        label, gold_path, inputs_path = paths(s)
        gold = {g["id"]: g for g in map(json.loads, gold_path.open(encoding="utf-8"))}
        inputs = [d for d in map(json.loads, inputs_path.open(encoding="utf-8")) if d["id"] in gold]
        for art in qpextract.extract_many(inputs, workers=0):
            if hasattr(art, "events"):
                yield label, art, gold[art.id]


def cue_at(low: str, sent: tuple[int, int], ms: int, me: int, others: list[tuple[int, int]]) -> Optional[str]:
    """The cue class of one mention: a cue in the name's clause after it (before the sentence's end or the next other
    person, at most AFTER characters), else one before the name with no other person between ("Phát biểu tại buổi lễ,
    A"), else "quoted" (quotation marks in the sentence), else "theo X"."""
    a, b = sent
    nxt = min([s for s, _ in others if me <= s < b] + [b, me + AFTER])
    prv = max([e for _, e in others if a <= e <= ms] + [a])
    after = low[me:nxt]
    before = low[prv:ms]
    for name, rx in CUE_RES:
        if rx.search(after):
            return name
    for name, rx in CUE_RES:
        if rx.search(before):
            return name + " (before)"
    if SOURCE_RE.search(low[a:ms]):
        return "theo X"
    if _QUOTE.search(low[a:b]):
        return "quoted"
    return None


def person_mentions(art: Any, name: str) -> list[tuple[int, int]]:
    """Where the person is named: his official's mentions, else the name's last word."""
    key = canon(name)
    spans = [(m.start, m.end) for o in art.officials if canon(o.name) == key for m in o.mentions]
    if spans:
        return spans
    last = name.split()[-1] if name.split() else ""
    return [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(last)}(?!\w)", art.text)] if last else []


def in_headline(art: Any, name: str) -> bool:
    """Whether the headline names the person (his full name or its last word)."""
    title = canon(art.title or "")
    last = canon(name).split()[-1:] or [""]
    return canon(name) in title or bool(last[0]) and re.search(rf"(?<!\w){re.escape(last[0])}(?!\w)", title) is not None


def classify(art: Any, name: str, occasion_re: re.Pattern[str], press_re: re.Pattern[str]) -> tuple[str, str, str]:
    """The person's cue (first of CUES order over his mentions), its place (occasion / press / none) and lead / body,
    and the sentence it was read in."""
    low = art.text.lower()
    sents = [(s.start, s.end) for s in art.sentences]
    order = {n: i for i, (n, _) in enumerate(CUES)}
    best: Optional[tuple[int, str, str, str, str]] = None
    for ms, me in person_mentions(art, name):
        k = next((i for i, (a, b) in enumerate(sents) if a <= ms < b), None)
        if k is None:
            continue
        sent = sents[k]
        others = [(m.start, m.end) for o in art.officials if canon(o.name) != canon(name) for m in o.mentions]
        cue = cue_at(low, sent, ms, me, others)
        if cue is None:
            cue = "none"
        base = cue.replace(" (before)", "")
        rank = order.get(base, len(CUES) + (0 if base == "quoted" else 1 if base == "theo X" else 2))
        text = low[sent[0] : sent[1]]
        place = "press" if press_re.search(text) else "occasion" if occasion_re.search(text) else "-"
        where = "lead" if k < LEAD else "body"
        line = " ".join(art.text[sent[0] : sent[1]].split())[:260]
        cand = (rank, cue, place, where, line)
        if best is None or cand[0] < best[0]:
            best = cand
    if best is None:
        return "unnamed", "-", "-"
    return best[1], f"{best[2]}/{best[3]}", best[4]


def family(rule: str, role: str) -> str:
    """The kind of rule the library gave: a speech rule, a deed of taking part (victim, defendant, recruit, …), a
    weak `other` (named in the lead, a participation word), another role's rule, or no participant ("-")."""
    if role == "-":
        return "-"
    if rule in ("role.other.lead", "role.other.participation"):
        return "lead/part"
    if rule.startswith("role.other."):
        return "deed"
    return "speech" if rule.startswith("role.speaker.") else role


def main(argv: list[str]) -> None:
    """Count the cue classes of the gold speakers and others; print the table (and every person with -v)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*")
    ap.add_argument("--without", nargs="*", default=[])
    ap.add_argument("-v", action="store_true")
    ap.add_argument("--by-set", action="store_true", help="print each cue class's speaker/other counts per set")
    args = ap.parse_args(argv)
    sets = [s for s in (args.sets or DEV_SETS) if paths(s)[0] not in {paths(w)[0] for w in args.without}]
    data = _roles_data()
    occasion_re = _word_re(data["occasions"] + ["phát biểu tại", "tại buổi", "tại hội", "tại lễ"])
    press_re = _word_re(data["press_words"])
    table: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    rows = []
    by_family: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    by_set: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for label, art, g in gold_articles(sets):
        gp = (g.get("events") or {}).get("participants") or []
        mains = [e for e in art.events if e.main]
        sysp = {canon(p.name): p for p in (mains[0].participants if mains else [])}
        for p in gp:
            if p["role"] not in ("speaker", "other"):
                continue
            cue, place, line = classify(art, p["name"], occasion_re, press_re)
            if in_headline(art, p["name"]):
                place += "/headline"
            sp = sysp.get(canon(p["name"]))
            srole = sp.role if sp else "-"
            base = cue.replace(" (before)", "")
            table[(base, place)][f"g:{p['role']}"] += 1
            fam = family(sp.rule or "" if sp else "", srole)
            by_family[(base, fam)][p["role"]] += 1
            by_set[base][(label, p["role"])] += 1
            table[(base, place)][f"{p['role']}>{srole}"] += 1
            rows.append((label, art.id, p["name"], p["role"], srole, sp.rule if sp else "", cue, place, line))
    print(f"sets: {' '.join(paths(s)[0] for s in sets)}")
    print(f"{'cue':<16}{'place':<15}{'speaker':>8}{'other':>7}  library (gold>library)")
    totals: dict[str, Counter[str]] = defaultdict(Counter)
    for (cue, place), c in sorted(table.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        lib = " ".join(f"{k}:{v}" for k, v in sorted(c.items()) if not k.startswith("g:"))
        print(f"{cue:<16}{place:<15}{c['g:speaker']:>8}{c['g:other']:>7}  {lib}")
        totals[cue].update({k: v for k, v in c.items()})
    print("\nby cue")
    for cue, c in sorted(totals.items()):
        lib = " ".join(f"{k}:{v}" for k, v in sorted(c.items()) if not k.startswith("g:"))
        print(f"{cue:<16}{c['g:speaker']:>8}{c['g:other']:>7}  {lib}")
    print("\nby cue and the library's kind of rule (speech, deed, lead/part, other roles, - no participant)")
    for (cue, fam), c in sorted(by_family.items()):
        print(f"{cue:<16}{fam:<12}{c['speaker']:>8}{c['other']:>7}")
    if args.by_set:
        labels = [paths(s)[0] for s in sets]
        print("\nby cue and set (speaker/other)")
        print(f"{'cue':<16}" + "".join(f"{x:>9}" for x in labels))
        for cue, c in sorted(by_set.items()):
            cells = (f"{c[(x, 'speaker')]}/{c[(x, 'other')]}" for x in labels)
            print(f"{cue:<16}" + "".join(f"{cell:>9}" for cell in cells))
    if args.v:
        print()
        for r in rows:
            print("\t".join(r))


if __name__ == "__main__":
    main(sys.argv[1:])
