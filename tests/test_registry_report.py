"""Queries and reports over a registry of the shape of seed 002: 106 agreements (12 nota
kesepahaman, 7 nota kesepakatan, 1 surat perjanjian, 1 MoU, 85 PKS) from 5 divisions (Kantor
Wilayah) and 42 offices (UPT); and the two Lampiran tables of Permen 8/2025."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
import openpyxl
import pytest
from click.testing import CliRunner
from dateutil.relativedelta import relativedelta
from sqlalchemy.orm import Session, sessionmaker

from drafting.cli import main
from drafting.registry import lampiran
from drafting.registry.db import open_registry
from drafting.registry.models import Agreement, Kind, Level, Status
from drafting.registry.queries import Filter, agreements, parse_period, report

TODAY = dt.date(2026, 11, 22)
SHAPE = [(Kind.nota_kesepahaman, 12), (Kind.nota_kesepakatan, 7), (Kind.surat_perjanjian, 1), (Kind.mou, 1),
         (Kind.perjanjian_kerja_sama, 85)]
DIVISIONS = [f"Divisi Keimigrasian Kantor Wilayah {p}" for p in ("Jambi", "Riau", "Lampung", "Bengkulu", "Sumbar")]
OFFICES = [f"Kantor Imigrasi {i:02d}" for i in range(1, 43)]


@pytest.fixture
def registry(tmp_path: Path) -> tuple[str, sessionmaker[Session]]:
    """106 aktif agreements spread over 47 units; their end dates: #1 ended a month ago (still
    marked aktif), #2 ends in 20 days, #3 in 5 months, #4 in 11 months, the rest in 3 years."""
    db = str(tmp_path / "r.db")
    sessions = open_registry(db)
    units = [(u, Level.kantor_wilayah) for u in DIVISIONS] + [(u, Level.upt) for u in OFFICES]
    ends = [TODAY - relativedelta(months=1), TODAY + relativedelta(days=20), TODAY + relativedelta(months=5),
            TODAY + relativedelta(months=11)]
    kinds = [kind for kind, count in SHAPE for _ in range(count)]
    with sessions.begin() as s:
        for i, kind in enumerate(kinds):
            unit, level = units[i % len(units)]
            s.add(Agreement(kind=kind, tentang=f"Kerja Sama {i + 1}", partners=[f"Mitra {i + 1}"], unit=unit,
                            level=level, signing_date=dt.date(2022, 1, 3), status=Status.aktif,
                            end_date=ends[i] if i < len(ends) else TODAY + relativedelta(years=3)))
    return db, sessions


def test_report_counts_the_shape_of_seed_002(registry) -> None:
    _, sessions = registry
    with sessions() as s:
        found = report(s, Filter(today=TODAY), relativedelta(months=6))
    assert found.total == 106
    assert dict(found.by_kind) == dict(SHAPE)
    assert found.units_by_level == {Level.kantor_wilayah: 5, Level.upt: 42}
    assert sum(found.by_level.values()) == 106 and len(found.by_unit) == 47
    assert [a.id for a in found.expiring] == [2, 3]
    assert [a.id for a in found.overdue] == [1]


@pytest.mark.parametrize("period, ids", [("30d", [2]), ("6m", [2, 3]), ("1y", [2, 3, 4])])
def test_expiring_within(registry, period: str, ids: list[int]) -> None:
    _, sessions = registry
    with sessions() as s:
        assert [a.id for a in agreements(s, Filter(expiring_within=parse_period(period), today=TODAY))] == ids


def test_filters_by_kind_unit_and_status(registry) -> None:
    _, sessions = registry
    with sessions.begin() as s:
        s.get(Agreement, 5).status = Status.diakhiri
    with sessions() as s:
        assert len(agreements(s, Filter(kinds=(Kind.mou, Kind.surat_perjanjian)))) == 2
        assert len(agreements(s, Filter(unit="kantor wilayah jambi"))) == 3  # 106 rows over 47 units
        assert [a.id for a in agreements(s, Filter(statuses=(Status.diakhiri,)))] == [5]
        assert len(agreements(s, Filter(kinds=(Kind.nota_kesepahaman,), statuses=(Status.aktif,)))) == 11


