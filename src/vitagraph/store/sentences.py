"""Sentences of stored documents and their full-text index: the SQL behind ``vitagraph ask``.

A document's prose paragraphs are split into sentences (a light rule-based
splitter, no model); each list item and infobox row is one sentence. Every
sentence gets a row in ``sentences`` (its offsets, the entities it mentions)
and one in the FTS5 table ``sentence_index``: its stemmed words, the stemmed
names and aliases of the entities it mentions (so "Comintern" finds "the
Communist International"), the headings above it, and a ``d<id>`` token that
confines a search to some documents. ``names`` maps every folded name and
alias to its entity, for reading the names in a question.

``index_document`` runs at the end of ``save_record``, inside the document's
transaction, so a document and its index land together.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..folding import fold

INDEX_TABLES = ("sentences", "names")
SUBJECT = "person:subject"


@dataclass(frozen=True, slots=True)
class SentenceRow:
    id: int
    document_id: int
    position: int
    section: int | None
    kind: str
    start: int
    end: int
    entities: tuple[str, ...]
    terms: tuple[str, ...]
    names: tuple[str, ...]
    context: tuple[str, ...]
    rank: float = 0.0
    """BM25 from the full-text search (lower is better), 0 when not searched."""


# --------------------------------------------------------------------------- writing


def index_document(conn: sqlite3.Connection, doc_id: int) -> int:
    """(Re)build the sentence rows, full-text rows and names of one stored document.

    Reads what is already stored: the text and structure, and the extracted
    record if there is one (a document ingested with --no-extract is indexed
    by its words alone). Returns the number of sentences.
    """
    from ..query.text import split_sentences, stems  # here: the query package imports the store

    conn.execute("DELETE FROM sentences WHERE document_id = ?", (doc_id,))
    conn.execute("DELETE FROM names WHERE document_id = ?", (doc_id,))
    row = conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        return 0
    text: str = row[0]
    sections = conn.execute(
        "SELECT position, parent_position, heading, start_char, end_char FROM sections WHERE document_id = ?"
        " ORDER BY position", (doc_id,),
    ).fetchall()
    headings = {pos: (parent, heading) for pos, parent, heading, _, _ in sections}

    def section_of(start: int) -> int | None:
        best = None
        for pos, _, _, s, e in sections:
            if s <= start < e:
                best = pos  # sections nest and come in document order: the last one is the deepest
        return best

    def context_of(section: int | None) -> str:
        out, seen = [], set()
        while section is not None and section not in seen:
            seen.add(section)
            parent, heading = headings[section]
            out.extend(stems(heading))
            section = parent
        return " ".join(out)

    spans: list[tuple[int, int, str, int | None]] = []
    for s, e, sec in conn.execute(
        "SELECT start_char, end_char, section_position FROM paragraphs WHERE document_id = ? ORDER BY position",
        (doc_id,),
    ):
        spans.extend((a, b, "prose", sec) for a, b in split_sentences(text, s, e))
    for s, e, sec in conn.execute(
        "SELECT i.start_char, i.end_char, l.section_position FROM list_items i JOIN lists l"
        " ON l.document_id = i.document_id AND l.position = i.list_position"
        " WHERE i.document_id = ? ORDER BY i.list_position, i.position",
        (doc_id,),
    ):
        spans.append((s, e, "item", sec))
    for ks, e in conn.execute(
        "SELECT key_start_char, end_char FROM infobox_fields WHERE document_id = ? ORDER BY position", (doc_id,)
    ):
        spans.append((ks, e, "infobox", None))
    spans.sort()

    # Entities and their names, from the record (if any).
    names: dict[str, set[str]] = {}
    labels: dict[str, str] = {}
    subject_ids: set[str] = set()
    for eid, label, name, aliases, is_subject in conn.execute(
        "SELECT entity_id, label, name, aliases, is_subject FROM entities WHERE document_id = ?", (doc_id,)
    ):
        names.setdefault(eid, set()).update([name, *json.loads(aliases)])
        labels[eid] = label
        if is_subject:
            subject_ids.add(eid)
    subj = conn.execute("SELECT entity_id, name, aliases FROM subjects WHERE document_id = ?", (doc_id,)).fetchone()
    subject_id = subj[0] if subj else SUBJECT
    subject_names = names.setdefault(subject_id, set())
    if subj:
        subject_names.update([subj[1], *json.loads(subj[2])])
    title = conn.execute("SELECT title FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
    if title:  # the title names the subject, even in a document read without extraction
        subject_names.add(title)
        last = title.split()[-1]
        if len(last) > 2 and last[0].isupper() and last.isalpha():
            subject_names.add(last)
    labels[subject_id] = "PERSON"
    subject_ids.add(subject_id)
    # The lead's first name ending in the title's surname is the subject, whatever label the
    # extractor gave it ("Marcus Tullius Cicero (106 BC - 43 BC) was ...").
    first_para = conn.execute(
        "SELECT start_char, end_char FROM paragraphs WHERE document_id = ? ORDER BY position LIMIT 1", (doc_id,)
    ).fetchone()
    if title and first_para:
        surname = fold(title).split()[-1] if fold(title) else ""
        lead = conn.execute(
            "SELECT text, entity_id FROM mentions WHERE document_id = ? AND start_char >= ? AND end_char <= ?"
            " AND label IN ('PERSON', 'ORG') AND component != 'coref' ORDER BY start_char LIMIT 1",
            (doc_id, first_para[0], first_para[1]),
        ).fetchone()
        if lead and surname and fold(lead[0]).split()[-1:] == [surname]:
            subject_names.add(lead[0])
            if lead[1]:
                subject_ids.add(lead[1])
                names.setdefault(lead[1], set()).update(subject_names)
    for pid, name, aliases in conn.execute("SELECT entity_id, name, aliases FROM places WHERE document_id = ?", (doc_id,)):
        names.setdefault(pid, set()).update([name, *json.loads(aliases)])
        labels.setdefault(pid, "PLACE")
    work_evidence: list[tuple[int, int, str]] = []
    for wid, title, aliases, original, evidence in conn.execute(
        "SELECT work_id, title, aliases, original_title, evidence FROM works WHERE document_id = ?", (doc_id,)
    ):
        names.setdefault(wid, set()).update([title, *json.loads(aliases), *([original] if original else [])])
        labels[wid] = "WORK"
        work_evidence.extend((s, e, wid) for s, e in json.loads(evidence))
    mentions = conn.execute(
        "SELECT start_char, end_char, entity_id FROM mentions WHERE document_id = ? AND entity_id IS NOT NULL"
        " ORDER BY start_char", (doc_id,),
    ).fetchall()
    mentions += work_evidence
    mentions.sort()

    name_terms = {eid: " ".join(dict.fromkeys(t for n in ns for t in stems(n))) for eid, ns in names.items()}
    rows, fts = [], []
    next_id = (conn.execute("SELECT max(id) FROM sentences").fetchone()[0] or 0) + 1
    mi = 0
    for position, (s, e, kind, sec) in enumerate(spans):
        if sec is None and kind != "infobox":
            sec = section_of(s)
        while mi < len(mentions) and mentions[mi][0] < s:
            mi += 1
        ents: list[str] = []
        j = mi
        while j < len(mentions) and mentions[j][0] < e:
            if mentions[j][1] <= e and mentions[j][2] not in ents:
                ents.append(mentions[j][2])
            j += 1
        sid = next_id + position
        rows.append((sid, doc_id, position, sec, kind, s, e, json.dumps(ents, ensure_ascii=False)))
        ent_terms = " ".join(name_terms.get(x, "") for x in ents if x not in subject_ids)
        fts.append((sid, " ".join(stems(text, s, e)), ent_terms, context_of(sec), f"d{doc_id}"))
    conn.executemany("INSERT INTO sentences VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.executemany("INSERT INTO sentence_index (rowid, terms, names, context, doc) VALUES (?, ?, ?, ?, ?)", fts)

    name_rows = set()
    for eid, ns in names.items():
        for n in ns:
            key = fold(n)
            if key:
                name_rows.add((doc_id, key, eid, labels.get(eid, "PERSON"), int(eid in subject_ids)))
    conn.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?)", sorted(name_rows))
    return len(rows)


def unindexed_documents(conn: sqlite3.Connection) -> list[int]:
    """Documents stored before the index existed, or without a record."""
    return [r[0] for r in conn.execute(
        "SELECT id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.document_id = d.id)"
    )]


# --------------------------------------------------------------------------- reading

_COLS = ("s.id, s.document_id, s.position, s.section_position, s.kind, s.start_char, s.end_char, s.entities,"
         " f.terms, f.names, f.context")


def _row(r: Sequence, rank: float = 0.0) -> SentenceRow:
    return SentenceRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], tuple(json.loads(r[7])),
                       tuple(r[8].split()), tuple(r[9].split()), tuple(r[10].split()), rank)


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def search(conn: sqlite3.Connection, terms: Iterable[str], documents: Iterable[int] | None = None,
           limit: int = 50) -> list[SentenceRow]:
    """Sentences matching any of the terms (stems), best BM25 first, optionally in some documents."""
    ts = sorted({t for t in terms if t})
    if not ts:
        return []
    expr = "{terms names context} : (" + " OR ".join(_quote(t) for t in ts) + ")"
    docs = sorted(set(documents)) if documents is not None else None
    if docs is not None:
        if not docs:
            return []
        expr = f"({expr}) AND doc : (" + " OR ".join(f"d{d}" for d in docs) + ")"
    rows = conn.execute(
        f"SELECT {_COLS}, bm25(sentence_index, 1.0, 0.7, 0.3, 0.0) AS rank"
        " FROM sentence_index f JOIN sentences s ON s.id = f.rowid"
        " WHERE sentence_index MATCH ? ORDER BY rank LIMIT ?",
        (expr, limit),
    ).fetchall()
    return [_row(r, r[11]) for r in rows]


def document_sentences(conn: sqlite3.Connection, doc_id: int) -> list[SentenceRow]:
    rows = conn.execute(
        f"SELECT {_COLS} FROM sentences s JOIN sentence_index f ON f.rowid = s.id"
        " WHERE s.document_id = ? ORDER BY s.position",
        (doc_id,),
    ).fetchall()
    return [_row(r) for r in rows]


def lookup_names(conn: sqlite3.Connection, keys: Iterable[str]) -> list[tuple[int, str, str, str, bool]]:
    """(document id, key, entity id, label, is_subject) for each stored name among keys."""
    ks = sorted(set(keys))
    out = []
    for i in range(0, len(ks), 500):
        chunk = ks[i : i + 500]
        out += [(r[0], r[1], r[2], r[3], bool(r[4])) for r in conn.execute(
            f"SELECT document_id, key, entity_id, label, is_subject FROM names WHERE key IN ({','.join('?' * len(chunk))})",
            chunk,
        )]
    return out


def document_names(conn: sqlite3.Connection, doc_id: int) -> list[tuple[str, str, str, bool]]:
    """(key, entity id, label, is_subject) of every name in one document."""
    return [(r[0], r[1], r[2], bool(r[3])) for r in conn.execute(
        "SELECT key, entity_id, label, is_subject FROM names WHERE document_id = ?", (doc_id,))]


def subject_ids(conn: sqlite3.Connection, doc_id: int) -> set[str]:
    return {r[0] for r in conn.execute(
        "SELECT DISTINCT entity_id FROM names WHERE document_id = ? AND is_subject = 1", (doc_id,))}


def work(conn: sqlite3.Connection, doc_id: int, work_id: str) -> dict | None:
    rows = [w for w in _works(conn, "document_id = ? AND work_id = ?", (doc_id, work_id))]
    return rows[0] if rows else None


def document_info(conn: sqlite3.Connection, doc_id: int) -> tuple[str, str] | None:
    """(name, text) of a document."""
    row = conn.execute("SELECT name, text FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return (row[0], row[1]) if row else None


def document_ids(conn: sqlite3.Connection) -> dict[str, int]:
    return {name: i for i, name in conn.execute("SELECT id, name FROM documents")}


def subjects(conn: sqlite3.Connection, doc_ids: Iterable[int] | None = None) -> list[dict]:
    sql = ("SELECT document_id, entity_id, name, aliases, gender, born_date, born_place, died_date, died_place"
           " FROM subjects")
    args: list = []
    if doc_ids is not None:
        ids = sorted(set(doc_ids))
        sql += f" WHERE document_id IN ({','.join('?' * len(ids))})"
        args = ids
    return [
        {"document_id": r[0], "entity": r[1], "name": r[2], "aliases": json.loads(r[3]), "gender": r[4],
         "born_date": r[5], "born_place": r[6], "died_date": r[7], "died_place": r[8]}
        for r in conn.execute(sql, args)
    ]


def entities(conn: sqlite3.Connection, doc_id: int) -> dict[str, dict]:
    out = {}
    for eid, label, name, aliases, mentions, is_subject in conn.execute(
        "SELECT entity_id, label, name, aliases, mentions, is_subject FROM entities WHERE document_id = ?", (doc_id,)
    ):
        out[eid] = {"id": eid, "label": label, "name": name, "aliases": json.loads(aliases),
                    "mentions": mentions, "is_subject": bool(is_subject)}
    for pid, name, kind, aliases in conn.execute(
        "SELECT entity_id, name, kind, aliases FROM places WHERE document_id = ?", (doc_id,)
    ):
        e = out.setdefault(pid, {"id": pid, "label": "PLACE", "name": name, "aliases": json.loads(aliases),
                                 "mentions": 0, "is_subject": False})
        e["kind"] = kind
    return out


def events(conn: sqlite3.Connection, doc_id: int) -> list[dict]:
    return [
        {"position": r[0], "type": r[1], "date": r[2], "place": r[3], "participants": json.loads(r[4]),
         "start": r[5], "end": r[6], "confidence": r[7]}
        for r in conn.execute(
            "SELECT position, type, date, place_entity_id, participants, start_char, end_char, confidence"
            " FROM events WHERE document_id = ? ORDER BY position", (doc_id,))
    ]


def works(conn: sqlite3.Connection, doc_id: int) -> list[dict]:
    return _works(conn, "document_id = ?", (doc_id,))


def _works(conn: sqlite3.Connection, where: str, args: tuple) -> list[dict]:
    return [
        {"id": r[0], "title": r[1], "year": r[2], "kind": r[3], "translators": json.loads(r[4]),
         "editors": json.loads(r[5]), "publisher": r[6], "place": r[7], "original_title": r[8],
         "original_year": r[9], "aliases": json.loads(r[10]), "evidence": [tuple(x) for x in json.loads(r[11])]}
        for r in conn.execute(
            "SELECT work_id, title, year, kind, translators, editors, publisher, place, original_title,"
            f" original_year, aliases, evidence FROM works WHERE {where} ORDER BY rowid", args)
    ]


def spans(conn: sqlite3.Connection, doc_id: int, start: int, end: int) -> list[tuple[int, int, str, str | None, str]]:
    """Typed spans inside [start, end): (start, end, label, entity id or EDTF value, component)."""
    out = [(r[0], r[1], r[2], r[3], r[4]) for r in conn.execute(
        "SELECT start_char, end_char, label, entity_id, component FROM mentions"
        " WHERE document_id = ? AND start_char >= ? AND start_char < ? AND end_char <= ?",
        (doc_id, start, end, end))]
    out += [(r[0], r[1], "TIME", r[2], r[3]) for r in conn.execute(
        "SELECT start_char, end_char, value, kind FROM time_expressions"
        " WHERE document_id = ? AND start_char >= ? AND start_char < ? AND end_char <= ?",
        (doc_id, start, end, end))]
    out.sort()
    return out


def sentence_row_at(conn: sqlite3.Connection, doc_id: int, offset: int) -> SentenceRow | None:
    """The indexed sentence holding a character offset."""
    r = conn.execute(
        f"SELECT {_COLS} FROM sentences s JOIN sentence_index f ON f.rowid = s.id"
        " WHERE s.document_id = ? AND s.start_char <= ? AND s.end_char > ? ORDER BY s.start_char DESC LIMIT 1",
        (doc_id, offset, offset)).fetchone()
    return _row(r) if r else None


def sentence_at(conn: sqlite3.Connection, doc_id: int, offset: int) -> tuple[int, int] | None:
    """The span of the sentence holding a character offset."""
    row = conn.execute(
        "SELECT start_char, end_char FROM sentences WHERE document_id = ? AND start_char <= ? AND end_char > ?"
        " ORDER BY start_char DESC LIMIT 1", (doc_id, offset, offset)).fetchone()
    return (row[0], row[1]) if row else None
