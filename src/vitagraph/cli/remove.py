"""vitagraph remove: delete a document and everything extracted from it."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer

from ..errors import VitagraphError
from ._util import DEFAULT_DB_PATH, DbOption, JsonOption, app, console, fail, open_store, print_json


@app.command("remove")
def remove_command(
    doc: Annotated[str, typer.Argument(help="Document name, name without extension, id, or sha256 prefix.")],
    db: DbOption = DEFAULT_DB_PATH,
    as_json: JsonOption = False,
) -> None:
    """Remove a document from the database (one transaction)."""
    try:
        with open_store(db, must_exist=True) as store:
            row = store.remove(doc)
    except VitagraphError as exc:
        fail(exc)
    if as_json:
        print_json({"removed": asdict(row)})
    else:
        console.print(f"removed {row.name}", markup=False, highlight=False)
