"""Step two: resolve a partial value against the document's reference date.

The reference (SPEC "Reference date") is the published date if known, else a
year written in the title, else nothing. A missing year is filled from it and
the record says so (``year_inferred``); without a reference the year stays
``XXXX`` and first/last day stay null. Values follow SPEC: ``2023-06-27``,
``2022-12-01T20:54``, ``2020-11``, ``2022``, ``2023-Q1``, ``2015-01/2015-09``,
``2015/2020``, ``P5Y``.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional

from qpextract.document import Reference
from qpextract.extractors.temporal.rules import Partial

UNKNOWN = "XXXX"
# lunar years named without a reference are read in the 60 years up to this one + 1
LUNAR_DEFAULT_YEAR = 2024
# a written hour this side of noon is moved past it for these parts of day
_PM_FROM = {"afternoon": 0, "evening": 0, "noon": 0, "night": 6}
_PM_UNTIL = {"afternoon": 12, "evening": 12, "noon": 4, "night": 12}


@dataclass(frozen=True)
class Resolved:
    """The SPEC fields of a TemporalExpression besides text and offsets."""

    type: str
    value: str
    first_day: Optional[str] = None
    last_day: Optional[str] = None
    year_inferred: bool = False


def _last(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _valid(year: Optional[int], month: Optional[int], day: Optional[int]) -> bool:
    if month is None or not 1 <= month <= 12:
        return False
    if day is None:
        return True
    return 1 <= day <= _last(year if year is not None else 2000, month)


def nearest_year(ref: Reference, month: int) -> Optional[int]:
    """The year of ``month`` closest to the reference: "tháng 12" read in January is last year's."""
    if ref.year is None:
        return None
    if ref.month is None:
        return ref.year
    diff = month - ref.month
    if diff > 6:
        return ref.year - 1
    if diff < -6:
        return ref.year + 1
    return ref.year


def _ys(year: Optional[int]) -> str:
    return f"{year:04d}" if year is not None else UNKNOWN


