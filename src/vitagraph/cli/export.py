"""vitagraph export: a stored document's record in an exchange format."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import Errors, NotFoundError, VitagraphError
from ..export import EXPORTERS
from ._util import DEFAULT_DB_PATH, DbOption, app, console, fail, open_store


@app.command("export")
def export_command(
    doc: Annotated[str, typer.Argument(help="Document name, id or sha256 prefix.")],
    db: DbOption = DEFAULT_DB_PATH,
    format: Annotated[str, typer.Option("--format", help="One of: " + ", ".join(EXPORTERS) + ".")] = "liferecord",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File to write (default: standard output).")] = None,
) -> None:
    """Export a stored document's record (liferecord/1 JSON by default)."""
    if format not in EXPORTERS:
        fail(f"unknown export format {format!r}; choose one of {', '.join(EXPORTERS)}", code=2)
    try:
        with open_store(db, must_exist=True) as store:
            document = store.load(doc)
            record = store.record(doc)
            if record is None:
                raise NotFoundError(Errors.E402, path=document.name)
    except VitagraphError as exc:
        fail(exc)
    data = EXPORTERS[format](record, document)
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        output.write_bytes(data)
        console.print(f"wrote {output}", markup=False, highlight=False)
