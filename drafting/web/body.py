"""Request bodies: capped in size and read as JSON data, never as anything else."""

from __future__ import annotations

import json
from typing import Any

from fastapi import HTTPException, Request

MAX_BODY = 1_000_000  # bytes; the largest example agreement is about 12 kB of JSON


async def read_json(request: Request, limit: int = MAX_BODY) -> Any:
    """The body as JSON; 413 past ``limit`` bytes, whether the client declared its length or not."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise HTTPException(413, "isian terlalu besar")
    received = bytearray()
    async for chunk in request.stream():
        received += chunk
        if len(received) > limit:
            raise HTTPException(413, "isian terlalu besar")
    try:
        return json.loads(received)
    except (ValueError, UnicodeDecodeError):
        raise HTTPException(400, "isi permintaan bukan JSON yang sah") from None