def _iso(year: int, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"


def _month_bounds(
    year: Optional[int], m1: int, m2: int, year2: Optional[int] = None
) -> tuple[Optional[str], Optional[str]]:
    if year is None:
        return None, None
    y2 = year2 if year2 is not None else year
    return _iso(year, m1, 1), _iso(y2, m2, _last(y2, m2))


def resolve(p: Partial, ref: Reference) -> Optional[Resolved]:
    """The resolved fields of ``p``, or None when it does not make a valid date."""
    handler = _HANDLERS.get(p.kind)
    return handler(p, ref) if handler else None


def _day(p: Partial, ref: Reference) -> Optional[Resolved]:
    if p.day is None or p.month is None:
        return None
    year, inferred = p.year, False
    if year is None:
        year = nearest_year(ref, p.month)
        inferred = year is not None
    if not _valid(year, p.month, p.day):
        return None
    value = f"{_ys(year)}-{p.month:02d}-{p.day:02d}"
    kind = "date"
    if p.hour is not None:
        hour = p.hour
        if p.part_of_day in _PM_FROM and _PM_FROM[p.part_of_day] <= hour < _PM_UNTIL[p.part_of_day]:
            hour += 12
        if hour > 23:
            return None
        value += f"T{hour:02d}:{p.minute or 0:02d}"
        kind = "datetime"
    iso = _iso(year, p.month, p.day) if year is not None else None
    return Resolved(kind, value, iso, iso, inferred)


def _month(p: Partial, ref: Reference) -> Optional[Resolved]:
    if p.month is None or not 1 <= p.month <= 12:
        return None
    year, inferred = p.year, False
    if year is None:
        year = nearest_year(ref, p.month)
        inferred = year is not None
    first, last = _month_bounds(year, p.month, p.month)
    return Resolved("date", f"{_ys(year)}-{p.month:02d}", first, last, inferred)


def _year(p: Partial, ref: Reference) -> Optional[Resolved]:
    year = p.year
    if year is None and p.stem is not None and p.branch is not None:
        year = lunar_year(p.stem, p.branch, ref.year)
    if year is None:
        return None
    return Resolved("date", f"{year:04d}", _iso(year, 1, 1), _iso(year, 12, 31))


def lunar_year(stem: int, branch: int, near: Optional[int]) -> Optional[int]:
    """The year named by a stem and branch ("Ất Tỵ" 2025): the last one up to a year after ``near``.

    Without a reference the window ends in 2025, so "Xuân Mậu Thân" is 1968,
    the year news still recalls, not 2028.
    """
    if (stem - branch) % 2:
        return None  # stems and branches pair only with the same parity
    last = (near if near is not None else LUNAR_DEFAULT_YEAR) + 1
    for y in range(last, last - 60, -1):
        if (y - 4) % 10 == stem and (y - 4) % 12 == branch:
            return y
    return None


def _quarter(p: Partial, ref: Reference) -> Optional[Resolved]:
    if p.quarter is None or not 1 <= p.quarter <= 4:
        return None
    year, inferred = p.year, False
    if year is None and ref.year is not None:
        year, inferred = ref.year, True
    first, last = _month_bounds(year, 3 * p.quarter - 2, 3 * p.quarter)
    return Resolved("date", f"{_ys(year)}-Q{p.quarter}", first, last, inferred)


def _relative_year(p: Partial, ref: Reference) -> Optional[Resolved]:
    if ref.year is None or p.relative is None:
        return None
    if p.relative == "past_year":
        offset = -1 if ref.month is not None and ref.month <= 6 else 0
    elif isinstance(p.relative, int):
        offset = p.relative
    else:
        return None
    year = ref.year + offset
    return Resolved("date", f"{year:04d}", _iso(year, 1, 1), _iso(year, 12, 31), True)


def _relative_day(p: Partial, ref: Reference) -> Optional[Resolved]:
    if ref.year is None or ref.month is None or ref.day is None or not isinstance(p.relative, int):
        return None
    day = date(ref.year, ref.month, ref.day) + timedelta(days=p.relative)
    return Resolved("date", day.isoformat(), day.isoformat(), day.isoformat(), True)


def _part_year(p: Partial, ref: Reference) -> Optional[Resolved]:
    n = p.months or 0
    year, inferred = p.year, False
    if year is None and ref.year is not None:
        year, inferred = ref.year, True
    if year is None:
        return Resolved("duration", f"P{n}M")
    m1, m2 = (1, n) if p.part != "last" else (13 - n, 12)
    first, last = _month_bounds(year, m1, m2)
    return Resolved("period", f"{year:04d}-{m1:02d}/{year:04d}-{m2:02d}", first, last, inferred)


def _duration(p: Partial, ref: Reference) -> Optional[Resolved]:
    unit = p.unit or ""
    if unit.startswith("T"):  # hours and minutes: "PT2H"
        return Resolved("duration", f"PT{p.amount}{unit[1:]}")
    if unit == "DE":  # decades in years, as SPEC writes durations: "một thập kỷ" P10Y
        return Resolved("duration", f"P{10 * (p.amount or 0)}Y")
    return Resolved("duration", f"P{p.amount}{unit}")


def _year_span(p: Partial, ref: Reference) -> Optional[Resolved]:
    if p.year is None or p.year2 is None:
        return None
    return Resolved("period", f"{p.year:04d}/{p.year2:04d}", _iso(p.year, 1, 1), _iso(p.year2, 12, 31))


def _month_span(p: Partial, ref: Reference) -> Optional[Resolved]:
    if p.month is None or p.month2 is None:
        return None
    y2, inferred = p.year2, False
    if y2 is None:
        y2 = p.year if p.year is not None else nearest_year(ref, p.month2)
        inferred = p.year is None and y2 is not None
    y1 = p.year if p.year is not None else (None if y2 is None else (y2 if p.month <= p.month2 else y2 - 1))
    if not (_valid(y1, p.month, None) and _valid(y2, p.month2, None)):
        return None
    value = f"{_ys(y1)}-{p.month:02d}/{_ys(y2)}-{p.month2:02d}"
    if y1 is None or y2 is None:
        return Resolved("period", value)
    first, _ = _month_bounds(y1, p.month, p.month)
    _, last = _month_bounds(y2, p.month2, p.month2)
    return Resolved("period", value, first, last, inferred)


def _day_span(p: Partial, ref: Reference) -> Optional[Resolved]:
    if None in (p.day, p.month, p.day2, p.month2):
        return None
    y2, inferred = p.year2, False
    if y2 is None:
        y2 = p.year if p.year is not None else nearest_year(ref, p.month2)  # type: ignore[arg-type]
        inferred = p.year is None and y2 is not None
    y1 = p.year
    if y1 is None and y2 is not None:
        y1 = y2 if (p.month, p.day) <= (p.month2, p.day2) else y2 - 1  # type: ignore[operator]
    if not (_valid(y1, p.month, p.day) and _valid(y2, p.month2, p.day2)):
        return None
    value = f"{_ys(y1)}-{p.month:02d}-{p.day:02d}/{_ys(y2)}-{p.month2:02d}-{p.day2:02d}"
    if y1 is None or y2 is None:
        return Resolved("period", value)
    d1, d2 = date(y1, p.month, p.day), date(y2, p.month2, p.day2)  # type: ignore[arg-type]
    if d2 < d1:
        return None
    return Resolved("period", value, d1.isoformat(), d2.isoformat(), inferred)


_HANDLERS = {
    "day": _day,
    "month": _month,
    "year": _year,
    "holiday": _year,
    "quarter": _quarter,
    "relative_year": _relative_year,
    "relative_day": _relative_day,
    "part_year": _part_year,
    "duration": _duration,
    "year_span": _year_span,
    "month_span": _month_span,
    "day_span": _day_span,
}
