"""Draw the articles of gold set 2 (schema 2) from ../shared/corpus-real, with a fixed seed.

    python corpus/gold/tools/select_articles.py ../shared/corpus-real/articles.jsonl

Every qdnd and ViMs article not yet in gold (the two small sources, so that all
four sources of the corpus are present), split between the two sets; the rest
half local-defence news (a strict local-defence term in title or text), half
the general military news an archive also holds; 500-4,000 characters (so a
reader can annotate every record); none already in corpus/gold. Writes
heldout2-inputs.jsonl (50, frozen, never tuned on) and dev2-inputs.jsonl (66).

    python corpus/gold/tools/select_articles.py CORPUS --extra dev3 --count 50 [--max-chars 7000]

draws a further development set the same way (half local-defence, half general
news, none already in gold) with its own seed, leaving the sets above alone.
It also leaves out every article id named in the repository's sources, tests,
audits or gold notes (wild samples a developer has read, articles dropped from
a held-out set) and every article with a sentence found there: they are not blind.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

GOLD = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(GOLD.parents[1] / "tools"))
from heldout_leak import WIDTH, normalize, windows  # noqa: E402  (the leak test's windows: one definition of a copy)
AUDIT = GOLD.parent / "audit"
CORPUS_ID = re.compile(r"\b(?:vnews-[a-z]+-\d+|baomoi-\d+|qdnd-\d+|vims-c\d+-\d+)\b")
LOCAL = re.compile(
    r"DQTV|CHQS|giao quân|khu vực phòng thủ|LLVT|dân quân tự vệ|(?:ban|bộ) chỉ huy quân sự|quân sự địa phương|quốc phòng địa phương",
    re.I,
)


def main(corpus: str) -> None:
    used = {json.loads(line)["id"] for f in GOLD.glob("*-inputs.jsonl") for line in f.open(encoding="utf-8")}
    small, local, general = [], [], []
    for line in open(corpus, encoding="utf-8"):
        r = json.loads(line)
        row = {"id": r["id"], "title": r["title"], "text": r["text"]}
        if r["id"] in used:
            continue
        if r["id"].startswith(("qdnd-", "vims-")) and len(r["text"]) <= 8000:
            small.append(row)
        elif 500 <= len(r["text"]) <= 4000:
            (local if LOCAL.search(r["title"] + " " + r["text"]) else general).append(row)
    rng = random.Random(20261130)
    for pool in (small, local, general):
        rng.shuffle(pool)
    half = len(small) // 2
    heldout = small[:half] + local[: 25 - half] + general[:25]
    dev = small[half:] + local[25 - half : 58 - half] + general[25:58 - (len(small) - half)]
    for name, rows in (("heldout2-inputs.jsonl", heldout), ("dev2-inputs.jsonl", dev)):
        with open(GOLD / name, "w", encoding="utf-8") as f:
            for r in sorted(rows, key=lambda r: r["id"]):
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(name, len(rows))


def seen_in_repo() -> str:
    """Every example, test and audit file of the repository: a sentence found there was read by a developer."""
    root = GOLD.parents[1]
    files = [f for d in ("src", "tests", "bench", "corpus/audit") for f in (root / d).rglob("*") if f.is_file()]
    return "\n".join(f.read_text(encoding="utf-8", errors="ignore") for f in files if f.suffix != ".pyc")


def read_before(row: dict, repo_windows: set[int]) -> bool:
    """Does any window of the article's title or text (the width tools/heldout_leak.py checks) sit in the
    repository, an example cut mid-sentence included? Then a developer read it and it is not blind."""
    return any(not windows(normalize(part), WIDTH).isdisjoint(repo_windows) for part in (row["title"], row["text"]))


def extra(corpus: str, name: str, count: int, max_chars: int = 4000) -> None:
    """Write NAME-inputs.jsonl: COUNT articles not yet in gold, half local-defence, half general.

    Articles of 500-4,000 characters come first; when a half runs short, longer
    ones up to MAX_CHARS fill it. An article with a sentence already in the
    repository (an example file, a test, an audit) is not blind and is skipped.
    """
    used = {json.loads(line)["id"] for f in GOLD.glob("*-inputs.jsonl") for line in f.open(encoding="utf-8")}
    seen = seen_in_repo()
    notes = "\n".join(f.read_text(encoding="utf-8") for f in GOLD.glob("*-notes.md"))
    used |= set(CORPUS_ID.findall(seen + notes))
    repo_windows = windows(normalize(seen), WIDTH)
    pools: dict[tuple[bool, bool], list[dict]] = {(lo, short): [] for lo in (True, False) for short in (True, False)}
    for line in open(corpus, encoding="utf-8"):
        r = json.loads(line)
        if r["id"] in used or not 500 <= len(r["text"]) <= max_chars:
            continue
        if read_before(r, repo_windows):
            continue
        row = {"id": r["id"], "title": r["title"], "text": r["text"]}
        pools[(bool(LOCAL.search(r["title"] + " " + r["text"])), len(r["text"]) <= 4000)].append(row)
    rng = random.Random(f"{name}-20261130")
    for pool in pools.values():
        rng.shuffle(pool)
    local = pools[(True, True)] + pools[(True, False)]
    general = pools[(False, True)] + pools[(False, False)]
    rows = local[: count // 2]
    rows += general[: count - len(rows)]
    with open(GOLD / f"{name}-inputs.jsonl", "w", encoding="utf-8") as f:
        for r in sorted(rows, key=lambda r: r["id"]):
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{name}-inputs.jsonl", len(rows), "local", min(len(local), count // 2))


if __name__ == "__main__":
    if "--extra" in sys.argv:
        max_chars = int(sys.argv[sys.argv.index("--max-chars") + 1]) if "--max-chars" in sys.argv else 4000
        extra(sys.argv[1], sys.argv[sys.argv.index("--extra") + 1], int(sys.argv[sys.argv.index("--count") + 1]), max_chars)
    else:
        main(sys.argv[1])
