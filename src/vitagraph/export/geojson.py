"""GeoJSON (RFC 7946): places as Points with their events, the itinerary as a LineString.

One ``Point`` feature per place with coordinates (``[lon, lat]``, WGS 84), its
properties listing the events that happened there with their EDTF dates,
earliest/latest days and evidence; ``start``/``end`` (ISO dates) let QGIS's
temporal controller animate them. Places without coordinates are left out (their
names are in the collection's ``unlocated`` member).

The itinerary is one ``LineString`` through the dated, located events where the
subject was (births, moves, journeys, prisons, ... not publications or burials),
in time order, with the birth and death places of the subject added when no
event states them. Its ``times`` (and ``coordinateProperties.times``, the
convention of togeojson and geojson.io) give the earliest day of each stop,
``dates`` the EDTF value. Fewer than two stops: no LineString.
"""

from __future__ import annotations

import json
from typing import Any

from ..document import Document
from ..model import Place, Record
from . import _dates
from ._common import Index, coords, encode, quote

NOT_A_VISIT = frozenset({"published", "buried", "collaborated", "conflict", "honored"})
"""Event types that place something, not the subject, somewhere: not itinerary stops."""


def _position(p: Place) -> list[float] | None:
    c = coords(p)
    return None if c is None else [c[1], c[0]]


def to_dict(record: Record, document: Document) -> dict[str, Any]:
    ix = Index(record)
    s = record.subject
    by_place: dict[str, list[dict[str, Any]]] = {}
    stops: list[tuple[tuple[str, str, int], Place, dict[str, Any]]] = []
    stated = set()
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
            "confidence": ev.confidence if isinstance(ev.confidence, (int, float)) and ev.confidence == ev.confidence else None,
        }
        by_place.setdefault(place.entity, []).append(item)
        if ev.type in ("born", "died"):
            stated.add(ev.type)
        if ev.type not in NOT_A_VISIT and (lo or hi) and _position(place) is not None:
            stops.append(((lo or hi or "", hi or lo or "", i), place, item))
    if s is not None:
        for etype, date, name in (("born", s.born_date, s.born_place), ("died", s.died_date, s.died_place)):
            place = ix.place(name)
            if etype in stated or place is None or _dates.parse(date) is None:
                continue
            lo, hi = _dates.iso_bounds(date)
            item = {"event": None, "type": etype, "date": date, "when": _dates.describe(date),
                    "earliest": lo, "latest": hi, "quote": None, "span": None, "confidence": None}
            by_place.setdefault(place.entity, []).append(item)
            if (lo or hi) and _position(place) is not None:
                order = len(record.events) if etype == "died" else -1
                stops.append(((lo or hi or "", hi or lo or "", order), place, item))

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

    stops.sort(key=lambda t: _sort_key(t[0]))
    coordinates: list[list[float]] = []
    times: list[str | None] = []
    dates: list[str | None] = []
    names: list[str] = []
    types: list[str] = []
    for _, place, item in stops:
        pos = _position(place)
        assert pos is not None
        if coordinates and coordinates[-1] == pos:  # still there: one stop
            continue
        coordinates.append(pos)
        times.append(item["earliest"] or item["latest"])
        dates.append(item["date"])
        names.append(place.name)
        types.append(item["type"])
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
                "times": times,
                "coordinateProperties": {"times": times},
                "start": times[0],
                "end": times[-1],
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


def _sort_key(key: tuple[str, str, int]) -> tuple[tuple[int, int, str], tuple[int, int, str], int]:
    return _iso_key(key[0]), _iso_key(key[1]), key[2]


def export(record: Record, document: Document) -> bytes:
    return encode(json.dumps(to_dict(record, document), ensure_ascii=False, indent=2, allow_nan=False) + "\n")
