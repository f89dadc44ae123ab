"""Values of Vietnamese numerals: digits in Vietnamese notation and number words."""

from __future__ import annotations

from typing import Optional

import regex

from qpextract.extractors.numbers.tables import NumberWordRow

_DOT_THOUSANDS = regex.compile(r"\d{1,3}(?:\.\d{3})++(?:,\d++)?+")
_COMMA_THOUSANDS = regex.compile(r"\d{1,3}(?:,\d{3}){2,}+")
_INT = regex.compile(r"\d++")
_COMMA_DECIMAL = regex.compile(r"\d++,\d++")
_DOT_DECIMAL = regex.compile(r"\d++\.\d{1,2}")
_MAX_CHARS = 40  # "1.000.000.000.000.000" has 21; past 300 digits a float is infinite


def parse_digits(s: str) -> Optional[float]:
    """Value of a digit string in Vietnamese notation ("2.568" → 2568, "23,4" → 23.4,
    "1.234.567,5" → 1234567.5, "03" → 3); None for shapes that are not one number
    ("16.10.2020") and for runs too long to be a reported quantity (no float overflow)."""
    if len(s) > _MAX_CHARS:
        return None
    if _INT.fullmatch(s):
        return float(int(s))
    if _DOT_THOUSANDS.fullmatch(s):
        return float(s.replace(".", "").replace(",", "."))
    if _COMMA_DECIMAL.fullmatch(s):
        return float(s.replace(",", "."))
    if _COMMA_THOUSANDS.fullmatch(s):
        return float(s.replace(",", ""))
    if _DOT_DECIMAL.fullmatch(s):
        return float(s)
    return None


def parse_words(words: list[str], table: dict[str, NumberWordRow]) -> tuple[Optional[float], int]:
    """Value of the longest well-formed numeral at the start of ``words`` (lower-case),
    and how many words it uses: ["hai", "mươi", "lăm"] → (25, 3); ["hai", "năm"] → (2, 1)."""
    total: float = 0
    cur: float = 0
    last: Optional[str] = None
    used = 0
    last_scale = 0
    for w in words:
        row = table.get(w)
        if row is None:
            break
        kind, val = row.kind, row.value
        if last == "half" and (kind != "scale" or val == 100):
            break  # "nửa" is a figure only before a scale of a thousand or more
        if kind == "half":  # "nửa triệu": half of the scale after it, only first
            if last is not None:
                break
            cur = 0.5
            last = "half"
        elif kind == "digit":
            if last in ("digit", "after_tens", "unit_after_tens"):
                break
            cur += val
            last = "unit_after_tens" if last in ("tens", "ten") else "digit"
        elif kind == "after_tens":
            if last not in ("tens", "ten"):
                break
            cur += val
            last = "after_tens"
        elif kind == "ten":
            if last in ("digit", "ten", "tens", "after_tens", "unit_after_tens"):
                break
            cur += 10
            last = "ten"
        elif kind == "tens":
            if last != "digit" or cur % 10 < 2:
                break
            d = cur % 10
            cur = cur - d + d * 10
            last = "tens"
        elif kind == "zero":
            if last != "hundred":
                break
            last = "zero"
        else:  # scale
            if val == 100:
                if last != "digit":
                    break
                d = cur % 10
                cur = cur - d + d * 100
                last = "hundred"
            elif last == "scale" and cur == 0 and val > last_scale:
                total *= val  # "nửa nghìn tỷ", "hai nghìn tỷ": a scale of a scale
                last_scale = val
            else:
                if last is None or last == "scale":
                    break
                total += cur * val
                cur = 0
                last = "scale"
                last_scale = val
        used += 1
    if last == "half":
        used -= 1  # "một nửa số": a share, not a figure
    if used == 0:
        return None, 0
    return float(total + cur), used
