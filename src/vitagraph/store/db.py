"""The SQLite store: the only module that writes SQL for documents.

Every write is one transaction (``atomic``), so an ingest lands whole or not
at all; WAL mode lets a reader (the web server) work while a writer ingests.
Serving opens the file read-only (``mode=ro``), as datasette does.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator

from ..document import Document, InfoboxField, ListBlock, ListItem, Paragraph, Section, Span, check_invariants
from ..errors import Errors, NotFoundError, StoreError
from ..model import Record
from .migrations import LATEST, applied, migrate
from .records import load_record, save_record

DEFAULT_DB = "vitagraph.db"


@dataclass(frozen=True)
class DocumentRow:
    """A stored document as listed: no text, no structure."""

    id: int
    name: str
    title: str | None
    format: str
    encoding: str
    sha256: str
    chars: int
    source_path: str | None
    ingested_at: str


@dataclass(frozen=True)
class SaveResult:
    status: str
    """``added``, ``replaced`` (same name, new text) or ``unchanged`` (same text)."""
    document: DocumentRow


class Store:
    """A vitagraph database file."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = readonly
        try:
            if readonly:
                if self.path != ":memory:" and not Path(self.path).exists():
                    raise StoreError(Errors.E202, path=self.path)
                uri = f"file:{Path(self.path).resolve()}?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            else:
                self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA busy_timeout = 5000")
            if not readonly:
                if self.path != ":memory:":
                    self.conn.execute("PRAGMA journal_mode = WAL")
                    self.conn.execute("PRAGMA synchronous = NORMAL")
                migrate(self.conn)
            self._check_version()
        except sqlite3.DatabaseError as exc:
            raise StoreError(Errors.E200, path=self.path, reason=str(exc)) from None

    def _check_version(self) -> None:
        try:
            found = max(applied(self.conn) if not self.readonly else self._applied_ro(), default=0)
        except sqlite3.OperationalError:
            found = 0
        if found > LATEST:
            raise StoreError(Errors.E201, path=self.path, found=found, known=LATEST)
        if self.readonly and found < LATEST:
            raise StoreError(
                Errors.E200, path=self.path, reason="its schema is older than this vitagraph; open it once for writing (e.g. vitagraph list) to upgrade"
            )

    def _applied_ro(self) -> set[int]:
        return {row[0] for row in self.conn.execute("SELECT id FROM migrations")}

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def atomic(self) -> Iterator[sqlite3.Connection]:
        """One transaction; nested calls become savepoints."""
        conn = self.conn
        if conn.in_transaction:
            conn.execute("SAVEPOINT nested")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK TO nested")
                conn.execute("RELEASE nested")
                raise
            conn.execute("RELEASE nested")
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(Errors.E203, path=self.path, reason=str(exc)) from None
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    # -- writing ----------------------------------------------------------
    def save_document(
        self,
        doc: Document,
        *,
        source_path: str | None = None,
        also: Callable[[sqlite3.Connection, int], None] | None = None,
    ) -> SaveResult:
        """Store a document and its structure in one transaction.

        Identical text already stored (under any name) is a no-op. A new text
        under a stored name replaces the old document and everything derived
        from it. ``also(conn, document_id)`` writes derived data (the extracted
        record) inside the same transaction.
        """
        problems = check_invariants(doc)
        if problems:  # a reader bug must not land bad offsets
            raise ValueError(f"{doc.name}: document spans are inconsistent: {problems[:3]}")
        sha = doc.sha256
        with self.atomic() as conn:
            same = conn.execute("SELECT id FROM documents WHERE sha256 = ?", (sha,)).fetchone()
            if same:
                return SaveResult("unchanged", self._row(same[0]))
            old = conn.execute("SELECT id FROM documents WHERE name = ?", (doc.name,)).fetchone()
            if old:
                conn.execute("DELETE FROM documents WHERE id = ?", (old[0],))
            doc_id = self._insert(conn, doc, sha, source_path)
            if also is not None:
                also(conn, doc_id)
            return SaveResult("replaced" if old else "added", self._row(doc_id))

    def _insert(self, conn: sqlite3.Connection, doc: Document, sha: str, source_path: str | None) -> int:
        cur = conn.execute(
            "INSERT INTO documents (name, title, title_start_char, title_end_char, format, encoding,"
            " sha256, source_path, source_offsets, chars, text, warnings, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc.name,
                doc.title,
                doc.title_span.start if doc.title_span else None,
                doc.title_span.end if doc.title_span else None,
                doc.format,
                doc.encoding,
                sha,
                source_path,
                int(doc.source_offsets),
                len(doc.text),
                doc.text,
                json.dumps(list(doc.warnings)),
                datetime.now(timezone.utc).isoformat(timespec="seconds"),
            ),
        )
        doc_id = int(cur.lastrowid or 0)
        conn.executemany(
            "INSERT INTO infobox_fields VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (doc_id, i, f.key, f.value, f.key_span.start, f.key_span.end, f.value_span.start, f.value_span.end)
                for i, f in enumerate(doc.infobox)
            ],
        )
        conn.executemany(
            "INSERT INTO sections VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (doc_id, i, s.parent, s.level, s.heading, s.heading_span.start, s.heading_span.end, s.span.start, s.span.end)
                for i, s in enumerate(doc.sections)
            ],
        )
        conn.executemany(
            "INSERT INTO paragraphs VALUES (?, ?, ?, ?, ?)",
            [(doc_id, i, p.section, p.span.start, p.span.end) for i, p in enumerate(doc.paragraphs)],
        )
        conn.executemany(
            "INSERT INTO lists VALUES (?, ?, ?, ?, ?)",
            [(doc_id, i, b.section, b.span.start, b.span.end) for i, b in enumerate(doc.lists)],
        )
        conn.executemany(
            "INSERT INTO list_items VALUES (?, ?, ?, ?, ?, ?)",
            [
                (doc_id, li, ii, item.depth, item.span.start, item.span.end)
                for li, b in enumerate(doc.lists)
                for ii, item in enumerate(b.items)
            ],
        )
        return doc_id

    def save(self, doc: Document, record: Record | None = None, *, source_path: str | None = None) -> SaveResult:
        """Store a document with its extracted record, atomically."""
        also = (lambda conn, doc_id: save_record(conn, doc_id, record)) if record is not None else None
        return self.save_document(doc, source_path=source_path, also=also)

    def add_record(self, ref: str | int, record: Record) -> None:
        """Attach (or replace) the record of a stored document."""
        row = self.find(ref)
        with self.atomic() as conn:
            save_record(conn, row.id, record)

    def by_sha(self, sha256: str) -> DocumentRow | None:
        row = self.conn.execute("SELECT id FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
        return self._row(row[0]) if row else None

    def record(self, ref: str | int) -> Record | None:
        """The stored record of a document, None if it was ingested without extraction."""
        row = self.find(ref)
        return load_record(self.conn, row.id, row.name)

    def remove(self, ref: str | int) -> DocumentRow:
        """Delete a document and everything derived from it."""
        with self.atomic() as conn:
            row = self.find(ref)
            conn.execute("DELETE FROM documents WHERE id = ?", (row.id,))
        return row

    # -- reading ----------------------------------------------------------
    _COLUMNS = "id, name, title, format, encoding, sha256, chars, source_path, ingested_at"

    def _row(self, doc_id: int) -> DocumentRow:
        row = self.conn.execute(f"SELECT {self._COLUMNS} FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return DocumentRow(*row)

    def documents(self) -> list[DocumentRow]:
        rows = self.conn.execute(f"SELECT {self._COLUMNS} FROM documents ORDER BY name").fetchall()
        return [DocumentRow(*r) for r in rows]

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def find(self, ref: str | int) -> DocumentRow:
        """A document by id, exact name, name without extension, or sha256 prefix."""
        ref_s = str(ref).strip()
        conn = self.conn
        if ref_s.isdigit():
            row = conn.execute("SELECT id FROM documents WHERE id = ?", (int(ref_s),)).fetchone()
            if row:
                return self._row(row[0])
        row = conn.execute("SELECT id FROM documents WHERE name = ?", (ref_s,)).fetchone()
        if row:
            return self._row(row[0])
        rows = conn.execute(
            "SELECT id, name FROM documents WHERE name LIKE ? ESCAPE '\\' OR (length(?) >= 6 AND sha256 LIKE ? ESCAPE '\\')",
            (_like_prefix(ref_s) + ".%", ref_s, _like_prefix(ref_s.lower()) + "%"),
        ).fetchall()
        if len(rows) == 1:
            return self._row(rows[0][0])
        if len(rows) > 1:
            raise NotFoundError(Errors.E301, ref=ref_s, names=", ".join(r[1] for r in rows[:5]))
        raise NotFoundError(Errors.E300, ref=ref_s)

    def load(self, ref: str | int) -> Document:
        """Rebuild the Document exactly as it was saved."""
        row = self.find(ref)
        conn = self.conn
        text, source_offsets, warnings, t_start, t_end = conn.execute(
            "SELECT text, source_offsets, warnings, title_start_char, title_end_char FROM documents WHERE id = ?",
            (row.id,),
        ).fetchone()
        fields = tuple(
            InfoboxField(k, v, Span(ks, ke), Span(vs, ve))
            for k, v, ks, ke, vs, ve in conn.execute(
                "SELECT key, value, key_start_char, key_end_char, start_char, end_char"
                " FROM infobox_fields WHERE document_id = ? ORDER BY position",
                (row.id,),
            )
        )
        sections = tuple(
            Section(level, heading, Span(hs, he), Span(s, e), parent)
            for parent, level, heading, hs, he, s, e in conn.execute(
                "SELECT parent_position, level, heading, heading_start_char, heading_end_char, start_char, end_char"
                " FROM sections WHERE document_id = ? ORDER BY position",
                (row.id,),
            )
        )
        paragraphs = tuple(
            Paragraph(Span(s, e), sec)
            for sec, s, e in conn.execute(
                "SELECT section_position, start_char, end_char FROM paragraphs WHERE document_id = ? ORDER BY position",
                (row.id,),
            )
        )
        items: dict[int, list[ListItem]] = {}
        for lp, depth, s, e in conn.execute(
            "SELECT list_position, depth, start_char, end_char FROM list_items"
            " WHERE document_id = ? ORDER BY list_position, position",
            (row.id,),
        ):
            items.setdefault(lp, []).append(ListItem(Span(s, e), depth))
        lists = tuple(
            ListBlock(Span(s, e), tuple(items.get(pos, ())), sec)
            for pos, sec, s, e in conn.execute(
                "SELECT position, section_position, start_char, end_char FROM lists WHERE document_id = ? ORDER BY position",
                (row.id,),
            )
        )
        title_span = Span(t_start, t_end) if t_start is not None else None
        return Document(
            name=row.name,
            text=text,
            format=row.format,
            encoding=row.encoding,
            title=row.title,
            title_span=title_span,
            infobox=fields,
            sections=sections,
            paragraphs=paragraphs,
            lists=lists,
            source_offsets=bool(source_offsets),
            warnings=tuple(json.loads(warnings)),
        )


def _like_prefix(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
