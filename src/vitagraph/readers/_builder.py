"""Assemble a Document's clean text and spans together, element by element.

Readers of formats whose markup cannot simply be blanked out (wikitext,
HTML) emit title, infobox fields, headings, paragraphs and list items in
reading order; the builder lays them out as text and records each span as it
goes, so offsets cannot drift from the text they point at.
"""

from __future__ import annotations

import re

from ..document import Document, InfoboxField, ListBlock, ListItem, Paragraph, Section, Span

_WS = re.compile(r"\s+")


def clean_inline(text: str) -> str:
    """Collapse runs of white space to one space and trim: one block, one line."""
    return _WS.sub(" ", text).strip()


class DocumentBuilder:
    """Layout: blocks separated by a blank line; list items and fields one per line."""

    def __init__(self, name: str, format: str, encoding: str = "utf-8") -> None:
        self.name, self.format, self.encoding = name, format, encoding
        self._parts: list[str] = []
        self._len = 0
        self._title: tuple[str, Span] | None = None
        self._fields: list[InfoboxField] = []
        self._headings: list[tuple[int, str, Span]] = []
        self._paragraphs: list[Span] = []
        self._lists: list[list[ListItem]] = []
        self._in_list = False
        self._last_kind: str | None = None
        self.warnings: list[str] = []

    # -- layout -----------------------------------------------------------
    def _append(self, text: str, kind: str) -> Span:
        if self._len:
            joined = kind == self._last_kind and kind in ("item", "field")
            sep = "\n" if joined else "\n\n"
            self._parts.append(sep)
            self._len += len(sep)
        start = self._len
        self._parts.append(text)
        self._len += len(text)
        self._last_kind = kind
        return Span(start, self._len)

    # -- elements ---------------------------------------------------------
    def title(self, text: str) -> None:
        text = clean_inline(text)
        if text and self._title is None:
            self._in_list = False
            self._title = (text, self._append(text, "title"))

    def field(self, key: str, value: str) -> None:
        key, value = clean_inline(key).rstrip(":").strip(), clean_inline(value)
        if not key or not value:
            return
        self._in_list = False
        span = self._append(f"{key}: {value}", "field")
        key_span = Span(span.start, span.start + len(key))
        value_span = Span(span.end - len(value), span.end)
        self._fields.append(InfoboxField(key, value, key_span, value_span))

    def heading(self, level: int, text: str) -> None:
        text = clean_inline(text)
        if not text:
            return
        self._in_list = False
        self._headings.append((max(2, level), text, self._append(text, "heading")))

    def paragraph(self, text: str) -> None:
        text = clean_inline(text)
        if not text:
            return
        self._in_list = False
        self._paragraphs.append(self._append(text, "paragraph"))

    def item(self, text: str, depth: int = 1) -> None:
        """A list item; consecutive items form one list until another element."""
        text = clean_inline(text)
        if not text:
            return
        if not self._in_list:
            self._lists.append([])
            self._in_list = True
        self._lists[-1].append(ListItem(self._append(text, "item"), max(1, depth)))

    def end_list(self) -> None:
        self._in_list = False

    def build(self) -> Document:
        text = "".join(self._parts)
        return assemble(
            name=self.name,
            text=text,
            format=self.format,
            encoding=self.encoding,
            title=self._title,
            fields=self._fields,
            headings=self._headings,
            paragraphs=self._paragraphs,
            lists=[items for items in self._lists if items],
            source_offsets=False,
            warnings=self.warnings,
        )


def assemble(
    *,
    name: str,
    text: str,
    format: str,
    encoding: str,
    title: tuple[str, Span] | None,
    fields: list[InfoboxField],
    headings: list[tuple[int, str, Span]],
    paragraphs: list[Span],
    lists: list[list[ListItem]],
    source_offsets: bool,
    warnings: list[str],
) -> Document:
    """Derive the section tree from flat headings and attach blocks to sections.

    A section runs from its heading to the last block before the next heading
    of the same or a higher level, so section spans nest by construction.
    """
    blocks_end = [p.end for p in paragraphs] + [i.span.end for items in lists for i in items]
    blocks_end += [h[2].end for h in headings]
    sections: list[Section] = []
    stack: list[int] = []
    for i, (level, heading, hspan) in enumerate(headings):
        next_start = len(text) + 1
        for later_level, _, later_span in headings[i + 1 :]:
            if later_level <= level:
                next_start = later_span.start
                break
        end = max([e for e in blocks_end if hspan.start <= e < next_start] or [hspan.end])
        while stack and sections[stack[-1]].level >= level:
            stack.pop()
        parent = stack[-1] if stack else None
        sections.append(Section(level, heading, hspan, Span(hspan.start, end), parent))
        stack.append(i)

    def owner(span: Span) -> int | None:
        best = None
        for i, s in enumerate(sections):
            if s.span.contains(span) and (best is None or s.level > sections[best].level):
                best = i
        return best

    paras = tuple(Paragraph(p, owner(p)) for p in paragraphs)
    blocks = []
    for items in lists:
        span = Span(items[0].span.start, items[-1].span.end)
        blocks.append(ListBlock(span, tuple(items), owner(span)))
    return Document(
        name=name,
        text=text,
        format=format,
        encoding=encoding,
        title=title[0] if title else None,
        title_span=title[1] if title else None,
        infobox=tuple(fields),
        sections=tuple(sections),
        paragraphs=paras,
        lists=tuple(blocks),
        source_offsets=source_offsets,
        warnings=tuple(warnings),
    )
