"""Temporal expressions of a document, normalised to EDTF and anchored.

``edtf.scan`` finds and normalises expressions block by block (headings are
never scanned, and nothing inside a work's title is a date: "Year One of the
Russian Revolution", "Notebooks 1936-1947"). Durations and relative phrases
("the following five years", "two years later") are anchored to the
narrative time: the latest absolute date before them in the same section,
never to today; an age to the birth date.
"""

from __future__ import annotations

from typing import Iterable, Protocol

from ..document import Document
from ..model import TimeExpr
from . import edtf


class _Block(Protocol):
    kind: str
    start: int
    end: int


def find_times(document: Document, blocks: Iterable[_Block], *, exclude: list[tuple[int, int]] = (),
               born: str | None = None) -> list[TimeExpr]:
    """Every temporal expression; an age ("at the age of twenty-one") is anchored to `born`
    (the subject's birth date) and to nothing else."""
    text = document.text
    spans = [(b.start, b.end) for b in blocks]
    spans += [(f.value_span.start, f.value_span.end) for f in document.infobox]
    spans.sort()
    out: list[TimeExpr] = []
    anchor: str | None = None
    section = None
    for start, end in spans:
        sec = document.section_at(start)
        if sec is not section:
            section = sec
            # a new top-level section keeps the narrative time: biographies run forward
        for m in edtf.scan(text[start:end]):
            s, e = start + m.start, start + m.end
            if any(s < b and a < e for a, b in exclude):
                continue
            value, anchored = m.value, False
            if value is None and m.relative is not None and m.relative.relation == "age":
                value, anchored = (edtf.anchor(m, born), True) if born else (None, False)
            elif value is None and anchor is not None:
                value, anchored = edtf.anchor(m, anchor), True
            out.append(TimeExpr(s, e, text[s:e], value, m.kind, anchored))
            if m.value is not None and m.kind in ("date", "interval", "open", "set"):
                anchor = m.value
    return out
