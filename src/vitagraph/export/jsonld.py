"""JSON-LD: the same graph as the Turtle export, as schema.org nodes in one ``@graph``.

The subject is a ``Person`` (``birthDate``, ``birthPlace``, ``deathDate``,
``deathPlace``, ``alternateName``, ``memberOf``, ``knows``), events are
``Event`` nodes (``startDate``/``endDate``, ``location``), works ``Book`` or
``CreativeWork`` (``translator``, ``publisher``, ``translationOfWork``). The
``@context`` is inline, so any JSON-LD processor expands it offline; nodes refer
to each other by ``@id``.
"""

from __future__ import annotations

import json

from .. import rdf as _rdf
from ..document import Document
from ..model import Record
from ._common import encode


def export(record: Record, document: Document) -> bytes:
    data = _rdf.jsonld(_rdf.graph(record, document), document)
    return encode(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
