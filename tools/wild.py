"""What the wild-sample tools share: the corpus, the gold ids they leave out, the local-defence test.

The wild samples (sample_wild.py, wild_main_events.py, numbers_wild_sample.py, abbreviations_wild.py)
draw articles of the 2,000-article corpus that are in no gold set; each keeps its own seed and order.
The audits of the no-held-out corpus (abbreviations_audit.py, positions_recall_sample.py, roles_wild_sample.py)
leave out the development sets of one list, ``DEV_SETS`` and ``WEB_SETS`` (``audit_skip_ids``).
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
DEFAULT_CORPUS = Path(os.environ.get("QPEXTRACT_SHARED", ROOT.parent / "shared")) / "corpus-real" / "articles.jsonl"
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


# The development gold sets, named one by one (never a wildcard over corpus/gold, so no held-out file is opened),
# and the web-page development sets (their articles are not in the wild corpus; left out all the same when present).
# dev10, the tenth pass's blind validation set, was then left out of the no-held-out corpus itself; it is in it now,
# and in this list, so the population of the audits is the one the tenth pass drew from (corpus/audit/README.md).
DEV_SETS = ("real", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10")
WEB_SETS = (Path("/work/webdev3/web3a-inputs.jsonl"), Path("/work/webdev3/web3b-inputs.jsonl"))


def audit_skip_ids(extra: Iterable[Path] = ()) -> set[str]:
    """The ids an audit of the wild corpus leaves out: those of ``DEV_SETS``, ``WEB_SETS`` and the ``extra`` input files."""
    return dev_ids(DEV_SETS, [*WEB_SETS, *extra])


def seeded_rank(seed: str, *parts: str) -> str:
    """The seeded sha1 of ``parts`` by which the samples draw: a fixed order that a small change of the population keeps."""
    return hashlib.sha1("|".join((seed, *parts)).encode("utf-8")).hexdigest()
