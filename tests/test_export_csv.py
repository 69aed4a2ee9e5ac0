"""The csv zip: one table per kind, a README for every column, cells that round-trip."""

from __future__ import annotations

import csv
import io
import zipfile

from test_export_common import SUBJECT_NAME, TEXT, empty, empty_document, malformed, malformed_document, odd, odd_document
from vitagraph.export import csv as csv_export


def test_tables_and_readme():
    data = csv_export.export(odd(), odd_document())
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = sorted(n.split("/", 1)[1] for n in z.namelist())
        folders = {n.split("/", 1)[0] for n in z.namelist()}
        readme = z.read(next(n for n in z.namelist() if n.endswith("README.md"))).decode("utf-8")
        raw = z.read(next(n for n in z.namelist() if n.endswith("events.csv")))
    assert folders == {"zoe_odd_co"}
    assert names == sorted(["README.md"] + [f"{t}.csv" for t in csv_export.TABLES])
    for kind in ("events", "places", "people", "organizations", "works", "mentions"):
        assert f"{kind}.csv" in names
    for table, (_, columns) in csv_export.TABLES.items():
        assert f"## {table}.csv" in readme
        for column, _ in columns:
            assert f"| `{column}` |" in readme
    assert raw.startswith("\ufeff".encode("utf-8"))  # Excel reads it as UTF-8
    assert b"\r\n" in raw


def test_cells_round_trip():
    tables = csv_export.read(csv_export.export(odd(), odd_document()))
    assert set(tables) == set(csv_export.TABLES)
    people = {r["id"]: r for r in tables["people"]}
    assert people["person:jean"]["name"] == 'Jean "Jack" O\'Neil'
    assert people["person:subject"]["is_subject"] == "true"
    assert people["person:subject"]["name"] == SUBJECT_NAME
    works = {r["id"]: r for r in tables["works"]}
    assert works["work:2"]["title"] == 'The "Long"\nNight {draft}'
    assert works["work:0"]["original_title"] == "<script>alert('x')</script>"
    assert csv_export.split_list(works["work:0"]["translators"]) == ["Ann Smith", "John Doe"]
    events = tables["events"]
    assert [e["type"] for e in events] == [e.type for e in odd().events]
    married = events[4]
    assert married["quote"] == 'She married Jean "Jack" O\'Neil\tin 1930'
    assert married["quote"] == TEXT[int(married["start"]) : int(married["end"])]
    assert csv_export.split_list(married["participants"]) == ['Jean "Jack" O\'Neil', "nobody-known"]
    imprisoned = events[2]
    assert (imprisoned["place_id"], imprisoned["place"], imprisoned["lat"]) == ("place:paris", "Paris", "48.85341")
    assert (imprisoned["earliest"], imprisoned["latest"], imprisoned["when"]) == ("1913-01-01", "1917-01-31",
                                                                                "1913 – January 1917")
    places = {r["id"]: r for r in tables["places"]}
    assert places["place:atlantis"]["lat"] == ""
    assert csv_export.split_list(places["place:cairo"]["aliases"]) == ["القاهرة"]
    assert places["place:paris"]["mentions"] == "1"
    assert tables["subject"][0]["died_date"] == "1947~"
    mentions = tables["mentions"]
    assert all(TEXT[int(m["start"]) : int(m["end"])] == m["text"] for m in mentions)


def test_multi_value_cells_escape_the_separator():
    values = ["a | b", "back\\slash", "pipe|pipe", "", "plain"]
    assert csv_export.split_list(csv_export.join_list(values)) == values
    assert csv_export.split_list("") == []


def test_empty_record_has_every_table_with_its_header():
    tables = csv_export.read(csv_export.export(empty(), empty_document()))
    assert all(rows == [] for rows in tables.values())
    data = csv_export.export(empty(), empty_document())
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        text = z.read("empty/events.csv").decode("utf-8-sig")
    assert next(csv.reader(io.StringIO(text))) == [c for c, _ in csv_export.TABLES["events"][1]]


def test_malformed_record():
    tables = csv_export.read(csv_export.export(malformed(), malformed_document()))
    assert tables["places"][0]["lat"] == ""  # NaN is no number
    assert "\ufffd" in tables["works"][1]["title"]  # a lone surrogate cannot be written: replaced
    assert len(tables["places"]) == 4  # the duplicate id once
