"""Find held-out text copied into the library: every W-character window of a held-out input in src/ or tests/.

    python tools/heldout_leak.py [--width 60] [ROOT]

Held-out gold (corpus/gold/heldout*-inputs.jsonl) must never be tuned on, so no sentence of it may sit
in an examples table, a data file or a comment. Texts are whitespace-normalized (runs of whitespace to
one space) on both sides; each W-character window of a held-out text (title and body) is hashed, and
every window of each text file under src/ and tests/ is looked up. Prints file, article id and set of
each hit, never the matched text; exits 1 when any is found. Reads the inputs only, never the annotations.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WIDTH = 60
SCANNED = ("src", "tests")
SUFFIXES = {".py", ".yaml", ".yml", ".json", ".jsonl", ".tsv", ".txt", ".md", ".csv", ".toml", ".cfg"}
_SPACE = re.compile(r"\s+")
#: (file, article id) hits known and left for the lead, with why: reported apart, not counted in the exit code.
#: An entry that no longer matches is reported too (tests/test_heldout_leak.py fails on it), so the list cannot go stale.
KNOWN: dict[tuple[str, str], str] = {}


def normalize(text: str) -> str:
    """Collapse every run of whitespace to one space (line breaks and indentation differ between copies)."""
    return _SPACE.sub(" ", text)


def windows(text: str, width: int) -> set[int]:
    """Hashes of every WIDTH-character window of TEXT."""
    return {hash(text[i : i + width]) for i in range(len(text) - width + 1)}


def heldout_index(gold: Path, width: int) -> dict[int, tuple[str, str]]:
    """Window hash -> (article id, set name) over every heldout*-inputs.jsonl under GOLD."""
    index: dict[int, tuple[str, str]] = {}
    for path in sorted(gold.glob("heldout*-inputs.jsonl")):
        name = path.name.split("-", 1)[0]
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            for part in (row.get("title") or "", row.get("text") or ""):
                for h in windows(normalize(part), width):
                    index.setdefault(h, (row["id"], name))
    return index


def scanned_files(root: Path, dirs: tuple[str, ...] = SCANNED) -> list[Path]:
    """Text files under ROOT/DIRS, caches left out."""
    out = []
    for d in dirs:
        for p in sorted((root / d).rglob("*")):
            if p.is_file() and p.suffix in SUFFIXES and "__pycache__" not in p.parts:
                out.append(p)
    return out


def scan(root: Path = ROOT, gold: Path | None = None, width: int = WIDTH,
         files: list[Path] | None = None) -> list[tuple[str, str, str]]:
    """(file relative to ROOT, article id, set) for each held-out article with a window in a scanned file."""
    index = heldout_index(gold or root / "corpus" / "gold", width)
    hits: list[tuple[str, str, str]] = []
    for path in files if files is not None else scanned_files(root):
        text = normalize(path.read_text(encoding="utf-8", errors="ignore"))
        seen: set[str] = set()
        for i in range(len(text) - width + 1):
            found = index.get(hash(text[i : i + width]))
            if found and found[0] not in seen:
                seen.add(found[0])
                try:
                    rel = str(path.relative_to(root))
                except ValueError:
                    rel = str(path)
                hits.append((rel, found[0], found[1]))
    return hits


def main(argv: list[str] | None = None) -> int:
    """Print the hits (no text) and return 1 when there is any."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", nargs="?", type=Path, default=ROOT)
    ap.add_argument("--width", type=int, default=WIDTH)
    ap.add_argument("--gold", type=Path, default=None, help="folder of heldout*-inputs.jsonl (default ROOT/corpus/gold)")
    args = ap.parse_args(argv)
    hits = scan(args.root.resolve(), args.gold, args.width)
    new = [h for h in hits if h[:2] not in KNOWN]
    for rel, art, name in hits:
        print(f"{rel}\t{art}\t{name}" + ("\tknown" if (rel, art) in KNOWN else ""))
    print(f"{len(new)} held-out article(s) with a {args.width}-character window in src/ or tests/"
          f" ({len(hits) - len(new)} known, see KNOWN)", file=sys.stderr)
    return 1 if new else 0


if __name__ == "__main__":
    sys.exit(main())
