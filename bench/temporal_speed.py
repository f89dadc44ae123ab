"""Speed of the temporal extractor alone over the real corpus (documents built beforehand).

    PYTHONPATH=src python bench/temporal_speed.py ARTICLES.jsonl

ARTICLES.jsonl is required: the shared corpus (../shared/corpus-real/articles.jsonl) holds the held-out
articles; give the no-held-out file tools/wild_no_heldout.py writes.

Documents are normalized and their metadata (reference date) read first; only
the TemporalExtractor call is timed, in CPU time, best of three passes.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    path = Path(args[0])
    from qpextract import Pipeline
    from qpextract.extractors.temporal import TemporalExtractor
    from qpextract.text.metadata import MetadataReader

    pipeline = Pipeline(components=[MetadataReader()])
    with open(path, encoding="utf-8") as f:
        docs = [pipeline.document(r["text"], id=r["id"], title=r.get("title")) for r in map(json.loads, f)]
    extractor = TemporalExtractor()
    best, records = float("inf"), 0
    for _ in range(3):
        for doc in docs:
            doc.dates = []
        t0 = time.process_time()
        for doc in docs:
            extractor(doc)
        best = min(best, time.process_time() - t0)
        records = sum(len(d.dates) for d in docs)
    chars = sum(len(d.text) for d in docs) / len(docs)
    print(f"{len(docs)} articles (avg {chars:.0f} chars), {records} dates: "
          f"{best * 1000 / len(docs):.3f} ms/article CPU, {len(docs) / best:.0f} articles/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
