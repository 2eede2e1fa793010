"""Batch regeneration: every selected agreement that has an input, checked and rendered again in
parallel (DOCX, PDF, or both), each file written atomically, with a manifest of what happened.

- The checks of ``drafting render`` run first: a draft with errors is not written (``refused``,
  with its findings in the manifest) unless ``force``.
- A DOCX whose new bytes have the SHA-256 of the file on disk is left alone (``unchanged``); a
  PDF (whose bytes LibreOffice stamps with the time) is made again only when the DOCX it comes
  from changed or it is missing. A rerun with nothing changed rewrites nothing; a rerun after an
  interrupted batch writes only what is missing.
- The manifest is merged, not replaced: a filtered run updates its own agreements' entries and
  keeps the others. It is written as the batch goes, so a killed batch leaves a manifest of what
  it finished. One failing agreement stops no other.
- One batch per output folder at a time: a lock file, and a clear message to the second.
- PDF goes through LibreOffice started once per worker and kept running for the batch (through
  UNO, where the system has it; else one ``soffice`` call per chunk of documents, with a profile
  the worker keeps): its start-up, most of the cost of one document, is not paid per document
  (converter.py; ``bench/batch_bench.py`` measures the ways).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import math
import multiprocessing
import os
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import IO, Any, Literal

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from sqlalchemy import insert, update
from sqlalchemy.orm import Session, sessionmaker

from ..checks import errors, run_checks
from ..errors import DraftingError
from ..load import validate
from ..output import write_atomic
from ..pipeline import analyse_draft, build, render
from .converter import chosen_way, to_pdf
from .db import drafting_version
from .models import Agreement, GeneratedFile
from .queries import Filter, agreements
from .records import file_stem

MANIFEST = "manifest.json"
LOCK = ".drafting-batch.lock"
FORMATS = ("docx", "pdf")
# Workers are replaced after about this many documents: long runs otherwise grow memory (DOCX-FACTS.md).
TASKS_PER_WORKER = 250
DOCX_CHUNK = 8  # documents per task: fewer round trips, and the progress bar still moves
PDF_CHUNK = 40  # at most this many documents per soffice call
MANIFEST_EVERY_SECONDS = 1.0

Status = Literal["written", "unchanged", "refused", "failed"]


@dataclass(frozen=True)
class Job:
    id: int
    input_json: str
    stem: str  # the target without its suffix: out/naskah-12
    pdf_from: str | None = None  # SHA-256 of the DOCX the PDF on disk was made from (manifest)


@dataclass(frozen=True)
class File:
    format: str
    file: str
    sha256: str
    status: Literal["written", "unchanged"]
    source_sha256: str | None = None  # a PDF: the DOCX it was converted from


@dataclass(frozen=True)
class Outcome:
    id: int
    status: Status
    files: tuple[File, ...] = ()
    findings: tuple[dict[str, Any], ...] = ()
    error: str = ""

    def file(self, fmt: str) -> File | None:
        return next((f for f in self.files if f.format == fmt), None)


class FolderBusy(DraftingError):
    """Another batch is writing into the same folder."""


def run_batch(sessions: sessionmaker[Session], flt: Filter, out_dir: Path, *, workers: int | None = None,
              formats: tuple[str, ...] = ("docx",), force: bool = False, show_progress: bool = True) -> list[Outcome]:
    out_dir.mkdir(parents=True, exist_ok=True)
    with _folder_lock(out_dir), tempfile.TemporaryDirectory(prefix="drafting-batch-") as profiles:
        _remove_leftovers(out_dir)
        with sessions() as session:
            ids = list(session.scalars(replace(flt, with_input=True).statement().with_only_columns(Agreement.id)))
        manifest = _Manifest(out_dir, sessions)
        run = _Run(sessions, out_dir, formats, force, Path(profiles), manifest,
                   chosen_way() if "pdf" in formats else "soffice")
        outcomes = run.all(ids, workers or os.cpu_count() or 1, show_progress)
        manifest.flush()
    return sorted(outcomes, key=lambda o: o.id)


def regenerate(jobs: list[Job], formats: tuple[str, ...], force: bool, profiles: str,
               pdf_way: str = "soffice") -> list[Outcome]:
    """Check and render a chunk of agreements, convert those whose PDF is due (``pdf_way``: see
    converter.py), write what changed (in a worker)."""
    outcomes: dict[int, Outcome] = {}
    for_pdf: list[tuple[Job, bytes, str]] = []
    for job in jobs:
        try:
            outcome, docx = _render(job, formats, force)
        except Exception as exc:  # noqa: BLE001 - any failure of one record is its outcome, not the batch's
            outcome, docx = Outcome(job.id, "failed", error=_message(exc)), None
        outcomes[job.id] = outcome
        if docx is not None and "pdf" in formats:
            sha = hashlib.sha256(docx).hexdigest()
            pdf = Path(f"{job.stem}.pdf")
            if pdf.is_file() and job.pdf_from == sha:
                outcomes[job.id] = _with(outcome, File("pdf", pdf.name, _sha_of(pdf), "unchanged", sha))
            else:
                for_pdf.append((job, docx, sha))
    for start in range(0, len(for_pdf), PDF_CHUNK):
        part = for_pdf[start:start + PDF_CHUNK]
        pdfs = to_pdf([docx for _, docx, _ in part], pdf_way, Path(profiles) / str(os.getpid()))
        for (job, _, sha), data in zip(part, pdfs):
            if isinstance(data, Exception):  # LibreOffice failed on it: its PDF failed, its DOCX stands
                outcomes[job.id] = replace(outcomes[job.id], status="failed", error=f"PDF: {_message(data)}")
                continue
            pdf = Path(f"{job.stem}.pdf")
            write_atomic(pdf, data)
            outcomes[job.id] = _with(outcomes[job.id], File("pdf", pdf.name, hashlib.sha256(data).hexdigest(),
                                                            "written", sha))
    return [outcomes[job.id] for job in jobs]


def _render(job: Job, formats: tuple[str, ...], force: bool) -> tuple[Outcome, bytes | None]:
    source = f"registri #{job.id}"
    agreement = validate(json.loads(job.input_json), source=source)
    analysis = analyse_draft(agreement, source=source)
    findings = run_checks(agreement, analysis)
    shown = tuple(f.to_dict() for f in findings)
    if errors(findings) and not force or analysis.doc is None:
        error = "" if analysis.doc else f"naskah tidak dapat disusun: {analysis.reference_error}"
        return Outcome(job.id, "refused" if analysis.doc else "failed", findings=shown, error=error), None
    data = render(analysis.doc, "docx")
    outcome = Outcome(job.id, "unchanged", findings=shown)
    if "docx" in formats:
        target = Path(f"{job.stem}.docx")
        sha = hashlib.sha256(data).hexdigest()
        if target.is_file() and _sha_of(target) == sha:
            outcome = _with(outcome, File("docx", target.name, sha, "unchanged"))
        else:
            write_atomic(target, data)
            outcome = _with(outcome, File("docx", target.name, sha, "written"))
    return outcome, data


def _with(outcome: Outcome, file: File) -> Outcome:
    """The outcome with one more file: written if any of its files was written."""
    files = (*outcome.files, file)
    status: Status = outcome.status
    if status in ("written", "unchanged"):
        status = "written" if any(f.status == "written" for f in files) else "unchanged"
    return replace(outcome, status=status, files=files)


def _sha_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class _Manifest:
    """manifest.json of the folder: what earlier runs recorded, updated by this one as it goes,
    together with the registry's record of the files written."""

    out_dir: Path
    sessions: sessionmaker[Session]
    entries: dict[int, dict[str, Any]] = field(default_factory=dict)
    pending: list[Outcome] = field(default_factory=list)
    written_at: float = 0.0

    def __post_init__(self) -> None:
        try:
            rows = json.loads((self.out_dir / MANIFEST).read_text(encoding="utf-8"))
            self.entries = {int(row["id"]): row for row in rows if isinstance(row, dict) and "id" in row}
        except (OSError, ValueError, TypeError):
            self.entries = {}  # none yet, or not ours: it is replaced by a manifest of this run

    def pdf_from(self, agreement_id: int) -> str | None:
        files = self.entries.get(agreement_id, {}).get("files", [])
        return next((f.get("source_sha256") for f in files if isinstance(f, dict) and f.get("format") == "pdf"), None)

    def add(self, outcomes: list[Outcome]) -> None:
        self.pending += outcomes
        if time.monotonic() - self.written_at >= MANIFEST_EVERY_SECONDS:
            self.flush()

    def flush(self) -> None:
        written = [(o, f) for o in self.pending for f in o.files if f.status == "written"]
        if written:
            # Bulk statements: an ORM load, collection load and flush per agreement cost ~1.5 ms each.
            version = drafting_version()
            with self.sessions.begin() as session:
                session.execute(insert(GeneratedFile), [
                    {"agreement_id": o.id, "path": str(self.out_dir / f.file), "sha256": f.sha256,
                     "drafting_version": version} for o, f in written])
                session.execute(update(Agreement), [{"id": id_, "drafting_version": version}
                                                    for id_ in sorted({o.id for o, _ in written})])
        for outcome in self.pending:
            self.entries[outcome.id] = asdict(outcome)
        self.pending = []
        rows = [self.entries[k] for k in sorted(self.entries)]
        write_atomic(self.out_dir / MANIFEST, json.dumps(rows, ensure_ascii=False, indent=1).encode("utf-8"))
        self.written_at = time.monotonic()


