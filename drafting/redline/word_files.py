"""Two Word files the tool did not make — the draft sent to a partner and the counter-draft it
returned — compared into a DOCX with tracked changes.

The comparison is Docxodus's (python-redlines, MIT; its .NET engine is self-contained inside the
``python-redlines-docxodus`` wheel and runs offline, without a .NET runtime). It works on the
WordprocessingML itself, so the partner's file keeps its own styles, tables and numbering, and the
result is the new file with the old one's differences as revisions. Measured here on the BPJS PKS
and its renewal (9 pages): 1.5–2 s a comparison, most of it the engine's start; the same inputs,
author and date give the same bytes; LibreOffice's *Accept All* gives the new file's text and
*Reject All* the old one's. (Chosen over LibreOffice's own comparison, which wrote no usable
author or date and whose *Reject All* left empty paragraphs, and over pure-Python docx-trackdiff,
whose *Reject All* moved a tab; see the README.)

Both files are checked first to be Word packages of bounded size, so that a mistaken or hostile
file ends in a message, not in the engine.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path

from ..errors import DraftingError, os_reason
from ..limits import MAX_NASKAH_BYTES
from ..output import reading
from ..office_package import package_problem
from .docx import revision_date

INSTALL_HINT = "pasang dengan: pip install 'python-redlines[docxodus]'"


class RedlineError(DraftingError):
    """A file is not a Word document, or the comparison engine is missing or failed."""


def check_package(data: bytes, name: str) -> None:
    """``data`` is a Word package (.docx) of bounded size, or a RedlineError naming ``name``."""
    if (reason := package_problem(data)) is not None:
        raise RedlineError(f"{name}: {reason}")


@cache
def _engine():  # noqa: ANN202 - python-redlines ships no type information
    try:
        from python_redlines import DocxodusEngine
        return DocxodusEngine()  # unpacks the engine once, into the user's cache folder
    except ImportError:
        raise RedlineError(f"mesin pembanding dokumen Word tidak terpasang; {INSTALL_HINT}") from None
    except OSError as exc:
        raise RedlineError(f"mesin pembanding dokumen Word tidak dapat disiapkan: {exc}") from None


def compare_docx(old: bytes, new: bytes, *, author: str, date: dt.date | dt.datetime,
                 names: tuple[str, str] = ("dokumen lama", "dokumen baru")) -> tuple[bytes, int]:
    """The redline of ``new`` against ``old`` and the number of revisions the engine found."""
    for data, name in zip((old, new), names):
        check_package(data, name)
    engine = _engine()
    from python_redlines import EngineExecutionError

    try:
        redline, stdout, _ = engine.run_redline(author, old, new, date_time=revision_date(date))
    except EngineExecutionError as exc:
        detail = (exc.stderr or exc.stdout or "").strip().splitlines()
        raise RedlineError("perbandingan dokumen Word gagal" + (f": {detail[-1]}" if detail else "")) from None
    found = re.search(r"(\d+) revision", stdout or "")
    return redline, int(found.group(1)) if found else -1


def read_package(path: Path) -> bytes:
    """A Word file's bytes, checked as ``check_package`` does, read only when it is a regular file
    of bounded size (not a FIFO or a device)."""
    reading(path)
    try:
        if not path.is_file():
            raise RedlineError(f"{path}: tidak ada, atau bukan berkas biasa")
        if path.stat().st_size > MAX_NASKAH_BYTES:
            raise RedlineError(f"{path}: berkas lebih dari {MAX_NASKAH_BYTES // 2**20} MB")
        data = path.read_bytes()
    except OSError as exc:
        raise RedlineError(f"{path}: tidak dapat dibaca ({os_reason(exc)})") from None
    check_package(data, str(path))
    return data
