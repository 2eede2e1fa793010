"""Reading a naskah this tool did not make — PDF, DOCX, Markdown or plain text — into its
paragraphs with their structure (``structure.Paragraph``: part, Pasal, label, text).

``read_naskah`` is the one entry point: ``drafting check`` judges what it returns, and extracting a
legacy naskah back into an input starts from it too. Each format has its own module; they all
end in lines or paragraphs of plain text that ``lines.join_lines`` and ``structure.structure``
turn into the same structured paragraphs.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import InputError, Problem
from .lines import join_lines, strip_furniture
from .structure import Paragraph, structure
from .text import read_text

__all__ = ["SUFFIXES", "Paragraph", "read_naskah", "structure"]

SUFFIXES = (".pdf", ".docx", ".md", ".txt")
MAX_BYTES = 20 * 1024 * 1024  # a naskah of a hundred pages with its scanned annexes stays well under


def read_naskah(path: Path) -> list[Paragraph]:
    """The structured paragraphs of the naskah in ``path``; an InputError (exit status 2) when it
    cannot be read: unknown type, missing, too large, damaged, not UTF-8, or a PDF without text."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(str(path), [Problem("", f"jenis berkas '{suffix}' tidak dikenal; yang dapat diperiksa: "
                                                 ".yaml, .yml, .json (isian) dan " + ", ".join(SUFFIXES))])
    if not path.is_file():
        raise InputError(str(path), [Problem("", "berkas tidak ditemukan")])
    if path.stat().st_size > MAX_BYTES:
        raise InputError(str(path), [Problem("", f"berkas lebih dari {MAX_BYTES // (1024 * 1024)} MB")])
    # pdfplumber and python-docx are imported here, not with the package: the checks of a draft
    # use its paragraphs and structure, and need neither
    from docx.opc.exceptions import PackageNotFoundError

    from .pdf import read_pdf
    from .word import read_docx

    try:
        if suffix == ".docx":
            return structure(read_docx(path))
        if suffix == ".pdf":
            return structure(join_lines(strip_furniture(read_pdf(path))))
        return structure(join_lines(strip_furniture(read_text(path.read_text(encoding="utf-8")))))
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise InputError(str(path), [Problem("", f"berkas tidak dapat dibaca ({exc})")]) from None
