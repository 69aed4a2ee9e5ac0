"""Wikidata QuickStatements (V1, tab-separated) for the subject and the subject's works.

What it writes, in order:

* ``CREATE`` a new item for the subject, with its English label and aliases,
  ``P31 Q5`` (human), date of birth ``P569`` and death ``P570``, place of birth
  ``P19`` and death ``P20``. If the person is already on Wikidata (likely),
  delete the ``CREATE`` line and replace ``LAST`` by the Q-id before the first
  work's ``CREATE``.
* ``CREATE`` an item per work: label, ``P31 Q7725634`` (literary work), author
  ``P50``, publication date ``P577``, original title ``P1476`` (language
  ``und``: the text does not say which) and form ``P7937`` (the kind).

Dates have the precision the text gives and no more: a day is ``/11``, a month
``/10``, a year ``/9``, a decade ``/8``. A value that is not one such unit
(``1913/1917-01``, a season, ``[1921,1922]``) is written at the smallest unit
holding it, with qualifiers earliest date ``P1319`` and latest date ``P1326``;
an open one (``../1939``) is ``somevalue`` with those qualifiers. Approximate
(``~``) adds sourcing circumstances ``P1480`` circa (``Q5727902``), uncertain
(``?``) ``P1480`` presumably (``Q18122778``). Wikidata counts years
historically (no year 0): EDTF ``-0043`` (44 BC) is ``-0044``.

Items vitagraph cannot know (places, the author of a work, its form) are
written as their quoted label, ``"Brussels"``, for reconciliation (OpenRefine,
or by hand) before the batch is run: QuickStatements refuses a string for an
item-valued property, so an unreconciled line fails alone and writes nothing
wrong.

Every statement has a reference: the source's title ``S1476`` and, where the
text states it, the words quoted ``S1683`` (English, at most 1500 characters).
"""

from __future__ import annotations

import re
from typing import Sequence

from ..document import Document
from ..model import Record
from . import _dates
from ._common import Index, clean, encode, quote

CIRCA = "Q5727902"
PRESUMABLY = "Q18122778"
HUMAN = "Q5"
LITERARY_WORK = "Q7725634"
MAX_QUOTE = 1500
MAX_LABEL = 250


def _text(s: str) -> str:
    return re.sub(r"\s+", " ", clean(s)).strip()


def string(s: str) -> str:
    return '"' + _text(s) + '"'


def mono(s: str, lang: str = "en") -> str:
    return f'{lang}:"{_text(s)}"'


def _wd_year(y: int) -> str:
    h = y if y > 0 else y - 1  # astronomical -> historical: 0 is 1 BC (-1), -43 is 44 BC (-44)
    return ("+" if h > 0 else "-") + f"{abs(h):04d}"


def _time(y: int, m: int, d: int, precision: int) -> str:
    if precision <= 9:
        m = d = 0
    elif precision == 10:
        d = 0
    return f"{_wd_year(y)}-{m:02d}-{d:02d}T00:00:00Z/{precision}"


def _point_time(p: _dates.Point) -> str:
    prec = {"day": 11, "month": 10, "year": 9}[p.precision]
    return _time(p.year, p.month or 0, p.day or 0, prec)


