"""Reading a register as units keep it: a CSV or XLSX file into rows of known columns.

A recap sheet rarely starts with its header: it has a title (often merged across the columns),
a blank row, sometimes a header of two rows (``Nomor`` merged over ``Pihak Kesatu`` and ``Pihak
Kedua``) and a row numbering the columns (1), (2), …; the rows may be grouped under section
headings, a Satuan Kerja may be written once in a cell merged down over its agreements, and the
table ends with a ``Jumlah`` row and the signature of whoever made it. This module finds the
header row itself, reads merged cells as the values they show, and says which rows it passed
over and why; every column whose header it does not know is reported, never dropped unsaid.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter

from ..errors import InputError, Problem
from ..limits import MAX_CELL, MAX_SHEET_BYTES, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS
from ..load import read_input
from ..office_package import EXCEL, package_problem
from .headers import FOOTER_WORDS, IGNORE, HEADERS, Column, column_of, normal

HEADER_SCAN = 20  # the header row is looked for among this many rows at the top of a sheet
MIN_HEADERS = 3  # a row is the header when at least this many of its cells are known headers


@dataclass
class SheetRow:
    line: int  # the row number the sheet shows (XLSX), or the line of the CSV file
    values: dict[str, Any]  # column label → value; empty cells are left out
    formula: bool = False


@dataclass
class Table:
    """One sheet's table: where its header is, what each column was read as, its rows."""

    sheet: str | None  # the worksheet's name (XLSX), None for CSV
    header_line: int
    headers: dict[str, str]  # column label → the header as the sheet writes it
    rows: list[SheetRow]
    unknown: list[tuple[str, str]]  # (column letter, header) not imported
    ignored: list[str]  # headers skipped on request (--columns 'X=-')
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (row, why)


@dataclass
class _Grid:
    name: str | None
    values: list[list[Any]]  # rows × columns, merged cells filled down their first column
    formulas: set[tuple[int, int]]  # (row, column) of cells holding a formula, 0-based
    across: dict[tuple[int, int], tuple[int, int]]  # first cell of a merge over columns → (last col, last row)
    lines: list[int] | None = None  # CSV: the file line each row starts on (a cell may span lines)


def read_tables(path: Path, mapping: dict[str, str] | None = None) -> tuple[list[Table], list[str]]:
    """The tables of the file (one per worksheet that has a header row) and the names of the
    worksheets passed over for having none. ``mapping``: header → column name or ``-``."""
    mapping = {normal(k): v for k, v in (mapping or {}).items()}
    grids = _grids(path)
    tables, passed = [], []
    for grid in grids:
        table = _table(grid, mapping)
        if table is None:
            passed.append(grid.name or path.name)
        else:
            tables.append(table)
    if not tables:
        known = ", ".join(HEADERS)
        raise InputError(str(path), [Problem("", f"baris judul kolom tidak ditemukan dalam {HEADER_SCAN} baris "
                                                 f"pertama{' lembar mana pun' if len(grids) > 1 else ''}: perlu "
                                                 f"sedikitnya {MIN_HEADERS} judul kolom yang dikenal ({known}); "
                                                 f"petakan judul lain dengan --columns 'Judul=Kolom'")])
    return tables, passed


def _grids(path: Path) -> list[_Grid]:
    data = read_input(path, MAX_SHEET_BYTES)  # a regular file, bounded: a FIFO or /dev/zero is refused, not read
    if path.suffix.lower() == ".xlsx":
        return _xlsx(path, data)
    if path.suffix.lower() in (".csv", ".txt"):
        return [_csv(path, data)]
    raise InputError(str(path), [Problem("", "registri dibaca dari berkas .xlsx atau .csv")])


