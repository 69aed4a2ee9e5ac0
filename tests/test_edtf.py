"""EDTF value model and English phrase normalization, table-driven.

The phrases come from many kinds of lives (ancient, medieval, early modern, scientists,
artists, revolutionaries) so the grammar stays general English.
"""

from __future__ import annotations

import pytest

from vitagraph.nlp.edtf import (
    Date,
    DateRange,
    DateSet,
    Interval,
    OPEN,
    UNKNOWN,
    bounds,
    format,
    is_valid,
    normalize,
    parse,
    width_days,
)

# (phrase, anchor, expected EDTF or None)
NORMALIZE = [
    # --- full dates, day-month-year and month-day-year
    ("30 December 1890", None, "1890-12-30"),
    ("December 30, 1890", None, "1890-12-30"),
    ("30 Dec. 1890", None, "1890-12-30"),
    ("Dec 30, 1890", None, "1890-12-30"),
    ("Sunday, 30 December 1890", None, "1890-12-30"),
    ("on 30 December 1890", None, "1890-12-30"),
    ("the 3rd of May 1808", None, "1808-05-03"),
    ("May 3rd, 1808", None, "1808-05-03"),
    ("the third of May 1808", None, "1808-05-03"),
    ("May the third, 1808", None, "1808-05-03"),
    ("14 October 1066", None, "1066-10-14"),
    ("25 December 800", None, "0800-12-25"),
    ("4 July 1776", None, "1776-07-04"),
    ("July 4, 1776", None, "1776-07-04"),
    ("23 April 1616", None, "1616-04-23"),
    ("6 Jan. 1412", None, "1412-01-06"),
    ("14 March 1879", None, "1879-03-14"),
    ("7 November 1867", None, "1867-11-07"),
    ("29 February 1600", None, "1600-02-29"),
    ("29 February 1896", None, "1896-02-29"),
    ("1 Sept. 1939", None, "1939-09-01"),
    ("the twenty-first of June 1791", None, "1791-06-21"),
    ("1890-12-30", None, "1890-12-30"),
    ("1879-03-14", None, "1879-03-14"),
    # --- ancient and era-marked years
    ("15 March 44 BC", None, "-0043-03-15"),
    ("44 BC", None, "-0043"),
    ("in 44 B.C.", None, "-0043"),
    ("753 BC", None, "-0752"),
    ("399 BCE", None, "-0398"),
    ("1 BC", None, "0000"),
    ("AD 79", None, "0079"),
    ("79 AD", None, "0079"),
    ("24 August AD 79", None, "0079-08-24"),
    ("476 CE", None, "0476"),
    ("AD 1066", None, "1066"),
    ("10,000 BC", None, "-9999"),
    ("170,000 BC", None, "Y-169999"),
    # --- years and months
    ("1890", None, "1890"),
    ("in 1890", None, "1890"),
    ("(1890)", None, "1890"),
    ("the year 1905", None, "1905"),
    ("in the year 1492", None, "1492"),
    ("1066", None, "1066"),
    ("December 1890", None, "1890-12"),
    ("in March of 1933", None, "1933-03"),
    ("Sept. 1791", None, "1791-09"),
    ("June 1940", None, "1940-06"),
    ("in January 1919", None, "1919-01"),
    ("October 1517", None, "1517-10"),
    # --- decades and centuries
    ("the 1920s", None, "192X"),
    ("the 1890s", None, "189X"),
    ("1920s", None, "192X"),
    ("the 1920's", None, "192X"),
    ("mid-1920s", None, "1924/1926"),
    ("the mid 1960s", None, "1964/1966"),
    ("the early 1930s", None, "1930/1933"),
    ("the late 1890s", None, "1897/1899"),
    ("the end of the 1920s", None, "1927/1929"),
    ("the first half of the 1920s", None, "1920/1924"),
    ("the 1800s", None, "18XX"),
    ("the early 1800s", None, "1800/1833"),
    ("the 20th century", None, "19XX"),
    ("twentieth century", None, "19XX"),
    ("the 21st century", None, "20XX"),
    ("the eighteenth century", None, "17XX"),
    ("the 12th century", None, "11XX"),
    ("the 5th century BC", None, "-04XX"),
    ("the 1st century BC", None, "-00XX"),
    ("the first century", None, "0001/0099"),
    ("the early 19th century", None, "1800/1833"),
    ("the mid-18th century", None, "1734/1766"),
    ("the late 15th century", None, "1467/1499"),
    ("the first half of the 19th century", None, "1800/1849"),
    ("the second half of the 17th century", None, "1650/1699"),
    ("the end of the 20th century", None, "1967/1999"),
    ("the early 5th century BC", None, "-0499/-0466"),
    # --- parts of a year or month
    ("early 1928", None, "1928-01/1928-04"),
    ("mid-1927", None, "1927-05/1927-08"),
    ("late 1927", None, "1927-09/1927-12"),
    ("late in 1927", None, "1927-09/1927-12"),
    ("the end of 1922", None, "1922-10/1922-12"),
    ("at the end of 1922", None, "1922-10/1922-12"),
    ("the beginning of 1923", None, "1923-01/1923-03"),
    ("the start of 1923", None, "1923-01/1923-03"),
    ("the middle of 1927", None, "1927-05/1927-08"),
    ("the first half of 1927", None, "1927-01/1927-06"),
    ("the second half of 1927", None, "1927-07/1927-12"),
    ("the first quarter of 1927", None, "1927-01/1927-03"),
    ("early March 1933", None, "1933-03-01/1933-03-10"),
    ("mid-March 1933", None, "1933-03-11/1933-03-20"),
    ("late February 1928", None, "1928-02-21/1928-02-29"),
    ("the end of April 1936", None, "1936-04-21/1936-04-30"),
    # --- seasons
    ("spring 1927", None, "1927-21"),
    ("the summer of 1940", None, "1940-22"),
    ("summer of 1940", None, "1940-22"),
    ("autumn 1917", None, "1917-23"),
    ("the fall of 1929", None, "1929-23"),
    ("winter 1941", None, "1941-24"),
    ("the winter of 1941–42", None, "1941-24"),
    ("winter 1941/42", None, "1941-24"),
    ("the winter of 1812–1813", None, "1812-24"),
    ("early spring 1927", None, "1927-21"),
    # --- closed intervals
    ("from 1933 to 1936", None, "1933/1936"),
    ("1933–1936", None, "1933/1936"),
    ("1933-1936", None, "1933/1936"),
    ("1933 — 1936", None, "1933/1936"),
    ("1936-38", None, "1936/1938"),
    ("1914–18", None, "1914/1918"),
    ("between 1933 and 1936", None, "1933/1936"),
    ("From late 1923 to 1925", None, "1923-09/1925"),
    ("from March 1933 to April 1936", None, "1933-03/1936-04"),
    ("from 1933 until 1936", None, "1933/1936"),
    ("30 December 1890 – 17 November 1947", None, "1890-12-30/1947-11-17"),
    ("(1452–1519)", None, "1452/1519"),
    ("March–April 1933", None, "1933-03/1933-04"),
    ("from March to June 1933", None, "1933-03/1933-06"),
    ("3–5 May 1808", None, "1808-05-03/1808-05-05"),
    ("May 3–5, 1808", None, "1808-05-03/1808-05-05"),
    ("between 3 and 5 May 1808", None, "1808-05-03/1808-05-05"),
    ("3 May – 5 June 1808", None, "1808-05-03/1808-06-05"),
    ("63 BC – AD 14", None, "-0062/0014"),
    ("470–399 BC", None, "-0469/-0398"),
    ("c. 470 – 399 BC", None, "-0469~/-0398"),
    ("c. 1390 – 9 July 1441", None, "1390~/1441-07-09"),
    ("from the 1920s to the 1940s", None, "192X/194X"),
    ("1947–1890", None, None),
    # --- open intervals
    ("1940–present", None, "1940/.."),
    ("from 1940 to the present", None, "1940/.."),
    ("by 1939", None, "../1939"),
    ("until 1939", None, "../1939"),
    ("till 1939", None, "../1939"),
    ("up to 1939", None, "../1939"),
    ("by the end of 1922", None, "../1922-12"),
    ("in or before 1921", None, "../1921"),
    ("since 1940", None, "1940/.."),
    ("from 1940 onwards", None, "1940/.."),
    ("from 1940 on", None, "1940/.."),
    ("1940 onwards", None, "1940/.."),
    ("since the 1920s", None, "192X/.."),
    ("after 1940", None, "1941/.."),
    ("after 15 March 1933", None, "1933-03-16/.."),
    ("after the 1920s", None, "1930/.."),
    ("before 1914", None, "../1913"),
    ("prior to 1914", None, "../1913"),
    ("before March 1914", None, "../1914-02"),
    ("before 44 BC", None, "../-0044"),
    # --- approximate and uncertain
    ("around 1921", None, "1921~"),
    ("c. 1921", None, "1921~"),
    ("c.1921", None, "1921~"),
    ("ca. 1921", None, "1921~"),
    ("circa 1921", None, "1921~"),
    ("about 1921", None, "1921~"),
    ("approximately 1921", None, "1921~"),
    ("in or around 1921", None, "1921~"),
    ("1921 or thereabouts", None, "1921~"),
    ("1921 or so", None, "1921~"),
    ("probably 1921", None, "1921?"),
    ("possibly in 1921", None, "1921?"),
    ("1921?", None, "1921?"),
    ("probably around 1921", None, "1921%"),
    ("around March 1921", None, "1921-03~"),
    ("around the 1920s", None, "192X~"),
    ("c. 1500 BC", None, "-1499~"),
    ("perhaps late 1927", None, "1927-09?/1927-12?"),
    # --- alternatives
    ("late 1927 or early 1928", None, "1927-09/1928-04"),
    ("at the end of 1922 or in June 1923", None, "1922-10/1923-06"),
    ("in late 1921 or early 1922", None, "1921-09/1922-04"),
    ("1921 or 1922", None, "[1921,1922]"),
    ("1922 or 1921", None, "[1921,1922]"),
    ("March 1921 or April 1922", None, "[1921-03,1922-04]"),
    ("79 or 78 BC", None, "[-0078,-0077]"),
    ("October or November 1933", None, "[1933-10,1933-11]"),
    ("late October or early November 1933", None, "1933-10-21/1933-11-10"),
    # --- durations and relative phrases with an anchor
    ("the following five years", "1936", "1936/1941"),
    ("the next five years", "1936", "1936/1941"),
    ("the previous three years", "1936", "1933/1936"),
    ("seven to eight weeks", "1928-03", "1928-03/1928-05"),
    ("for seven to eight weeks", "1928-03", "1928-03/1928-05"),
    ("after 85 days", "1933-03", "1933-05/1933-06"),
    ("fifteen months", "1933", "1933/1935"),
    ("fifteen months", "1933-01", "1933-01/1934-04"),
    ("the next year", "1927", "1928"),
    ("the following year", "1927", "1928"),
    ("the following year", "1927-05-12", "1928"),
    ("the year after", "1927", "1928"),
    ("the previous year", "1927", "1926"),
    ("the year before", "1927", "1926"),
    ("two years later", "1919-05", "1921"),
    ("two years later", "1919-05-01", "1921"),
    ("a year later", "1936", "1937"),
    ("twenty-five years later", "1900", "1925"),
    ("a decade later", "1900", "1910"),
    ("two years earlier", "1927", "1925"),
    ("ten years earlier", "-0043", "-0053"),
    ("about two years later", "1919", "1921~"),
    ("three months later", "1933-03", "1933-06"),
    ("three days later", "1933-03-15", "1933-03-18"),
    ("the next day", "1933-03-15", "1933-03-16"),
    ("the following month", "1927-05", "1927-06"),
    ("the following month", "1927", "1927/1928"),
    ("after a year", "1927", "1928"),
    ("within two years", "1936", "1936/1938"),
    ("for three years", "1933", "1933/1936"),
    ("three years", "1933-06", "1933/1936"),  # a count of years: year precision
    ("two years later", "1919-05/1919-07", "1921"),
    ("the next year", "192X", "1921/1930"),
    ("that year", "1927-05", "1927"),
    ("that year", "1927~", "1927~"),
    ("two years later", "1919?", "1921?"),
    ("the same year", "1927", "1927"),
    ("in that same year", "1927-05-12", "1927"),
    ("later that year", "1927-05", "1927-05/1927-12"),
    ("earlier that year", "1927-05", "1927-01/1927-05"),
    ("later in the year", "1927-05", "1927-05/1927-12"),
    ("late that year", "1891-02", "1891-09/1891-12"),
    ("early that month", "1891-09", "1891-09-01/1891-09-10"),
    ("the following spring", "1927-05", "1928-21"),
    ("that summer", "1940-06", "1940-22"),
    ("on 12 March", "1933", "1933-03-12"),
    ("in March", "1933", "1933-03"),
    ("in March", "1933-05", "1934-03"),
    ("early March", "1933", "1933-03-01/1933-03-10"),
    ("on 4 July", "1776", "1776-07-04"),
    ("in June", "1940", "1940-06"),
    ("June 12", "1940-03", "1940-06-12"),
    ("late July", "1914", "1914-07-21/1914-07-31"),
    ("in the spring", "1927", "1927-21"),
    ("at the age of 25", "1890-12-30", "1915/1916"),
    ("aged 30", "1800", "1830/1831"),
    # relative phrases without an anchor, vague amounts, the clock
    ("later that year", None, None),
    ("the following year", None, None),
    ("five years later", None, None),
    ("seven to eight weeks", None, None),
    ("a few years later", "1900", None),
    ("several years later", "1900", None),
    ("two years ago", "1927", None),
    ("twice a year", "1900", None),
    # --- not dates
    ("Year Two", None, None),
    ("Year One of the Russian Revolution", None, None),
    ("1,000", None, None),
    ("1,500 copies", None, None),
    ("page 1905", None, None),
    ("Room 1905", None, None),
    ("10:30", None, None),
    ("3 p.m.", None, None),
    ("at noon", None, None),
    ("in 800", None, None),
    ("2500", None, None),
    ("999", None, None),
    ("", None, None),
    ("   ", None, None),
    ("hello world", None, None),
    ("the present", None, None),
    ("today", None, None),
    ("30 February 1890", None, None),
    ("31 April 1707", None, None),
    ("29 February 1900", None, None),
    ("December 32, 1890", None, None),
    ("the Thirty Years' War", None, None),
    ("Twenty Years After", "1900", None),
    # --- EDTF strings pass through
    ("192X", None, "192X"),
    ("1927-21", None, "1927-21"),
    ("-0043-03-15", None, "-0043-03-15"),
    ("[1927,1928]", None, "[1927,1928]"),
    ("../1939", None, "../1939"),
    ("1890-12", None, "1890-12"),
]


