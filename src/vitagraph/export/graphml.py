"""GraphML: the network of ``_network.py`` for networkx, Gephi, yEd and Cytoscape.

The same nodes, edges and attributes as the GEXF export, plus ``label`` on
nodes and ``weight`` on edges as ordinary GraphML data keys.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..document import Document
from ..model import Record
from . import _network
from ._common import clean, encode, xml_value as _value

NS = "http://graphml.graphdrawing.org/xmlns"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def export(record: Record, document: Document) -> bytes:
    net = _network.build(record, document)
    root = ET.Element("graphml", {
        "xmlns": NS, "xmlns:xsi": XSI,
        "xsi:schemaLocation": f"{NS} {NS}/1.0/graphml.xsd",
    })
    keys: dict[tuple[str, str], str] = {}
    node_attrs = [("label", "string"), *_network.NODE_ATTRS]
    edge_attrs = [("weight", "double"), *_network.EDGE_ATTRS]
    for cls, attrs in (("node", node_attrs), ("edge", edge_attrs)):
        for name, typ in attrs:
            key = f"{cls[0]}{len(keys)}"
            keys[(cls, name)] = key
            ET.SubElement(root, "key", {"id": key, "for": cls, "attr.name": name, "attr.type": typ})
    graph = ET.SubElement(root, "graph", {"id": "G", "edgedefault": "undirected"})
    ET.SubElement(graph, "desc").text = clean(f"{net.title} ({document.name}), vitagraph {record.version}")
    for n in net.nodes.values():
        el = ET.SubElement(graph, "node", {"id": clean(n.id)})
        ET.SubElement(el, "data", {"key": keys[("node", "label")]}).text = clean(n.label)
        for name, v in n.attrs.items():
            ET.SubElement(el, "data", {"key": keys[("node", name)]}).text = _value(v)
    for i, e in enumerate(net.edges.values()):
        el = ET.SubElement(graph, "edge", {"id": f"e{i}", "source": clean(e.source), "target": clean(e.target)})
        ET.SubElement(el, "data", {"key": keys[("edge", "weight")]}).text = repr(e.weight)
        for name, v in e.attrs().items():
            ET.SubElement(el, "data", {"key": keys[("edge", name)]}).text = _value(v)
    ET.indent(root)
    return encode('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n")
