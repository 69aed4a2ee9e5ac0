"""A Record as RDF: schema.org plus a small ``vg:`` vocabulary, serialized with the standard library.

One graph builder (``graph``) feeds both the Turtle and the JSON-LD exports and
``vitagraph sparql``, so the three always say the same thing. The vocabulary is
documented in ``export/vocabulary.md``; in short:

* IRIs. A document is ``urn:vitagraph:doc:<sha256 of its text>``; everything read
  from it is ``<document>#<id>``: ``#person:leon-trotsky``, ``#place:brussels``,
  ``#work:3``, ``#event:0``, ``#claim:2``, the subject ``#person:subject`` (its
  record id), and evidence spans ``#span:<start>-<end>``.
* schema.org (``http://schema.org/``, the IRIs of schema.org's own JSON-LD
  context) for persons, organizations, places, events and works.
* Dates: a value that is exactly a day, month or year is an ``xsd:date``,
  ``xsd:gYearMonth`` or ``xsd:gYear`` literal; anything else (approximate,
  uncertain, a season, an interval end with a qualifier) stays an EDTF literal
  typed ``<http://id.loc.gov/datatypes/edtf/EDTF>``, so the uncertainty survives.
  Events also carry the whole EDTF value (``vg:date``) and the earliest and
  latest possible day (``vg:earliest``/``vg:latest``, ``xsd:date``) for filtering.
* Provenance: every event, work, claim and entity points (``vg:evidence``,
  ``vg:mention``) at ``oa:TextPositionSelector`` nodes (W3C Web Annotation:
  ``oa:start``/``oa:end``, half-open code-point offsets into the document text)
  that carry the quoted text (``vg:quote``) and their document (``vg:inDocument``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator, Union
from urllib.parse import quote as _pct

from .document import Document
from .export import _dates
from .export._common import Index, clean, coords, finite, kind_of, quote, slug
from .model import Evidence, Record

SCHEMA = "http://schema.org/"
VG = "urn:vitagraph:vocab#"
OA = "http://www.w3.org/ns/oa#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
EDTF = "http://id.loc.gov/datatypes/edtf/"
EDTF_DATATYPE = EDTF + "EDTF"
DOC_PREFIX = "urn:vitagraph:doc:"

PREFIXES = {"schema": SCHEMA, "vg": VG, "oa": OA, "xsd": XSD, "rdf": RDF, "edtf": EDTF}

RDF_TYPE = RDF + "type"

MEMBERSHIP_EVENTS = ("joined", "left", "expelled")
"""Event types whose organizations the subject was a member of (``schema:memberOf``)."""


class IRI(str):
    """An IRI (a plain str subclass so it sorts and hashes like one)."""


@dataclass(frozen=True, slots=True)
class Literal:
    value: str
    datatype: str = XSD + "string"


Term = Union[IRI, Literal]


def document_iri(document: Document) -> IRI:
    return IRI(DOC_PREFIX + document.sha256)


def _local(doc: str, local: str) -> IRI:
    return IRI(f"{doc}#{_pct(local, safe=':=,@!$&()*+;-._~')}")


def _date_literal(value: str | None) -> Literal | None:
    """xsd:date/gYearMonth/gYear when the EDTF value is exactly that, else the EDTF literal."""
    if not value or _dates.parse(value) is None:
        return None
    p = _dates.exact(value)
    if p is not None:
        return _point_literal(p)
    return Literal(value, EDTF_DATATYPE)


def _point_literal(p: _dates.Point) -> Literal:
    dt = {"day": "date", "month": "gYearMonth", "year": "gYear"}[p.precision]
    return Literal(p.iso(), XSD + dt)


def _decimal(x: float) -> Literal:
    return Literal(format(Decimal(repr(x)), "f"), XSD + "decimal")


def _int(n: int) -> Literal:
    return Literal(str(int(n)), XSD + "integer")


class Graph:
    """Triples in insertion order, without duplicates; subjects grouped for serializing."""

    def __init__(self) -> None:
        self._seen: set[tuple[IRI, IRI, Term]] = set()
        self.nodes: dict[IRI, list[tuple[IRI, Term]]] = {}

    def add(self, s: IRI, p: str, o: Term | None) -> None:
        if o is None or (isinstance(o, Literal) and o.value == "" and o.datatype == XSD + "string"):
            return
        if isinstance(o, Literal):
            o = Literal(clean(o.value), o.datatype)
        t = (s, IRI(p), o)
        if t in self._seen:
            return
        self._seen.add(t)
        self.nodes.setdefault(s, []).append((IRI(p), o))

    def text(self, s: IRI, p: str, value: str | None) -> None:
        if value:
            self.add(s, p, Literal(value))

    def __iter__(self) -> Iterator[tuple[IRI, IRI, Term]]:
        for s, pos in self.nodes.items():
            for p, o in pos:
                yield s, p, o

    def __len__(self) -> int:
        return len(self._seen)


def graph(record: Record, document: Document) -> Graph:
    """The Record's RDF graph (see the module docstring and export/vocabulary.md)."""
    g = Graph()
    ix = Index(record)
    doc = document_iri(document)
    node = lambda local: _local(doc, local)  # noqa: E731
    S, V = SCHEMA, VG

    g.add(doc, RDF_TYPE, IRI(S + "CreativeWork"))
    g.text(doc, S + "name", document.display_title)
    g.text(doc, V + "fileName", document.name)
    g.text(doc, V + "sha256", document.sha256)
    g.text(doc, V + "extractor", f"vitagraph {record.version}".strip())

    evidence_nodes: dict[tuple[int, int], IRI] = {}

    def evidence(ev: Evidence | None) -> IRI | None:
        if ev is None:
            return None
        key = (ev.start, ev.end)
        if key not in evidence_nodes:
            n = node(f"span:{ev.start}-{ev.end}")
            evidence_nodes[key] = n
            g.add(n, RDF_TYPE, IRI(OA + "TextPositionSelector"))
            g.add(n, OA + "start", Literal(str(ev.start), XSD + "nonNegativeInteger"))
            g.add(n, OA + "end", Literal(str(ev.end), XSD + "nonNegativeInteger"))
            g.text(n, V + "quote", quote(document, ev))
            g.add(n, V + "inDocument", doc)
        return evidence_nodes[key]

    sid = ix.subject_id
    person = node(sid) if sid else None

    # -- the subject ----------------------------------------------------------
    s = record.subject
    if person is not None:
        g.add(person, RDF_TYPE, IRI(S + "Person"))
        g.add(person, S + "subjectOf", doc)
        g.add(doc, S + "about", person)
        ent = ix.entities.get(sid or "")
        names = [n for n in (s.name if s else None, ent.name if ent else None) if n]
        g.text(person, S + "name", names[0] if names else None)
        for a in (*(s.aliases if s else ()), *(ent.aliases if ent else ()), *names[1:]):
            if not names or a != names[0]:
                g.text(person, S + "alternateName", a)
        if s is not None:
            if s.gender in ("female", "male"):
                g.add(person, S + "gender", IRI(S + s.gender.capitalize()))
            g.add(person, S + "birthDate", _date_literal(s.born_date))
            g.add(person, S + "deathDate", _date_literal(s.died_date))
            for prop, name in (("birthPlace", s.born_place), ("deathPlace", s.died_place)):
                if not name:
                    continue
                p = ix.place(name)
                if p is not None:
                    g.add(person, S + prop, node(p.entity))
                else:
                    n = node("place-name:" + (slug(name) or name))
                    g.add(n, RDF_TYPE, IRI(S + "Place"))
                    g.text(n, S + "name", name)
                    g.add(person, S + prop, n)

    # -- places (record places first: they carry coordinates) -----------------
    def place_node(pid: str) -> IRI:
        n = node(pid)
        p = ix.places.get(pid)
        g.add(n, RDF_TYPE, IRI(S + "Place"))
        if p is not None:
            g.text(n, S + "name", p.name)
            for a in p.aliases:
                g.text(n, S + "alternateName", a)
            c = coords(p)
            if c is not None:
                g.add(n, S + "latitude", _decimal(c[0]))
                g.add(n, S + "longitude", _decimal(c[1]))
            g.text(n, V + "placeKind", p.kind)
            g.text(n, V + "countryCode", p.country)
            if isinstance(p.geonameid, int) and not isinstance(p.geonameid, bool) and p.geonameid > 0:
                g.add(n, S + "sameAs", IRI(f"https://sws.geonames.org/{p.geonameid}/"))
        return n

    for p in ix.places.values():
        place_node(p.entity)

    # -- entities -------------------------------------------------------------
    types = {"PERSON": "Person", "ORG": "Organization", "PLACE": "Place"}
    for e in ix.entities.values():
        if e.id == sid or e.label not in types:
            continue
        n = place_node(e.id) if e.label == "PLACE" else node(e.id)
        g.add(n, RDF_TYPE, IRI(S + types[e.label]))
        known = ix.places.get(e.id)
        if known is None:
            g.text(n, S + "name", e.name)
        for a in (e.name, *e.aliases) if known is not None else e.aliases:
            if known is None or a != known.name:
                g.text(n, S + "alternateName", a)
        if e.mentions:
            g.add(n, V + "mentionCount", _int(e.mentions))

    # -- agents named only by a string (translators, publishers) --------------
    def agent(name: str, label: str) -> IRI:
        e = ix.entity_by_name(label, name) or ix.entity_by_name("PERSON" if label == "ORG" else "ORG", name)
        if e is not None:
            return node(e.id)
        n = node("agent:" + (slug(name) or name))
        g.add(n, RDF_TYPE, IRI(S + ("Organization" if label == "ORG" else "Person")))
        g.text(n, S + "name", name)
        return n

    # -- works ----------------------------------------------------------------
    for w in ix.works.values():
        n = node(w.id)
        g.add(n, RDF_TYPE, IRI(S + ("Book" if kind_of(w) == "book" else "CreativeWork")))
        g.text(n, S + "name", w.title)
        for a in w.aliases:
            if a != w.original_title:
                g.text(n, S + "alternateName", a)
        g.add(n, S + "author", person)
        g.add(n, S + "datePublished", _date_literal(w.year))
        g.text(n, S + "genre", w.kind)
        for t in w.translators:
            g.add(n, S + "translator", agent(t, "PERSON"))
        for ed in w.editors:
            g.add(n, S + "editor", agent(ed, "PERSON"))
        if w.publisher:
            g.add(n, S + "publisher", agent(w.publisher, "ORG"))
        g.text(n, V + "publicationPlace", w.place)
        if w.original_title and w.original_title != w.title:
            o = node(w.id + ":original")
            g.add(o, RDF_TYPE, IRI(S + "CreativeWork"))
            g.text(o, S + "name", w.original_title)
            g.add(o, S + "author", person)
            g.add(o, S + "datePublished", _date_literal(w.original_year))
            g.add(n, S + "translationOfWork", o)
            g.add(o, S + "workTranslation", n)
        for ev in w.evidence:
            g.add(n, V + "evidence", evidence(ev))

    # -- events ---------------------------------------------------------------
    for i, ev in enumerate(record.events):
        n = node(f"event:{i}")
        g.add(n, RDF_TYPE, IRI(S + "Event"))
        when = _dates.describe(ev.date) if _dates.parse(ev.date) else ""
        g.text(n, S + "name", f"{ev.type} ({when})" if when else ev.type)
        g.text(n, V + "eventType", ev.type)
        g.add(n, S + "about", person)
        if _dates.parse(ev.date) is not None:
            assert ev.date is not None
            g.add(n, V + "date", Literal(ev.date, EDTF_DATATYPE))
            lo, hi = _dates.day_bounds(ev.date)
            if lo:
                g.add(n, V + "earliest", Literal(lo.iso(), XSD + "date"))
            if hi:
                g.add(n, V + "latest", Literal(hi.iso(), XSD + "date"))
            for prop, end in zip(("startDate", "endDate"), _interval_ends(ev.date)):
                g.add(n, S + prop, end)
        place = ix.event_place(ev)
        if place is not None:
            g.add(n, S + "location", node(place.entity))
        elif ev.place:
            g.text(n, V + "placeName", ev.place)
        for ref in ev.participants:
            kind = ix.kind(ref)
            if kind in ("person", "organization"):
                g.add(n, S + "attendee", node(ref))
                if person is not None:
                    _relate(g, person, node(ref), kind, ev.type)
            elif kind == "work":
                g.add(n, S + "workFeatured", node(ref))
            elif kind == "place":
                g.add(n, S + "location", node(ref))
            elif kind is None:
                g.text(n, V + "participantName", ref)
        conf = finite(ev.confidence)
        if conf is not None:
            g.add(n, V + "confidence", _decimal(round(conf, 3)))
        g.text(n, V + "component", ev.component)
        g.add(n, V + "evidence", evidence(ev.evidence))

    # -- claims ---------------------------------------------------------------
    titles = {w.title: w.id for w in ix.works.values()}
    for i, c in enumerate(record.claims):
        n = node(f"claim:{i}")
        g.add(n, RDF_TYPE, IRI(V + "Claim"))
        if c.speaker_entity and ix.kind(c.speaker_entity) in ("person", "organization", "subject"):
            g.add(n, V + "speaker", node(c.speaker_entity))
        g.text(n, V + "speakerName", c.speaker)
        g.text(n, V + "verb", c.verb)
        if c.about and s is not None and c.about in (s.name, *s.aliases) and person is not None:
            g.add(n, S + "about", person)
        elif c.about and c.about in titles:
            g.add(n, S + "about", node(titles[c.about]))
        else:
            g.text(n, V + "aboutText", c.about)
        g.add(n, V + "quoteSpan", evidence(c.quote))
        g.add(n, V + "evidence", evidence(c.evidence))
    # -- where each entity is named (last, so each node reads name first) ------
    for m in record.mentions:
        if m.entity and (m.entity in ix.entities or m.entity in ix.places or m.entity == sid):
            g.add(node(m.entity), V + "mention", evidence(Evidence(m.start, m.end)))

    return g


