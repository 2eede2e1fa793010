"""Comparisons between registry entries: what an entry is compared with, and the comparison files.

An entry is compared, when nothing else is named, with the naskah it follows: a renewal with its
predecessor. (An adendum's consolidated text will be compared with the agreement it amends: that
link goes in ``base_of``, and the comparison is ``compare(agreement, consolidated)`` as here.)
Each comparison is written twice from one change model (``drafting.redline``): as an HTML page
Pasal by Pasal, and as a Word document with tracked changes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from ..document import Document
from ..errors import DraftingError
from ..output import write_atomic
from ..pipeline import build
from ..redline.changes import compare
from ..redline.docx import redline_docx
from ..redline.html import redline_html
from .models import Agreement
from .records import get_record, input_of


def base_of(session: Session, record: Agreement) -> Agreement:
    """The entry ``record`` is compared with when no other is named: its predecessor."""
    if record.predecessor is None:
        raise DraftingError(f"naskah #{record.id} bukan perpanjangan naskah lain dalam registri: "
                            f"sebutkan naskah pembandingnya (nomor registri atau berkas)")
    return get_record(session, record.predecessor.id)


def document_of(record: Agreement) -> Document:
    """The numbered document of an entry, built from its stored input."""
    if not record.input_json:
        raise DraftingError(f"naskah #{record.id} tidak mempunyai isian; perbandingan disusun dari isian naskah")
    return build(input_of(record), source=f"registri #{record.id}")


@dataclass(frozen=True)
class Written:
    html: Path
    docx: Path


def write_comparison(old: Document, new: Document, stem: Path, *, title: str, author: str,
                     date: dt.date | dt.datetime) -> Written:
    """``<stem>-perbandingan.html`` and ``<stem>-perbandingan.docx`` (the redline) of ``new`` against ``old``."""
    comparison = compare(old, new)
    written = Written(stem.with_name(f"{stem.name}-perbandingan.html"), stem.with_name(f"{stem.name}-perbandingan.docx"))
    html = redline_html(comparison, title=title).encode("utf-8")
    docx = redline_docx(comparison, author=author, date=date)
    write_atomic(written.html, html)
    write_atomic(written.docx, docx)
    return written
