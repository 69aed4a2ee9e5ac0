"""The store: migrations, one transaction per ingest, idempotence, replacement."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import vitagraph
from vitagraph.errors import NotFoundError, StoreError
from vitagraph.readers import read_text
from vitagraph.store import Store
from vitagraph.store.migrations import LATEST, statements


def table_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("documents", "infobox_fields", "sections", "paragraphs", "lists", "list_items")
        }
    finally:
        conn.close()


def test_migrations_are_recorded_and_wal_is_on(store, db_path):
    rows = store.conn.execute("SELECT id, name FROM migrations").fetchall()
    assert [r[0] for r in rows] == list(range(1, LATEST + 1))
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    # reopening applies nothing twice
    with Store(db_path) as again:
        assert again.conn.execute("SELECT count(*) FROM migrations").fetchone()[0] == LATEST


def test_newer_schema_is_refused(db_path):
    with Store(db_path) as s:
        s.conn.execute("INSERT INTO migrations VALUES (999, 'from the future', 'now')")
    with pytest.raises(StoreError) as exc:
        Store(db_path)
    assert exc.value.code == "E201"


def test_not_a_database(tmp_path):
    p = tmp_path / "junk.db"
    p.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError) as exc:
        Store(p)
    assert exc.value.code == "E200"


def test_save_and_load_round_trip(store, sample_path):
    doc = vitagraph.read(sample_path)
    assert store.save_document(doc).status == "added"
    assert store.load("victor-serge.txt") == doc
    assert store.load("victor-serge") == doc
    assert store.load(doc.sha256[:10]) == doc


def test_reingest_identical_text_changes_nothing(store, db_path, mini_file):
    doc = read_text(mini_file.read_text(), mini_file.name)
    first = store.save_document(doc)
    before = table_counts(db_path)
    again = store.save_document(doc)
    assert again.status == "unchanged" and again.document == first.document
    assert table_counts(db_path) == before


def test_changed_text_under_the_same_name_replaces(store, db_path, mini_file):
    old = read_text(mini_file.read_text(), mini_file.name)
    store.save_document(old)
    new = read_text(mini_file.read_text().replace("==Works==\n", "==Works==\n- A New Book (1850)\n"), mini_file.name)
    result = store.save_document(new)
    assert result.status == "replaced"
    assert [r.name for r in store.documents()] == [mini_file.name]
    assert store.load(mini_file.name) == new
    assert table_counts(db_path)["list_items"] == 3


def test_failed_save_changes_nothing(store, db_path, mini_file):
    doc = read_text(mini_file.read_text(), mini_file.name)
    store.save_document(doc)
    before = table_counts(db_path)
    changed = read_text(mini_file.read_text() + "\nA new closing paragraph.\n", mini_file.name)

    def explode(conn, doc_id):
        raise RuntimeError("disk on fire, half-way through")

    with pytest.raises(RuntimeError):
        store.save_document(changed, also=explode)
    assert table_counts(db_path) == before  # the old version is intact
    assert store.load(mini_file.name) == doc


def test_remove_cascades(store, db_path, mini_file):
    store.save_document(read_text(mini_file.read_text(), mini_file.name))
    assert store.remove("ada-example").name == mini_file.name
    assert set(table_counts(db_path).values()) == {0}
    with pytest.raises(NotFoundError):
        store.remove("ada-example")


def test_ambiguous_reference(store):
    store.save_document(read_text("= A =\n\nOne.\n", "same.txt"))
    store.save_document(read_text("# B\n\nTwo.\n", "same.md"))
    with pytest.raises(NotFoundError) as exc:
        store.find("same")
    assert exc.value.code == "E301"
    assert store.find("same.md").name == "same.md"


def test_readonly_connection_cannot_write(db_path, mini_file):
    with Store(db_path) as s:
        s.save_document(read_text(mini_file.read_text(), mini_file.name))
    ro = Store(db_path, readonly=True)
    assert [d.name for d in ro.documents()] == [mini_file.name]
    with pytest.raises(sqlite3.OperationalError):
        ro.conn.execute("DELETE FROM documents")
    ro.close()
    with pytest.raises(StoreError):
        Store(db_path.parent / "missing.db", readonly=True)


def test_a_reader_and_a_writer_at_once(db_path, mini_file):
    writer = Store(db_path)
    writer.save_document(read_text(mini_file.read_text(), mini_file.name))
    reader = Store(db_path, readonly=True)
    with writer.atomic():
        writer.save_document(read_text("= Other =\n\nText.\n", "other.txt"))
        assert len(reader.documents()) == 1  # sees the last committed state, not blocked
    assert len(reader.documents()) == 2
    reader.close()
    writer.close()


def test_statement_splitter_keeps_triggers_whole():
    script = "CREATE TABLE a (x);\nCREATE TRIGGER t AFTER INSERT ON a BEGIN\n  SELECT 1;\n  SELECT 2;\nEND;\n"
    assert len(statements(script)) == 2


def test_tables_are_browsable(store, mini_file):
    store.save_document(read_text(mini_file.read_text(), mini_file.name))
    rows = store.conn.execute("SELECT text FROM paragraph_text ORDER BY position").fetchall()
    assert rows[1][0] == "She was born in London."
    outline = store.conn.execute("SELECT heading, paragraphs FROM section_outline ORDER BY position").fetchall()
    assert outline[0] == ("Early life", 2)
