"""Birth and death: dates and places, from the infobox first, then the lead.

Infobox rows are the article's own summary ("Born: 1890-12-30",
"Birthplace: Brussels, Belgium"); the lead's parenthesis "(30 December 1890 –
17 November 1947)" and sentences "was born ... in X" / "died ... in X" fill
what the infobox leaves out.
"""

from __future__ import annotations

import re

from ..document import Document
from ..folding import fold
from ..model import Place, TimeExpr
from . import edtf

BORN_KEYS = ("born", "birth date", "date of birth", "birth")
DIED_KEYS = ("died", "death date", "date of death", "death")
BORN_PLACE_KEYS = ("birthplace", "birth place", "place of birth", "born in")
DIED_PLACE_KEYS = ("deathplace", "death place", "place of death", "died in")


def _date_in(value: str) -> str | None:
    for m in edtf.scan(value):
        if m.value:
            return m.value  # "1368 or 1369" stays uncertain
    return None


def _place_in(value: str, places: list[Place], raw: bool = True) -> str | None:
    """The most specific place named in a value: "Brussels, Belgium" -> Brussels.

    Infobox places run from specific to general, so the first part is the
    answer even when the gazetteer does not know it (an ancient town).
    """
    parts = [p.strip() for p in re.split(r",|;|\(|\)", value) if p.strip()]
    for part in parts[:1]:
        for p in places:
            if fold(part) == fold(p.name) or fold(part) in {fold(a) for a in p.aliases}:
                return p.name
    if raw and parts and not any(ch.isdigit() for ch in parts[0]):
        return parts[0]
    return None


def _sentence_place(text: str, verb: str, places: list[Place]) -> str | None:
    pattern = re.compile(r"\b" + verb + r"\b[^.;]{0,160}?\b(?:in|at|near)\s+((?:the\s+)?[A-Z][\w'’\-]+(?:[ -][A-Z][\w'’\-]+)*)")
    for m in pattern.finditer(text):
        name = fold(m.group(1))
        for p in places:
            if name == fold(p.name) or name in {fold(a) for a in p.aliases}:
                return p.name
    return None


def life_dates(document: Document, places: list[Place], times: list[TimeExpr], subject) -> tuple[tuple[str | None, str | None], tuple[str | None, str | None]]:
    text = document.text
    born_date = born_place = died_date = died_place = None
    f = document.field(*BORN_KEYS)
    if f:
        born_date = _date_in(f.value)
        born_place = _place_in(re.sub(r"^[^A-Za-z]*\d[^,]*,?", "", f.value), places, raw=False)
    f = document.field(*DIED_KEYS)
    if f:
        died_date = _date_in(f.value)
        died_place = _place_in(re.sub(r"^[^A-Za-z]*\d[^,]*,?", "", f.value), places, raw=False)
    f = document.field(*BORN_PLACE_KEYS)
    if f and not born_place:
        born_place = _place_in(f.value, places)
    f = document.field(*DIED_PLACE_KEYS)
    if f and not died_place:
        died_place = _place_in(f.value, places)
    lead = document.paragraphs[0].span if document.paragraphs else None
    if lead and (born_date is None or died_date is None):
        m = re.search(r"\(([^()]*(?:\([^()]*\)[^()]*)*)\)", lead.of(text))
        if m:
            inner_start = lead.start + m.start(1)
            inner_end = lead.start + m.end(1)
            inner = [t for t in times if inner_start <= t.start and t.end <= inner_end and t.value]
            if len(inner) == 1 and inner[0].kind == "interval":
                a, _, b = inner[0].value.partition("/")
                born_date = born_date or a or None
                died_date = died_date or (b if b not in ("", "..") else None)
            elif len(inner) >= 2:
                born_date = born_date or inner[0].value
                died_date = died_date or inner[-1].value
            elif len(inner) == 1:
                before = text[inner_start : inner[0].start].lower()
                if re.search(r"\b(?:born|b\.)\s*$", before):
                    born_date = born_date or inner[0].value  # "(born 1 January 1900)": still alive, or the end untold
                elif re.search(r"\b(?:died|d\.)\s*$", before):
                    died_date = died_date or inner[0].value
    if born_date is None:
        # no infobox, no parenthesis: "X was born on 3 January 106 BC in Arpinum"
        m = re.search(r"\bwas born\b[^.;]{0,80}", text)
        if m:
            told = [t for t in times if m.start() <= t.start and t.end <= m.end() and t.value and t.kind == "date"]
            if told:
                born_date = told[0].value
    if born_place is None:
        born_place = _sentence_place(text, "born", places)
    if died_place is None:
        died_place = _sentence_place(text, r"(?:died|death)", places)
    return (born_date, born_place), (died_date, died_place)
