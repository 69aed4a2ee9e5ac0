"""QuickStatements V1: a strict parser of the syntax, then the statements themselves."""

from __future__ import annotations

import re

import pytest

from test_export_common import SUBJECT_NAME, empty, empty_document, odd, odd_document
from vitagraph.export import quickstatements as qs
from vitagraph.model import Record, Subject, Work

ITEM = r"(?:Q[1-9][0-9]*|LAST)"
TIME = r"[+-][0-9]{4,}-[0-9]{2}-[0-9]{2}T00:00:00Z/(?:[0-9]|1[0-4])"
STRING = r'"[^\t\n]*"'
MONO = r'[a-z]{2,3}(?:-[a-z0-9]+)*:"[^\t\n]*"'
VALUE = rf"(?:{ITEM}|{TIME}|{STRING}|{MONO}|somevalue|novalue)"


def parse_qs(text: str) -> list[dict]:
    """Parse QuickStatements V1 commands strictly; raise on anything else."""
    if text and not text.endswith("\n"):
        raise ValueError("commands end with a newline")
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if line == "CREATE":
            out.append({"command": "CREATE"})
            continue
        cols = line.split("\t")
        if not re.fullmatch(ITEM, cols[0]):
            raise ValueError(f"line {n}: bad item {cols[0]!r}")
        if len(cols) == 3 and re.fullmatch(r"[LDA][a-z]{2,3}", cols[1]):
            if not re.fullmatch(STRING, cols[2]):
                raise ValueError(f"line {n}: a term needs a quoted string")
            out.append({"item": cols[0], "term": cols[1], "value": cols[2][1:-1]})
            continue
        if len(cols) < 3 or len(cols) % 2 == 0:
            raise ValueError(f"line {n}: expected item, property, value and (P|S, value) pairs: {line!r}")
        if not re.fullmatch(r"P[1-9][0-9]*", cols[1]) or not re.fullmatch(VALUE, cols[2]):
            raise ValueError(f"line {n}: bad statement {line!r}")
        quals, refs = [], []
        for key, value in zip(cols[3::2], cols[4::2]):
            if not re.fullmatch(r"[PS][1-9][0-9]*", key) or not re.fullmatch(VALUE, value):
                raise ValueError(f"line {n}: bad qualifier or source {key!r} {value!r}")
            if key.startswith("S"):
                refs.append((key, value))
            elif refs:
                raise ValueError(f"line {n}: a qualifier after a source")
            else:
                quals.append((key, value))
        out.append({"item": cols[0], "property": cols[1], "value": cols[2], "qualifiers": quals, "sources": refs})
    return out


def statements(record: Record, document=None) -> list[dict]:
    return parse_qs(qs.export(record, document or odd_document()).decode("utf-8"))


def subject_block(commands: list[dict]) -> list[dict]:
    out = []
    for c in commands[1:]:
        if c.get("command") == "CREATE":
            break
        out.append(c)
    return out


def only(commands, prop):
    found = [c for c in commands if c.get("property") == prop]
    assert len(found) == 1, found
    return found[0]


def test_subject_block():
    cmds = statements(odd())
    assert cmds[0] == {"command": "CREATE"}
    block = subject_block(cmds)
    assert {"item": "LAST", "term": "Len", "value": SUBJECT_NAME} in block  # inner quotes kept verbatim
    assert {"item": "LAST", "term": "Aen", "value": "Зоя Окава"} in block
    assert only(block, "P31")["value"] == "Q5"
    born = only(block, "P569")
    assert born["value"] == "+1890-03-03T00:00:00Z/11" and born["qualifiers"] == []
    died = only(block, "P570")
    assert died["value"] == "+1947-00-00T00:00:00Z/9"  # a year stays a year
    assert died["qualifiers"] == [("P1480", qs.CIRCA)]  # and stays approximate
    assert only(block, "P19")["value"] == '"Kraków"'  # a label, for reconciliation
    assert only(block, "P20")["value"] == '"東京"'


def test_every_statement_has_a_reference_to_the_document():
    cmds = statements(odd())
    stmts = [c for c in cmds if "property" in c]
    assert stmts
    for c in stmts:
        assert ("S1476", f'en:"{odd_document().display_title}"') in c["sources"]
    born = only(subject_block(cmds), "P569")
    assert ("S1683", 'en:"Зоя Окава (born 3 March 1890 in Kraków; died c. 1947 in 東京) was a writer & 100% rebel."') in born["sources"]


