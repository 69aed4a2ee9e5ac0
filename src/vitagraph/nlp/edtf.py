"""EDTF dates: a value model, English phrase normalization and a scanner for running text.

EDTF is the Library of Congress Extended Date/Time Format (ISO 8601-2): ``1890-12-30``,
``1927~``, ``192X``, ``1927-21`` (spring), ``1933/1936``, ``../1939``, ``[1921,1922]``.
Everything here is plain Python, pure and deterministic: nothing reads the clock, so a
phrase like "two years ago" or "the present" never becomes a date, only an open end.

Conventions (chosen so that a value is never more precise than the words):

* early / mid / late X are thirds of X. Year: 01-04, 05-08, 09-12 ("late 1927" ->
  ``1927-09/1927-12``). Decade: years 0-3, 4-6, 7-9 ("the early 1930s" -> ``1930/1933``).
  Century: 00-33, 34-66, 67-99. Month: days 1-10, 11-20, 21-end.
* beginning / start of a year is its first quarter (01-03), end / close its last quarter
  (10-12); for months, decades and centuries they are the same as early / late.
  first / second half and first..fourth quarter are what they say.
* "A or B" is the one-of set ``[A,B]`` when A and B are plain dates, otherwise the hull
  interval ("late 1927 or early 1928" -> ``1927-09/1928-04``), never a single day.
* before X / after X are strict and keep X's precision: "before 1914" -> ``../1913``,
  "after 1940" -> ``1941/..``. by / until / till X -> ``../X``; since X, from X (onwards),
  X onwards -> ``X/..``; "in or before X" -> ``../X``.
* Seasons (codes 21-24) are Northern-hemisphere meteorological seasons: spring Mar-May,
  summer Jun-Aug, autumn Sep-Nov, winter ``YYYY-24`` Dec YYYY - Feb YYYY+1, so
  "the winter of 1941-42" -> ``1941-24``. Level-2 codes 25-41 are parsed and bounded
  (29-32 Southern hemisphere, 33-36 quarters, 37-39 quadrimesters, 40-41 semesters).
* "the Nth century" is (N-1)00-(N-1)99 ("the 20th century" -> ``19XX``, "the 5th century
  BC" -> ``-04XX`` = 500-401 BC); the first century AD is ``0001/0099``. "the 1800s" is read
  as the century ``18XX`` (the wider reading of an ambiguous phrase).
* Years: EDTF year 0 is 1 BC, so "44 BC" -> ``-0043``. A bare number is a year only in
  1000-2100; other years need an era word (BC, AD...) or a day and month.
* bounds(): the earliest and latest day covered, proleptic Gregorian, as (y, m, d) tuples;
  an open ("..") or unknown ("") end gives None on that side. Qualifiers (? ~ %) do not
  widen bounds.
* Relative phrases and durations are anchored to an EDTF reference (the narrative time):
  a shift moves both ends of the reference, a span runs from the reference to reference +
  duration, and the result is kept at the coarser of the reference's and the unit's
  precision ("two years later" + ``1919-05`` -> ``1921``; "after 85 days" + ``1933-03`` ->
  ``1933-05/1933-06``; "fifteen months" + ``1933`` -> ``1933/1935``, since a span starting
  in December 1933 ends in March 1935). Vague amounts ("a few", "several") give None, and
  an uncertain reference gives an uncertain result. A day or month without a year ("on 12
  March", "in May") takes the first such month not before the reference's month.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from itertools import product
from typing import Callable, Iterator, Union

__all__ = [
    "Date",
    "DateRange",
    "DateSet",
    "EDTF",
    "Interval",
    "OPEN",
    "Relative",
    "TimeMatch",
    "UNKNOWN",
    "anchor",
    "bounds",
    "format",
    "is_valid",
    "normalize",
    "parse",
    "scan",
    "width_days",
]

YMD = tuple[int, int, int]

# --------------------------------------------------------------------------- calendar


def _leap(y: int) -> bool:
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


_DIM = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _dim(y: int, m: int) -> int:
    return 29 if m == 2 and _leap(y) else _DIM[m - 1]


def _ordinal(y: int, m: int, d: int) -> int:
    """Days since 1970-01-01 in the proleptic Gregorian calendar (any year, incl. negative)."""
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    doy = (153 * ((m + 9) % 12) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _from_ordinal(z: int) -> YMD:
    z += 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return (yoe + era * 400 + (m <= 2), m, d)


def _add_days(p: YMD, n: int) -> YMD:
    return _from_ordinal(_ordinal(*p) + n)


def _add_months(p: YMD, n: int) -> YMD:
    y, m, d = p
    y2, m0 = divmod(y * 12 + m - 1 + n, 12)
    return (y2, m0 + 1, min(d, _dim(y2, m0 + 1)))


# --------------------------------------------------------------------------- value model

OPEN = ".."
UNKNOWN = ""
_QUALS = ("", "?", "~", "%")

# season code -> (first month, last month, year offset of the last month)
_SEASONS: dict[int, tuple[int, int, int]] = {
    21: (3, 5, 0), 22: (6, 8, 0), 23: (9, 11, 0), 24: (12, 2, 1),
    25: (3, 5, 0), 26: (6, 8, 0), 27: (9, 11, 0), 28: (12, 2, 1),
    29: (9, 11, 0), 30: (12, 2, 1), 31: (3, 5, 0), 32: (6, 8, 0),
    33: (1, 3, 0), 34: (4, 6, 0), 35: (7, 9, 0), 36: (10, 12, 0),
    37: (1, 4, 0), 38: (5, 8, 0), 39: (9, 12, 0), 40: (1, 6, 0), 41: (7, 12, 0),
}


def _combine_q(a: str, b: str) -> str:
    """Union of two qualifiers: ? + ~ = %."""
    flags = set()
    for q in (a, b):
        flags |= {"?", "~"} if q == "%" else ({q} if q else set())
    return "%" if len(flags) == 2 else (flags.pop() if flags else "")


def _cands(pattern: str, lo: int, hi: int) -> list[int]:
    """Values in lo..hi whose two digits match a pattern with X for unspecified digits."""
    return [v for v in range(lo, hi + 1)
            if all(p in ("X", c) for p, c in zip(pattern, f"{v:02d}"))]


@dataclass(frozen=True)
class Date:
    """One EDTF date. Components are kept as their EDTF digit strings (X = unspecified)
    so any valid string round-trips exactly; build from numbers with ``Date.of``.

    ``qualifier`` applies to the whole date; ``marks`` holds level-2 per-component
    qualifiers as (prefix, suffix) per component ("2004?-06-~11"), () when there are none.
    """

    year: str
    month: str | None = None
    day: str | None = None
    qualifier: str = ""
    marks: tuple[tuple[str, str], ...] = ()
    exponent: int | None = None
    significant: int | None = None

    def __post_init__(self) -> None:
        _check_date(self)

    @classmethod
    def of(cls, year: int, month: int | None = None, day: int | None = None,
           qualifier: str = "") -> Date:
        ys = f"-{-year:04d}" if year < 0 else f"{year:04d}"
        return cls(ys, None if month is None else f"{month:02d}",
                   None if day is None else f"{day:02d}", qualifier)

    @property
    def is_season(self) -> bool:
        return self.month is not None and "X" not in self.month and int(self.month) > 12

    @property
    def precision(self) -> str:
        """'day', 'month' or 'year': the finest fully specified unit (a season is 'month')."""
        ym = self.year + (self.month or "")
        if self.day is not None and "X" not in ym + self.day:
            return "day"
        if self.month is not None and "X" not in ym:
            return "month"
        return "year"

    def __str__(self) -> str:
        return _fmt(self)


def _check_date(d: Date) -> None:
    if not isinstance(d.year, str) or not re.fullmatch(r"-?[0-9X]+", d.year):
        raise ValueError(f"bad year {d.year!r}")
    digits = d.year.lstrip("-")
    neg = d.year.startswith("-")
    if d.exponent is not None:
        if d.exponent < 1 or "X" in digits:
            raise ValueError("an exponential year needs a positive exponent and plain digits")
    elif len(digits) < 4:
        raise ValueError(f"year {d.year!r} needs at least four digits")
    elif len(digits) > 4:
        if "X" in digits:
            raise ValueError("a long (Y) year cannot have unspecified digits")
        if digits[0] == "0":
            raise ValueError("a long (Y) year cannot start with 0")
    long_year = d.exponent is not None or len(digits) > 4
    if neg and set(digits) <= {"0"}:
        raise ValueError("-0000 is not a year (year 0 is 0000)")
    if d.qualifier not in _QUALS:
        raise ValueError(f"bad qualifier {d.qualifier!r}")
    if d.significant is not None:
        if d.significant < 1 or "X" in digits or d.month is not None:
            raise ValueError("significant digits need a plain year without month")
        value_digits = len(digits) + (d.exponent or 0)
        if d.significant > value_digits:
            raise ValueError("more significant digits than the year has")
    if d.month is not None:
        if long_year:
            raise ValueError("a long (Y) year cannot have a month")
        if not re.fullmatch(r"[0-9X]{2}", d.month):
            raise ValueError(f"bad month {d.month!r}")
        if "X" in d.month:
            if not _cands(d.month, 1, 12):
                raise ValueError(f"month {d.month!r} matches no month")
        else:
            mv = int(d.month)
            if not (1 <= mv <= 12 or mv in _SEASONS):
                raise ValueError(f"month {mv} out of range (01-12, or a season 21-41)")
    if d.day is not None:
        if d.month is None:
            raise ValueError("a day needs a month")
        if d.is_season:
            raise ValueError("a season cannot have a day")
        if not re.fullmatch(r"[0-9X]{2}", d.day):
            raise ValueError(f"bad day {d.day!r}")
        if "X" not in d.year + d.month + d.day:
            y, m, dd = int(d.year), int(d.month), int(d.day)
            if not 1 <= dd <= _dim(y, m):
                raise ValueError(f"day {dd} out of range for {d.year}-{d.month}"
                                 f" (has {_dim(y, m)} days)")
        elif _date_bounds(d) is None:
            raise ValueError(f"no valid day matches {d.year}-{d.month}-{d.day}")
    if d.marks:
        n = 1 + (d.month is not None) + (d.day is not None)
        if len(d.marks) != n or long_year or d.significant is not None:
            raise ValueError("per-component qualifiers need one (prefix, suffix) per component")
        if any(p not in _QUALS or s not in _QUALS for p, s in d.marks) or d.marks[-1][1]:
            raise ValueError("bad per-component qualifiers (the last suffix is `qualifier`)")
        if not any(p or s for p, s in d.marks):
            raise ValueError("empty per-component qualifiers: use marks=()")


def _year_range(d: Date) -> tuple[int, int]:
    digits = d.year.lstrip("-")
    if d.exponent is not None:
        lo = hi = int(digits) * 10 ** d.exponent
    else:
        lo, hi = int(digits.replace("X", "0")), int(digits.replace("X", "9"))
    if d.significant is not None:
        span = 10 ** (len(str(lo)) - d.significant)
        lo = lo // span * span
        hi = lo + span - 1
    return (-hi, -lo) if d.year.startswith("-") else (lo, hi)


def _years(d: Date, ascending: bool) -> Iterator[int]:
    """Years matching d.year in order (lazy: X positions are enumerated digit by digit)."""
    digits = d.year.lstrip("-")
    if "X" not in digits:
        yield _year_range(d)[0]
        return
    neg = d.year.startswith("-")
    order = range(10) if ascending != neg else range(9, -1, -1)
    slots = [i for i, c in enumerate(digits) if c == "X"]
    for combo in product(order, repeat=len(slots)):
        chars = list(digits)
        for i, v in zip(slots, combo):
            chars[i] = str(v)
        v = int("".join(chars))
        yield -v if neg else v


def _date_bounds(d: Date) -> tuple[YMD, YMD] | None:
    ylo, yhi = _year_range(d)
    if d.month is None:
        return (ylo, 1, 1), (yhi, 12, 31)
    if d.is_season:
        sm, em, off = _SEASONS[int(d.month)]
        return (ylo, sm, 1), (yhi + off, em, _dim(yhi + off, em))
    months = _cands(d.month, 1, 12)
    if d.day is None:
        return (ylo, months[0], 1), (yhi, months[-1], _dim(yhi, months[-1]))
    days = _cands(d.day, 1, 31)
    lo = next(((y, m, x) for y in _years(d, True) for m in months for x in days
               if x <= _dim(y, m)), None)
    if lo is None:
        return None
    hi = next((y, m, x) for y in _years(d, False) for m in reversed(months)
              for x in reversed(days) if x <= _dim(y, m))
    return lo, hi


@dataclass(frozen=True)
class Interval:
    """start/end: a Date, OPEN ('..') or UNKNOWN (''); at least one end is a Date."""

    start: Date | str
    end: Date | str

    def __post_init__(self) -> None:
        for e in (self.start, self.end):
            if not isinstance(e, Date) and e not in (OPEN, UNKNOWN):
                raise ValueError(f"bad interval end {e!r}")
        if not isinstance(self.start, Date) and not isinstance(self.end, Date):
            raise ValueError("an interval needs at least one date")
        if isinstance(self.start, Date) and isinstance(self.end, Date):
            lo, hi = _bounds(self.start)[0], _bounds(self.end)[1]
            if lo > hi:
                raise ValueError(f"interval ends out of order: {_fmt(self.start)} is after "
                                 f"{_fmt(self.end)}")

    def __str__(self) -> str:
        return _fmt(self)


@dataclass(frozen=True)
class DateRange:
    """``a..b`` inside a set; None is an open side (only at the set's first/last element)."""

    start: Date | None
    end: Date | None

    def __post_init__(self) -> None:
        if self.start is None and self.end is None:
            raise ValueError("a set range needs at least one date")
        if self.start is not None and self.end is not None:
            if _bounds(self.start)[0] > _bounds(self.end)[1]:
                raise ValueError("set range out of order")


@dataclass(frozen=True)
class DateSet:
    """``[a,b]`` (one of: the date is one of these) or ``{a,b}`` (all of)."""

    elements: tuple[Date | DateRange, ...]
    all_of: bool = False

    def __post_init__(self) -> None:
        if not self.elements:
            raise ValueError("empty set")
        last = len(self.elements) - 1
        for i, e in enumerate(self.elements):
            if not isinstance(e, (Date, DateRange)):
                raise ValueError(f"bad set element {e!r}")
            if isinstance(e, DateRange):
                if (e.start is None and i != 0) or (e.end is None and i != last):
                    raise ValueError("an open set range must come first (..x) or last (x..)")

    def __str__(self) -> str:
        return _fmt(self)


EDTF = Union[Date, Interval, DateSet]

# --------------------------------------------------------------------------- parse / format

_DATE_RE = re.compile(
    r"(?P<yp>[?~%])?(?:Y(?P<ly>-?[0-9]+)(?:E(?P<e>[0-9]+))?|(?P<y>-?[0-9X]{4}))"
    r"(?:S(?P<s>[0-9]+))?(?P<ys>[?~%])?"
    r"(?:-(?P<mp>[?~%])?(?P<m>[0-9X]{2})(?P<ms>[?~%])?"
    r"(?:-(?P<dp>[?~%])?(?P<d>[0-9X]{2})(?P<ds>[?~%])?)?)?"
)


def _parse_date(s: str) -> Date:
    m = _DATE_RE.fullmatch(s)
    if not m:
        raise ValueError(f"not an EDTF date: {s!r}")
    if m["ly"] is not None:
        digits = m["ly"].lstrip("-")
        if m["e"] is None and len(digits) <= 4:
            raise ValueError(f"a Y-year needs more than four digits: {s!r}")
        year = m["ly"]
    else:
        year = m["y"]
    comps = [(m["yp"] or "", m["ys"] or "")]
    if m["m"] is not None:
        comps.append((m["mp"] or "", m["ms"] or ""))
    if m["d"] is not None:
        comps.append((m["dp"] or "", m["ds"] or ""))
    qualifier = comps[-1][1]
    comps[-1] = (comps[-1][0], "")
    marks = tuple(comps) if any(p or q for p, q in comps) else ()
    try:
        return Date(year, m["m"], m["d"], qualifier, marks,
                    int(m["e"]) if m["e"] else None, int(m["s"]) if m["s"] else None)
    except ValueError as exc:
        raise ValueError(f"invalid EDTF date {s!r}: {exc}") from None


def _parse_end(s: str) -> Date | str:
    return s if s in (OPEN, UNKNOWN) else _parse_date(s)


def parse(s: str) -> EDTF:
    """Parse an EDTF string (levels 0-2); ValueError says what is wrong."""
    if not isinstance(s, str):
        raise TypeError(f"EDTF must be a string, not {type(s).__name__}")
    if not s:
        raise ValueError("empty EDTF string")
    if s[0] in "[{":
        close = "]" if s[0] == "[" else "}"
        if s[-1] != close or len(s) < 3:
            raise ValueError(f"unterminated or empty EDTF set: {s!r}")
        elems: list[Date | DateRange] = []
        for part in s[1:-1].split(","):
            if ".." in part:
                a, _, b = part.partition("..")
                if ".." in b:
                    raise ValueError(f"bad set range {part!r} in {s!r}")
                elems.append(DateRange(_parse_date(a) if a else None,
                                       _parse_date(b) if b else None))
            else:
                elems.append(_parse_date(part))
        try:
            return DateSet(tuple(elems), close == "}")
        except ValueError as exc:
            raise ValueError(f"invalid EDTF set {s!r}: {exc}") from None
    if "/" in s:
        a, _, b = s.partition("/")
        if "/" in b:
            raise ValueError(f"an EDTF interval has one '/': {s!r}")
        try:
            return Interval(_parse_end(a), _parse_end(b))
        except ValueError as exc:
            raise ValueError(f"invalid EDTF interval {s!r}: {exc}") from None
    return _parse_date(s)


def _fmt_date(d: Date) -> str:
    if d.exponent is not None:
        ys = f"Y{d.year}E{d.exponent}"
    elif len(d.year.lstrip("-")) > 4:
        ys = "Y" + d.year
    else:
        ys = d.year
    if d.significant is not None:
        ys += f"S{d.significant}"
    comps = [ys] + [c for c in (d.month, d.day) if c is not None]
    if d.marks:
        comps = [p + c + s for c, (p, s) in zip(comps, d.marks)]
    return "-".join(comps) + d.qualifier


def _fmt(v: EDTF | str) -> str:
    if isinstance(v, str):
        return v
    if isinstance(v, Date):
        return _fmt_date(v)
    if isinstance(v, Interval):
        return f"{_fmt(v.start)}/{_fmt(v.end)}"
    if isinstance(v, DateSet):
        parts = [(_fmt_date(e.start) if e.start else "") + ".." + (_fmt_date(e.end) if e.end
                                                                     else "")
                 if isinstance(e, DateRange) else _fmt_date(e) for e in v.elements]
        return ("{" if v.all_of else "[") + ",".join(parts) + ("}" if v.all_of else "]")
    raise TypeError(f"not an EDTF value: {v!r}")


def format(value: EDTF | str) -> str:  # noqa: A001 - the module's public name
    """Canonical EDTF string of a value (a string is parsed first, so it is validated)."""
    return _fmt(parse(value) if isinstance(value, str) else value)


def is_valid(s: str) -> bool:
    try:
        parse(s)
    except (ValueError, TypeError):
        return False
    return True


def _bounds(v: EDTF | DateRange) -> tuple[YMD | None, YMD | None]:
    if isinstance(v, Date):
        b = _date_bounds(v)
        assert b is not None  # validated at construction
        return b
    if isinstance(v, (Interval, DateRange)):
        lo = _bounds(v.start)[0] if isinstance(v.start, Date) else None
        hi = _bounds(v.end)[1] if isinstance(v.end, Date) else None
        return lo, hi
    pairs = [_bounds(e) for e in v.elements]
    los, his = [p[0] for p in pairs], [p[1] for p in pairs]
    return (None if None in los else min(los)), (None if None in his else max(his))


def bounds(s: str | EDTF) -> tuple[YMD | None, YMD | None] | None:
    """Earliest and latest day covered as ((y, m, d), (y, m, d)), astronomical years
    (0 = 1 BC). An open or unknown end is None on its side; invalid input gives None."""
    try:
        v = parse(s) if isinstance(s, str) else s
        return _bounds(v)
    except (ValueError, TypeError):
        return None


def width_days(s: str | EDTF) -> int | None:
    """Number of days covered (inclusive); None when invalid or open-ended."""
    b = bounds(s)
    if b is None or b[0] is None or b[1] is None:
        return None
    return _ordinal(*b[1]) - _ordinal(*b[0]) + 1


# --------------------------------------------------------------------------- value helpers

_PREC_RANK = {"year": 0, "month": 1, "day": 2}


def _coarser(a: str, b: str) -> str:
    return a if _PREC_RANK[a] <= _PREC_RANK[b] else b


def _value_prec(v: EDTF) -> str:
    dates = [e for e in _dates(v)]
    prec = "day"
    for d in dates:
        prec = _coarser(prec, d.precision)
    return prec


def _dates(v: EDTF) -> list[Date]:
    if isinstance(v, Date):
        return [v]
    if isinstance(v, Interval):
        return [e for e in (v.start, v.end) if isinstance(e, Date)]
    out = []
    for e in v.elements:
        out += [e] if isinstance(e, Date) else [x for x in (e.start, e.end) if x]
    return out


def _trunc(p: YMD, prec: str, q: str = "") -> Date:
    y, m, d = p
    if prec == "year" or abs(y) > 9999:
        return Date.of(y, qualifier=q)
    if prec == "month":
        return Date.of(y, m, qualifier=q)
    return Date.of(y, m, d, qualifier=q)


def _span(lo: YMD | None, hi: YMD | None, prec: str, q: str = "") -> EDTF | None:
    """A date when both ends fall in the same unit of `prec`, else an interval."""
    if lo is None and hi is None:
        return None
    a = _trunc(lo, prec, q) if lo is not None else OPEN
    b = _trunc(hi, prec, q) if hi is not None else OPEN
    if a == b:
        return a
    return Interval(a, b)


def _qualify(v: EDTF, q: str, start_only: bool = False) -> EDTF:
    if not q:
        return v
    if isinstance(v, Date):
        return replace(v, qualifier=_combine_q(v.qualifier, q))
    if isinstance(v, Interval):
        s = _qualify(v.start, q) if isinstance(v.start, Date) else v.start
        e = v.end if start_only or not isinstance(v.end, Date) else _qualify(v.end, q)
        return Interval(s, e)
    return DateSet(tuple(_qualify(e, q) if isinstance(e, Date) else e for e in v.elements),
                   v.all_of)


def _start_of(v: EDTF) -> Date | str:
    return v.start if isinstance(v, Interval) else v  # type: ignore[return-value]


def _end_of(v: EDTF) -> Date | str:
    return v.end if isinstance(v, Interval) else v  # type: ignore[return-value]


# --------------------------------------------------------------------------- lexical tables

_DASH = "[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212]"
_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_FULL = r"(?:" + "|".join(list(_MONTHS)[:12]) + r")\b"
_MONTH = r"(?:" + _MONTH_FULL + r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?:\.|\b))"
_WEEKDAY = r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b,?\s+(?:the\s+)?)?"

