"""The web application: one static page, and a JSON API over the pipeline.

Nothing from a request is used as a template, a path or markup: examples are looked up by name in
a fixed list, registry entries by integer id (``entries.py``), uploads are parsed as data, bodies
are JSON, capped and bounded (``body.py``), and the preview is pandoc's HTML, in which pandoc has
escaped every word of the input. Only this server's own page is answered (``guard.py``); the
CPU-bound work runs in worker processes (``pool.py``); every error is a JSON body of problems.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from contextlib import asynccontextmanager
from http import HTTPStatus
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import pipeline
from ..errors import DraftingError, InputError
from ..limits import MAX_INPUT_BYTES, MAX_SEARCH
from ..normalise import TextProblem, normalise
from ..registry.db import open_registry
from ..registry.records import NotADraft, NotInRegistry
from . import drafts, entries, pool
from .body import problem, read_json, read_upload
from .drafts import Libraries
from .examples import example_libraries, examples
from .guard import Guard
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
    return JSONResponse({"problems": body or problem(str(exc))}, status_code=status_code)


# What the server says for the statuses starlette answers on its own, in the form's language.
_STATUS_WORDS = {404: "tidak ditemukan", 405: "metode tidak diizinkan", 413: "permintaan terlalu besar",
                 415: "jenis isi tidak didukung", 500: "kesalahan di server"}


def create_app(db: str | os.PathLike[str] | None = None, libraries: tuple[Path, ...] = (), *,
               allowed_hosts: Iterable[str] = ()) -> FastAPI:
    """``db``: the registry (SQLite file or SQLAlchemy URL), opened and migrated here so that a bad
    location fails at start-up; None: a form without a registry. ``libraries``: the unit libraries
    an input may name besides the examples' (drafting serve --library). ``allowed_hosts``: names
    besides this computer's by which the server may be reached (``guard.py``)."""
    sessions = open_registry(db) if db is not None else None
    offered = Libraries(tuple(dict.fromkeys(example_libraries() + tuple(p.resolve() for p in libraries))))
    guard = Guard(allowed_hosts)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> Any:
        pool.start()  # the workers start with the server, not with the first drafter's request
        yield
        pool.shutdown()

    app = FastAPI(title="drafting", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.middleware("http")
    async def guarded(request: Request, call_next: Any) -> Response:
        refusal = guard.refusal(request)
        response: Response = (JSONResponse({"problems": problem(refusal), "detail": refusal}, status_code=403)
                              if refusal else await call_next(request))
        response.headers.update(HEADERS)
        return response

    @app.exception_handler(DraftingError)
    async def drafting_error(_request: Request, exc: DraftingError) -> JSONResponse:
        return problems_response(exc)

    @app.exception_handler(NotInRegistry)
    async def not_in_registry(_request: Request, exc: NotInRegistry) -> JSONResponse:
        return JSONResponse({"problems": problem(str(exc)), "detail": str(exc)}, status_code=404)

    @app.exception_handler(NotADraft)
    async def not_a_draft(_request: Request, exc: NotADraft) -> JSONResponse:
        return problems_response(exc, 409)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail
        if isinstance(detail, str) and detail == HTTPStatus(exc.status_code).phrase:
            detail = _STATUS_WORDS.get(exc.status_code, detail)
        problems = detail if isinstance(detail, list) else problem(str(detail))
        return JSONResponse({"problems": problems, "detail": problems[0]["message"]}, status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def bad_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [{"path": ".".join(str(k) for k in e["loc"][1:]), "message": "nilai tidak sah", "line": None}
                    for e in exc.errors()]
        return JSONResponse({"problems": problems, "detail": "permintaan tidak sah"}, status_code=422)

    @app.exception_handler(Exception)
    async def server_error(_request: Request, _exc: Exception) -> JSONResponse:
        # A defect of the server, never a reply to bad input (every such reply is a 4xx above).
        message = "kesalahan di server; laporkan beserta isian yang dikirim"
        return JSONResponse({"problems": problem(message), "detail": message}, status_code=500)

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
    async def open_file(request: Request) -> Any:
        body = await read_json(request)
        if not isinstance(body, dict) or not isinstance(body.get("text"), str):
            raise HTTPException(400, problem("kirim {\"text\": …, \"filename\": …}"))
        if len(body["text"].encode("utf-8", "replace")) > MAX_INPUT_BYTES:
            raise HTTPException(413, problem(f"berkas terlalu besar: lebih dari {MAX_INPUT_BYTES // 1024} KB"))
        filename = file_name(str(body.get("filename") or "")) or "berkas.yaml"
        return jsonable_encoder(await pool.run(drafts.parsed_upload, body["text"], filename))

    @app.post("/api/preview")
    async def preview(request: Request) -> JSONResponse:
        data = await read_json(request)
        start = time.perf_counter()
        shown = await pool.run(drafts.preview, data, offered)  # bad input: 422 from drafting_error
        ms = round((time.perf_counter() - start) * 1000, 1)
        return JSONResponse(shown | {"ms": ms}, headers={"Server-Timing": f"preview;dur={ms}"})

    @app.post("/api/render/{fmt}")
    async def download(fmt: str, request: Request) -> Response:
        if fmt not in pipeline.FORMATS:
            raise HTTPException(404, problem("format tidak dikenal"))
        data = await read_json(request)
        content = await pool.run(drafts.rendered, data, fmt, offered)
        return Response(content, media_type=MEDIA_TYPES.get(fmt, "application/octet-stream"),
                        headers={"Content-Disposition": f'attachment; filename="naskah{pipeline.FORMATS[fmt]}"'})

    @app.post("/api/yaml")
    async def save(request: Request) -> Response:
        text = await pool.run(drafts.as_yaml, await read_json(request))
        return Response(text, media_type="application/yaml; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="naskah.yaml"'})

    add_registry_routes(app, sessions, offered)
    return app


def add_registry_routes(app: FastAPI, sessions: sessionmaker[Session] | None, offered: Libraries) -> None:
    """The registry API. Database work runs in the thread pool, off the event loop."""

    def registry_used() -> None:
        if sessions is None:
            raise HTTPException(404, "registri tidak dipakai: jalankan drafting serve --db BERKAS")

    async def call(work: Callable[..., Any], *args: Any) -> Any:
        registry_used()
        return jsonable_encoder(await run_in_threadpool(work, sessions, *args))

    @app.get("/api/registry")
    async def list_entries(q: str | None = None) -> Any:
        return await call(entries.listed, search_text(q))

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

    @app.post("/api/registry/{agreement_id}/attach")
    async def attach_entry(agreement_id: str, request: Request, filename: str = "") -> Any:
        """The signed naskah as the body (application/octet-stream, which a cross-site form cannot
        send without asking first); ``filename`` says only its format."""
        registry_used()
        content = await read_upload(request)
        entry = entries.parse_id(agreement_id)
        found = await pool.run(drafts.uploaded_naskah, content, file_name(filename))  # reading a PDF: a worker's
        return await call(entries.attached, entry, found)

    @app.post("/api/registry/{agreement_id}/adendum")
    async def make_adendum(agreement_id: str, request: Request) -> Response:
        """The adendum's DOCX, recorded as the entry's next adendum (its place in X-Adendum)."""
        registry_used()
        docx, position = await run_in_threadpool(entries.adendum_of, sessions, entries.parse_id(agreement_id),
                                                 await read_json(request), offered)
        return Response(docx, media_type=MEDIA_TYPES["docx"], headers={"X-Adendum": str(position)})

    @app.put("/api/registry/{agreement_id}")
    async def save_update(agreement_id: str, request: Request) -> Any:
        return await call(entries.save_update, entries.parse_id(agreement_id), await read_json(request), offered)



def file_name(name: str) -> str:
    """An uploaded file's name as messages show it (it says only the format, never a path): one
    line, at most 200 characters; a name no file system could hold (a lone surrogate) is none."""
    try:
        return normalise(name)[:200]
    except TextProblem:
        return ""


def search_text(q: str | None) -> str | None:
    """A registry search, as the fields it is compared with are written (normalised), and
    bounded: a control character (``%00`` would match every entry) or a text longer than any
    name is refused, not searched for."""
    if not q:
        return None
    if len(q) > MAX_SEARCH:
        raise HTTPException(422, problem(f"teks pencarian terlalu panjang: paling banyak {MAX_SEARCH} karakter", "q"))
    try:
        text = normalise(q)
    except TextProblem as exc:
        raise HTTPException(422, problem(str(exc), "q")) from None
    if text != " ".join(q.split()):
        raise HTTPException(422, problem("teks pencarian memuat karakter kendali", "q"))
    return text or None
