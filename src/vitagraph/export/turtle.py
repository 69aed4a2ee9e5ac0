"""Turtle (RDF 1.1): schema.org plus the ``vg:`` vocabulary of ``export/vocabulary.md``.

EDTF values that XSD cannot hold exactly stay typed literals
(``"1921~"^^edtf:EDTF``), so approximate and uncertain dates keep their
qualifiers. Written with the standard library; ``vitagraph sparql`` loads it.
"""

from __future__ import annotations

from .. import rdf as _rdf
from ..document import Document
from ..model import Record
from ._common import encode


def export(record: Record, document: Document) -> bytes:
    return encode(_rdf.turtle(_rdf.graph(record, document), document))
