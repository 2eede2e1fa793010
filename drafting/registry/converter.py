"""PDF for the batch workers: one LibreOffice per worker, kept running for the whole batch and fed
document after document through UNO (``uno_server.py``), where the system's Python has
LibreOffice's UNO bindings (Debian: ``apt-get install python3-uno``); elsewhere one ``soffice``
call per chunk of documents. ``bench/batch_bench.py`` measured both against one ``soffice`` per
document; the long-lived converter was the fastest. ``DRAFTING_BATCH_PDF=soffice`` chooses the
per-chunk way.
"""

from __future__ import annotations

import functools
import json
import os
import select
import shutil
import subprocess
import tempfile
from multiprocessing.util import Finalize
from pathlib import Path

from ..render.pdf import PdfError, docx_to_pdf, soffice

UNO_PYTHON = "/usr/bin/python3"  # Debian's, where python3-uno puts the bindings
SERVER = Path(__file__).with_name("uno_server.py")
ENV_VAR = "DRAFTING_BATCH_PDF"
TIMEOUT_SECONDS = 180  # the first document waits for LibreOffice to start with a new profile


@functools.cache
def uno_available() -> bool:
    if not Path(UNO_PYTHON).is_file():
        return False
    return subprocess.run([UNO_PYTHON, "-c", "import uno"], capture_output=True, check=False).returncode == 0


def chosen_way() -> str:
    """``uno`` or ``soffice``: decided once by the batch, passed to its workers."""
    if os.environ.get(ENV_VAR, "").strip().lower() == "soffice":
        return "soffice"
    return "uno" if shutil.which("soffice") and uno_available() else "soffice"


class UnoConverter:
    """A uno_server.py process and its LibreOffice, for one worker process."""

    def __init__(self, profile: Path):
        self.process = subprocess.Popen([UNO_PYTHON, str(SERVER), soffice(), str(profile)], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        Finalize(self, self.close, exitpriority=10)  # also when the worker process ends

    def convert(self, docx: bytes, folder: Path) -> bytes:
        source, target = folder / "naskah.docx", folder / "naskah.pdf"
        source.write_bytes(docx)
        target.unlink(missing_ok=True)
        assert self.process.stdin is not None and self.process.stdout is not None
        try:
            self.process.stdin.write(json.dumps({"docx": str(source), "pdf": str(target)}).encode() + b"\n")
            self.process.stdin.flush()
        except BrokenPipeError:
            raise PdfError("LibreOffice (UNO) berhenti sebelum mengubah DOCX ke PDF") from None
        ready, _, _ = select.select([self.process.stdout], [], [], TIMEOUT_SECONDS)
        answer = self.process.stdout.readline().decode("utf-8", "replace").strip() if ready else ""
        if not answer:  # it died, or hangs: the next document gets a new one
            self.process.kill()
            self.process.wait()
        if answer != "ok":
            raise PdfError(f"LibreOffice gagal mengubah DOCX ke PDF ({answer or 'tidak menjawab'})")
        return target.read_bytes()

    def alive(self) -> bool:
        return self.process.poll() is None

    def close(self) -> None:
        if self.process.poll() is not None:
            return
        if self.process.stdin and not self.process.stdin.closed:
            self.process.stdin.close()  # uno_server ends LibreOffice and exits
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


_CONVERTER: UnoConverter | None = None  # this worker's


def to_pdf(documents: list[bytes], way: str, profile: Path) -> list[bytes | PdfError]:
    """Each document's PDF, or the error that stopped it."""
    if way != "uno":
        try:
            return list(docx_to_pdf(documents, profile=profile))
        except PdfError as exc:
            return [exc] * len(documents)
    global _CONVERTER
    results: list[bytes | PdfError] = []
    with tempfile.TemporaryDirectory(prefix="drafting-pdf-") as tmp:
        for docx in documents:
            try:
                if _CONVERTER is None or not _CONVERTER.alive():
                    _CONVERTER = UnoConverter(profile)
                results.append(_CONVERTER.convert(docx, Path(tmp)))
            except PdfError as exc:
                results.append(exc)
    return results
