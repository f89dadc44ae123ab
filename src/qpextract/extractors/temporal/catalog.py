"""The table of supported temporal expressions, generated from examples.yaml.

    python -m qpextract.extractors.temporal.catalog   # prints the Markdown table

One row per expected value: a few of its written forms, the record type and
the rules that read them, so the README can show what the extractor covers
without a hand-kept list going stale.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

from qpextract.document import Reference


def load_examples() -> dict[str, Any]:
    """The parsed examples.yaml of this package."""
    text = resources.files(__package__).joinpath("examples.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def reference(context: Any) -> Reference:
    """An examples.yaml context as a Reference: "none", "2023" (title year) or "2022-12-01" (published)."""
    if context is None or str(context) == "none":
        return Reference()
    parts = [int(p) for p in str(context).split("-")]
    if len(parts) == 1:
        return Reference(parts[0], None, None, "title")
    return Reference(parts[0], parts[1], parts[2], "published")


def markdown_table(per_value: int = 3) -> str:
    """A Markdown table: value, written forms (with their reference when it matters), type, rules."""
    from qpextract.extractors.temporal import TemporalExtractor

    extractor = TemporalExtractor()
    data = load_examples()
    rows = ["| value | written as | type | rules |", "|---|---|---|---|"]
    for group in data["positives"]:
        forms, types, rules = [], [], []
        for ex in group["examples"]:
            ex = {"text": ex} if isinstance(ex, str) else ex
            if "value" in ex:
                continue
            context = ex.get("context", group.get("context", data.get("context")))
            span = ex.get("span", ex["text"])
            for s, e, rule, fields in extractor.expressions(ex["text"], reference(context)):
                if ex["text"][s:e] == span:
                    types.append(fields["type"])
                    rules.append(rule)
            if len(forms) < per_value:
                note = f" (ref. {context})" if context not in (None, "none") else ""
                forms.append(f"“{span}”{note}".replace("\n", " "))
        rows.append(
            f"| `{group['value']}` | {'; '.join(forms)} | {', '.join(dict.fromkeys(types))} "
            f"| {', '.join(dict.fromkeys(rules))} |"
        )
    rows.append("")
    rows.append("Never a date: " + "; ".join(f"“{t}”" for t in data["negatives"][:12]) + " …")
    return "\n".join(rows)


if __name__ == "__main__":
    print(markdown_table())
