"""The server's view of the database: read-only connections and a cache of built views.

Each worker thread gets its own ``mode=ro`` connection (sqlite3 connections
are not for sharing across threads), so serving can never write, and an
ingest running at the same time (WAL) is seen as soon as it commits. Building
a document's views costs milliseconds; they are cached per document version
and dropped whenever another connection commits.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from ..errors import Errors, StoreError
from ..store import Store
from ..store import queries
from .views import DocView


class Database:
    """Read-only access to one vitagraph database file, for many threads."""

    def __init__(self, path: str | Path, *, cache_size: int = 32) -> None:
        self.path = str(path)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._cache: OrderedDict[tuple[Any, ...], DocView] = OrderedDict()
        self._cache_size = cache_size
        self._generation = 0
        self._counts: dict[int, dict[str, int]] = {}

    def store(self) -> Store:
        """This thread's read-only Store, opened on first use.

        Opening is retried on every request until it works, so a server
        started before the first ingest picks the database up once it exists.
        """
        st: Store | None = getattr(self._local, "store", None)
        if st is None:
            if not Path(self.path).exists():
                raise StoreError(Errors.E202, path=self.path)
            st = Store(self.path, readonly=True)
            self._local.store = st
            self._local.version = queries.data_version(st.conn)
            return st
        version = queries.data_version(st.conn)
        if version != self._local.version:  # someone committed: views may be stale
            self._local.version = version
            with self._lock:
                self._generation += 1
                self._cache.clear()
                self._counts.clear()
        return st

    def view(self, ref: str) -> DocView:
        """A document's views by name, stem, id or sha256 prefix (NotFoundError if none)."""
        st = self.store()
        row = st.find(ref)
        key = (row.id, queries.fingerprint(st.conn, row.id))
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                return hit
            generation = self._generation
        view = DocView(row.id, st.load(row.id), st.record(row.id), queries.sentence_spans(st.conn, row.id))
        with self._lock:
            if generation == self._generation:  # not built from a snapshot that just went stale
                self._cache[key] = view
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return view

    def counts(self, doc_ids: list[int]) -> dict[int, dict[str, int]]:
        """Per-document counts for the home page, kept until the database changes
        (counting a thousand documents' mentions is most of that page's cost)."""
        st = self.store()
        with self._lock:
            missing = [i for i in doc_ids if i not in self._counts]
        if missing:
            fresh = queries.document_counts(st.conn, missing)
            with self._lock:
                self._counts.update(fresh)
        with self._lock:
            return {i: self._counts.get(i) or dict.fromkeys(queries.COUNT_KEYS, 0) for i in doc_ids}

    def close(self) -> None:
        st = getattr(self._local, "store", None)
        if st is not None:
            st.close()
            self._local.store = None
