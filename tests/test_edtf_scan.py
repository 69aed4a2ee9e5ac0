"""The temporal-expression scanner on realistic biography sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from vitagraph.nlp.edtf import TimeMatch, anchor, is_valid, scan

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "vitagraph" / "data" / "victor-serge.txt"


def found(text: str) -> list[tuple[str, str | None, str]]:
    matches = scan(text)
    for m in matches:
        assert text[m.start:m.end] == m.text
    return [(m.text, m.value, m.kind) for m in matches]


SENTENCES = [
    (
        "Victor Serge (30 December 1890 – 17 November 1947) was a Belgian-born Russian "
        "revolutionary.",
        [("30 December 1890 – 17 November 1947", "1890-12-30/1947-11-17", "interval")],
    ),
    (
        "Serge joined the Left Opposition in 1923 and was expelled from the Communist Party "
        "in late 1927 or early 1928.",
        [("1923", "1923", "date"), ("late 1927 or early 1928", "1927-09/1928-04", "interval")],
    ),
    (
        "He was imprisoned in 1928 and again from 1933 to 1936.",
        [("1928", "1928", "date"), ("from 1933 to 1936", "1933/1936", "interval")],
    ),
    (
        "During a trip to Moscow at the end of 1922 or in June 1923 he was surprised.",
        [("the end of 1922 or in June 1923", "1922-10/1923-06", "interval")],
    ),
    (
        "From late 1923 to 1925, Serge was based in Vienna.",
        [("From late 1923 to 1925", "1923-09/1925", "interval")],
    ),
    (
        "Stalin's collectivisation of 1928–29 and the famine of 1932–33 followed.",
        [("1928–29", "1928/1929", "interval"), ("1932–33", "1932/1933", "interval")],
    ),
    (
        "In March 1933, Serge was arrested. After 85 days of solitary confinement he was "
        "condemned to three years of deportation.",
        [("March 1933", "1933-03", "date"), ("After 85 days", None, "relative"),
         ("three years", None, "duration")],
    ),
    (
        "Leonardo moved to Milan in 1482 and remained there until 1499, when the French "
        "invaded. Between 1503 and 1506 he worked on the Mona Lisa.",
        [("1482", "1482", "date"), ("until 1499", "../1499", "open"),
         ("Between 1503 and 1506", "1503/1506", "interval")],
    ),
    (
        "Gaius Julius Caesar (12 July 100 BC – 15 March 44 BC) crossed the Rubicon in "
        "January 49 BC.",
        [("12 July 100 BC – 15 March 44 BC", "-0099-07-12/-0043-03-15", "interval"),
         ("January 49 BC", "-0048-01", "date")],
    ),
    (
        "Sappho (c. 630 – c. 570 BC) was a lyric poet; Augustus ruled from 27 BC to AD 14.",
        [("c. 630 – c. 570 BC", "-0629~/-0569~", "interval"),
         ("from 27 BC to AD 14", "-0026/0014", "interval")],
    ),
    (
        "Hildegard entered the monastery around 1112. From 1150 onwards she lived at "
        "Rupertsberg, where she died in 1179 at the age of 81.",
        [("around 1112", "1112~", "date"), ("From 1150 onwards", "1150/..", "open"),
         ("1179", "1179", "date"), ("at the age of 81", None, "relative")],
    ),
    (
        "Bach composed the Brandenburg Concertos (1721). In the summer of 1720 his wife died; "
        "he remarried the following year.",
        [("1721", "1721", "date"), ("the summer of 1720", "1720-22", "date"),
         ("the following year", None, "relative")],
    ),
    (
        "Charlemagne was crowned on 25 December 800; the caliphate flourished in the 9th "
        "century and the Renaissance in the late 15th century.",
        [("25 December 800", "0800-12-25", "date"), ("the 9th century", "08XX", "century"),
         ("the late 15th century", "1467/1499", "century")],
    ),
    (
        "In the 1840s she grew ill; the mid-1920s were quieter than the early 1930s.",
        [("the 1840s", "184X", "decade"), ("the mid-1920s", "1924/1926", "decade"),
         ("the early 1930s", "1930/1933", "decade")],
    ),
    (
        "She left before 1914, returned after 1940, and had settled in Paris by 1939.",
        [("before 1914", "../1913", "open"), ("after 1940", "1941/..", "open"),
         ("by 1939", "../1939", "open")],
    ),
    (
        "He was born probably in 1921 (or 1922?) and died c. 1990.",
        [("probably in 1921", "1921?", "date"), ("1922?", "1922?", "date"),
         ("c. 1990", "1990~", "date")],
    ),
    (
        "Picasso painted it in the spring of 1907, exhibited it in the winter of 1941–42, "
        "and sold it on May 3rd, 1944.",
        [("the spring of 1907", "1907-21", "date"), ("the winter of 1941–42", "1941-24", "date"),
         ("May 3rd, 1944", "1944-05-03", "date")],
    ),
    (
        "The Treaty was signed on the 3rd of May 1808, three days after the riot of "
        "30 April 1808.",
        [("the 3rd of May 1808", "1808-05-03", "date"), ("three days after", None, "relative"),
         ("30 April 1808", "1808-04-30", "date")],
    ),
    (
        "The lab operated from March 1933 to April 1936 and closed in 1940–present terms.",
        [("from March 1933 to April 1936", "1933-03/1936-04", "interval"),
         ("1940–present", "1940/..", "open")],
    ),
    (
        "Ibn Battuta (24 February 1304 – 1368 or 1369) was a traveller; Tullia was born in 79 "
        "or 78 BC, in late October or early November.",
        [("24 February 1304", "1304-02-24", "date"), ("1368 or 1369", "[1368,1369]", "set"),
         ("79 or 78 BC", "[-0078,-0077]", "set"), ("late October", None, "relative"),
         ("early November", None, "relative")],
    ),
    (
        "Infobox\n- Born: 1890-12-30\n- Died: 1947-11-17\n",
        [("1890-12-30", "1890-12-30", "date"), ("1947-11-17", "1947-11-17", "date")],
    ),
]


@pytest.mark.parametrize("text,expected", SENTENCES)
def test_sentences(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("in 1905, 1907 and 1910", ["1905", "1907", "1910"]),
    ("Men in Prison (1930), Birth of Our Power (1931)", ["1930", "1931"]),
    ("Einstein's 1905 papers changed physics.", ["1905"]),
    ("His 1912 novel sold well.", ["1912"]),
    ("after the 1905 Revolution he fled", ["1905"]),
    ("Syracuse University Press, 1997.", ["1997"]),
    ("1905: moved to Paris\n1907: married", ["1905", "1907"]),
    ("the year 1848 saw revolutions", ["1848"]),
    ("born 1890, died 1947", ["1890", "1947"]),
    ("(b. 1890)", ["1890"]),
    ("during 1916 and 1917", ["1916", "1917"]),
])
def test_bare_years_in_date_contexts(text, expected):
    assert [m.value for m in scan(text)] == expected


@pytest.mark.parametrize("text", [
    "The first edition ran to 1,500 copies.",
    "She lived in Room 1905 of the Hotel Lux.",
    "Year Two of the revolution was declared.",
    "Year One of the Russian Revolution is a book.",
    "He was paid 1500 francs for it.",
    "See page 1905 of the ledger.",
    "The 1500 metres were run at 10:30 in the morning.",
    "He scored 1905 points and 2000 votes.",
    "Call 1905 or 1906 for details.",
    "It weighed 1,000 kg and cost $1905.",
    "The Thirty Years' War and the Seven Years' War.",
    "Russia Twenty Years After is a book.",
    "It happens twice a year and every two years.",
    "He may be right; she will march on.",
    "They arrived at 3 p.m. and left at noon.",
    "In 800 ships the fleet sailed; 2500 men died.",
    "one day he left",
    "Letters of 1,200 pages.",
    "about 1500 people attended and around 2000 soldiers died",
])
def test_not_dates(text):
    assert scan(text) == []


@pytest.mark.parametrize("dash", ["-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014",
                                  "\u2015", "\u2212"])
def test_dashes(dash):
    for text, value in [(f"(1933{dash}1936)", "1933/1936"),
                        (f"from 1933 {dash} 1936", "1933/1936"),
                        (f"the winter of 1941{dash}42", "1941-24"),
                        (f"(1 May 1890 {dash} 2 June 1947)", "1890-05-01/1947-06-02")]:
        (m,) = scan(text)
        assert m.value == value, (text, m)
        assert text[m.start:m.end] == m.text


def test_century_adjectives_are_not_open_ends():
    text = "a copy from the twelfth-century Rihla"
    assert [(m.text, m.value, m.kind) for m in scan(text)] == [
        ("the twelfth-century", "11XX", "century")]


def test_longest_match_wins():
    text = "From late 1923 to 1925 he lived in Vienna."
    (m,) = scan(text)
    assert (m.start, m.end, m.value) == (0, 22, "1923-09/1925")
    text = "It was late 1927 or early 1928."
    (m,) = scan(text)
    assert m.text == "late 1927 or early 1928"
    (m,) = scan("between 3 and 5 May 1808")
    assert m.value == "1808-05-03/1808-05-05"


def test_offsets_with_non_ascii_text():
    text = "Ви́ктор Льво́вич; 30 December 1890 – 17 November 1947 — ещё 1905 год, in 1905."
    matches = scan(text)
    for m in matches:
        assert text[m.start:m.end] == m.text
    assert [m.value for m in matches] == ["1890-12-30/1947-11-17", "1905"]


def test_relative_matches_anchor_later():
    text = ("After his release in 1928 he wrote for the following five years. "
            "Two years later he was arrested; later that year he fell ill.")
    ms = scan(text)
    assert [m.kind for m in ms] == ["date", "relative", "relative", "relative"]
    ref = ms[0].value
    assert anchor(ms[1], ref) == "1928/1933"
    assert anchor(ms[2], ref) == "1930"
    assert anchor(ms[3], "1930-05") == "1930-05/1930-12"
    assert anchor(ms[1], None) is None
    assert anchor(ms[0], None) == "1928"  # absolute matches need no anchor
    assert anchor(ms[1], "not edtf") is None
    assert anchor(ms[1], "1928/..") is None  # an open reference cannot anchor


def test_partial_dates_need_the_year():
    text = "In 1933 he was arrested. On 12 March he was released, and in May he left."
    ms = scan(text)
    assert [(m.text, m.value) for m in ms] == [("1933", "1933"), ("12 March", None),
                                              ("May", None)]
    assert anchor(ms[1], "1933") == "1933-03-12"
    assert anchor(ms[2], "1933-03-12") == "1933-05"


def test_values_are_valid_edtf_and_kinds_known():
    text = SAMPLE.read_text(encoding="utf-8")
    ms = scan(text)
    assert len(ms) > 50
    kinds = {"date", "interval", "open", "duration", "relative", "decade", "century", "set"}
    prev_end = -1
    for m in ms:
        assert isinstance(m, TimeMatch)
        assert text[m.start:m.end] == m.text
        assert m.start >= prev_end and m.start < m.end
        prev_end = m.end
        assert m.kind in kinds
        assert (m.value is None) == (m.kind in ("duration", "relative"))
        assert m.value is None or is_valid(m.value)
    values = {m.value for m in ms}
    assert {"1890-12-30/1947-11-17", "1927-09/1928-04", "1922-10/1923-06", "1923-09/1925",
            "1933/1936", "../1939"} <= values




def test_scan_is_deterministic():
    text = SAMPLE.read_text(encoding="utf-8")
    assert scan(text) == scan(text)


def test_a_stretch_shorter_than_the_references_grain_keeps_the_reference():
    from vitagraph.nlp import edtf

    assert edtf.normalize("for a week", "1911") == "1911"
    assert edtf.normalize("for ten days", "1920-03") == "1920-03"
    assert edtf.normalize("for fifteen months", "1917-10") == "1917-10/1919-01"
    assert edtf.normalize("for a week", "1911-05-03") == "1911-05-03/1911-05-10"


def test_a_disjunction_of_month_parts_is_read_whole_after_in():
    from vitagraph.nlp import edtf

    found = edtf.scan("she arrived in the United States in late October or early November 1933.")
    assert [(m.text, m.value) for m in found] == [("late October or early November 1933", "1933-10-21/1933-11-10")]
