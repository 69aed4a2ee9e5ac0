"""What every command shares: the Typer app, options, output, errors."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console

from ..errors import VitagraphError
from ..store import DEFAULT_DB, Store

app = typer.Typer(
    name="vitagraph",
    help="A cited, structured, explorable record of a life, from a biography.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

console = Console(soft_wrap=True)
err_console = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[
    Path,
    typer.Option("--db", envvar="VITAGRAPH_DB", help="SQLite database file.", show_default=True),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON data instead of text.")]
DEFAULT_DB_PATH = Path(DEFAULT_DB)


def open_store(db: Path, *, must_exist: bool = False) -> Store:
    """Open the database for writing; commands that only read ask it to exist."""
    if must_exist and not db.exists():
        from ..errors import Errors, StoreError

        raise StoreError(Errors.E202, path=str(db))
    return Store(db)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def fail(error: VitagraphError | str, code: int = 1) -> NoReturn:
    err_console.print(f"error: {error}", markup=False, highlight=False)
    raise typer.Exit(code)


def show_progress(quiet: bool) -> bool:
    """Progress bars only for people: not for pipes, CI logs, --json or --quiet."""
    return not quiet and sys.stderr.isatty() and not os.environ.get("CI")