_ORD_SMALL = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
              "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
              "sixteenth", "seventeenth", "eighteenth", "nineteenth"]
_ORDINALS = {w: i + 1 for i, w in enumerate(_ORD_SMALL)}
_ORDINALS |= {"twentieth": 20, "thirtieth": 30, "thirty-first": 31}
_ORDINALS |= {f"twenty-{w}": 21 + i for i, w in enumerate(_ORD_SMALL[:9])}


def _words_re(words) -> str:
    alts = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\-", "-").replace("-", r"[-\s]")
                            .replace(r"\ ", r"\s+") for w in alts) + r")\b"


_ORD_WORD = _words_re(_ORDINALS)
_DAY = r"(?:(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?!\w)|" + _ORD_WORD + ")"
_CENT_ORD = r"(?:[1-9][0-9]?(?:st|nd|rd|th)|" + _ORD_WORD + ")"

_ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_NUMBERS = {w: i + 1 for i, w in enumerate(_ONES)} | {w: 20 + 10 * i for i, w in
                                                      enumerate(_TENS)}
_NUMBERS |= {"a": 1, "an": 1, "a single": 1, "a hundred": 100, "one hundred": 100,
             "a couple of": None, "a few": None, "several": None, "some": None,
             "many": None, "a number of": None}
_NUM_WORD = ("(?:(?:" + "|".join(_TENS) + r")(?:[-\s](?:" + "|".join(_ONES[:9]) + r"))?\b|"
             + _words_re(_NUMBERS) + ")")
