"""The document model: clean text plus its structure as character spans.

Every reader turns its input format into one of these, so nothing downstream
knows whether a biography came from wikitext, HTML or the plain corpus
format. Structure is never copied out of the text: each element is a
``Span`` and ``document.text[span.start:span.end]`` is exactly its text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Iterator

FORMATS = ("corpus", "text", "markdown", "wikitext", "html")


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open character range ``[start, end)`` into ``Document.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span ({self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class InfoboxField:
    """One ``key: value`` row of the infobox (birth date, birthplace, ...)."""

    key: str
    value: str
    key_span: Span
    value_span: Span


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and everything under it, down to the next heading of its level.

    ``level`` follows HTML: the title is 1, ``==Section==`` (wikitext) and
    ``## Section`` (Markdown) are 2, their subsections 3, and so on.
    """

    level: int
    heading: str
    heading_span: Span
    span: Span
    parent: int | None = None
    """Index of the enclosing section in ``Document.sections``."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    span: Span
    section: int | None = None
    """Index of the innermost section holding it; None before the first heading."""


@dataclass(frozen=True, slots=True)
class ListItem:
    span: Span
    depth: int = 1
    """1 for a top-level bullet, 2 for a bullet under it, ..."""


@dataclass(frozen=True, slots=True)
class ListBlock:
    """Consecutive list items: a works list, a list of honours."""

    span: Span
    items: tuple[ListItem, ...]
    section: int | None = None


@dataclass(frozen=True)
class Document:
    """A biography as vitagraph reads it."""

    name: str
    """File name the document is known by (``victor-serge.txt``)."""
    text: str
    """The clean text that the NLP reads; every span points into it."""
    format: str
    encoding: str = "utf-8"
    title: str | None = None
    title_span: Span | None = None
    infobox: tuple[InfoboxField, ...] = ()
    sections: tuple[Section, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    lists: tuple[ListBlock, ...] = ()
    source_offsets: bool = False
    """True when offsets into ``text`` are also offsets into the decoded source
    file (line formats blank their markup instead of deleting it)."""
    warnings: tuple[str, ...] = field(default=(), compare=False)
    """Things the reader tolerated (an unclosed heading, a guessed encoding)."""

    @property
    def sha256(self) -> str:
        """Content key: the same text is the same document, whatever its name."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def display_title(self) -> str:
        if self.title:
            return self.title
        stem = self.name.rsplit(".", 1)[0]
        return stem.replace("-", " ").replace("_", " ").strip().title() or self.name

    @property
    def items(self) -> tuple[ListItem, ...]:
        return tuple(item for block in self.lists for item in block.items)

    def field(self, *keys: str) -> InfoboxField | None:
        """The first infobox field whose key matches one of ``keys`` (folded)."""
        wanted = {_fold_key(k) for k in keys}
        for f in self.infobox:
            if _fold_key(f.key) in wanted:
                return f
        return None

    def section_at(self, offset: int) -> Section | None:
        """The innermost section containing ``offset``."""
        best = None
        for s in self.sections:
            if s.span.start <= offset < max(s.span.end, s.span.start + 1):
                if best is None or s.level >= best.level:
                    best = s
        return best

    def blocks(self) -> Iterator[tuple[str, Span]]:
        """Every text block in reading order: title, fields, headings, paragraphs, items.

        The NLP uses these as hard sentence boundaries, so a heading never runs
        into the sentence after it.
        """
        spans: list[tuple[str, Span]] = []
        if self.title_span:
            spans.append(("title", self.title_span))
        for f in self.infobox:
            spans.append(("field", Span(f.key_span.start, f.value_span.end)))
        spans.extend(("heading", s.heading_span) for s in self.sections)
        spans.extend(("paragraph", p.span) for p in self.paragraphs)
        spans.extend(("item", i.span) for b in self.lists for i in b.items)
        spans.sort(key=lambda kv: (kv[1].start, kv[1].end))
        yield from spans

    def stats(self) -> dict[str, int]:
        return {
            "chars": len(self.text),
            "words": len(self.text.split()),
            "infobox_fields": len(self.infobox),
            "sections": len(self.sections),
            "paragraphs": len(self.paragraphs),
            "lists": len(self.lists),
            "list_items": sum(len(b.items) for b in self.lists),
        }


def _fold_key(key: str) -> str:
    return "".join(ch for ch in key.casefold() if ch.isalnum())


def check_invariants(doc: Document) -> list[str]:
    """Problems with a document's spans; empty when every span is sound.

    Readers' tests assert this over generated inputs; the store calls it
    before saving so a reader bug cannot land bad offsets.
    """
    text, n = doc.text, len(doc.text)
    problems: list[str] = []

    def inside(span: Span, what: str) -> bool:
        if span.end > n:
            problems.append(f"{what} {span} runs past the text ({n} chars)")
            return False
        return True

    if doc.title_span and inside(doc.title_span, "title"):
        if doc.title_span.of(text) != doc.title:
            problems.append(f"title span reads {doc.title_span.of(text)!r}, not {doc.title!r}")
    for f in doc.infobox:
        if inside(f.key_span, "field key") and f.key_span.of(text) != f.key:
            problems.append(f"field key span reads {f.key_span.of(text)!r}, not {f.key!r}")
        if inside(f.value_span, "field value") and f.value_span.of(text) != f.value:
            problems.append(f"field value span reads {f.value_span.of(text)!r}, not {f.value!r}")
    for i, s in enumerate(doc.sections):
        inside(s.span, "section")
        if inside(s.heading_span, "heading") and s.heading_span.of(text) != s.heading:
            problems.append(f"heading span reads {s.heading_span.of(text)!r}, not {s.heading!r}")
        if not s.span.contains(s.heading_span):
            problems.append(f"section {i} does not contain its heading")
        if s.parent is not None:
            parent = doc.sections[s.parent]
            if not parent.span.contains(s.span) or parent.level >= s.level:
                problems.append(f"section {i} does not nest in its parent {s.parent}")
    for p in doc.paragraphs:
        inside(p.span, "paragraph")
        if p.section is not None and not doc.sections[p.section].span.contains(p.span):
            problems.append(f"paragraph {p.span} outside its section")
    for b in doc.lists:
        inside(b.span, "list")
        if b.section is not None and not doc.sections[b.section].span.contains(b.span):
            problems.append(f"list {b.span} outside its section")
        for item in b.items:
            if not b.span.contains(item.span):
                problems.append(f"item {item.span} outside its list {b.span}")
    # Blocks never overlap one another: each character belongs to one element.
    last: tuple[str, Span] | None = None
    for kind, span in doc.blocks():
        if last and last[1].end > span.start:
            problems.append(f"{last[0]} {last[1]} overlaps {kind} {span}")
        last = (kind, span)
    return problems
