"""What the wild-sample tools share: the corpus, the gold ids they leave out, the local-defence test.

The wild samples (sample_wild.py, wild_main_events.py, numbers_wild_sample.py, abbreviations_wild.py)
draw articles of the 2,000-article corpus that are in no gold set; each keeps its own seed and order.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Iterable

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "corpus" / "gold"
DEFAULT_CORPUS = Path(os.environ.get("QPEXTRACT_SHARED", ROOT.parents[1] / "shared")) / "corpus-real" / "articles.jsonl"
# local-defence news: the strict terms of corpus/gold/tools/select_articles.py (title or text)
LOCAL = re.compile(
    r"DQTV|CHQS|giao quân|khu vực phòng thủ|LLVT|dân quân tự vệ|(?:ban|bộ) chỉ huy quân sự|quân sự địa phương|quốc phòng địa phương",
    re.I,
)


def gold_ids(sets: str = "*") -> set[str]:
    """Every article id of corpus/gold/SETS-inputs.jsonl (all sets by default, ``"heldout*"`` for the
    frozen held-out; only the ids are read)."""
    ids: set[str] = set()
    for path in sorted(GOLD.glob(f"{sets}-inputs.jsonl")):
        with open(path, encoding="utf-8") as fh:
            ids.update(str(json.loads(line)["id"]) for line in fh if line.strip())
    return ids


def dev_ids(names: Iterable[str], extra: Iterable[Path] = ()) -> set[str]:
    """The article ids of corpus/gold/NAME-inputs.jsonl for each of ``names`` (named one by one, never a wildcard
    over corpus/gold, so no held-out file is opened) and of the ``extra`` input files, those present; only ids are read."""
    ids: set[str] = set()
    for path in [GOLD / f"{name}-inputs.jsonl" for name in names] + list(extra):
        if path.exists():
            with open(path, encoding="utf-8") as fh:
                ids.update(str(json.loads(line)["id"]) for line in fh if line.strip())
    return ids


def seeded_rank(seed: str, *parts: str) -> str:
    """The seeded sha1 of ``parts`` by which the samples draw: a fixed order that a small change of the population keeps."""
    return hashlib.sha1("|".join((seed, *parts)).encode("utf-8")).hexdigest()