def test_table_is_big_enough():
    assert len(NORMALIZE) >= 150


@pytest.mark.parametrize("phrase,anchor,expected", NORMALIZE)
def test_normalize(phrase, anchor, expected):
    got = normalize(phrase, anchor)
    assert got == expected
    if got is not None:
        assert is_valid(got), got


# --------------------------------------------------------------------------- parse / format

VALID = [
    "1890", "1890-12", "1890-12-30", "-0043", "-0043-03-15", "0000", "0079", "9999",
    "1927?", "1927~", "1927%", "1890-12-30?", "1890-12~", "-0043-03-15%",
    "192X", "19XX", "1XXX", "XXXX", "1927-XX", "1927-XX-XX", "1985-04-XX", "156X-12-25",
    "15XX-12-25", "XXXX-12-XX", "1XXX-XX", "1XXX-12", "1984-1X", "-00XX", "-04XX", "192X~",
    "1927-21", "1927-22", "1927-23", "1927-24", "1927-25", "1927-32", "1927-33", "1927-41",
    "1927-21?",
    "1933/1936", "1933-03/1936-04", "1940-06/..", "../1939", "1940/", "/1939",
    "1984~/2004-06", "1984?/2004~", "2004-06-XX/2004-07-03", "1927-09/1928-04",
    "1941-24/1942-21", "-0062/0014", "192X/194X", "1890-12-30/1947-11-17",
    "[1927,1928]", "[..1939]", "[1760-12..]", "{1667,1668}", "[1667,1668,1670..1672]",
    "{1960,1961-12}", "[1927-09..1928-04]", "[..1760-12-03,1762]", "{..1984}",
    "Y170000", "Y-170000", "Y17E7", "Y-17E7", "1950S2", "Y171010000S3",
    "2004-06-~11", "2004?-06-11", "?2004-06-~11", "2004-%06-11", "~1927",
]

