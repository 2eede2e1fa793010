"""Importing recap sheets as units keep them: title rows, merged cells, two-row headers, section
headings, footer rows, unknown columns, every problem of a bad row; matching what is already in
the registry, re-import, --update, --dry-run; two imports at once on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from drafting.cli import main
from drafting.registry.db import open_registry
from drafting.registry.headers import COLUMNS, column_of
from drafting.registry.importer import import_file
from drafting.registry.models import Agreement, AgreementNumber, Kind, Level, Status

ROOT = Path(__file__).resolve().parent.parent

from .conftest import at_once


def _kanwil_sheet(path: Path) -> Path:
    """A Kantor Wilayah's recap: a merged title over two rows, a blank row, a header of two rows
    (Nomor merged over Pihak Kesatu / Pihak Kedua, the other headers merged down), a row numbering
    the columns, a section heading merged across, a Satuan Kerja merged down over two agreements,
    an unknown column, bad rows, a Jumlah row with a formula and a signature under it."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Rekap 2024"
    sheet["A1"] = "REKAPITULASI NASKAH KERJA SAMA"
    sheet.merge_cells("A1:J1")
    sheet["A2"] = "KANTOR WILAYAH KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN NUSA TENGGARA BARAT"
    sheet.merge_cells("A2:J2")
    sheet.append([])
    sheet.append(["No.", "Jenis Naskah", "Nomor", None, "Judul", "Mitra Kerja Sama", "Satker",
                  "Tanggal Penandatanganan", "Jangka Waktu", "Tautan Dokumen"])
    sheet.merge_cells("C4:D4")
    sheet.append([None, None, "Pihak Kesatu", "Pihak Kedua"])
    for column in "ABEFGHIJ":
        sheet.merge_cells(f"{column}4:{column}5")
    sheet.append(list(range(1, 11)))
    sheet.append(["A. KANTOR IMIGRASI"])
    sheet.merge_cells("A7:J7")
    sheet.append([1, "PKS", "W32.IMI-UM.01.01-1", "100/PEMDA/2023", "Paspor Simpatik", "Pemerintah Kabupaten Sumbawa",
                  "Kantor Imigrasi Kelas II TPI Sumbawa Besar", dt.datetime(2023, 3, 5), "2 (dua) tahun", "http://x/1"])
    sheet.append([2, "Perjanjian Kerja Sama", "W32.IMI-UM.01.01-2", None, "Layanan Eazy Passport",
                  "Pemerintah Kabupaten Bima", None, "5 Maret 2023", None, None])
    sheet.merge_cells("G8:G9")  # one Satuan Kerja for both
    sheet.append([3, "Perjanjian", None, None, "   ", " ", "Kantor Imigrasi Kelas I TPI Mataram", "31-02-2024",
                  "lama", None])
    sheet.append([4, "NK", None, None, "Sinergi Tugas", "Pemerintah Kota Mataram", "Kantor Wilayah NTB",
                  "2024-01-10", None, None])
    sheet.append([5, "Nota Kesepahaman", None, None, "Pengawasan Orang Asing", "Pemerintah Kota Bima",
                  "Kantor Wilayah NTB", None, None, None])
    sheet.append(["Jumlah", "=COUNTA(B8:B12)"])
    sheet.append([])
    sheet.append([None, None, None, None, None, None, "Mengetahui,"])
    sheet.append([None, None, None, None, None, None, "Kepala Kantor Wilayah"])
    book.save(path)
    return path


