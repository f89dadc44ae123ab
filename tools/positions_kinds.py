"""Population of five kinds of wrong or short positions on a corpus (fresh_session10 audit, issue #11).

    PYTHONPATH=src python tools/positions_kinds.py [CORPUS] [--show KIND]

Runs the pipeline on CORPUS (give the no-held-out wild corpus, /work/wt/wild/articles-no-heldout.jsonl), finds
each position's text near its person's mentions (a Position carries no offsets) and counts the positions of each
kind by the words around them. A count is a population to read, not a verdict: --show KIND prints them.

- group_description: a bare "nhà lãnh đạo"/"lãnh đạo"/"người đứng đầu" right after a plural word ("hai nhà lãnh đạo
  Trump và Erdogan");
- description_after: a bare "nhà lãnh đạo" after the name, a lower-case word after it ("Putin – nhà lãnh đạo luôn …");
- and_capital: a post followed by "và" and a capitalized word (the body's name may go on: "chương trình Nga" | "và
  Âu Á"; mostly the next person);
- lower_remainder: a bare title (no body) followed by a lower-case word that is no verb or function word
  ("người đứng đầu" | "sàn giao dịch chứng khoán Hong Kong");
- deputy_dropped: "phó" written right before the post ("Phó" | "Cố vấn An ninh Quốc gia");
- elect_dropped: "mới/vừa đắc cử" right after the post ("Tổng thống" | "mới đắc cử").
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from qpextract import Pipeline
from qpextract.data import read_yaml

_CTX = read_yaml("titles_context.yaml")
# the words before a group (titles_context.yaml not_after: "các", "hai", … "cả hai" ends with "hai") and the titles
# that describe a group there (group_descriptions), as position.group_description reads them
PLURAL = re.compile(r"(?:^|\s)(?:" + "|".join(map(re.escape, _CTX["not_after"])) + r")\s*$", re.IGNORECASE)
DESCRIPTIONS = tuple(_CTX["group_descriptions"])
# the first word after a bare title that opens a clause, not a body (verbs of saying, adverbs, links)
CLAUSE = frozenset(
    "cho nói phát khẳng xác chủ tuyên nhấn dẫn đánh nhận chia là đã đang sẽ vừa cũng kiêm và làm được bị có thì trả "
    "thông ký ghi yêu đề tham cùng với trong tại ở từ khi lúc vào hôm ngày sau trước đọc tiếp kể hy mong cảm vui "
    "nhắc trao đến của thuộc về".split()
)


def kinds(rec: dict) -> list[str]:
    """The kinds of one position record (its text and the words before and after it)."""
    text, low, before, after = rec["text"], rec["text"].lower(), rec["before"], rec["after"]
    out = []
    if low in DESCRIPTIONS and PLURAL.search(before):
        out.append("group_description")
    if low == "nhà lãnh đạo" and re.match(r"\s+[a-zđà-ỹ]", after) and not PLURAL.search(before):
        out.append("description_after")
    if re.match(r"\s+và\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ]", after):
        out.append("and_capital")
    first = re.match(r"\s+(\w+)", after)
    if rec["org"] is None and first and first.group(1)[0].islower() and first.group(1) not in CLAUSE:
        out.append("lower_remainder")
    if re.search(r"(?:^|\W)phó\s*$", before, re.IGNORECASE) and not low.startswith("phó"):
        out.append("deputy_dropped")
    if re.match(r"\s+(?:mới|vừa)\s+đắc cử", after) and "đắc cử" not in low:
        out.append("elect_dropped")
    return out


def records(corpus: Path):
    """Every position of the corpus with the 60 characters before and the 70 after its text."""
    pipe = Pipeline()
    with open(corpus, encoding="utf-8") as fh:
        for art in map(json.loads, filter(str.strip, fh)):
            doc = pipe.document(art["text"], id=art["id"], title=art.get("title"))
            t = art["text"]
            for off in doc.officials:
                ms = [m.start for m in off.mentions]
                for p in off.positions:
                    occ = [m.start() for m in re.finditer(re.escape(p.text), t)]
                    if not occ:
                        continue
                    s = min(occ, key=lambda x: min((abs(x - m) for m in ms), default=0))
                    e = s + len(p.text)
                    yield {"id": art["id"], "name": off.name, "text": p.text, "org": p.organization, "rule": p.rule,
                           "before": t[max(0, s - 60) : s].replace("\n", " "), "after": t[e : e + 70].replace("\n", " ")}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", type=Path, nargs="?", default=Path("/work/wt/wild/articles-no-heldout.jsonl"))
    ap.add_argument("--show")
    a = ap.parse_args()
    counts: dict[str, int] = {}
    total = 0
    for rec in records(a.corpus):
        total += 1
        for k in kinds(rec):
            counts[k] = counts.get(k, 0) + 1
            if k == a.show:
                print(f"  {rec['id']} {rec['name']} | …{rec['before'][-35:]}[[{rec['text']}]]{rec['after'][:50]} | {rec['rule']}")
    print(f"positions: {total}")
    for k in ("group_description", "description_after", "and_capital", "lower_remainder", "deputy_dropped", "elect_dropped"):
        print(f"{k}: {counts.get(k, 0)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
