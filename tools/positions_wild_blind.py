"""Blind first look at positions on local-defence wild articles: draw, then score the reading against an output.

    python tools/positions_wild_blind.py draw CORPUS [--seed S] [--articles 20] [--wide] [--bodies] > sample.txt
    PYTHONPATH=SRC python tools/positions_wild_blind.py fill TSV CORPUS COLUMN
    python tools/positions_wild_blind.py score TSV COLUMN

CORPUS must be the corpus without held-out articles (/work/wt/wild/articles-no-heldout.jsonl). ``draw`` prints
whole, without running any extractor, the local-defence articles (``wild.LOCAL``) of 400-5,000 characters that are
in no development set (``wild.audit_skip_ids``, the seeds, the web dev inputs) nor in the earlier wild samples,
in the order of the seeded hash; the reader writes every person's positions (TSV columns ``COLUMNS``, positions
joined by " | ") before any output is seen. ``fill`` writes the positions the pipeline on PYTHONPATH gives each
person of the TSV (matched by name, folded) into COLUMN; ``score`` prints recall and precision of COLUMN against
the reading, compared as the scorer does (qpextract.evaluate.fold). People the output has and the reading has not
are not counted (this is a look at positions, not at people).
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from wild import LOCAL, ROOT, audit_skip_ids, dev_ids, sampled_ids, seeded_rank, wild_corpus

COLUMNS = ("id", "person", "gold", "main", "branch", "note")
WEB_INPUTS = [Path(f"/work/webdev{d}/{n}-inputs.jsonl") for d, n in (("5", "web11c"), ("5", "web11d"), ("7", "web12e"), ("9", "web13f"), ("9", "web13g"))]
EARLIER = [ROOT / "corpus" / "audit" / "wild-inputs.jsonl"]
# the earlier blind looks at positions (their ids are left out of a new draw)
EARLIER_LOOKS = sorted((ROOT / "corpus" / "audit").glob("positions_wild_session*.tsv"))
# the tenth pass's recall and precision audits (their article id is the column named "id", not the first)
EARLIER_AUDITS = sorted((ROOT / "corpus" / "audit").glob("positions_*_session10.tsv"))
# named by tools/sample_wild.py as drawn into a held-out set once: left out to be safe, though the corpus holds them
ONCE_HELDOUT = frozenset({"baomoi-22243195", "vnews-train-033052", "vnews-train-090661"})


# local government and defence news beyond wild.LOCAL's strict terms: by the fifteenth pass the strict terms left two
# articles of 400-5,000 characters outside every dev set and earlier look, so a draw fills up with these (--wide): Vietnamese
# local bodies only ("dân quân" or "Quân khu" alone drew Syrian militias and foreign armies)
LOCAL_WIDE = re.compile(
    r"Huyện ủy|Tỉnh ủy|Thành ủy|Đảng ủy|UBND (?:xã|huyện|tỉnh|phường|thị)|(?:Bộ đội|Đồn) Biên phòng|BĐBP"
    r"|tuyển quân|nhập ngũ|Công an (?:tỉnh|huyện|xã)",
    re.I,
)

# the bodies of Vietnamese local government and local defence by name (sixteenth pass, --bodies): by then wild.LOCAL and
# LOCAL_WIDE drew mostly foreign armies (the 400-5,000-character local articles were used up), so a draw takes first the
# articles that name such a body, up to BODIES_MAX characters, then fills up as --wide does
LOCAL_BODIES = re.compile(
    r"Huyện ủy|Tỉnh ủy|Thành ủy|Đảng ủy (?:xã|phường|thị trấn)|UBND (?:xã|huyện|tỉnh|phường|thị)"
    r"|Ủy ban nhân dân (?:xã|huyện|tỉnh|phường)|Ban CHQS|Ban Chỉ huy Quân sự|Bộ CHQS|Bộ Chỉ huy Quân sự|Đồn Biên phòng"
    r"|Hội Cựu chiến binh|Mặt trận Tổ quốc|Đoàn [Tt]hanh niên|Công an (?:xã|huyện)|Chủ tịch (?:UBND|HĐND|xã|huyện)"
)
BODIES_MAX = 7000


def draw(corpus: Path, seed: str, n: int, wide: bool = False, bodies: bool = False) -> list[dict]:
    """The first ``n`` local-defence articles of the seeded order that no development or earlier sample holds
    (with ``wide``, the strict ones first, then those of ``LOCAL_WIDE``)."""
    skip = audit_skip_ids(extra=[*WEB_INPUTS, *EARLIER]) | dev_ids(["seeds"]) | ONCE_HELDOUT | _looked_ids()
    with open(corpus, encoding="utf-8") as fh:
        arts = [a for a in map(json.loads, filter(str.strip, fh)) if a["id"] not in skip]
    sized = [a for a in arts if 400 <= len(a["text"]) <= 5000]
    picked: list[dict] = []
    if bodies:
        named = [a for a in arts if 400 <= len(a["text"]) <= BODIES_MAX and LOCAL_BODIES.search(a["text"])]
        picked = sorted(named, key=lambda a: seeded_rank(seed, "article", a["id"]))[:n]
    taken = {a["id"] for a in picked}
    local = [a for a in sized if a["id"] not in taken and (LOCAL.search(a["text"]) or LOCAL.search(a.get("title") or ""))]
    picked += sorted(local, key=lambda a: seeded_rank(seed, "article", a["id"]))[: n - len(picked)]
    if wide and len(picked) < n:
        taken = {a["id"] for a in picked}
        more = [a for a in sized if a["id"] not in taken and (LOCAL_WIDE.search(a["text"]) or LOCAL_WIDE.search(a.get("title") or ""))]
        picked += sorted(more, key=lambda a: seeded_rank(seed, "article", a["id"]))[: n - len(picked)]
    return picked


def _looked_ids() -> set[str]:
    """The article ids of the earlier blind looks (``EARLIER_LOOKS``), so a new draw reads articles no look has read."""
    return {r[0] for tsv in EARLIER_LOOKS for r in _rows(tsv)[1]} | sampled_ids(EARLIER_AUDITS)


def _rows(tsv: Path) -> tuple[list[str], list[list[str]]]:
    head: list[str] = []
    rows: list[list[str]] = []
    for line in open(tsv, encoding="utf-8"):
        if line.startswith("#") or line.startswith("id\t"):
            head.append(line.rstrip("\n"))
        elif line.strip():
            cols = line.rstrip("\n").split("\t")
            rows.append(cols + [""] * (len(COLUMNS) - len(cols)))
    return head, rows


def fill(tsv: Path, corpus: Path, column: str) -> None:
    """Write the positions of the pipeline on PYTHONPATH into ``column`` of every row of ``tsv``."""
    from qpextract import Pipeline
    from qpextract.evaluate import fold

    head, rows = _rows(tsv)
    ids = {r[0] for r in rows}
    texts = {}
    with open(corpus, encoding="utf-8") as fh:
        for a in map(json.loads, filter(str.strip, fh)):
            if a["id"] in ids:
                texts[a["id"]] = a
    pipe = Pipeline()
    people: dict[str, dict[str, list[str]]] = {}
    for aid, a in texts.items():
        doc = pipe.document(a["text"], id=aid, title=a.get("title"))
        people[aid] = {fold(o.name): [p.text for p in o.positions] for o in doc.officials}
    k = COLUMNS.index(column)
    for r in rows:
        r[k] = " | ".join(people.get(r[0], {}).get(fold(r[1]), [])) or "-"
    with open(tsv, "w", encoding="utf-8") as fh:
        for h in head:
            fh.write(h + "\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")


def score(tsv: Path, column: str) -> tuple[int, int, int]:
    """(read positions, output positions, both) of ``column`` against the reading."""
    from qpextract.evaluate import fold

    _, rows = _rows(tsv)
    k = COLUMNS.index(column)
    g = o = b = 0
    for r in rows:
        gs = {fold(x) for x in r[2].split(" | ") if x.strip() and x != "-"}
        os_ = {fold(x) for x in r[k].split(" | ") if x.strip() and x != "-"}
        g, o, b = g + len(gs), o + len(os_), b + len(gs & os_)
    return g, o, b


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("action", choices=("draw", "fill", "score"))
    ap.add_argument("path", type=Path, help="draw: the corpus; fill/score: the TSV")
    ap.add_argument("rest", nargs="*", help="fill: CORPUS COLUMN; score: COLUMN")
    ap.add_argument("--seed", default="positions19-20261202")
    ap.add_argument("--articles", type=int, default=20)
    ap.add_argument("--wide", action="store_true", help="fill up with LOCAL_WIDE articles when the strict terms run out")
    ap.add_argument("--bodies", action="store_true", help="first the articles naming a local body (LOCAL_BODIES)")
    args = ap.parse_args()
    corpus = args.path if args.action == "draw" else (Path(args.rest[0]) if args.action == "fill" else None)
    if corpus is not None:
        wild_corpus(corpus)  # refuses the full shared corpus
    if args.action == "draw":
        for a in draw(args.path, args.seed, args.articles, args.wide, args.bodies):
            print(f"=== ARTICLE {a['id']} — {a.get('title')}")
            print(a["text"])
            print()
    elif args.action == "fill":
        fill(args.path, Path(args.rest[0]), args.rest[1])
    else:
        g, o, b = score(args.path, args.rest[0])
        print(f"{args.rest[0]}: recall {b}/{g} = {b / max(g, 1):.3f}; precision {b}/{o} = {b / max(o, 1):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