def test_works():
    cmds = statements(odd())
    blocks, cur = [], None
    for c in cmds:
        if c.get("command") == "CREATE":
            cur = []
            blocks.append(cur)
        else:
            cur.append(c)
    works = blocks[1:]
    assert [next(c["value"] for c in b if c.get("term") == "Len") for b in works] == [
        "100% Proof\\Truth_#1", "Ночь", 'The "Long" Night {draft}']  # newline folded, nothing else touched
    first = works[0]
    assert only(first, "P31")["value"] == qs.LITERARY_WORK
    assert only(first, "P50")["value"] == f'"{SUBJECT_NAME}"'
    assert only(first, "P577")["value"] == "+1921-00-00T00:00:00Z/9"
    assert only(first, "P577")["qualifiers"] == [("P1480", qs.CIRCA)]
    assert only(first, "P1476")["value"] == "und:\"<script>alert('x')</script>\""
    assert only(works[2], "P577")["value"] == "+1920-00-00T00:00:00Z/8"  # 192X: a decade


@pytest.mark.parametrize("edtf, main, quals", [
    ("1890-12-30", "+1890-12-30T00:00:00Z/11", []),
    ("1890-12", "+1890-12-00T00:00:00Z/10", []),
    ("1890", "+1890-00-00T00:00:00Z/9", []),
    ("1890?", "+1890-00-00T00:00:00Z/9", [("P1480", qs.PRESUMABLY)]),
    ("1890%", "+1890-00-00T00:00:00Z/9", [("P1480", qs.CIRCA), ("P1480", qs.PRESUMABLY)]),
    ("189X", "+1890-00-00T00:00:00Z/8", []),
    ("-0043-03-15", "-0044-03-15T00:00:00Z/11", []),  # 44 BC: Wikidata has no year 0
    ("0000", "-0001-00-00T00:00:00Z/9", []),  # EDTF year 0 is 1 BC
    ("1913/1917-01", "+1910-00-00T00:00:00Z/8",
     [("P1319", "+1913-00-00T00:00:00Z/9"), ("P1326", "+1917-01-00T00:00:00Z/10")]),
    ("1913/1921", "+1950-00-00T00:00:00Z/7",
     [("P1319", "+1913-00-00T00:00:00Z/9"), ("P1326", "+1921-00-00T00:00:00Z/9")]),
    ("1899/1901", "+1500-00-00T00:00:00Z/6",  # 19th and 20th centuries: the 2nd millennium
     [("P1319", "+1899-00-00T00:00:00Z/9"), ("P1326", "+1901-00-00T00:00:00Z/9")]),
    ("1927-21", "+1927-00-00T00:00:00Z/9",
     [("P1319", "+1927-03-00T00:00:00Z/10"), ("P1326", "+1927-05-00T00:00:00Z/10")]),
    ("[1921,1922]", "+1920-00-00T00:00:00Z/8",
     [("P1319", "+1921-00-00T00:00:00Z/9"), ("P1326", "+1922-00-00T00:00:00Z/9")]),
    ("../1939", "somevalue", [("P1326", "+1939-00-00T00:00:00Z/9")]),
    ("1940-06/..", "somevalue", [("P1319", "+1940-06-00T00:00:00Z/10")]),
    ("1890-12-01/1890-12-31", "+1890-12-00T00:00:00Z/10", []),  # exactly a month
])
def test_precision(edtf, main, quals):
    assert qs.wikidata_time(edtf) == (main, quals)


def test_invalid_dates_are_left_out():
    assert qs.wikidata_time("not a date") is None
    assert qs.wikidata_time(None) is None
    record = Record("x", Subject("s", "X Y", born_date="soon", died_date=""))
    assert not [c for c in statements(record) if c.get("property") in ("P569", "P570")]


def test_long_quotes_and_labels_are_left_out_not_cut():
    long_title = "A" * 300
    record = Record("x", Subject("s", "X Y"), works=(Work("w", long_title, "1900"),))
    cmds = statements(record)
    assert not [c for c in cmds if c.get("term") == "Len" and c["value"] == long_title]
    assert all(len(v) <= qs.MAX_QUOTE + 5 for c in cmds for k, v in c.get("sources", ()) if k == "S1683")


def test_empty_record_is_an_empty_batch():
    assert qs.export(empty(), empty_document()) == b""
    assert parse_qs("") == []
