"""Property tests: EDTF round trips and ordered bounds; scanner offsets; normalization."""

from __future__ import annotations

import calendar

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from vitagraph.nlp.edtf import (
    OPEN,
    UNKNOWN,
    Date,
    DateRange,
    DateSet,
    Interval,
    anchor,
    bounds,
    format,
    is_valid,
    normalize,
    parse,
    scan,
    width_days,
)

@pytest.fixture(autouse=True, scope="module")
def _compiled_grammar():
    """The grammar compiles on first use; do it before Hypothesis starts timing examples."""
    scan("on 1 May 1900")


QUALIFIERS = st.sampled_from(["", "", "?", "~", "%"])
MONTH_NAMES = list(calendar.month_name)[1:]


def _days_in(y: int, m: int) -> int:
    # calendar.monthrange works for 1..9999 only; proleptic rule for any year
    leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    return 29 if m == 2 and leap else [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]


@st.composite
def plain_dates(draw, lo=-9999, hi=9999):
    y = draw(st.integers(lo, hi))
    q = draw(QUALIFIERS)
    kind = draw(st.sampled_from(["y", "ym", "ymd", "ymd", "season"]))
    if kind == "y":
        return Date.of(y, qualifier=q)
    if kind == "season":
        return Date(Date.of(y).year, str(draw(st.integers(21, 41))), qualifier=q)
    m = draw(st.integers(1, 12))
    if kind == "ym":
        return Date.of(y, m, qualifier=q)
    return Date.of(y, m, draw(st.integers(1, _days_in(y, m))), qualifier=q)


@st.composite
def unspecified_dates(draw):
    y = draw(st.integers(0, 9999))
    digits = f"{y:04d}"
    n = draw(st.integers(1, 4))
    year = digits[: 4 - n] + "X" * n
    if draw(st.booleans()):
        year = "-" + year  # never "-0000": at least one digit is X
    q = draw(QUALIFIERS)
    shape = draw(st.sampled_from(["y", "ym", "ymd"]))
    if shape == "y":
        return Date(year, qualifier=q)
    month = draw(st.sampled_from(["XX", "01", "02", "06", "12", "1X", "0X"]))
    if shape == "ym":
        return Date(year, month, qualifier=q)
    day = draw(st.sampled_from(["XX", "01", "15", "28", "1X", "2X"]))
    return Date(year, month, day, qualifier=q)


DATES = st.one_of(plain_dates(), unspecified_dates())


@st.composite
def intervals(draw):
    a, b = draw(DATES), draw(DATES)
    if bounds(a)[0] > bounds(b)[1]:
        a, b = b, a
    assume(bounds(a)[0] <= bounds(b)[1])
    shape = draw(st.sampled_from(["closed", "closed", "open_end", "open_start", "unknown_end",
                                  "unknown_start"]))
    return {
        "closed": Interval(a, b),
        "open_end": Interval(a, OPEN),
        "open_start": Interval(OPEN, b),
        "unknown_end": Interval(a, UNKNOWN),
        "unknown_start": Interval(UNKNOWN, b),
    }[shape]


@st.composite
def sets(draw):
    elems = list(draw(st.lists(plain_dates(1000, 2100), min_size=1, max_size=4)))
    elems.sort(key=lambda d: bounds(d)[0])
    out: list = list(elems)
    if draw(st.booleans()):
        out[0] = DateRange(None, elems[0])
    if len(elems) > 1 and draw(st.booleans()):
        out[-1] = DateRange(elems[-1], None)
    return DateSet(tuple(out), all_of=draw(st.booleans()))


VALUES = st.one_of(DATES, intervals(), sets())


@given(VALUES)
@settings(max_examples=400)
def test_round_trip_and_ordered_bounds(value):
    s = format(value)
    assert is_valid(s)
    assert parse(s) == value
    assert format(parse(s)) == s
    lo, hi = bounds(s)
    if lo is not None and hi is not None:
        assert lo <= hi
        assert width_days(s) >= 1
    else:
        assert width_days(s) is None


@given(plain_dates())
def test_a_day_is_its_own_bounds(d):
    lo, hi = bounds(d)
    if d.day is not None:
        assert lo == hi == (int(d.year), int(d.month), int(d.day))
        assert width_days(d) == 1
    elif d.month is None:
        assert lo == (int(d.year), 1, 1) and hi == (int(d.year), 12, 31)


