"""The itinerary: where the subject lived, in order, derived from the events.

A residence starts with a birth, a move, an exile's destination or an
imprisonment, and lasts until the next one starts. Dates stay EDTF; an
overlap (two residences claimed for the same time) or a gap (a stretch the
text does not account for) is marked, not smoothed over.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Event, Record
from .nlp import edtf

SETTLING = {"born", "moved", "imprisoned", "exiled"}


@dataclass(frozen=True)
class Stay:
    place: str
    """Place entity id."""
    name: str
    start: str | None
    """EDTF of the event that began the stay."""
    end: str | None
    """EDTF of the event that began the next stay (None: to the end of the record)."""
    event_type: str
    evidence: tuple[int, int]
    overlap: bool = False
    """It lies wholly before the previous stay's start (the text is not linear here)."""
    gap_before: bool = False
    """Nothing places the subject between the previous stay's end and this one's start."""


def _sort_key(e: Event) -> tuple[int, int]:
    """By year, then as the text tells it: a biography runs forward, and "1940/1941" is not
    before "June 1940" just because its first possible day is."""
    b = edtf.bounds(e.date) if e.date else None
    lo = b[0] if b and b[0] else None
    return (lo[0] if lo else 99999, e.evidence.start)


def itinerary(record: Record) -> list[Stay]:
    names = {p.entity: p.name for p in record.places}
    kinds = {p.entity: p.kind for p in record.places}
    settling = [
        e for e in record.events
        if e.type in SETTLING and e.place and e.date and kinds.get(e.place) not in ("continent",)
    ]
    settling.sort(key=_sort_key)
    countries = {p.entity: p.country for p in record.places}
    stays: list[Stay] = []
    for i, e in enumerate(settling):
        nxt = settling[i + 1] if i + 1 < len(settling) else None
        if stays and stays[-1].place == e.place:
            continue  # still there
        if (stays and e.type == "exiled" and kinds.get(e.place) in ("country", "historic_state")
                and countries.get(e.place) and countries.get(e.place) == countries.get(stays[-1].place)):
            continue  # "expelled from France" while living in Paris: a departure, not a new home
        overlap = gap = False
        if stays:
            prev_b = edtf.bounds(stays[-1].start) if stays[-1].start else None
            this_b = edtf.bounds(e.date)
            if prev_b and this_b and prev_b[0] and this_b[1]:
                overlap = this_b[1] < prev_b[0]  # wholly before the stay it follows in the text
            prev_end = edtf.bounds(stays[-1].end) if stays[-1].end else None
            if prev_end and this_b and prev_end[1] and this_b[0]:
                gap = this_b[0][0] - prev_end[1][0] > 1
        stays.append(Stay(e.place, names.get(e.place, e.place), e.date, nxt.date if nxt else None,
                          e.type, (e.evidence.start, e.evidence.end), overlap, gap))
    # each stay ends where the next different place begins
    out = []
    for i, s in enumerate(stays):
        end = stays[i + 1].start if i + 1 < len(stays) else None
        out.append(Stay(s.place, s.name, s.start, end, s.event_type, s.evidence, s.overlap, s.gap_before))
    return out
