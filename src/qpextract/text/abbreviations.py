"""Abbreviations: every occurrence of a known short form, with its expansion.

Known forms come from ``data/vi/abbreviations.tsv``; the longest one wins.
A chain of known forms joined by a dash or "&" ("ANCT-TTATXH") is one record
whose expansion is its parts' joined the same way. Unknown all-caps tokens
(not Roman numerals, not capitalized names) are reported in ``warnings``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import regex
from pydantic import BaseModel

from qpextract.data import read_tsv
from qpextract.document import Document
from qpextract.models import Abbreviation
from qpextract.patterns import trie_pattern

_LEFT_TOUCH = regex.compile(r"[\p{L}\p{N}&/]")
_RIGHT = r"(?![\p{L}\p{N}&/]|\.\p{Lu})"
_SPACED_DASH = regex.compile(r"\s*-\s*")
_JOINER = regex.compile(r"\s?([-&])\s?")
_CAPS = regex.compile(r"[A-ZĐ](?<![\p{L}\p{N}][A-ZĐ])[A-ZĐ0-9]*+(?<=[A-ZĐ])(?![\p{L}\p{N}])")
_ROMAN = regex.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")


class AbbreviationEntry(BaseModel):
    short: str
    expansion: str
    category: str
    record_as: Optional[str] = None


@dataclass(frozen=True)
class _Lexicon:
    entries: dict[str, AbbreviationEntry]
    pattern: regex.Pattern[str]


def load_lexicon() -> _Lexicon:
    entries = {e.short: e for e in read_tsv("abbreviations.tsv", AbbreviationEntry)}
    # a prefix trie, longest form first ("QP-QSĐP" also matches "QP - QSĐP"); the left
    # boundary is checked on each match so that the engine keeps its fast literal scan
    pattern = regex.compile(trie_pattern(list(entries)) + _RIGHT)
    return _Lexicon(entries, pattern)


def _canonical(written: str) -> str:
    return _SPACED_DASH.sub("-", written)


class AbbreviationTagger:
    """Component: fills ``doc.abbreviations`` and warns about unknown caps tokens."""

    name = "abbreviations"
    needs = ("text",)
    adds = ("abbreviations",)

    def __init__(self) -> None:
        self.lexicon = load_lexicon()

    def lookup(self, written: str) -> Optional[AbbreviationEntry]:
        return self.lexicon.entries.get(_canonical(written))

    def __call__(self, doc: Document) -> None:
        text = doc.text
        found = [m for m in self.lexicon.pattern.finditer(text) if not _LEFT_TOUCH.match(text, m.start() - 1, m.start())]
        covered: list[tuple[int, int]] = []
        i = 0
        while i < len(found):
            # extend a chain "ANCT-TTATXH", "GD&ĐT" while the next form is glued by a joiner
            j = i
            joiners = []
            while j + 1 < len(found):
                gap = _JOINER.fullmatch(text, found[j].end(), found[j + 1].start())
                if not gap:
                    break
                joiners.append(gap.group(1))
                j += 1
            parts = [self.lookup(m.group()) for m in found[i : j + 1]]
            start, end = found[i].start(), found[j].end()
            covered.append((start, end))
            if j == i:
                entry = parts[0]
                assert entry is not None
                if entry.record_as:
                    inner = text.find(entry.record_as, start, end)
                    start, end = inner, inner + len(entry.record_as)
                    entry = self.lexicon.entries[entry.record_as]
                rule, expansion, category = "abbr.lexicon", entry.expansion, entry.category
            else:
                rule = "abbr.compound"
                expansion = parts[0].expansion  # type: ignore[union-attr]
                for joiner, part in zip(joiners, parts[1:]):
                    expansion += (" - " if joiner == "-" else " và ") + part.expansion  # type: ignore[union-attr]
                category = parts[0].category  # type: ignore[union-attr]
            span = doc.span(start, end)
            doc.abbreviations.append(
                Abbreviation(short=span["text"], expansion=expansion, category=category, rule=rule, **span)
            )
            doc.explain(self.name, rule, start, end)
            i = j + 1
        self._warn_unknown(doc, covered)

    def _warn_unknown(self, doc: Document, covered: list[tuple[int, int]]) -> None:
        seen: set[str] = set()
        k = 0
        for m in _CAPS.finditer(doc.text):
            while k < len(covered) and covered[k][1] <= m.start():
                k += 1
            if k < len(covered) and covered[k][0] <= m.start() < covered[k][1]:
                continue
            token = m.group()
            if not _ROMAN.fullmatch(token) and token not in self.lexicon.entries:
                doc.near_miss(self.name, "abbr.caps", m.start(), m.end(), "all capitals, not in the abbreviation table (data/vi/abbreviations.tsv)")
            if token in seen or _ROMAN.fullmatch(token) or token in self.lexicon.entries:
                continue
            seen.add(token)
            doc.warnings.append(f"unknown abbreviation '{token}' (not in the abbreviation table)")
