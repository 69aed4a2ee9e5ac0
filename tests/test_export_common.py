"""Hand-made records for the export tests, and what every exporter must do with them.

``odd()`` is a small life written to break exporters: quotes, newlines, tabs,
``<script>``, TeX and CSV specials, Cyrillic, Arabic and Chinese names, an
approximate death date, a season, an interval, a BC date and an undated event.
The other test_export_* modules import these builders.
"""

from __future__ import annotations

import csv as _csv
import functools
import io
import json
import math
import zipfile
from pathlib import Path

import pytest

from vitagraph.document import Document, ListBlock, ListItem, Paragraph, Span, check_invariants
from vitagraph.export import EXPORTERS, MEDIA
from vitagraph.model import Claim, Entity, Event, Evidence, Mention, Place, Record, Subject, TimeExpr, Work

TEXT = (
    'Zoë "Zed" Ōkawa <script>alert(\'x\')</script>\n'
    "Зоя Окава (born 3 March 1890 in Kraków; died c. 1947 in 東京) was a writer & 100% rebel.\n"
    "In 1913 she joined the Union of {Free} Writers in Paris with Пётр Иванов.\n"
    "From 1913 to January 1917 she was imprisoned in Paris.\n"
    "In spring 1927 she moved to Cairo (القاهرة).\n"
    'She married Jean "Jack" O\'Neil\tin 1930.\n'
    "She visited Rome, where Caesar died in 44 BC.\n"
    "She wrote letters.\n"
    "Works\n"
    "- 100% Proof\\Truth_#1 (1921~) translated by Ann Smith & John Doe; London: Penguin & Sons.\n"
    "- Ночь (1930).\n"
    'Critics said "she is the best".\n'
)


def at(needle: str, nth: int = 0) -> Evidence:
    i = -1
    for _ in range(nth + 1):
        i = TEXT.index(needle, i + 1)
    return Evidence(i, i + len(needle))


def mention(needle: str, label: str, entity: str | None, component: str = "ner") -> Mention:
    ev = at(needle)
    return Mention(ev.start, ev.end, needle, label, entity, component)


SUBJECT_NAME = 'Zoë "Zed" Ōkawa'


def odd_document() -> Document:
    """The text with one paragraph (or list item) a line, as the plain-text reader makes it."""
    paragraphs, items, start = [], [], 0
    for line in TEXT.split("\n"):
        if line:
            span = Span(start, start + len(line))
            if line.startswith("- "):
                items.append(ListItem(Span(span.start + 2, span.end)))
            else:
                paragraphs.append(Paragraph(span))
        start += len(line) + 1
    lists = (ListBlock(Span(items[0].span.start, items[-1].span.end), tuple(items)),)
    doc = Document(name="zoe <odd> & co.txt", text=TEXT, format="text", paragraphs=tuple(paragraphs), lists=lists)
    assert not check_invariants(doc)
    return doc


