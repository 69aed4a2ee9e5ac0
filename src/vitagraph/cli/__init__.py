"""The command line: one command per module, each a thin shell over a plain function."""

from __future__ import annotations

from . import ask, export, extract, ingest, list_docs, remove, serve, show, sparql  # noqa: F401  (registers the commands)
from ._util import app


def main() -> None:
    app()


__all__ = ["app", "main"]
