"""A caller's ``published`` value as an ISO date: ``date``/``datetime`` or the strings Vietnamese sites print.

``"02/12/2022"`` is day first (2 December), ``"2022/12/02"`` year first,
``"Thứ Ba, ngày 9 tháng 4 năm 2022 - 08:05"`` gives ``2022-04-09T08:05``, ``"05/06/2023 02:25 PM"`` 14:25.
A value that is no calendar day is refused with a reason, never guessed; so is a day outside
the years 1000-9998 ("9999-12-31"): relative expressions resolved against it ("năm tới",
"ngày mai") would leave the four-digit years of SPEC values or the calendar.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Optional

import regex

# the years a reference date may have: one year and two days either side stay four-digit days
MIN_YEAR, MAX_YEAR = 1000, 9998
_TIME = r"(?:\D{0,12}?(?P<hh>\d{1,2})\s*[:hH]\s*(?P<mi>\d{2})(?::\d{2}(?:\.\d+)?)?)?"
_ZONE = r"(?:\s*(?:Z|[+-]\d{2}:?\d{2}|\(?GMT\s*[+-]?\d{0,2}\)?|(?P<ap>[AP]M)))?"
_WEEKDAY = r"(?:(?:thứ\s+\p{L}+|chủ\s+nhật|t[2-7]|cn)\s*[,-]?\s*)?"
_PATTERNS = [
    # 2022-12-01, 2022/12/01, 2022-12-01T20:54:00+07:00
    regex.compile(r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})" + _TIME + _ZONE, regex.I),
    # [Thứ Ba,] [ngày] 02/12/2022 [- 08:05] [(GMT+7)]
    regex.compile(_WEEKDAY + r"(?:ngày\s+)?(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d{4})" + _TIME + _ZONE, regex.I),
    # [Thứ Ba,] [ngày] 9 tháng 4 năm 2022 [- 08:05]
    regex.compile(
        _WEEKDAY + r"(?:ngày\s+)?(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s*(?:năm\s+|,\s*)(?P<y>\d{4})" + _TIME + _ZONE,
        regex.I,
    ),
]
# 08:05 02/12/2022 (time first)
_TIME_FIRST = regex.compile(
    r"(?P<hh>\d{1,2})\s*[:hH]\s*(?P<mi>\d{2})(?::\d{2})?\s*[,|-]?\s*" + _WEEKDAY
    + r"(?:ngày\s+)?(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d{4})" + _ZONE,
    regex.I,
)


def parse_published(value: Any) -> tuple[Optional[str], Optional[str]]:
    """``(iso or None, warning or None)`` for a ``published`` value given by a caller or a reader.

    Raises ``TypeError`` for a value that is neither a string, a date nor a datetime.
    """
    if value is None:
        return None, None
    if isinstance(value, _dt.date) and not MIN_YEAR <= value.year <= MAX_YEAR:
        return None, _out_of_range(value)
    if isinstance(value, _dt.datetime):
        if value.hour or value.minute:
            return value.strftime("%Y-%m-%dT%H:%M"), None
        return value.date().isoformat(), None
    if isinstance(value, _dt.date):
        return value.isoformat(), None
    if not isinstance(value, str):
        raise TypeError(
            f"published must be a str ('2022-12-02', '02/12/2022'), a datetime.date or a datetime.datetime, "
            f"not {type(value).__name__}"
        )
    text = " ".join(value.split())
    if not text:
        return None, None
    for pattern in (*_PATTERNS, _TIME_FIRST):
        m = pattern.fullmatch(text)
        if m:
            return _iso(m, value)
    return None, f"published {value!r} is not a date qpextract reads; it was ignored (no reference date from it)"


def _iso(m: regex.Match[str], raw: str) -> tuple[Optional[str], Optional[str]]:
    try:
        day = _dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError as exc:
        return None, f"published {raw!r} is not a calendar day ({exc}); it was ignored"
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        return None, _out_of_range(raw)
    if m["hh"] is None:
        return day.isoformat(), None
    time = clock(int(m["hh"]), int(m["mi"]), m["ap"])
    if time is None:
        return None, f"published {raw!r} has no valid time of day; it was ignored"
    return f"{day.isoformat()}T{time}", None


def clock(hour: int, minute: int, half: Optional[str]) -> Optional[str]:
    """``HH:MM`` of a printed time ("02:25 PM", "02:25 CH" (chiều) → ``14:25``), None when it is no time of day;
    shared by the caller's ``published`` and the datelines read on a page (text/metadata.py ``day_stamp``)."""
    half = (half or "").upper()
    if half in ("PM", "CH") and hour < 12:
        hour += 12
    elif half in ("AM", "SA") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def _out_of_range(raw: Any) -> str:
    return f"published {str(raw)!r} is outside the years {MIN_YEAR}-{MAX_YEAR} qpextract resolves dates against; it was ignored"
