"""The checks of a naskah of Kerja Sama luar negeri (Permen 8/2025 Bab IV): for each, an input that
fires it and one that does not. Inputs are edited copies of the Memorandum Saling Pengertian example."""

from __future__ import annotations

import copy
import datetime as dt
import io
from pathlib import Path
from typing import Any

import docx
import pytest

from drafting import pipeline
from drafting.checks import RULES, Finding, run_checks
from drafting.load import validate
from drafting.pipeline import build, render
from drafting.workdays import add_working_days, deadline, is_working_day

from .conftest import msp_example

ROOT = Path(__file__).resolve().parent.parent


def check(data: dict[str, Any]) -> list[Finding]:
    agreement = validate(data)
    return run_checks(agreement, pipeline.analyse_draft(agreement))


def of(findings: list[Finding], rule: str, severity: str | None = None) -> list[Finding]:
    assert rule in RULES
    return [f for f in findings if f.rule == rule and (severity is None or f.severity == severity)]


# --- Pasal 31 ayat (3): what a naskah luar negeri contains at the least ---

def test_minimum_contents_of_a_memorandum(msp) -> None:
    assert of(check(msp), "minimum_contents") == []
    msp["clauses"] = {"exclude": ["msp_pembiayaan"]}
    [f] = of(check(msp), "minimum_contents", "error")
    assert "luar negeri paling sedikit memuat pembiayaan" in f.message and f.source == "Permen 8/2025 Pasal 31 ayat (3)"


# --- Pasal 34, Pasal 8 and the SOP: who signs for the Kementerian ---

def test_one_unit_is_signed_by_its_head(msp) -> None:
    assert of(check(msp), "foreign_signatory") == []
    msp["parties"][0]["representative"]["position"] = "Direktur Jenderal Pemasyarakatan"
    [f] = of(check(msp), "foreign_signatory", "warning")
    assert "pimpinan unit itu (Direktur Jenderal Imigrasi), bukan oleh 'Direktur Jenderal Pemasyarakatan'" in f.message
    assert f.place == "parties[0].representative.position"
    msp["parties"][0]["representative"]["position"] = "Menteri Imigrasi dan Pemasyarakatan"  # Pasal 34 huruf a
    assert of(check(msp), "foreign_signatory") == []


def test_two_units_are_signed_by_the_menteri_or_the_sekretaris_jenderal(msp) -> None:
    msp["foreign"]["units"] = ["Direktorat Jenderal Imigrasi", "Direktorat Jenderal Pemasyarakatan"]
    [f] = of(check(msp), "foreign_signatory", "error")
    assert "2 Unit Eselon I" in f.message and "Menteri" in f.message and "Pasal 8 ayat (3)" in f.source
    msp["parties"][0]["representative"]["position"] = "Sekretaris Jenderal Kementerian Imigrasi dan Pemasyarakatan"
    [f] = of(check(msp), "foreign_signatory")
    assert f.severity == "info" and "SOP membolehkan Sekretaris Jenderal" in f.message
    msp["parties"][0]["representative"]["position"] = "Menteri Imigrasi dan Pemasyarakatan"
    assert of(check(msp), "foreign_signatory") == []


def test_units_not_given_are_asked_for(msp) -> None:
    del msp["foreign"]["units"]
    [f] = of(check(msp), "foreign_signatory", "info")
    assert f.place == "foreign.units"


def test_pasal_34_level(msp) -> None:
    assert of(check(msp), "signer_authority") == []
    msp["parties"][0]["representative"]["position"] = "Kepala Kantor Imigrasi Kelas I Soekarno-Hatta"
    [f] = of(check(msp), "signer_authority", "error")
    assert f.source == "Permen 8/2025 Pasal 34" and "naskah Kerja Sama luar negeri" in f.message


# --- Pasal 9: a partner of a foreign type ---

def test_a_memorandum_needs_a_foreign_partner(msp) -> None:
    assert of(check(msp), "foreign_partner") == []
    msp["parties"][1]["mitra_type"] = "lembaga_pemerintah"
    [f] = of(check(msp), "foreign_partner", "error")
    assert f.source == "Permen 8/2025 Pasal 9" and f.place == "parties"


# --- Pasal 10: coordination with the Kementerian Luar Negeri, and treaties ---

def test_coordination_with_the_foreign_ministry_is_recorded(msp) -> None:
    assert of(check(msp), "foreign_coordination") == []
    del msp["foreign"]["coordination"]
    [f] = of(check(msp), "foreign_coordination", "warning")  # a draft: to be coordinated still
    assert f.place == "foreign.coordination" and f.source == "Permen 8/2025 Pasal 10 ayat (1)"
    msp["draft"] = False
    [f] = of(check(msp), "foreign_coordination", "error")


def test_a_cooperation_that_must_be_a_treaty(msp) -> None:
    msp["foreign"]["coordination"]["outcome"] = "perjanjian_internasional"
    [f] = of(check(msp), "foreign_coordination", "error")
    assert "Undang-Undang Nomor 24 Tahun 2000 tentang Perjanjian Internasional" in f.message
    assert f.place == "foreign.coordination.outcome" and f.source == "Permen 8/2025 Pasal 10 ayat (2); UU 24/2000"