def test_a_kantor_wilayah_recap_imports_with_exactly_its_bad_rows_reported(tmp_path: Path) -> None:
    sessions = open_registry(tmp_path / "r.db")
    result = import_file(sessions, _kanwil_sheet(tmp_path / "rekap.xlsx"))
    table, = result.tables
    assert table.header_line == 4
    assert table.headers == {"No": "No.", "Jenis": "Jenis Naskah", "Nomor Pihak Kesatu": "Nomor Pihak Kesatu",
                             "Nomor Pihak Kedua": "Nomor Pihak Kedua", "Tentang": "Judul",
                             "Mitra": "Mitra Kerja Sama", "Satuan Kerja": "Satker",
                             "Tanggal Tanda Tangan": "Tanggal Penandatanganan", "Jangka Waktu": "Jangka Waktu"}
    assert table.skipped == [(1, "judul"), (2, "judul"), (7, "judul bagian"), (13, "baris jumlah"),
                             (15, "di bawah baris jumlah"), (16, "di bawah baris jumlah")]
    assert [(r.where, r.action) for r in result.rows] == [
        ("baris 8", "added"), ("baris 9", "added"), ("baris 10", "refused"), ("baris 11", "refused"),
        ("baris 12", "added")]
    assert [(p.line, p.path, p.message) for p in result.problems] == [
        (4, "Tautan Dokumen", "kolom J tidak dikenal, isinya tidak dimasukkan; petakan dengan --columns "
                              "'Tautan Dokumen=Kolom', atau lewati dengan --columns 'Tautan Dokumen=-'"),
        (10, "Jenis Naskah", "'Perjanjian': tidak dikenal; tulis salah satu dari Nota Kesepahaman, Perjanjian Kerja "
                             "Sama, Nota Kesepakatan, Surat Perjanjian, MoU (atau nama lain yang tercantum di README)"),
        (10, "Tanggal Penandatanganan", "'31-02-2024': bukan tanggal yang sah (tulis TTTT-BB-HH, mis. 2027-01-16, "
                                        "atau 16 Januari 2027)"),
        (10, "Jangka Waktu", "'lama': tulis mis. 5 tahun, 5 (lima) tahun atau 18 bulan"),
        (10, "Judul", "wajib diisi"),
        (10, "Mitra Kerja Sama", "wajib diisi"),
        (11, "Nomor", "naskah berstatus aktif harus bernomor; isi nomornya, atau tulis Status draft untuk naskah "
                      "yang belum ditandatangani"),
    ]
    with sessions() as s:
        first, second, draft = s.scalars(select(Agreement).order_by(Agreement.id)).all()
        assert first.number_list == ["W32.IMI-UM.01.01-1", "100/PEMDA/2023"]
        assert (first.kind, first.signing_date, first.end_date, first.status) == (
            Kind.perjanjian_kerja_sama, dt.date(2023, 3, 5), dt.date(2025, 3, 4), Status.aktif)
        assert second.unit == first.unit == "Kantor Imigrasi Kelas II TPI Sumbawa Besar"  # merged down
        assert second.signing_date == dt.date(2023, 3, 5)
        assert (draft.kind, draft.status, draft.number_list, draft.partners) == (
            Kind.nota_kesepahaman, Status.draft, [], ["Pemerintah Kota Bima"])


