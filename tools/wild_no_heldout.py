"""Write the wild corpus the helpers may read: the corpus without any held-out article, by id and by text.

    python tools/wild_no_heldout.py OUT.jsonl [--corpus articles.jsonl] [--width 60]

Leaving out the held-out ids is not enough: the corpus holds some stories twice under two ids, so an
article outside the held-out can carry a held-out text. An article that shares any WIDTH-character window
(whitespace-normalized, as tools/heldout_leak.py reads them) with a held-out input is left out too.
Prints how many were left out for each reason, never a text.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from heldout_leak import WIDTH, heldout_index, normalize, windows  # noqa: E402
from wild import FULL_CORPUS, GOLD, gold_ids  # noqa: E402


def shares_window(row: dict, index: dict[int, tuple[str, str]], width: int) -> bool:
    """Whether the title or text of ROW has a WIDTH-character window of a held-out input."""
    return any(windows(normalize(part), width) & index.keys() for part in (row.get("title") or "", row.get("text") or ""))


def main(argv: list[str] | None = None) -> int:
    """Filter the corpus into OUT and print the counts."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--corpus", type=Path, default=FULL_CORPUS, help="the full shared corpus, held-out articles included")
    ap.add_argument("--width", type=int, default=WIDTH)
    args = ap.parse_args(argv)
    held = gold_ids("heldout*")
    index = heldout_index(GOLD, args.width)
    kept = by_id = by_text = 0
    with open(args.corpus, encoding="utf-8") as src, open(args.out, "w", encoding="utf-8") as out:
        for line in src:
            if not line.strip():
                continue
            row = json.loads(line)
            if str(row.get("id")) in held:
                by_id += 1
            elif shares_window(row, index, args.width):
                by_text += 1
            else:
                kept += 1
                out.write(line if line.endswith("\n") else line + "\n")
    print(f"kept {kept}; left out {by_id} held-out ids and {by_text} articles sharing a {args.width}-character"
          " window with a held-out input", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
