"""What each explorer view shows, as plain JSON-ready dicts, from a Document and its Record.

Pure functions of stored data, so they are tested without a server and the
browser only draws: sentences, EDTF bounds, itineraries, co-occurrence
edges and annotation layers are all worked out here. Every item carries the
``[start, end]`` offsets it was read from, so any view can point the reader
at its evidence.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from itertools import combinations
from typing import Any

from ..document import Document
from ..model import Event, Record
from ..query.text import split_sentences
from .timeaxis import describe, drawable, sort_key

NETWORK_LABELS = ("PERSON", "ORG")
# Places whose coordinates are a centroid: shown on the map, left out of the path.
COARSE_PLACES = {"country", "continent", "region", "historic state", "state", "mountains",
                 "sea", "ocean", "river", "island group"}


def _event_id(i: int) -> str:
    return f"event:{i}"


def _short(s: str, n: int = 280) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


@dataclass
class DocView:
    """A stored document, its record and the indexes every view needs, built once per version."""

    doc_id: int
    document: Document
    record: Record | None
    stored_sentences: list[tuple[int, int]] | None = None
    """Sentence spans as stored for ``vitagraph ask``; None or empty: split the text here."""
    _memo: dict[Any, Any] = field(default_factory=dict, repr=False)

    # -- shared indexes ----------------------------------------------------
    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentences, titles and headings as spans: what the reader frames and evidence points into.

        The stored sentences (one splitter for ``ask`` and the explorer) plus the
        title and headings, which are blocks of their own.
        """
        if self.stored_sentences:
            spans = [tuple(s) for s in self.stored_sentences]
            for kind, span in self.document.blocks():
                if kind in ("title", "heading") and span.end > span.start:
                    spans.append((span.start, span.end))
            spans.sort()
            return spans  # type: ignore[return-value]
        spans = []
        for kind, span in self.document.blocks():
            if kind in ("paragraph", "item"):
                spans.extend(split_sentences(self.document.text, span.start, span.end))
            elif span.end > span.start:
                spans.append((span.start, span.end))
        spans.sort()
        return spans

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def sentence_index(self, offset: int) -> int | None:
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i][0] <= offset < max(self.sentences[i][1], self.sentences[i][0] + 1):
            return i
        return None

    def sentence_of(self, start: int, end: int) -> tuple[int, int]:
        """The sentence(s) holding a span; the span itself if it is outside every sentence."""
        a, b = self.sentence_index(start), self.sentence_index(max(start, end - 1))
        if a is None and b is None:
            return (start, end)
        lo = self.sentences[a][0] if a is not None else start
        hi = self.sentences[b][1] if b is not None else end
        return (min(lo, start), max(hi, end))

    def quote(self, start: int, end: int, n: int = 280) -> str:
        return _short(self.document.text[start:end], n)

    @cached_property
    def entities(self) -> dict[str, Any]:
        rec = self.record
        return {e.id: e for e in rec.entities} if rec else {}

    @cached_property
    def places_by_id(self) -> dict[str, Any]:
        return {p.entity: p for p in self.record.places} if self.record else {}

    @cached_property
    def _place_names(self) -> dict[str, str]:
        names: dict[str, str] = {}
        for p in self.record.places if self.record else ():
            for n in (p.name, *p.aliases):
                names.setdefault(n.casefold(), p.entity)
        for e in self.entities.values():
            if e.label == "PLACE":
                for n in (e.name, *e.aliases):
                    names.setdefault(n.casefold(), e.id)
        return names

    def place_id(self, ref: str | None) -> str | None:
        """An event's place as an entity id: events may hold an id or, from the infobox, a name."""
        if not ref:
            return None
        if ref in self.places_by_id or ref in self.entities:
            return ref
        return self._place_names.get(ref.casefold()) or self._place_names.get(ref.split(",")[0].strip().casefold())

    @cached_property
    def works_by_id(self) -> dict[str, Any]:
        return {w.id: w for w in self.record.works} if self.record else {}

    def ref(self, entity_id: str) -> dict[str, Any]:
        """A participant or place as ``{id, name, label}``, whatever kind of id it is."""
        e = self.entities.get(entity_id)
        if e is not None:
            return {"id": e.id, "name": e.name, "label": e.label}
        w = self.works_by_id.get(entity_id)
        if w is not None:
            return {"id": w.id, "name": w.title, "label": "WORK"}
        p = self.places_by_id.get(entity_id)
        if p is not None:
            return {"id": p.entity, "name": p.name, "label": "PLACE"}
        return {"id": entity_id, "name": entity_id.split(":", 1)[-1].replace("-", " "), "label": "OTHER"}

    def _place_ref(self, ref: str | None) -> dict[str, Any] | None:
        if not ref:
            return None
        pid = self.place_id(ref)
        if pid is None:
            return {"id": None, "name": ref, "label": "PLACE"}
        return self.ref(pid)

    # -- timeline ----------------------------------------------------------
    def event_item(self, i: int, ev: Event) -> dict[str, Any]:
        place = self._place_ref(ev.place)
        sentence = self.sentence_of(ev.evidence.start, ev.evidence.end)
        label = ev.type.replace("_", " ").capitalize() + (f" · {place['name']}" if place else "")
        return {
            "id": _event_id(i), "layer": "event", "type": ev.type, "label": label,
            "date": ev.date, "time": drawable(ev.date),
            "place": place,
            "participants": [self.ref(p) for p in ev.participants],
            "span": [ev.evidence.start, ev.evidence.end], "sentence": list(sentence),
            "quote": self.quote(ev.evidence.start, ev.evidence.end),
            "confidence": round(ev.confidence, 3), "component": ev.component,
        }

    def _events(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Timeline items of the events, dated ones in time order, and the undated."""
        if "events" not in self._memo:
            rec = self.record
            items = [self.event_item(i, ev) for i, ev in enumerate(rec.events)] if rec else []
            dated = sorted((e for e in items if e["time"]), key=lambda e: (sort_key(e["date"]), e["span"][0]))
            self._memo["events"] = (dated, [e for e in items if not e["time"]])
        return self._memo["events"]

    def timeline(self) -> dict[str, Any]:
        """Events and the dated passages of the text, on one time axis."""
        if "timeline" in self._memo:
            return self._memo["timeline"]
        rec = self.record
        dated, undated = self._events()
        dates = []
        for i, t in enumerate(rec.times if rec else ()):
            time = drawable(t.value)
            if time is None or t.kind in ("century", "set"):
                continue  # a hundred-year smear says nothing about the life
            sentence = self.sentence_of(t.start, t.end)
            dates.append({
                "id": f"date:{i}", "layer": "date", "type": "date", "label": t.text,
                "date": t.value, "time": time, "kind": t.kind, "anchored": t.anchored,
                "span": [t.start, t.end], "sentence": list(sentence),
                "quote": self.quote(*sentence),
            })
        dates.sort(key=lambda d: (sort_key(d["date"]), d["span"][0]))
        types = Counter(e["type"] for e in dated + undated)
        first: dict[str, float] = {}
        for e in dated:
            first.setdefault(e["type"], sort_key(e["date"]))
        ends = [x for item in dated + dates for x in (item["time"]["lo"], item["time"]["hi"]) if x is not None]
        s = rec.subject if rec else None
        life = None
        if s is not None:
            born, died = drawable(s.born_date), drawable(s.died_date)
            life = {
                "born": born["lo"] if born else None, "died": died["hi"] if died else None,
                "born_label": describe(s.born_date) if s.born_date else None,
                "died_label": describe(s.died_date) if s.died_date else None,
            }
            ends += [x for x in (life["born"], life["died"]) if x is not None]
        out = {
            "subject": s.name if s else None,
            "life": life,
            "range": [min(ends), max(ends)] if ends else None,
            "types": [{"type": t, "count": n} for t, n in
                      sorted(types.items(), key=lambda kv: (first.get(kv[0], float("inf")), kv[0]))],
            "events": dated, "dates": dates, "undated": undated,
        }
        self._memo["timeline"] = out
        return out

    # -- map ---------------------------------------------------------------
    def map(self) -> dict[str, Any]:
        """Places with coordinates, how much happened at each, and the path in time order."""
        if "map" in self._memo:
            return self._memo["map"]
        rec = self.record
        mentions = Counter(m.entity for m in rec.mentions if m.entity) if rec else Counter()
        at: dict[str, list[str]] = defaultdict(list)
        steps = []
        for item in self._events()[0]:
            pid = item["place"]["id"] if item["place"] else None
            if pid is None:
                continue
            at[pid].append(item["id"])
            p = self.places_by_id.get(pid)
            if p is None or p.lat is None or p.kind in COARSE_PLACES:
                continue
            t = item["time"]
            steps.append({"place": pid, "event": item["id"], "type": item["type"], "date": item["date"],
                          "date_label": t["label"], "lo": t["lo"], "hi": t["hi"]})
        itinerary = []
        for step in steps:  # timeline events come sorted by time; a stay is one stop
            if itinerary and itinerary[-1]["place"] == step["place"]:
                itinerary[-1]["events"].append(step["event"])
                itinerary[-1]["hi"] = step["hi"] if step["hi"] is not None else itinerary[-1]["hi"]
                continue
            itinerary.append({**step, "events": [step["event"]]})
        places = []
        for p in rec.places if rec else ():
            n_ev, n_m = len(at.get(p.entity, ())), mentions.get(p.entity, 0)
            places.append({
                "id": p.entity, "name": p.name, "kind": p.kind, "lat": p.lat, "lon": p.lon,
                "country": p.country, "aliases": list(p.aliases), "coarse": p.kind in COARSE_PLACES,
                "mentions": n_m, "events": at.get(p.entity, []), "weight": 3 * n_ev + n_m,
            })
        places.sort(key=lambda p: (-p["weight"], p["name"]))
        out = {"places": places, "itinerary": itinerary,
               "unlocated": [p["name"] for p in places if p["lat"] is None or p["lon"] is None]}
        self._memo["map"] = out
        return out

    # -- network -----------------------------------------------------------
    def network(self) -> dict[str, Any]:
        """People and organizations, linked when they share a sentence (1) or an event (2)."""
        if "network" in self._memo:
            return self._memo["network"]
        rec = self.record
        keep = {e.id for e in self.entities.values() if e.label in NETWORK_LABELS or e.is_subject}
        subject = rec.subject.entity if rec and rec.subject else None
        if subject:
            keep.add(subject)
        by_sentence: dict[int, set[str]] = defaultdict(set)
        for m in rec.mentions if rec else ():
            if m.entity in keep:
                si = self.sentence_index(m.start)
                if si is not None:
                    by_sentence[si].add(m.entity)
        edges: dict[tuple[str, str], dict[str, Any]] = {}

        def link(a: str, b: str, w: int, kind: str, span: list[int]) -> None:
            key = (a, b) if a < b else (b, a)
            e = edges.setdefault(key, {"source": key[0], "target": key[1], "weight": 0,
                                       "sentences": 0, "events": 0, "evidence": []})
            e["weight"] += w
            e[kind] += 1
            if len(e["evidence"]) < 8 and span not in e["evidence"]:
                e["evidence"].append(span)

        for si, ids in by_sentence.items():
            for a, b in combinations(sorted(ids), 2):
                link(a, b, 1, "sentences", list(self.sentences[si]))
        for i, ev in enumerate(rec.events if rec else ()):
            ids = {p for p in ev.participants if p in keep}
            if subject:
                ids.add(subject)
            sentence = list(self.sentence_of(ev.evidence.start, ev.evidence.end))
            for a, b in combinations(sorted(ids), 2):
                link(a, b, 2, "events", sentence)
        degree: Counter[str] = Counter()
        strength: Counter[str] = Counter()
        for e in edges.values():
            for n in (e["source"], e["target"]):
                degree[n] += 1
                strength[n] += e["weight"]
        nodes = []
        for eid in keep:
            e = self.entities.get(eid)
            if e is None:
                continue
            nodes.append({"id": e.id, "name": e.name, "label": e.label, "aliases": list(e.aliases),
                          "mentions": e.mentions, "is_subject": e.is_subject or e.id == subject,
                          "degree": degree[e.id], "strength": strength[e.id]})
        nodes.sort(key=lambda n: (not n["is_subject"], -n["strength"], -n["mentions"], n["name"]))
        out = {"subject": subject, "nodes": nodes,
               "edges": sorted(edges.values(), key=lambda e: (-e["weight"], e["source"], e["target"]))}
        self._memo["network"] = out
        return out

    def entity(self, entity_id: str) -> dict[str, Any] | None:
        """One person, organization, place or work: its mentions in context and its events."""
        rec = self.record
        if rec is None:
            return None
        e = self.entities.get(entity_id)
        w = self.works_by_id.get(entity_id)
        p = self.places_by_id.get(entity_id)
        if e is None and w is None and p is None:
            return None
        text = self.document.text
        spans: list[tuple[int, int]] = [(m.start, m.end) for m in rec.mentions if m.entity == entity_id]
        if w is not None:
            spans += [(ev.start, ev.end) for ev in w.evidence]
        spans = sorted(set(spans))
        mentions = []
        for a, b in spans:
            s0, s1 = self.sentence_of(a, b)
            pre, post = text[max(s0, a - 160):a], text[b:min(s1, b + 160)]
            mentions.append({
                "span": [a, b], "sentence": [s0, s1],
                "before": ("…" if a - 160 > s0 else "") + " ".join(pre.split(" ")).lstrip(),
                "text": text[a:b],
                "after": " ".join(post.split(" ")).rstrip() + ("…" if b + 160 < s1 else ""),
            })
        events = [_event_id(i) for i, ev in enumerate(rec.events)
                  if entity_id in ev.participants or self.place_id(ev.place) == entity_id]
        info = self.ref(entity_id)
        info["aliases"] = list(e.aliases if e else (w.aliases if w else p.aliases))  # type: ignore[union-attr]
        info["is_subject"] = bool(e and (e.is_subject or (rec.subject and rec.subject.entity == e.id)))
        if p is not None:
            info.update(kind=p.kind, lat=p.lat, lon=p.lon, country=p.country)
        return {"entity": info, "mentions": mentions, "events": events}

    # -- works -------------------------------------------------------------
    def works(self) -> dict[str, Any]:
        """The bibliography, with sortable years and where the text names each work."""
        rec = self.record
        rows = []
        for w in rec.works if rec else ():
            year = drawable(w.year)
            orig = drawable(w.original_year)
            rows.append({
                "id": w.id, "title": w.title, "year": w.year, "year_label": describe(w.year) if w.year else None,
                "year_sort": year["lo"] if year else None,
                "kind": w.kind, "translators": list(w.translators), "editors": list(w.editors),
                "publisher": w.publisher, "place": w.place,
                "original_title": w.original_title, "original_year": w.original_year,
                "original_year_sort": orig["lo"] if orig else None,
                "aliases": list(w.aliases),
                "evidence": [[e.start, e.end] for e in w.evidence],
            })
        return {"works": rows}

    # -- reader ------------------------------------------------------------
    def reader(self) -> dict[str, Any]:
        """The text, its blocks and sentences, and every extracted span as an annotation."""
        if "reader" in self._memo:
            return self._memo["reader"]
        doc, rec = self.document, self.record
        blocks: list[dict[str, Any]] = []
        if doc.title_span:
            blocks.append({"kind": "title", "start": doc.title_span.start, "end": doc.title_span.end})
        for f in doc.infobox:
            blocks.append({"kind": "field", "start": f.key_span.start, "end": f.value_span.end,
                           "key": [f.key_span.start, f.key_span.end], "value": [f.value_span.start, f.value_span.end]})
        for s in doc.sections:
            blocks.append({"kind": "heading", "start": s.heading_span.start, "end": s.heading_span.end, "level": s.level})
        for p in doc.paragraphs:
            blocks.append({"kind": "paragraph", "start": p.span.start, "end": p.span.end})
        for b in doc.lists:
            for it in b.items:
                blocks.append({"kind": "item", "start": it.span.start, "end": it.span.end, "depth": it.depth})
        blocks.sort(key=lambda b: (b["start"], b["end"]))
        ann: list[dict[str, Any]] = []
        names: dict[str, dict[str, str]] = {}
        if rec is not None:
            for i, m in enumerate(rec.mentions):
                ann.append({"id": f"mention:{i}", "kind": "mention", "label": m.label, "start": m.start,
                            "end": m.end, "entity": m.entity, "component": m.component})
                if m.entity and m.entity not in names:
                    r = self.ref(m.entity)
                    names[m.entity] = {"name": r["name"], "label": r["label"] if r["label"] != "OTHER" else m.label}
            for i, t in enumerate(rec.times):
                ann.append({"id": f"date:{i}", "kind": "date", "start": t.start, "end": t.end,
                            "value": t.value, "label": describe(t.value) if t.value else "no date",
                            "date_kind": t.kind, "anchored": t.anchored})
            for i, ev in enumerate(rec.events):
                place = self._place_ref(ev.place)
                ann.append({"id": _event_id(i), "kind": "event", "start": ev.evidence.start, "end": ev.evidence.end,
                            "type": ev.type, "date": ev.date, "label": describe(ev.date),
                            "place": place["name"] if place else None, "place_id": place["id"] if place else None,
                            "participants": [self.ref(p)["name"] for p in ev.participants],
                            "participant_ids": list(ev.participants), "confidence": round(ev.confidence, 3)})
            for w in rec.works:
                for j, e in enumerate(w.evidence):
                    ann.append({"id": f"{w.id}#{j}", "kind": "work", "work": w.id, "title": w.title,
                                "start": e.start, "end": e.end})
            for i, c in enumerate(rec.claims):
                ann.append({"id": f"claim:{i}", "kind": "claim", "start": c.evidence.start, "end": c.evidence.end,
                            "speaker": c.speaker, "speaker_entity": c.speaker_entity, "verb": c.verb, "about": c.about,
                            "quote": [c.quote.start, c.quote.end] if c.quote else None})
        ann.sort(key=lambda a: (a["start"], -a["end"]))
        out = {
            "text": doc.text, "blocks": blocks, "sentences": [list(s) for s in self.sentences],
            "sections": [{"heading": s.heading, "level": s.level, "start": s.heading_span.start} for s in doc.sections],
            "annotations": ann, "entities": names,
        }
        self._memo["reader"] = out
        return out

    def summary(self) -> dict[str, Any]:
        """Title, subject and infobox: the header of every document page."""
        doc, rec = self.document, self.record
        s = rec.subject if rec else None
        return {
            "name": doc.name, "title": doc.display_title, "format": doc.format, "chars": len(doc.text),
            "extracted": rec is not None, "version": rec.version if rec else None,
            "subject": None if s is None else {
                "id": s.entity, "name": s.name, "aliases": list(s.aliases), "gender": s.gender,
                "born": {"date": s.born_date, "label": describe(s.born_date) if s.born_date else None, "place": s.born_place},
                "died": {"date": s.died_date, "label": describe(s.died_date) if s.died_date else None, "place": s.died_place},
            },
            "infobox": [{"key": f.key, "value": f.value} for f in doc.infobox],
            "warnings": list(doc.warnings),
        }
