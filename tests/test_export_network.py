"""GEXF and GraphML: networkx reads both back to the network we built, attribute for attribute."""

from __future__ import annotations

import io
import re

import networkx as nx
import pytest

from test_export_common import SUBJECT_NAME, empty, empty_document, malformed, malformed_document, odd, odd_document
from vitagraph.export import _network, gexf, graphml

READERS = {"gexf": (gexf.export, nx.read_gexf), "graphml": (graphml.export, nx.read_graphml)}


def read(fmt, record=None, document=None):
    export, reader = READERS[fmt]
    return reader(io.BytesIO(export(record or odd(), document or odd_document())))


@pytest.mark.parametrize("fmt", READERS)
def test_round_trip(fmt):
    net = _network.build(odd(), odd_document())
    g = read(fmt)
    assert not g.is_directed() and not g.is_multigraph()
    assert set(g.nodes) == set(net.nodes)
    assert {frozenset(e) for e in g.edges} == {frozenset(k) for k in net.edges}
    for node in net.nodes.values():
        data = g.nodes[node.id]
        assert data["label"] == node.label
        for name, value in node.attrs.items():
            assert data[name] == value, (node.id, name)
    for (a, b), edge in net.edges.items():
        data = g.edges[a, b]
        assert data["weight"] == edge.weight
        for name, value in edge.attrs().items():
            assert data[name] == value, (a, b, name)


@pytest.mark.parametrize("fmt", READERS)
def test_the_life_is_in_the_network(fmt):
    g = read(fmt)
    assert g.nodes["person:subject"]["label"] == SUBJECT_NAME
    assert g.nodes["person:subject"]["kind"] == "subject"
    assert g.nodes["place:tokyo"]["label"] == "東京"
    assert g.nodes["place:krakow"]["lat"] == 50.06143
    assert g.nodes["person:jean"]["label"] == 'Jean "Jack" O\'Neil'
    assert "joined" in g.edges["person:subject", "org:union"]["relation"]
    assert g.edges["person:subject", "org:union"]["dates"] == "1913"
    imprisoned = g.edges["person:subject", "place:paris"]
    assert "imprisoned" in imprisoned["relation"] and imprisoned["end"] == "1917-01-31"
    assert g.edges["work:0", "person:ann-smith"]["relation"] == "co-mention, translator"
    assert g.nodes["agent:john-doe"]["kind"] == "person"  # a translator named only in the works list
    assert g.edges["person:subject", "work:1"]["relation"].startswith("author")
    assert "born" in g.edges["person:subject", "place:krakow"]["relation"]
    assert "nobody-known" not in g.nodes


def test_gexf_carries_gephi_visuals():
    data = gexf.export(odd(), odd_document()).decode("utf-8")
    assert 'xmlns="http://gexf.net/1.3"' in data and 'version="1.3"' in data
    assert re.search(r'<viz:color r="\d+" g="\d+" b="\d+"', data)
    g = nx.read_gexf(io.BytesIO(data.encode("utf-8")))
    assert "viz" in g.nodes["person:subject"]


@pytest.mark.parametrize("fmt", READERS)
def test_empty_and_malformed(fmt):
    assert read(fmt, empty(), empty_document()).number_of_nodes() == 0
    g = read(fmt, malformed(), malformed_document())
    assert "dup" in g.nodes and "p:nan" in g.nodes
    assert "lat" not in g.nodes["p:nan"]  # NaN is left out, not written as NaN
    assert g.nodes["x"]["kind"] if "x" in g.nodes else True
