"""vitagraph list: the documents in the database."""

from __future__ import annotations

from dataclasses import asdict

from rich.table import Table

from ..errors import VitagraphError
from ._util import DEFAULT_DB_PATH, DbOption, JsonOption, app, console, fail, open_store, print_json


@app.command("list")
def list_command(db: DbOption = DEFAULT_DB_PATH, as_json: JsonOption = False) -> None:
    """List the stored documents with their format and size."""
    try:
        with open_store(db, must_exist=True) as store:
            rows = store.documents()
    except VitagraphError as exc:
        fail(exc)
    if as_json:
        print_json([asdict(r) for r in rows])
        return
    if not rows:
        console.print(f"{db} holds no documents yet: vitagraph ingest FILE --db {db}", markup=False)
        return
    table = Table("id", "name", "title", "format", "chars", "ingested", box=None, header_style="bold")
    for r in rows:
        table.add_row(str(r.id), r.name, r.title or "", r.format, f"{r.chars:,}", r.ingested_at)
    console.print(table)
