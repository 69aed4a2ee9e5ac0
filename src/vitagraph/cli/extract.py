"""vitagraph extract: files to liferecord JSON, no database needed."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import VitagraphError
from ..export import EXPORTERS
from ..readers import MAX_BYTES, read_path
from ._util import JsonOption, console, err_console, fail, print_json, app
from .ingest import parse_size


@app.command("extract")
def extract_command(
    files: Annotated[list[Path], typer.Argument(help="Biography files.", show_default=False)],
    out: Annotated[Path, typer.Option("--output", "-o", help="Directory for DIR/<stem>.json.")] = Path("."),
    format: Annotated[str, typer.Option("--format", help="Output format: " + ", ".join(EXPORTERS) + ".")] = "liferecord",
    input_format: Annotated[str | None, typer.Option("--input-format", help="Input format instead of detecting it.")] = None,
    max_size: Annotated[str, typer.Option("--max-size", help="Refuse files larger than this.")] = f"{MAX_BYTES // 1024**2}MB",
    as_json: JsonOption = False,
) -> None:
    """Extract each file's record and write it as OUT/<stem>.json (liferecord/1)."""
    if format not in EXPORTERS:
        fail(f"unknown export format {format!r}; choose one of {', '.join(EXPORTERS)}", code=2)
    from ..nlp import Extractor

    try:
        extractor = Extractor()
    except VitagraphError as exc:
        fail(exc)
    out.mkdir(parents=True, exist_ok=True)
    results, failed = [], 0
    for f in files:
        try:
            doc = read_path(f, format=input_format, max_bytes=parse_size(max_size))
            record = extractor(doc)
        except VitagraphError as exc:
            err_console.print(f"error: {exc}", markup=False, highlight=False)
            failed += 1
            results.append({"path": str(f), "ok": False, "error": str(exc)})
            continue
        target = out / f"{f.stem}.json"
        target.write_bytes(EXPORTERS[format](record, doc))
        results.append({"path": str(f), "ok": True, "output": str(target), "entities": len(record.entities),
                        "works": len(record.works), "places": len(record.places), "events": len(record.events)})
        if not as_json:
            console.print(f"wrote {target} ({len(record.entities)} entities, {len(record.places)} places, "
                          f"{len(record.works)} works, {len(record.times)} dates)", markup=False, highlight=False)
    if as_json:
        print_json(results)
    if failed:
        raise typer.Exit(1)
