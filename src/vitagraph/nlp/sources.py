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


def _source_items(document: Document) -> list[tuple[int, int]]:
    """(start, end) of every list item under a Sources / References heading."""
    spans = [s.span for s in document.sections if SOURCE_HEADINGS.match(s.heading or "")]
    return [(i.span.start, i.span.end) for i in document.items if any(sp.start <= i.span.start < sp.end for sp in spans)]


def _authors_of(text: str, pos: int, end: int) -> list[SourceAuthor]:
    """The entry's leading authors: "Brewer, James W.; Smith, Martha K. (eds.)"."""
    out = []
    while True:
        m = _AUTHOR.match(text, pos, end)
        if not m:
            return out
        stop = m.end("given")
        if re.search(r"(?:^|\s)[A-Z]$", m["given"]) and text[stop : stop + 1] == ".":
            stop += 1  # "Ross E." keeps its initial's dot
        out.append(SourceAuthor(m.start(), stop, f"{text[m.start('given') : stop]} {m['sur']}"))
        sep = _SEPARATOR.match(text, stop, end)
        if not sep:
            return out
        pos = sep.end()


_IMPRINT = re.compile(r"(?:\(|[.;]\s+|^)(?P<place>[A-Z][\w.'’\- ]{1,40}?):\s*(?P<pub>[A-Z][\w.&'’\- ]{1,60}?)(?=,\s*(?:\d{4}|[A-Z][a-z]+ \d{4})|\s+\d{4}|\s*[.;)]|$)")


@dataclass(frozen=True)
class Sources:
    authors: list[SourceAuthor]
    publishers: list[tuple[int, int]]
    """Spans of publishers' names in the imprints ("New York: Marcel Dekker, 1981")."""
    titles: list[tuple[int, int]]
    """The stretches that are titles: after the authors, outside the imprint's parentheses
    ("Cicero: The Life and Times of Rome's Greatest Politician"). Names found there belong
    to the book's title, not to the life."""


def read_sources(document: Document) -> Sources:
    text = document.text
    authors: list[SourceAuthor] = []
    publishers: list[tuple[int, int]] = []
    titles: list[tuple[int, int]] = []
    for start, end in _source_items(document):
        found = _authors_of(text, start, end)
        authors += found
        publishers += [m.span("pub") for m in _IMPRINT.finditer(text, start, end)]
        if found:
            title_start = found[-1].end
        else:
            m = re.match(r"[A-Z][\w'’\-]+(?:\s+[A-Z][\w.'’\-]*){0,3}(?=[,.]|\s+[A-Z])", text[start:end])
            title_start = start + (m.end() if m else 0)  # "Adam Hochschild Finding the Trapdoor ..."
        paren = text.find("(", title_start, end)
        title_end = paren if paren >= 0 else end
        if title_end > title_start:
            titles.append((title_start, title_end))
    return Sources(authors, publishers, titles)


def source_authors(document: Document) -> list[SourceAuthor]:
    return read_sources(document).authors


def source_publishers(document: Document) -> list[tuple[int, int]]:
    return read_sources(document).publishers