def test_a_naskah_signed_before_permen_8_2025_is_not_judged_by_it(msp) -> None:
    del msp["foreign"]
    msp["signing"]["date"] = "2024-03-12"
    findings = check(msp)
    assert of(findings, "foreign_coordination") == of(findings, "foreign_signatory") == []
    assert of(findings, "originals_due") == []


# --- Pasal 39 ayat (4): the originals within 14 working days ---

def test_the_originals_are_due_14_working_days_after_signing(msp) -> None:
    [f] = of(check(msp), "originals_due", "info")
    assert f.place == "signing.date" and f.source == "Permen 8/2025 Pasal 39 ayat (4)"
    # 12 Maret 2026: Nyepi (19 Maret) is not counted; cuti bersama of Nyepi and Idul Fitri (18, 20,
    # 23, 24 Maret) are working days in law, and add four if the offices close
    assert "paling lambat 2 April 2026" in f.message and "19 Maret 2026 (Hari Suci Nyepi)" in f.message
    assert "cuti bersama 18 Maret 2026 (Hari Suci Nyepi), 20 Maret 2026 (Hari Raya Idul Fitri)" in f.message
    assert "batasnya 9 April 2026" in f.message


def test_no_due_date_without_a_signing_date_or_for_a_domestic_naskah(msp, bpjs_data) -> None:
    del msp["signing"]["date"]
    assert of(check(msp), "originals_due") == []
    assert of(check(bpjs_data), "originals_due") == []


def test_a_year_whose_cuti_bersama_is_not_known_yet(msp) -> None:
    msp["signing"]["date"] = "2029-07-02"
    [f] = of(check(msp), "originals_due", "info")
    assert "cuti bersama tahun 2029 belum diketahui" in f.message


def test_working_days() -> None:
    assert not is_working_day(dt.date(2026, 3, 19))  # Hari Suci Nyepi
    assert is_working_day(dt.date(2026, 3, 18)) and not is_working_day(dt.date(2026, 3, 18), cuti_bersama_off=True)
    assert not is_working_day(dt.date(2026, 3, 21))  # a Saturday (and Idul Fitri)
    assert add_working_days(dt.date(2026, 7, 1), 14) == dt.date(2026, 7, 21)  # no holiday in between
    d = deadline(dt.date(2025, 12, 22), 14)  # Natal 25 Desember, Tahun Baru 1 Januari; cuti bersama 26 Desember
    assert d.due == dt.date(2026, 1, 13) and [h for h, _ in d.holidays] == [dt.date(2025, 12, 25), dt.date(2026, 1, 1)]
    assert [c for c, _ in d.cuti_bersama] == [dt.date(2025, 12, 26)] and d.due_if_cuti_bersama_off == dt.date(2026, 1, 14)


# --- the two language versions agree ---

def _edited(layout: str, drop: str) -> bytes:
    """The example's DOCX with the English paragraph that starts with ``drop`` left empty, as a
    translation that lost a paragraph."""
    data = copy.deepcopy(msp_example())
    data["style"]["layout"] = layout
    document = docx.Document(io.BytesIO(render(build(validate(data)), "docx")))
    paragraphs = list(document.paragraphs) + [p for t in document.tables for row in t.rows for c in row.cells
                                               for p in c.paragraphs]
    [victim] = [p for p in paragraphs if p.text.split("\t")[-1].startswith(drop)]
    victim._p.getparent().remove(victim._p) if layout == "sequential" else [r.clear() for r in victim.runs]
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("layout", ["columns", "sequential"])
def test_a_translation_that_dropped_a_paragraph(layout: str, tmp_path: Path) -> None:
    whole = tmp_path / "utuh.docx"
    whole.write_bytes(render(build(validate(msp_example() | {"style": {"layout": layout}})), "docx"))
    assert of(pipeline.check_file(whole).findings, "bilingual") == []
    broken = tmp_path / "rusak.docx"
    broken.write_bytes(_edited(layout, "A Participant will not disclose"))
    [f] = of(pipeline.check_file(broken).findings, "bilingual", "error")
    assert f.place == "Pasal 6" and "Pasal 6 memuat 4 paragraf (4 berlabel ayat atau butir)" in f.message
    assert "Article 6 memuat 3 paragraf (3 berlabel ayat atau butir)" in f.message


def test_a_translation_with_an_article_fewer(tmp_path: Path) -> None:
    text = ["MEMORANDUM SALING PENGERTIAN", "Pasal 1", "TUJUAN", "Tujuan ini.", "Pasal 2", "JANGKA WAKTU", "Lima tahun.",
            "MEMORANDUM OF UNDERSTANDING", "Article 1", "OBJECTIVE", "The objective."]
    path = tmp_path / "msp.md"
    path.write_text("\n\n".join(text), encoding="utf-8")
    [f] = of(pipeline.check_file(path).findings, "bilingual", "error")
    assert "2 pasal, sedangkan teks bahasa Inggris 1 article" in f.message
    # a naskah in one language is not judged by it
    path.write_text("\n\n".join(text[:7]), encoding="utf-8")
    assert of(pipeline.check_file(path).findings, "bilingual") == []
