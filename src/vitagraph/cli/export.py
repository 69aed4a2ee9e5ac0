"""vitagraph export: stored records in the formats historians' tools read."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import Errors, NotFoundError, VitagraphError
from ..export import EXPORTERS, MEDIA
from ._util import DEFAULT_DB_PATH, DbOption, app, console, err_console, fail, open_store

FORMAT_HELP = (
    "liferecord (scored JSON), json (the full record with provenance), jsonld (schema.org), turtle (RDF), "
    "geojson (places and itinerary), csv (zipped tables with a README), gexf / graphml (the network), "
    "csl-json / bibtex (the works), timelinejs, quickstatements (Wikidata)."
)


def _file_name(doc_name: str, fmt: str, taken: set[str]) -> str:
    stem = doc_name.rsplit(".", 1)[0] if "." in doc_name else doc_name
    stem = re.sub(r"[^\w.\-]+", "_", stem).strip("._") or "record"
    name = stem + MEDIA[fmt][0]
    if name in taken:  # a.txt and a.md: keep both
        name = re.sub(r"[^\w\-]+", "_", doc_name) + MEDIA[fmt][0]
    taken.add(name)
    return name


@app.command("export")
def export_command(
    doc: Annotated[Optional[str], typer.Argument(help="Document name, id or sha256 prefix (or --all).", show_default=False)] = None,
    all_docs: Annotated[bool, typer.Option("--all", help="Export every stored document with a record (needs -o DIR).")] = False,
    db: DbOption = DEFAULT_DB_PATH,
    format: Annotated[str, typer.Option("--format", "-f", help=FORMAT_HELP)] = "liferecord",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File or directory to write (default: standard output; a directory gets <name><ext>).", show_default=False)] = None,
) -> None:
    """Export stored records: one document to stdout or a file, or --all into a directory."""
    if format not in EXPORTERS:
        fail(f"unknown export format {format!r}; choose one of {', '.join(EXPORTERS)}", code=2)
    if all_docs == (doc is not None):
        fail("give one document, or --all", code=2)
    if all_docs and output is None:
        fail("--all writes one file per document: give a directory with -o DIR", code=2)
    binary = MEDIA[format][2]
    if output is None and binary and sys.stdout.isatty():
        fail(f"{format} is a binary file (a {MEDIA[format][0]}): write it with -o FILE or redirect the output", code=2)
    exporter = EXPORTERS[format]
    problems = 0
    try:
        with open_store(db, must_exist=True) as store:
            if not all_docs:
                assert doc is not None
                document = store.load(doc)
                record = store.record(doc)
                if record is None:
                    raise NotFoundError(Errors.E402, path=document.name)
                data = exporter(record, document)
                if output is None:
                    sys.stdout.buffer.write(data)
                    sys.stdout.buffer.flush()
                    return
                target = output / _file_name(document.name, format, set()) if output.is_dir() else output
                target.write_bytes(data)
                console.print(f"wrote {target}", markup=False, highlight=False)
                return
            assert output is not None
            if output.exists() and not output.is_dir():
                fail(f"{output} is a file; --all needs a directory", code=2)
            output.mkdir(parents=True, exist_ok=True)
            taken: set[str] = set()
            rows = store.documents()
            for row in rows:
                record = store.record(row.id)
                if record is None:
                    err_console.print(f"error: {row.name}: [E402] {Errors.E402}", markup=False, highlight=False)
                    problems += 1
                    continue
                target = output / _file_name(row.name, format, taken)
                target.write_bytes(exporter(record, store.load(row.id)))
                console.print(f"wrote {target}", markup=False, highlight=False)
            if not rows:
                err_console.print("no documents in the database", markup=False, highlight=False)
    except VitagraphError as exc:
        fail(exc)
    except OSError as exc:
        fail(f"{exc.filename or output}: {exc.strerror or exc}")
    if problems:
        raise typer.Exit(1)
