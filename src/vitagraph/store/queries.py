"""Read-only queries for the web explorer's JSON API.

Each function takes a connection (the server's is opened ``mode=ro``) and
returns plain dicts; user input only ever reaches SQL as a bound parameter.
Whole documents and records are read through ``Store.load``/``Store.record``;
what lives here are the cross-document questions (lists, counts, search)
that would otherwise mean loading every record.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

COUNT_KEYS = ("events", "people", "organizations", "places", "works", "dates", "mentions", "claims")

# Counts for a page of documents: one grouped query per table over the page's ids
# (each an index range scan), instead of a correlated subquery per document and column.
_COUNT_SQL = {
    "events": "SELECT document_id, count(*) FROM events WHERE document_id IN ({ids}) GROUP BY document_id",
    "people,organizations": "SELECT document_id, sum(label = 'PERSON' AND NOT is_subject), sum(label = 'ORG')"
                            " FROM entities WHERE document_id IN ({ids}) GROUP BY document_id",
    "places": "SELECT document_id, count(*) FROM places WHERE document_id IN ({ids}) GROUP BY document_id",
    "works": "SELECT document_id, count(*) FROM works WHERE document_id IN ({ids}) GROUP BY document_id",
    "dates": "SELECT document_id, count(*) FROM time_expressions WHERE document_id IN ({ids}) GROUP BY document_id",
    "mentions": "SELECT document_id, count(*) FROM mentions WHERE document_id IN ({ids}) GROUP BY document_id",
    "claims": "SELECT document_id, count(*) FROM claims WHERE document_id IN ({ids}) GROUP BY document_id",
}

_LIST_SQL = """
    SELECT d.id, d.name, d.title, d.format, d.chars, d.ingested_at,
           s.name AS subject, s.born_date, s.died_date,
           EXISTS (SELECT 1 FROM records r WHERE r.document_id = d.id) AS extracted
    FROM documents d LEFT JOIN subjects s ON s.document_id = d.id
"""


def _row_dict(cur: sqlite3.Cursor, row: tuple) -> dict[str, Any]:
    return {col[0]: value for col, value in zip(cur.description, row)}


def document_counts(conn: sqlite3.Connection, doc_ids: list[int]) -> dict[int, dict[str, int]]:
    """What was extracted from each of these documents, counted."""
    counts: dict[int, dict[str, int]] = {int(i): dict.fromkeys(COUNT_KEYS, 0) for i in doc_ids}
    if counts:
        ids = ",".join(str(i) for i in counts)  # integers, never user text
        for keys, sql in _COUNT_SQL.items():
            names = keys.split(",")
            for row in conn.execute(sql.format(ids=ids)):
                for name, value in zip(names, row[1:]):
                    counts[row[0]][name] = int(value or 0)
    return counts


def _shape(doc: dict[str, Any]) -> dict[str, Any]:
    subject = doc.pop("subject")
    born, died = doc.pop("born_date"), doc.pop("died_date")
    doc["extracted"] = bool(doc["extracted"])
    doc["subject"] = {"name": subject, "born": born, "died": died} if subject else None
    return doc


def like_pattern(text: str) -> str:
    """``%text%`` with LIKE's wildcards escaped (ESCAPE '\\')."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def document_list(conn: sqlite3.Connection, *, q: str | None = None, limit: int = 100, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """One page of documents by name, and the total; ``document_counts`` adds the counts."""
    where, params = "", ()
    if q:
        where = " WHERE d.name LIKE ? ESCAPE '\\' OR d.title LIKE ? ESCAPE '\\'"
        params = (like_pattern(q), like_pattern(q))
    total = conn.execute(f"SELECT count(*) FROM documents d{where}", params).fetchone()[0]
    cur = conn.execute(f"{_LIST_SQL}{where} ORDER BY d.name LIMIT ? OFFSET ?", (*params, limit, offset))
    return int(total), [_shape(_row_dict(cur, r)) for r in cur.fetchall()]


def fingerprint(conn: sqlite3.Connection, doc_id: int) -> tuple[str, str | None] | None:
    """What changes when a document or its record is replaced: cache keys use it."""
    row = conn.execute(
        "SELECT d.sha256, r.vitagraph_version FROM documents d LEFT JOIN records r ON r.document_id = d.id WHERE d.id = ?",
        (doc_id,),
    ).fetchone()
    return (row[0], row[1]) if row else None


