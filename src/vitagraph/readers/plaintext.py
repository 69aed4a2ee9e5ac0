"""Plain text: no markup at all. Paragraphs are separated by blank lines;
lines that start with a bullet form lists. No headings, so no sections."""

from __future__ import annotations

import re

from ..document import Document
from .lines import LineDocument, iter_lines

_ITEM = re.compile(r"^(?P<indent>\s*)(?P<bullet>[-*•])\s+(?P<t>\S.*?)\s*$")


def read(text: str, name: str, encoding: str = "utf-8") -> Document:
    doc = LineDocument(name, text, "text", encoding)
    for line in iter_lines(text):
        raw = line.text
        if not raw.strip():
            doc.flush()
            continue
        item = _ITEM.match(raw)
        if item:
            depth = len(item.group("indent").expandtabs(2)) // 2 + 1
            doc.add_item(line, depth, line.span(item.start("t"), item.end("t")))
            continue
        doc.add_text(line, line.span(0, len(raw)), own_paragraph=False)
    return doc.build()
