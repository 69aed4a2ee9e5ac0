"""vitagraph sparql: SPARQL 1.1 over the RDF of every stored record (pyoxigraph, in memory)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.table import Table
from rich.text import Text

from ..errors import VitagraphError
from ._util import DEFAULT_DB_PATH, DbOption, JsonOption, app, console, fail, open_store

RESULT_FORMATS = ("table", "json", "csv", "tsv")


def load_store(db: Path, only: str | None = None) -> Any:
    """A pyoxigraph Store with each document's graph in its own named graph (the document IRI)."""
    import pyoxigraph as ox

    from .. import rdf

    store = ox.Store()
    with open_store(db, must_exist=True) as vg:
        rows = [vg.find(only)] if only else vg.documents()
        for row in rows:
            record = vg.record(row.id)
            if record is None:
                continue
            document = vg.load(row.id)
            g = rdf.graph(record, document)
            store.load(rdf.turtle(g, document), format=ox.RdfFormat.TURTLE,
                       to_graph=ox.NamedNode(rdf.document_iri(document)))
    return store


def run_query(store: Any, query: str) -> Any:
    from .. import rdf

    return store.query(query, prefixes=dict(rdf.PREFIXES), use_default_graph_as_union=True)


def _show(term: Any) -> str:
    import pyoxigraph as ox

    from .. import rdf

    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for name, ns in rdf.PREFIXES.items():
            if term.value.startswith(ns):
                return f"{name}:{term.value[len(ns):]}"
        return term.value
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


@app.command("sparql")
def sparql_command(
    query: Annotated[Optional[str], typer.Argument(help="A SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE); '-' reads it from standard input.", show_default=False)] = None,
    db: DbOption = DEFAULT_DB_PATH,
    file: Annotated[Optional[Path], typer.Option("--file", help="Read the query from this file.", show_default=False)] = None,
    doc: Annotated[Optional[str], typer.Option("--doc", help="Only this document's graph.", show_default=False)] = None,
    output: Annotated[str, typer.Option("--output-format", help="SELECT results as table, json (SPARQL 1.1 JSON results), csv or tsv.")] = "table",
    as_json: JsonOption = False,
) -> None:
    """Query the database's records as RDF (the Turtle export's graph, one named graph per document).

    The prefixes schema:, vg:, oa:, xsd:, rdf: and edtf: are predefined; the
    default graph is the union of all documents. CONSTRUCT and DESCRIBE print
    Turtle.
    """
    import pyoxigraph as ox

    from .. import rdf

    if output not in RESULT_FORMATS:
        fail(f"unknown --output-format {output!r}; choose one of {', '.join(RESULT_FORMATS)}", code=2)
    if as_json:
        output = "json"
    if file is not None:
        try:
            query = file.read_text(encoding="utf-8")
        except OSError as exc:
            fail(f"{file}: {exc.strerror or exc}")
    elif query == "-" or query is None and not sys.stdin.isatty():
        query = sys.stdin.read()
    if not query or not query.strip():
        fail("give a query: vitagraph sparql 'SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name }'", code=2)
    try:
        store = load_store(db, doc)
    except VitagraphError as exc:
        fail(exc)
    try:
        result = run_query(store, query)
    except SyntaxError as exc:
        fail(f"the query is not valid SPARQL: {exc}", code=2)
    if isinstance(result, ox.QueryBoolean):
        if output == "json":
            sys.stdout.write('{"head": {}, "boolean": ' + ("true" if bool(result) else "false") + "}\n")
        else:
            sys.stdout.write(("true" if bool(result) else "false") + "\n")
        return
    if isinstance(result, ox.QueryTriples):
        data = ox.serialize(result, format=ox.RdfFormat.TURTLE, prefixes=dict(rdf.PREFIXES))
        sys.stdout.buffer.write(data or b"")
        return
    if output != "table":
        fmt = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV,
               "tsv": ox.QueryResultsFormat.TSV}[output]
        sys.stdout.buffer.write(result.serialize(format=fmt) or b"")
        if output == "json":
            sys.stdout.write("\n")
        return
    variables = [v.value for v in result.variables]
    table = Table(show_lines=False)
    for v in variables:
        table.add_column(Text(v))
    n = 0
    for solution in result:
        table.add_row(*[Text(_show(solution[v])) for v in variables])
        n += 1
    console.print(table)
    console.print(f"{n} result{'s' if n != 1 else ''}", markup=False, highlight=False)
