"""The draft rules of ``drafting check`` (Permen 8/2025 and consistency): for each rule, an input
that triggers it and one that does not. Inputs are edited copies of the BPJS example."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from drafting import pipeline
from drafting.checks import RULES, Finding, Report, run_checks
from drafting.checks import check as check_naskah
from drafting.checks.analysis import analyse
from drafting.checks.signer_authority import infer_level
from drafting.errors import CrossReferenceError
from drafting.load import load_agreement, validate
from drafting.model import SignerLevel

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.yaml"))


def check(data: dict[str, Any]) -> list[Finding]:
    agreement = validate(data)
    return run_checks(agreement, pipeline.analyse_draft(agreement))


def pipeline_check(data: dict[str, Any]) -> Report:
    agreement = validate(data)
    return check_naskah(agreement, pipeline.analyse_draft(agreement))


def of(findings: list[Finding], rule: str, severity: str | None = None) -> list[Finding]:
    assert rule in RULES
    return [f for f in findings if f.rule == rule and (severity is None or f.severity == severity)]


@pytest.fixture
def new_data(bpjs_data) -> dict[str, Any]:
    """The BPJS example as a naskah to be signed now, under Permen 8/2025 (it was signed in 2023)."""
    del bpjs_data["signing"]["date"]
    bpjs_data["draft"] = True
    bpjs_data["renewal"]["biro_recommendation"] = "Surat Kepala Biro Hukum dan Kerja Sama Nomor ……………"
    return bpjs_data


def foreign(data: dict[str, Any]) -> dict[str, Any]:
    data["parties"][0]["mitra_type"] = "organisasi_internasional"
    return data


# What the BPJS example's data still carries (issue 15 report), as seed 003 does: two Peraturan Menteri
# cited without their Berita Negara numbers (neither number could be found to cite).
KNOWN = {"pks_bpjs_ketenagakerjaan_imigrasi": [("legal_basis", "legal_basis[7].diundangkan"),
                                              ("legal_basis", "legal_basis[8].diundangkan")],
         # the Memorandum Saling Pengertian is told when its originals are due (Pasal 39 ayat (4))
         "msp_ditjen_imigrasi_isa_jepang": [("originals_due", "signing.date")]}


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_examples_have_no_errors(example: Path) -> None:
    agreement = load_agreement(example)
    findings = run_checks(agreement, pipeline.analyse_draft(agreement))
    assert sorted((f.rule, f.place) for f in findings) == sorted(KNOWN.get(example.stem, []))
    assert all(f.severity == "warning" or f.rule == "originals_due" for f in findings)


def test_a_regulation_without_its_gazette_names_the_field_to_fill(bpjs_data) -> None:
    """UU 12/2011 Lampiran II (dasar hukum): the structured data says which field is empty; an
    item written as text is still read as printed; the Undang-Undang Dasar is not promulgated so."""
    pp = bpjs_data["legal_basis"][5]
    del pp["perubahan"]["diundangkan"]
    bpjs_data["legal_basis"][7] = ("Peraturan Menteri Hukum dan Hak Asasi Manusia Nomor 27 Tahun 2014 tentang "
                                   "Prosedur Teknis (Berita Negara Republik Indonesia Tahun 2014 Nomor 1)")
    bpjs_data["legal_basis"].append("Undang-Undang Dasar Negara Republik Indonesia Tahun 1945")
    bpjs_data["legal_basis"].append("Peraturan Pemerintah Nomor 1 Tahun 2020 tentang Contoh")
    bpjs_data["legal_basis"][0]["diundangkan"]["lembaran"] = "LN RI"
    found = of(check(bpjs_data), "legal_basis")
    assert [(f.severity, f.place) for f in found] == [
        ("warning", "legal_basis[5].perubahan.diundangkan"), ("warning", "legal_basis[8].diundangkan"),
        ("warning", "legal_basis[0].diundangkan.lembaran"), ("warning", "dasar hukum angka 11")]
    assert found[0].message.startswith("Peraturan Pemerintah Nomor 48 Tahun 2021 dikutip tanpa")
    # kept as the naskah read back wrote it, the legal basis is judged as printed
    bpjs_data["clauses"] = {"texts": {"dasar_hukum": "Dengan memperhatikan:\n+[;] Peraturan Presiden Nomor 1 "
                                                     "Tahun 2020 tentang Contoh"}}
    assert [f.place for f in of(check(bpjs_data), "legal_basis")] == ["dasar hukum angka 1"]


def test_every_rule_is_registered_once() -> None:
    assert len(RULES) == len({r.check for r in RULES.values()})


# --- Permen 8/2025 Pasal 21 and Pasal 31 ayat (3): minimum contents ---

def test_minimum_contents_domestic(new_data) -> None:
    bpjs_data = new_data
    assert of(check(bpjs_data), "minimum_contents") == []
    bpjs_data["clauses"] = {"exclude": ["pembiayaan"]}
    [f] = of(check(bpjs_data), "minimum_contents", "error")
    assert "pendanaan" in f.message and f.source == "Permen 8/2025 Pasal 21"


def test_minimum_contents_kegiatan_and_kewenangan(new_data) -> None:
    bpjs_data = new_data
    # without data exchange nor capacity building nor duties: no activities, no division of duties
    for key in ("data_exchange", "capacity_building"):
        del bpjs_data[key]
    bpjs_data["scope"] = ["koordinasi"]
    words = {f.message.split("memuat ")[1].split(",")[0] for f in of(check(bpjs_data), "minimum_contents")}
    assert words == {"kegiatan yang akan dilaksanakan", "pembagian kewenangan dan tanggung jawab"}
    bpjs_data["parties"][0]["duties"] = ["menyediakan data"]
    assert of(check(bpjs_data), "minimum_contents") == []


def test_minimum_contents_foreign(new_data) -> None:
    bpjs_data = new_data
    foreign(bpjs_data)
    assert of(check(bpjs_data), "minimum_contents") == []
    bpjs_data["clauses"] = {"exclude": ["pembiayaan"]}
    [f] = of(check(bpjs_data), "minimum_contents", "error")
    assert "luar negeri" in f.message and "pembiayaan" in f.message and f.source.endswith("Pasal 31 ayat (3)")


# --- Pasal 4, 23, 34: who signs ---

@pytest.mark.parametrize("position, level", [
    ("Menteri Imigrasi dan Pemasyarakatan Republik Indonesia", SignerLevel.menteri),
    ("Direktur Jenderal Imigrasi", SignerLevel.pimpinan_eselon_1),
    ("Plt. Sekretaris Jenderal Kementerian Imigrasi dan Pemasyarakatan", SignerLevel.pimpinan_eselon_1),
    ("Kepala Kantor Wilayah Direktorat Jenderal Pemasyarakatan Jawa Barat", SignerLevel.kepala_kantor_wilayah),
    ("Kepala Kantor Imigrasi Kelas I TPI Jakarta Selatan", SignerLevel.kepala_upt),
    ("Kepala Lembaga Pemasyarakatan Kelas IIA Cibinong", SignerLevel.kepala_upt),
    ("Kepala Rutan Kelas I Depok", SignerLevel.kepala_upt),
    ("Direktur Kerja Sama Keimigrasian", None),
    ("Kepala Biro Hukum dan Kerja Sama", None),
])
def test_signer_level_inferred_from_position(position: str, level: SignerLevel | None) -> None:
    assert infer_level(position) is level


def test_signer_of_a_pks(new_data) -> None:
    bpjs_data = new_data
    assert of(check(bpjs_data), "signer_authority") == []  # Direktur Jenderal: pimpinan Unit Eselon I
    bpjs_data["parties"][1]["representative"]["position"] = "Kepala Kantor Wilayah Direktorat Jenderal Imigrasi Bali"
    [f] = of(check(bpjs_data), "signer_authority", "error")
    assert f.place == "parties[1].representative.position" and "Pasal 23 huruf b" in f.source


def test_signer_level_field_wins_over_position(new_data) -> None:
    bpjs_data = new_data
    bpjs_data["parties"][1]["signer_level"] = "menteri"
    [f] = of(check(bpjs_data), "signer_authority", "error")
    assert f.place == "parties[1].signer_level" and "bukan oleh Menteri" in f.message


def test_signer_of_a_foreign_naskah(new_data) -> None:
    bpjs_data = new_data
    foreign(bpjs_data)
    assert of(check(bpjs_data), "signer_authority") == []
    bpjs_data["parties"][1]["signer_level"] = "kepala_upt"
    [f] = of(check(bpjs_data), "signer_authority", "error")
    assert f.source == "Permen 8/2025 Pasal 34"


def test_signer_of_a_nota_kesepahaman() -> None:
    nk = next(p for p in EXAMPLES if p.stem == "nk_kementerian_pemprov")
    data = load_agreement(nk).model_dump(mode="json", exclude_none=True)
    assert of(check(data), "signer_authority") == []
    data["parties"][0]["representative"]["position"] = "Kepala Kantor Imigrasi Kelas I Mataram"
    [f] = of(check(data), "signer_authority", "error")
    assert "Nota Kesepahaman ditandatangani oleh Menteri" in f.message


def test_signer_level_unknown_is_info(new_data) -> None:
    bpjs_data = new_data
    bpjs_data["parties"][1]["representative"]["position"] = "Direktur Kerja Sama Keimigrasian"
    [f] = of(check(bpjs_data), "signer_authority")
    assert f.severity == "info" and "signer_level" in f.message


# --- Pasal 6 and 7: a PKS implements a Nota Kesepahaman, or says why not ---

def test_pks_basis(new_data) -> None:
    bpjs_data = new_data
    assert of(check(bpjs_data), "pks_basis") == []
    del bpjs_data["nota_kesepahaman"]
    [f] = of(check(bpjs_data), "pks_basis", "error")
    assert f.place == "nota_kesepahaman" and "technical_basis" in f.message
    bpjs_data["technical_basis"] = "Kerja sama bersifat teknis semata."
    assert of(check(bpjs_data), "pks_basis") == []


# --- Pasal 3 ayat (4), Pasal 9, Pasal 10: partners ---

def test_mitra_type_needs_a_mitra(new_data) -> None:
    bpjs_data = new_data
    assert of(check(bpjs_data), "mitra_type") == []
    bpjs_data["parties"][0]["mitra_type"] = "kementerian"
    [f] = of(check(bpjs_data), "mitra_type", "error")
    assert "semua pihak dari Kementerian" in f.message


def test_without_the_kementerian_permen_rules_do_not_run(new_data) -> None:
    # Permen 8/2025 governs the Kementerian's own Kerja Sama: another agency's naskah is not judged by it.
    new_data["parties"][1]["mitra_type"] = "lembaga_pemerintah"
    new_data["parties"][1]["representative"]["position"] = "Kepala Kantor Wilayah Bali"
    del new_data["nota_kesepahaman"]
    report = pipeline_check(new_data)
    permen_rules = {"mitra_type", "signer_authority", "pks_basis", "minimum_contents", "renewal", "pks_within_nk"}
    assert not permen_rules & {f.rule for f in report.findings}
    assert permen_rules <= set(report.skipped)
    assert report.skipped["mitra_type"] == "tanpa pihak Kementerian Imigrasi dan Pemasyarakatan"
    assert "tanpa pihak Kementerian Imigrasi dan Pemasyarakatan" in report.rule_set()


def test_before_permen_its_rules_do_not_run(bpjs_data) -> None:
    del bpjs_data["nota_kesepahaman"]  # no NK and no technical basis: pks_basis would say so, under the Permen
    report = pipeline_check(bpjs_data)
    assert of(report.findings, "pks_basis") == []
    assert report.skipped["pks_basis"] == "ditandatangani sebelum Permen 8/2025 (ditetapkan 22 Mei 2025)"
    bpjs_data["signing"]["date"] = "2025-05-22"  # the day it was made
    assert len(of(pipeline_check(bpjs_data).findings, "pks_basis", "error")) == 1


def test_foreign_naskah_with_an_indonesian_party_besides_the_kementerian(new_data) -> None:
    foreign(new_data)
    third = dict(new_data["parties"][0], short_name="Pemda", mitra_type="pemerintah_daerah")
    new_data["parties"].append(third)
    assert of(check(new_data), "mitra_type") == []


# --- Pasal 36: renewal ---

def test_renewal_needs_the_biro_recommendation(bpjs_data) -> None:
    # The seed PKS was signed in 2023, under the rules of its day, before Permen 8/2025 asked for one.
    assert of(check(bpjs_data), "renewal") == []
    del bpjs_data["signing"]["date"]  # a draft, to be signed now
    [f] = of(check(bpjs_data), "renewal", "warning")
    assert f.place == "renewal.biro_recommendation" and f.source == "Permen 8/2025 Pasal 36 ayat (2) huruf b"
    bpjs_data["renewal"]["biro_recommendation"] = "Surat Kepala Biro Hukum dan Kerja Sama Nomor ……………"
    assert of(check(bpjs_data), "renewal") == []


def test_renewal_of_another_kind(new_data) -> None:
    new_data["renewal"]["kind"] = "nota_kesepahaman"
    [f] = of(check(new_data), "renewal", "warning")
    assert f.place == "renewal.kind"


def test_renewal_of_an_agreement_already_ended(bpjs_data) -> None:
    # a matter of dates, for every naskah: the example was signed in 2023, before Permen 8/2025
    bpjs_data["renewal"]["end_date"] = "2023-01-01"
    [f] = of(check(bpjs_data), "dates", "warning")
    assert f.place == "renewal.end_date" and f.source.startswith("UU 12/2011 Lampiran II")


def test_former_ministry_in_a_new_naskah(bpjs_data) -> None:
    # Signed in 2023, when the Kementerian Hukum dan Hak Asasi Manusia existed: its name is right.
    assert of(check(bpjs_data), "former_ministry") == []
    del bpjs_data["signing"]["date"]  # renewed now: the copied names are out of date
    assert {f.place for f in of(check(bpjs_data), "former_ministry", "warning")} == {
        "parties[1].parent", "parties[1].legal_status", "parties[1].representative.position"}
    party = bpjs_data["parties"][1]
    party["parent"] = "Kementerian Imigrasi dan Pemasyarakatan Republik Indonesia"
    party["legal_status"] = "unsur pelaksana tugas dan fungsi Kementerian Imigrasi dan Pemasyarakatan"
    party["representative"]["position"] = "Direktur Jenderal Imigrasi Kementerian Hukum dan HAM"
    [f] = of(check(bpjs_data), "former_ministry")
    assert f.place == "parties[1].representative.position" and f.source == "Perpres 157/2024"
    assert "'Kementerian Hukum dan HAM' sudah tidak ada" in f.message
    party["representative"]["position"] = "Direktur Jenderal Imigrasi"
    assert of(check(bpjs_data), "former_ministry") == []


# --- the PKS ends with its Nota Kesepahaman ---

def test_pks_within_nk(new_data) -> None:
    bpjs_data = new_data
    assert of(check(bpjs_data), "pks_within_nk") == []  # the example's NK ends the day the PKS does
    del bpjs_data["nota_kesepahaman"]["end_date"]
    [f] = of(check(bpjs_data), "pks_within_nk", "warning")  # unknown NK end: cannot be checked
    assert f.place == "nota_kesepahaman.end_date"
    bpjs_data["nota_kesepahaman"]["end_date"] = "2026-12-31"
    [f] = of(check(bpjs_data), "pks_within_nk", "error")
    assert "16 Januari 2027" in f.message and "31 Desember 2026" in f.message


def test_pks_within_nk_counts_years_from_signing(new_data) -> None:
    bpjs_data = new_data
    bpjs_data["signing"]["date"] = "2025-06-19"
    bpjs_data["nota_kesepahaman"]["end_date"] = "2029-06-18"
    bpjs_data["term"] = {"years": 4}  # 19 June 2025 + 4 years - 1 day = 18 June 2029
    assert of(check(bpjs_data), "pks_within_nk") == []
    bpjs_data["term"] = {"years": 5}
    assert len(of(check(bpjs_data), "pks_within_nk", "error")) == 1


# --- dates ---

def test_dates_coherent(bpjs_data) -> None:
    assert of(check(bpjs_data), "dates") == []


def test_notice_period_must_fit_in_the_term(bpjs_data) -> None:
    bpjs_data["term"]["notice_months"] = 48  # 19 June 2023 → 16 January 2027 is shorter
    [f] = of(check(bpjs_data), "dates", "error")
    assert f.place == "term.notice_months"
    bpjs_data["term"] = {"years": 1, "notice_months": 12}
    assert len(of(check(bpjs_data), "dates", "error")) == 1


def test_prior_agreements_dates(bpjs_data) -> None:
    bpjs_data["nota_kesepahaman"].update(date="2023-07-01", end_date="2023-01-01")
    places = {f.place for f in of(check(bpjs_data), "dates", "error")}
    assert places == {"nota_kesepahaman.date", "nota_kesepahaman.end_date"}


def test_term_starting_before_signing_warns(bpjs_data) -> None:
    bpjs_data["term"]["start"] = "2023-01-01"
    [f] = of(check(bpjs_data), "dates", "warning")
    assert f.place == "term.start"


# --- consistency of the assembled text ---

def test_duplicate_pasal_title(bpjs_data) -> None:
    assert of(check(bpjs_data), "pasal_titles") == []
    bpjs_data["extra_pasal"] = [{"title": "Kerahasiaan", "paragraphs": ["Data dijaga."]}]
    [f] = of(check(bpjs_data), "pasal_titles", "error")
    assert f.place == "Pasal 16" and "Pasal 8" in f.message


def test_terbilang_pair_in_drafted_text(bpjs_data) -> None:
    assert of(check(bpjs_data), "terbilang") == []
    bpjs_data["extra_pasal"] = [{"title": "Laporan", "paragraphs": ["Laporan disampaikan dalam 2 (tiga) hari."]}]
    [f] = of(check(bpjs_data), "terbilang", "error")
    assert "'dua'" in f.message and f.place == "Pasal 16"


def test_cross_reference_error_becomes_a_finding(bpjs_data, monkeypatch) -> None:
    def broken(*args: Any, **kwargs: Any) -> None:
        raise CrossReferenceError("Pasal JARINGAN merujuk 'pertukaran_data', yang tidak ada dalam naskah ini")

    monkeypatch.setattr(pipeline, "build", broken)
    bpjs_data["renewal"]["end_date"] = "2023-01-01"  # something for an input rule to find
    findings = check(bpjs_data)
    [f] = of(findings, "cross_references", "error")
    assert "pertukaran_data" in f.message
    assert of(findings, "dates")  # the other rules still ran


def test_cross_references_resolve_in_drafts(bpjs_data) -> None:
    assert of(check(bpjs_data), "cross_references") == []
    bpjs_data["extra_pasal"] = [{"title": "Laporan", "paragraphs": ["Sebagaimana dimaksud dalam Pasal 40."]}]
    [f] = of(check(bpjs_data), "cross_references", "error")
    assert "Pasal 40" in f.message


def test_signatory_names_agree_in_drafts(bpjs_data) -> None:
    agreement = validate(bpjs_data)
    analysis = pipeline.analyse_draft(agreement)
    assert analysis.komparisi_names == ["ANGGORO EKO CAHYO", "SILMY KARIM"]
    assert [s.name for s in analysis.signatures] == ["ANGGORO EKO CAHYO", "SILMY KARIM"]
    assert of(run_checks(agreement, analysis), "signatory_names") == []


def test_existing_document_skips_input_rules() -> None:
    text = ["PERJANJIAN KERJA SAMA", "TENTANG", "UJI COBA", "Pada hari ini ……………", "Pasal 1", "UMUM", "Isi.",
            "PIHAK PERTAMA,", "ANI", "PIHAK KEDUA,", "BUDI"]
    report = check_naskah(None, analyse(text))
    assert report.findings == []
    assert report.skipped["dates"] == "memerlukan isian (YAML/JSON)"
