"""The form's CPU-bound work (validate, assemble, number, check, render, pandoc) in worker
processes, two per core, so that a slow request never holds up the event loop or another
drafter's preview (threads would: the work is Python, under one interpreter lock). Two, because
a preview spends part of its time waiting for its pandoc process, when its core can serve
another worker: with 8 drafters on 2 cores, 4 workers gave p50 153 ms and p95 326 ms where 2
gave 254 and 383 ms (bench/load_bench.py, the machine otherwise a little busy).

Workers are started by a fork server that has imported the pipeline, never forked from the
server itself (whose threads a fork would copy mid-flight), and each renders an example once so
that the first drafter does not wait for the library to load. A worker that dies is replaced:
the request it was serving gets a 503, the next ones a new pool.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from fastapi import HTTPException

from .body import problem

T = TypeVar("T")
_lock = threading.Lock()
_executor: ProcessPoolExecutor | None = None


def workers() -> int:
    return 2 * len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 2 * (os.cpu_count() or 1)


def _warm() -> None:
    from . import drafts
    from .examples import examples

    first = next(iter(examples().values()), None)
    if first is not None:
        drafts.preview(first)


def executor() -> ProcessPoolExecutor:
    global _executor
    with _lock:
        if _executor is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["drafting.web.drafts"])
            _executor = ProcessPoolExecutor(workers(), mp_context=context, initializer=_warm)
        return _executor


def start() -> None:
    """Start the workers now (at server start-up) rather than at the first request."""
    pool = executor()
    for _ in range(workers()):
        pool.submit(int)


def shutdown() -> None:
    global _executor
    with _lock:
        if _executor is not None:
            _executor.shutdown(wait=True, cancel_futures=True)
            _executor = None


async def run(work: Callable[..., T], *args: Any) -> T:
    """``work(*args)`` in a worker; its DraftingError comes back as itself."""
    global _executor
    pool = executor()
    try:
        return await asyncio.get_running_loop().run_in_executor(pool, work, *args)
    except BrokenProcessPool:
        with _lock:
            if _executor is pool:
                _executor = None
        raise HTTPException(503, problem("server sedang memulai ulang pekerjanya; coba lagi")) from None