def test_the_cli_prints_what_it_read_and_skipped_and_exits_2_on_bad_rows(tmp_path: Path) -> None:
    source = _kanwil_sheet(tmp_path / "rekap.xlsx")
    result = CliRunner().invoke(main, ["registry", "import", str(source), "--db", str(tmp_path / "r.db")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "lembar 'Rekap 2024', judul kolom di baris 4: No. → No, Jenis Naskah → Jenis, Nomor Pihak Kesatu" \
        in result.output
    assert "baris dilewati: 1–2 (judul), 7 (judul bagian), 13 (baris jumlah), 15–16 (di bawah baris jumlah)" \
        in result.output
    assert "ditambahkan: 3 naskah; sama seperti di registri: 0; diperbarui: 0; ditolak: 2 baris" in result.output
    assert "Judul (baris 10): wajib diisi" in result.output


def _csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


# Excel in an Indonesian locale: ';' between cells, Windows-1252, a title line, headers in capitals
# with explanations in brackets, a Total line.
UPT_CSV = """\
DAFTAR PERJANJIAN KERJA SAMA KANTOR IMIGRASI KELAS I TPI MATARAM;;;;;;;
;;;;;;;
NO;JENIS;NOMOR PIHAK KESATU;NOMOR PIHAK KEDUA;PERIHAL;NAMA MITRA;UNIT KERJA;TGL PENANDATANGANAN;TANGGAL BERAKHIR (dd/mm/yyyy);STATUS
1;PKS;W32.IMI.1-UM.01.01-10;;Pelayanan Paspor di Mal Pelayanan Publik;Pemerintah Kota Mataram;Kanim Mataram;19/06/2023;18/06/2026;berlaku
2;pks;;;Pendataan Orang Asing;Pemerintah Kabupaten Lombok Barat;Kanim Mataram;1 Agustus 2023;;aktif
3;MoU;W32.IMI.1-UM.01.01-11;;Promosi Wisata;   ;Kanim Mataram;2023-09-01;2025-08-31;aktif
4;Nota Kesepakatan;W32.IMI.1-UM.01.01-12;B/12/2024;Kawasan Ekonomi Khusus Mandalika – Pengawasan;PT Pengembangan Pariwisata Indonesia;Kanim Mataram;10.01.2024;09.01.2027;aktif
TOTAL;4;;;;;;
"""


def test_a_semicolon_csv_in_windows_1252_with_capital_headers(tmp_path: Path) -> None:
    sessions = open_registry(tmp_path / "r.db")
    result = import_file(sessions, _csv(tmp_path / "upt.csv", UPT_CSV, "cp1252"))
    assert result.tables[0].header_line == 3
    assert [(r.where, r.action) for r in result.rows] == [
        ("baris 4", "added"), ("baris 5", "refused"), ("baris 6", "refused"), ("baris 7", "added")]
    assert [(p.line, p.path, p.message[:40]) for p in result.problems] == [
        (5, "Nomor", "naskah berstatus aktif harus bernomor; i"),
        (6, "NAMA MITRA", "wajib diisi")]
    assert result.tables[0].skipped == [(1, "judul"), (8, "baris jumlah")]
    with sessions() as s:
        mpp, kek = s.scalars(select(Agreement).order_by(Agreement.id)).all()
        assert (mpp.status, mpp.end_date) == (Status.aktif, dt.date(2026, 6, 18))
        assert kek.tentang == "Kawasan Ekonomi Khusus Mandalika – Pengawasan"  # the en dash, from cp1252
        assert kek.number_list == ["W32.IMI.1-UM.01.01-12", "B/12/2024"] and kek.kind is Kind.nota_kesepakatan


def test_several_sheets_section_headings_in_the_first_column_and_a_formula_footer(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    first = book.active
    first.title = "Grafik"
    first.append(["Jumlah naskah per tahun"])
    for year, unit in (("2023", "Kantor Imigrasi Kelas I Khusus TPI Soekarno-Hatta"), ("2024", "Rudenim Jakarta")):
        sheet = book.create_sheet(year)
        sheet.append(["NO", "JENIS", "NOMOR", "TENTANG", "MITRA", "SATUAN KERJA", "TINGKAT", "STATUS"])
        sheet.append(["I. PUSAT"])
        sheet.append([1, "MoU", f"M-{year}", "Kerja sama pelatihan", "IOM", unit, "UPT", "draft"])
        sheet.append([None, None, None, None, None, None, None, "=COUNTA(B3:B3)"])
    book.save(tmp_path / "tahunan.xlsx")
    sessions = open_registry(tmp_path / "r.db")
    result = import_file(sessions, tmp_path / "tahunan.xlsx")
    assert result.passed_sheets == ["Grafik"] and result.problems == []
    assert [(t.sheet, t.skipped) for t in result.tables] == [
        ("2023", [(2, "judul bagian"), (4, "baris jumlah")]), ("2024", [(2, "judul bagian"), (4, "baris jumlah")])]
    assert [r.where for r in result.rows] == ["lembar 2023, baris 3", "lembar 2024, baris 3"]
    with sessions() as s:
        assert [a.level for a in s.scalars(select(Agreement))] == [Level.upt, Level.upt]


def test_columns_maps_a_header_explicitly_and_skips_one(tmp_path: Path) -> None:
    source = _csv(tmp_path / "r.csv", "No. PKS,Bentuk Naskah,Judul,Mitra,Satker,Tautan\n"
                                      "W1,PKS,A,Mitra A,Kanim,http://x\n")
    db = str(tmp_path / "r.db")
    refused = CliRunner().invoke(main, ["registry", "import", str(source), "--db", db])
    assert refused.exit_code == 2
    assert "No. PKS (baris 1): kolom A tidak dikenal" in refused.output
    assert "Tautan (baris 1): kolom F tidak dikenal" in refused.output
    # the row went in without its number, as a draft
    again = CliRunner().invoke(main, ["registry", "import", str(source), "--db", db, "--columns", "No. PKS=Nomor",
                                      "--columns", "Tautan=-", "--update"])
    assert again.exit_code == 0, again.output
    assert "diperbarui: 1" in again.output  # the same agreement, now with its number
    assert "No. PKS → Nomor" in again.output and "dilewati atas permintaan: Tautan" in again.output
    bad = CliRunner().invoke(main, ["registry", "import", str(source), "--db", db, "--columns", "Tautan=Link"])
    assert bad.exit_code == 2 and "'Link' bukan kolom registri" in bad.output


def test_a_sheet_without_a_recognisable_header_is_refused_whole(tmp_path: Path) -> None:
    source = _csv(tmp_path / "r.csv", "a,b,c\n1,2,3\n")
    result = CliRunner().invoke(main, ["registry", "import", str(source), "--db", str(tmp_path / "r.db")])
    assert result.exit_code == 2 and "baris judul kolom tidak ditemukan dalam 20 baris pertama" in result.output


REGISTER = """\
No,Jenis,Nomor,Tentang,Mitra,Satuan Kerja,Tanggal Tanda Tangan,Status
1,PKS,W1;P1,Paspor Simpatik,Pemkab Sumbawa,Kanim Sumbawa Besar,2023-03-05,aktif
2,NK,,Sinergi  Tugas,Pemprov NTB,Kanwil NTB,,draft
"""


def test_reimport_changes_nothing_and_says_so_update_updates(registry_url: str, tmp_path: Path) -> None:
    source = _csv(tmp_path / "r.csv", REGISTER)
    runner = CliRunner()
    first = runner.invoke(main, ["registry", "import", str(source), "--db", registry_url])
    assert first.exit_code == 0 and "ditambahkan: 2 naskah" in first.output
    again = runner.invoke(main, ["registry", "import", str(source), "--db", registry_url])
    assert again.exit_code == 0
    assert "ditambahkan: 0 naskah; sama seperti di registri: 2" in again.output
    assert "tidak ada yang berubah" in again.output
    # the row without a number is the same agreement whatever the case and spaces
    _csv(source, REGISTER.replace("Sinergi  Tugas", "SINERGI TUGAS").replace("2023-03-05,aktif", "2023-03-05,berakhir"))
    changed = runner.invoke(main, ["registry", "import", str(source), "--db", registry_url])
    assert changed.exit_code == 2
    assert "ditambahkan: 0 naskah; sama seperti di registri: 0; diperbarui: 0; ditolak: 2 baris" in changed.output
    assert "Status (baris 2): naskah ini sudah terdaftar sebagai #1 dan berbeda (Status: 'aktif' di registri, " \
           "'berakhir' di baris ini); pakai --update untuk memperbarui registri" in changed.output
    assert "Tentang (baris 3): naskah ini sudah terdaftar sebagai #2 dan berbeda (Tentang: 'Sinergi Tugas' di " \
           "registri, 'SINERGI TUGAS' di baris ini)" in changed.output
    updated = runner.invoke(main, ["registry", "import", str(source), "--db", registry_url, "--update"])
    assert updated.exit_code == 0 and "diperbarui: 2" in updated.output
    with open_registry(registry_url)() as s:
        assert s.scalar(select(func.count()).select_from(Agreement)) == 2
        assert s.get(Agreement, 1).status is Status.berakhir


def test_dry_run_shows_the_import_and_stores_nothing(registry_url: str, tmp_path: Path) -> None:
    source = _csv(tmp_path / "r.csv", REGISTER + "3,PKS,W1,Nomor ganda,A,B,2024-01-01,aktif\n")
    result = CliRunner().invoke(main, ["registry", "import", str(source), "--db", registry_url, "--dry-run"])
    assert result.exit_code == 2
    assert "baris 2: ditambahkan: Paspor Simpatik" in result.output
    assert "baris 4: ditolak" in result.output and "sudah terdaftar sebagai #1" in result.output
    assert "(--dry-run, tidak ada yang disimpan) akan ditambahkan: 2 naskah" in result.output
    with open_registry(registry_url)() as s:
        assert s.scalar(select(func.count()).select_from(Agreement)) == 0


def test_a_number_is_unique_in_the_database_itself(registry_url: str) -> None:
    from sqlalchemy.exc import IntegrityError
    sessions = open_registry(registry_url)
    with pytest.raises(IntegrityError):
        with sessions.begin() as s:
            for tentang in ("a", "b"):
                record = Agreement(kind=Kind.mou, tentang=tentang, partners=[], unit="U", status=Status.aktif)
                record.numbers = [AgreementNumber(position=0, number="X-1")]
                s.add(record)


RACE = "\n".join(["No,Jenis,Nomor,Tentang,Mitra,Satuan Kerja,Status"]
                 + [f"{i},PKS,N-{i},Tentang {i},Mitra {i},Kanim,aktif" for i in range(1, 41)]
                 + [f"{i},NK,,Draf {i},Mitra {i},Kanwil,draft" for i in range(41, 61)]) + "\n"


def test_two_imports_at_once_add_each_agreement_once(registry_url: str, tmp_path: Path) -> None:
    source = _csv(tmp_path / "race.csv", RACE)
    open_registry(registry_url)  # the schema first: the race here is the rows', not the migrations'
    outputs, codes = at_once(2, ["registry", "import", str(source), "--db", registry_url], tmp_path)
    assert codes == [0, 0], outputs
    added = [int(re.search(r"ditambahkan: (\d+) naskah", o)[1]) for o in outputs]
    unchanged = [int(re.search(r"sama seperti di registri: (\d+)", o)[1]) for o in outputs]
    assert sum(added) == 60 and [a + u for a, u in zip(added, unchanged)] == [60, 60]
    with open_registry(registry_url)() as s:
        assert s.scalar(select(func.count()).select_from(Agreement)) == 60
        assert s.scalar(select(func.count()).select_from(AgreementNumber)) == 40


def test_the_readme_lists_every_recognised_header() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Importing a register"):]
    for name, others in COLUMNS.items():
        for header in (name, *others):
            assert f"`{header}`" in section, header
    assert column_of("NOMOR PIHAK KEDUA:").label == "Nomor Pihak Kedua"
    assert column_of("Tanggal Berakhir (dd/mm/yyyy)").name == "Tanggal Berakhir"
