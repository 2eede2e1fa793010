"""Reading a naskah this tool did not make — PDF, DOCX, Markdown or plain text — into its
paragraphs with their structure (``structure.Paragraph``: part, Pasal, label, text).

``read_naskah`` is the one entry point: ``drafting check`` judges what it returns, and extracting a
legacy naskah back into an input starts from it too. Each format has its own module; they all
end in lines or paragraphs of plain text that ``lines.join_lines`` and ``structure.structure``
turn into the same structured paragraphs.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError, Problem
from ..limits import MAX_NASKAH_BYTES
from ..load import decode, read_input
from .lines import join_lines, strip_furniture
from .structure import Paragraph, structure
from .text import read_text

__all__ = ["SUFFIXES", "Paragraph", "read_naskah", "structure"]

SUFFIXES = (".pdf", ".docx", ".md", ".txt")


def read_naskah(path: Path) -> list[Paragraph]:
    """The structured paragraphs of the naskah in ``path``; an InputError (exit status 2) when it
    cannot be read: unknown type, missing, not a regular file, too large, damaged, not UTF-8, or a
    PDF without text. The file is read once, bounded, as an input file is (``load.read_input``)."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(str(path), [Problem("", f"jenis berkas '{suffix}' tidak dikenal; yang dapat diperiksa: "
                                                 ".yaml, .yml, .json (isian) dan " + ", ".join(SUFFIXES))])
    # pdfplumber and python-docx are imported here, not with the package: the checks of a draft
    # use its paragraphs and structure, and need neither
    from .pdf import read_pdf
    from .word import read_docx

    data = read_input(path, MAX_NASKAH_BYTES)
    if suffix == ".docx":
        return structure(read_docx(data, str(path)))
    if suffix == ".pdf":  # a column of English beside the text: its furniture and its lines its own
        text, english = read_pdf(data, str(path))
        return structure(join_lines(strip_furniture(text)) + (join_lines(strip_furniture(english)) if english else []))
    return structure(join_lines(strip_furniture(read_text(decode(data, str(path))))))