def odd() -> Record:
    places = (
        Place("place:krakow", "Kraków", "city", 50.06143, 19.93658, "PL", 3094802),
        Place("place:paris", "Paris", "city", 48.85341, 2.3488, "FR", 2988507),
        Place("place:cairo", "Cairo", "city", 30.06263, 31.24967, "EG", 360630, ("القاهرة",)),
        Place("place:tokyo", "東京", "city", 35.6895, 139.69171, "JP", 1850147),
        Place("place:rome", "Rome", "city", 41.89193, 12.51133, "IT", 3169070),
        Place("place:atlantis", "Atlantis", "island", None, None),
    )
    entities = (
        Entity("person:subject", "PERSON", SUBJECT_NAME, ("Зоя Окава",), 3, True),
        Entity("person:petr", "PERSON", "Пётр Иванов", (), 1),
        Entity("person:jean", "PERSON", 'Jean "Jack" O\'Neil', ("Jack",), 1),
        Entity("person:ann-smith", "PERSON", "Ann Smith", (), 1),
        Entity("org:union", "ORG", "Union of {Free} Writers", ("UFW",), 1),
        Entity("org:penguin", "ORG", "Penguin & Sons", (), 1),
        Entity("place:paris", "PLACE", "Paris", (), 3),
        Entity("place:cairo", "PLACE", "Cairo", ("القاهرة",), 1),
    )
    mentions = (
        mention('Zoë "Zed" Ōkawa', "PERSON", "person:subject"),
        mention("Зоя Окава", "PERSON", "person:subject"),
        mention("Kraków", "PLACE", "place:krakow"),
        mention("東京", "PLACE", "place:tokyo"),
        mention("Union of {Free} Writers", "ORG", "org:union"),
        mention("Paris", "PLACE", "place:paris"),
        mention("Пётр Иванов", "PERSON", "person:petr"),
        mention("Cairo", "PLACE", "place:cairo"),
        mention('Jean "Jack" O\'Neil', "PERSON", "person:jean"),
        mention("Ann Smith", "PERSON", "person:ann-smith", "works_list"),
        mention("Penguin & Sons", "ORG", "org:penguin", "works_list"),
        mention("100% Proof\\Truth_#1", "WORK", "work:0", "works_list"),
        mention("Ночь", "WORK", "work:1", "works_list"),
        mention("Rome", "PLACE", "place:rome"),
        mention("Caesar", "PERSON", None),
    )
    times = (
        TimeExpr(at("3 March 1890").start, at("3 March 1890").end, "3 March 1890", "1890-03-03", "date"),
        TimeExpr(at("c. 1947").start, at("c. 1947").end, "c. 1947", "1947~", "date"),
        TimeExpr(at("spring 1927").start, at("spring 1927").end, "spring 1927", "1927-21", "date"),
        TimeExpr(at("44 BC").start, at("44 BC").end, "44 BC", "-0043", "date"),
    )
    works = (
        Work("work:0", "100% Proof\\Truth_#1", "1921~", "essay", ("Ann Smith", "John Doe"), (), "Penguin & Sons",
             "London", "<script>alert('x')</script>", "1920", (), (at("100% Proof\\Truth_#1 (1921~) translated"),)),
        Work("work:1", "Ночь", "1930", "novel", evidence=(at("Ночь (1930)"),)),
        Work("work:2", 'The "Long"\nNight {draft}', "192X", None),
    )
    events = (
        Event("born", "1890-03-03", "place:krakow", (), at("born 3 March 1890 in Kraków"), 0.9),
        Event("joined", "1913", "place:paris", ("org:union", "person:petr"),
              at("In 1913 she joined the Union of {Free} Writers in Paris with Пётр Иванов"), 0.8),
        Event("imprisoned", "1913/1917-01", "Paris", (), at("From 1913 to January 1917 she was imprisoned in Paris"), 0.8),
        Event("moved", "1927-21", "place:cairo", (), at("In spring 1927 she moved to Cairo (القاهرة)"), 0.7),
        Event("married", "1930", None, ("person:jean", "nobody-known"), at('She married Jean "Jack" O\'Neil\tin 1930'), 0.8),
        Event("traveled", "-0043-03-15", "place:rome", (), at("She visited Rome"), 0.3),
        Event("wrote", None, None, ("work:1",), at("She wrote letters"), 0.5),
        Event("published", "1921~", "place:atlantis", ("work:0",), at("100% Proof"), 0.6),
        Event("died", "1947~", "place:tokyo", (), at("died c. 1947 in 東京"), 0.9),
    )
    claims = (
        Claim(None, None, "say", SUBJECT_NAME, at("she is the best"), at('Critics said "she is the best".')),
        Claim("Пётр Иванов", "person:petr", "call", "100% Proof\\Truth_#1", None, at("She wrote letters.")),
    )
    subject = Subject("person:subject", SUBJECT_NAME, ("Зоя Окава",), "female", "1890-03-03", "Kraków", "1947~", "東京")
    return Record("zoe <odd> & co.txt", subject, mentions, entities, times, places, works, claims, events,
                  version="0.1.0")


def empty() -> Record:
    return Record("empty.txt", None)


def empty_document() -> Document:
    return Document(name="empty.txt", text="", format="text")


def malformed() -> Record:
    """Everything a broken upstream could hand over, short of a wrong type."""
    nan = float("nan")
    return Record(
        "broken.txt",
        Subject("person:ghost", "", ("", "\x00nul\ud800"), "other", "not-a-date", "Nowhere", "2020-13-45", None),
        mentions=(Mention(5, 999, "past the end", "PERSON", "person:missing"), Mention(0, 0, "", "DATE", None)),
        entities=(Entity("dup", "PERSON", "One"), Entity("dup", "ORG", "Two"), Entity("x", "WEIRD", "\x07bell")),
        times=(TimeExpr(0, 3, "abc", "garbage", "date"), TimeExpr(1, 2, "b", None, "relative")),
        places=(Place("p:nan", "NaN land", "city", nan, nan), Place("p:big", "Off map", "city", 123.0, 500.0),
                Place("p:inf", "Inf", "city", float("inf"), 0.0), Place("p:dup", "A", "city", 1.0, 1.0),
                Place("p:dup", "B", "city", 2.0, 2.0)),
        works=(Work("w", "", "1066/1065"), Work("w", "Same id", "..", "pamphlet"), Work("w2", "\ud800", "Y-170000000")),
        claims=(Claim(None, "ghost", "", None, Evidence(900, 1000), Evidence(0, 2000)),),
        events=(Event("", "", "", ("", "dup", "x"), Evidence(100, 5000), nan, ""),
                Event("born", "[..1939]", "p:nan", (), Evidence(0, 1), 2.5),
                Event("died", "1933/", "p:big", (), Evidence(0, 1))),
        version="",
    )


def malformed_document() -> Document:
    return Document(name="broken.txt", text="tiny", format="text")


