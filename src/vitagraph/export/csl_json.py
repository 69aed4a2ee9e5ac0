"""CSL-JSON: the subject's works as citation items (Zotero, Pandoc, citeproc-js, citeproc-py).

One item per work: ``type`` (``book``, ``pamphlet``, ``article``, or
``document`` when the text gives no kind), ``title``, ``author`` (the subject),
``issued``, ``translator``, ``editor``, ``publisher``, ``publisher-place``,
``original-title``, ``original-date``, ``genre`` (the kind as the text says it)
and a ``note`` naming the document and the character span the work was read
from. Dates keep their precision: a year is ``[[1946]]``, an approximate or
uncertain one adds ``"circa": true``, an interval is two date-parts, and what
CSL cannot hold (``192X``, ``[1921,1922]``, open ends) is a ``literal`` in words
("1920s"). CSL years are historical: 44 BC is -44 (EDTF -0043).
"""

from __future__ import annotations

import json
from typing import Any

from ..document import Document
from ..model import Record, Work
from . import _dates
from ._common import Index, encode, kind_of, slug, split_name

TYPES = {"book": "book", "pamphlet": "pamphlet", "article": "article", "other": "document"}


def csl_name(name: str) -> dict[str, str]:
    parts = split_name(name)
    if parts is None:
        return {"literal": name}
    return {"family": parts[1], "given": parts[0]}


def _year(y: int) -> int:
    return y if y > 0 else y - 1  # EDTF 0 = 1 BC = CSL -1


def _parts(p: _dates.Point) -> list[int]:
    out = [_year(p.year)]
    if p.month is not None:
        out.append(p.month)
        if p.day is not None:
            out.append(p.day)
    return out


def _simple(d: object) -> bool:
    """A date CSL can hold as date-parts: no unspecified digits, no season, no long year."""
    return (isinstance(d, _dates.Date) and d.exponent is None and d.significant is None
            and "X" not in d.year + (d.month or "") + (d.day or "") and not d.is_season
            and len(d.year.lstrip("-")) == 4)


def csl_date(value: str | None) -> dict[str, Any] | None:
    """A CSL date object, as precise as the EDTF value and no more (None if invalid)."""
    v = _dates.parse(value)
    if v is None:
        return None
    out: dict[str, Any]
    ends = _dates.ends(value)
    assert ends is not None
    if isinstance(v, _dates.Date) and _simple(v) and ends[0]:
        out = {"date-parts": [_parts(ends[0])]}
    elif isinstance(v, _dates.Interval) and _simple(v.start) and _simple(v.end) and ends[0] and ends[1]:
        out = {"date-parts": [_parts(ends[0]), _parts(ends[1])]}
    elif isinstance(v, _dates.Date) and v.is_season and int(v.month or 0) in (21, 22, 23, 24) and len(v.year) == 4 \
            and "X" not in v.year:
        out = {"date-parts": [[_year(int(v.year))]], "season": int(v.month or 0) - 20}
    else:
        return {"literal": _dates.describe(value)}
    if _dates.flags(value):
        out["circa"] = True
    return out


def item(work: Work, key: str, record: Record, document: Document) -> dict[str, Any]:
    s = record.subject
    it: dict[str, Any] = {"id": key, "citation-key": key, "type": TYPES[kind_of(work)], "title": work.title}
    if s is not None and s.name:
        it["author"] = [csl_name(s.name)]
    for field, value in (("issued", work.year), ("original-date", work.original_year)):
        d = csl_date(value)
        if d is not None:
            it[field] = d
    if work.original_title and work.original_title != work.title:
        it["original-title"] = work.original_title
    if work.translators:
        it["translator"] = [csl_name(t) for t in work.translators]
    if work.editors:
        it["editor"] = [csl_name(e) for e in work.editors]
    if work.publisher:
        it["publisher"] = work.publisher
    if work.place:
        it["publisher-place"] = work.place
    if work.kind:
        it["genre"] = work.kind
    span = work.evidence[0] if work.evidence else None
    where = f", characters {span.start}-{span.end}" if span else ""
    it["note"] = f"Extracted by vitagraph from {document.name}{where}"
    return it


def keys(record: Record) -> dict[str, str]:
    """A citation key per work id: ``serge1946long``, unique, ASCII."""
    ix = Index(record)
    s = record.subject
    family = ""
    if s is not None and s.name:
        parts = split_name(s.name)
        family = slug(parts[1] if parts else s.name).replace("-", "")
    out: dict[str, str] = {}
    used: set[str] = set()
    for i, w in enumerate(ix.works.values()):
        ends = _dates.ends(w.year)
        year = str(ends[0].year) if ends and ends[0] else ""
        words = [x for x in slug(w.title).split("-") if x not in ("the", "a", "an", "le", "la", "les", "l", "de")]
        base = f"{family}{year}{words[0] if words else ''}" or f"work{i}"
        if not base[0].isalpha():
            base = "w" + base
        key, n = base, 0
        while key in used:
            n += 1
            key = f"{base}{chr(ord('a') + n - 1)}" if n <= 26 else f"{base}{n}"
        used.add(key)
        out[w.id] = key
    return out


def items(record: Record, document: Document) -> list[dict[str, Any]]:
    ks = keys(record)
    return [item(w, ks[w.id], record, document) for w in Index(record).works.values()]


def export(record: Record, document: Document) -> bytes:
    return encode(json.dumps(items(record, document), ensure_ascii=False, indent=2) + "\n")
