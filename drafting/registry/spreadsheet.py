"""Import and export of the register a unit already keeps, as CSV or XLSX.

One row per naskah, Indonesian headers (``HEADERS``; a few common variants are recognised).
Import checks every row; a bad row is reported with its row number and reason and the good rows
still go in, each in its own transaction, so nothing is ever half-written.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from sqlalchemy.orm import Session, sessionmaker

from ..errors import DraftingError, InputError, Problem
from ..limits import MAX_SPREADSHEET_BYTES
from ..load import decode, load_agreement, read_input
from ..output import write_atomic
from .db import drafting_version
from .models import Agreement, Kind, Level, Status
from .records import fields_from_input, find_by_reference, reference_of, set_numbers

HEADERS = ["No", "Jenis", "Nomor", "Tentang", "Mitra", "Satuan Kerja", "Tingkat", "Tanggal Tanda Tangan",
           "Tanggal Berakhir", "Status", "Nota Kesepahaman Induk", "Naskah Pendahulu", "Ruang Lingkup",
           "Rencana Strategis", "Urgensi", "Dukungan", "Keterangan", "Berkas Isian"]
_ALIASES = {"judul": "Tentang", "judul/tentang": "Tentang", "perihal": "Tentang", "nomor naskah": "Nomor",
            "jenis naskah": "Jenis", "unit": "Satuan Kerja", "satker": "Satuan Kerja", "unit kerja": "Satuan Kerja",
            "mitra kerja sama": "Mitra", "tanggal": "Tanggal Tanda Tangan", "tanggal penandatanganan":
            "Tanggal Tanda Tangan", "berakhir": "Tanggal Berakhir", "isian": "Berkas Isian"}
_CANONICAL = {h.lower(): h for h in HEADERS} | _ALIASES
SEPARATOR = ";"  # between several numbers or Mitra in one cell

_KINDS = {"nota kesepahaman": Kind.nota_kesepahaman, "nk": Kind.nota_kesepahaman,
          "perjanjian kerja sama": Kind.perjanjian_kerja_sama, "pks": Kind.perjanjian_kerja_sama,
          "nota kesepakatan": Kind.nota_kesepakatan, "surat perjanjian": Kind.surat_perjanjian,
          "mou": Kind.mou, "memorandum of understanding": Kind.mou}
_LEVELS = {"kementerian": Level.kementerian, "unit eselon i": Level.unit_eselon_i, "eselon i": Level.unit_eselon_i,
           "kantor wilayah": Level.kantor_wilayah, "kanwil": Level.kantor_wilayah, "upt": Level.upt}
_MONTHS = ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
           "november", "desember"]


@dataclass
class ImportResult:
    added: list[int] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # path = column, line = spreadsheet row


class RowError(Exception):
    def __init__(self, column: str, message: str):
        super().__init__(message)
        self.problem = Problem(column, message)


def import_file(sessions: sessionmaker[Session], path: Path) -> ImportResult:
    result = ImportResult()
    for line, row in _read(path):
        try:
            with sessions.begin() as session:
                record = _record(session, row, path.parent)
                session.add(record)
                session.flush()
                result.added.append(record.id)
        except RowError as exc:
            result.problems.append(Problem(exc.problem.path, exc.problem.message, line))
    return result


def export_file(agreements: list[Agreement], path: Path) -> None:
    if path.suffix.lower() not in (".csv", ".xlsx"):
        raise DraftingError(f"{path}: tulis ke berkas .csv atau .xlsx")
    rows = [_row(a) for a in agreements]
    if path.suffix.lower() == ".xlsx":
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "Registri"
        sheet.append(HEADERS)
        for row in rows:
            sheet.append(row)
        for cells in sheet.iter_rows(min_row=2):
            for cell in cells:
                if isinstance(cell.value, dt.date):
                    cell.number_format = "YYYY-MM-DD"
        out = io.BytesIO()
        book.save(out)
        write_atomic(path, out.getvalue())
    else:
        text = io.StringIO()
        writer = csv.writer(text)
        writer.writerow(HEADERS)
        writer.writerows([[v.isoformat() if isinstance(v, dt.date) else v for v in row] for row in rows])
        write_atomic(path, text.getvalue().encode("utf-8-sig"))  # with BOM: Excel then reads UTF-8


def _row(a: Agreement) -> list[Any]:
    return [a.id, a.kind_label, f"{SEPARATOR} ".join(a.number_list), a.tentang, f"{SEPARATOR} ".join(a.partners),
            a.unit, a.level_label, a.signing_date, a.end_date, a.status.value, reference_of(a.parent),
            reference_of(a.predecessor), a.scope, a.strategic_plan, a.urgency, a.support, a.remarks, None]


def _read(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(spreadsheet row number, {canonical header: value}) for each non-empty row."""
    data = read_input(path, MAX_SPREADSHEET_BYTES)  # a regular file, bounded (a FIFO or /dev/zero: refused)
    if path.suffix.lower() == ".xlsx":
        try:
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except (OSError, ValueError, KeyError, zipfile.BadZipFile):
            raise InputError(str(path), [Problem("", "berkas XLSX tidak dapat dibaca (bukan buku kerja Excel yang "
                                                     "utuh)")]) from None
        rows: list[list[Any]] = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
        book.close()
    else:
        rows = list(csv.reader(io.StringIO(decode(data, str(path)))))
    if not rows:
        raise InputError(str(path), [Problem("", "berkas kosong")])
    headers = [_CANONICAL.get(str(h or "").strip().lower()) for h in rows[0]]
    missing = [h for h in ("Jenis", "Tentang", "Satuan Kerja") if h not in headers]
    if missing:
        raise InputError(str(path), [Problem("", f"kolom wajib tidak ada: {', '.join(missing)} "
                                                 f"(kolom yang dikenal: {', '.join(HEADERS)})", 1)])
    for number, values in enumerate(rows[1:], start=2):
        row = {h: _clean(v) for h, v in zip(headers, values) if h}
        if any(v is not None for v in row.values()):
            yield number, row


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip() or None
    return value