CASES = {
    "odd": (odd, odd_document),
    "empty": (empty, empty_document),
    "malformed": (malformed, malformed_document),
}


# --------------------------------------------------------------------------- consumers

def load_back(fmt: str, data: bytes):
    """Load an export with the consuming tool's own library; raises if it is not valid."""
    if fmt in ("liferecord", "json", "timelinejs", "csl-json"):
        return json.loads(data.decode("utf-8"))
    if fmt == "jsonld":
        from pyld import jsonld

        return jsonld.expand(json.loads(data))
    if fmt == "turtle":
        import rdflib

        return rdflib.Graph().parse(data=data, format="turtle")
    if fmt == "geojson":
        import geojson

        obj = geojson.loads(data.decode("utf-8"))
        assert obj.is_valid, obj.errors()
        return obj
    if fmt == "csv":
        from vitagraph.export import csv as csv_export

        with zipfile.ZipFile(io.BytesIO(data)) as z:
            assert z.testzip() is None
        return csv_export.read(data)
    if fmt == "gexf":
        import networkx as nx

        return nx.read_gexf(io.BytesIO(data))
    if fmt == "graphml":
        import networkx as nx

        return nx.read_graphml(io.BytesIO(data))
    if fmt == "bibtex":
        import bibtexparser

        lib = bibtexparser.parse_string(data.decode("utf-8"))
        assert not lib.failed_blocks, lib.failed_blocks
        return lib
    if fmt == "quickstatements":
        from test_export_quickstatements import parse_qs

        return parse_qs(data.decode("utf-8"))
    raise AssertionError(f"no loader for {fmt}")


# --------------------------------------------------------------------------- every exporter

def test_registry_and_media_agree():
    assert set(EXPORTERS) == set(MEDIA)
    assert {"liferecord", "json", "jsonld", "turtle", "geojson", "csv", "gexf", "graphml", "csl-json", "bibtex",
            "timelinejs", "quickstatements"} <= set(EXPORTERS)


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_every_format_loads_back(fmt, case):
    make_record, make_doc = CASES[case]
    data = EXPORTERS[fmt](make_record(), make_doc())
    assert isinstance(data, bytes)
    if not MEDIA[fmt][2]:
        data.decode("utf-8")  # text formats are UTF-8
    load_back(fmt, data)


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_exports_are_deterministic(fmt):
    assert EXPORTERS[fmt](odd(), odd_document()) == EXPORTERS[fmt](odd(), odd_document())


@pytest.mark.parametrize("case", ["empty", "malformed"])
@pytest.mark.parametrize("fmt", ["json", "geojson", "timelinejs", "csl-json", "jsonld", "liferecord"])
def test_json_formats_are_strict_json(fmt, case):
    make_record, make_doc = CASES[case]
    data = EXPORTERS[fmt](make_record(), make_doc())
    json.loads(data, parse_constant=lambda c: (_ for _ in ()).throw(ValueError(f"{c} is not JSON")))


# --------------------------------------------------------------------------- the real record

@functools.cache
def serge_record():
    """The Victor Serge sample, extracted once per session (loads spaCy)."""
    import vitagraph
    from vitagraph.nlp import extract

    doc = vitagraph.read(vitagraph.sample_path())
    return extract(doc), doc


@pytest.fixture
def serge():
    return serge_record()


@pytest.mark.model
@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_serge_exports_load_back(serge, fmt):
    record, doc = serge
    data = EXPORTERS[fmt](record, doc)
    loaded = load_back(fmt, data)
    if fmt == "turtle":
        assert len(loaded) > 500
    if fmt == "csl-json":
        assert len(loaded) == len(record.works) > 10
    if fmt == "gexf":
        assert loaded.number_of_nodes() >= len(record.places) + len(record.works)


@pytest.mark.model
def test_serge_person_in_jsonld(serge):
    from vitagraph.export import jsonld

    record, doc = serge
    data = json.loads(jsonld.export(record, doc))
    person = next(n for n in data["@graph"] if n.get("@type") == "Person" and n["@id"] == "doc:person:subject")
    assert person["name"] == "Victor Serge"
    assert person["birthDate"] == {"@value": "1890-12-30", "@type": "xsd:date"}
    assert person["deathDate"] == {"@value": "1947-11-17", "@type": "xsd:date"}
    place = next(n for n in data["@graph"] if n["@id"] == person["birthPlace"]["@id"])
    assert place["name"] == "Brussels" and math.isclose(float(place["latitude"]["@value"]), 50.85, abs_tol=0.1)


def test_csv_module_is_the_stdlib_inside_the_package():
    # export/csv.py and export/json.py must not shadow the standard library for each other
    assert hasattr(_csv, "writer") and _csv.__file__ and "vitagraph" not in _csv.__file__
    assert Path(json.__file__).name == "__init__.py" and "vitagraph" not in json.__file__
