"""Write the README's table of example corpora from the examples files themselves.

    python tools/readme_examples.py          # rewrite the table in README.md
    python tools/readme_examples.py --check  # exit 1 when README.md is out of date

Every extractor and text module keeps its examples (input → expected records,
positives and negatives) in YAML next to its code; the tests run them. This
script counts them and quotes a few inputs, so the README never claims what
the corpora do not hold.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "qpextract"
START, END = "<!-- examples:start -->", "<!-- examples:end -->"
SHAPE = "qpextract-examples/1"  # qpextract.examples.SHAPE (this script does not import the package)
TEXT_KEYS = {"text", "input"}
LIST_KEYS = {"examples"}
NEGATIVE_KEYS = {"negatives", "negative"}


def texts(node: Any, negative: bool = False) -> Iterator[tuple[str, bool]]:
    """Every example input in a YAML tree, and whether it sits under a negative key."""
    if isinstance(node, dict):
        case_text = next((v for k, v in node.items() if k in TEXT_KEYS and isinstance(v, str)), None)
        if case_text is not None:  # one case: its expected records are not inputs
            yield case_text, negative
            return
        for key, value in node.items():
            if key in LIST_KEYS | NEGATIVE_KEYS and isinstance(value, list):
                for item in value:
                    if isinstance(item, str):
                        yield item, negative or key in NEGATIVE_KEYS
                    else:
                        yield from texts(item, negative or key in NEGATIVE_KEYS)
            else:
                yield from texts(value, negative)
    elif isinstance(node, list):
        for item in node:
            yield from texts(item, negative)


def empty_expectation(case: Any) -> bool:
    """A case whose expected records are all empty lists is a negative example."""
    if not isinstance(case, dict) or not any(k in case for k in TEXT_KEYS):
        return False
    lists = [v for k, v in case.items() if k not in TEXT_KEYS and isinstance(v, list)]
    return bool(lists) and all(not v for v in lists)


def count_negatives(node: Any) -> int:
    if isinstance(node, dict):
        return sum(count_negatives(v) if k not in NEGATIVE_KEYS else len(v) for k, v in node.items())
    if isinstance(node, list):
        return sum(1 if empty_expectation(i) else count_negatives(i) for i in node)
    return 0


def _negative_case(case: dict) -> bool:
    """A case of the one shape whose expected lists are all empty."""
    lists = [v for v in (case.get("expect") or {}).values() if isinstance(v, list)]
    return bool(lists) and all(not v for v in lists)


def table() -> str:
    rows = ["| component | examples file | examples | negative | a few of its inputs |", "|---|---|---|---|---|"]
    for path in sorted(PACKAGE.rglob("*.yaml")):
        rel = path.relative_to(PACKAGE)
        if not (path.name.startswith("examples") or rel.parts[:2] == ("text", "examples")):
            continue
        tree = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(tree, dict) and tree.get("shape") == SHAPE:  # the one examples shape
            found = [(c["text"], _negative_case(c)) for c in tree.get("cases") or []]
            negatives = sum(neg for _, neg in found)
        else:
            found = list(texts(tree))
            negatives = count_negatives(tree)
        component = path.stem if rel.parts[0] == "text" else f"{rel.parts[1]}{path.stem.replace('examples', '')}"
        sample = "; ".join(f"`{' '.join(t.split())[:48]}`" for t, neg in found[:3] if not neg)
        rows.append(f"| {component} | `{rel}` | {len(found)} | {negatives} | {sample} |")
    return "\n".join(rows)


def render(readme: str) -> str:
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{table()}\n{END}{tail}"


def main(argv: list[str]) -> int:
    readme_path = ROOT / "README.md"
    readme = readme_path.read_text(encoding="utf-8")
    fresh = render(readme)
    if "--check" in argv:
        return 0 if fresh == readme else 1
    readme_path.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