_NUM = r"(?:\d{1,3}(?![\d,.]\d)|" + _NUM_WORD + ")"
_NUMR = (r"(?P<n>" + _NUM + r")(?:(?:\s*" + _DASH + r"\s*|\s+(?:to|or)\s+)(?P<n2>" + _NUM
         + r"))?")
_UNIT = r"(?P<u>days?|weeks?|fortnights?|months?|years?|decades?|centuries|century)\b"
_MOD = (r"(?:(?P<mod>about|around|approximately|roughly|some|nearly|almost|only|just|barely|"
        r"less\s+than|more\s+than|over|under|at\s+least|fewer\s+than|well\s+over)\s+)?")

_BC = r"(?-i:B\.C\.E\.|B\.C\.|BCE|BC)(?!\w)"
_AD = r"(?-i:A\.D\.|AD|C\.E\.|CE)(?!\w)"
_AD_PRE = r"(?-i:A\.D\.|AD)"
_YEND = r"(?!\w|['’]s\b|[.,]\d)"
_THE = r"(?:the\s+)?"
_QSEP = r"(?:\s*-\s*|\s+)"
_PART_WORDS = (r"end|beginning|start|middle|close|first\s+half|second\s+half|latter\s+half|"
               r"latter\s+part|early\s+part|first\s+part|last\s+part|first\s+quarter|"
               r"second\s+quarter|third\s+quarter|fourth\s+quarter|last\s+quarter|"
               r"first\s+months|last\s+months|opening\s+months|closing\s+months|"
               r"first\s+days|last\s+days|first\s+week|last\s+week|end\s+days")
_PART_PREFIX = (r"(?:(?P<q>early|mid|middle|late)" + _QSEP + r"(?:in\s+)?|(?P<q2>" + _PART_WORDS
                + r")\s+(?:of|in)\s+)")
_PART_PREFIX_B = _PART_PREFIX.replace("(?P<q>", "(?P<qb>").replace("(?P<q2>", "(?P<q2b>")


def _ye(plain: str) -> str:
    """A year: with an era (44 BC, 79 AD, AD 79, 10,000 BC) or `plain` digits."""
    return (r"(?:(?P<bcn>\d{1,3}(?:,\d{3})+|\d{1,6})\s?" + _BC
            + r"|(?P<adn>\d{1,4})\s?" + _AD
            + r"|" + _AD_PRE + r"\s?(?P<adn2>\d{1,4})" + _YEND
            + r"|(?P<y>" + plain + r")" + _YEND + ")")


_YE4 = _ye(r"\d{4}")
_YE34 = _ye(r"\d{3,4}")
_CONN = r"(?:\s*" + _DASH + r"\s*|\s+(?:to|until|till|through|thru|and)\s+)"