def _xlsx(path: Path, data: bytes) -> list[_Grid]:
    if (reason := package_problem(data, EXCEL)) is not None:  # a zip or entity bomb, before openpyxl
        raise InputError(str(path), [Problem("", reason)])
    try:
        # Twice: once for the values (a formula's last computed result), once to see which cells
        # hold formulas. Not read-only: read-only workbooks know nothing of merged cells.
        values = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
        formulas = openpyxl.load_workbook(io.BytesIO(data), data_only=False)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        raise InputError(str(path), [Problem("", "buku kerja Excel ini rusak dan tidak dapat dibaca; buka dan simpan "
                                                 "ulang di Excel")]) from None
    grids = []
    for sheet, formula_sheet in zip(values.worksheets, formulas.worksheets):
        if sheet.max_row > MAX_SHEET_ROWS or sheet.max_column > MAX_SHEET_COLUMNS:
            raise InputError(str(path), [Problem("", f"lembar '{sheet.title}' terlalu besar ({sheet.max_row} baris, "
                                                     f"{sheet.max_column} kolom; paling banyak {MAX_SHEET_ROWS} dan "
                                                     f"{MAX_SHEET_COLUMNS})")])
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        marks = {(c.row - 1, c.column - 1) for r in formula_sheet.iter_rows() for c in r
                 if c.data_type == "f" or isinstance(c.value, str) and c.value.startswith("=")}
        across: dict[tuple[int, int], tuple[int, int]] = {}
        for merged in sheet.merged_cells.ranges:
            top, left, bottom, right = merged.min_row - 1, merged.min_col - 1, merged.max_row - 1, merged.max_col - 1
            if top >= len(rows):
                continue
            first = rows[top][left]
            for r in range(top + 1, min(bottom, len(rows) - 1) + 1):  # down: the value it shows each row
                rows[r][left] = first
            if right > left:
                across[(top, left)] = (right, bottom)
        grids.append(_Grid(sheet.title, rows, marks, across))
    return grids


def _csv(path: Path, raw: bytes) -> _Grid:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # Excel on Windows saves CSV so
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text))
    rows, lines, start = [], [], 1
    try:
        for row in reader:
            rows.append(row)
            lines.append(start)
            start = reader.line_num + 1
            if len(rows) > MAX_SHEET_ROWS or len(row) > MAX_SHEET_COLUMNS:
                raise InputError(str(path), [Problem("", f"berkas terlalu besar (paling banyak {MAX_SHEET_ROWS} baris "
                                                         f"dan {MAX_SHEET_COLUMNS} kolom)")])
    except csv.Error as exc:
        raise InputError(str(path), [Problem("", f"CSV tidak sah: {exc}", reader.line_num)]) from None
    return _Grid(None, rows, set(), {}, lines)


def _delimiter(text: str) -> str:
    """',' or ';' (Excel in an Indonesian locale saves CSV with ';') or tab: the one under which
    the top of the file has the most known headers in one row."""
    top = "\n".join(text.splitlines()[:HEADER_SCAN])

    def known(delimiter: str) -> int:
        try:
            rows = list(csv.reader(io.StringIO(top), delimiter=delimiter))
        except csv.Error:
            return 0
        return max((sum(column_of(cell) is not None for cell in row) for row in rows), default=0)
    return max((",", ";", "\t"), key=known)


def _line(grid: _Grid, index: int) -> int:
    """The row as the keeper sees it: its number in the sheet, or its line in the CSV file."""
    return grid.lines[index] if grid.lines is not None else index + 1


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _header_cells(grid: _Grid, r: int) -> list[str]:
    """Row ``r`` read as a header: a cell merged across columns names each of them."""
    cells = [_text(v) for v in grid.values[r]]
    for (top, left), (right, bottom) in grid.across.items():
        if top <= r <= bottom:
            for c in range(left, min(right + 1, len(cells))):
                cells[c] = _text(grid.values[top][left])
    return cells


def _resolve(header: str, mapping: dict[str, str]) -> Column | None | str:
    """A header's column: as mapped by the keeper, else as known; IGNORE; or None if unknown."""
    target = mapping.get(normal(header))
    if target is None:
        return column_of(header)
    return IGNORE if target.strip() == IGNORE else column_of(target)