def _interval_ends(value: str) -> tuple[Literal | None, Literal | None]:
    """schema:startDate / endDate of an event: each end exact (XSD) or as EDTF; sets give neither."""
    v = _dates.parse(value)
    if isinstance(v, _dates.Interval):
        out = []
        for end in (v.start, v.end):
            out.append(_date_literal(str(end)) if isinstance(end, _dates.Date) else None)
        return out[0], out[1]
    if isinstance(v, _dates.Date):
        return _date_literal(value), None
    return None, None


def _relate(g: Graph, person: IRI, other: IRI, kind: str, etype: str) -> None:
    S = SCHEMA
    if kind == "organization":
        if etype in MEMBERSHIP_EVENTS:
            g.add(person, S + "memberOf", other)
        elif etype == "worked":
            g.add(person, S + "worksFor", other)
        elif etype == "founded":
            g.add(other, S + "founder", person)
        return
    g.add(person, S + "knows", other)
    if etype == "married":
        g.add(person, S + "spouse", other)
    elif etype == "child":
        g.add(person, S + "children", other)


# --------------------------------------------------------------------------- Turtle

_PN_LOCAL = re.compile(r"[A-Za-z0-9_]([A-Za-z0-9_:.\-]*[A-Za-z0-9_:\-])?")
_ESC = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _turtle_string(s: str) -> str:
    out = []
    for ch in s:
        if ch in _ESC:
            out.append(_ESC[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _turtle_iri(iri: str, prefixes: dict[str, str]) -> str:
    for name, ns in prefixes.items():
        if iri.startswith(ns) and _PN_LOCAL.fullmatch(iri[len(ns):]):
            return f"{name}:{iri[len(ns):]}"
    out = []
    for ch in iri:
        if ord(ch) <= 0x20 or ch in '<>"{}|^`\\':
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return "<" + "".join(out) + ">"


_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?[0-9]*\.[0-9]+")


def _turtle_term(o: Term, prefixes: dict[str, str]) -> str:
    if isinstance(o, IRI):
        return _turtle_iri(o, prefixes)
    if o.datatype == XSD + "string":
        return _turtle_string(o.value)
    if o.datatype == XSD + "integer" and _INTEGER.fullmatch(o.value):
        return o.value
    if o.datatype == XSD + "decimal" and _DECIMAL.fullmatch(o.value):
        return o.value
    return f"{_turtle_string(o.value)}^^{_turtle_iri(o.datatype, prefixes)}"


def turtle(g: Graph, document: Document) -> str:
    prefixes = dict(PREFIXES)
    prefixes["doc"] = document_iri(document) + "#"
    lines = [f"@prefix {name}: <{ns}> ." for name, ns in prefixes.items()]
    lines.append("")
    for s, pos in g.nodes.items():
        types = [o for p, o in pos if p == RDF_TYPE]
        rest = [(p, o) for p, o in pos if p != RDF_TYPE]
        parts = []
        if types:
            parts.append("a " + ", ".join(_turtle_term(t, prefixes) for t in types))
        grouped: dict[str, list[Term]] = {}
        for p, o in rest:
            grouped.setdefault(p, []).append(o)
        for p, objs in grouped.items():
            parts.append(_turtle_iri(p, prefixes) + " " + ", ".join(_turtle_term(o, prefixes) for o in objs))
        lines.append(_turtle_iri(s, prefixes) + " " + " ;\n    ".join(parts) + " .")
        lines.append("")
    return "\n".join(lines)


# --------------------------------------------------------------------------- JSON-LD

def context(document: Document) -> dict[str, str]:
    ctx = {"@vocab": SCHEMA, **{k: v for k, v in PREFIXES.items() if k != "rdf"}}
    ctx["doc"] = document_iri(document) + "#"
    return ctx


def _compact(iri: str, ctx: dict[str, str], vocab: bool) -> str:
    if vocab and iri.startswith(SCHEMA) and re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", iri[len(SCHEMA):]):
        return iri[len(SCHEMA):]
    for name, ns in ctx.items():
        if name.startswith("@") or name == "schema" and vocab:
            continue
        local = iri[len(ns):]
        if iri.startswith(ns) and local and re.fullmatch(r"[^/?#\s]*", local):
            return f"{name}:{local}"
    return iri


def jsonld(g: Graph, document: Document) -> dict[str, object]:
    """A JSON-LD document with an inline context (no network needed to expand it)."""
    ctx = context(document)
    nodes = []
    for s, pos in g.nodes.items():
        obj: dict[str, object] = {"@id": _compact(s, ctx, False)}
        types = [_compact(o, ctx, True) for p, o in pos if p == RDF_TYPE]
        if types:
            obj["@type"] = types[0] if len(types) == 1 else types
        for p, o in pos:
            if p == RDF_TYPE:
                continue
            key = _compact(p, ctx, True)
            if isinstance(o, IRI):
                value: object = {"@id": _compact(o, ctx, False)}
            elif o.datatype == XSD + "string":
                value = o.value
            elif o.datatype == XSD + "integer" and _INTEGER.fullmatch(o.value) and not o.value.startswith("+"):
                value = int(o.value)
            else:
                value = {"@value": o.value, "@type": _compact(o.datatype, ctx, False)}
            if key in obj:
                prev = obj[key]
                obj[key] = (prev if isinstance(prev, list) else [prev]) + [value]
            else:
                obj[key] = value
        nodes.append(obj)
    return {"@context": ctx, "@graph": nodes}
