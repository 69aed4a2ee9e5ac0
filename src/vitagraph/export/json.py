"""``vitagraph-record/1``: the whole Record as JSON, with its provenance.

Everything the store keeps, field for field (so ``load(export(r, d)) == r``),
plus what makes it readable without the database: the source document's name,
title and SHA-256, and the quoted text of every evidence span beside its
``start``/``end`` character offsets (half-open, in Unicode code points, into the
document text). ``load`` ignores the quotes; offsets are the truth.
"""

from __future__ import annotations

import json
from typing import Any

from ..document import Document
from ..model import Claim, Entity, Event, Evidence, Mention, Place, Record, Subject, TimeExpr, Work
from ._common import encode, finite, quote

FORMAT = "vitagraph-record/1"


def _ev(ev: Evidence | None, document: Document) -> dict[str, Any] | None:
    if ev is None:
        return None
    return {"start": ev.start, "end": ev.end, "quote": quote(document, ev)}


def to_dict(record: Record, document: Document) -> dict[str, Any]:
    s = record.subject
    return {
        "format": FORMAT,
        "vitagraph": record.version,
        "document": record.document,
        "source": {
            "name": document.name,
            "title": document.display_title,
            "sha256": document.sha256,
            "format": document.format,
            "chars": len(document.text),
        },
        "subject": None if s is None else {
            "entity": s.entity, "name": s.name, "aliases": list(s.aliases), "gender": s.gender,
            "born_date": s.born_date, "born_place": s.born_place,
            "died_date": s.died_date, "died_place": s.died_place,
        },
        "entities": [
            {"id": e.id, "label": e.label, "name": e.name, "aliases": list(e.aliases),
             "mentions": e.mentions, "is_subject": e.is_subject}
            for e in record.entities
        ],
        "mentions": [
            {"start": m.start, "end": m.end, "text": m.text, "label": m.label, "entity": m.entity,
             "component": m.component}
            for m in record.mentions
        ],
        "times": [
            {"start": t.start, "end": t.end, "text": t.text, "value": t.value, "kind": t.kind,
             "anchored": t.anchored}
            for t in record.times
        ],
        "places": [
            {"entity": p.entity, "name": p.name, "kind": p.kind, "lat": finite(p.lat), "lon": finite(p.lon),
             "country": p.country, "geonameid": p.geonameid, "aliases": list(p.aliases),
             "score": finite(p.score)}
            for p in record.places
        ],
        "works": [
            {"id": w.id, "title": w.title, "year": w.year, "kind": w.kind,
             "translators": list(w.translators), "editors": list(w.editors), "publisher": w.publisher,
             "place": w.place, "original_title": w.original_title, "original_year": w.original_year,
             "aliases": list(w.aliases), "evidence": [_ev(e, document) for e in w.evidence]}
            for w in record.works
        ],
        "claims": [
            {"speaker": c.speaker, "speaker_entity": c.speaker_entity, "verb": c.verb, "about": c.about,
             "quote": _ev(c.quote, document), "evidence": _ev(c.evidence, document)}
            for c in record.claims
        ],
        "events": [
            {"type": e.type, "date": e.date, "place": e.place, "participants": list(e.participants),
             "evidence": _ev(e.evidence, document), "confidence": finite(e.confidence),
             "component": e.component}
            for e in record.events
        ],
    }


def export(record: Record, document: Document) -> bytes:
    data = to_dict(record, document)
    return encode(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n")


def _evidence(d: dict[str, Any] | None) -> Evidence | None:
    return None if d is None else Evidence(int(d["start"]), int(d["end"]))


def from_dict(data: dict[str, Any]) -> Record:
    """The Record back from ``to_dict`` output (quotes and source are ignored)."""
    if data.get("format") != FORMAT:
        raise ValueError(f"not a {FORMAT} document: format is {data.get('format')!r}")
    s = data.get("subject")
    subject = None if s is None else Subject(
        s["entity"], s["name"], tuple(s.get("aliases", ())), s.get("gender"),
        s.get("born_date"), s.get("born_place"), s.get("died_date"), s.get("died_place"),
    )
    return Record(
        document=data.get("document", ""),
        subject=subject,
        mentions=tuple(Mention(m["start"], m["end"], m["text"], m["label"], m.get("entity"), m.get("component", ""))
                       for m in data.get("mentions", ())),
        entities=tuple(Entity(e["id"], e["label"], e["name"], tuple(e.get("aliases", ())), e.get("mentions", 0),
                              bool(e.get("is_subject", False)))
                       for e in data.get("entities", ())),
        times=tuple(TimeExpr(t["start"], t["end"], t["text"], t.get("value"), t["kind"], bool(t.get("anchored", False)))
                    for t in data.get("times", ())),
        places=tuple(Place(p["entity"], p["name"], p["kind"], p.get("lat"), p.get("lon"), p.get("country"),
                           p.get("geonameid"), tuple(p.get("aliases", ())),
                           p["score"] if p.get("score") is not None else 0.0)
                     for p in data.get("places", ())),
        works=tuple(Work(w["id"], w["title"], w.get("year"), w.get("kind"), tuple(w.get("translators", ())),
                         tuple(w.get("editors", ())), w.get("publisher"), w.get("place"), w.get("original_title"),
                         w.get("original_year"), tuple(w.get("aliases", ())),
                         tuple(e for e in (_evidence(x) for x in w.get("evidence", ())) if e is not None))
                    for w in data.get("works", ())),
        claims=tuple(Claim(c.get("speaker"), c.get("speaker_entity"), c["verb"], c.get("about"),
                           _evidence(c.get("quote")), _evidence(c["evidence"]) or Evidence(0, 0))
                     for c in data.get("claims", ())),
        events=tuple(Event(e["type"], e.get("date"), e.get("place"), tuple(e.get("participants", ())),
                           _evidence(e["evidence"]) or Evidence(0, 0),
                           e["confidence"] if e.get("confidence") is not None else 0.5,
                           e.get("component", "events"))
                     for e in data.get("events", ())),
        version=data.get("vitagraph", ""),
    )


def load(data: bytes | str) -> Record:
    return from_dict(json.loads(data))
