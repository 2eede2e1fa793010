"""Batch regeneration: every selected agreement that has an input, rendered again to DOCX in
parallel, each file written atomically, with a manifest of what happened to each.

A file whose new bytes have the SHA-256 of the file already on disk is left alone (``unchanged``),
so a rerun with nothing changed rewrites nothing, and a rerun after an interrupted batch writes
only what is missing. One failing agreement is reported in the manifest and stops no other.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Literal

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from sqlalchemy import insert, update
from sqlalchemy.orm import Session, sessionmaker

from ..load import validate
from ..output import write_atomic
from ..pipeline import build, render
from .db import drafting_version
from .models import Agreement, GeneratedFile
from .queries import Filter, agreements
from .records import file_stem

MANIFEST = "manifest.json"
# Workers are replaced after about this many documents: long runs otherwise grow memory (DOCX-FACTS.md).
TASKS_PER_WORKER = 250


@dataclass(frozen=True)
class Job:
    id: int
    input_json: str
    target: str


@dataclass(frozen=True)
class Outcome:
    id: int
    file: str
    sha256: str
    status: Literal["written", "unchanged", "failed"]
    error: str = ""


def regenerate(job: Job) -> Outcome:
    """Render one agreement and write it if its bytes differ from the file on disk (in a worker)."""
    target = Path(job.target)
    try:
        agreement = validate(json.loads(job.input_json), source=f"registri #{job.id}")
        data = render(build(agreement, source=f"registri #{job.id}"), "docx")
        sha = hashlib.sha256(data).hexdigest()
        if target.is_file() and hashlib.sha256(target.read_bytes()).hexdigest() == sha:
            return Outcome(job.id, target.name, sha, "unchanged")
        write_atomic(target, data)
        return Outcome(job.id, target.name, sha, "written")
    except Exception as exc:  # noqa: BLE001 - any failure of one record is its outcome, not the batch's
        return Outcome(job.id, target.name, "", "failed", _message(exc))


def run_batch(sessions: sessionmaker[Session], flt: Filter, out_dir: Path, *, workers: int | None = None,
              show_progress: bool = True) -> list[Outcome]:
    out_dir.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(out_dir)
    with sessions() as session:
        ids = list(session.scalars(replace(flt, with_input=True).statement().with_only_columns(Agreement.id)))
    outcomes = _run(sessions, ids, out_dir, workers or os.cpu_count() or 1, show_progress)
    outcomes.sort(key=lambda o: o.id)
    version = drafting_version()
    written = [o for o in outcomes if o.status == "written"]
    if written:
        # Two bulk statements: an ORM load, collection load and flush per agreement cost ~1.5 ms each.
        with sessions.begin() as session:
            session.execute(insert(GeneratedFile), [
                {"agreement_id": o.id, "path": str(out_dir / o.file), "sha256": o.sha256, "drafting_version": version}
                for o in written])
            session.execute(update(Agreement), [{"id": o.id, "drafting_version": version} for o in written])
    manifest = json.dumps([asdict(o) for o in outcomes], ensure_ascii=False, indent=1)
    write_atomic(out_dir / MANIFEST, manifest.encode("utf-8"))
    return outcomes


def _jobs(sessions: sessionmaker[Session], ids: list[int], out_dir: Path) -> list[Job]:
    """The jobs of these agreements, read when their wave starts: holding the inputs of the whole
    selection would make this process grow with the number of documents."""
    with sessions() as session:
        return [Job(a.id, a.input_json or "", str(out_dir / f"{file_stem(a)}.docx"))
                for a in agreements(session, Filter(ids=tuple(ids), with_input=True))]


def _run(sessions: sessionmaker[Session], ids: list[int], out_dir: Path, workers: int,
         show_progress: bool) -> list[Outcome]:
    outcomes: list[Outcome] = []
    # Redrawn from this thread: a refresh thread would make forking unsafe.
    progress = Progress(TextColumn("menyusun ulang"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                        console=Console(stderr=True), disable=not show_progress, auto_refresh=False)
    # Worker memory is bounded by giving each pool at most TASKS_PER_WORKER jobs per worker, then a
    # fresh pool: max_tasks_per_child deadlocks on Python 3.11-3.13 (CPython gh-115634).
    wave = workers * TASKS_PER_WORKER
    context = _context()
    with progress:
        task = progress.add_task("batch", total=len(ids))
        for start in range(0, len(ids), wave):
            jobs = _jobs(sessions, ids[start:start + wave], out_dir)
            if jobs and not outcomes and context.get_start_method() == "fork":
                # The first one here: forked workers then start with the clause templates compiled
                # and the Word frame built, instead of each spending ~80 ms on it.
                outcomes.append(regenerate(jobs.pop(0)))
                progress.update(task, advance=1, refresh=True)
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                futures = {pool.submit(regenerate, job): job for job in jobs}
                for future in as_completed(futures):
                    job = futures[future]
                    try:
                        outcomes.append(future.result())
                    except Exception as exc:  # noqa: BLE001 - a worker died: its record failed, the rest go on
                        outcomes.append(Outcome(job.id, Path(job.target).name, "", "failed", _message(exc)))
                    progress.update(task, advance=1, refresh=True)
    return outcomes


def _context() -> multiprocessing.context.BaseContext:
    """Workers forked from this process start with the pipeline imported and its caches filled; a
    new interpreter spends ~0.8 s CPU importing it, more than a register of a hundred agreements
    takes to render. Forking is unsafe while other threads run (one may hold a lock the child
    then waits on forever), so a caller with threads, the web server or a test runner's, gets
    workers from a forkserver that imports the pipeline once."""
    if threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context


def _remove_leftovers(out_dir: Path) -> None:
    """Temporary files of write_atomic left by a batch killed mid-write (never a target file)."""
    for tmp in out_dir.glob(".naskah-*.docx.*.tmp"):
        tmp.unlink(missing_ok=True)


def _message(exc: Exception) -> str:
    return str(exc) or type(exc).__name__
