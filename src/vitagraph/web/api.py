"""The JSON API: every page of the explorer is drawn from one of these.

``/api/documents`` is the home page's data, ``/api/documents/{doc}/{view}``
each document view's, ``/api/search`` the search page's. Success is
``{"ok": true, ...}``; failure is ``{"ok": false, "error": "..."}`` with a
status code (see ``app.py``). Handlers are ``async``: each is a few
milliseconds of SQLite and Python, which worker threads would not run in
parallel (the GIL) but would add hand-offs to; built views are cached, and
their encoded JSON with them.
"""

from __future__ import annotations

import json
import re
from typing import Annotated, Any, Callable
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import Response

from .. import __version__
from ..store import queries
from . import schemas
from .database import Database
from .views import DocView

VIEWS = ("timeline", "map", "network", "works", "reader")
ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": schemas.Error, "description": "No such document or entity"},
    503: {"model": schemas.Error, "description": "The database is missing or unreadable"},
}


class JSON(Response):
    """Compact UTF-8 JSON; NaN is refused so the browser's parser never chokes."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")


def ok(**data: Any) -> Response:
    return JSON({"ok": True, **data})


def cached(view: DocView, key: str, build: Callable[[], dict[str, Any]]) -> Response:
    """A view's JSON, encoded once per cached document version (the reader is ~150 KB)."""
    body = view._memo.get(("json", key))
    if body is None:
        body = JSON({"ok": True, "document": view.document.name, **build()}).body
        view._memo[("json", key)] = body
    return Response(body, media_type=JSON.media_type)


DocRef = Annotated[str, Path(description="Document name (victor-serge.txt), name without extension, id or sha256 prefix.", max_length=512)]