@given(unspecified_dates())
def test_unspecified_bounds_cover_the_specified_digits(d):
    lo, hi = bounds(d)
    assert lo <= hi
    digits = d.year.lstrip("-")
    fixed = int(digits.replace("X", "0")), int(digits.replace("X", "9"))
    years = sorted(-v for v in fixed) if d.year.startswith("-") else list(fixed)
    assert lo[0] == years[0] and hi[0] == years[1]


@given(st.text(max_size=40))
def test_parse_never_crashes(s):
    try:
        v = parse(s)
    except ValueError:
        assert not is_valid(s)
    else:
        assert format(v) == s


# --------------------------------------------------------------------------- normalize

ORDINAL_SUFFIX = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}


@given(st.integers(1000, 2100), st.integers(1, 12), st.integers(1, 31), st.integers(0, 3))
def test_day_month_year_phrases(y, m, d, style):
    name = MONTH_NAMES[m - 1]
    phrase = [f"{d} {name} {y}", f"{name} {d}, {y}",
              f"the {d}{ORDINAL_SUFFIX.get(d, 'th')} of {name} {y}",
              f"{name if m == 5 else name[:4 if m == 9 else 3] + '.'} {d}, {y}"][style]
    expected = f"{y:04d}-{m:02d}-{d:02d}" if d <= _days_in(y, m) else None
    assert normalize(phrase) == expected


@given(st.integers(1, 3000), st.sampled_from(["BC", "BCE", "B.C."]))
def test_bc_years(n, era):
    assert normalize(f"{n} {era}") == Date.of(1 - n).year


@given(st.integers(1000, 2090), st.integers(1, 60))
def test_years_later_and_following_year(y, n):
    assert normalize(f"{n} years later", str(y)) == str(y + n)
    assert normalize("the following year", str(y)) == str(y + 1)
    assert normalize(f"{n} years later") is None


@given(st.integers(1000, 2090), st.integers(1, 9))
def test_ranges_are_ordered(y, k):
    for phrase in (f"from {y} to {y + k}", f"{y}–{y + k}", f"between {y} and {y + k}",
                   f"late {y} or early {y + k}"):
        v = normalize(phrase)
        assert v is not None and is_valid(v)
        lo, hi = bounds(v)
        assert lo <= hi
    assert normalize(f"{y + k}–{y}") is None


# --------------------------------------------------------------------------- scanner

FILLER = st.sampled_from(
    "he she they was were a the of and to his her Paris Moscow wrote lived painted "
    "returned studied married under with that which for Room page copies 1,500 12 "
    "people Year Two May march hundred — ; : ( ) \" ' é Ж 北京".split())
PHRASES = [
    ("in 1905", "1905"), ("on 30 December 1890", "1890-12-30"), ("in March 1933", "1933-03"),
    ("from 1933 to 1936", "1933/1936"), ("(1890–1947)", "1890/1947"),
    ("in late 1927 or early 1928", "1927-09/1928-04"), ("by 1939", "../1939"),
    ("since 1940", "1940/.."), ("around 1921", "1921~"), ("in the 1920s", "192X"),
    ("in the 20th century", "19XX"), ("in 44 BC", "-0043"), ("in the summer of 1940", "1940-22"),
    ("on May 3rd, 1808", "1808-05-03"), ("in the early 1930s", "1930/1933"),
]


@given(st.lists(st.tuples(st.lists(FILLER, max_size=6), st.sampled_from(PHRASES)),
                min_size=1, max_size=5))
@settings(max_examples=200)
def test_scan_finds_inserted_dates_with_exact_offsets(parts):
    pieces, expected = [], []
    for words, (phrase, value) in parts:
        pieces.append(" ".join(words + [phrase]) + ".")
        expected.append(value)
    text = " ".join(pieces)
    matches = scan(text)
    for m in matches:
        assert text[m.start:m.end] == m.text
    assert [m.value for m in matches if m.value in expected] == expected


@given(st.text(max_size=120))
@settings(max_examples=300)
def test_scan_offsets_on_any_text(text):
    prev = -1
    for m in scan(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.start >= prev
        prev = m.end
        assert m.value is None or is_valid(m.value)


@given(st.lists(st.one_of(FILLER, st.sampled_from([p for p, _ in PHRASES]),
                          st.integers(0, 3000).map(str)), max_size=25))
@settings(max_examples=300)
def test_scan_offsets_on_mixed_sentences(words):
    text = " ".join(words)
    ms = scan(text)
    assert ms == scan(text)
    prev = -1
    for m in ms:
        assert text[m.start:m.end] == m.text
        assert m.start >= prev
        prev = m.end
        assert m.value is None or is_valid(m.value)
        if m.value is None:
            assert m.relative is not None
            assert anchor(m, None) is None
