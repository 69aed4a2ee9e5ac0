"""EDTF values as the exporters need them: edges at their own precision, bounds, words.

Every exporter goes through here so that no format is more precise than the text:
a year stays a year (``Point(1921)``), a month a month, an approximate or uncertain
date keeps its qualifier, and a value no target format can hold exactly is either
carried whole (as EDTF) or widened, never narrowed. Years are astronomical, as in
EDTF: 0 is 1 BC, -43 is 44 BC.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..nlp import edtf
from ..nlp.edtf import Date, DateRange, DateSet, Interval

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
SEASONS = {
    21: "spring", 22: "summer", 23: "autumn", 24: "winter",
    25: "spring (Northern Hemisphere)", 26: "summer (Northern Hemisphere)",
    27: "autumn (Northern Hemisphere)", 28: "winter (Northern Hemisphere)",
    29: "spring (Southern Hemisphere)", 30: "summer (Southern Hemisphere)",
    31: "autumn (Southern Hemisphere)", 32: "winter (Southern Hemisphere)",
    33: "first quarter of", 34: "second quarter of", 35: "third quarter of", 36: "fourth quarter of",
    37: "first third of", 38: "second third of", 39: "last third of",
    40: "first half of", 41: "second half of",
}


@dataclass(frozen=True, slots=True, order=True)
class Point:
    """A date at its stated precision: a year, a year and month, or a day."""

    year: int
    """Astronomical (EDTF) year: 0 is 1 BC."""
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day is not None else "month" if self.month is not None else "year"

    def iso(self) -> str:
        """ISO 8601 / XSD 1.1 lexical form at this precision: ``-0043``, ``1890-12``, ``1890-12-30``."""
        y = f"-{-self.year:04d}" if self.year < 0 else f"{self.year:04d}"
        if self.month is None:
            return y
        if self.day is None:
            return f"{y}-{self.month:02d}"
        return f"{y}-{self.month:02d}-{self.day:02d}"

    def words(self) -> str:
        y = year_words(self.year)
        if self.month is None:
            return y
        if self.day is None:
            return f"{MONTHS[self.month - 1]} {y}"
        return f"{self.day} {MONTHS[self.month - 1]} {y}"


def parse(value: object) -> edtf.EDTF | None:
    """The parsed EDTF value, or None for anything that is not valid EDTF."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return edtf.parse(value)
    except (ValueError, TypeError):
        return None


def year_words(year: int) -> str:
    return f"{1 - year} BC" if year <= 0 else str(year)


def _plain(d: Date) -> bool:
    return (not d.qualifier and not d.marks and d.exponent is None and d.significant is None
            and "X" not in d.year + (d.month or "") + (d.day or "") and not d.is_season
            and len(d.year.lstrip("-")) == 4)


YMD = tuple[int, int, int]


def _bounds(v: Date | DateRange | Interval | DateSet) -> tuple[YMD | None, YMD | None]:
    if isinstance(v, DateRange):
        lo = edtf.bounds(v.start) if v.start is not None else None
        hi = edtf.bounds(v.end) if v.end is not None else None
        return (lo[0] if lo else None), (hi[1] if hi else None)
    b = edtf.bounds(v)
    return b if b is not None else (None, None)


def _edge(d: Date, side: str) -> Point:
    """One side of a date at the precision the date states on that side."""
    lo, hi = _bounds(d)
    ymd = lo if side == "start" else hi
    assert ymd is not None  # a Date always has both bounds
    if d.exponent is not None or d.significant is not None or "X" in d.year or len(d.year.lstrip("-")) > 4:
        return Point(ymd[0])
    if d.month is None:
        return Point(int(d.year))
    if d.is_season:
        return Point(ymd[0], ymd[1])
    if "X" in d.month:
        return Point(int(d.year))
    if d.day is None or "X" in d.day:
        return Point(int(d.year), int(d.month))
    return Point(int(d.year), int(d.month), int(d.day))


def exact(value: object) -> Point | None:
    """The value as one Point when nothing is lost: a plain day, month or year, unqualified."""
    v = parse(value)
    if isinstance(v, Date) and _plain(v):
        return _edge(v, "start")
    return None


def ends(value: object) -> tuple[Point | None, Point | None] | None:
    """The earliest and latest edge, each at its own precision; None on an open or unknown side.

    ``1913/1917-01`` -> (1913, 1917-01); ``192X`` -> (1920, 1929); ``1927-21`` (spring)
    -> (1927-03, 1927-05); ``[1921,1922]`` -> (1921, 1922). None for invalid values.
    """
    v = parse(value)
    if v is None:
        return None
    if isinstance(v, Date):
        return _edge(v, "start"), _edge(v, "end")
    if isinstance(v, Interval):
        return (_edge(v.start, "start") if isinstance(v.start, Date) else None,
                _edge(v.end, "end") if isinstance(v.end, Date) else None)
    first = v.elements[0]
    last = v.elements[-1]
    starts: list[tuple[tuple[int, int, int], Point]] = []
    finishes: list[tuple[tuple[int, int, int], Point]] = []
    for e in v.elements:
        a = e if isinstance(e, Date) else e.start
        b = e if isinstance(e, Date) else e.end
        if a is not None:
            lo = _bounds(a)[0]
            assert lo is not None
            starts.append((lo, _edge(a, "start")))
        if b is not None:
            hi = _bounds(b)[1]
            assert hi is not None
            finishes.append((hi, _edge(b, "end")))
    open_start = isinstance(first, DateRange) and first.start is None
    open_end = isinstance(last, DateRange) and last.end is None
    start = None if open_start or not starts else min(starts)[1]
    end = None if open_end or not finishes else max(finishes)[1]
    return start, end


