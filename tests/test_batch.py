"""Batch regeneration: parallel, atomic, a manifest per run, unchanged files left alone, one
failure stops nothing, an interrupted batch leaves no partial file and a rerun completes it."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
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
from drafting.registry.batch import LOCK, MANIFEST, _context, run_batch
from drafting.registry.converter import chosen_way, uno_available
from drafting.registry.db import open_registry
from drafting.registry.models import Agreement, GeneratedFile, Kind, Status
from drafting.registry.queries import Filter
from drafting.registry.records import register

# The three examples the batch cycles through: which one is #4, #5 … is part of these tests.
EXAMPLES = [Path(__file__).parent.parent / "examples" / f"{name}.yaml"
            for name in ("nk_kementerian_pemprov", "pks_bpjs_ketenagakerjaan_imigrasi", "pks_kanim_pemkab")]


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
    with sessions.begin() as s:
        broken = s.get(Agreement, 4)  # a stored input that no longer validates
        data = json.loads(broken.input_json)
        data["parties"] = data["parties"][:1]
        broken.input_json = json.dumps(data)
        wrong = s.get(Agreement, 5)  # valid, but render would refuse it: the notice outlasts the term
        data = json.loads(wrong.input_json)
        data["term"]["notice_months"] = 48
        wrong.input_json = json.dumps(data)
    return sessions


def _manifest(out: Path) -> dict[int, dict]:
    return {row["id"]: row for row in json.loads((out / MANIFEST).read_text(encoding="utf-8"))}


def _docx(o) -> str:
    return o.file("docx").sha256


def test_batch_checks_writes_reports_failure_and_reruns_unchanged(six, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_batch(six, Filter(), out, workers=2, show_progress=False)
    assert [(o.id, o.status) for o in first] == [
        (1, "written"), (2, "written"), (3, "written"), (4, "failed"), (5, "refused"), (6, "written")]
    assert "parties" in first[3].error and "paling sedikit 2" in first[3].error
    manifest = _manifest(out)
    assert manifest[4]["status"] == "failed" and manifest[4]["files"] == []
    # the draft render would refuse is not written either; its findings are in the manifest
    assert manifest[5]["status"] == "refused" and not (out / "naskah-5.docx").exists()
    assert [(f["rule"], f["place"]) for f in manifest[5]["findings"] if f["severity"] == "error"] == [
        ("dates", "term.notice_months")]
    assert not (out / "naskah-4.docx").exists() and not (out / "naskah-7.docx").exists()  # 7 has no input
    with six() as s:  # the bytes are those of the pipeline, and the registry history records them
        record = s.get(Agreement, 2)
        expected = render(build(_nth(load_agreement(EXAMPLES[1]), 2)), "docx")
        assert (out / "naskah-2.docx").read_bytes() == expected
        assert manifest[2]["files"] == [{"format": "docx", "file": "naskah-2.docx", "status": "written",
                                         "sha256": hashlib.sha256(expected).hexdigest(), "source_sha256": None}]
        assert [f.sha256 for f in record.files] == [manifest[2]["files"][0]["sha256"]]
        assert len(s.scalars(select(GeneratedFile)).all()) == 4

    mtimes = {p.name: p.stat().st_mtime_ns for p in out.glob("*.docx")}
    second = run_batch(six, Filter(), out, workers=2, show_progress=False)
    assert [o.status for o in second] == ["unchanged"] * 3 + ["failed", "refused", "unchanged"]
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.docx")} == mtimes
    with six() as s:
        assert len(s.scalars(select(GeneratedFile)).all()) == 4  # nothing rewritten, nothing recorded

    forced = run_batch(six, Filter(ids=(5,)), out, workers=1, force=True, show_progress=False)
    assert [(o.id, o.status) for o in forced] == [(5, "written")] and (out / "naskah-5.docx").is_file()


def test_batch_rewrites_only_what_changed_and_a_filtered_run_merges_the_manifest(six, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(six, Filter(), out, workers=2, show_progress=False)
    before = _manifest(out)
    (out / "naskah-1.docx").write_bytes(b"edited by hand")
    (out / "naskah-6.docx").unlink()
    again = run_batch(six, Filter(kinds=(Kind.perjanjian_kerja_sama,)), out, workers=2, show_progress=False)
    # examples cycle NK, PKS, PKS: #1 and #4 are NK, outside the filter
    assert [(o.id, o.status) for o in again] == [(2, "unchanged"), (3, "unchanged"), (5, "refused"), (6, "written")]
    assert (out / "naskah-1.docx").read_bytes() == b"edited by hand"
    after = _manifest(out)
    assert sorted(after) == [1, 2, 3, 4, 5, 6]  # the entries of #1 and #4 are kept
    assert after[1] == before[1] and after[4] == before[4]
    assert after[2]["files"][0]["status"] == "unchanged" and after[6]["files"][0]["status"] == "written"


def test_batch_cli(six, tmp_path: Path) -> None:
    db = six.kw["bind"].url.database
    result = CliRunner().invoke(main, ["batch", "-o", str(tmp_path / "out"), "--db", db, "-j", "2", "--quiet"])
    assert result.exit_code == 1
    assert "ditulis: 4, tidak berubah: 0, tidak ditulis karena galat: 1, gagal: 1" in result.output
    assert "gagal: #4: registri #4: isian tidak dapat diproses" in result.output
    assert "tidak ditulis: #5 (ada galat; perbaiki isiannya, atau pakai --force)" in result.output
    assert "#5: [galat] term.notice_months:" in result.output
    bad = CliRunner().invoke(main, ["batch", "-o", str(tmp_path / "out"), "--db", db, "--format", "doc"])
    assert bad.exit_code == 2 and "tulis docx, pdf, atau docx,pdf" in bad.output


def test_one_batch_per_folder(six, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", LOCK_HOLDER, str(out / LOCK)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        tmp = out / ".naskah-1.docx.abc.tmp"  # the other batch's file being written
        tmp.write_bytes(b"PK")
        db = six.kw["bind"].url.database
        result = CliRunner().invoke(main, ["batch", "-o", str(out), "--db", db, "--quiet"])
        assert result.exit_code == 1
        assert f"galat: folder {out} sedang dipakai oleh batch lain (proses {holder.pid}); tunggu" in result.output
        assert tmp.exists() and not (out / MANIFEST).exists()
    finally:
        holder.kill()
        holder.wait()
    assert run_batch(six, Filter(ids=(1,)), out, workers=1, show_progress=False)[0].status == "written"


LOCK_HOLDER = """
import fcntl, os, sys, time
handle = open(sys.argv[1], "a+")
fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
handle.write(str(os.getpid())); handle.flush()
print("locked", flush=True)
time.sleep(60)
"""


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
    while (len(list(out.glob("naskah-*.docx"))) < 3 or not (out / MANIFEST).exists()) and proc.poll() is None \
            and time.monotonic() < deadline:
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done = sorted(out.glob("naskah-*.docx"))
    assert 3 <= len(done) < 40, "the batch should have been killed part-way"
    for path in done:  # every file there is whole
        assert zipfile.ZipFile(path).testzip() is None
    # the manifest of what it finished, written as it went: every entry's file is there and whole
    recorded = _manifest(out)
    assert recorded and all((out / row["files"][0]["file"]).is_file() for row in recorded.values())

    rerun = run_batch(sessions, Filter(), out, workers=2, show_progress=False)
    statuses = [o.status for o in rerun]
    assert (statuses.count("unchanged"), statuses.count("written")) == (len(done), 40 - len(done))
    assert len(list(out.glob("naskah-*.docx"))) == 40 and len(_manifest(out)) == 40
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
    assert [(o.id, o.status, o.files) for o in beside] == [(o.id, o.status, o.files) for o in alone]
    assert {o.status for o in beside} == {"written", "failed", "refused"}


@pytest.mark.parametrize("way", ["uno", "soffice"])
def test_batch_writes_pdf_beside_docx_and_converts_again_only_what_changed(
        tmp_path: Path, way: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both converters: LibreOffice kept running per worker (UNO), and one soffice call per chunk."""
    if not shutil.which("soffice") and not shutil.which("libreoffice"):
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is required under CI")
        pytest.skip("LibreOffice (soffice) is not installed")
    if way == "uno" and not uno_available():
        if os.environ.get("CI"):
            pytest.fail("LibreOffice's UNO bindings for /usr/bin/python3 (python3-uno) are required under CI")
        pytest.skip("python3-uno is not installed")
    monkeypatch.setenv("DRAFTING_BATCH_PDF", way)
    assert chosen_way() == way
    sessions = _registry(tmp_path / "r.db", 3)
    out = tmp_path / "out"
    first = run_batch(sessions, Filter(), out, workers=2, formats=("docx", "pdf"), show_progress=False)
    assert [o.status for o in first] == ["written"] * 3
    for o in first:
        docx, pdf = o.file("docx"), o.file("pdf")
        assert pdf.source_sha256 == docx.sha256 and pdf.file == f"naskah-{o.id}.pdf"
        data = (out / pdf.file).read_bytes()
        assert data.startswith(b"%PDF") and hashlib.sha256(data).hexdigest() == pdf.sha256
    text = subprocess.run(["pdftotext", str(out / "naskah-2.pdf"), "-"], capture_output=True, text=True).stdout
    assert "PERJANJIAN KERJA SAMA" in text and "Pasal 1" in text

    (out / "naskah-3.pdf").unlink()
    again = run_batch(sessions, Filter(), out, workers=2, formats=("docx", "pdf"), show_progress=False)
    assert [(o.status, o.file("pdf").status) for o in again] == [
        ("unchanged", "unchanged"), ("unchanged", "unchanged"), ("written", "written")]
    only_pdf = run_batch(sessions, Filter(ids=(1,)), tmp_path / "pdf", workers=1, formats=("pdf",),
                         show_progress=False)
    assert [f.format for f in only_pdf[0].files] == ["pdf"] and not (tmp_path / "pdf" / "naskah-1.docx").exists()