@dataclass
class _Run:
    sessions: sessionmaker[Session]
    out_dir: Path
    formats: tuple[str, ...]
    force: bool
    profiles: Path
    manifest: _Manifest
    pdf_way: str = "soffice"

    def jobs(self, ids: list[int]) -> list[Job]:
        """The jobs of these agreements, read when their wave starts: holding the inputs of the
        whole selection would make this process grow with the number of documents."""
        with self.sessions() as session:
            return [Job(a.id, a.input_json or "", str(self.out_dir / file_stem(a)), self.manifest.pdf_from(a.id))
                    for a in agreements(session, Filter(ids=tuple(ids), with_input=True))]

    def all(self, ids: list[int], workers: int, show_progress: bool) -> list[Outcome]:
        outcomes: list[Outcome] = []
        # Redrawn from this thread: a refresh thread would make forking unsafe.
        progress = Progress(TextColumn("menyusun ulang"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                            console=Console(stderr=True), disable=not show_progress, auto_refresh=False)
        # Worker memory is bounded by giving each pool at most TASKS_PER_WORKER jobs per worker, then
        # a fresh pool: max_tasks_per_child deadlocks on Python 3.11-3.13 (CPython gh-115634).
        wave = workers * TASKS_PER_WORKER
        context = _context()
        with progress:
            task = progress.add_task("batch", total=len(ids))
            for start in range(0, len(ids), wave):
                jobs = self.jobs(ids[start:start + wave])
                if jobs and not outcomes and start == 0 and context.get_start_method() == "fork":
                    _warm(jobs[0])
                with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                    futures = {pool.submit(regenerate, chunk, self.formats, self.force, str(self.profiles),
                                           self.pdf_way): chunk
                               for chunk in _chunks(jobs, workers, self.formats)}
                    for future in as_completed(futures):
                        chunk = futures[future]
                        try:
                            done = future.result()
                        except Exception as exc:  # noqa: BLE001 - a worker died: its records failed, the rest go on
                            done = [Outcome(job.id, "failed", error=_message(exc)) for job in chunk]
                        outcomes += done
                        self.manifest.add(done)
                        progress.update(task, advance=len(chunk), refresh=True)
        return outcomes


def _chunks(jobs: list[Job], workers: int, formats: tuple[str, ...]) -> Iterator[list[Job]]:
    """PDF: as few soffice starts as the workers allow, each at most PDF_CHUNK documents."""
    size = min(PDF_CHUNK, max(1, math.ceil(len(jobs) / workers))) if "pdf" in formats else DOCX_CHUNK
    for start in range(0, len(jobs), size):
        yield jobs[start:start + size]


def _warm(job: Job) -> None:
    """Fill this process's caches before forking (the clause templates compiled, the Word frame
    built) so that each worker does not spend ~80 ms on it; the document itself is discarded."""
    try:
        render(build(validate(json.loads(job.input_json))), "docx")
    except Exception:  # noqa: BLE001 - its worker reports the failure
        pass


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


_HELD: list[IO[str]] = []  # the lock files this process holds; a forked worker closes its copies


def _close_held_in_child() -> None:
    for handle in _HELD:
        handle.close()
    _HELD.clear()


os.register_at_fork(after_in_child=_close_held_in_child)


@contextmanager
def _folder_lock(out_dir: Path) -> Iterator[None]:
    """An exclusive lock on the folder's lock file for the length of the batch. The kernel drops
    it when the process ends, however it ends, so a killed batch leaves no stale lock (workers
    do not keep it: they close their inherited copy)."""
    path = out_dir / LOCK
    with open(path, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "?"
            raise FolderBusy(f"folder {out_dir} sedang dipakai oleh batch lain (proses {holder}); tunggu sampai "
                             f"batch itu selesai, atau tulis ke folder lain") from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        _HELD.append(handle)
        try:
            yield
        finally:
            _HELD.remove(handle)
            fcntl.flock(handle, fcntl.LOCK_UN)


def _remove_leftovers(out_dir: Path) -> None:
    """Temporary files of write_atomic left by a batch killed mid-write (never a target file).
    Only under the folder's lock: another batch's temporary files are its own business."""
    for tmp in out_dir.glob(".naskah-*.*.tmp"):
        tmp.unlink(missing_ok=True)


def _message(exc: Exception) -> str:
    return str(exc) or type(exc).__name__
