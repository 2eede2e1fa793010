"""Importing a register into the registry: each row read, checked, matched, and added, left alone,
or updated.

Every problem of a row is reported (the row as the sheet numbers it, the column as the sheet
heads it, the value, the reason), and the good rows still go in, each in its own transaction, so
nothing is ever half-written. A row names an agreement already in the registry when it shares a
number with it, or, having no number, when kind, Satuan Kerja, Mitra, tentang and signing date
agree: such a row changes nothing if it says what the registry says, is refused if it says
something else, and updates the registry with ``update``. The numbers' unique index and the
identity key make this hold when two imports run at once: the second waits, or fails on the
index and is matched on its retry.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from dateutil.relativedelta import relativedelta
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from ..errors import InputError, Problem
from ..limits import MAX_CELL
from ..load import load_agreement, read_text
from .adenda import append as append_adendum
from .db import drafting_version
from .headers import KINDS, LEVELS, NUMBER_COLUMN, REQUIRED, STATUSES, normal
from .models import KIND_LABELS, LEVEL_LABELS, Agreement, Status
from .records import (change_status, fields_from_input, find_by_reference, identity_key, input_json,
                      normal_number, same_agreement, set_input, set_numbers, sha256_of)
from .sheet import SheetRow, Table, read_tables

SEPARATORS = re.compile(r"\s*[;\n]\s*")  # between several numbers or Mitra in one cell
_MONTHS = {"januari": 1, "jan": 1, "january": 1, "februari": 2, "feb": 2, "pebruari": 2, "february": 2,
           "maret": 3, "mar": 3, "march": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6, "jun": 6,
           "june": 6, "juli": 7, "jul": 7, "july": 7, "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8,
           "august": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "october": 10,
           "november": 11, "nov": 11, "nopember": 11, "desember": 12, "des": 12, "dec": 12, "december": 12}
# Row columns compared with the registry, as (column, attribute of Agreement).
_COMPARED = (("Jenis", "kind"), ("Tentang", "tentang"), ("Mitra", "partners"), ("Satuan Kerja", "unit"),
             ("Tingkat", "level"), ("Tanggal Tanda Tangan", "signing_date"), ("Tanggal Berakhir", "end_date"),
             ("Status", "status"), ("Ruang Lingkup", "scope"), ("Rencana Strategis", "strategic_plan"),
             ("Urgensi", "urgency"), ("Dukungan", "support"), ("Keterangan", "remarks"),
             ("Nota Kesepahaman Induk", "parent"), ("Naskah Pendahulu", "predecessor"),
             ("Berkas Isian", "input_sha256"))
_ATTRIBUTE = dict(_COMPARED)
ADENDA = "Berkas Adendum"

Action = Literal["added", "unchanged", "updated", "refused"]


@dataclass
class RowOutcome:
    where: str  # "baris 7", or "lembar 2023, baris 7" when the file has several tables
    action: Action
    id: int | None = None
    changes: list[str] = field(default_factory=list)  # the columns that differ from the registry
    tentang: str = ""


@dataclass
class ImportResult:
    tables: list[Table]
    passed_sheets: list[str]  # worksheets without a header row
    rows: list[RowOutcome] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # path = column, line = row in the sheet
    dry_run: bool = False

    def ids(self, action: Action) -> list[int]:
        return [r.id for r in self.rows if r.action == action and r.id is not None]

    @property
    def added(self) -> list[int]:
        return self.ids("added")


class NotAllTaken(InputError):
    """Rows or columns of a sheet that the import did not take, each with its reason (exit 2)."""

    def describe(self) -> str:
        return "\n".join([f"{self.source}: tidak semua dimasukkan ({len(self.problems)} masalah)"]
                         + [f"  - {p.describe()}" for p in self.problems])


class _Refused(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__(problems)
        self.problems = problems


def import_file(sessions: sessionmaker[Session], path: Path, *, columns: dict[str, str] | None = None,
                update: bool = False, dry_run: bool = False) -> ImportResult:
    tables, passed = read_tables(path, columns)
    result = ImportResult(tables, passed, dry_run=dry_run)
    several = len(tables) > 1
    for table in tables:
        prefix = f"{table.sheet}: " if several else ""
        result.problems += [
            Problem(f"{prefix}{header}", f"kolom {letter} tidak dikenal, isinya tidak dimasukkan; petakan dengan "
                                         f"--columns '{header}=Kolom', atau lewati dengan --columns '{header}=-'",
                    table.header_line) for letter, header in table.unknown]
    by_no: dict[str, int] = {}  # the sheet's own No → registry id, for '#No' references of an export
    if dry_run:
        with sessions() as session:
            try:
                for table in tables:
                    for row in table.rows:
                        with session.begin_nested():
                            _one(session, path.parent, table, row, update, by_no, result, several)
            finally:
                session.rollback()
        return result
    for table in tables:
        for row in table.rows:
            for attempt in (1, 2):
                try:
                    with sessions.begin() as session:
                        _one(session, path.parent, table, row, update, by_no, result, several)
                    break
                except IntegrityError:
                    # another import added the same agreement between our look-up and our insert:
                    # the retry finds it and matches it
                    if attempt == 2:
                        raise
    return result


def _one(session: Session, base: Path, table: Table, row: SheetRow, update: bool, by_no: dict[str, int],
         result: ImportResult, several: bool) -> None:
    where = f"lembar {table.sheet}, baris {row.line}" if several else f"baris {row.line}"
    reader = _Reader(base, table, row, session, by_no, f"{table.sheet}: " if several else "")
    try:
        outcome = _apply(session, reader, update)
    except _Refused as exc:  # refused before anything was written
        result.problems += exc.problems
        result.rows.append(RowOutcome(where, "refused", tentang=str(row.values.get("Tentang") or "")))
        return
    outcome.where = where
    result.rows.append(outcome)
    if row.values.get("No") is not None and outcome.id is not None:
        by_no[str(row.values["No"]).strip()] = outcome.id


def _apply(session: Session, reader: _Reader, update: bool) -> RowOutcome:
    given = reader.fields()
    record = reader.match(given)
    reader.finish()
    if record is None:
        return RowOutcome("", "added", _insert(session, given).id, tentang=given["tentang"])
    changes = [column for column, name in _COMPARED if name in given and _differs(record, name, given[name])]
    if "numbers" in given and record.number_list != given["numbers"]:
        changes.insert(0, NUMBER_COLUMN)
    if "adenda" in given:
        held = [a.input_json for a in record.adenda]
        if [input_json(x) for x in given["adenda"][:len(held)]] != held:  # a signed adendum is never rewritten
            reader.refuse(ADENDA, "", f"adendum naskah #{record.id} yang tercatat di registri berbeda dari berkas "
                                      f"adendum baris ini; adendum yang telah tercatat tidak diubah melalui impor")
            reader.finish()
        if len(given["adenda"]) > len(held):
            changes.append(ADENDA)
    if not changes:
        return RowOutcome("", "unchanged", record.id, tentang=record.tentang)
    if not update:
        differences = "; ".join(f"{c}: {_shown(record, c)} di registri, {_shown(given, c)} di baris ini"
                                for c in changes)
        reader.refuse(changes[0], "", f"naskah ini sudah terdaftar sebagai #{record.id} dan berbeda ({differences}); "
                                      f"pakai --update untuk memperbarui registri")
        reader.finish()
    _update(record, given)
    return RowOutcome("", "updated", record.id, changes, record.tentang)


def _shown(source: Agreement | dict[str, Any], column: str) -> str:
    """A value as the difference message shows it: the registry's, or the row's."""
    if column == ADENDA:
        count = len(source.get("adenda", []) if isinstance(source, dict) else source.adenda)
        return f"{count} adendum"
    name = "numbers" if column == NUMBER_COLUMN else _ATTRIBUTE[column]
    value = source.get(name) if isinstance(source, dict) else \
        (source.number_list if name == "numbers" else getattr(source, name))
    if isinstance(value, Agreement):
        value = f"#{value.id}"
    elif isinstance(value, list):
        value = "; ".join(value)
    elif value in KIND_LABELS or value in LEVEL_LABELS:
        value = {**KIND_LABELS, **LEVEL_LABELS}[value]
    elif isinstance(value, Status):
        value = value.value
    elif name == "input_sha256":
        value = f"isian {str(value)[:12]}…" if value else None
    return f"'{str(value)[:60]}'" if value not in (None, "") else "kosong"


def _differs(record: Agreement, name: str, value: Any) -> bool:
    return getattr(record, name) is not value if name in ("parent", "predecessor") else getattr(record, name) != value


def _insert(session: Session, given: dict[str, Any]) -> Agreement:
    fields = dict(given)
    numbers = fields.pop("numbers", [])
    agreement, text = fields.pop("input", (None, None))
    fields.pop("input_sha256", None)
    adenda = fields.pop("adenda", [])
    fields.setdefault("status", Status.aktif if fields.get("signing_date") else Status.draft)
    record = Agreement(**fields)
    for changed in adenda:
        append_adendum(record, changed)
    if agreement is not None:
        set_input(record, agreement, text)
        record.drafting_version = drafting_version()
    if not numbers:
        record.identity_key = _key(fields)
    set_numbers(record, numbers)
    session.add(record)
    session.flush()
    return record


def _update(record: Agreement, given: dict[str, Any]) -> None:
    fields = dict(given)
    for changed in fields.pop("adenda", [])[len(record.adenda):]:  # those the registry has not yet
        append_adendum(record, changed)
    if "numbers" in fields:
        set_numbers(record, fields.pop("numbers"))
        record.identity_key = None if record.numbers else record.identity_key
    if "input" in fields:
        set_input(record, *fields.pop("input"))
        fields.pop("input_sha256")
        record.drafting_version = drafting_version()
    status = fields.pop("status", None)
    for name, value in fields.items():
        setattr(record, name, value)
    if status is not None and status is not record.status:
        change_status(record, status)


def _key(fields: dict[str, Any]) -> str:
    return identity_key(fields["kind"], fields["unit"], fields["partners"], fields["tentang"], fields.get("signing_date"))


class _Reader:
    """One row's fields, with every problem found on the way (rather than only the first)."""

    def __init__(self, base: Path, table: Table, row: SheetRow, session: Session, by_no: dict[str, int],
                 prefix: str):
        self.base, self.table, self.row, self.session, self.by_no, self.prefix = \
            base, table, row, session, by_no, prefix
        self.problems: list[Problem] = []
        self.refused: set[str] = set()  # the columns already reported

    def refuse(self, column: str, value: Any, reason: str) -> None:
        self.refused.add(column)
        header = self.table.headers.get(column, column)
        shown = f"'{str(value)[:80]}': " if value not in (None, "") else ""
        self.problems.append(Problem(f"{self.prefix}{header}", f"{shown}{reason}", self.row.line))

    def finish(self) -> None:
        if self.problems:
            raise _Refused(self.problems)

    def get(self, column: str) -> Any:
        return self.row.values.get(column)

    def text(self, column: str) -> str | None:
        value = self.get(column)
        if value is None:
            return None
        text = re.sub(r"\s+", " ", str(value)).strip()
        if len(text) > MAX_CELL:
            self.refuse(column, text, f"lebih dari {MAX_CELL} karakter")
            return None
        return text or None

    def choice(self, column: str, words: dict[str, Any]) -> Any:
        value = self.text(column)
        if value is None:
            return None
        found = words.get(normal(value))
        if found is None:
            shown = dict.fromkeys({**KIND_LABELS, **LEVEL_LABELS}.get(v, v.value) for v in words.values())
            self.refuse(column, value, f"tidak dikenal; tulis salah satu dari {', '.join(shown)} (atau nama lain "
                                       f"yang tercantum di README)")
        return found

    def parts(self, column: str) -> list[str]:
        value = self.get(column)
        return [p for p in (re.sub(r"\s+", " ", s).strip() for s in SEPARATORS.split(str(value))) if p] \
            if value is not None else []

    def date(self, column: str) -> dt.date | None:
        value = self.get(column)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        parsed = parse_date(str(value))
        if parsed is None:
            self.refuse(column, value, "bukan tanggal yang sah (tulis TTTT-BB-HH, mis. 2027-01-16, atau 16 Januari "
                                       "2027)")
        return parsed

    def numbers(self) -> list[str]:
        numbers = self.parts(NUMBER_COLUMN)
        for label in sorted((k for k in self.row.values if k.startswith(f"{NUMBER_COLUMN} Pihak")),
                            key=lambda k: list(self.table.headers).index(k)):
            numbers += self.parts(label)
        seen: list[str] = []
        for number in map(normal_number, numbers):
            if number in seen:
                self.refuse(NUMBER_COLUMN, number, "nomor yang sama ditulis dua kali")
            elif number.strip("-–— ") and number.lower() not in ("belum ada", "tidak ada"):
                seen.append(number)
        return seen

    def reference(self, column: str) -> Agreement | None:
        ref = self.text(column)
        if ref is None:
            return None
        if ref.startswith("#") and ref[1:] in self.by_no:  # an export's '#No': a row of this same sheet
            return self.session.get(Agreement, self.by_no[ref[1:]])
        found = find_by_reference(self.session, ref)
        if found is None:
            self.refuse(column, ref, "naskah itu tidak ada dalam registri (tulis nomornya, atau #id)")
        return found

    def input(self) -> tuple[Any, str] | None:
        name = self.text("Berkas Isian")
        if name is None:
            return None
        loaded = self._load("Berkas Isian", name)
        if loaded is None:
            return None
        agreement, text = loaded
        expected = self.text("SHA-256 Isian")
        if expected and expected.lower() != sha256_of(text):
            self.refuse("Berkas Isian", name, "isinya berbeda dari saat diekspor (SHA-256 tidak sama); kosongkan "
                                              "kolom SHA-256 Isian jika perubahan itu disengaja")
        return agreement, text

    def adenda(self, has_input: bool) -> list[Any] | None:
        """The inputs of ``Berkas Adendum``, in order: each the agreement as that adendum changed it."""
        names = self.parts(ADENDA)
        if not names:
            return None
        if not has_input:
            self.refuse(ADENDA, "; ".join(names), "adendum tanpa Berkas Isian naskah yang diubahnya")
            return None
        loaded = [self._load(ADENDA, name) for name in names]
        return [x[0] for x in loaded if x is not None]

    def _load(self, column: str, name: str) -> tuple[Any, str] | None:
        path = self.base / name
        try:
            text = read_text(path)  # bounded, a regular file only: a FIFO named here would hang the import
            agreement = load_agreement(path)
        except OSError as exc:
            self.refuse(column, name, f"tidak dapat dibaca ({exc.strerror})")
            return None
        except InputError as exc:
            first = exc.problems[0].describe() if exc.problems else ""
            more = f" (dan {len(exc.problems) - 1} masalah lain)" if len(exc.problems) > 1 else ""
            self.refuse(column, name, f"isian tidak sah: {first}{more}")
            return None
        except UnicodeDecodeError:
            self.refuse(column, name, "bukan teks UTF-8")
            return None
        return agreement, text

    def fields(self) -> dict[str, Any]:
        """What the row says, then what its input says where the row is silent."""
        given: dict[str, Any] = {}
        readers: dict[str, Callable[[], Any]] = {
            "kind": lambda: self.choice("Jenis", KINDS), "tentang": lambda: self.text("Tentang"),
            "partners": lambda: self.parts("Mitra"), "unit": lambda: self.text("Satuan Kerja"),
            "level": lambda: self.choice("Tingkat", LEVELS), "numbers": self.numbers,
            "signing_date": lambda: self.date("Tanggal Tanda Tangan"), "end_date": lambda: self.date("Tanggal Berakhir"),
            "status": lambda: self.choice("Status", STATUSES), "scope": lambda: self.text("Ruang Lingkup"),
            "strategic_plan": lambda: self.text("Rencana Strategis"), "urgency": lambda: self.text("Urgensi"),
            "support": lambda: self.text("Dukungan"), "remarks": lambda: self.text("Keterangan"),
            "parent": lambda: self.reference("Nota Kesepahaman Induk"),
            "predecessor": lambda: self.reference("Naskah Pendahulu"),
        }
        for name, read in readers.items():
            value = read()
            if value not in (None, []):
                given[name] = value
        term = self.term()
        if "end_date" not in given and "signing_date" in given and term is not None:
            given["end_date"] = given["signing_date"] + term - relativedelta(days=1)
        loaded = self.input()
        if loaded is not None:
            from_input = fields_from_input(loaded[0])
            given = {k: v for k, v in from_input.items() if v not in (None, [])} | given  # the sheet wins
            given["input"] = loaded
            given["input_sha256"] = sha256_of(loaded[1])
        adenda = self.adenda(loaded is not None)
        if adenda is not None:
            given["adenda"] = adenda
        for column in REQUIRED:
            if _ATTRIBUTE[column] not in given and column not in self.refused:
                self.refuse(column, None, "wajib diisi")
        status = given.get("status") or (Status.aktif if given.get("signing_date") else Status.draft)
        if status is not Status.draft and not given.get("numbers"):
            self.refuse(NUMBER_COLUMN, None, f"naskah berstatus {status.value} harus bernomor; isi nomornya, atau "
                                             f"tulis Status draft untuk naskah yang belum ditandatangani")
        if given.get("end_date") and given.get("signing_date") and given["end_date"] <= given["signing_date"]:
            self.refuse("Tanggal Berakhir", given["end_date"], f"tidak sesudah tanggal tanda tangan "
                                                               f"{given['signing_date']}")
        return given

    def term(self) -> relativedelta | None:
        """``Jangka Waktu`` as ``5 tahun``, ``5 (lima) tahun``, ``2 tahun 6 bulan``, ``18 bulan``."""
        value = self.text("Jangka Waktu")
        if value is None:
            return None
        found = re.findall(r"(\d+)\s*(?:\([^)]*\)\s*)?(tahun|bulan)", value.lower())
        if not found:
            self.refuse("Jangka Waktu", value, "tulis mis. 5 tahun, 5 (lima) tahun atau 18 bulan")
            return None
        return relativedelta(**{("years" if unit == "tahun" else "months"): int(n) for n, unit in found})

    def match(self, given: dict[str, Any]) -> Agreement | None:
        """The agreement this row names: by its numbers, else by what names one without numbers."""
        owners: dict[int, Agreement] = {}
        for number in given.get("numbers", []):
            found = find_by_reference(self.session, number)
            if found is not None:
                owners[found.id] = found
        if len(owners) > 1:
            self.refuse(NUMBER_COLUMN, "; ".join(given["numbers"]),
                        "nomor-nomor ini milik naskah yang berbeda dalam registri: "
                        + ", ".join(f"#{a.id}" for a in owners.values()))
            return None
        if owners:
            return next(iter(owners.values()))
        if self.problems or not {"kind", "unit", "partners", "tentang"} <= given.keys():
            return None
        return same_agreement(self.session, given["kind"], given["unit"], given["partners"], given["tentang"],
                              given.get("signing_date"))


def parse_date(text: str) -> dt.date | None:
    """2023-06-19, 19-06-2023, 19/06/2023, 19.06.2023, 19 Juni 2023, 19-Jun-2023, or None."""
    text = re.sub(r"\s+", " ", text.strip().lower())
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t]00:00(?::00)?)?", text):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        if (m := re.fullmatch(r"(\d{1,2})[ -]([a-z]+)\.?[ -](\d{4})", text)) and m[2] in _MONTHS:
            return dt.date(int(m[3]), _MONTHS[m[2]], int(m[1]))
    except ValueError:
        return None
    return None
