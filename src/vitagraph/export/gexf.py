"""GEXF 1.3, Gephi's own format: the network of ``_network.py``, coloured by kind.

Node attributes: ``kind`` (subject, person, organization, place, work),
``mentions``, ``aliases``, ``lat``/``lon`` (places), ``year`` (works); edge
attributes: ``relation``, ``dates`` (EDTF), ``start``/``end`` (ISO days),
``evidence`` (``start-end`` spans) and the edge ``weight``. Nodes carry a
``viz:color`` per kind and a ``viz:size`` growing with their mentions.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

from ..document import Document
from ..model import Record
from . import _network
from ._common import clean, encode, xml_value as _value

NS = "http://gexf.net/1.3"
VIZ = "http://gexf.net/1.3/viz"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def export(record: Record, document: Document) -> bytes:
    net = _network.build(record, document)
    root = ET.Element("gexf", {
        "xmlns": NS, "xmlns:viz": VIZ, "xmlns:xsi": XSI,
        "xsi:schemaLocation": f"{NS} {NS}/gexf.xsd", "version": "1.3",
    })
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = f"vitagraph {record.version}".strip()
    ET.SubElement(meta, "description").text = clean(f"{net.title} ({document.name})")
    graph = ET.SubElement(root, "graph", {"defaultedgetype": "undirected", "mode": "static"})
    for cls, attrs in (("node", _network.NODE_ATTRS), ("edge", _network.EDGE_ATTRS)):
        block = ET.SubElement(graph, "attributes", {"class": cls, "mode": "static"})
        for i, (name, typ) in enumerate(attrs):
            ET.SubElement(block, "attribute", {"id": str(i), "title": name, "type": typ})
    node_ids = {name: str(i) for i, (name, _) in enumerate(_network.NODE_ATTRS)}
    edge_ids = {name: str(i) for i, (name, _) in enumerate(_network.EDGE_ATTRS)}

    nodes = ET.SubElement(graph, "nodes")
    for n in net.nodes.values():
        el = ET.SubElement(nodes, "node", {"id": clean(n.id), "label": clean(n.label)})
        values = ET.SubElement(el, "attvalues")
        for name, v in n.attrs.items():
            ET.SubElement(values, "attvalue", {"for": node_ids[name], "value": _value(v)})
        r, g, b = _network.COLORS.get(n.kind, (127, 127, 127))
        ET.SubElement(el, "viz:color", {"r": str(r), "g": str(g), "b": str(b), "a": "1.0"})
        mentions = n.attrs.get("mentions") or 0
        ET.SubElement(el, "viz:size", {"value": repr(round(4.0 + 4.0 * math.log1p(max(0, mentions)), 2))})
    edges = ET.SubElement(graph, "edges")
    for i, e in enumerate(net.edges.values()):
        el = ET.SubElement(edges, "edge", {"id": str(i), "source": clean(e.source), "target": clean(e.target),
                                           "weight": repr(e.weight)})
        values = ET.SubElement(el, "attvalues")
        for name, v in e.attrs().items():
            ET.SubElement(values, "attvalue", {"for": edge_ids[name], "value": _value(v)})
    ET.indent(root)
    return encode('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n")
