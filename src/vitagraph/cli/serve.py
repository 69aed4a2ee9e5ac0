"""vitagraph serve: the web explorer over a database."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated, Optional

import typer

from .. import sample_path
from ..errors import VitagraphError
from ._util import DEFAULT_DB_PATH, DbOption, app, console, err_console, fail


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def prepare(db: Path, *, sample: bool = True) -> int:
    """Upgrade the schema and, when the database is empty, ingest the embedded biography.

    Serving opens the file read-only, so this is the one moment to write.
    Returns the number of stored documents.
    """
    from ..ingest import ingest
    from ..store import Store

    with Store(db) as store:
        if store.count() == 0 and sample:
            from ..nlp import Extractor

            err_console.print(f"{db} is empty: ingesting the embedded Victor Serge biography…", markup=False, highlight=False)
            results = ingest(store, [sample_path()], extract=Extractor())
            for r in results:
                if not r.ok:
                    raise typer.BadParameter(f"could not ingest the sample: {r.error}")
        return store.count()


@app.command("serve")
def serve_command(
    db: DbOption = DEFAULT_DB_PATH,
    host: Annotated[str, typer.Option("--host", help="Address to listen on. Anything but loopback exposes your database to the network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.", min=0, max=65535)] = 8000,
    sample: Annotated[bool, typer.Option("--sample/--no-sample", help="Ingest the embedded Victor Serge biography when the database is empty.")] = True,
    tiles: Annotated[
        Optional[str],
        typer.Option("--tiles", help="Opt in to online map tiles from this URL template ({z}/{x}/{y}); by default the map is offline."),
    ] = None,
    open_browser: Annotated[bool, typer.Option("--open", help="Open the explorer in a web browser.")] = False,
) -> None:
    """Serve the web explorer (timeline, map, network, works, reader, search) and its JSON API."""
    try:
        import uvicorn

        from ..web import create_app
    except ImportError as exc:  # the web extras are missing from this environment
        fail(f"the explorer needs FastAPI and uvicorn ({exc.name} is missing): pip install fastapi uvicorn")

    if tiles is not None and not (tiles.startswith("https://") and "{z}" in tiles and "{x}" in tiles and "{y}" in tiles):
        fail("--tiles wants an https URL template with {z}, {x} and {y}, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png", code=2)
    try:
        n = prepare(db, sample=sample) if (db.exists() or sample) else 0
    except VitagraphError as exc:
        fail(exc)
    loopback = is_loopback(host)
    hosts = None if not loopback else sorted({"127.0.0.1", "localhost", "::1", "[::1]", host})
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"
    if not loopback:
        err_console.print(f"warning: listening on {host}: anyone who can reach this address can read the database", markup=False, highlight=False)
    console.print(f"vitagraph explorer: {url}  ({n} document{'s' if n != 1 else ''} in {db}; Ctrl+C stops)", markup=False, highlight=False)
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(1.0, lambda: webbrowser.open(url)).start()
    settings: dict = dict(host=host, port=port, log_level="warning", server_header=False, access_log=False,
                          h11_max_incomplete_event_size=16 * 1024)
    from ..web.app import tune_gc

    application = create_app(db, tiles=tiles, allowed_hosts=hosts)
    tune_gc()
    uvicorn.run(application, **settings)
