"""The two tables of the Lampiran of Permen 8/2025, filled from the registry, as DOCX or XLSX.

A. Format Perencanaan Kerja Sama (Pasal 13: usulan rencana Kerja Sama): one row per planned
   agreement, with its rencana strategis, Mitra, bidang, urgensi, batas waktu and dukungan.
B. Format Laporan Hasil Penjajakan Kerja Sama (Pasal 18): one row per calon Mitra explored.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import docx
import openpyxl
from dateutil.relativedelta import relativedelta
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from openpyxl.styles import Alignment, Font

from ..errors import DraftingError
from ..output import write_atomic
from ..terbilang import tanggal, with_words
from .models import Agreement


@dataclass(frozen=True)
class Format:
    title: str
    headers: list[str]
    row: Callable[[Agreement], list[str]]


def _term(a: Agreement) -> str:
    """Jangka waktu in whole years or months where the dates allow, else the end date."""
    if a.signing_date and a.end_date:
        span = relativedelta(a.end_date + relativedelta(days=1), a.signing_date)
        if span.days == 0 and (span.years or span.months):
            return with_words(span.years, "tahun") if not span.months else \
                with_words(span.years * 12 + span.months, "bulan")
    return f"sampai dengan {tanggal(a.end_date)}" if a.end_date else ""


FORMATS = {
    "perencanaan": Format(
        "FORMAT PERENCANAAN KERJA SAMA",
        ["No.", "RENCANA STRATEGIS", "MITRA", "BIDANG KERJA SAMA", "URGENSI", "BATAS WAKTU", "DUKUNGAN"],
        lambda a: [a.strategic_plan or "", ", ".join(a.partners), a.scope or a.tentang, a.urgency or "",
                   tanggal(a.end_date) if a.end_date else "", a.support or ""]),
    "penjajakan": Format(
        "FORMAT LAPORAN HASIL PENJAJAKAN KERJA SAMA",
        ["No.", "SATUAN KERJA", "CALON MITRA", "RUANG LINGKUP", "JANGKA WAKTU", "KETERANGAN"],
        lambda a: [a.unit, ", ".join(a.partners), a.scope or a.tentang, _term(a), a.remarks or ""]),
}


def table(name: str, agreements: list[Agreement]) -> list[list[str]]:
    fmt = FORMATS[name]
    return [[str(i), *fmt.row(a)] for i, a in enumerate(agreements, start=1)]


def write(name: str, agreements: list[Agreement], path: Path) -> None:
    if path.suffix.lower() not in (".docx", ".xlsx"):
        raise DraftingError(f"{path}: tulis ke berkas .docx atau .xlsx")
    fmt = FORMATS[name]
    rows = table(name, agreements)
    write_atomic(path, _xlsx(fmt, rows) if path.suffix.lower() == ".xlsx" else _docx(fmt, rows))


def _docx(fmt: Format, rows: list[list[str]]) -> bytes:
    document = docx.Document()
    section = document.sections[0]
    # landscape A4: the tables are wide
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2)
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(fmt.title)
    run.bold = True
    run.font.size = Pt(12)
    grid = document.add_table(rows=1, cols=len(fmt.headers))
    grid.style = "Table Grid"
    for cell, text in zip(grid.rows[0].cells, fmt.headers):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row in rows:
        for cell, text in zip(grid.add_row().cells, row):
            cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _xlsx(fmt: Format, rows: list[list[str]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = fmt.title.removeprefix("FORMAT ").title()[:31]
    sheet.append([fmt.title])
    sheet["A1"].font = Font(bold=True)
    sheet.append(fmt.headers)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