INVALID = [
    "", "1890-13", "1890-00", "1890-04-31", "1890-02-29", "1900-02-29", "1890-12-32",
    "1890-12-00", "189", "18900", "Y2000", "Y-2000", "Y0170000", "1890-12-30T10:00", "1890/1880",
    "../..", "/", "1890//1900", "1890/1900/1910", "[]", "[1890", "{1890]", "1890?~", "abc",
    "12-1890", "1890-1", "1890-12-3", "-0000", "1927-42", "1927-20", "1927-21-01", "1890 ",
    " 1890", "1927-XX-32", "192X-02-30", "[1890..1880]", "[1890,..1900]", "[1890..,1900]",
    "Y17E0", "1950S5", "19X", "1927-1Y", "1890-12-30~~", "192X-13", "Y1XXXXX", "1890.5",
    "[1890..1900..1910]", "Y-0000E1",
]


@pytest.mark.parametrize("s", VALID)
def test_valid_round_trip(s):
    assert is_valid(s)
    assert format(parse(s)) == s
    assert format(s) == s
    lo, hi = bounds(s)
    if lo is not None and hi is not None:
        assert lo <= hi


@pytest.mark.parametrize("s", INVALID)
def test_invalid(s):
    assert not is_valid(s)
    with pytest.raises(ValueError):
        parse(s)
    assert bounds(s) is None
    assert width_days(s) is None


