"""Killing an ingest mid-way leaves the database consistent: whole documents or none."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from vitagraph.readers import read_path

BIO = """= Person {i} =

Infobox
- Born: 18{i:02d}-01-01

Person {i} was a writer born in Lyon.

==Life==
{body}

==Works==
{works}
"""


def check_consistent(db: Path, sources: dict[str, Path]) -> int:
    """Every stored document has exactly the structure its file has."""
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = conn.execute("SELECT id, name FROM documents").fetchall()
    for doc_id, name in rows:
        doc = read_path(sources[name])
        counts = [
            conn.execute(f"SELECT count(*) FROM {t} WHERE document_id = ?", (doc_id,)).fetchone()[0]
            for t in ("sections", "paragraphs", "list_items", "infobox_fields")
        ]
        assert counts == [len(doc.sections), len(doc.paragraphs), len(doc.items), len(doc.infobox)], name
    conn.close()
    return len(rows)


@pytest.mark.slow
def test_kill_mid_ingest(tmp_path: Path):
    src = tmp_path / "bios"
    src.mkdir()
    sources = {}
    for i in range(400):
        body = "\n\n".join(f"In {1800 + i % 90} he moved to town {j}." for j in range(60))
        works = "\n".join(f"- Book {j} ({1820 + j})" for j in range(200))
        p = src / f"person-{i:03d}.txt"
        p.write_text(BIO.format(i=i % 100, body=body, works=works))
        sources[p.name] = p
    db = tmp_path / "killed.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "vitagraph", "ingest", str(src), "--db", str(db), "--quiet", "--no-extract"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    # wait until some documents have landed, then kill without warning
    deadline = time.time() + 60
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
        if db.exists():
            try:
                c = sqlite3.connect(db, timeout=0.1)
                stored = c.execute("SELECT count(*) FROM documents").fetchone()[0]
                c.close()
            except sqlite3.OperationalError:
                continue
            if stored >= 5:
                break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    n = check_consistent(db, sources)
    assert 5 <= n < 400, "the kill should land mid-way"
    # and ingesting again completes the rest
    subprocess.run(
        [sys.executable, "-m", "vitagraph", "ingest", str(src), "--db", str(db), "--quiet", "--no-extract"], check=True, timeout=300
    )
    assert check_consistent(db, sources) == 400
