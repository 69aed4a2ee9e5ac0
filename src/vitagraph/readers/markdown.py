"""Markdown: ``#`` headings, ``-``/``*``/``1.`` lists, paragraphs of joined lines.

The first level-1 heading is the title. Inline markup (emphasis, links) is
blanked so the NLP reads ``Trotsky``, not ``[Trotsky](https://...)``.
"""

from __future__ import annotations

import re

from ..document import Document
from .lines import LineDocument, blank_inline_markdown, iter_lines

_HEADING = re.compile(r"^\s{0,3}(?P<open>#{1,6})\s+(?P<t>.*?)\s*#*\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_=])(\s*\1){2,}\s*$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_ITEM = re.compile(r"^(?P<indent>\s*)(?P<bullet>[-*+]|\d+[.)])\s+(?P<t>\S.*?)\s*$")
_QUOTE = re.compile(r"^\s{0,3}>\s?")


def sniff(text: str) -> bool:
    return bool(re.search(r"^#{1,6}\s+\S", text[:20000], re.MULTILINE))


def read(text: str, name: str, encoding: str = "utf-8") -> Document:
    doc = LineDocument(name, text, "markdown", encoding)
    in_fence = False
    for line in iter_lines(text):
        raw = line.text
        if _FENCE.match(raw):
            doc.blank(line.start, line.end)
            in_fence = not in_fence
            doc.flush()
            continue
        if in_fence:
            doc.add_text(line, line.span(0, len(raw)), own_paragraph=False)
            continue
        if not raw.strip():
            doc.flush()
            continue
        if _RULE.match(raw):
            doc.flush()
            doc.blank(line.start, line.end)
            continue
        m = _HEADING.match(raw)
        if m and m.group("t"):
            keep = line.span(m.start("t"), m.end("t"))
            level = len(m.group("open"))
            if level == 1 and doc.title is None and not doc.headings:
                doc.set_title(line, keep)
            else:
                doc.add_heading(line, max(2, level), keep)
            blank_inline_markdown(doc, line, keep)
            continue
        item = _ITEM.match(raw)
        if item:
            depth = len(item.group("indent").expandtabs(4)) // 2 + 1
            keep = line.span(item.start("t"), item.end("t"))
            doc.add_item(line, depth, keep)
            blank_inline_markdown(doc, line, keep)
            continue
        q = _QUOTE.match(raw)
        if q:
            doc.blank(line.start, line.start + q.end())
        keep = line.span(q.end() if q else 0, len(raw))
        doc.add_text(line, keep, own_paragraph=False)
        blank_inline_markdown(doc, line, keep)
    return doc.build()
