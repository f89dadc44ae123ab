"""Do the dev readers record news agencies and currency codes as abbreviations (issue #11, fourteenth pass)?

    python tools/abbreviations_agency_names.py [FORM ...] > counts.tsv

For every FORM (default: agency and currency forms the scorer once counted as spurious: RIA, AP, CNN, Tass, TASS,
AFP, USD, BBC, RT, SANA, KCNA) it reads the development gold sets named one by one (``SETS``: real, dev2 … dev10 and
the web-page dev sets by path; never a wildcard over corpus/gold, so no held-out file is opened) and counts the
articles whose text (title and body) has the form as a word, then how many of them the reader recorded it in, split by
whether the form only stands as the first word of a longer name in that article (``inside``: "RIA Novosti",
"RIA-Novosti": the form followed by a capitalized word) or alone somewhere ("Ảnh: RIA", "theo RIA").
The readers' expansions are counted too. Only gold files of the development sets are read.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

GOLD = Path(__file__).resolve().parents[1] / "corpus" / "gold"
SETS = [(n, GOLD / f"{n}.jsonl", GOLD / f"{n}-inputs.jsonl") for n in ("real", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10")] + [
    (Path(p).name, Path(p + ".jsonl"), Path(p + "-inputs.jsonl"))
    for p in ("/work/webdev3/web3a", "/work/webdev3/web3b", "/work/webdev5/web11c", "/work/webdev5/web11d",
              "/work/webdev7/web12e", "/work/webdev9/web13f", "/work/webdev9/web13g")
]
FORMS = ["RIA", "AP", "CNN", "Tass", "TASS", "AFP", "USD", "BBC", "RT", "SANA", "KCNA"]


def main(forms: list[str], sets: list[tuple[str, Path, Path]] = SETS) -> None:
    """One line per form and kind of use: articles, recorded, readers' expansions, the articles left out."""
    stats: dict[tuple[str, str], list] = defaultdict(lambda: [0, 0, Counter(), []])
    for name, gold_path, inputs_path in sets:
        if not gold_path.exists() or not inputs_path.exists():
            continue
        with open(inputs_path, encoding="utf-8") as fh:
            texts = {a["id"]: f"{a.get('title') or ''}\n{a['text']}" for a in map(json.loads, fh)}
        with open(gold_path, encoding="utf-8") as fh:
            for gold in map(json.loads, fh):
                text, recorded = texts.get(gold["id"], ""), gold.get("abbreviations") or {}
                for form in forms:
                    uses = [m.end() for m in re.finditer(r"(?<![\w.])" + re.escape(form) + r"(?!\w)", text)]
                    if not uses:
                        continue
                    inside = all(re.match(r"\s?-?\s?[A-Z][a-z]", text[e : e + 4]) for e in uses)
                    row = stats[(form, "inside a name" if inside else "alone")]
                    row[0] += 1
                    if form in recorded:
                        row[1] += 1
                        row[2][str(recorded[form])] += 1
                    else:
                        row[3].append(f"{name}:{gold['id']}")
    print("form\tuse\tarticles\trecorded\treaders' expansions\tleft out")
    for (form, use), (n, rec, exps, out) in sorted(stats.items()):
        print(f"{form}\t{use}\t{n}\t{rec}\t{dict(exps)}\t{' '.join(out)}")


if __name__ == "__main__":
    main(sys.argv[1:] or FORMS)
