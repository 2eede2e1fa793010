"""PDF: the DOCX of the naskah, converted by LibreOffice headless.

The PDF is the DOCX as LibreOffice lays it out, so it shows exactly what a drafter who opens the
DOCX sees, page breaks, paraf box and signature page included. Each call starts its own
``soffice`` with a private, throw-away profile in a temporary directory: calls may run side by
side, and nothing is left behind. LibreOffice writes the conversion time into the PDF, so PDF
bytes differ from run to run (DOCX, Markdown and HTML do not).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ..document import Document
from ..errors import DraftingError
from .docx import render_docx

INSTALL_HINT = "pasang dengan: apt-get install -y libreoffice-writer-nogui"
TIMEOUT_SECONDS = 180  # first launch with a new profile takes a few seconds; a batch ~0.2 s per file


class PdfError(DraftingError):
    """LibreOffice is not installed, or it failed to convert a document to PDF."""


def soffice() -> str:
    """The LibreOffice program, or a PdfError that says how to install it."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise PdfError(f"LibreOffice (soffice) tidak ditemukan, padahal diperlukan untuk PDF; {INSTALL_HINT}")
    return found


def docx_to_pdf(documents: Sequence[bytes], *, profile: Path | None = None) -> list[bytes]:
    """Convert DOCX packages to PDF, all in one LibreOffice run (its start-up is most of the cost).
    ``profile``: a LibreOffice profile folder to keep between calls (a batch worker's), which
    starts faster than a new one; by default a throw-away one."""
    program = soffice()
    with tempfile.TemporaryDirectory(prefix="drafting-pdf-") as tmp:
        root = Path(tmp)
        sources = [root / f"naskah-{i:04d}.docx" for i in range(len(documents))]
        for path, data in zip(sources, documents):
            path.write_bytes(data)
        installation = (profile or root / "profile").absolute().as_uri()
        command = [program, f"-env:UserInstallation={installation}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", str(root / "pdf"), *map(str, sources)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            raise PdfError(f"LibreOffice tidak selesai mengubah DOCX ke PDF dalam {TIMEOUT_SECONDS} detik") from None
        results = [root / "pdf" / f"{path.stem}.pdf" for path in sources]
        missing = [path for path in results if not path.is_file()]
        if missing:
            detail = (done.stderr or done.stdout).strip().splitlines()
            raise PdfError("LibreOffice gagal mengubah DOCX ke PDF"
                           f" (status {done.returncode}{': ' + detail[-1] if detail else ''})")
        return [path.read_bytes() for path in results]


def render_pdf(doc: Document, template: Path) -> bytes:
    return docx_to_pdf([render_docx(doc, template)])[0]
