"""Property tests: any Record, however odd, exports to a file its consuming library loads."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from test_export_common import load_back
from vitagraph.document import Document
from vitagraph.export import EXPORTERS, _dates
from vitagraph.export import json as json_export
from vitagraph.model import Claim, Entity, Event, Evidence, Mention, Place, Record, Subject, TimeExpr, Work

IDS = ["person:subject", "person:a", "person:b", "org:c", "place:d", "place:e", "work:0", "work:1", "x:y", ""]
ODD = ['"', "'", "\n", "\t", "<script>", "&", "{", "}", "\\", "%", "|", " | ", "Пётр", "東京", "القاهرة", "~", "#",
       "\x00", "\u2028", "é"]
EDTF = ["1890", "1890-12", "1890-12-30", "1921~", "1927?", "1913/1917-01", "../1939", "1940/..", "192X", "19XX",
        "-0043-03-15", "0000", "1927-21", "1941-24", "[1921,1922]", "{1921,1923..1925}", "1933/", "2004?-06-~11",
        "Y-170000000", "1890-1X"]

names = st.lists(st.one_of(st.text(max_size=6), st.sampled_from(ODD)), max_size=4).map("".join)
dates = st.one_of(st.none(), st.sampled_from(EDTF), st.text(max_size=8))
ids = st.sampled_from(IDS)
numbers = st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True), st.integers(-200, 200))


@st.composite
def evidence(draw) -> Evidence:
    a, b = sorted((draw(st.integers(0, 120)), draw(st.integers(0, 120))))
    return Evidence(a, b)


@st.composite
def records(draw) -> Record:
    subject = draw(st.one_of(st.none(), st.builds(
        Subject, ids, names, st.lists(names, max_size=3).map(tuple), st.sampled_from([None, "female", "male", "x"]),
        dates, st.one_of(st.none(), names, ids), dates, st.one_of(st.none(), names, ids))))
    labels = st.sampled_from(["PERSON", "ORG", "PLACE", "WORK", "DATE", "OTHER"])
    entities = draw(st.lists(st.builds(Entity, ids, labels, names, st.lists(names, max_size=2).map(tuple),
                                       st.integers(0, 5), st.booleans()), max_size=6))
    places = draw(st.lists(st.builds(Place, ids, names, names, numbers, numbers, st.one_of(st.none(), names),
                                     st.one_of(st.none(), st.integers(-5, 10**7)),
                                     st.lists(names, max_size=2).map(tuple)), max_size=5))
    works = draw(st.lists(st.builds(Work, ids, names, dates, st.one_of(st.none(), names),
                                    st.lists(names, max_size=2).map(tuple), st.lists(names, max_size=1).map(tuple),
                                    st.one_of(st.none(), names), st.one_of(st.none(), names),
                                    st.one_of(st.none(), names), dates, st.lists(names, max_size=2).map(tuple),
                                    st.lists(evidence(), max_size=2).map(tuple)), max_size=4))
    events = draw(st.lists(st.builds(Event, st.sampled_from(["born", "died", "moved", "joined", "married", "", "x"]),
                                     dates, st.one_of(st.none(), ids, names), st.lists(ids, max_size=3).map(tuple),
                                     evidence(), st.floats(allow_nan=True)), max_size=6))
    mentions = []
    for ev in draw(st.lists(evidence(), max_size=6)):
        mentions.append(Mention(ev.start, ev.end, draw(names), draw(labels), draw(st.one_of(st.none(), ids))))
    times = [TimeExpr(ev.start, ev.end, draw(names), draw(dates), "date") for ev in draw(st.lists(evidence(), max_size=3))]
    claims = draw(st.lists(st.builds(Claim, st.one_of(st.none(), names), st.one_of(st.none(), ids), names,
                                     st.one_of(st.none(), names), st.one_of(st.none(), evidence()), evidence()),
                           max_size=2))
    return Record("doc.txt", subject, tuple(mentions), tuple(entities), tuple(times), tuple(places), tuple(works),
                  tuple(claims), tuple(events), version="0")


documents = st.builds(lambda t, n: Document(name=n or "d.txt", text=t, format="text"),
                      st.lists(st.one_of(st.text(max_size=10), st.sampled_from(ODD)), max_size=12).map("".join),
                      names)


@pytest.mark.parametrize("fmt", sorted(f for f in EXPORTERS if f != "liferecord"))  # see test_export_common
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=records(), document=documents)
def test_any_record_exports_to_a_loadable_file(fmt, record, document):
    load_back(fmt, EXPORTERS[fmt](record, document))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=records(), document=documents)
def test_json_round_trip(record, document):
    numbers = [x for p in record.places for x in (p.lat, p.lon)] + [e.confidence for e in record.events]
    finite = all(x is None or math.isfinite(x) for x in numbers)  # NaN and inf are written as null
    surrogates = any("\ud800" <= ch <= "\udfff" for ch in repr(record))
    if finite and not surrogates:
        assert json_export.load(json_export.export(record, document)) == record


@given(st.sampled_from(EDTF))
def test_edges_lie_within_bounds(value):
    lo, hi = _dates.day_bounds(value)
    start, end = _dates.ends(value)
    if start is not None and lo is not None:
        assert start.year == lo.year or (start.year, start.month) == (lo.year, lo.month)
    if end is not None and hi is not None:
        assert end.year == hi.year
    assert _dates.describe(value)
