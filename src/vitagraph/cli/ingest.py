"""vitagraph ingest: read biographies into the database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from .. import sample_path
from ..document import FORMATS
from ..errors import VitagraphError
from ..ingest import IngestResult, ingest
from ..readers import MAX_BYTES
from ._util import DEFAULT_DB_PATH, DbOption, JsonOption, app, console, err_console, fail, open_store, print_json, show_progress


def parse_size(value: str) -> int:
    """``16MB``, ``500KB``, ``1GB`` or a number of bytes."""
    v = value.strip().upper().replace(" ", "")
    for suffix, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024), ("B", 1)):
        if v.endswith(suffix):
            v, mult = v[: -len(suffix)], factor
            break
    else:
        mult = 1
    try:
        return int(float(v) * mult)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a size like 16MB") from None


@app.command("ingest")
def ingest_command(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Files or directories of biographies.", show_default=False)] = None,
    db: DbOption = DEFAULT_DB_PATH,
    format: Annotated[
        Optional[str], typer.Option("--format", "-f", help=f"Input format instead of detecting it: {', '.join(FORMATS)}.")
    ] = None,
    sample: Annotated[bool, typer.Option("--sample", help="Ingest the embedded Victor Serge biography.")] = False,
    max_size: Annotated[str, typer.Option("--max-size", help="Refuse files larger than this.")] = f"{MAX_BYTES // 1024**2}MB",
    no_extract: Annotated[bool, typer.Option("--no-extract", help="Store text and structure only; skip the NLP.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only failures.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Read biographies (corpus text, plain text, Markdown, wikitext, HTML) into the database.

    Each file is one transaction: it lands whole or not at all. Identical text
    already stored is skipped; a changed file under the same name replaces the
    old one. Exits 1 if any file failed.
    """
    targets = list(paths or [])
    if sample:
        targets.insert(0, sample_path())
    if not targets:
        fail("give files or directories to ingest, or --sample", code=2)
    if format is not None and format not in FORMATS:
        fail(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}", code=2)
    limit = parse_size(max_size)
    try:
        store = open_store(db)
        extract = None
        if not no_extract:
            from ..nlp import Extractor

            extract = Extractor()
    except VitagraphError as exc:
        fail(exc)
    results: list[IngestResult] = []
    with store:
        if show_progress(quiet or as_json) and len(targets) > 0:
            with Progress(
                TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                TextColumn("{task.description}"), console=err_console, transient=True,
            ) as bar:
                task = bar.add_task("", total=None)
                results = ingest(
                    store, targets, format=format, max_bytes=limit, extract=extract,
                    on_start=lambda n: bar.update(task, total=n),
                    on_result=lambda r: bar.update(task, advance=1, description=Path(r.path).name),
                )
        else:
            results = ingest(store, targets, format=format, max_bytes=limit, extract=extract)
    if as_json:
        print_json([r.to_dict() for r in results])
    else:
        for r in results:
            report(r, quiet)
        if len(results) > 1 and not quiet:
            counts = {s: sum(r.status == s for r in results) for s in ("added", "replaced", "extracted", "unchanged", "failed")}
            console.print(", ".join(f"{n} {s}" for s, n in counts.items() if n), highlight=False)
    if any(not r.ok for r in results):
        raise typer.Exit(1)


def report(r: IngestResult, quiet: bool) -> None:
    if not r.ok:
        err_console.print(f"error: {r.error}", markup=False, highlight=False)
        return
    if quiet:
        return
    if r.status == "extracted":
        console.print(f"extracted {r.name} (text was stored already)", markup=False, highlight=False)
        return
    if r.status == "unchanged":
        console.print(f"unchanged {r.path} (already stored as {r.name})", markup=False, highlight=False)
    else:
        c = r.stats
        console.print(
            f"{r.status} {r.name} ({r.format}, {c['chars']:,} chars, {c['sections']} sections, "
            f"{c['paragraphs']} paragraphs, {c['list_items']} list items)",
            markup=False, highlight=False,
        )
    for w in r.warnings:
        err_console.print(f"warning: {r.path}: {w}", markup=False, highlight=False)
