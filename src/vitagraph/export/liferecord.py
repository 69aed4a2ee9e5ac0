"""The ``liferecord/1`` JSON of shared/eval/FORMAT.md: what is scored.

People and organizations exclude the subject; places carry coordinates;
events carry verbatim quotes (the clause) and spans, so a scorer can find
them in the source by either.
"""

from __future__ import annotations

import json
from typing import Any

from ..document import Document
from ..model import Record
from ._common import coords, encode, finite


def to_dict(record: Record, document: Document) -> dict[str, Any]:
    text = document.text
    s = record.subject
    subject = None
    if s is not None:
        subject = {
            "name": s.name,
            "aliases": list(s.aliases),
            "born": {"date": s.born_date, "place": s.born_place},
            "died": {"date": s.died_date, "place": s.died_place},
        }
    by_id = {e.id: e for e in record.entities}
    place_names = {p.entity: p.name for p in record.places}
    events = []
    for ev in record.events:
        events.append(
            {
                "type": ev.type,
                "date": ev.date,
                "place": place_names.get(ev.place or "", ev.place),
                "with": [by_id[p].name if p in by_id else p for p in ev.participants],
                "quote": ev.evidence.of(text),
                "span": [ev.evidence.start, ev.evidence.end],
                "confidence": round(finite(ev.confidence) or 0.0, 3),
            }
        )
    from ..itinerary import itinerary

    return {
        "format": "liferecord/1",
        "document": record.document,
        "subject": subject,
        "events": events,
        "places": [
            {"name": p.name, "lat": (coords(p) or (None, None))[0], "lon": (coords(p) or (None, None))[1],
             "kind": p.kind, "aliases": list(p.aliases)}
            for p in record.places
        ],
        "people": [
            {"name": e.name, "aliases": list(e.aliases)}
            for e in record.entities
            if e.label == "PERSON" and not e.is_subject
        ],
        "organizations": [
            {"name": e.name, "aliases": list(e.aliases)} for e in record.entities if e.label == "ORG"
        ],
        "works": [
            {
                "title": w.title,
                "year": w.year,
                "kind": w.kind,
                "aliases": list(w.aliases),
                "translators": list(w.translators),
                "publisher": w.publisher,
                "original_title": w.original_title,
                "original_year": w.original_year,
            }
            for w in record.works
        ],
        "itinerary": [
            {"place": s.name, "from": s.start, "to": s.end, "overlap": s.overlap, "gap_before": s.gap_before}
            for s in itinerary(record)
        ],
    }


def export(record: Record, document: Document) -> bytes:
    """Strict JSON (no NaN) in UTF-8; a malformed record still exports (lone surrogates become U+FFFD)."""
    return encode(json.dumps(to_dict(record, document), ensure_ascii=False, indent=2, allow_nan=False) + "\n")
