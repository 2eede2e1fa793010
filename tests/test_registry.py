"""The registry database: schema from the migrations, the input stored and read back, import and
export of a unit's register as CSV and XLSX, bad rows reported and the good ones kept."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from click.testing import CliRunner
from sqlalchemy import inspect, select, text

from drafting.cli import main
from drafting.load import load_agreement
from drafting.registry.db import open_registry, url_of
from drafting.registry.models import Agreement, Base, Kind, Level, Status
from drafting.registry.records import find_by_reference, input_of, register
from drafting.registry.exporter import export_file
from drafting.registry.headers import HEADERS
from drafting.registry.importer import import_file

EXAMPLES = Path(__file__).parent.parent / "examples"
BPJS = EXAMPLES / "pks_bpjs_ketenagakerjaan_imigrasi.yaml"

from .conftest import at_once


def test_open_creates_the_schema_through_the_migrations_and_reopens(tmp_path: Path) -> None:
    sessions = open_registry(tmp_path / "r.db")
    engine = sessions.kw["bind"]
    assert {"agreements", "agreement_numbers", "generated_files", "adenda", "alembic_version"} <= set(
        inspect(engine).get_table_names())
    with engine.connect() as c:
        assert c.execute(text("select version_num from alembic_version")).scalar_one() == "0003"
    with sessions.begin() as s:
        s.add(Agreement(kind=Kind.mou, tentang="x", partners=[], unit="U", status=Status.draft))
    with open_registry(tmp_path / "r.db")() as s:  # a second open migrates nothing and keeps the rows
        assert s.scalars(select(Agreement)).one().kind is Kind.mou


def test_the_migrations_build_exactly_the_schema_of_the_models(tmp_path: Path) -> None:
    engine = open_registry(tmp_path / "r.db").kw["bind"]
    with engine.connect() as c:
        assert compare_metadata(MigrationContext.configure(c), Base.metadata) == []


def test_db_location_is_a_path_or_a_url(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert url_of("postgresql+psycopg://u@host/reg") == "postgresql+psycopg://u@host/reg"
    assert url_of(tmp_path / "a.db") == f"sqlite:///{tmp_path / 'a.db'}"
    monkeypatch.setenv("DRAFTING_DB", str(tmp_path / "env.db"))
    assert url_of(None) == f"sqlite:///{tmp_path / 'env.db'}"


def test_registered_input_is_stored_and_rendered_from(tmp_path: Path) -> None:
    sessions = open_registry(tmp_path / "r.db")
    agreement = load_agreement(BPJS)
    with sessions.begin() as s:
        record = register(s, agreement, level=Level.unit_eselon_i)
    with sessions() as s:
        record = s.get(Agreement, record.id)
        assert record.kind is Kind.perjanjian_kerja_sama and record.status is Status.aktif
        assert record.unit == "Direktorat Jenderal Imigrasi"
        assert record.partners == ["Badan Penyelenggara Jaminan Sosial Ketenagakerjaan"]
        assert record.number_list == ["PER/188/062023", "IMI-GR.05.01-0158"]
        assert record.signing_date == dt.date(2023, 6, 19)
        assert input_of(record) == agreement
        assert find_by_reference(s, "IMI-GR.05.01-0158") is record
        assert find_by_reference(s, f"#{record.id}") is record
        assert record.drafting_version


def _write_csv(path: Path, rows: list[list[str]]) -> Path:
    import csv
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    return path


GOOD_AND_BAD = [
    ["No", "Jenis", "Nomor", "Judul", "Mitra", "Satuan Kerja", "Tingkat", "Tanggal Tanda Tangan",
     "Tanggal Berakhir", "Status", "Nota Kesepahaman Induk"],
    ["1", "Nota Kesepahaman", "M.HH-01.KS.01-01", "Sinergi Tugas", "Pemprov NTB", "Kementerian", "Kementerian",
     "2022-01-10", "10/01/2027", "", ""],
    ["2", "PKS", "W32.IMI-1; 100/PEMDA", "Paspor Simpatik", "Pemkab Sumbawa", "Kantor Imigrasi Sumbawa Besar",
     "UPT", "5 Maret 2023", "2025-03-04", "aktif", "M.HH-01.KS.01-01"],
    ["3", "Perjanjian", "X-1", "Salah jenis", "A", "B", "UPT", "", "", "", ""],
    ["4", "MoU", "X-2", "Tanggal salah", "A", "B", "UPT", "31-02-2024", "", "", ""],
    ["5", "MoU", "X-3", "", "A", "B", "UPT", "", "", "", ""],
    ["6", "Nota Kesepakatan", "X-4", "Induk tidak ada", "A", "B", "Kanwil", "", "", "", "TIDAK-ADA"],
    ["7", "Surat Perjanjian", "X-5", "Berakhir sebelum mulai", "A", "B", "UPT", "2024-01-01", "2023-01-01", "", ""],
    ["8", "PKS", "W32.IMI-1", "Nomor ganda", "A", "B", "UPT", "", "", "", ""],
    ["9", "MoU", "X-6", "Status salah", "A", "B", "UPT", "", "", "usai", ""],
]


def test_import_keeps_good_rows_and_reports_each_bad_row_with_its_row_number(tmp_path: Path) -> None:
    sessions = open_registry(tmp_path / "r.db")
    result = import_file(sessions, _write_csv(tmp_path / "reg.csv", GOOD_AND_BAD))
    assert len(result.added) == 2
    assert [(p.line, p.path) for p in result.problems] == [
        (4, "Jenis"), (5, "Tanggal Tanda Tangan"), (6, "Judul"), (7, "Nota Kesepahaman Induk"),
        (8, "Tanggal Berakhir"), (9, "Nomor"), (10, "Status")]
    assert "'Perjanjian': tidak dikenal" in result.problems[0].message
    assert "sudah terdaftar sebagai #2" in result.problems[5].message
    with sessions() as s:
        nk, pks = s.scalars(select(Agreement).order_by(Agreement.id)).all()
        assert (nk.kind, nk.status, nk.end_date) == (Kind.nota_kesepahaman, Status.aktif, dt.date(2027, 1, 10))
        assert (pks.kind, pks.level, pks.signing_date) == (Kind.perjanjian_kerja_sama, Level.upt, dt.date(2023, 3, 5))
        assert pks.number_list == ["W32.IMI-1", "100/PEMDA"] and pks.parent is nk
        assert s.scalar(select(Agreement).where(Agreement.tentang == "Salah jenis")) is None


def test_import_cli_reports_bad_rows_and_exits_2(tmp_path: Path) -> None:
    source = _write_csv(tmp_path / "reg.csv", GOOD_AND_BAD)
    result = CliRunner().invoke(main, ["registry", "import", str(source), "--db", str(tmp_path / "r.db")])
    assert result.exit_code == 2
    assert "ditambahkan: 2 naskah; sama seperti di registri: 0; diperbarui: 0; ditolak: 7 baris" in result.output
    assert "Jenis (baris 4): 'Perjanjian': tidak dikenal" in result.output
    assert "Traceback" not in result.output


def test_rows_of_a_sheet_without_a_required_column_are_refused_each(tmp_path: Path) -> None:
    source = _write_csv(tmp_path / "reg.csv", [["No", "Nomor", "Jenis", "Tentang", "Mitra"], ["1", "X", "PKS", "A", "B"]])
    result = CliRunner().invoke(main, ["registry", "import", str(source), "--db", str(tmp_path / "r.db")])
    assert result.exit_code == 2 and "Satuan Kerja (baris 2): wajib diisi" in result.output


def test_xlsx_import_with_date_cells_and_an_input_file(tmp_path: Path) -> None:
    (tmp_path / "isian").mkdir()
    (tmp_path / "isian" / "bpjs.yaml").write_text(BPJS.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "isian" / "rusak.yaml").write_text("kind: pks\n", encoding="utf-8")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["No", "Jenis", "Satuan Kerja", "Tentang", "Tingkat", "Tanggal Berakhir", "Berkas Isian"])
    sheet.append([1, "PKS", "Direktorat Kerja Sama Keimigrasian", None, "Unit Eselon I",
                  dt.datetime(2028, 6, 18), "isian/bpjs.yaml"])
    sheet.append([2, "PKS", "Kanim", "Rusak", "UPT", None, "isian/rusak.yaml"])
    book.save(tmp_path / "reg.xlsx")
    sessions = open_registry(tmp_path / "r.db")
    result = import_file(sessions, tmp_path / "reg.xlsx")
    assert len(result.added) == 1
    assert result.problems[0].line == 3 and result.problems[0].path == "Berkas Isian"
    assert "rusak.yaml" in result.problems[0].message and "kind" in result.problems[0].message
    with sessions() as s:
        record = s.get(Agreement, result.added[0])
        # the sheet wins where it says something; the input fills what it leaves blank
        assert record.unit == "Direktorat Kerja Sama Keimigrasian"
        assert record.end_date == dt.date(2028, 6, 18)
        assert record.tentang == "Pemanfaatan Data Keimigrasian dalam Program Jaminan Sosial Ketenagakerjaan"
        assert record.number_list == ["PER/188/062023", "IMI-GR.05.01-0158"]
        assert json.loads(record.input_json)["kind"] == "perjanjian_kerja_sama"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_then_import_gives_the_same_registry(tmp_path: Path, suffix: str) -> None:
    first = open_registry(tmp_path / "a.db")
    import_file(first, _write_csv(tmp_path / "reg.csv", GOOD_AND_BAD))
    with first() as s:
        export_file(list(s.scalars(select(Agreement).order_by(Agreement.id))), tmp_path / f"out{suffix}")
    if suffix == ".xlsx":
        header = next(openpyxl.load_workbook(tmp_path / "out.xlsx").active.iter_rows(values_only=True))
        assert list(header) == HEADERS
    second = open_registry(tmp_path / "b.db")
    result = import_file(second, tmp_path / f"out{suffix}")
    assert result.problems == [] and len(result.added) == 2

    def rows(sessions) -> list[tuple]:
        with sessions() as s:
            return [(a.kind, a.tentang, a.partners, a.unit, a.level, a.signing_date, a.end_date, a.status,
                     a.number_list, a.parent.number_list if a.parent else None)
                    for a in s.scalars(select(Agreement).order_by(Agreement.id))]
    assert rows(second) == rows(first)


def test_cli_reads_the_registry_named_by_drafting_db_and_refuses_unknown_formats(tmp_path: Path) -> None:
    runner = CliRunner(env={"DRAFTING_DB": str(tmp_path / "env.db")})
    assert runner.invoke(main, ["registry", "add", str(BPJS)]).output == "terdaftar: #1\n"
    assert (tmp_path / "env.db").is_file()
    exported = runner.invoke(main, ["registry", "export", str(tmp_path / "out.csv")])
    assert exported.exit_code == 0 and "(1 naskah)" in exported.output
    assert "PER/188/062023; IMI-GR.05.01-0158" in (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    refused = runner.invoke(main, ["registry", "export", str(tmp_path / "out.txt")])
    assert refused.exit_code == 1 and "tulis ke berkas .csv atau .xlsx" in refused.output
    assert not (tmp_path / "out.txt").exists()


def test_the_migrations_build_the_models_schema_on_both_databases(registry_url: str) -> None:
    engine = open_registry(registry_url).kw["bind"]
    with engine.connect() as c:
        assert compare_metadata(MigrationContext.configure(c), Base.metadata) == []
        assert c.execute(text("select version_num from alembic_version")).scalar_one() == "0003"


def test_the_first_commands_on_a_new_database_may_run_at_once(registry_url: str, tmp_path: Path) -> None:
    """Each would create the schema; the migrations' lock lets one do it and the others find it."""
    outputs, codes = at_once(2, ["registry", "list", "--db", registry_url], tmp_path)
    assert codes == [0, 0], outputs
    assert not any("Traceback" in o for o in outputs)


