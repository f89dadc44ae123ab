"""Temporal expressions (SPEC TemporalExpression): extract, then resolve.

rules.py scans the text with the grammar of ``data/vi/temporal_*.yaml`` and
yields partial values ("Chiều 22/3": XXXX-03-22, afternoon); resolve.py fills
what it can from the document's reference date. Records keep the rule that
fired (``date.dm``) and are traced for ``qpextract explain``.
"""

from __future__ import annotations

from typing import Optional

from qpextract.document import Document, Reference
from qpextract.extractors.temporal.grammar import Grammar, load_grammar
from qpextract.extractors.temporal.resolve import resolve
from qpextract.extractors.temporal.rules import RuleSet
from qpextract.models import TemporalExpression
from qpextract.text.teasers import TeaserLines

__all__ = ["TemporalExtractor"]


class TemporalExtractor:
    """Component: fills ``doc.dates``, one record per expression, in text order."""

    name = "temporal"
    needs = ("reference",)
    adds = ("dates",)

    def __init__(self, grammar: Optional[Grammar] = None) -> None:
        self.rules = RuleSet(grammar or load_grammar())

    def expressions(
        self, text: str, reference: Reference, lower: Optional[str] = None
    ) -> list[tuple[int, int, str, dict]]:
        """``(start, end, rule, fields)`` in normalized offsets for every expression of ``text``."""
        out = []
        for partial in self.rules.find(text, with_day=reference.day is not None, lower=lower):
            r = resolve(partial, reference)
            if r is None:
                continue
            fields = {
                "type": r.type,
                "value": r.value,
                "part_of_day": partial.part_of_day,
                "first_day": r.first_day,
                "last_day": r.last_day,
                "year_inferred": r.year_inferred,
                "rule": partial.rule,
            }
            out.append((partial.start, partial.end, partial.rule, fields))
        return out

    def __call__(self, doc: Document) -> None:
        lower = doc.lex.lower
        teasers = TeaserLines(lower)
        for start, end, rule, fields in self.expressions(doc.text, doc.reference, lower):
            if teasers.holds(start):
                doc.near_miss(self.name, rule, start, end, "a date in a related-article line (Xem thêm: ...): that article's, not this one's")
                continue
            if any(a <= start and end <= b for a, b in doc.chrome):
                continue  # the site header's "today" date: page chrome, no record
            doc.dates.append(TemporalExpression(**doc.span(start, end), **fields))
            doc.explain(self.name, rule, start, end)
