"""GeoJSON (RFC 7946): places as Points with their events, the itinerary as a LineString.

One ``Point`` feature per place with coordinates (``[lon, lat]``, WGS 84), its
properties listing the events that happened there with their EDTF dates,
earliest/latest days and evidence; ``start``/``end`` (ISO dates) let QGIS's
temporal controller animate them. Places without coordinates are left out (their
names are in the collection's ``unlocated`` member).

The itinerary is one ``LineString`` through the places the subject lived, in
time order: the stays of ``vitagraph.itinerary`` (births, moves, exiles,
prisons; the same path ``vitagraph show --events`` prints), with the birthplace
first when no event states it and the place of death last. Its ``times`` (and
``coordinateProperties.times``, the convention of togeojson and geojson.io) give
the earliest day of each stop, ``dates`` and ``until`` the EDTF values of the
stay, ``flags`` the itinerary's ``overlap``/``gap_before`` marks. Fewer than
two located stops: no LineString.
"""

from __future__ import annotations

import json
from typing import Any

from ..document import Document
from ..itinerary import itinerary
from ..model import Place, Record
from . import _dates
from ._common import Index, coords, encode, finite, quote


def _position(p: Place) -> list[float] | None:
    c = coords(p)
    return None if c is None else [c[1], c[0]]


def to_dict(record: Record, document: Document) -> dict[str, Any]:
    ix = Index(record)
    s = record.subject
    by_place: dict[str, list[dict[str, Any]]] = {}
    for i, ev in enumerate(record.events):
        place = ix.event_place(ev)
        if place is None:
            continue
        valid = _dates.parse(ev.date) is not None
        lo, hi = _dates.iso_bounds(ev.date) if valid else (None, None)
        item = {
            "event": i,
            "type": ev.type,
            "date": ev.date if valid else None,
            "when": _dates.describe(ev.date) if valid else None,
            "earliest": lo,
            "latest": hi,
            "quote": quote(document, ev.evidence),
            "span": [ev.evidence.start, ev.evidence.end],
            "confidence": finite(ev.confidence),
        }
        by_place.setdefault(place.entity, []).append(item)
    if s is not None:
        stated = {e.type for e in record.events}
        for etype, date, name in (("born", s.born_date, s.born_place), ("died", s.died_date, s.died_place)):
            place = ix.place(name)
            if etype in stated or place is None:
                continue
            valid = _dates.parse(date) is not None
            lo, hi = _dates.iso_bounds(date) if valid else (None, None)
            item = {"event": None, "type": etype, "date": date if valid else None,
                    "when": _dates.describe(date) if valid else None, "earliest": lo, "latest": hi,
                    "quote": None, "span": None, "confidence": None}
            by_place.setdefault(place.entity, []).append(item)

    features: list[dict[str, Any]] = []
    unlocated = []
    roles = {}
    if s is not None:
        for role, name in (("birthplace", s.born_place), ("deathplace", s.died_place)):
            p = ix.place(name)
            if p is not None:
                roles.setdefault(p.entity, []).append(role)
    for p in ix.places.values():
        pos = _position(p)
        if pos is None:
            unlocated.append(p.name)
            continue
        events = sorted(by_place.get(p.entity, []), key=lambda e: _iso_key(e["earliest"] or e["latest"]))
        starts = [e["earliest"] for e in events if e["earliest"]]
        ends = [e["latest"] for e in events if e["latest"]]
        features.append({
            "type": "Feature",
            "id": p.entity,
            "geometry": {"type": "Point", "coordinates": pos},
            "properties": {
                "kind": "place",
                "name": p.name,
                "place_kind": p.kind,
                "country": p.country,
                "geonameid": p.geonameid if isinstance(p.geonameid, int) else None,
                "aliases": list(p.aliases),
                "roles": roles.get(p.entity, []),
                "events": events,
                "event_count": len(events),
                "start": min(starts, key=_iso_key) if starts else None,
                "end": max(ends, key=_iso_key) if ends else None,
            },
        })

    # the itinerary: vitagraph.itinerary's stays (as `show --events` and liferecord give them),
    # between the birthplace and the place of death when the record knows them
    path: list[tuple[Place, str, str | None, str | None, list[str]]] = []
    for stay in itinerary(record):
        place = ix.place(stay.place)
        if place is None or _position(place) is None:
            continue
        flags = (["overlap"] if stay.overlap else []) + (["gap_before"] if stay.gap_before else [])
        path.append((place, stay.event_type, stay.start, stay.end, flags))
    if s is not None:
        born = ix.place(s.born_place)
        if born is not None and _position(born) is not None and not any(p[1] == "born" for p in path):
            path.insert(0, (born, "born", s.born_date, None, []))
    died = next((ix.event_place(e) for e in record.events if e.type == "died" and ix.event_place(e)), None)
    died_date = next((e.date for e in record.events if e.type == "died" and e.date), s.died_date if s else None)
    if died is None and s is not None:
        died = ix.place(s.died_place)
    if died is not None and _position(died) is not None:
        path.append((died, "died", died_date, None, []))
    coordinates: list[list[float]] = []
    times: list[str | None] = []
    dates: list[str | None] = []
    until: list[str | None] = []
    names: list[str] = []
    types: list[str] = []
    marks: list[list[str]] = []
    for place, etype, start, end, flags in path:
        pos = _position(place)
        assert pos is not None
        if coordinates and coordinates[-1] == pos:  # still there: one stop
            continue
        lo, hi = _dates.iso_bounds(start)
        coordinates.append(pos)
        times.append(lo or hi)
        dates.append(start if _dates.parse(start) else None)
        until.append(end if _dates.parse(end) else None)
        names.append(place.name)
        types.append(etype)
        marks.append(flags)
    if len(coordinates) >= 2:
        features.append({
            "type": "Feature",
            "id": "itinerary",
            "geometry": {"type": "LineString", "coordinates": coordinates},
            "properties": {
                "kind": "itinerary",
                "name": f"Itinerary of {s.name}" if s is not None and s.name else "Itinerary",
                "places": names,
                "events": types,
                "dates": dates,
                "until": until,
                "flags": marks,
                "times": times,
                "coordinateProperties": {"times": times},
                "start": next((t for t in times if t), None),
                "end": next((t for t in reversed(times) if t), None),
            },
        })
    return {
        "type": "FeatureCollection",
        "name": document.display_title,
        "source": {"document": record.document, "sha256": document.sha256},
        "unlocated": unlocated,
        "features": features,
    }


def _iso_key(iso: str | None) -> tuple[int, int, str]:
    """ISO strings sort wrongly across signs ("-0043" > "-0100" as text): compare as dates.
    None sorts last."""
    if not iso:
        return 1, 0, ""
    neg = iso.startswith("-")
    y, _, rest = iso.lstrip("-").partition("-")
    year = int(y) if y.isdigit() else 0
    return 0, -year if neg else year, rest


def export(record: Record, document: Document) -> bytes:
    return encode(json.dumps(to_dict(record, document), ensure_ascii=False, indent=2, allow_nan=False) + "\n")
