"""The explorer's web app: ``create_app(db_path)`` gives an ASGI app for uvicorn.

Pages (``/``, ``/search``, ``/doc/{doc}/{view}``, ``/docs``) are one static
HTML shell; plain ES modules draw them from the JSON API under ``/api``, so
every page has a JSON twin and no document text is ever part of served
markup. Every asset ships in ``static/``: no CDN, no Node.js at run time.

Guards, as in datasette: read-only database connections, a
Content-Security-Policy without inline script, ``nosniff``, GET/HEAD only,
capped request line and body, and (when bound to loopback) only loopback
Host headers, against DNS rebinding.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterable
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..errors import NotFoundError, StoreError, VitagraphError
from .api import JSON, VIEWS, build_router
from .database import Database

STATIC = Path(__file__).resolve().parent / "static"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
MAX_QUERY = 2048
MAX_PATH = 2048
MAX_BODY = 16 * 1024
log = logging.getLogger("vitagraph.web")


def content_security_policy(tiles: str | None = None) -> str:
    img = "'self' data:"
    if tiles:  # the user asked for online tiles: allow exactly that origin
        parts = urlsplit(tiles.replace("{", "").replace("}", ""))
        img += f" {parts.scheme}://{parts.netloc}"
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; "
        f"img-src {img}; connect-src 'self'; font-src 'self'; object-src 'none'; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )


def error(status: int, message: str, headers: dict[str, str] | None = None) -> JSON:
    return JSON({"ok": False, "error": message}, status_code=status, headers=headers)


class Guard:
    """Security headers on every response; refuses what an explorer never needs.

    Plain ASGI (not BaseHTTPMiddleware) so it adds no per-request task and
    can count streamed body bytes.
    """

    def __init__(self, app: ASGIApp, *, csp: str, allowed_hosts: Iterable[str] | None) -> None:
        self.app = app
        self.allowed = frozenset(h.lower() for h in allowed_hosts) if allowed_hosts is not None else None
        self.headers = [
            (b"content-security-policy", csp.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"),
            (b"x-frame-options", b"DENY"),
            (b"cross-origin-opener-policy", b"same-origin"),
            (b"cross-origin-resource-policy", b"same-origin"),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = self.headers

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *headers]
                if scope["path"].startswith("/api") and not any(k == b"cache-control" for k, _ in message["headers"]):
                    message["headers"].append((b"cache-control", b"no-cache"))
            await send(message)

        problem = self._refuse(scope)
        if problem is not None:
            await problem(scope, receive, send_with_headers)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > MAX_BODY:
                    raise StarletteHTTPException(413, f"request body over {MAX_BODY} bytes")
            return message

        await self.app(scope, limited_receive, send_with_headers)

    def _refuse(self, scope: Scope) -> Response | None:
        req_headers = {k.lower(): v for k, v in scope.get("headers", [])}
        if self.allowed is not None:
            host = req_headers.get(b"host", b"").decode("latin-1").lower()
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if name not in self.allowed:
                return error(421, f"host {host!r} is not served here; open http://127.0.0.1 instead")
        if len(scope.get("query_string", b"")) > MAX_QUERY or len(scope.get("raw_path", b"") or b"") > MAX_PATH:
            return error(414, f"request line too long (query over {MAX_QUERY} bytes)")
        if scope["method"] not in ("GET", "HEAD"):
            return error(405, f"method {scope['method']} not allowed: the explorer only reads", {"allow": "GET, HEAD"})
        length = req_headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            return error(413, f"request body over {MAX_BODY} bytes")
        return None


class Shell(Response):
    media_type = "text/html; charset=utf-8"


def create_app(db_path: str | Path, *, tiles: str | None = None,
               allowed_hosts: Iterable[str] | None = LOOPBACK_HOSTS) -> FastAPI:
    """The explorer over one database file, opened read-only per request thread.

    ``tiles``: an online tile URL template (``https://.../{z}/{x}/{y}.png``),
    only when the user opts in; otherwise the map uses the shipped basemap.
    ``allowed_hosts``: Host header names to answer; None accepts any (for a
    server deliberately bound to a public interface).
    """
    db = Database(db_path)
    app = FastAPI(
        title="vitagraph explorer API",
        version=__version__,
        description="JSON twins of every explorer page. Errors are `{\"ok\": false, \"error\": \"...\"}`.",
        docs_url=None, redoc_url=None, openapi_url="/openapi.json",
    )
    app.state.db = db
    app.include_router(build_router(db, tiles=tiles))
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    shell = (STATIC / "index.html").read_bytes()

    def page() -> Shell:
        return Shell(shell, headers={"cache-control": "no-cache"})

    @app.get("/", include_in_schema=False)
    def home() -> Shell:
        return page()

    @app.get("/search", include_in_schema=False)
    def search_page() -> Shell:
        return page()

    @app.get("/docs", include_in_schema=False)
    def docs_page() -> Shell:
        return page()

    @app.get("/doc/{doc}", include_in_schema=False)
    def doc_page(doc: str) -> Shell:
        return page()

    @app.get("/doc/{doc}/{view}", include_in_schema=False)
    def doc_view_page(doc: str, view: str) -> Response:
        if view not in VIEWS:
            return error(404, f"no view {view!r}; views are {', '.join(VIEWS)}")
        return page()

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response((STATIC / "favicon.svg").read_bytes(), media_type="image/svg+xml")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSON:
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        return error(exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> JSON:
        problems = []
        for e in exc.errors()[:3]:
            where = " ".join(str(x) for x in e.get("loc", ()))
            problems.append(f"{where}: {e.get('msg', 'invalid')}")
        return error(422, "; ".join(problems) or "invalid request")

    @app.exception_handler(VitagraphError)
    async def vitagraph_error(request: Request, exc: VitagraphError) -> JSON:
        status = 404 if isinstance(exc, NotFoundError) else 503 if isinstance(exc, StoreError) else 500
        return error(status, str(exc))

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> JSON:
        log.exception("error serving %s", request.url.path)
        return error(500, f"internal error ({type(exc).__name__}); the server log has the details")

    app.add_middleware(Guard, csp=content_security_policy(tiles), allowed_hosts=allowed_hosts)  # type: ignore[arg-type]
    return app


def tune_gc() -> None:
    """For a serving process: built views stay cached, so collect less often and never
    rescan what startup allocated (spaCy, when the sample was just ingested); this keeps
    full collections (tens of milliseconds over a big heap) out of request latencies."""
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 20, 50)
