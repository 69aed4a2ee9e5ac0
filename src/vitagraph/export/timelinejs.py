"""TimelineJS3 JSON: the life as slides, uncertain dates said in words.

A title slide (the subject, life dates, source) and one slide per dated event,
plus birth, death and each dated work when no event states them. TimelineJS
needs a ``start_date``; it gets the earliest edge of the EDTF value at the
precision the value has (a year stays ``{"year": "1921"}``), ``end_date`` the
latest edge when they differ, and ``display_date`` the value in words, so an
approximate, uncertain, seasonal or open date reads as the text meant it
("c. 1921", "1927?", "spring 1927", "until 1939", "1921 or 1922"). Undated
events cannot be placed on a timeline and are left out. Years are astronomical
(TimelineJS uses JavaScript dates: year 0 is 1 BC); ``display_date`` says "44 BC".
Text is HTML-escaped (TimelineJS renders it as HTML).
"""

from __future__ import annotations

import html
import json
from typing import Any

from ..document import Document
from ..model import Record
from . import _dates
from ._common import Index, clean, encode, quote

GROUPS = {"born": "Life", "died": "Life", "buried": "Life", "married": "Life", "child": "Life", "illness": "Life",
          "published": "Works", "wrote": "Works"}


def _h(text: object) -> str:
    return html.escape(clean(text), quote=True)


def _tl_date(p: _dates.Point) -> dict[str, str]:
    out = {"year": str(p.year)}
    if p.month is not None:
        out["month"] = str(p.month)
        if p.day is not None:
            out["day"] = str(p.day)
    return out


def _dates_of(value: str | None) -> dict[str, Any] | None:
    ends = _dates.ends(value)
    if not ends or (ends[0] is None and ends[1] is None):
        return None
    start, end = ends
    first = start or end
    assert first is not None
    out: dict[str, Any] = {"start_date": _tl_date(first)}
    if start is not None and end is not None and end != start:
        out["end_date"] = _tl_date(end)
    out["display_date"] = _dates.describe(value)
    return out


def _sort(slide: dict[str, Any]) -> tuple[int, int, int]:
    d = slide["start_date"]
    return int(d["year"]), int(d.get("month", 0)), int(d.get("day", 0))


def to_dict(record: Record, document: Document) -> dict[str, Any]:
    ix = Index(record)
    s = record.subject
    name = s.name if s is not None and s.name else document.display_title
    slides: list[dict[str, Any]] = []
    stated: set[str] = set()
    for i, ev in enumerate(record.events):
        when = _dates_of(ev.date)
        if when is None:
            continue
        stated.add(ev.type)
        place = ix.event_place(ev)
        where = place.name if place is not None else ev.place
        who = [ix.name(p) for p in ev.participants]
        headline = ev.type.capitalize() + (f" ({where})" if where else "")
        body = f"<blockquote>{_h(quote(document, ev.evidence))}</blockquote>"
        if who:
            body += f"<p>With: {_h(', '.join(who))}</p>"
        body += f"<p><small>{_h(document.name)}, characters {ev.evidence.start}–{ev.evidence.end}</small></p>"
        slides.append({**when, "text": {"headline": _h(headline), "text": body},
                       "group": GROUPS.get(ev.type, "Events"), "unique_id": f"event-{i}"})
    if s is not None:
        for etype, date, where in (("born", s.born_date, s.born_place), ("died", s.died_date, s.died_place)):
            when = _dates_of(date)
            if when is None or etype in stated:
                continue
            headline = etype.capitalize() + (f" ({where})" if where else "")
            slides.append({**when, "text": {"headline": _h(headline), "text": ""}, "group": "Life",
                           "unique_id": etype})
    if "published" not in stated:
        for i, w in enumerate(ix.works.values()):
            when = _dates_of(w.year)
            if when is None:
                continue
            parts = [p for p in (w.kind, w.publisher, w.place) if p]
            body = f"<p>{_h(', '.join(parts))}</p>" if parts else ""
            if w.translators:
                body += f"<p>Translated by {_h(', '.join(w.translators))}</p>"
            if w.original_title and w.original_title != w.title:
                body += f"<p>Original title: <i>{_h(w.original_title)}</i></p>"
            slides.append({**when, "text": {"headline": f"<i>{_h(w.title)}</i>", "text": body},
                           "group": "Works", "unique_id": f"work-{i}"})
    slides.sort(key=_sort)
    life = ""
    if s is not None and (s.born_date or s.died_date):
        life = f" ({_h(_dates.describe(s.born_date) or '?')} – {_h(_dates.describe(s.died_date) or '?')})"
    return {
        "title": {
            "text": {
                "headline": _h(name),
                "text": f"<p>{_h(name)}{life}</p><p><small>Extracted by vitagraph from {_h(document.name)}"
                        "</small></p>",
            },
        },
        "events": slides,
    }


def export(record: Record, document: Document) -> bytes:
    return encode(json.dumps(to_dict(record, document), ensure_ascii=False, indent=2) + "\n")