@pytest.mark.parametrize("s,needle", [
    ("1890-13", "month 13"),
    ("1890-04-31", "day 31"),
    ("1890-02-29", "day 29"),
    ("1890/1880", "out of order"),
    ("garbage", "not an EDTF date"),
    ("", "empty"),
])
def test_error_messages_say_what_is_wrong(s, needle):
    with pytest.raises(ValueError, match=needle):
        parse(s)


def test_parse_structure():
    assert parse("1890-12-30") == Date("1890", "12", "30")
    assert parse("1927~") == Date("1927", qualifier="~")
    assert parse("1933/1936") == Interval(Date("1933"), Date("1936"))
    assert parse("1940/..") == Interval(Date("1940"), OPEN)
    assert parse("/1939") == Interval(UNKNOWN, Date("1939"))
    assert parse("[..1939]") == DateSet((DateRange(None, Date("1939")),))
    assert parse("{1667,1668}") == DateSet((Date("1667"), Date("1668")), all_of=True)
    assert parse("2004?-06-11").marks == (("", "?"), ("", ""), ("", ""))
    assert parse("Y17E7").exponent == 7
    assert Date.of(-43, 3, 15) == parse("-0043-03-15")
    assert Date.of(1927, qualifier="~").qualifier == "~"
    assert str(Interval(Date.of(1933), OPEN)) == "1933/.."
    with pytest.raises(TypeError):
        parse(1890)  # type: ignore[arg-type]


