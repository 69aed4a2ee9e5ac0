"""The corpus format: ``= Title =``, an ``Infobox`` of ``- Key: Value`` lines,
``==Section==`` headings at any depth, one paragraph a line, ``- `` lists.

It is what Wikipedia's article text looks like once templates and references
are gone, so the reader is lenient the way MediaWiki is: an unclosed heading
is still a heading, a stray ``=`` line is dropped, and each is reported.
"""

from __future__ import annotations

import re

from ..document import Document
from .lines import LineDocument, iter_lines

_TITLE = re.compile(r"^\s*=(?!=)\s*(?P<t>[^=].*?)\s*(?P<close>=?)\s*$")
_HEADING = re.compile(r"^\s*(?P<open>={2,})\s*(?P<t>.*?)\s*(?P<close>=*)\s*$")
_STRAY = re.compile(r"^\s*=+\s*$")
_INFOBOX = re.compile(r"^\s*\{?\{?\s*infobox\b[^:]*$", re.IGNORECASE)
_FIELD = re.compile(r"^\s*[-*•]\s*(?P<k>[^:\n]{1,60}?)\s*:\s*(?P<v>\S.*?)\s*$")
_ITEM = re.compile(r"^(?P<indent>\s*)(?P<bullet>[-*•]+|\d+[.)])\s+(?P<t>\S.*?)\s*$")


def sniff(text: str) -> bool:
    """Does this look like the corpus format (title line, Infobox or ``==x==``)?"""
    head = text.lstrip()[:2000]
    if _TITLE.match(head.split("\n", 1)[0]) and not head.startswith("=="):
        return True
    lines = text[:20000].split("\n")
    return any(_INFOBOX.match(line) for line in lines[:50]) or sum(
        1 for line in lines if re.match(r"^={2,}[^=].*?={2,}\s*$", line)
    ) >= 1


def read(text: str, name: str, encoding: str = "utf-8") -> Document:
    doc = LineDocument(name, text, "corpus", encoding)
    in_infobox = False
    seen_content = False
    for line in iter_lines(text):
        raw = line.text
        if not raw.strip():
            doc.flush()
            in_infobox = False
            continue
        if _STRAY.match(raw):
            doc.blank(line.start, line.end)
            doc.warnings.append(f"line {line.number}: stray '=' line ignored")
            continue
        m = _HEADING.match(raw)
        if m and m.group("t"):
            in_infobox = False
            opened, closed = len(m.group("open")), len(m.group("close"))
            if not closed:
                doc.warnings.append(
                    f"line {line.number}: heading {raw.strip()[:40]!r} is not closed; "
                    "read as a heading"
                )
            doc.add_heading(line, min(opened, 6), line.span(m.start("t"), m.end("t")))
            seen_content = True
            continue
        if not seen_content and doc.title is None:
            t = _TITLE.match(raw)
            if t:
                if not t.group("close"):
                    doc.warnings.append(f"line {line.number}: title line is not closed")
                doc.set_title(line, line.span(t.start("t"), t.end("t")))
                continue
        if _INFOBOX.match(raw) and not doc.fields and not seen_content:
            doc.flush()
            doc.blank(line.start, line.end)
            in_infobox = True
            continue
        if in_infobox:
            f = _FIELD.match(raw)
            if f:
                doc.add_field(line, line.span(f.start("k"), f.end("k")), line.span(f.start("v"), f.end("v")))
                continue
            in_infobox = False
        seen_content = True
        item = _ITEM.match(raw)
        if item:
            depth = len(item.group("indent").expandtabs(2)) // 2 + 1
            bullet = item.group("bullet")
            if bullet[0] in "-*•" and len(bullet) > 1:
                depth = max(depth, len(bullet))
            doc.add_item(line, depth, line.span(item.start("t"), item.end("t")))
            continue
        doc.add_text(line, line.span(0, len(raw)), own_paragraph=True)
    return doc.build()
