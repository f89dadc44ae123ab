"""What the wild-sample tools share: the corpus, the gold ids they leave out, the local-defence test.

The wild samples (sample_wild.py, wild_main_events.py, numbers_wild_sample.py, abbreviations_wild.py)
draw articles of the corpus that are in no gold set; each keeps its own seed and order. Their corpus defaults to
the one without held-out articles (``wild_corpus``); ``--full-corpus`` reads the full 2,000 articles their published
samples were drawn from.
The audits of the no-held-out corpus (abbreviations_audit.py, positions_recall_sample.py, roles_wild_sample.py)
leave out the development sets of one list, ``DEV_SETS`` and ``WEB_SETS`` (``audit_skip_ids``).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from argparse import ArgumentParser
from pathlib import Path
from typing import Iterable, Optional

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "corpus" / "gold"
# The full shared corpus, held-out articles included: tools/wild_no_heldout.py's input, and the population of the
# audits drawn before the no-held-out corpus existed (a tool reads it only with --full-corpus, see ``wild_corpus``).
FULL_CORPUS = Path(os.environ.get("QPEXTRACT_SHARED") or ROOT.parent / "shared") / "corpus-real" / "articles.jsonl"
# The corpus without any held-out article (nor a near-copy of one), as tools/wild_no_heldout.py writes it: the default
# of every wild tool (QPEXTRACT_WILD names another copy).
NO_HELDOUT_CORPUS = Path(os.environ.get("QPEXTRACT_WILD") or "/work/wt/wild/articles-no-heldout.jsonl")
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


def sampled_ids(paths: list[Path]) -> set[str]:
    """Article ids of earlier judged samples (the `id` column of each TSV, else its first; lines starting with # skipped)."""
    ids: set[str] = set()
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            rows = [line.rstrip("\n").split("\t") for line in fh if line.strip() and not line.startswith("#")]
        if rows:
            col = rows[0].index("id") if "id" in rows[0] else 0
            ids.update(r[col] for r in rows[1:] if len(r) > col)
    return ids


def seeded_rank(seed: str, *parts: str) -> str:
    """The seeded sha1 of ``parts`` by which the samples draw: a fixed order that a small change of the population keeps."""
    return hashlib.sha1("|".join((seed, *parts)).encode("utf-8")).hexdigest()


def is_full_corpus(path: Path) -> bool:
    """Whether PATH is the full shared corpus (``corpus-real/articles.jsonl``, any copy of that name, or the file itself)."""
    if path.name == FULL_CORPUS.name and path.parent.name == FULL_CORPUS.parent.name:
        return True
    return path.is_file() and FULL_CORPUS.is_file() and path.samefile(FULL_CORPUS)


def wild_corpus(path: Optional[Path] = None, full: bool = False) -> Path:
    """The corpus a wild tool reads: PATH, or by default the corpus without held-out articles (``NO_HELDOUT_CORPUS``).

    The full shared corpus holds the held-out articles, so a developer who ran a tool on it would read them: it is
    refused unless FULL is set (the --full-corpus flag of ``add_corpus_arguments``), which reproduces the audits
    corpus/audit/README.md drew from it before the no-held-out corpus existed. Exits with a message saying what to give.
    """
    if full:
        return path or FULL_CORPUS
    if path is not None and is_full_corpus(path):
        raise SystemExit(f"{path} is the full shared corpus, held-out articles included: give the corpus without them"
                         f" ({NO_HELDOUT_CORPUS}), or, in a tool that has it, --full-corpus to reproduce an audit"
                         " drawn from the full corpus")
    path = path or NO_HELDOUT_CORPUS
    if not path.is_file():
        raise SystemExit(f"no corpus at {path}: write the corpus without held-out articles with"
                         " `python tools/wild_no_heldout.py OUT.jsonl` and give OUT.jsonl (or set QPEXTRACT_WILD to it)")
    return path


def add_corpus_arguments(ap: ArgumentParser, option: bool = False) -> None:
    """Add the corpus argument (positional and optional, or ``--corpus`` when OPTION) and --full-corpus to AP;
    ``wild_corpus(args.corpus, args.full_corpus)`` then names the file to read."""
    what = "the articles (JSON lines); default: the corpus without held-out articles, " + str(NO_HELDOUT_CORPUS)
    if option:
        ap.add_argument("--corpus", type=Path, help=what)
    else:
        ap.add_argument("corpus", nargs="?", type=Path, help=what)
    ap.add_argument("--full-corpus", action="store_true",
                    help="read the full shared corpus, held-out articles included (only to reproduce an audit drawn from it)")
