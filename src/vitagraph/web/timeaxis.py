"""EDTF values as things a timeline can draw honestly.

The browser gets fractional years (``1919.0`` is the first instant of 1919,
``1920.0`` the end of it) and flags, never EDTF strings to parse: a day is a
point, a month or a year is the span it could fall in, ``A/B`` is a bar, an
open end reaches the edge, and ``?``/``~`` make the range fuzzy.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..nlp import edtf

YMD = tuple[int, int, int]
_CUM = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_SEASONS = {21: "spring", 22: "summer", 23: "autumn", 24: "winter", 25: "spring", 26: "summer",
            27: "autumn", 28: "winter", 29: "spring", 30: "summer", 31: "autumn", 32: "winter",
            33: "Q1", 34: "Q2", 35: "Q3", 36: "Q4", 37: "first third of", 38: "second third of",
            39: "last third of", 40: "first half of", 41: "second half of"}


def _leap(y: int) -> bool:
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def year_fraction(day: YMD, *, end: bool = False) -> float:
    """A day as a fractional year; ``end`` gives the instant the day ends."""
    y, m, d = day
    doy = _CUM[m - 1] + d - 1 + (1 if m > 2 and _leap(y) else 0) + (1 if end else 0)
    return round(y + doy / (366 if _leap(y) else 365), 5)


def _year_label(year: str) -> str:
    if "X" in year:
        digits = year.lstrip("-")
        n = digits.count("X")
        base = int(digits.replace("X", "0"))
        if n == 1:
            return f"{base}s"
        return f"{base}–{base + 10 ** n - 1}"
    y = int(year)
    return f"{1 - y} BC" if y <= 0 else str(y)


def _date_label(d: edtf.Date) -> str:
    year = _year_label(d.year) if d.exponent is None else f"{d.year}E{d.exponent}"
    if d.month is None or "X" in d.month:
        text = year
    elif d.is_season:
        text = f"{_SEASONS.get(int(d.month), 'part of')} {year}"
    elif d.day is None or "X" in d.day:
        text = f"{_MONTHS[int(d.month) - 1]} {year}"
    else:
        text = f"{int(d.day)} {_MONTHS[int(d.month) - 1]} {year}"
    flags = {ch for ch in str(d) if ch in "?~%"}
    if "%" in flags or {"?", "~"} <= flags:
        return f"c. {text}?"
    if "~" in flags:
        return f"c. {text}"
    if "?" in flags:
        return f"{text}?"
    return text


@lru_cache(maxsize=8192)
def describe(value: str | None) -> str:
    """An EDTF value in words for people: ``1917-10/1919-01`` → "October 1917 – January 1919"."""
    if not value:
        return "undated"
    try:
        v = edtf.parse(value)
    except (ValueError, TypeError):
        return value
    if isinstance(v, edtf.Date):
        return _date_label(v)
    if isinstance(v, edtf.Interval):
        a = _date_label(v.start) if isinstance(v.start, edtf.Date) else v.start
        b = _date_label(v.end) if isinstance(v.end, edtf.Date) else v.end
        if a == edtf.OPEN:
            return f"until {b}"
        if b == edtf.OPEN:
            return f"{a} onwards"
        return f"{a or '?'} – {b or '?'}"
    parts = []
    for e in v.elements:
        if isinstance(e, edtf.DateRange):
            a = _date_label(e.start) if e.start else "…"
            b = _date_label(e.end) if e.end else "…"
            parts.append(f"{a} to {b}")
        else:
            parts.append(_date_label(e))
    return (" and " if v.all_of else " or ").join(parts)


def _flags(value: str) -> tuple[bool, bool]:
    uncertain = "?" in value or "%" in value
    approximate = "~" in value or "%" in value
    return uncertain, approximate


def _bounds_years(b: tuple[YMD | None, YMD | None]) -> tuple[float | None, float | None]:
    lo, hi = b
    return (year_fraction(lo) if lo else None, year_fraction(hi, end=True) if hi else None)


@lru_cache(maxsize=8192)
def drawable(value: str | None) -> dict[str, Any] | None:
    """Ready-to-draw numbers for an EDTF value; None when it gives no position in time.

    ``shape``: ``point`` (a day), ``span`` (a month, year, season or ``192X``:
    somewhere in that range), ``interval`` (``A/B``: throughout), ``set``
    (``[A,B]`` one of them; ``members`` holds each). ``lo``/``hi`` are None
    on an open (``..``) or unknown (``''``) side, told apart by ``open_lo``/
    ``open_hi``. Uses ``edtf.bounds`` for the numbers. Cached (EDTF parsing
    dominated a timeline's cost): callers must not mutate the result.
    """
    if not value:
        return None
    b = edtf.bounds(value)
    if b is None or (b[0] is None and b[1] is None):
        return None
    v = edtf.parse(value)
    lo, hi = _bounds_years(b)
    uncertain, approximate = _flags(value)
    out: dict[str, Any] = {
        "lo": lo, "hi": hi, "open_lo": False, "open_hi": False,
        "uncertain": uncertain, "approximate": approximate,
        "label": describe(value), "members": None,
    }
    if isinstance(v, edtf.Date):
        out["shape"] = "point" if v.precision == "day" and "X" not in str(v) else "span"
        out["precision"] = v.precision if "X" not in v.year else ("decade" if v.year.count("X") == 1 else "century")
    elif isinstance(v, edtf.Interval):
        out["shape"] = "interval"
        out["open_lo"] = v.start == edtf.OPEN
        out["open_hi"] = v.end == edtf.OPEN
        ends = [e for e in (v.start, v.end) if isinstance(e, edtf.Date)]
        out["precision"] = min((e.precision for e in ends), key=("year", "month", "day").index)
    else:
        out["shape"] = "set"
        out["all_of"] = v.all_of
        members = []
        for e in v.elements:
            mb = edtf.bounds(e) if isinstance(e, edtf.Date) else _range_bounds(e)
            if mb is not None:
                members.append(list(_bounds_years(mb)))
        out["members"] = members
        out["open_lo"] = lo is None
        out["open_hi"] = hi is None
        out["precision"] = "year"
    return out


def _range_bounds(r: edtf.DateRange) -> tuple[YMD | None, YMD | None]:
    lo = edtf.bounds(r.start)[0] if r.start else None  # type: ignore[index]
    hi = edtf.bounds(r.end)[1] if r.end else None  # type: ignore[index]
    return lo, hi


def sort_key(value: str | None) -> float:
    """Where a value sorts in time: its earliest day, else its latest; undated last."""
    d = drawable(value)
    if d is None:
        return float("inf")
    return d["lo"] if d["lo"] is not None else d["hi"]
