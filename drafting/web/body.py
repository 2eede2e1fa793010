"""Request bodies: JSON only (declared so, which a cross-site form cannot do without asking
first), capped in size, and read as data with the bounds of an input file (``load.parse_json``)."""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException, Request

from ..errors import InputError, LimitError
from ..limits import MAX_NASKAH_UPLOAD, MAX_REQUEST_BYTES
from ..load import parse_json
from .drafts import SOURCE

MAX_BODY = MAX_REQUEST_BYTES


def problem(message: str, path: str = "", line: int | None = None) -> list[dict[str, Any]]:
    """The body of every error: the CLI's problems (path, message, line)."""
    return [{"path": path, "message": message, "line": line}]


def is_json(request: Request) -> bool:
    media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    return media_type == "application/json"


async def _capped(request: Request, limit: int, what: str) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise HTTPException(413, problem(f"{what} terlalu besar: lebih dari {limit // 1024} KB"))
    received = bytearray()
    async for chunk in request.stream():
        received += chunk
        if len(received) > limit:
            raise HTTPException(413, problem(f"{what} terlalu besar: lebih dari {limit // 1024} KB"))
    return bytes(received)


async def read_upload(request: Request, limit: int = MAX_NASKAH_UPLOAD) -> bytes:
    """An uploaded file as its bytes: 415 unless sent as application/octet-stream, 413 past ``limit``."""
    media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media_type != "application/octet-stream":
        raise HTTPException(415, problem("kirim berkas sebagai Content-Type: application/octet-stream"))
    return await _capped(request, limit, "berkas")


async def read_json(request: Request, limit: int = MAX_BODY) -> Any:
    """The body as JSON data. 415 unless declared as JSON; 413 past ``limit`` bytes, whether the
    client declared its length or not; 400 when it is not JSON; 422 past a bound of limits.py."""
    if not is_json(request):
        raise HTTPException(415, problem("kirim isian sebagai JSON (Content-Type: application/json)"))
    received = await _capped(request, limit, "isian")
    try:
        text = received.decode("utf-8")
    except UnicodeDecodeError:
        raise HTTPException(400, problem("isi permintaan bukan teks UTF-8")) from None
    try:
        return parse_json(text, SOURCE)[0]
    except LimitError:
        raise  # 422, like every problem of the input
    except InputError as exc:
        raise HTTPException(400, [{"path": p.path, "message": p.message, "line": p.line}
                                  for p in exc.problems]) from None