def _strip_groups(p: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", p)


# --------------------------------------------------------------------------- interpretation

class _Reject(Exception):
    """Raised by handlers: the text matched the pattern but is not a date we accept."""


def _year_of(m: re.Match, plain_range: bool = True) -> int:
    """Astronomical year from a _ye() match; plain digits must be 1000-2100 if plain_range."""
    if m["bcn"]:
        n = int(m["bcn"].replace(",", ""))
        if n == 0:
            raise _Reject
        return 1 - n
    n_ad = m["adn"] or m["adn2"]
    if n_ad:
        n = int(n_ad)
        if n == 0:
            raise _Reject
        return n
    y = int(m["y"])
    if plain_range and not 1000 <= y <= 2100:
        raise _Reject
    return y


def _month_of(s: str) -> int:
    return _MONTHS[s.lower().rstrip(".")]


def _day_of(s: str) -> int:
    s = s.lower()
    if s[0].isdigit():
        return int(re.match(r"\d+", s).group())
    return _ORDINALS[re.sub(r"[-\s]+", "-", s)]


def _num_of(s: str) -> int | None:
    s = re.sub(r"\s+", " ", s.lower().strip())
    if s.isdigit():
        return int(s)
    if s in _NUMBERS:
        return _NUMBERS[s]
    parts = re.split(r"[-\s]", s)
    return sum(_NUMBERS[p] for p in parts)


def _part_key(q: str | None, q2: str | None) -> str:
    if q:
        return {"early": "early", "mid": "mid", "middle": "mid", "late": "late"}[q.lower()]
    w = re.sub(r"\s+", " ", (q2 or "").lower())
    return {
        "end": "end", "close": "end", "end days": "end", "last days": "end",
        "last part": "late", "latter part": "late", "closing months": "end",
        "last months": "end", "beginning": "beginning", "start": "beginning",
        "first days": "beginning", "opening months": "beginning", "first months": "beginning",
        "first part": "early", "early part": "early", "middle": "mid",
        "first half": "h1", "second half": "h2", "latter half": "h2",
        "first quarter": "q1", "second quarter": "q2", "third quarter": "q3",
        "fourth quarter": "q4", "last quarter": "q4", "first week": "w1", "last week": "w4",
    }[w]


def _part_offsets(n: int, part: str, unit: str) -> tuple[int, int]:
    """Inclusive offsets into a span of n units (months of a year, years of a decade...)."""
    if unit == "year" and part == "beginning":
        part = "q1"
    elif unit == "year" and part == "end":
        part = "q4"
    elif part == "beginning":
        part = "early"
    elif part == "end":
        part = "late"
    if unit == "month":  # n = days in the month
        table = {"early": (0, 9), "mid": (10, 19), "late": (20, n - 1), "h1": (0, 14),
                 "h2": (15, n - 1), "w1": (0, 6), "w4": (n - 7, n - 1)}
        if part in table:
            return table[part]
        part = {"q1": "early", "q2": "mid", "q3": "mid", "q4": "late"}.get(part, part)
        return table[part]
    if part in ("w1", "w4"):
        part = "early" if part == "w1" else "late"
    e, l3 = -(-n // 3), n // 3
    if part == "early":
        return 0, e - 1
    if part == "mid":
        return e, n - l3 - 1
    if part == "late":
        return n - l3, n - 1
    if part in ("h1", "h2"):
        return (0, n // 2 - 1) if part == "h1" else (n // 2, n - 1)
    k = int(part[1])
    return (k - 1) * n // 4, k * n // 4 - 1


def _year_part(y: int, part: str) -> EDTF:
    a, b = _part_offsets(12, part, "year")
    return Interval(Date.of(y, a + 1), Date.of(y, b + 1))


def _month_part(y: int, mo: int, part: str) -> EDTF:
    a, b = _part_offsets(_dim(y, mo), part, "month")
    return Interval(Date.of(y, mo, a + 1), Date.of(y, mo, b + 1))


def _years_part(lo: int, hi: int, part: str) -> EDTF:
    a, b = _part_offsets(hi - lo + 1, part, "years")
    return Interval(Date.of(lo + a), Date.of(lo + b))


# An atomic point handler returns (value, kind, context-need, qualify-start-only).
# context-need: "" none; "next" no counted noun after it ("by 1500 votes"); "neg" that and
# no page/room-like word before it; "bare" both, plus a date-ish context (see scan()).
_Atom = tuple[EDTF, str, str, bool]


def _h_dmy(m: re.Match) -> _Atom:
    y = _year_of(m, plain_range=False)
    return Date.of(y, _month_of(m["mon"]), _day_of(m["day"])), "date", "", False


def _h_iso(m: re.Match) -> _Atom:
    y = int(m["iy"])
    return Date.of(y, int(m["im"]), int(m["id"])), "date", "", False


def _h_month_part(m: re.Match) -> _Atom:
    y = _year_of(m)
    return _month_part(y, _month_of(m["mon"]), _part_key(m["q"], m["q2"])), "interval", "", False


def _h_my(m: re.Match) -> _Atom:
    return Date.of(_year_of(m), _month_of(m["mon"])), "date", "", False


_SEASON_CODE = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}


def _h_winter_span(m: re.Match) -> _Atom:
    y = _year_of(m)
    y2s = m["y2"]
    y2 = int(y2s) if len(y2s) == 4 else y - y % 100 + int(y2s)
    if y2 != y + 1:
        raise _Reject
    return Date(Date.of(y).year, "24"), "date", "", False


def _h_season(m: re.Match) -> _Atom:
    y = _year_of(m)
    return Date(Date.of(y).year, str(_SEASON_CODE[m["s"].lower()])), "date", "", False


def _h_year_part(m: re.Match) -> _Atom:
    return _year_part(_year_of(m), _part_key(m["q"], m["q2"])), "interval", "", False


def _h_decade(m: re.Match) -> _Atom:
    dec = int(m["dec"])
    if not 1000 <= dec <= 2090:
        raise _Reject
    part = _part_key(m["q"], m["q2"]) if (m["q"] or m["q2"]) else None
    if dec % 100 == 0:  # "the 1800s": read as the century (the wider reading)
        if part is None:
            return Date(f"{dec // 100:02d}XX"), "century", "", False
        return _years_part(dec, dec + 99, part), "century", "", False
    if part is None:
        return Date(f"{dec // 10:03d}X"), "decade", "", False
    return _years_part(dec, dec + 9, part), "decade", "", False


def _h_century(m: re.Match) -> _Atom:
    o = m["ord"].lower()
    n = int(o[:-2]) if o[0].isdigit() else _ORDINALS[re.sub(r"[-\s]+", "-", o)]
    if not 1 <= n <= 30:
        raise _Reject
    part = _part_key(m["q"], m["q2"]) if (m["q"] or m["q2"]) else None
    if m["bc"]:
        lo, hi = -(n * 100 - 1), -((n - 1) * 100)
        whole: EDTF = Date(f"-{n - 1:02d}XX")
    else:
        lo, hi = (n - 1) * 100, (n - 1) * 100 + 99
        if n == 1:
            lo = 1
            whole = Interval(Date.of(1), Date.of(99))
        else:
            whole = Date(f"{n - 1:02d}XX")
    if part is None:
        return whole, "century", "", False
    return _years_part(lo, hi, part), "century", "", False


def _h_era_year(m: re.Match) -> _Atom:
    return Date.of(_year_of(m)), "date", "", False


def _h_bare_year(m: re.Match) -> _Atom:
    y = int(m["y"])
    if not 1000 <= y <= 2100:
        raise _Reject
    q = "?" if m["unc2"] else ""
    ctx = "" if m["tyear"] else "bare"
    return Date.of(y, qualifier=q), "date", ctx, False


def _h_sh_ddmy(m: re.Match) -> _Atom:
    y, mo = _year_of(m, plain_range=False), _month_of(m["mon"])
    return Interval(Date.of(y, mo, _day_of(m["d1"])), Date.of(y, mo, _day_of(m["d2"]))), \
        "interval", "", True


def _h_sh_dmdmy(m: re.Match) -> _Atom:
    y = _year_of(m, plain_range=False)
    a = Date.of(y, _month_of(m["m1"]), _day_of(m["d1"]))
    b = Date.of(y, _month_of(m["m2"]), _day_of(m["d2"]))
    return Interval(a, b), "interval", "", True


def _h_sh_mmy(m: re.Match) -> _Atom:
    y = _year_of(m)
    return Interval(Date.of(y, _month_of(m["m1"])), Date.of(y, _month_of(m["m2"]))), \
        "interval", "", True


def _h_sh_era(m: re.Match) -> _Atom:
    n1, n2 = int(m["n1"].replace(",", "")), int(m["n2"].replace(",", ""))
    if n1 == 0 or n2 == 0:
        raise _Reject
    a, b = 1 - n1, 1 - n2  # "c. 630 - c. 570 BC": the era applies to both numbers
    return Interval(Date.of(a), Date.of(b, qualifier="~" if m["q2"] else "")), "interval", "", \
        True


def _either(a: EDTF, b: EDTF) -> EDTF:
    """"A or B": a one-of set of two plain dates, else the hull interval."""
    if _bounds(b)[0] < _bounds(a)[0]:
        a, b = b, a
    if isinstance(a, Date) and isinstance(b, Date):
        if a == b:
            raise _Reject
        return DateSet((a, b))
    return Interval(_start_of(a), _end_of(b))


def _h_sh_era_or(m: re.Match) -> _Atom:
    n1, n2 = int(m["n1"]), int(m["n2"])
    if n1 == 0 or n2 == 0:
        raise _Reject
    v = _either(Date.of(1 - n1), Date.of(1 - n2))
    return v, "set", "", True


def _h_sh_month_or(m: re.Match) -> _Atom:
    y = _year_of(m)
    p1 = _part_key(m["q"], m["q2"]) if (m["q"] or m["q2"]) else None
    p2 = _part_key(m["qb"], m["q2b"]) if (m["qb"] or m["q2b"]) else None
    m1, m2 = _month_of(m["m1"]), _month_of(m["m2"])
    a = _month_part(y, m1, p1) if p1 else Date.of(y, m1)
    b = _month_part(y, m2, p2) if p2 else Date.of(y, m2)
    v = _either(a, b)
    return v, "set" if isinstance(v, DateSet) else "interval", "", True


def _h_sh_era_any(m: re.Match) -> _Atom:
    if m["n1b"]:
        n1, n2 = int(m["n1b"]), int(m["n2b"])
        if n1 == 0 or n2 == 0:
            raise _Reject
        return Interval(Date.of(n1), Date.of(n2)), "interval", "", True
    return _h_sh_era(m)


# (name, pattern with named groups, handler); order = priority inside composites.
_ATOMS: list[tuple[str, str, Callable[[re.Match], _Atom]]] = [
    ("sh_ddmy", _WEEKDAY + r"(?P<d1>" + _DAY + ")" + _CONN + r"(?P<d2>" + _DAY
     + r")\s+(?:of\s+)?(?P<mon>" + _MONTH + r"),?\s+" + _YE34, _h_sh_ddmy),
    ("sh_mddy", r"(?P<mon>" + _MONTH + r")\s+(?P<d1>" + _DAY + ")" + _CONN + r"(?P<d2>" + _DAY
     + r"),?\s+" + _YE34, _h_sh_ddmy),
    ("sh_dmdmy", r"(?P<d1>" + _DAY + r")\s+(?:of\s+)?(?P<m1>" + _MONTH + ")" + _CONN
     + r"(?P<d2>" + _DAY + r")\s+(?:of\s+)?(?P<m2>" + _MONTH + r"),?\s+" + _YE34, _h_sh_dmdmy),
    ("sh_mdmdy", r"(?P<m1>" + _MONTH + r")\s+(?P<d1>" + _DAY + ")" + _CONN + r"(?P<m2>"
     + _MONTH + r")\s+(?P<d2>" + _DAY + r"),?\s+" + _YE34, _h_sh_dmdmy),
    ("sh_mmy", r"(?P<m1>" + _MONTH + ")" + _CONN + r"(?P<m2>" + _MONTH + r"),?\s+(?:of\s+)?"
     + _YE4, _h_sh_mmy),
    ("sh_era_or", r"(?P<n1>\d{1,4}),?\s+or\s+(?P<n2>\d{1,4})\s?" + _BC, _h_sh_era_or),
    ("sh_month_or", _THE + r"(?:" + _PART_PREFIX + r")?(?P<m1>" + _MONTH + r"),?\s+or\s+(?:in\s+)?"
     + _THE + r"(?:" + _PART_PREFIX_B + r")?(?P<m2>" + _MONTH + r"),?\s+(?:of\s+)?" + _YE4,
     _h_sh_month_or),
    ("sh_era", r"(?:(?P<n1>\d{1,3}(?:,\d{3})+|\d{1,4})" + _CONN
     + r"(?P<q2>(?:ca?\.\s*|circa\s+|about\s+))?(?P<n2>\d{1,3}(?:,\d{3})+|"
     r"\d{1,4})\s?(?P<bc>" + _BC + r")|" + _AD_PRE + r"\s?(?P<n1b>\d{1,4})" + _CONN
     + r"(?P<n2b>\d{1,4})" + _YEND + ")", _h_sh_era_any),
    ("dmy", _WEEKDAY + r"(?:the\s+)?(?P<day>" + _DAY + r")(?:\s+(?:day\s+)?of)?\s+(?P<mon>"
     + _MONTH + r"),?\s+(?:in\s+the\s+year\s+)?" + _YE34, _h_dmy),
    ("mdy", _WEEKDAY + r"(?P<mon>" + _MONTH + r")\s+(?:the\s+)?(?P<day>" + _DAY + r"),?\s+"
     + _YE34, _h_dmy),
    ("iso", r"(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})(?![\w-])", _h_iso),
    ("month_part", _THE + _PART_PREFIX + r"(?P<mon>" + _MONTH + r"),?\s+(?:of\s+)?" + _YE4,
     _h_month_part),
    ("my", r"(?P<mon>" + _MONTH + r"),?\s+(?:of\s+)?" + _YE4, _h_my),
    ("winter_span", _THE + r"(?:(?:early|mid|late)" + _QSEP + r")?winter(?:time)?\s+(?:of\s+)?"
     + _YE4 + r"\s*(?:" + _DASH + r"|/)\s*(?P<y2>\d{4}|\d{2})(?!\w)", _h_winter_span),
    ("season", _THE + r"(?:(?:early|mid|late)" + _QSEP + r")?(?P<s>spring|summer|autumn|fall|"
     r"winter)(?:time)?\s+(?:of\s+)?(?:the\s+year\s+)?" + _YE4, _h_season),
    ("year_part", _THE + _PART_PREFIX + r"(?:the\s+year\s+)?" + _YE4, _h_year_part),
    ("decade", _THE + r"(?:(?P<q>early|mid|middle|late)" + _QSEP + r"|(?P<q2>" + _PART_WORDS
     + r")\s+of\s+the\s+)?(?P<dec>\d{3}0)['’]?s(?!\w)", _h_decade),
    ("century", _THE + r"(?:(?P<q>early|mid|middle|late)" + _QSEP + r"|(?P<q2>" + _PART_WORDS
     + r")\s+of\s+the\s+)?(?P<ord>" + _CENT_ORD + r")(?:\s*-\s*|\s+)century(?:\s+(?P<bc>"
     + _BC + r")|\s+" + _AD + r")?(?!\w)", _h_century),
    ("era_year", r"(?:the\s+year\s+)?(?:(?P<bcn>\d{1,3}(?:,\d{3})+|\d{1,6})\s?" + _BC
     + r"|(?P<adn>\d{1,4})\s?" + _AD + r"|" + _AD_PRE + r"\s?(?P<adn2>\d{1,4})" + _YEND + ")",
     _h_era_year),
    ("year", r"(?P<tyear>the\s+year\s+)?(?P<y>\d{4})" + _YEND + r"(?P<unc2>\?(?=[)\],;/]|$|\s*"
     + _DASH + r"))?", _h_bare_year),
]


_SHARED_NAMES = {"sh_ddmy", "sh_mddy", "sh_dmdmy", "sh_mdmdy", "sh_mmy", "sh_era_or",
                 "sh_month_or", "sh_era"}

_APPROX = (r"(?:(?P<unc>probably|possibly|perhaps|presumably|likely|apparently|allegedly|"
           r"reportedly|supposedly)\s+(?:(?:in|on|during|by)\s+)?)?(?:(?P<approx>(?:in\s+or\s+)?"
           r"(?:(?:around|about|approximately|roughly|circa|some\s*time\s+around)\s+|ca?\.\s*)))?")
_APPROX_SUFFIX = r"(?P<thereabouts>\s+or\s+(?:thereabouts|so)(?!\w))?"
_START = r"(?<![\w$£€#@&])(?<!\d[.,:/])"



@cache
def _point_rules() -> list[tuple[str, re.Pattern, Callable[[re.Match], _Atom]]]:
    """One regex per atom with its qualifiers ("probably c. 1921 or so"), to interpret the
    text of a point inside a composite. Compiled on first use: importing stays cheap."""
    return [(name, re.compile(_START + _APPROX + "(?:" + pat + ")" + _APPROX_SUFFIX, re.I),
             handler) for name, pat, handler in _ATOMS]

_QP_N = _strip_groups(_APPROX + "(?:" + "|".join("(?:" + p + ")" for _, p, _ in _ATOMS) + ")"
                      + _APPROX_SUFFIX)


@dataclass(frozen=True)
class _Res:
    value: EDTF | None
    kind: str
    ctx: str = ""
    relative: Relative | None = None
    core: tuple[int, int] | None = None  # sub-span to report instead of the whole match


def _point(m: re.Match, handler) -> tuple[EDTF, str, str]:
    value, kind, ctx, start_only = handler(m)
    q = ""
    if m["unc"]:
        q = _combine_q(q, "?")
    if m["approx"] or m["thereabouts"]:
        q = _combine_q(q, "~")
    if q and ctx:
        ctx = "next"  # "about 1921" is a date, "about 1500 people" is not
    return _qualify(value, q, start_only), kind, ctx


def _interp_point(text: str) -> tuple[EDTF, str, str] | None:
    for _, rx, handler in _point_rules():
        m = rx.fullmatch(text)
        if m:
            try:
                return _point(m, handler)
            except (_Reject, ValueError, KeyError):
                continue
    return None


def _need(*pts: tuple[EDTF, str, str]) -> str:
    """Context need of a composite: bare only if all its points are bare years."""
    return "bare" if all(p[2] == "bare" for p in pts) else ""


# --------------------------------------------------------------------------- relative phrases


@dataclass(frozen=True)
class Relative:
    """What a relative phrase or duration needs to be anchored to a reference date.

    relation: 'shift' (reference moved by amount, "two years later"), 'span' (reference to
    reference + amount, "the following five years", "fifteen months"), 'same' ("that
    year"), 'rest' (rest of the unit: "later that year", direction -1 for "earlier"),
    'season' (direction +1 next, -1 previous, 0 same), 'in_year' (a day/month without year,
    resolved to the first such month not before the reference month), 'age' (reference is a
    birth date). amount is (min, max) units, max None for "more than"; None when vague.
    """

    relation: str
    unit: str | None = None
    amount: tuple[int, int | None] | None = None
    direction: int = 0
    month: int | None = None
    day: int | None = None
    part: str | None = None
    qualifier: str = ""


def _unit_of(u: str) -> str:
    if u[:1].isupper():
        raise _Reject  # "Twenty Years After", "Year Two": a title, not a time
    u = u.lower()
    return "century" if u.startswith("centur") else u.rstrip("s")


def _amount(m: re.Match) -> tuple[tuple[int, int | None] | None, str]:
    lo = _num_of(m["n"])
    hi = _num_of(m["n2"]) if m["n2"] else lo
    if lo is None or hi is None:
        return None, ""
    if hi < lo:
        raise _Reject
    mod = re.sub(r"\s+", " ", (m["mod"] or "").lower()) if "mod" in m.re.groupindex else ""
    if mod in ("about", "around", "approximately", "roughly", "some", "nearly", "almost"):
        return (lo, hi), "~"
    if mod in ("less than", "under", "fewer than"):
        return (0, hi), ""
    if mod in ("more than", "over", "at least", "well over"):
        return (lo, None), ""
    return (lo, hi), ""


_SHIFT_DIR = {"later": 1, "afterwards": 1, "afterward": 1, "thereafter": 1, "on": 1,
              "after": 1, "earlier": -1, "before": -1, "previously": -1, "prior": -1,
              "beforehand": -1}


def _r_shift(m: re.Match) -> _Res:
    amt, q = _amount(m)
    d = _SHIFT_DIR[m["dir"].lower()]
    return _Res(None, "relative", relative=Relative("shift", _unit_of(m["u"]), amt, d,
                                                     qualifier=q))


def _r_after_n(m: re.Match) -> _Res:
    amt, q = _amount(m)
    rel = "shift" if m["pre"].lower() == "after" else "span"
    return _Res(None, "relative", relative=Relative(rel, _unit_of(m["u"]), amt, 1, qualifier=q))


_NEXT_DIR = {"following": 1, "next": 1, "subsequent": 1, "succeeding": 1, "ensuing": 1,
             "coming": 1, "after": 1, "previous": -1, "preceding": -1, "prior": -1,
             "before": -1}


def _r_next(m: re.Match) -> _Res:
    u = m["u"].lower()
    d = _NEXT_DIR[m["w"].lower()]
    if u in _SEASON_CODE:
        return _Res(None, "relative", relative=Relative("season", u, None, d))
    return _Res(None, "relative", relative=Relative("shift", _unit_of(u), (1, 1), d))


def _r_span(m: re.Match) -> _Res:
    amt, q = _amount(m)
    d = _NEXT_DIR[m["w"].lower()]
    return _Res(None, "relative", relative=Relative("span", _unit_of(m["u"]), amt, d,
                                                     qualifier=q))


def _r_same(m: re.Match) -> _Res:
    u = m["u"].lower()
    if u in _SEASON_CODE:
        return _Res(None, "relative", relative=Relative("season", u, None, 0))
    if m["rest"]:
        d = 1 if m["rest"].lower() == "later" else -1
        return _Res(None, "relative", relative=Relative("rest", _unit_of(u), None, d))
    part = _part_key(m["q"], None) if "q" in m.re.groupindex and m["q"] else None
    if part and u not in ("year", "month"):
        raise _Reject
    return _Res(None, "relative", relative=Relative("same", _unit_of(u), part=part))


def _r_duration(m: re.Match) -> _Res:
    n = m["n"].lower()
    if n in ("one", "a", "an") and m["u"].lower() == "day" and not m["pre"]:
        raise _Reject  # "one day he ..." is not a duration
    amt, q = _amount(m)
    return _Res(None, "duration", relative=Relative("span", _unit_of(m["u"]), amt, 1,
                                                     qualifier=q))


def _r_age(m: re.Match) -> _Res:
    n = _num_of(m["n"])
    if n is None or n > 130:
        raise _Reject
    return _Res(None, "relative", relative=Relative("age", "year", (n, n), 1))


def _r_partial(m: re.Match) -> _Res:
    gi = m.re.groupindex
    mon = m["mon"]
    day = _day_of(m["day"]) if "day" in gi and m["day"] else None
    part = _part_key(m["q"], m["q2"]) if "q" in gi and (m["q"] or m["q2"]) else None
    if not mon[:1].isupper():
        raise _Reject  # "may", "march": only a capitalised month name stands alone
    mo = _month_of(mon)
    if day is not None and day > _DIM[mo - 1] + (mo == 2):
        raise _Reject
    core = m.span("core") if "core" in gi and m["core"] else None
    return _Res(None, "relative", relative=Relative("in_year", month=mo, day=day, part=part),
                core=core)


def _r_season_alone(m: re.Match) -> _Res:
    return _Res(None, "relative", relative=Relative("season", m["u"].lower(), None, 0),
                core=m.span("core"))


# --------------------------------------------------------------------------- composites

def _pts(m: re.Match, *names: str) -> list[tuple[EDTF, str, str]]:
    out = []
    for n in names:
        p = _interp_point(m[n])
        if p is None:
            raise _Reject
        out.append(p)
    return out


def _c_range(m: re.Match) -> _Res:
    gi = m.re.groupindex
    if "now" in gi and m["now"]:
        (a,) = _pts(m, "a")
        return _Res(Interval(_start_of(a[0]), OPEN), "open", "")  # "1940-present": never today
    a, b = _pts(m, "a", "b")
    value = Interval(_start_of(a[0]), _end_of(b[0]))
    if "pre" in gi and m["pre"]:
        ctx = "next" if _need(a, b) else ""
    elif "dash" in gi and m["dash"]:
        ctx = "neg" if _need(a, b) else ""
    else:
        ctx = _need(a, b)
    return _Res(value, "interval", ctx)


def _c_shared(m: re.Match) -> _Res:
    (a,) = _pts(m, "a")
    return _Res(a[0], a[1] if a[1] != "date" else "interval", "")


def _c_short(m: re.Match) -> _Res:
    y1, y2s = int(m["y1"]), int(m["y2"])
    if not 1000 <= y1 <= 2100:
        raise _Reject
    y2 = y1 - y1 % 100 + y2s
    if y2 <= y1:
        raise _Reject
    return _Res(Interval(Date.of(y1), Date.of(y2)), "interval", "next" if m["pre"] else "neg")


def _c_open_dash(m: re.Match) -> _Res:
    (a,) = _pts(m, "a")
    return _Res(Interval(_start_of(a[0]), OPEN), "open", "next" if a[2] else "")


def _c_disj(m: re.Match) -> _Res:
    a, b = _pts(m, "a", "b")
    if _bounds(a[0])[0] is None or _bounds(b[0])[0] is None:
        raise _Reject
    v = _either(a[0], b[0])
    return _Res(v, "set" if isinstance(v, DateSet) else "interval", _need(a, b))


_STRICT = {"before", "prior to"}


def _before(v: EDTF) -> Date | str:
    s = _start_of(v)
    if not isinstance(s, Date):
        raise _Reject
    lo = _bounds(s)[0]
    return _trunc(_add_days(lo, -1), s.precision, s.qualifier)


def _after(v: EDTF) -> Date | str:
    e = _end_of(v)
    if not isinstance(e, Date):
        raise _Reject
    hi = _bounds(e)[1]
    return _trunc(_add_days(hi, 1), e.precision, e.qualifier)


_ADJECTIVE = re.compile(r"-\s*century$", re.I)


def _c_before(m: re.Match) -> _Res:
    if _ADJECTIVE.search(m["a"]):
        raise _Reject  # "from the twelfth-century traveller": an adjective, not a time
    (a,) = _pts(m, "a")
    w = re.sub(r"\s+", " ", m["w"].lower())
    end = _before(a[0]) if w in _STRICT else _end_of(a[0])
    return _Res(Interval(OPEN, end), "open", "next" if a[2] else "")


def _c_after(m: re.Match) -> _Res:
    if _ADJECTIVE.search(m["a"]):
        raise _Reject
    (a,) = _pts(m, "a")
    w = re.sub(r"\s+", " ", (m["w"] or "").lower()) if "w" in m.re.groupindex else ""
    start = _after(a[0]) if w == "after" else _start_of(a[0])
    return _Res(Interval(start, OPEN), "open", "next" if a[2] else "")


def _QPG(name: str) -> str:  # noqa: N802 - reads like a grammar symbol
    return "(?P<" + name + ">" + _QP_N + ")"


_NOW = r"(?P<now>(?:the\s+)?(?:present(?:\s+day)?|today|now))(?!\w)"
_SHARED_N = _strip_groups("(?:" + "|".join("(?:" + p + ")" for n, p, _ in _ATOMS
                                           if n in _SHARED_NAMES) + ")")

_RULES_SRC: list[tuple[str, str, Callable[[re.Match], _Res]]] = [
    ("range_from", r"(?P<pre>from|between)\s+(?:the\s+(?:years?|period)\s+)?" + _QPG("a")
     + r"(?:\s*" + _DASH + r"\s*|\s+(?:to|until|till|through|thru|and|up\s+to)\s+)"
     r"(?:the\s+year\s+)?(?:" + _QPG("b") + "|" + _NOW + ")", _c_range),
    ("shared", r"(?:(?:from|between)\s+)?(?P<a>" + _strip_groups(_APPROX) + _SHARED_N + ")",
     _c_shared),
    ("short", r"(?:(?P<pre>from|between)\s+)?(?P<y1>\d{4})\s*(?:" + _DASH
     + r"|/)\s*(?P<y2>\d{2})(?![\w'’]|[.,]\d|" + _DASH + r"\d)", _c_short),
] + [("pt_" + name, _APPROX + "(?:" + pat + ")" + _APPROX_SUFFIX, None)
     for name, pat, _ in _ATOMS] + [
    # after the points: on a tie (same length) a point such as "winter 1812-1813" wins
    # "24 February 1304 - 1368 or 1369" is a date and a set, not an interval ending in 1368
    ("range", _QPG("a") + r"(?:\s*(?P<dash>" + _DASH + r"|/)\s*|\s+(?:to|until|till|through|"
     r"thru)\s+(?:the\s+year\s+)?)(?:" + _QPG("b") + r"(?!,?\s+or\s+(?:(?:in|on)\s+)?"
     r"(?:ca?\.\s*|circa\s+|about\s+|around\s+)?\d)|" + _NOW + ")", _c_range),
    ("open_dash", _QPG("a") + r"\s*" + _DASH + r"(?=\s*[)\]])", _c_open_dash),
    ("disj", _QPG("a") + r",?\s+or\s+(?:(?:in|on|at|during|by)\s+)?" + _QPG("b"), _c_disj),
    ("before", r"(?P<w>by|until|till|up\s+to|up\s+until|before|prior\s+to|not\s+later\s+than|"
     r"no\s+later\s+than|in\s+or\s+before|on\s+or\s+before)\s+(?:the\s+year\s+)?" + _QPG("a"),
     _c_before),
    ("after", r"(?P<w>since|after|from|starting\s+(?:in|from)|beginning\s+(?:in|from)|"
     r"as\s+(?:of|from)|not\s+before|no\s+earlier\s+than|in\s+or\s+after|on\s+or\s+after)\s+"
     r"(?:the\s+year\s+)?" + _QPG("a") + r"(?:\s+(?:onwards?|forwards?|on|and\s+after|"
     r"and\s+later)(?!\w))?", _c_after),
    ("onwards", _QPG("a") + r"\s+(?:onwards?|and\s+after|and\s+later)(?!\w)", _c_after),
    ("shift", _MOD + _NUMR + r"\s+(?:more\s+)?" + _UNIT + r"\s+(?P<dir>later|afterwards?|"
     r"thereafter|on(?=\s*[,.;])|after|earlier|before|previously|prior|beforehand)(?!\w)",
     _r_shift),
    ("after_n", r"(?P<pre>after|within|in)\s+(?:(?:a\s+)?(?:further|another)\s+)?" + _MOD
     + _NUMR + r"\s+(?:more\s+)?" + _UNIT + r"(?!['’])", _r_after_n),
    ("next", r"(?:the\s+)?(?P<w>following|next|subsequent|succeeding|ensuing|previous|"
     r"preceding|prior)\s+(?P<u>day|week|fortnight|month|year|decade|spring|summer|autumn|"
     r"fall|winter)\b(?!\s*['’])", _r_next),
    ("the_unit_after", r"the\s+(?P<u>day|week|month|year)\s+(?P<w>after|before)\b(?!\s+(?:\d|"
     r"the\s+\d|" + _MONTH + "))", _r_next),
    ("span", r"(?:the\s+)?(?P<w>following|next|subsequent|ensuing|coming|succeeding|previous|"
     r"preceding|prior)\s+" + _NUMR + r"\s+" + _UNIT, _r_span),
    ("same", r"(?:(?P<rest>later|earlier)\s+(?:in\s+|during\s+)?|(?P<q>early|mid|late)"
     r"(?:\s*-\s*|\s+)(?:in\s+)?)?(?:that\s+same|that|the\s+"
     r"same|the\s+very\s+same)\s+(?P<u>year|month|day|week|spring|summer|autumn|fall|winter)"
     r"\b(?!['’])", _r_same),
    ("rest", r"(?P<rest>later|earlier)\s+(?:in|during)\s+the\s+(?P<u>year|month)\b", _r_same),
    ("duration", r"(?:(?P<pre>for|during|over|throughout|lasting|spanning)\s+(?:the\s+)?)?"
     r"(?:(?:a\s+)?(?:further|another)\s+)?" + _MOD + _NUMR + r"\s+(?:more\s+)?" + _UNIT
     + r"(?!['’]\s*war\b)(?!\s+(?:old|of\s+age|ago)\b)(?!-old)", _r_duration),
    ("age", r"(?:at\s+(?:the\s+)?age\s+(?:of\s+)?|aged\s+)(?P<n>\d{1,3}|" + _NUM_WORD
     + r")(?!\w)", _r_age),
]
_RULES_SRC += [
    ("partial_dm", r"(?:the\s+)?(?P<day>" + _DAY + r")(?:\s+(?:day\s+)?of)?\s+(?P<mon>"
     + _MONTH_FULL + ")", _r_partial),
    ("partial_md", r"(?P<mon>" + _MONTH_FULL + r")\s+(?:the\s+)?(?P<day>" + _DAY
     + r")(?!\s*(?:\d|:|" + _DASH + r"\s*\d))", _r_partial),
    ("partial_m", r"(?:(?:(?:in|during)\s+)?(?:that|this|the\s+same)\s+(?=[A-Z])|(?:in|during)\s+(?=\w)|(?=" + _strip_groups(_THE + _PART_PREFIX)
     + "))(?P<core>" + _THE
     + r"(?:" + _PART_PREFIX + r")?(?P<mon>" + _MONTH_FULL + r"))(?!,?\s*(?:of\s+)?\d)"
     + r"(?!,?\s+or\s+(?:in\s+)?(?:" + _strip_groups(_PART_PREFIX) + r")?" + _strip_groups(_MONTH_FULL) + r"\s+\d)",
     _r_partial),  # ("in late October or early November 1933" is one disjunction, read whole)
    ("season_alone", r"(?:in|during)\s+(?P<core>the\s+(?:(?:early|late)\s+)?(?P<u>spring|summer|"
     r"autumn|fall|winter))\b(?!\s+(?:of\s+)?\d)", _r_season_alone),
]

_POINT_HANDLERS = {"pt_" + name: h for name, _, h in _ATOMS}
_RULE_INDEX = {name: i for i, (name, _, _) in enumerate(_RULES_SRC)}
_FAMILY_NAMES = [
    (["range_from", "shared", "short", "before", "after", "after_n", "age", "partial_m",
      "season_alone"], None),
    (["shared", "short", "range", "open_dash", "disj", "onwards"]
     + ["pt_" + name for name, _, _ in _ATOMS], _QP_N),
    (["shift", "next", "the_unit_after", "span", "same", "rest", "duration"], None),
    (["partial_dm", "partial_md"], None),
]


@cache
def _grammar() -> tuple[list[tuple[str, re.Pattern, Callable | None]],
                        list[tuple[re.Pattern, list[int]]]]:
    """The compiled rules and rule families (compiled on first use).

    Scanning tries rules only at tokens that can start a temporal expression, and only the
    families whose quick check matches there: one big alternation tried at every character
    is several times slower.
    """
    rules = [(name, re.compile(_START + src, re.I), handler) for name, src, handler in _RULES_SRC]
    families = []
    for names, quick_src in _FAMILY_NAMES:
        if quick_src is None:
            quick_src = "(?:" + "|".join("(?:" + _strip_groups(src) + ")" for name, src, _ in
                                         _RULES_SRC if name in names) + ")"
        families.append((re.compile(_START + quick_src, re.I),
                         sorted(_RULE_INDEX[n] for n in names)))
    return rules, families

_TOKEN = re.compile(r"[^\W_]+")
_FIRST_TOKENS = frozenset(
    set(_MONTHS) | set(_NUMBERS) | set(_ONES) | set(_TENS) | set(_ORDINALS) | set(_SEASON_CODE)
    | {w.split("-")[0] for w in _ORDINALS}
    | set("monday tuesday wednesday thursday friday saturday sunday the from between by until "
          "till up before prior not no in on since after starting beginning as within following "
          "next subsequent succeeding ensuing coming previous preceding later earlier that for "
          "during over throughout lasting spanning another further at aged early mid middle "
          "late end start close first second latter last third fourth opening closing ad a "
          "probably possibly perhaps presumably likely apparently allegedly reportedly "
          "supposedly around about approximately roughly circa ca c some sometime several many "
          "nearly almost only just barely less more under fewer well hundred".split()))


def _apply_rule(name: str, m: re.Match, handler) -> _Res | None:
    try:
        if handler is None:
            value, kind, ctx = _point(m, _POINT_HANDLERS[name])
            return _Res(value, kind, ctx)
        return handler(m)
    except (_Reject, ValueError, KeyError):
        return None


# --------------------------------------------------------------------------- scanner


@dataclass(frozen=True)
class TimeMatch:
    """A temporal expression found in text: ``text[start:end] == self.text``.

    value is the EDTF string, or None when the phrase needs an anchor (then ``relative``
    says how to resolve it; see ``anchor``). kind is one of date, interval, open, duration,
    relative, decade, century, set.
    """

    start: int
    end: int
    text: str
    value: str | None
    kind: str
    relative: Relative | None = None


_PREV_TOKEN = re.compile(r"([\w.'’§]+|[(\[,;:])\s*$")
_NEXT_TOKEN = re.compile(r"\s*([^\W\d_]+|[%°])")
_LINE_LEAD = re.compile(r"\s*(?:[:,]|" + _DASH + ")")
_CHAIN = re.compile(r"\s*(?:[,;(]\s*(?:(?:and|or)\s+|&\s*)?|(?:and|or)\s+|&\s*|" + _DASH
                    + r"\s*)", re.I)
_POS_PREV = frozenset(
    "in of by since until till from after before around about circa c. ca. c ca during "
    "throughout early late mid born died b. d. fl. fl r. married year spring summer autumn "
    "fall winter christmas easter whitsun midsummer".split())
_FREQUENCY = frozenset("once twice thrice times per every each".split())
_POSSESSIVE = frozenset("his her their its".split())
_NEG_PREV = frozenset(
    "page pages p. pp. room rooms no. nos. number numbers vol. vols. volume volumes chapter "
    "ch. line lines route flight opus op. tel. phone isbn issn issue item cat. catalogue "
    "plate fig. figure table § col. column section sec. art. article psalm bus apartment apt. "
    "suite box lot model type class exhibit inv. ms. mss. code verse verses paragraph para. "
    "cell locker".split())
_NEG_NEXT = frozenset(
    "copies people persons men women children soldiers troops workers members delegates "
    "votes voters students inhabitants residents metres meters m km kilometres kilometers "
    "miles mi feet ft foot yards kg kilograms tons tonnes pounds lb lbs dollars francs "
    "rubles roubles marks lire pesetas guilders florins ducats crowns pages words lines "
    "letters volumes times units houses acres hectares square cubic horsepower hp calories "
    "degrees % ° percent per prisoners refugees casualties dead killed wounded sheep cattle "
    "horses ships guns rifles books titles signatures kilometre metre mile".split())


def _prev_token(text: str, s: int) -> str:
    m = _PREV_TOKEN.search(text, max(0, s - 40), s)
    return m.group(1).lower() if m else ""


def _negative(text: str, s: int, e: int, ctx: str) -> bool:
    """A counted noun after the number, or (unless a preposition precedes it) a page/room
    word before it."""
    if ctx != "next" and _prev_token(text, s) in _NEG_PREV:
        return True
    m = _NEXT_TOKEN.match(text, e)
    return bool(m) and m.group(1).lower() in _NEG_NEXT


def _positive(text: str, s: int, e: int, last_end: int | None) -> bool:
    prev = _prev_token(text, s)
    if prev in _POS_PREV or prev in ("(", "["):
        return True
    if prev.endswith(("'s", "’s")) or prev in _POSSESSIVE:
        return True
    nxt = text[e:e + 1]
    if prev == "," and (nxt in ").;,:" or e == len(text)):
        return True
    if prev == "the":
        m = _NEXT_TOKEN.match(text, e)
        if m and m.group(1)[:1].isupper() and not text[e:e + 1].isalnum():
            return True
    line_start = text.rfind("\n", 0, s) + 1
    if not text[line_start:s].strip() and _LINE_LEAD.match(text, e):
        return True
    if last_end is not None and _CHAIN.fullmatch(text, last_end, s):
        return True
    return False


def _scan(text: str, phrase: bool = False) -> list[tuple[int, int, _Res]]:
    rules, families = _grammar()
    out: list[tuple[int, int, _Res]] = []
    pos = 0
    last_end: int | None = None
    for tok in _TOKEN.finditer(text):
        s = tok.start()
        if s < pos:
            continue
        word = tok.group()
        if not word[0].isdigit() and word.lower() not in _FIRST_TOKENS:
            continue
        idxs: set[int] = set()
        for quick, members in families:
            if quick.match(text, s):
                idxs.update(members)
        best: tuple[int, _Res] | None = None
        for i in sorted(idxs):
            name, rx, handler = rules[i]
            m = rx.match(text, s)
            if m is None or m.end() == s or (best is not None and m.end() <= best[0]):
                continue
            res = _apply_rule(name, m, handler)
            if res is None:
                continue
            if res.ctx and _negative(text, s, m.end(), res.ctx):
                continue
            if res.relative is not None and _prev_token(text, s) in _FREQUENCY:
                continue  # "twice a year", "every two years": a frequency, not a time
            if res.ctx == "bare" and not phrase and not _positive(text, s, m.end(), last_end):
                continue
            best = (m.end(), res)
        if best is None:
            continue
        end, res = best
        out.append((s, end, res))
        last_end = end
        pos = end
    return out


def scan(text: str) -> list[TimeMatch]:
    """Temporal expressions in running text, leftmost-longest, non-overlapping, in order.

    A bare four-digit number (1000-2100) is a year only in a date-ish context: after a
    temporal word (in, of, by, since, until, from, after, before, around, c., during, born,
    died, fl., early/late/mid, a season...), a possessive ("Einstein's 1905 paper"), "the"
    before a capitalised name ("the 1905 Revolution"), inside parentheses "(1930)", after a
    comma and before ) . ; , (an appositive "Paris, 1930."), at a line start before : or a
    dash, or chained after another date ("in 1905, 1907 and 1910"). It is never a year after
    page/room/no./vol.-like words or before a counted noun (copies, people, metres...).
    Ranges and open ends with prepositions, dashes or era words need no such context.
    """
    out = []
    for s, e, res in _scan(text):
        if res.core is not None:
            s, e = res.core
        out.append(TimeMatch(s, e, text[s:e], None if res.value is None else _fmt(res.value),
                             res.kind, res.relative))
    return out


# --------------------------------------------------------------------------- anchoring

_UNIT_STEP = {"day": (0, 1), "week": (0, 7), "fortnight": (0, 14), "month": (1, 0),
              "year": (12, 0), "decade": (120, 0), "century": (1200, 0)}
_UNIT_PREC = {"day": "day", "week": "day", "fortnight": "day", "month": "month",
              "year": "year", "decade": "year", "century": "year"}
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365, "decade": 3650, "century": 36500}


def _shorter_than(unit: str, amount: int, prec: str) -> bool:
    """A stretch shorter than the reference's own grain ("a week" after "1911", "ten days"
    after "March 1920") adds nothing the reference does not already say."""
    grain = {"year": 365, "month": 30}.get(prec)
    return grain is not None and _UNIT_DAYS.get(unit, grain) * amount < grain // 2


def _shift(p: YMD, unit: str, k: int) -> YMD:
    months, days = _UNIT_STEP[unit]
    return _add_months(p, months * k) if months else _add_days(p, days * k)


def _resolve(r: Relative, lo: YMD, hi: YMD, prec: str) -> EDTF | None:
    q = r.qualifier
    if r.relation in ("shift", "span", "age"):
        if r.amount is None or r.unit is None:
            return None
        amin, amax = r.amount
        p = _coarser(prec, _UNIT_PREC[r.unit])
        if r.relation == "age":
            return _span(_shift(lo, "year", amin), _add_days(_shift(hi, "year", amin + 1), -1),
                         "year")
        if r.relation == "shift":
            if r.direction >= 0:
                a = _shift(lo, r.unit, amin)
                b = _shift(hi, r.unit, amax) if amax is not None else None
            else:
                a = _shift(lo, r.unit, -amax) if amax is not None else None
                b = _shift(hi, r.unit, -amin)
        elif r.direction >= 0:
            if amax is not None and _shorter_than(r.unit, amax, prec):
                return _span(lo, hi, prec, q)  # "for a week" in 1911: within that year, as told
            a, b = lo, (_shift(hi, r.unit, amax) if amax is not None else None)
        else:
            a, b = (_shift(lo, r.unit, -amax) if amax is not None else None), hi
        return _span(a, b, p, q)
    if r.relation == "same" and r.part is not None:  # "late that year"
        if r.unit == "month":
            if prec == "year":
                return None
            a, b = _month_part(lo[0], lo[1], r.part), _month_part(hi[0], hi[1], r.part)
        else:
            a, b = _year_part(lo[0], r.part), _year_part(hi[0], r.part)
        return a if a == b else Interval(_start_of(a), _end_of(b))
    if r.relation == "same":
        unit = r.unit or "year"
        if unit == "week":
            return _span(_add_days(lo, -6), _add_days(hi, 6), _coarser(prec, "day"))
        return _span(lo, hi, _coarser(prec, _UNIT_PREC[unit]))
    if r.relation == "rest":
        if r.unit == "month":
            end_lo, end_hi = (lo[0], lo[1], 1), (hi[0], hi[1], _dim(hi[0], hi[1]))
        else:
            end_lo, end_hi = (lo[0], 1, 1), (hi[0], 12, 31)
        return _span(lo, end_hi, prec) if r.direction > 0 else _span(end_lo, hi, prec)
    if r.relation == "season":
        code = _SEASON_CODE[r.unit or "spring"]
        start = _SEASON_START[r.unit or "spring"]

        def season_year(p: YMD) -> int:
            y, m, _ = p
            if r.direction > 0:
                return y if start > m else y + 1
            if r.direction < 0:
                return y if start < m else y - 1
            return y - 1 if code == 24 and m <= 2 else y

        ya, yb = season_year(lo), season_year(hi)
        da, db = Date(Date.of(ya).year, str(code)), Date(Date.of(yb).year, str(code))
        return da if ya == yb else Interval(da, db)
    if r.relation == "in_year":
        mo = r.month or 1
        ya, yb = lo[0], hi[0]
        if ya == yb and prec != "year" and mo < lo[1]:
            ya = yb = ya + 1

        def one(y: int) -> EDTF:
            if r.day is not None:
                return Date.of(y, mo, r.day)
            if r.part is not None:
                return _month_part(y, mo, r.part)
            return Date.of(y, mo)

        va, vb = one(ya), one(yb)
        return va if ya == yb else Interval(_start_of(va), _end_of(vb))
    return None


def anchor(match: TimeMatch, ref: str | None) -> str | None:
    """EDTF of a match, resolving relative phrases and durations against `ref` (an EDTF
    string for the narrative time; for relation 'age', the birth date). None when the
    match needs an anchor and `ref` is None, invalid, open-ended, or the amount is vague."""
    if match.value is not None:
        return match.value
    r = match.relative
    if r is None or ref is None:
        return None
    try:
        rv = parse(ref)
        lo, hi = _bounds(rv)
        if lo is None or hi is None:
            return None
        v = _resolve(r, lo, hi, _value_prec(rv))
        if v is None:
            return None
        q = ""
        for d in _dates(rv):  # an uncertain reference makes an uncertain result
            q = _combine_q(q, d.qualifier)
        return _fmt(_qualify(v, q))
    except (ValueError, KeyError):
        return None


_anchor = anchor  # normalize() has a parameter named anchor


# --------------------------------------------------------------------------- normalize

_LEAD_OK = re.compile(r"[\s(\[\"'“‘]*(?:(?:in|on|at|during|of|sometime\s+in|some\s+time\s+in)"
                      r"\s+)?", re.I)
_TRAIL_OK = re.compile(r"[\s)\]\"'”’.,;:!]*")
_EDTF_CHARS = re.compile(r"[0-9X]{4}.*[-/?~%]|[\[{]|^[-Y./]|\.\.|X", re.S)


def normalize(phrase: str, anchor: str | None = None) -> str | None:  # noqa: A002
    """An English temporal phrase as EDTF, or None. `anchor` (EDTF) resolves relative
    phrases ("the following year") and durations; without it they give None. A phrase that
    already is EDTF (other than a bare number) is returned as it is."""
    if not isinstance(phrase, str) or not phrase.strip():
        return None
    text = phrase.strip()
    found = _scan(text, phrase=True)
    if len(found) == 1:
        s, e, res = found[0]
        if _LEAD_OK.fullmatch(text, 0, s) and _TRAIL_OK.fullmatch(text, e):
            if res.value is not None:
                return _fmt(res.value)
            if res.relative is None:
                return None
            tm = TimeMatch(s, e, text[s:e], None, res.kind, res.relative)
            return _anchor(tm, anchor)
    if _EDTF_CHARS.search(text) and is_valid(text):
        return text
    return None
