"""Exporting the registry as a register: a CSV or XLSX sheet with the import's own columns, and
beside it a folder holding each agreement's input as it is stored, so that the export imported
into another registry (another machine, a PostgreSQL server) can renew and regenerate as before.

    registri.xlsx
    registri-isian/naskah-12.yaml     ← Berkas Isian of row 12, with its SHA-256 in the sheet
    registri-isian/naskah-12-adendum-1.yaml  ← Berkas Adendum of row 12, its adenda in order
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

import json

import openpyxl
import yaml
from openpyxl.styles import Font

from ..errors import DraftingError
from ..output import not_read, write_atomic
from .headers import HEADERS
from .models import Agreement
from .records import file_stem, reference_of

SEPARATOR = "; "  # between several numbers or Mitra in one cell


def inputs_folder(sheet: Path) -> Path:
    return sheet.with_name(f"{sheet.stem}-isian")


def export_file(agreements: list[Agreement], path: Path, *, inputs: bool = True) -> int:
    """Write the sheet (and, with ``inputs``, the inputs beside it); the number of inputs written."""
    if path.suffix.lower() not in (".csv", ".xlsx"):
        raise DraftingError(f"{path}: tulis ke berkas .csv atau .xlsx")
    not_read(path)  # the registry's own file, say: refused before the inputs beside it are written
    folder = inputs_folder(path)
    written = 0
    rows = []
    for a in agreements:
        name, adenda = "", []
        if inputs and a.input_text is not None:
            target = folder / f"{file_stem(a)}.yaml"
            write_atomic(target, a.input_text.encode("utf-8"))
            name = f"{folder.name}/{target.name}"
            written += 1
            # the adenda are kept as the inputs they amend the agreement to: without them an
            # imported registry would renew the agreement as first signed
            for adendum in a.adenda:
                target = folder / f"{file_stem(a)}-adendum-{adendum.position}.yaml"
                text = yaml.safe_dump(json.loads(adendum.input_json), allow_unicode=True, sort_keys=False, width=100)
                write_atomic(target, text.encode("utf-8"))
                adenda.append(f"{folder.name}/{target.name}")
        rows.append(_row(a, name, adenda))
    write_atomic(path, _xlsx(rows) if path.suffix.lower() == ".xlsx" else _csv(rows))
    return written


def _row(a: Agreement, input_name: str, adenda: list[str]) -> list[Any]:
    values = {
        "No": a.id, "Jenis": a.kind_label, "Nomor": SEPARATOR.join(a.number_list), "Tentang": a.tentang,
        "Mitra": SEPARATOR.join(a.partners), "Satuan Kerja": a.unit, "Tingkat": a.level_label,
        "Tanggal Tanda Tangan": a.signing_date, "Tanggal Berakhir": a.end_date, "Jangka Waktu": None,
        "Status": a.status.value, "Nota Kesepahaman Induk": reference_of(a.parent),
        "Naskah Pendahulu": reference_of(a.predecessor), "Ruang Lingkup": a.scope,
        "Rencana Strategis": a.strategic_plan, "Urgensi": a.urgency, "Dukungan": a.support, "Keterangan": a.remarks,
        "Berkas Isian": input_name, "SHA-256 Isian": a.input_sha256 if input_name else None,
        "Berkas Adendum": SEPARATOR.join(adenda),
    }
    assert list(values) == HEADERS
    return list(values.values())


def _xlsx(rows: list[list[Any]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Registri"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, dt.date):
                cell.number_format = "YYYY-MM-DD"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _csv(rows: list[list[Any]]) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(HEADERS)
    writer.writerows([[v.isoformat() if isinstance(v, dt.date) else v for v in row] for row in rows])
    return text.getvalue().encode("utf-8-sig")  # with BOM: Excel then reads UTF-8