def build_router(db: Database, *, tiles: str | None = None) -> APIRouter:
    router = APIRouter(prefix="/api", responses=ERRORS)

    @router.get("", response_model=None, summary="What the API offers")
    async def index(request: Request) -> Response:
        routes = sorted({r.path for r in request.app.routes if getattr(r, "path", "").startswith("/api")})
        return ok(endpoints=routes, openapi="/openapi.json", docs="/docs")

    @router.get("/config", response_model=schemas.Config, summary="Server settings the explorer needs")
    async def config() -> Response:
        return ok(version=__version__, database=db.path.rsplit("/", 1)[-1], tiles=tiles)

    @router.get("/documents", response_model=schemas.DocumentList, summary="The documents, with counts (the home page)")
    async def documents(
        q: Annotated[str | None, Query(max_length=200, description="Only names or titles containing this.")] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> Response:
        st = db.store()
        total, rows = queries.document_list(st.conn, q=q or None, limit=limit, offset=offset)
        counts = db.counts([r["id"] for r in rows])
        for r in rows:
            r["counts"] = counts[r["id"]]
        totals = queries.totals(st.conn)
        message = None
        if totals["documents"] == 0:
            message = f"The database {db.path} holds no documents yet. Add one: vitagraph ingest FILE --db {db.path}"
        return ok(total=total, limit=limit, offset=offset, totals=totals, documents=rows, message=message)

    @router.get("/documents/{doc}", response_model=schemas.DocumentSummary, summary="One document: title, subject, infobox, counts")
    async def document(doc: DocRef) -> Response:
        view = db.view(doc)
        counts = db.counts([view.doc_id])[view.doc_id]
        base = f"/api/documents/{quote(view.document.name, safe='')}"
        return ok(id=view.doc_id, **view.summary(), counts=counts, views={v: f"{base}/{v}" for v in VIEWS})

    @router.get("/documents/{doc}/timeline", response_model=schemas.Timeline, summary="Events and dated passages on a time axis")
    async def timeline(doc: DocRef) -> Response:
        view = db.view(doc)
        return cached(view, "timeline", view.timeline)

    @router.get("/documents/{doc}/map", response_model=schemas.MapData, summary="Places, their weight, and the itinerary in time order")
    async def map_(doc: DocRef) -> Response:
        view = db.view(doc)
        return cached(view, "map", lambda: {**view.map(), "tiles": tiles})

    @router.get("/documents/{doc}/network", response_model=schemas.Network, summary="People and organizations linked by shared sentences and events")
    async def network(doc: DocRef) -> Response:
        view = db.view(doc)
        return cached(view, "network", view.network)

    @router.get("/documents/{doc}/works", response_model=schemas.Works, summary="The bibliography")
    async def works(doc: DocRef) -> Response:
        view = db.view(doc)
        return cached(view, "works", view.works)

    @router.get("/documents/{doc}/reader", response_model=schemas.Reader, summary="The text with every extracted span")
    async def reader(doc: DocRef) -> Response:
        view = db.view(doc)
        return cached(view, "reader", view.reader)

    @router.get("/documents/{doc}/entities/{entity}", response_model=schemas.EntityDetail,
                summary="A person, organization, place or work: mentions in context and events")
    async def entity(doc: DocRef, entity: Annotated[str, Path(max_length=512, description="Entity id, e.g. person:leon-trotsky")]) -> Response:
        view = db.view(doc)
        detail = view.entity(entity)
        if detail is None:
            raise HTTPException(404, f"No entity {entity!r} in {view.document.name}: the network and map views list the ids.")
        return ok(document=view.document.name, **detail)

    @router.get("/documents/{doc}/export/{fmt}", response_model=None,
                summary="The document's record as a file: liferecord, json, jsonld, turtle, geojson, csv, gexf, graphml, csl-json, bibtex, timelinejs, quickstatements",
                responses={200: {"content": {"application/octet-stream": {}}}})
    def export(doc: DocRef, fmt: Annotated[str, Path(max_length=32)]) -> Response:
        from ..export import EXPORTERS, MEDIA

        if fmt not in EXPORTERS:
            raise HTTPException(404, f"No export format {fmt!r}. Formats: {', '.join(EXPORTERS)}.")
        view = db.view(doc)
        if view.record is None:
            raise HTTPException(404, f"{view.document.name} has no extracted record: ingest it without --no-extract.")
        body = view._memo.get(("export", fmt))
        if body is None:
            body = EXPORTERS[fmt](view.record, view.document)
            view._memo[("export", fmt)] = body
        ext, media, _ = MEDIA[fmt]
        stem = view.document.name.rsplit(".", 1)[0]
        filename = f"{stem}{ext}"
        return Response(body, media_type=media, headers={
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}",
        })

    @router.get("/ask", response_model=None, summary="Answer a question from the documents, citing the sentences it rests on")
    def ask(
        q: Annotated[str, Query(min_length=3, max_length=300, description="A question: when, where, who, what, which, how long, how many, yes/no.")],
        doc: Annotated[str | None, Query(max_length=300, description="Only this document (name, stem or id)")] = None,
    ) -> Response:
        from ..query import answer

        st = db.store()
        document = db.view(doc).document.name if doc else None
        return ok(q=q, **answer(st, q, document=document))

    @router.get("/search", response_model=schemas.SearchResults, summary="Full-text search across all documents (SQLite FTS5)")
    async def search(
        q: Annotated[str, Query(max_length=200, description="Words (all must occur); \"quoted phrase\"; the last word matches as a prefix.")] = "",
        limit: Annotated[int, Query(ge=1, le=50, description="Hits per page; each snippet re-reads its document.")] = 10,
        offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
    ) -> Response:
        st = db.store()
        fts = queries.fts_query(q)
        if not fts or not queries.has_fts(st.conn):
            return ok(q=q, total=0, limit=limit, offset=offset, documents=[], entities=[])
        total, rows = queries.search_documents(st.conn, fts, limit=limit, offset=offset)
        hits = []
        for r in rows:
            hits.append({
                "name": r["name"], "title": r["title"], "subject": r["subject"], "chars": r["chars"],
                "title_parts": parts(r["title_marked"] or r["name"]), "snippet": parts(r["snippet"] or ""),
                "score": round(-float(r["score"]), 4),
            })
        words = [w for w in queries._WORD.findall(q) if len(w) >= 3][:8]
        ents = queries.entities_in(st.conn, [r["id"] for r in rows], words) if offset == 0 else []
        return ok(q=q, total=total, limit=limit, offset=offset, documents=hits, entities=ents)

    return router


_MARKS = re.compile(f"({queries.HIT_START}|{queries.HIT_END})")


def parts(marked: str) -> list[dict[str, Any]]:
    """FTS5 highlight markers to ``[{text, hit}]``: the browser shows hits without parsing markup."""
    out: list[dict[str, Any]] = []
    hit = False
    for piece in _MARKS.split(marked):
        if piece in (queries.HIT_START, queries.HIT_END):
            hit = piece == queries.HIT_START
        elif piece:
            out.append({"text": piece, "hit": hit})
    return out
