"""Numbered schema migrations, each applied once, in its own transaction.

The ``migrations`` table records what has been applied, so opening an old
database upgrades it and opening a newer one fails clearly instead of
corrupting it (sqlite-utils' migrations, in a few lines).
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

MIGRATIONS: list[tuple[int, str, str]] = [
    (
        1,
        "documents and their structure",
        """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,          -- file name the document is known by
            title TEXT,
            title_start_char INTEGER,
            title_end_char INTEGER,
            format TEXT NOT NULL,               -- corpus, text, markdown, wikitext, html
            encoding TEXT NOT NULL,             -- encoding the bytes were decoded with
            sha256 TEXT NOT NULL UNIQUE,        -- of the clean text: same text, same document
            source_path TEXT,                   -- where it was read from, for the record
            source_offsets INTEGER NOT NULL,    -- 1: offsets are also offsets into the source file
            chars INTEGER NOT NULL,
            text TEXT NOT NULL,                 -- the clean text every *_char offset points into
            warnings TEXT NOT NULL DEFAULT '[]',-- JSON list of what the reader tolerated
            ingested_at TEXT NOT NULL
        );
        CREATE TABLE infobox_fields (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            key_start_char INTEGER NOT NULL,
            key_end_char INTEGER NOT NULL,
            start_char INTEGER NOT NULL,        -- of the value
            end_char INTEGER NOT NULL,
            PRIMARY KEY (document_id, position)
        );
        CREATE TABLE sections (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,          -- order in the document, from 0
            parent_position INTEGER,            -- enclosing section's position
            level INTEGER NOT NULL,             -- 2 for ==Section==, 3 for ===Subsection===
            heading TEXT NOT NULL,
            heading_start_char INTEGER NOT NULL,
            heading_end_char INTEGER NOT NULL,
            start_char INTEGER NOT NULL,        -- the whole section, heading included
            end_char INTEGER NOT NULL,
            PRIMARY KEY (document_id, position)
        );
        CREATE TABLE paragraphs (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            section_position INTEGER,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            PRIMARY KEY (document_id, position)
        );
        CREATE TABLE lists (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            section_position INTEGER,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            PRIMARY KEY (document_id, position)
        );
        CREATE TABLE list_items (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            list_position INTEGER NOT NULL,
            position INTEGER NOT NULL,          -- within its list
            depth INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            PRIMARY KEY (document_id, list_position, position)
        );
        -- Views that show text instead of offsets, for sqlite3 and datasette users.
        CREATE VIEW section_outline AS
            SELECT d.name AS document, s.position, s.level, s.heading,
                   (SELECT count(*) FROM paragraphs p
                     WHERE p.document_id = s.document_id AND p.section_position = s.position) AS paragraphs
            FROM sections s JOIN documents d ON d.id = s.document_id;
        CREATE VIEW paragraph_text AS
            SELECT d.name AS document, p.position, p.start_char, p.end_char,
                   substr(d.text, p.start_char + 1, p.end_char - p.start_char) AS text
            FROM paragraphs p JOIN documents d ON d.id = p.document_id;
        CREATE VIEW list_item_text AS
            SELECT d.name AS document, i.list_position, i.position, i.depth, i.start_char, i.end_char,
                   substr(d.text, i.start_char + 1, i.end_char - i.start_char) AS text
            FROM list_items i JOIN documents d ON d.id = i.document_id;
        """,
    ),
]

MIGRATIONS.append(
    (
        2,
        "extracted records: mentions, entities, places, works, dates, claims, events",
        """
        CREATE TABLE records (
            document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            vitagraph_version TEXT NOT NULL
        );
        CREATE TABLE subjects (
            document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            entity_id TEXT NOT NULL,
            name TEXT NOT NULL,
            aliases TEXT NOT NULL,              -- JSON list
            gender TEXT,
            born_date TEXT,                     -- EDTF
            born_place TEXT,
            died_date TEXT,                     -- EDTF
            died_place TEXT
        );
        CREATE TABLE entities (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            entity_id TEXT NOT NULL,            -- person:leon-trotsky, org:comintern, place:paris
            label TEXT NOT NULL,                -- PERSON, ORG, PLACE
            name TEXT NOT NULL,
            aliases TEXT NOT NULL,              -- JSON list of the other names used
            mentions INTEGER NOT NULL,
            is_subject INTEGER NOT NULL,
            PRIMARY KEY (document_id, entity_id)
        );
        CREATE TABLE mentions (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text TEXT NOT NULL,                 -- exactly documents.text[start_char:end_char]
            label TEXT NOT NULL,
            entity_id TEXT,
            component TEXT NOT NULL             -- what found it: ner, works_list, coref...
        );
        CREATE INDEX mentions_entity ON mentions (document_id, entity_id);
        CREATE TABLE places (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            entity_id TEXT NOT NULL,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            lat REAL,
            lon REAL,
            country TEXT,
            geonameid INTEGER,
            aliases TEXT NOT NULL,
            score REAL NOT NULL,
            PRIMARY KEY (document_id, entity_id)
        );
        CREATE TABLE works (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            work_id TEXT NOT NULL,
            title TEXT NOT NULL,
            year TEXT,                          -- EDTF
            kind TEXT,
            translators TEXT NOT NULL,          -- JSON list
            editors TEXT NOT NULL,
            publisher TEXT,
            place TEXT,
            original_title TEXT,
            original_year TEXT,
            aliases TEXT NOT NULL,
            evidence TEXT NOT NULL,             -- JSON list of [start_char, end_char]
            PRIMARY KEY (document_id, work_id)
        );
        CREATE TABLE time_expressions (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text TEXT NOT NULL,
            value TEXT,                         -- EDTF, NULL when it could not be anchored
            kind TEXT NOT NULL,
            anchored INTEGER NOT NULL
        );
        CREATE TABLE claims (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            speaker TEXT,
            speaker_entity_id TEXT,
            verb TEXT NOT NULL,
            about TEXT,
            quote_start_char INTEGER,
            quote_end_char INTEGER,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            PRIMARY KEY (document_id, position)
        );
        CREATE TABLE events (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            type TEXT NOT NULL,
            date TEXT,                          -- EDTF
            place_entity_id TEXT,
            participants TEXT NOT NULL,         -- JSON list of entity ids
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            confidence REAL NOT NULL,
            component TEXT NOT NULL,
            PRIMARY KEY (document_id, position)
        );
        CREATE VIEW entity_names AS
            SELECT d.name AS document, e.label, e.name, e.aliases, e.mentions
            FROM entities e JOIN documents d ON d.id = e.document_id;
        """,
    )
)

MIGRATIONS.append(
    (
        3,
        "full-text search over documents (FTS5), kept in step by triggers; index for reading dates",
        """
        -- Reading one document's dates (and cascading its deletion) scanned the whole table.
        CREATE INDEX time_expressions_document ON time_expressions (document_id);
        -- External content: the text is stored once, in documents; documents.id is an
        -- INTEGER PRIMARY KEY, so the rowids FTS5 points at survive VACUUM.
        CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, text, content='documents', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
            INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
            INSERT INTO documents_fts (documents_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
        END;
        CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
            INSERT INTO documents_fts (documents_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
            INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');
        """,
    )
)

MIGRATIONS.append(
    (
        4,
        "sentences and their full-text index, names for questions",
        """
        CREATE TABLE sentences (
            id INTEGER PRIMARY KEY,             -- rowid of sentence_index too
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,          -- order in the document, from 0
            section_position INTEGER,           -- enclosing section, NULL in the lead
            kind TEXT NOT NULL,                 -- prose, item (a list item) or infobox (a Key: Value row)
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            entities TEXT NOT NULL,             -- JSON list of the entity ids mentioned in it
            UNIQUE (document_id, position)
        );
        -- What a question is matched against (BM25): stemmed words, the names and aliases
        -- of the entities mentioned, the section headings above it, and a d<document id>
        -- token that confines a search to some documents.
        CREATE VIRTUAL TABLE sentence_index USING fts5(
            terms, names, context, doc, tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER sentences_unindex AFTER DELETE ON sentences BEGIN
            DELETE FROM sentence_index WHERE rowid = old.id;
        END;
        CREATE TABLE names (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            key TEXT NOT NULL,                  -- the name folded (case, accents, punctuation, article)
            entity_id TEXT NOT NULL,            -- entities.entity_id, works.work_id or person:subject
            label TEXT NOT NULL,                -- PERSON, ORG, PLACE, WORK
            is_subject INTEGER NOT NULL
        );
        CREATE INDEX names_key ON names (key);
        CREATE INDEX names_document ON names (document_id);
        CREATE INDEX mentions_position ON mentions (document_id, start_char);
        CREATE INDEX time_expressions_position ON time_expressions (document_id, start_char);
        CREATE VIEW sentence_text AS
            SELECT d.name AS document, s.position, s.kind, s.start_char, s.end_char,
                   substr(d.text, s.start_char + 1, s.end_char - s.start_char) AS text
            FROM sentences s JOIN documents d ON d.id = s.document_id;
        """,
    )
)

LATEST = max(number for number, _, _ in MIGRATIONS)


def statements(script: str) -> list[str]:
    """Split a script into statements (``executescript`` would commit mid-way)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out


def applied(conn: sqlite3.Connection) -> set[int]:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS migrations ("
        " id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    return {row[0] for row in conn.execute("SELECT id FROM migrations")}


def migrate(conn: sqlite3.Connection) -> list[int]:
    """Apply what is missing; return the numbers applied. Connection must be in autocommit."""
    done = applied(conn)
    ran = []
    for number, name, script in MIGRATIONS:
        if number in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            if number in applied(conn):  # another process got there first
                conn.execute("ROLLBACK")
                continue
            for stmt in statements(script):
                conn.execute(stmt)
            conn.execute(
                "INSERT INTO migrations (id, name, applied_at) VALUES (?, ?, ?)",
                (number, name, datetime.now(timezone.utc).isoformat(timespec="seconds")),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        ran.append(number)
    return ran
