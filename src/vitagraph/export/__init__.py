"""Exports: one module per format, each ``export(record, document) -> bytes``.

Every exporter writes a valid file of its format for any Record, including an
empty or malformed one (facts it cannot place are left out, never a crash).
``MEDIA`` gives each format's file extension and whether it is binary.
"""

from __future__ import annotations

from typing import Callable

from ..document import Document
from ..model import Record
from . import (
    bibtex,
    csl_json,
    csv,
    geojson,
    gexf,
    graphml,
    json,
    jsonld,
    liferecord,
    quickstatements,
    timelinejs,
    turtle,
)

EXPORTERS: dict[str, Callable[[Record, Document], bytes]] = {
    "liferecord": liferecord.export,
    "json": json.export,
    "jsonld": jsonld.export,
    "turtle": turtle.export,
    "geojson": geojson.export,
    "csv": csv.export,
    "gexf": gexf.export,
    "graphml": graphml.export,
    "csl-json": csl_json.export,
    "bibtex": bibtex.export,
    "timelinejs": timelinejs.export,
    "quickstatements": quickstatements.export,
}

MEDIA: dict[str, tuple[str, str, bool]] = {
    # format: (file extension, media type, binary)
    "liferecord": (".liferecord.json", "application/json", False),
    "json": (".json", "application/json", False),
    "jsonld": (".jsonld", "application/ld+json", False),
    "turtle": (".ttl", "text/turtle", False),
    "geojson": (".geojson", "application/geo+json", False),
    "csv": (".zip", "application/zip", True),
    "gexf": (".gexf", "application/gexf+xml", False),
    "graphml": (".graphml", "application/graphml+xml", False),
    "csl-json": (".csl.json", "application/vnd.citationstyles.csl+json", False),
    "bibtex": (".bib", "application/x-bibtex", False),
    "timelinejs": (".timeline.json", "application/json", False),
    "quickstatements": (".qs.tsv", "text/tab-separated-values", False),
}

__all__ = ["EXPORTERS", "MEDIA"]