def _block(y: int, size: int) -> int:
    """Wikidata's century (size 100) or millennium (1000) of an astronomical year: 1901-2000 is +20."""
    if y >= 1:
        return (y - 1) // size + 1
    return -((-y) // size + 1)  # 1 BC (0) .. 100 BC (-99) is -1


def _block_range(n: int, size: int) -> tuple[int, int]:
    if n > 0:
        return size * (n - 1) + 1, size * n
    k = -n
    return -(size * k) + 1, -(size * (k - 1))  # astronomical years of the BC block


def _last_day(y: int, m: int) -> int:
    if m == 2:
        return 29 if y % 4 == 0 and (y % 100 != 0 or y % 400 == 0) else 28
    return 30 if m in (4, 6, 9, 11) else 31


def wikidata_time(value: str | None) -> tuple[str, list[tuple[str, str]]] | None:
    """(main value, qualifiers) for an EDTF value; None if it is not valid EDTF."""
    v = _dates.parse(value)
    if v is None:
        return None
    lo, hi = _dates.day_bounds(value)
    start, end = _dates.ends(value) or (None, None)
    quals: list[tuple[str, str]] = []
    f = _dates.flags(value)
    if "approximate" in f:
        quals.append(("P1480", CIRCA))
    if "uncertain" in f:
        quals.append(("P1480", PRESUMABLY))
    if lo is None or hi is None:
        edges = []
        if start is not None:
            edges.append(("P1319", _point_time(start)))
        if end is not None:
            edges.append(("P1326", _point_time(end)))
        return "somevalue", edges + quals
    a, b = (lo.year, lo.month or 1, lo.day or 1), (hi.year, hi.month or 12, hi.day or 31)
    units = [
        (11, a == b, a),
        (10, a[:2] == b[:2] and a[2] == 1 and b[2] == _last_day(*b[:2]), a),
        (9, a[0] == b[0] and a[1:] == (1, 1) and b[1:] == (12, 31), a),
        (8, a[0] // 10 == b[0] // 10 and a == (a[0] // 10 * 10, 1, 1) and b == (a[0] // 10 * 10 + 9, 12, 31), a),
    ]
    for prec, is_exact, at in units:
        if is_exact:
            return _time(*at, prec), quals
    # not exactly one unit: the smallest unit holding both ends, with earliest and latest dates
    edges = [("P1319", _point_time(start) if start else _time(*a, 11)),
             ("P1326", _point_time(end) if end else _time(*b, 11))]
    if a[:2] == b[:2]:
        main = _time(*a, 10)
    elif a[0] == b[0]:
        main = _time(*a, 9)
    elif a[0] // 10 == b[0] // 10:
        main = _time(a[0] // 10 * 10, 1, 1, 8)
    elif _block(a[0], 100) == _block(b[0], 100):
        first, last = _block_range(_block(a[0], 100), 100)
        main = _time((first + last) // 2, 1, 1, 7)
    elif _block(a[0], 1000) == _block(b[0], 1000):
        first, last = _block_range(_block(a[0], 1000), 1000)
        main = _time((first + last) // 2, 1, 1, 6)
    else:
        return "somevalue", edges + quals
    return main, edges + quals


_ABBREVIATIONS = frozenset({"c", "ca", "b", "d", "fl", "r", "st", "mr", "mrs", "ms", "dr", "prof", "gen", "col",
                            "lt", "capt", "sgt", "rev", "jr", "sr", "vol", "no", "pp", "ed", "eds", "trans", "cf",
                            "vs", "etc", "approx", "est", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct",
                            "nov", "dec"})


def _sentence_end(text: str, i: int) -> bool:
    """Is the ". " at i the end of a sentence (not "c. 1947", "J. Smith", "St. Petersburg")?"""
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    word = text[j:i]
    return not (len(word) == 1 or word.casefold() in _ABBREVIATIONS)


def _sentence(text: str, start: int, end: int, lo: int, hi: int) -> str:
    """The sentence (or line) around [start, end), inside [lo, hi)."""
    a = lo
    i = text.rfind(". ", lo, start)
    while i >= 0 and not _sentence_end(text, i):
        i = text.rfind(". ", lo, i)
    if i >= 0:
        a = i + 2
    nl = text.rfind("\n", a, start)
    a = nl + 1 if nl >= 0 else a
    b = hi
    i = text.find(". ", end, hi)
    while i >= 0 and not _sentence_end(text, i):
        i = text.find(". ", i + 2, hi)
    if i >= 0:
        b = i + 1
    nl = text.find("\n", end, b)
    b = nl if nl >= 0 else b
    return text[a:b].strip()


def _date_quote(record: Record, document: Document, value: str | None) -> str | None:
    """Where the text states this date: the sentence (or infobox row) of its first time expression."""
    if not value:
        return None
    text = document.text
    blocks = [span for kind, span in document.blocks() if kind in ("paragraph", "item", "field")]
    for t in record.times:
        if t.value != value or t.end > len(text):
            continue
        for span in blocks:
            if span.start <= t.start and t.end <= span.end:
                return _sentence(text, t.start, t.end, span.start, span.end)
        return _sentence(text, t.start, t.end, 0, len(text))
    return None


def _place_quote(document: Document, name: str | None, keys: tuple[str, ...]) -> str | None:
    if not name:
        return None
    for key in keys:
        f = document.field(key)
        if f is not None and name.casefold() in f.value.casefold():
            return f"{f.key}: {f.value}"
    return None


class _Batch:
    def __init__(self, source_title: str) -> None:
        self.lines: list[str] = []
        self.source = source_title

    def add(self, item: str, prop: str, value: str, quals: Sequence[tuple[str, str]] = (),
            said: str | None = None) -> None:
        cols = [item, prop, value]
        for p, v in quals:
            cols += [p, v]
        cols += ["S1476", mono(self.source)]
        if said and len(_text(said)) <= MAX_QUOTE:
            cols += ["S1683", mono(said)]
        self.lines.append("\t".join(cols))

    def term(self, item: str, code: str, text: str) -> None:
        if text and len(_text(text)) <= MAX_LABEL:
            self.lines.append("\t".join([item, code, string(text)]))


def export(record: Record, document: Document) -> bytes:
    ix = Index(record)
    s = record.subject
    batch = _Batch(document.display_title)
    if s is not None and s.name:
        batch.lines.append("CREATE")
        batch.term("LAST", "Len", s.name)
        seen = {s.name}
        for a in s.aliases:
            if a not in seen:
                seen.add(a)
                batch.term("LAST", "Aen", a)
        batch.add("LAST", "P31", HUMAN)
        for prop, date, place_prop, place, keys in (
            ("P569", s.born_date, "P19", s.born_place, ("born", "birthplace", "place of birth", "birth place")),
            ("P570", s.died_date, "P20", s.died_place, ("died", "deathplace", "place of death", "death place")),
        ):
            t = wikidata_time(date)
            if t is not None:
                batch.add("LAST", prop, t[0], t[1], _date_quote(record, document, date))
            if place:
                p = ix.place(place)
                label = p.name if p is not None else place
                batch.add("LAST", place_prop, string(label), (), _place_quote(document, place, keys))
    for w in ix.works.values():
        if not w.title:
            continue
        q = quote(document, w.evidence[0]) if w.evidence else None
        batch.lines.append("CREATE")
        batch.term("LAST", "Len", w.title)
        batch.add("LAST", "P31", LITERARY_WORK, (), q)
        if s is not None and s.name:
            batch.add("LAST", "P50", string(s.name), (), q)
        t = wikidata_time(w.year)
        if t is not None:
            batch.add("LAST", "P577", t[0], t[1], q)
        if w.original_title and w.original_title != w.title:
            batch.add("LAST", "P1476", mono(w.original_title, "und"), (), q)
        if w.kind:
            batch.add("LAST", "P7937", string(w.kind), (), q)
    return encode("".join(line + "\n" for line in batch.lines))
