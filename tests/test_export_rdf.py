"""Turtle and JSON-LD: the same graph, read by rdflib, pyld and pyoxigraph; and `vitagraph sparql`."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
import rdflib
from pyld import jsonld as pyld
from rdflib import RDF, Literal, Namespace, URIRef
from typer.testing import CliRunner

from test_export_common import SUBJECT_NAME, empty, empty_document, odd, odd_document
from vitagraph import rdf
from vitagraph.cli import app
from vitagraph.export import jsonld, turtle
from vitagraph.store import Store

SDO = Namespace(rdf.SCHEMA)
VG = Namespace(rdf.VG)
XSD = Namespace(rdf.XSD)
EDTF = URIRef(rdf.EDTF_DATATYPE)

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own ConjunctiveGraph notices


def graphs(record=None, document=None):
    record, document = record or odd(), document or odd_document()
    t = rdflib.Graph().parse(data=turtle.export(record, document), format="turtle")
    j = rdflib.Graph().parse(data=jsonld.export(record, document), format="json-ld")
    return t, j


def node(local: str) -> URIRef:
    return URIRef(rdf.document_iri(odd_document()) + "#" + local)


def test_turtle_and_jsonld_are_the_same_graph():
    t, j = graphs()
    assert len(t) > 100
    assert set(t) == set(j)


def test_jsonld_expands_offline_with_pyld_and_to_the_same_triples():
    data = json.loads(jsonld.export(odd(), odd_document()))
    assert isinstance(data["@context"], dict)  # inline: no network needed
    expanded = pyld.expand(data)
    assert any("http://schema.org/Person" in n.get("@type", []) for n in expanded)
    nquads = pyld.to_rdf(data, {"format": "application/n-quads"})
    g = rdflib.Graph().parse(data=nquads, format="nquads")
    assert set(g) == set(graphs()[0])


def test_pyoxigraph_reads_the_turtle():
    store = ox.Store()
    store.load(turtle.export(odd(), odd_document()), format=ox.RdfFormat.TURTLE)
    assert len(store) == len(graphs()[0])


def test_person():
    g, _ = graphs()
    p = node("person:subject")
    assert (p, RDF.type, SDO.Person) in g
    assert (p, SDO.name, Literal(SUBJECT_NAME)) in g
    assert (p, SDO.alternateName, Literal("Зоя Окава")) in g
    assert (p, SDO.birthDate, Literal("1890-03-03", datatype=XSD.date)) in g
    # approximate: kept as EDTF, not flattened to a year
    assert (p, SDO.deathDate, Literal("1947~", datatype=EDTF)) in g
    assert (p, SDO.birthPlace, node("place:krakow")) in g
    assert (p, SDO.deathPlace, node("place:tokyo")) in g
    assert (p, SDO.gender, SDO.Female) in g
    assert (p, SDO.memberOf, node("org:union")) in g  # joined
    assert (p, SDO.knows, node("person:petr")) in g
    assert (p, SDO.spouse, node("person:jean")) in g
    assert (node("place:tokyo"), SDO.name, Literal("東京")) in g
    assert (node("place:krakow"), SDO.latitude, Literal("50.06143", datatype=XSD.decimal)) in g


def test_events():
    g, _ = graphs()
    imprisoned = node("event:2")
    assert (imprisoned, RDF.type, SDO.Event) in g
    assert (imprisoned, VG.eventType, Literal("imprisoned")) in g
    assert (imprisoned, SDO.startDate, Literal("1913", datatype=XSD.gYear)) in g
    assert (imprisoned, SDO.endDate, Literal("1917-01", datatype=XSD.gYearMonth)) in g
    assert (imprisoned, VG.date, Literal("1913/1917-01", datatype=EDTF)) in g
    assert (imprisoned, VG.earliest, Literal("1913-01-01", datatype=XSD.date)) in g
    assert (imprisoned, VG.latest, Literal("1917-01-31", datatype=XSD.date)) in g
    assert (imprisoned, SDO.location, node("place:paris")) in g  # the place was given by name
    spring = node("event:3")
    assert (spring, SDO.startDate, Literal("1927-21", datatype=EDTF)) in g  # a season is no gYearMonth
    bc = node("event:5")
    assert (bc, SDO.startDate, Literal("-0043-03-15", datatype=XSD.date)) in g
    married = node("event:4")
    assert (married, SDO.attendee, node("person:jean")) in g
    assert (married, VG.participantName, Literal("nobody-known")) in g
    undated = node("event:6")
    assert not list(g.objects(undated, SDO.startDate)) and not list(g.objects(undated, VG.date))
    assert (undated, SDO.workFeatured, node("work:1")) in g


def test_evidence_is_a_text_position_selector_with_its_quote():
    g, _ = graphs()
    oa = Namespace(rdf.OA)
    text = odd_document().text
    evs = list(g.objects(node("event:4"), VG.evidence))
    assert len(evs) == 1
    start, end = int(g.value(evs[0], oa.start)), int(g.value(evs[0], oa.end))
    assert (evs[0], RDF.type, oa.TextPositionSelector) in g
    assert str(g.value(evs[0], VG.quote)) == text[start:end] == 'She married Jean "Jack" O\'Neil\tin 1930'
    assert (evs[0], VG.inDocument, URIRef(rdf.document_iri(odd_document()))) in g


def test_works():
    g, _ = graphs()
    w = node("work:0")
    assert (w, RDF.type, SDO.CreativeWork) in g  # an essay is not a Book
    assert (node("work:1"), RDF.type, SDO.Book) in g  # a novel is
    assert (w, SDO.name, Literal("100% Proof\\Truth_#1")) in g
    assert (w, SDO.author, node("person:subject")) in g
    assert (w, SDO.datePublished, Literal("1921~", datatype=EDTF)) in g
    assert (w, SDO.translator, node("person:ann-smith")) in g  # matched to the entity
    names = {str(g.value(t, SDO.name)) for t in g.objects(w, SDO.translator)}
    assert names == {"Ann Smith", "John Doe"}
    assert (w, SDO.publisher, node("org:penguin")) in g
    original = g.value(w, SDO.translationOfWork)
    assert str(g.value(original, SDO.name)) == "<script>alert('x')</script>"
    assert (original, SDO.datePublished, Literal("1920", datatype=XSD.gYear)) in g
    assert (node("work:2"), SDO.name, Literal('The "Long"\nNight {draft}')) in g


def test_odd_names_survive_exactly():
    t, j = graphs()
    for g in (t, j):
        names = {str(o) for o in g.objects(None, SDO.name)}
        assert {SUBJECT_NAME, 'Jean "Jack" O\'Neil', "Union of {Free} Writers", "Пётр Иванов", "東京"} <= names


def test_empty_record_is_a_small_valid_graph():
    t, j = graphs(empty(), empty_document())
    assert set(t) == set(j)
    assert len(t) < 10  # the document node only


def _db(tmp_path):
    path = tmp_path / "rdf.db"
    with Store(path) as s:
        s.save(odd_document(), odd())
    return str(path)


def test_sparql_command(tmp_path):
    db = _db(tmp_path)
    runner = CliRunner()
    q = "SELECT ?born WHERE { ?p a schema:Person ; schema:birthDate ?born }"
    result = runner.invoke(app, ["sparql", q, "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["results"]["bindings"][0]["born"]["value"] == "1890-03-03"
    table = runner.invoke(app, ["sparql", "SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n } ORDER BY ?n",
                                "--db", db])
    assert table.exit_code == 0 and "Пётр Иванов" in table.stdout
    ask = runner.invoke(app, ["sparql", "ASK { ?e vg:eventType \"imprisoned\" }", "--db", db])
    assert ask.stdout.strip() == "true"
    csv = runner.invoke(app, ["sparql", "SELECT ?d WHERE { ?e vg:date ?d } ORDER BY ?d", "--db", db,
                              "--output-format", "csv"])
    assert csv.exit_code == 0 and "1947~" in csv.stdout
    bad = runner.invoke(app, ["sparql", "SELEC nothing", "--db", db])
    assert bad.exit_code == 2 and "not valid SPARQL" in bad.output


def test_sparql_filters_on_uncertain_dates(tmp_path):
    db = _db(tmp_path)
    # events that could have happened in 1915: their earliest day is before, their latest after
    q = """SELECT ?type WHERE { ?e vg:eventType ?type ; vg:earliest ?lo ; vg:latest ?hi
           FILTER(?lo <= "1915-06-01"^^xsd:date && ?hi >= "1915-06-01"^^xsd:date) }"""
    result = CliRunner().invoke(app, ["sparql", q, "--db", db, "--output-format", "tsv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == ["?type", '"imprisoned"']


def test_every_term_used_is_documented():
    from pathlib import Path

    import vitagraph

    doc = (Path(vitagraph.__file__).parent / "export" / "vocabulary.md").read_text(encoding="utf-8")
    g, _ = graphs()
    used = {str(p) for p in g.predicates()} | {str(o) for o in g.objects(None, RDF.type)}
    for iri in sorted(used):
        for prefix, ns in (("vg", rdf.VG), ("schema", rdf.SCHEMA), ("oa", rdf.OA)):
            if iri.startswith(ns):
                assert f"`{prefix}:{iri[len(ns):]}`" in doc, f"{prefix}:{iri[len(ns):]} is not in vocabulary.md"
