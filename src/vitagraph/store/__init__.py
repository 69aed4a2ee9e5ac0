"""Storage: SQLite with numbered migrations; the only place SQL is written."""

from .db import DEFAULT_DB, DocumentRow, SaveResult, Store

__all__ = ["DEFAULT_DB", "DocumentRow", "SaveResult", "Store"]
