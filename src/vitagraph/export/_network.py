"""The network of a life, for Gephi and networkx: who and what is connected to whom.

Nodes: the subject, people, organizations, places and works of the record,
plus translators, editors and publishers named only in the works list. Edges
are undirected, one per pair, with every relation that joins the pair:

* ``author`` (subject - work), ``translator``, ``editor``, ``publisher`` (work - agent);
* ``born``, ``died`` (subject - place), from the subject's record;
* an event type (``joined``, ``imprisoned``...) between the subject and each
  participant and the event's place, with the event's date;
* ``co-mention``: named in the same paragraph, list item or infobox row.

``weight`` counts the facts behind an edge; ``evidence`` lists their spans.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from ..document import Document
from ..model import Record
from . import _dates
from ._common import Index, coords, slug

KINDS = ("subject", "person", "organization", "place", "work")

NODE_ATTRS: list[tuple[str, str]] = [
    ("kind", "string"),
    ("mentions", "integer"),
    ("aliases", "string"),
    ("lat", "double"),
    ("lon", "double"),
    ("year", "string"),
]
"""(name, type) of every node attribute; a node without a value simply has none."""

EDGE_ATTRS: list[tuple[str, str]] = [
    ("relation", "string"),
    ("dates", "string"),
    ("start", "string"),
    ("end", "string"),
    ("evidence", "string"),
]

COLORS = {
    "subject": (214, 39, 40), "person": (31, 119, 180), "organization": (44, 160, 44),
    "place": (255, 127, 14), "work": (148, 103, 189),
}


@dataclass
class Node:
    id: str
    label: str
    kind: str
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass
class Edge:
    source: str
    target: str
    relations: list[str] = field(default_factory=list)
    weight: float = 0.0
    dates: list[str] = field(default_factory=list)
    evidence: list[tuple[int, int]] = field(default_factory=list)

    def attrs(self) -> dict[str, Any]:
        bounds = [_dates.day_bounds(d) for d in self.dates]
        lows = [lo for lo, _ in bounds if lo is not None]
        highs = [hi for _, hi in bounds if hi is not None]
        out: dict[str, Any] = {"relation": ", ".join(sorted(set(self.relations)))}
        if self.dates:
            out["dates"] = " | ".join(dict.fromkeys(self.dates))
        if lows:
            out["start"] = min(lows).iso()
        if highs:
            out["end"] = max(highs).iso()
        if self.evidence:
            out["evidence"] = " ".join(f"{s}-{e}" for s, e in dict.fromkeys(self.evidence))
        return out


@dataclass
class Network:
    title: str
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple[str, str], Edge] = field(default_factory=dict)

    def link(self, a: str, b: str, relation: str, *, date: str | None = None,
             evidence: tuple[int, int] | None = None) -> None:
        if a == b or a not in self.nodes or b not in self.nodes:
            return
        key = (a, b) if a < b else (b, a)
        edge = self.edges.setdefault(key, Edge(*key))
        edge.relations.append(relation)
        edge.weight += 1.0
        if date and _dates.parse(date) is not None:
            edge.dates.append(date)
        if evidence is not None:
            edge.evidence.append(evidence)


def build(record: Record, document: Document) -> Network:
    ix = Index(record)
    s = record.subject
    net = Network(document.display_title)

    def add(node_id: str, label: str, node_kind: str, **attrs: Any) -> None:
        if node_id and node_id not in net.nodes:
            values = {"kind": node_kind, **{k: v for k, v in attrs.items() if v is not None and v != ""}}
            net.nodes[node_id] = Node(node_id, label, node_kind, values)

    sid = ix.subject_id
    if sid:
        ent = ix.entities.get(sid)
        add(sid, (s.name if s else "") or (ent.name if ent else sid), "subject",
            mentions=ent.mentions if ent else None,
            aliases="; ".join(s.aliases if s else ent.aliases if ent else ()))
    for e in ix.entities.values():
        kind = {"PERSON": "person", "ORG": "organization"}.get(e.label)
        if kind and e.id != sid:
            add(e.id, e.name, kind, mentions=e.mentions, aliases="; ".join(e.aliases))
    for p in ix.places.values():
        c = coords(p)
        ent = ix.entities.get(p.entity)
        add(p.entity, p.name, "place", mentions=ent.mentions if ent else None,
            aliases="; ".join(p.aliases), lat=c[0] if c else None, lon=c[1] if c else None)
    for e in ix.entities.values():
        if e.label == "PLACE":
            add(e.id, e.name, "place", mentions=e.mentions, aliases="; ".join(e.aliases))
    for w in ix.works.values():
        add(w.id, w.title, "work", aliases="; ".join(w.aliases),
            year=w.year if _dates.parse(w.year) else None)

    def agent(name: str, kind: str) -> str:
        label = "ORG" if kind == "organization" else "PERSON"
        e = ix.entity_by_name(label, name) or ix.entity_by_name("ORG" if label == "PERSON" else "PERSON", name)
        if e is not None and e.id in net.nodes:
            return e.id
        node_id = "agent:" + (slug(name) or name)
        add(node_id, name, kind)
        return node_id

    for w in ix.works.values():
        first = w.evidence[0] if w.evidence else None
        span = (first.start, first.end) if first else None
        if sid:
            net.link(sid, w.id, "author", date=w.year, evidence=span)
        for t in w.translators:
            net.link(w.id, agent(t, "person"), "translator", evidence=span)
        for ed in w.editors:
            net.link(w.id, agent(ed, "person"), "editor", evidence=span)
        if w.publisher:
            net.link(w.id, agent(w.publisher, "organization"), "publisher", evidence=span)

    if s is not None and sid:
        for rel, name, date in (("born", s.born_place, s.born_date), ("died", s.died_place, s.died_date)):
            p = ix.place(name)
            if p is not None:
                net.link(sid, p.entity, rel, date=date)

    for ev in record.events:
        span = (ev.evidence.start, ev.evidence.end)
        place = ix.event_place(ev)
        if sid and place is not None:
            net.link(sid, place.entity, ev.type, date=ev.date, evidence=span)
        for ref in ev.participants:
            if sid:
                net.link(sid, ref, ev.type, date=ev.date, evidence=span)

    # co-mentions: entities named in the same block of text
    blocks = [span for kind, span in document.blocks() if kind in ("paragraph", "item", "field")]
    starts = [b.start for b in blocks]
    seen: dict[int, list[str]] = {}
    for m in record.mentions:
        if not m.entity or m.entity not in net.nodes:
            continue
        i = bisect.bisect_right(starts, m.start) - 1
        if i < 0 or m.end > blocks[i].end:
            continue
        ids = seen.setdefault(i, [])
        if m.entity not in ids:
            ids.append(m.entity)
    for i, ids in seen.items():
        span = (blocks[i].start, blocks[i].end)
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                net.link(ids[x], ids[y], "co-mention", evidence=span)
    return net
