"""Batch regeneration: parallel, atomic, a manifest per run, unchanged files left alone, one
failure stops nothing, an interrupted batch leaves no partial file and a rerun completes it."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from drafting.cli import main
from drafting.load import load_agreement, validate
from drafting.model import Agreement as Input
from drafting.pipeline import build, render
from drafting.registry.batch import MANIFEST, _context, run_batch
from drafting.registry.db import open_registry
from drafting.registry.models import Agreement, GeneratedFile, Kind, Status
from drafting.registry.queries import Filter
from drafting.registry.records import register

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.yaml"))


def _registry(path: Path, count: int) -> sessionmaker[Session]:
    """``count`` agreements cycling through the examples, each with its own tentang."""
    sessions = open_registry(path)
    inputs = [load_agreement(p) for p in EXAMPLES]
    with sessions.begin() as s:
        for i in range(count):
            register(s, _nth(inputs[i % len(inputs)], i + 1))
        s.add(Agreement(kind=Kind.mou, tentang="tanpa isian", partners=[], unit="U", status=Status.aktif))
    return sessions


def _nth(base: Input, n: int) -> Input:
    """The example with its own tentang and numbers: a number names one agreement."""
    data = base.model_dump(mode="json", exclude_unset=True)
    data["tentang"] = f"{base.tentang} {n}"
    for party in data["parties"]:
        if party.get("nomor"):
            party["nomor"] = f"{party['nomor']}/{n}"
    return validate(data)


@pytest.fixture
def six(tmp_path: Path) -> sessionmaker[Session]:
    sessions = _registry(tmp_path / "r.db", 6)
    with sessions.begin() as s:  # a stored input that no longer validates
        broken = s.get(Agreement, 4)
        data = json.loads(broken.input_json)
        data["parties"] = data["parties"][:1]
        broken.input_json = json.dumps(data)
    return sessions


def _manifest(out: Path) -> dict[int, dict]:
    return {row["id"]: row for row in json.loads((out / MANIFEST).read_text(encoding="utf-8"))}


def test_batch_writes_reports_failure_and_reruns_unchanged(six, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_batch(six, Filter(), out, workers=2, show_progress=False)
    assert [(o.id, o.status) for o in first] == [
        (1, "written"), (2, "written"), (3, "written"), (4, "failed"), (5, "written"), (6, "written")]
    assert "parties" in first[3].error and "paling sedikit 2" in first[3].error
    manifest = _manifest(out)
    assert manifest[4]["status"] == "failed" and manifest[4]["file"] == "naskah-4.docx"
    assert not (out / "naskah-4.docx").exists() and not (out / "naskah-7.docx").exists()  # 7 has no input
    with six() as s:  # the bytes are those of the pipeline, and the registry history records them
        record = s.get(Agreement, 2)
        expected = render(build(_nth(load_agreement(EXAMPLES[1]), 2)), "docx")
        assert (out / "naskah-2.docx").read_bytes() == expected
        assert manifest[2]["sha256"] == hashlib.sha256(expected).hexdigest()
        assert [f.sha256 for f in record.files] == [manifest[2]["sha256"]]
        assert len(s.scalars(select(GeneratedFile)).all()) == 5

    mtimes = {p.name: p.stat().st_mtime_ns for p in out.glob("*.docx")}
    second = run_batch(six, Filter(), out, workers=2, show_progress=False)
    assert [o.status for o in second] == ["unchanged"] * 3 + ["failed"] + ["unchanged"] * 2
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.docx")} == mtimes
    with six() as s:
        assert len(s.scalars(select(GeneratedFile)).all()) == 5  # nothing rewritten, nothing recorded


def test_batch_rewrites_only_what_changed_and_honours_filters(six, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(six, Filter(), out, workers=2, show_progress=False)
    (out / "naskah-1.docx").write_bytes(b"edited by hand")
    (out / "naskah-5.docx").unlink()
    again = run_batch(six, Filter(kinds=(Kind.perjanjian_kerja_sama,)), out, workers=2, show_progress=False)
    # examples cycle NK, PKS, PKS: #1 is an NK, outside the filter
    assert [(o.id, o.status) for o in again] == [(2, "unchanged"), (3, "unchanged"), (5, "written"), (6, "unchanged")]
    assert (out / "naskah-1.docx").read_bytes() == b"edited by hand"


def test_batch_cli(six, tmp_path: Path) -> None:
    db = six.kw["bind"].url.database
    result = CliRunner().invoke(main, ["batch", "-o", str(tmp_path / "out"), "--db", db, "-j", "2", "--quiet"])
    assert result.exit_code == 1
    assert "ditulis: 5, tidak berubah: 0, gagal: 1" in result.output
    assert "gagal: #4: registri #4: isian tidak dapat diproses" in result.output


def test_killed_batch_leaves_no_partial_file_and_a_rerun_completes_it(tmp_path: Path) -> None:
    sessions = _registry(tmp_path / "r.db", 40)
    out = tmp_path / "out"
    out.mkdir()
    (out / ".naskah-9.docx.abc.tmp").write_bytes(b"PK\x03")  # a temporary file of an earlier kill
    proc = subprocess.Popen(
        [sys.executable, "-c", "from drafting.cli import main; main()", "batch", "-o", str(out), "-j", "1",
         "--quiet", "--db", str(tmp_path / "r.db")], start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while len(list(out.glob("naskah-*.docx"))) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done = sorted(out.glob("naskah-*.docx"))
    assert 3 <= len(done) < 40, "the batch should have been killed part-way"
    for path in done:  # every file there is whole
        assert zipfile.ZipFile(path).testzip() is None
    assert not (out / MANIFEST).exists()

    rerun = run_batch(sessions, Filter(), out, workers=2, show_progress=False)
    statuses = [o.status for o in rerun]
    assert (statuses.count("unchanged"), statuses.count("written")) == (len(done), 40 - len(done))
    assert len(list(out.glob("naskah-*.docx"))) == 40
    assert list(out.glob(".*.tmp")) == []


def test_workers_come_from_a_forkserver_while_other_threads_run(six, tmp_path: Path) -> None:
    """Forking a process that runs threads can deadlock the child: a caller with threads (the web
    server, a test runner) gets workers from a forkserver instead, with the same files."""
    alone = run_batch(six, Filter(), tmp_path / "a", workers=2, show_progress=False)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert _context().get_start_method() == "forkserver"
        beside = run_batch(six, Filter(), tmp_path / "b", workers=2, show_progress=False)
    finally:
        stop.set()
        other.join()
    assert [(o.id, o.status, o.sha256) for o in beside] == [(o.id, o.status, o.sha256) for o in alone]
    assert {o.status for o in beside} == {"written", "failed"}
