"""Regex building blocks shared by the text layer and the extractors.

Word lists become prefix tries ("t(?:ổng kết|ập huấn)"): every step is a
literal, so the engine keeps its fast first-character scan and matching stays
linear, and the longest entry wins.
"""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=65536)
def phrase_key(s: str) -> str:
    """Comparison key of a phrase: lower case, single spaces, no spaces around hyphens."""
    return " ".join(s.lower().replace("-", " - ").split()).replace(" - ", "-")


def trie_pattern(words: list[str], fold_case: bool = False) -> str:
    """A regex alternation of ``words`` factored by common prefix.

    Spaces in a word match any run of blanks; hyphens allow blanks around
    them. Longer words come first at each branch, so the longest entry wins.
    With ``fold_case`` the words are lower-cased first (compile with IGNORECASE).
    """
    trie: dict = {}
    for w in words:
        w = phrase_key(w) if fold_case else " ".join(w.replace("-", " - ").split()).replace(" - ", "-")
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = []
        end = "" in node
        for ch in sorted(c for c in node if c):
            if ch == " ":
                head = r"[ \t]++"
            elif ch == "-":
                head = r"[ \t]*+-[ \t]*+"
            else:
                head = re.escape(ch)
            alts.append(head + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if end else body

    return "(?:" + emit(trie) + ")"


def bounded(text: str, s: int, e: int) -> bool:
    """True when ``text[s:e]`` starts and ends on word boundaries (checked after a literal-first match)."""
    return (s == 0 or not text[s - 1].isalnum()) and (e >= len(text) or not text[e].isalnum())


def skip_blanks(text: str, at: int) -> int:
    """The first offset from ``at`` that is not a space or a tab."""
    while at < len(text) and text[at] in " \t":
        at += 1
    return at
