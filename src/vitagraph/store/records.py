"""Saving and loading extracted Records: every row keeps its character offsets."""

from __future__ import annotations

import json
import sqlite3

from ..model import Claim, Entity, Event, Evidence, Mention, Place, Record, Subject, TimeExpr, Work
from .sentences import index_document

TABLES = ("records", "subjects", "entities", "mentions", "places", "works", "time_expressions", "claims", "events")


def save_record(conn: sqlite3.Connection, doc_id: int, record: Record) -> None:
    """Replace the document's record (call inside the document's transaction)."""
    for table in TABLES:
        conn.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc_id,))
    conn.execute("INSERT INTO records VALUES (?, ?)", (doc_id, record.version))
    s = record.subject
    if s is not None:
        conn.execute(
            "INSERT INTO subjects VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_id, s.entity, s.name, json.dumps(list(s.aliases), ensure_ascii=False), s.gender,
             s.born_date, s.born_place, s.died_date, s.died_place),
        )
    conn.executemany(
        "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(doc_id, e.id, e.label, e.name, json.dumps(list(e.aliases), ensure_ascii=False), e.mentions, int(e.is_subject))
         for e in record.entities],
    )
    conn.executemany(
        "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(doc_id, m.start, m.end, m.text, m.label, m.entity, m.component) for m in record.mentions],
    )
    conn.executemany(
        "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(doc_id, p.entity, p.name, p.kind, p.lat, p.lon, p.country, p.geonameid,
          json.dumps(list(p.aliases), ensure_ascii=False), p.score) for p in record.places],
    )
    conn.executemany(
        "INSERT INTO works VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(doc_id, w.id, w.title, w.year, w.kind, json.dumps(list(w.translators), ensure_ascii=False),
          json.dumps(list(w.editors), ensure_ascii=False), w.publisher, w.place, w.original_title, w.original_year,
          json.dumps(list(w.aliases), ensure_ascii=False), json.dumps([[e.start, e.end] for e in w.evidence]))
         for w in record.works],
    )
    conn.executemany(
        "INSERT INTO time_expressions VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(doc_id, t.start, t.end, t.text, t.value, t.kind, int(t.anchored)) for t in record.times],
    )
    conn.executemany(
        "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(doc_id, i, c.speaker, c.speaker_entity, c.verb, c.about,
          c.quote.start if c.quote else None, c.quote.end if c.quote else None, c.evidence.start, c.evidence.end)
         for i, c in enumerate(record.claims)],
    )
    conn.executemany(
        "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(doc_id, i, e.type, e.date, e.place, json.dumps(list(e.participants)), e.evidence.start, e.evidence.end,
          e.confidence, e.component) for i, e in enumerate(record.events)],
    )
    index_document(conn, doc_id)  # sentences and names for `vitagraph ask`, in the same transaction


def load_record(conn: sqlite3.Connection, doc_id: int, name: str) -> Record | None:
    row = conn.execute("SELECT vitagraph_version FROM records WHERE document_id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    version = row[0]
    subject = None
    s = conn.execute(
        "SELECT entity_id, name, aliases, gender, born_date, born_place, died_date, died_place"
        " FROM subjects WHERE document_id = ?", (doc_id,),
    ).fetchone()
    if s:
        subject = Subject(s[0], s[1], tuple(json.loads(s[2])), s[3], s[4], s[5], s[6], s[7])
    q = lambda sql: conn.execute(sql, (doc_id,)).fetchall()  # noqa: E731
    entities = tuple(
        Entity(r[0], r[1], r[2], tuple(json.loads(r[3])), r[4], bool(r[5]))
        for r in q("SELECT entity_id, label, name, aliases, mentions, is_subject FROM entities WHERE document_id = ? ORDER BY rowid")
    )
    mentions = tuple(
        Mention(*r) for r in q(
            "SELECT start_char, end_char, text, label, entity_id, component FROM mentions WHERE document_id = ? ORDER BY rowid")
    )
    places = tuple(
        Place(r[0], r[1], r[2], r[3], r[4], r[5], r[6], tuple(json.loads(r[7])), r[8])
        for r in q("SELECT entity_id, name, kind, lat, lon, country, geonameid, aliases, score FROM places WHERE document_id = ? ORDER BY rowid")
    )
    works = tuple(
        Work(r[0], r[1], r[2], r[3], tuple(json.loads(r[4])), tuple(json.loads(r[5])), r[6], r[7], r[8], r[9],
             tuple(json.loads(r[10])), tuple(Evidence(a, b) for a, b in json.loads(r[11])))
        for r in q("SELECT work_id, title, year, kind, translators, editors, publisher, place, original_title,"
                   " original_year, aliases, evidence FROM works WHERE document_id = ? ORDER BY rowid")
    )
    times = tuple(
        TimeExpr(r[0], r[1], r[2], r[3], r[4], bool(r[5]))
        for r in q("SELECT start_char, end_char, text, value, kind, anchored FROM time_expressions WHERE document_id = ? ORDER BY rowid")
    )
    claims = tuple(
        Claim(r[0], r[1], r[2], r[3], Evidence(r[4], r[5]) if r[4] is not None else None, Evidence(r[6], r[7]))
        for r in q("SELECT speaker, speaker_entity_id, verb, about, quote_start_char, quote_end_char, start_char, end_char"
                   " FROM claims WHERE document_id = ? ORDER BY position")
    )
    events = tuple(
        Event(r[0], r[1], r[2], tuple(json.loads(r[3])), Evidence(r[4], r[5]), r[6], r[7])
        for r in q("SELECT type, date, place_entity_id, participants, start_char, end_char, confidence, component"
                   " FROM events WHERE document_id = ? ORDER BY position")
    )
    return Record(name, subject, mentions, entities, times, places, works, claims, events, version)