@pytest.mark.parametrize("db, where", [
    ("postgresql+psycopg://drafter:rahasia@127.0.0.1:9/registri", "host 127.0.0.1:9, basis data registri: "),
    ("{tmp}/tidak-ada/r.db", "berkas {tmp}/tidak-ada/r.db: folder {tmp}/tidak-ada tidak ada"),
    ("{tmp}/bukan.db", "berkas {tmp}/bukan.db: berkas ini bukan registri (bukan basis data SQLite)"),
    ("{tmp}", "berkas {tmp}: berkas tidak dapat dibuka atau dibuat di sana"),
])
def test_a_registry_that_cannot_be_opened_is_one_line_and_exit_2(tmp_path: Path, db: str, where: str) -> None:
    (tmp_path / "bukan.db").write_text("bukan basis data " * 100)
    result = CliRunner().invoke(main, ["registry", "list", "--db", db.format(tmp=tmp_path)])
    assert result.exit_code == 2
    [line] = result.output.splitlines()
    assert line.startswith(f"registri tidak dapat dibuka: {where.format(tmp=tmp_path)}")
    assert "rahasia" not in line


def test_an_export_moves_the_registry_with_its_inputs(registry_url: str, tmp_path: Path) -> None:
    """export → import into a fresh database → renew → batch, as when a registry moves to a server."""
    old = str(tmp_path / "lama.db")
    runner = CliRunner()
    source = tmp_path / "bpjs.yaml"
    source.write_text("# isian asli, dengan komentar\n" + BPJS.read_text(encoding="utf-8"), encoding="utf-8")
    assert runner.invoke(main, ["registry", "add", str(source), "--db", old]).exit_code == 0
    assert runner.invoke(main, ["registry", "import", str(EXAMPLES / "registri.csv"), "--db", old]).exit_code == 2
    exported = runner.invoke(main, ["registry", "export", str(tmp_path / "pindah" / "registri.xlsx"), "--db", old])
    assert exported.exit_code == 0, exported.output
    assert "registri-isian/ (4 isian)" in exported.output
    folder = tmp_path / "pindah" / "registri-isian"
    assert (folder / "naskah-1.yaml").read_text(encoding="utf-8") == source.read_text(encoding="utf-8")

    imported = runner.invoke(main, ["registry", "import", str(tmp_path / "pindah" / "registri.xlsx"),
                                    "--db", registry_url])
    assert imported.exit_code == 0, imported.output
    again = runner.invoke(main, ["registry", "import", str(tmp_path / "pindah" / "registri.xlsx"), "--db", registry_url])
    assert "tidak ada yang berubah" in again.output
    with open_registry(registry_url)() as s, open_registry(old)() as o:
        moved = s.scalars(select(Agreement).order_by(Agreement.id)).all()
        kept = o.scalars(select(Agreement).order_by(Agreement.id)).all()
        assert [(a.tentang, a.number_list, a.status, a.input_text, a.input_sha256, a.input_json) for a in moved] == \
               [(a.tentang, a.number_list, a.status, a.input_text, a.input_sha256, a.input_json) for a in kept]
    renewed = runner.invoke(main, ["renew", "1", "--years", "3", "-o", str(tmp_path / "baru"), "--db", registry_url])
    assert renewed.exit_code == 0, renewed.output
    batch = runner.invoke(main, ["batch", "-o", str(tmp_path / "batch"), "--db", registry_url, "-j", "1", "--quiet"])
    assert batch.exit_code == 0, batch.output
    assert sorted(p.name for p in (tmp_path / "batch").glob("*.docx")) == [
        "naskah-1.docx", "naskah-2.docx", "naskah-3.docx", "naskah-6.docx", "naskah-7.docx"]