def _table(grid: _Grid, mapping: dict[str, str]) -> Table | None:
    header = next((r for r in range(min(HEADER_SCAN, len(grid.values)))
                   if len({c for h in _header_cells(grid, r) if h and isinstance(c := _resolve(h, mapping), Column)})
                   >= MIN_HEADERS), None)
    if header is None:
        return None
    cells = _header_cells(grid, header)
    first_data = header + 1
    # A header of two rows: under a cell merged across columns, the row below names each column.
    spans = [(left, right) for (top, left), (right, bottom) in grid.across.items() if top == header and bottom == top]
    if spans and first_data < len(grid.values):
        below = [_text(v) for v in grid.values[first_data]]
        if all(below[c] for left, right in spans for c in range(left, min(right + 1, len(below)))):
            for left, right in spans:
                for c in range(left, min(right + 1, len(cells))):
                    cells[c] = f"{cells[c]} {below[c]}"
            first_data += 1
    if first_data < len(grid.values) and _numbering_row(grid.values[first_data]):
        first_data += 1

    columns: dict[int, str] = {}  # index → label
    headers: dict[str, str] = {}
    unknown, ignored = [], []
    for c, text in enumerate(cells):
        if not text:
            continue
        resolved = _resolve(text, mapping)
        if resolved == IGNORE:
            ignored.append(text)
        elif isinstance(resolved, Column):
            if resolved.label in headers:
                raise InputError(grid.name or "", [Problem(
                    "", f"dua kolom dibaca sebagai {resolved.label}: '{headers[resolved.label]}' dan '{text}'; "
                        f"pilih satu, mis. --columns '{text}=-'", _line(grid, header))])
            columns[c] = resolved.label
            headers[resolved.label] = text
        else:
            unknown.append((get_column_letter(c + 1), text))

    table = Table(grid.name, _line(grid, header), headers, [], unknown, ignored)
    table.skipped += [(_line(grid, r), "judul") for r in range(header) if any(_text(v) for v in grid.values[r])]
    ended = False
    for r in range(first_data, len(grid.values)):
        raw = grid.values[r]
        line = _line(grid, r)
        # a formula counts even without a value: a file written by a program has none cached
        filled = [(c, v) for c, v in enumerate(raw) if _text(v) or (r, c) in grid.formulas]
        if not filled:
            continue
        if ended:
            table.skipped.append((line, "di bawah baris jumlah"))
            continue
        values = {columns[c]: _clean(v) for c, v in filled if c in columns}
        formula = any((r, c) in grid.formulas for c, _ in filled)
        if normal(_text(filled[0][1])).startswith(FOOTER_WORDS) or formula and "Tentang" not in values:
            table.skipped.append((line, "baris jumlah"))
            ended = True
        elif _section(grid, r, filled, values):
            table.skipped.append((line, "judul bagian"))
        else:
            table.rows.append(SheetRow(line, values, formula))
    return table


def _numbering_row(row: list[Any]) -> bool:
    """The row under a header that numbers the columns: 1, 2, 3 … or (1), (2), (3) …"""
    cells = [_text(v).strip("()") for v in row if _text(v)]
    return len(cells) >= MIN_HEADERS and all(c.isdigit() for c in cells) and \
        [int(c) for c in cells] == list(range(int(cells[0]), int(cells[0]) + len(cells)))


def _section(grid: _Grid, r: int, filled: list[tuple[int, Any]], values: dict[str, Any]) -> bool:
    """A heading that groups the rows below it ('A. KANTOR WILAYAH NTB'): one value in the row,
    merged across columns, or alone in the first column, or a 'No' with nothing beside it."""
    if len({_text(v) for _, v in filled}) > 1:
        return False
    c = filled[0][0]
    return (r, c) in grid.across or c == 0 or set(values) == {"No"}


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return value[:MAX_CELL + 1] or None
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()
    return value