def test_period_must_be_days_months_or_years() -> None:
    assert parse_period("6m") == relativedelta(months=6)
    with pytest.raises(ValueError, match="30d"):
        parse_period("6 minggu")


def test_cli_list_and_report(registry) -> None:
    db, _ = registry
    runner = CliRunner()
    listed = runner.invoke(main, ["registry", "list", "--db", db, "--kind", "mou", "--kind", "surat_perjanjian"])
    assert listed.exit_code == 0, listed.output
    assert "Kerja Sama 20 " in listed.output and "Kerja Sama 21 " in listed.output
    assert "Kerja Sama 19 " not in listed.output
    expiring = runner.invoke(main, ["registry", "list", "--db", db, "--expiring-within", "30d",
                                    "--as-of", TODAY.isoformat()])
    assert "Kerja Sama 2 " in expiring.output and "Kerja Sama 3 " not in expiring.output
    bad = runner.invoke(main, ["registry", "list", "--db", db, "--expiring-within", "enam bulan"])
    assert bad.exit_code == 2 and "30d (hari)" in bad.output
    shown = runner.invoke(main, ["registry", "report", "--db", db, "--as-of", TODAY.isoformat()])
    assert shown.exit_code == 0, shown.output
    for label, count in [("Perjanjian Kerja Sama", 85), ("Nota Kesepahaman", 12), ("Nota Kesepakatan", 7)]:
        assert f"│ {label} " in shown.output and f"│ {count} " in shown.output
    assert "Jumlah naskah: 106" in shown.output
    assert "Akan berakhir: 2" in shown.output and "Lewat tanggal berakhir, masih aktif: 1" in shown.output


def _filled(sessions) -> list[Agreement]:
    with sessions.begin() as s:
        a = s.get(Agreement, 13)
        a.scope, a.urgency, a.support, a.remarks = "pertukaran data perlintasan", "mendesak", "APBN", "disetujui"
        a.strategic_plan = "Renstra 2025-2029 sasaran 2"
        a.partners = ["PT Maju & Jaya <Tbk>"]
        a.end_date = dt.date(2027, 1, 2)  # signed 2022-01-03: exactly 5 years
    with sessions() as s:
        return agreements(s, Filter(ids=(13, 14)))


def test_lampiran_rows(registry) -> None:
    _, sessions = registry
    selected = _filled(sessions)
    assert lampiran.table("penjajakan", selected)[0] == [
        "1", OFFICES[7], "PT Maju & Jaya <Tbk>", "pertukaran data perlintasan", "5 (lima) tahun", "disetujui"]
    assert lampiran.table("perencanaan", selected)[0] == [
        "1", "Renstra 2025-2029 sasaran 2", "PT Maju & Jaya <Tbk>", "pertukaran data perlintasan", "mendesak",
        "2 Januari 2027", "APBN"]


@pytest.mark.parametrize("name", ["perencanaan", "penjajakan"])
def test_lampiran_docx_and_xlsx(registry, tmp_path: Path, name: str) -> None:
    db, sessions = registry
    _filled(sessions)
    runner = CliRunner()
    for suffix in (".docx", ".xlsx"):
        out = tmp_path / f"{name}{suffix}"
        result = runner.invoke(main, ["registry", "lampiran", name, "-o", str(out), "--db", db, "--id", "13",
                                      "--id", "14"])
        assert result.exit_code == 0, result.output
        assert "(2 baris)" in result.output
    fmt = lampiran.FORMATS[name]
    table = docx.Document(io.BytesIO((tmp_path / f"{name}.docx").read_bytes())).tables[0]
    assert [c.text for c in table.rows[0].cells] == fmt.headers
    assert [c.text for c in table.rows[1].cells] == lampiran.table(name, agreements_by_id(sessions))[0]
    sheet = openpyxl.load_workbook(tmp_path / f"{name}.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == fmt.title and list(rows[1]) == fmt.headers and len(rows) == 4


def agreements_by_id(sessions) -> list[Agreement]:
    with sessions() as s:
        return agreements(s, Filter(ids=(13, 14)))
