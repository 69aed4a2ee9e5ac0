"""Authors and publishers of the works a biography cites, from its Sources / References list.

A bibliography names people the inverted way: "Dick, Auguste. Emmy Noether ...",
"Brewer, James W.; Smith, Martha K. (eds.). ...". The model reads "Dick" and
"James W." as two fragments; here each entry's leading authors are read as
"Given Surname" while their evidence stays the text as written ("Dick, Auguste").
The imprint "(Boston: Birkhäuser, 1981)" names a publisher.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Document

SOURCE_HEADINGS = re.compile(r"^\s*(?:sources?|references?|bibliography|further reading|works cited|literature|"
                             r"notes and references|citations|secondary sources)\s*$", re.I)
_PARTICLE = r"(?:van|von|de|der|den|du|da|di|del|la|le|ten|ter)"
_NAME = rf"(?!(?:The|A|An)\s)(?:{_PARTICLE}\s+)*[A-Z][\w'’\-]+(?:\s+(?:{_PARTICLE}\s+)*[A-Z][\w'’\-]+){{0,2}}"
_GIVEN = r"(?:(?:[A-Z]\.|[A-Z][\w'’\-]+)\s+){0,2}?(?:[A-Z]\.|[A-Z][\w'’\-]+)"
_AUTHOR = re.compile(rf"(?P<sur>{_NAME}),\s+(?P<given>{_GIVEN})(?:(?=\s*(?:[.;(]|,\s|\s+and\s|\s+&\s|$))|(?<=\b[A-Z]\.)(?=\s))")
_SEPARATOR = re.compile(r"\s*(?:;|,?\s+and\s+|\s+&\s+)\s*")


@dataclass(frozen=True)
class SourceAuthor:
    start: int
    end: int
    name: str
    """"Auguste Dick" for the text "Dick, Auguste"."""


def source_authors(document: Document) -> list[SourceAuthor]:
    text = document.text
    out: list[SourceAuthor] = []
    spans = [s.span for s in document.sections if SOURCE_HEADINGS.match(s.heading or "")]
    for item in document.items:
        if not any(sp.start <= item.span.start < sp.end for sp in spans):
            continue
        pos, end = item.span.start, item.span.end
        while True:
            m = _AUTHOR.match(text, pos, end)
            if not m:
                break
            stop = m.end("given")
            if re.search(r"(?:^|\s)[A-Z]$", m["given"]) and text[stop : stop + 1] == ".":
                stop += 1  # "Ross E." keeps its initial's dot
            out.append(SourceAuthor(m.start(), stop, f"{text[m.start('given') : stop]} {m['sur']}"))
            sep = _SEPARATOR.match(text, stop, end)
            if not sep:
                break
            pos = sep.end()
    return out


_IMPRINT = re.compile(r"(?:\(|[.;]\s+|^)(?P<place>[A-Z][\w.'’\- ]{1,40}?):\s*(?P<pub>[A-Z][\w.&'’\- ]{1,60}?)(?=,\s*(?:\d{4}|[A-Z][a-z]+ \d{4})|\s+\d{4}|\s*[.;)]|$)")


def source_publishers(document: Document) -> list[tuple[int, int]]:
    """Spans of publishers' names in the Sources list's imprints ("New York: Marcel Dekker, 1981")."""
    text = document.text
    spans = [s.span for s in document.sections if SOURCE_HEADINGS.match(s.heading or "")]
    out = []
    for item in document.items:
        if not any(sp.start <= item.span.start < sp.end for sp in spans):
            continue
        for m in _IMPRINT.finditer(text, item.span.start, item.span.end):
            a, b = m.span("pub")
            out.append((a, b))
    return out


def source_titles(document: Document) -> list[tuple[int, int]]:
    """The stretches of the Sources items that are titles: after the authors, outside the
    imprint's parentheses ("Cicero: The Life and Times of Rome's Greatest Politician").
    Names found there belong to the book's title, not to the life."""
    text = document.text
    spans = [s.span for s in document.sections if SOURCE_HEADINGS.match(s.heading or "")]
    authors = source_authors(document)
    out = []
    for item in document.items:
        if not any(sp.start <= item.span.start < sp.end for sp in spans):
            continue
        start = max([a.end for a in authors if item.span.start <= a.start < item.span.end], default=None)
        if start is None:
            m = re.match(r"[A-Z][\w'’\-]+(?:\s+[A-Z][\w.'’\-]*){0,3}(?=[,.]|\s+[A-Z])", text[item.span.start : item.span.end])
            start = item.span.start + (m.end() if m else 0)  # "Adam Hochschild Finding the Trapdoor ..."
        paren = text.find("(", start, item.span.end)
        end = paren if paren >= 0 else item.span.end
        if end > start:
            out.append((start, end))
    return out