def _record(session: Session, row: dict[str, Any], base: Path) -> Agreement:
    fields: dict[str, Any] = {}
    if row.get("Berkas Isian"):
        fields = _from_input(base / str(row["Berkas Isian"]))
        fields["drafting_version"] = drafting_version()
    given = {
        "kind": _choice(row, "Jenis", _KINDS),
        "tentang": row.get("Tentang"),
        "partners": _split(row.get("Mitra")),
        "unit": row.get("Satuan Kerja"),
        "level": _choice(row, "Tingkat", _LEVELS),
        "numbers": _split(row.get("Nomor")),
        "signing_date": _date(row, "Tanggal Tanda Tangan"),
        "end_date": _date(row, "Tanggal Berakhir"),
        "scope": row.get("Ruang Lingkup"),
        "strategic_plan": row.get("Rencana Strategis"),
        "urgency": row.get("Urgensi"),
        "support": row.get("Dukungan"),
        "remarks": row.get("Keterangan"),
    }
    fields |= {k: v for k, v in given.items() if v not in (None, [])}  # the sheet wins over the input
    for column, key in (("Jenis", "kind"), ("Tentang", "tentang"), ("Satuan Kerja", "unit")):
        if not fields.get(key):
            raise RowError(column, "wajib diisi")
    if fields.get("end_date") and fields.get("signing_date") and fields["end_date"] <= fields["signing_date"]:
        raise RowError("Tanggal Berakhir", f"{fields['end_date']} tidak sesudah tanggal tanda tangan "
                                           f"{fields['signing_date']}")
    fields["status"] = _status(row, fields)
    numbers = fields.pop("numbers", [])
    for number in numbers:
        if find_by_reference(session, number) is not None:
            raise RowError("Nomor", f"nomor {number} sudah terdaftar")
    record = Agreement(**fields)
    set_numbers(record, numbers)
    record.parent = _reference(session, row, "Nota Kesepahaman Induk")
    record.predecessor = _reference(session, row, "Naskah Pendahulu")
    return record


def _from_input(path: Path) -> dict[str, Any]:
    try:
        return fields_from_input(load_agreement(path))
    except InputError as exc:
        first = exc.problems[0].describe() if exc.problems else ""
        more = f" (dan {len(exc.problems) - 1} masalah lain)" if len(exc.problems) > 1 else ""
        raise RowError("Berkas Isian", f"{path}: {first}{more}") from None


def _choice(row: dict[str, Any], column: str, choices: dict[str, Any]) -> Any:
    value = row.get(column)
    if value is None:
        return None
    key = re.sub(r"\s+", " ", str(value).strip().lower().replace("(", "").replace(")", ""))
    if key not in choices:
        raise RowError(column, f"'{value}' tidak dikenal; pilih salah satu: {', '.join(sorted(choices))}")
    return choices[key]


def _status(row: dict[str, Any], fields: dict[str, Any]) -> Status:
    value = row.get("Status")
    if value is None:
        return Status.aktif if fields.get("signing_date") else Status.draft
    try:
        return Status(str(value).strip().lower())
    except ValueError:
        raise RowError("Status", f"'{value}' tidak dikenal; pilih salah satu: "
                                 f"{', '.join(s.value for s in Status)}") from None


def _split(value: Any) -> list[str]:
    return [part.strip() for part in str(value).split(SEPARATOR) if part.strip()] if value is not None else []


def _date(row: dict[str, Any], column: str) -> dt.date | None:
    """A date cell, or text as 2023-06-19, 19-06-2023, 19/06/2023 or 19 Juni 2023."""
    value = row.get(column)
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    text = str(value).strip().lower()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        if (m := re.fullmatch(r"(\d{1,2}) (\w+) (\d{4})", text)) and m[2] in _MONTHS:
            return dt.date(int(m[3]), _MONTHS.index(m[2]) + 1, int(m[1]))
    except ValueError:
        pass
    raise RowError(column, f"'{value}' bukan tanggal yang sah (tulis TTTT-BB-HH, mis. 2027-01-16)")


def _reference(session: Session, row: dict[str, Any], column: str) -> Agreement | None:
    ref = row.get(column)
    if ref is None:
        return None
    found = find_by_reference(session, str(ref))
    if found is None:
        raise RowError(column, f"naskah '{ref}' tidak ada dalam registri (tulis nomornya, atau #id)")
    return found