def day_bounds(value: object) -> tuple[Point | None, Point | None]:
    """Earliest and latest possible day (None on an open side, or both for invalid values)."""
    b = edtf.bounds(value) if isinstance(value, str) and value else None
    if b is None:
        return None, None
    lo, hi = b
    return (Point(*lo) if lo else None), (Point(*hi) if hi else None)


def iso_bounds(value: object) -> tuple[str | None, str | None]:
    lo, hi = day_bounds(value)
    return (lo.iso() if lo else None), (hi.iso() if hi else None)


def _dates_in(v: edtf.EDTF) -> list[Date]:
    if isinstance(v, Date):
        return [v]
    if isinstance(v, Interval):
        return [e for e in (v.start, v.end) if isinstance(e, Date)]
    out: list[Date] = []
    for e in v.elements:
        out.extend([e] if isinstance(e, Date) else [x for x in (e.start, e.end) if x is not None])
    return out


def _date_flags(d: Date) -> set[str]:
    marks = {d.qualifier} | {m for pair in d.marks for m in pair}
    flags = set()
    if marks & {"~", "%"}:
        flags.add("approximate")
    if marks & {"?", "%"}:
        flags.add("uncertain")
    return flags


def flags(value: object) -> frozenset[str]:
    """``approximate`` (~) and/or ``uncertain`` (?) anywhere in the value."""
    v = parse(value)
    if v is None:
        return frozenset()
    out: set[str] = set()
    for d in _dates_in(v):
        out |= _date_flags(d)
    return frozenset(out)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _bare_words(d: Date) -> str:
    digits = d.year.lstrip("-")
    if d.exponent is not None or d.significant is not None or len(digits) > 4:
        lo, hi = _bounds(d)
        assert lo and hi
        return year_words(lo[0]) if lo[0] == hi[0] else f"{year_words(lo[0])}–{year_words(hi[0])}"
    if "X" in digits:
        neg = d.year.startswith("-")
        if digits.endswith("XX") and "X" not in digits[:2]:
            n = int(digits[:2]) + 1
            return f"{_ordinal(n)} century" + (" BC" if neg else "")
        if digits.endswith("X") and "X" not in digits[:3] and not neg:
            return f"{int(digits[:3])}0s"
        lo, hi = _bounds(d)
        assert lo and hi
        return f"{year_words(lo[0])}–{year_words(hi[0])}"
    year = int(d.year)
    if d.month is None or "X" in d.month:
        return year_words(year)
    if d.is_season:
        code = int(d.month)
        name = SEASONS.get(code, "season of")
        if code in (24, 28, 30):  # winter runs into the next year
            nxt = year + 1
            same_century = year > 0 and nxt // 100 == year // 100
            tail = f"{year}–{nxt % 100:02d}" if same_century else f"{year_words(year)}–{year_words(nxt)}"
            return f"{name} {tail}"
        return f"{name} {year_words(year)}"
    if d.day is None or "X" in d.day:
        return f"{MONTHS[int(d.month) - 1]} {year_words(year)}"
    return f"{int(d.day)} {MONTHS[int(d.month) - 1]} {year_words(year)}"


def _date_words(d: Date) -> str:
    words = _bare_words(d)
    f = _date_flags(d)
    if "approximate" in f:
        words = "c. " + words
    if "uncertain" in f:
        words += "?"
    return words


def _join(a: str, b: str) -> str:
    return f"{a} – {b}" if " " in a + b else f"{a}–{b}"


def describe(value: object) -> str:
    """The value in plain English: ``c. 1921``, ``spring 1927``, ``1913 – January 1917``,
    ``until 1939``, ``1920s``, ``1921 or 1922``, ``44 BC``. Invalid values come back as given."""
    v = parse(value)
    if v is None:
        return value if isinstance(value, str) else ""
    if isinstance(v, Date):
        return _date_words(v)
    if isinstance(v, Interval):
        a = _date_words(v.start) if isinstance(v.start, Date) else None
        b = _date_words(v.end) if isinstance(v.end, Date) else None
        if a and b:
            return _join(a, b)
        if a:
            return f"from {a}" if v.end == edtf.OPEN else f"from {a} (end unknown)"
        assert b
        return f"until {b}" if v.start == edtf.OPEN else f"until {b} (start unknown)"
    items = []
    for e in v.elements:
        if isinstance(e, Date):
            items.append(_date_words(e))
        elif e.start is not None and e.end is not None:
            items.append(_join(_date_words(e.start), _date_words(e.end)))
        elif e.end is not None:
            items.append(f"{_date_words(e.end)} or earlier")
        elif e.start is not None:
            items.append(f"{_date_words(e.start)} or later")
    word = " and " if v.all_of else " or "
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + word + items[-1]
