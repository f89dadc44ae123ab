"""How far two careful readers agree: score one gold file against another with the project's scorer.

    python tools/agreement.py corpus/gold/heldout4.jsonl corpus/gold/heldout4-second.jsonl

The second annotation is turned into output form (its required dates, its
main event and types, its participants and abbreviations) and scored against
the first on the articles both hold, as ``qpextract evaluate`` scores the
pipeline. The figures are the ceiling a system can be expected to reach.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from qpextract.evaluate import evaluate, format_report


def as_output(gold: dict) -> dict:
    """One gold line in the shape `qpextract extract` writes."""
    ev = gold.get("events") or {}
    main = ev.get("main")
    events = [{"type": main, "main": True, "participants": ev.get("participants", [])}] if main else []
    events += [{"type": t, "main": False} for t in ev.get("types", []) if t != main]
    return {
        "schema_version": "2", "id": gold["id"], "text": "", "title": gold.get("title"),
        "published": gold.get("published"), "authors": gold.get("authors", []),
        "officials": [dict(o, positions=[{"text": p} for p in o.get("positions", [])]) for o in gold.get("officials", [])],
        "ranks": gold.get("ranks", []),
        "dates": [{"value": d["value"][0] if isinstance(d["value"], list) else d["value"]}
                  for d in gold.get("dates", []) if not d.get("optional")],
        "numbers": gold.get("numbers", []), "events": events,
        "abbreviations": [{"short": k, "expansion": v} for k, v in (gold.get("abbreviations") or {}).items()],
        "documents": gold.get("documents", []), "decorations": gold.get("decorations", []),
    }


def main(argv: list[str]) -> int:
    first, second = (Path(a) for a in argv[:2])
    seconds = [json.loads(line) for line in second.open(encoding="utf-8") if line.strip()]
    ids = {g["id"] for g in seconds}
    firsts = [g for g in (json.loads(line) for line in first.open(encoding="utf-8") if line.strip()) if g["id"] in ids]
    print(f"{len(firsts)} articles annotated twice")
    print(format_report(evaluate(firsts, [as_output(g) for g in seconds]), problems=0))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
