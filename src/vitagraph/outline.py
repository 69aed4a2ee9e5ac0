"""A document's outline: what ``vitagraph show`` prints and ``--json`` returns."""

from __future__ import annotations

from typing import Any

from .document import Document


def outline(doc: Document) -> dict[str, Any]:
    """Title, infobox, section tree with counts, lists with their items, totals."""
    text = doc.text
    paragraphs_in: dict[int | None, int] = {}
    for p in doc.paragraphs:
        paragraphs_in[p.section] = paragraphs_in.get(p.section, 0) + 1
    items_in: dict[int | None, int] = {}
    for b in doc.lists:
        items_in[b.section] = items_in.get(b.section, 0) + len(b.items)

    nodes: list[dict[str, Any]] = []
    roots: list[dict[str, Any]] = []
    for i, s in enumerate(doc.sections):
        node = {
            "heading": s.heading,
            "level": s.level,
            "span": [s.span.start, s.span.end],
            "paragraphs": paragraphs_in.get(i, 0),
            "list_items": items_in.get(i, 0),
            "sections": [],
        }
        nodes.append(node)
        (nodes[s.parent]["sections"] if s.parent is not None else roots).append(node)

    def path(index: int | None) -> str | None:
        names = []
        while index is not None:
            names.append(doc.sections[index].heading)
            index = doc.sections[index].parent
        return " › ".join(reversed(names)) or None

    return {
        "name": doc.name,
        "title": doc.display_title,
        "format": doc.format,
        "encoding": doc.encoding,
        "sha256": doc.sha256,
        "source_offsets": doc.source_offsets,
        "counts": doc.stats(),
        "infobox": [
            {"key": f.key, "value": f.value, "span": [f.value_span.start, f.value_span.end]}
            for f in doc.infobox
        ],
        "lead_paragraphs": paragraphs_in.get(None, 0),
        "sections": roots,
        "lists": [
            {
                "section": path(b.section),
                "span": [b.span.start, b.span.end],
                "items": [
                    {"text": i.span.of(text), "depth": i.depth, "span": [i.span.start, i.span.end]}
                    for i in b.items
                ],
            }
            for b in doc.lists
        ],
        "warnings": list(doc.warnings),
    }
