"""Ingest throughput: parse + store N generated biographies.

Prints documents/s, MB/s and peak memory, and the ratio against a baseline
measured in the same run: the same files read and inserted as plain text
rows into SQLite (what any ingest must at least do). No assertions: the
machine is shared and noisy; compare ratios, not seconds.

    .venv/bin/python bench/ingest.py [--n 1000]
"""

from __future__ import annotations

import argparse
import resource
import sqlite3
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import biography  # noqa: E402

from vitagraph.ingest import ingest  # noqa: E402
from vitagraph.store import Store  # noqa: E402


def baseline(files: list[Path], db: Path) -> float:
    t = time.perf_counter()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE docs (name TEXT PRIMARY KEY, text TEXT)")
    for f in files:
        with conn:
            conn.execute("INSERT INTO docs VALUES (?, ?)", (f.name, f.read_text(encoding="utf-8")))
    conn.close()
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=1000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        src = root / "bios"
        src.mkdir()
        files = []
        for i in range(args.n):
            name, text = biography(i)
            p = src / name
            p.write_text(text, encoding="utf-8")
            files.append(p)
        mb = sum(f.stat().st_size for f in files) / 1e6

        base = baseline(files, root / "baseline.db")
        tracemalloc.start()
        t = time.perf_counter()
        with Store(root / "vitagraph.db") as store:
            results = ingest(store, [src])
        took = time.perf_counter() - t
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        failed = [r for r in results if not r.ok]
        t2 = time.perf_counter()
        with Store(root / "vitagraph.db") as store:
            again = ingest(store, [src])
        reingest = time.perf_counter() - t2

    print(f"documents        {args.n} ({mb:.1f} MB), failed {len(failed)}")
    print(f"vitagraph ingest {took:.2f} s  {args.n / took:,.0f} docs/s  {mb / took:.2f} MB/s")
    print(f"baseline insert  {base:.2f} s  {args.n / base:,.0f} docs/s  {mb / base:.2f} MB/s")
    print(f"ratio            {took / base:.2f}x the baseline time (parse + structure + store vs. store text only)")
    print(f"re-ingest (no-op) {reingest:.2f} s  {sum(r.status == 'unchanged' for r in again)} unchanged")
    print(f"peak traced memory {peak / 1e6:.1f} MB; max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