def _at_0001(path: Path) -> None:
    """A registry as the first version of drafting left it."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from drafting.registry.db import MIGRATIONS
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with create_engine(f"sqlite:///{path}").begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")


def test_a_registry_of_the_first_version_is_upgraded_with_its_inputs_as_text(tmp_path: Path) -> None:
    from sqlalchemy import create_engine
    _at_0001(tmp_path / "r.db")
    data = json.dumps(load_agreement(BPJS).model_dump(mode="json", exclude_unset=True))
    with create_engine(f"sqlite:///{tmp_path / 'r.db'}").begin() as c:
        c.execute(text("insert into agreements (kind, tentang, partners, unit, status, input_json) values "
                       "('perjanjian_kerja_sama', 'x', '[]', 'U', 'aktif', :j)"), {"j": data})
    with open_registry(tmp_path / "r.db")() as s:
        record = s.get(Agreement, 1)
        assert record.input_sha256 and input_of(record) == load_agreement(BPJS)
        assert "tentang: Pemanfaatan Data Keimigrasian" in record.input_text


def test_a_registry_holding_one_number_twice_is_not_upgraded_silently(tmp_path: Path) -> None:
    from sqlalchemy import create_engine
    _at_0001(tmp_path / "r.db")
    with create_engine(f"sqlite:///{tmp_path / 'r.db'}").begin() as c:
        for id_ in (1, 2):
            c.execute(text("insert into agreements (id, kind, tentang, partners, unit, status) values "
                           "(:i, 'mou', 'x', '[]', 'U', 'aktif')"), {"i": id_})
            c.execute(text("insert into agreement_numbers (agreement_id, position, number) values (:i, 0, 'N-1')"),
                      {"i": id_})
    result = CliRunner().invoke(main, ["registry", "list", "--db", str(tmp_path / "r.db")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "registri memuat nomor yang terdaftar lebih dari sekali: N-1 (2×)" in result.output


def test_an_agreement_without_numbers_is_not_added_twice(tmp_path: Path) -> None:
    runner = CliRunner()
    draft = EXAMPLES / "pks_kanim_pemkab.yaml"
    db = str(tmp_path / "r.db")
    assert runner.invoke(main, ["registry", "add", str(draft), "--db", db]).output == "terdaftar: #1\n"
    again = runner.invoke(main, ["registry", "add", str(draft), "--db", db])
    assert again.exit_code == 1 and "naskah ini sudah terdaftar sebagai #1" in again.output
    taken = runner.invoke(main, ["registry", "add", str(BPJS), "--db", db])
    assert taken.exit_code == 0
    twice = runner.invoke(main, ["registry", "add", str(BPJS), "--db", db])
    assert "nomor PER/188/062023 sudah terdaftar untuk naskah #2" in twice.output
