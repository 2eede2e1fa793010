"""The web application: one static page, and a JSON API over the pipeline.

Nothing from a request is used as a template, a path or markup: examples are looked up by name in
a fixed list, registry entries by integer id (``entries.py``), uploads are parsed as data, bodies
are capped (``body.py``), and the preview is pandoc's HTML, in which pandoc has escaped every word
of the input.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from .. import pipeline
from ..errors import DraftingError, InputError
from ..registry.db import open_registry
from ..registry.records import NotADraft, NotInRegistry
from . import drafts, entries
from .body import read_json
from .drafts import Libraries
from .examples import example_libraries, examples
from .meta import meta

STATIC = Path(__file__).resolve().parent / "static"
MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
}
# The page loads only its own script and styles; the preview (a sandboxed srcdoc frame) has
# pandoc's inline <style> and no script at all.
HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                               "img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; "
                               "form-action 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def problems_response(exc: DraftingError, status_code: int = 422) -> JSONResponse:
    problems = exc.problems if isinstance(exc, InputError) else []
    body = [{"path": p.path, "message": p.message, "line": p.line} for p in problems]
    return JSONResponse({"problems": body or [{"path": "", "message": str(exc), "line": None}]},
                        status_code=status_code)


def create_app(db: str | os.PathLike[str] | None = None, libraries: tuple[Path, ...] = ()) -> FastAPI:
    """``db``: the registry (SQLite file or SQLAlchemy URL), opened and migrated here so that a bad
    location fails at start-up; None: a form without a registry. ``libraries``: the unit libraries
    an input may name besides the examples' (drafting serve --library)."""
    sessions = open_registry(db) if db is not None else None
    offered = Libraries(tuple(dict.fromkeys(example_libraries() + tuple(p.resolve() for p in libraries))))
    app = FastAPI(title="drafting", docs_url=None, redoc_url=None, openapi_url=None)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers.update(HEADERS)
        return response

    @app.exception_handler(DraftingError)
    async def drafting_error(_request: Request, exc: DraftingError) -> JSONResponse:
        return problems_response(exc)

    @app.exception_handler(NotInRegistry)
    async def not_in_registry(_request: Request, exc: NotInRegistry) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=404)

    @app.exception_handler(NotADraft)
    async def not_a_draft(_request: Request, exc: NotADraft) -> JSONResponse:
        return problems_response(exc, 409)

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.get("/api/meta")
    def get_meta() -> dict[str, Any]:
        return meta() | {"registry": sessions is not None}

    @app.get("/api/examples/{name}")
    def get_example(name: str) -> dict[str, Any]:
        if name not in examples():
            raise HTTPException(404, "contoh tidak ada")
        return examples()[name]

    @app.post("/api/open")
    async def open_file(request: Request) -> dict[str, Any]:
        body = await read_json(request)
        if not isinstance(body, dict) or not isinstance(body.get("text"), str):
            raise HTTPException(400, "kirim {\"text\": …, \"filename\": …}")
        filename = str(body.get("filename") or "berkas.yaml")
        return jsonable_encoder(drafts.parsed_upload(body["text"], filename))

    @app.post("/api/preview")
    async def preview(request: Request) -> JSONResponse:
        data = await read_json(request)
        start = time.perf_counter()
        shown = await run_in_threadpool(drafts.preview, data, offered)  # bad input: 422 from drafting_error
        ms = round((time.perf_counter() - start) * 1000, 1)
        return JSONResponse(shown | {"ms": ms}, headers={"Server-Timing": f"preview;dur={ms}"})

    @app.post("/api/render/{fmt}")
    async def download(fmt: str, request: Request) -> Response:
        if fmt not in pipeline.FORMATS:
            raise HTTPException(404, "format tidak dikenal")
        data = await read_json(request)
        content = await run_in_threadpool(drafts.rendered, data, fmt, offered)
        return Response(content, media_type=MEDIA_TYPES.get(fmt, "application/octet-stream"),
                        headers={"Content-Disposition": f'attachment; filename="naskah{pipeline.FORMATS[fmt]}"'})

    @app.post("/api/yaml")
    async def save(request: Request) -> Response:
        text = drafts.as_yaml(await read_json(request))
        return Response(text, media_type="application/yaml; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="naskah.yaml"'})

    add_registry_routes(app, sessions, offered)
    return app


def add_registry_routes(app: FastAPI, sessions: sessionmaker[Session] | None, offered: Libraries) -> None:
    """The registry API. Database work runs in the thread pool, off the event loop."""

    async def call(work: Callable[..., Any], *args: Any) -> Any:
        if sessions is None:
            raise HTTPException(404, "registri tidak dipakai: jalankan drafting serve --db BERKAS")
        return jsonable_encoder(await run_in_threadpool(work, sessions, *args))

    @app.get("/api/registry")
    async def list_entries(q: str | None = None) -> Any:
        return await call(entries.listed, q)

    @app.get("/api/registry/{agreement_id}")
    async def open_entry(agreement_id: str) -> Any:
        return await call(entries.opened, entries.parse_id(agreement_id))

    @app.post("/api/registry/{agreement_id}/renew")
    async def renew_entry(agreement_id: str, request: Request) -> Any:
        return await call(entries.renewal, entries.parse_id(agreement_id), await read_json(request))

    @app.post("/api/registry", status_code=201)
    async def save_new(request: Request) -> Any:
        return await call(entries.save_new, await read_json(request), offered)

    @app.post("/api/registry/{agreement_id}/renewal", status_code=201)
    async def save_renewal(agreement_id: str, request: Request) -> Any:
        return await call(entries.save_renewal, entries.parse_id(agreement_id), await read_json(request), offered)

    @app.put("/api/registry/{agreement_id}")
    async def save_update(agreement_id: str, request: Request) -> Any:
        return await call(entries.save_update, entries.parse_id(agreement_id), await read_json(request), offered)