def test_construction_is_validated():
    with pytest.raises(ValueError):
        Date("1890", "13")
    with pytest.raises(ValueError):
        Interval(OPEN, UNKNOWN)
    with pytest.raises(ValueError):
        DateSet(())


BOUNDS = [
    ("1890", ((1890, 1, 1), (1890, 12, 31))),
    ("1890-02", ((1890, 2, 1), (1890, 2, 28))),
    ("1896-02", ((1896, 2, 1), (1896, 2, 29))),
    ("1890-12-30", ((1890, 12, 30), (1890, 12, 30))),
    ("192X", ((1920, 1, 1), (1929, 12, 31))),
    ("19XX", ((1900, 1, 1), (1999, 12, 31))),
    ("-0043", ((-43, 1, 1), (-43, 12, 31))),
    ("-04XX", ((-499, 1, 1), (-400, 12, 31))),
    ("1941-24", ((1941, 12, 1), (1942, 2, 28))),
    ("1927-21", ((1927, 3, 1), (1927, 5, 31))),
    ("1927-33", ((1927, 1, 1), (1927, 3, 31))),
    ("1927-30", ((1927, 12, 1), (1928, 2, 29))),
    ("1940/..", ((1940, 1, 1), None)),
    ("1940/", ((1940, 1, 1), None)),
    ("../1939", (None, (1939, 12, 31))),
    ("[1927,1928]", ((1927, 1, 1), (1928, 12, 31))),
    ("[..1939]", (None, (1939, 12, 31))),
    ("1985-04-XX", ((1985, 4, 1), (1985, 4, 30))),
    ("XXXX-02-29", ((0, 2, 29), (9996, 2, 29))),
    ("1XXX-1X", ((1000, 10, 1), (1999, 12, 31))),
    ("Y-170000", ((-170000, 1, 1), (-170000, 12, 31))),
    ("1950S2", ((1900, 1, 1), (1999, 12, 31))),
    ("1927~", ((1927, 1, 1), (1927, 12, 31))),
    ("not edtf", None),
]


@pytest.mark.parametrize("s,expected", BOUNDS)
def test_bounds(s, expected):
    assert bounds(s) == expected


@pytest.mark.parametrize("s,days", [
    ("1890", 365), ("1896", 366), ("2000", 366), ("1900", 365), ("1890-12-30", 1),
    ("1890-02", 28), ("1933/1936", 1461), ("1941-24", 90), ("-0043-03-15", 1),
    ("1940/..", None), ("bad", None), ("192X", 3653),
])
def test_width_days(s, days):
    assert width_days(s) == days
