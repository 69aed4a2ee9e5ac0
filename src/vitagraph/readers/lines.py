"""Shared machinery for line-oriented formats: the corpus format, Markdown, plain text.

These readers do not delete markup, they blank it: ``==Death==`` becomes
``  Death  ``. The clean text is then exactly as long as the source, so every
offset vitagraph reports is also an offset into the file the user has, and a
quote can be found in it by position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from ..document import Document, InfoboxField, ListItem, Span
from ._builder import assemble


@dataclass
class Line:
    """One source line: its text (without newline) and where it starts."""

    text: str
    start: int
    number: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def span(self, a: int, b: int) -> Span:
        """Span of ``text[a:b]`` in document coordinates, trimmed of white space."""
        while a < b and self.text[a].isspace():
            a += 1
        while b > a and self.text[b - 1].isspace():
            b -= 1
        return Span(self.start + a, self.start + b)


def iter_lines(text: str) -> Iterator[Line]:
    pos = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        yield Line(raw, pos, number)
        pos += len(raw) + 1


@dataclass
class LineDocument:
    """What a line reader collects before assembly; also owns the blanking."""

    name: str
    source: str
    format: str
    encoding: str
    title: tuple[str, Span] | None = None
    fields: list[InfoboxField] = field(default_factory=list)
    headings: list[tuple[int, str, Span]] = field(default_factory=list)
    paragraphs: list[Span] = field(default_factory=list)
    lists: list[list[ListItem]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _blank: list[tuple[int, int]] = field(default_factory=list)
    _para: list[Span] = field(default_factory=list)
    _in_list: bool = False

    def blank(self, start: int, end: int) -> None:
        """Replace source[start:end] by spaces in the clean text (markup)."""
        if end > start:
            self._blank.append((start, end))

    def blank_outside(self, line: Line, keep: Span) -> None:
        """Blank everything on ``line`` except ``keep``."""
        self.blank(line.start, keep.start)
        self.blank(keep.end, line.end)

    def text_of(self, span: Span) -> str:
        """Source text of a span; build() re-reads every span from the clean text."""
        return self.source[span.start : span.end]

    # -- elements ---------------------------------------------------------
    def set_title(self, line: Line, keep: Span) -> None:
        self.flush()
        self.blank_outside(line, keep)
        self.title = (self.text_of(keep), keep)

    def add_heading(self, line: Line, level: int, keep: Span) -> None:
        self.flush()
        self.blank_outside(line, keep)
        if len(keep):
            self.headings.append((level, self.text_of(keep), keep))

    def add_field(self, line: Line, key: Span, value: Span) -> None:
        self.flush()
        self.blank(line.start, key.start)
        self.blank(value.end, line.end)
        self.fields.append(InfoboxField(self.text_of(key), self.text_of(value), key, value))

    def add_item(self, line: Line, depth: int, keep: Span) -> None:
        self.flush(end_list=False)
        self.blank_outside(line, keep)
        if not len(keep):
            return
        if not self._in_list:
            self.lists.append([])
            self._in_list = True
        self.lists[-1].append(ListItem(keep, depth))

    def add_text(self, line: Line, keep: Span, *, own_paragraph: bool) -> None:
        """A line of prose; joined with the next unless each line is a paragraph."""
        if self._in_list:
            self._in_list = False
        if not len(keep):
            return
        self._para.append(keep)
        if own_paragraph:
            self.flush()

    def flush(self, *, end_list: bool = True) -> None:
        """Close the open paragraph (and list): a blank line or a new element."""
        if self._para:
            self.paragraphs.append(Span(self._para[0].start, self._para[-1].end))
            self._para = []
        if end_list:
            self._in_list = False

    # -- output -----------------------------------------------------------
    def build(self) -> Document:
        self.flush()
        text = _apply_blanks(self.source, self._blank)

        def trim(span: Span) -> Span:
            # Inline markup blanked at an edge leaves spaces there; spans hug text.
            a, b = span.start, span.end
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            return Span(a, b)

        fields = []
        for f in self.fields:
            k, v = trim(f.key_span), trim(f.value_span)
            fields.append(InfoboxField(k.of(text), v.of(text), k, v))
        headings = [(lvl, trim(s).of(text), trim(s)) for lvl, _, s in self.headings]
        title = (trim(self.title[1]).of(text), trim(self.title[1])) if self.title else None
        paragraphs = [p for p in map(trim, self.paragraphs) if len(p)]
        lists = [
            [ListItem(trim(i.span), i.depth) for i in items if len(trim(i.span))]
            for items in self.lists
        ]
        return assemble(
            name=self.name,
            text=text,
            format=self.format,
            encoding=self.encoding,
            title=title,
            fields=fields,
            headings=headings,
            paragraphs=paragraphs,
            lists=[items for items in lists if items],
            source_offsets=True,
            warnings=self.warnings,
        )


def _apply_blanks(source: str, ranges: list[tuple[int, int]]) -> str:
    if not ranges:
        return source
    out: list[str] = []
    pos = 0
    for start, end in sorted(ranges):
        start = max(start, pos)
        if end <= start:
            continue
        out.append(source[pos:start])
        # Keep newlines so line structure (and spaCy's view of it) survives.
        out.append("".join("\n" if c == "\n" else " " for c in source[start:end]))
        pos = end
    out.append(source[pos:])
    return "".join(out)


# Inline markup shared by the corpus format and Markdown.
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_MD_EMPH = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")


def blank_inline_markdown(doc: LineDocument, line: Line, keep: Span) -> None:
    """Blank ``[label](url)`` down to ``label`` and emphasis markers down to their text."""
    rel = keep.start - line.start
    segment = line.text[rel : rel + len(keep)]
    for m in _MD_LINK.finditer(segment):
        base = keep.start + m.start()
        doc.blank(base, base + 1)  # [
        doc.blank(base + 1 + len(m.group(1)), keep.start + m.end())  # ](url)
    for m in _MD_EMPH.finditer(segment):
        base = keep.start + m.start()
        marker = len(m.group(1))
        doc.blank(base, base + marker)
        doc.blank(keep.start + m.end() - marker, keep.start + m.end())