def data_version(conn: sqlite3.Connection) -> int:
    """Changes whenever another connection commits (a concurrent ingest)."""
    return int(conn.execute("PRAGMA data_version").fetchone()[0])


def sentence_spans(conn: sqlite3.Connection, doc_id: int) -> list[tuple[int, int]]:
    """The document's stored sentences (``vitagraph ask`` splits them at save time), in order.

    Empty when the document was stored without a record: the caller splits its text then.
    """
    return conn.execute(
        "SELECT start_char, end_char FROM sentences WHERE document_id = ? ORDER BY start_char", (doc_id,)
    ).fetchall()


def has_fts(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'documents_fts'").fetchone() is not None


# -- full-text search ------------------------------------------------------

_TOKEN = re.compile(r'"([^"]*)"|([^\s"]+)')
_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """A user's words as a safe FTS5 query: every term quoted, all terms required.

    FTS5 has its own syntax (AND, NEAR, column filters, ``*``); quoting each
    term means nothing a user types is parsed as an operator. ``"exact
    phrase"`` stays a phrase; the last bare word also matches as a prefix, so
    results follow typing.
    """
    terms: list[str] = []
    matches = list(_TOKEN.finditer(text))
    for i, m in enumerate(matches):
        phrase, word = m.group(1), m.group(2)
        if phrase is not None:
            words = _WORD.findall(phrase)
            if words:
                terms.append('"' + " ".join(words) + '"')
            continue
        for j, w in enumerate(parts := _WORD.findall(word)):
            last = i == len(matches) - 1 and j == len(parts) - 1
            terms.append(f'"{w}"' + ("*" if last and len(w) >= 2 else ""))
    return " ".join(terms) or None


HIT_START, HIT_END = "\x02", "\x03"


def search_documents(conn: sqlite3.Connection, query: str, *, limit: int = 10, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """Documents matching an FTS5 query (from ``fts_query``), best first, with a snippet.

    The snippet marks hits with control characters (never in clean text) that
    the API turns into structured parts, so no markup is ever built from text.
    """
    total = conn.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", (query,)).fetchone()[0]
    cur = conn.execute(
        "SELECT d.id, d.name, d.title, d.chars, s.name AS subject,"
        f" snippet(documents_fts, 1, '{HIT_START}', '{HIT_END}', '…', 24) AS snippet,"
        f" highlight(documents_fts, 0, '{HIT_START}', '{HIT_END}') AS title_marked,"
        " bm25(documents_fts, 5.0, 1.0) AS score"
        " FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid"
        " LEFT JOIN subjects s ON s.document_id = d.id"
        " WHERE documents_fts MATCH ? ORDER BY score LIMIT ? OFFSET ?",
        (query, limit, offset),
    )
    return int(total), [_row_dict(cur, r) for r in cur.fetchall()]


def entities_in(conn: sqlite3.Connection, doc_ids: list[int], words: list[str], *, limit: int = 30) -> list[dict[str, Any]]:
    """People, organizations and places of these documents whose name has one of the words.

    Only over documents the full-text search already found, so it reads a few
    hundred rows by primary key instead of every entity of every document.
    """
    if not doc_ids or not words:
        return []
    marks = ",".join("?" * len(doc_ids))
    name_filter = " OR ".join("(e.name LIKE ? ESCAPE '\\' OR e.aliases LIKE ? ESCAPE '\\')" for _ in words)
    params: list[Any] = list(doc_ids)
    for w in words:
        params += [like_pattern(w), like_pattern(w)]
    cur = conn.execute(
        "SELECT d.name AS document, d.title, e.entity_id AS id, e.label, e.name, e.mentions"
        f" FROM entities e JOIN documents d ON d.id = e.document_id"
        f" WHERE e.document_id IN ({marks}) AND ({name_filter})"
        " ORDER BY e.mentions DESC, e.name LIMIT ?",
        (*params, limit),
    )
    return [_row_dict(cur, r) for r in cur.fetchall()]


def totals(conn: sqlite3.Connection) -> dict[str, int]:
    """Sizes for the home page header."""
    docs, extracted = conn.execute(
        "SELECT count(*), (SELECT count(*) FROM records) FROM documents"
    ).fetchone()
    return {"documents": int(docs), "extracted": int(extracted)}
