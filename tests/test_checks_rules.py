"""The rules issue 15 added, each with a naskah that makes it fire and one that does not, and the
source it cites; applicability by date for meterai; names told apart on evidence."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from drafting import pipeline
from drafting.checks import Finding, check
from drafting.checks.signatory_names import spelled_alike
from drafting.load import validate
from drafting.pipeline import check_file

from .test_checks_existing import NASKAH


def text_findings(tmp_path: Path, text: str, rule: str) -> list[Finding]:
    path = tmp_path / "naskah.md"
    path.write_text(text, encoding="utf-8")
    return [f for f in check_file(path).findings if f.rule == rule]


def input_findings(data: dict[str, Any], rule: str) -> list[Finding]:
    agreement = validate(data)
    return [f for f in check(agreement, pipeline.analyse_draft(agreement)).findings if f.rule == rule]


def test_sound_naskah_has_none_of_them(tmp_path: Path) -> None:
    for rule in ("party_labels", "punctuation", "single_item_list", "list_capitals", "defined_term_para_pihak",
                 "legal_basis", "meterai", "signatory_names"):
        assert text_findings(tmp_path, NASKAH, rule) == []


def test_placeholders_in_a_naskah_that_is_not_a_draft(bpjs_data) -> None:
    assert input_findings(bpjs_data, "placeholders") == []  # signed, numbered: nothing blank
    del bpjs_data["signing"]["date"]
    bpjs_data["parties"][0]["nomor"] = None
    del bpjs_data["parties"][1]["pejabat_penghubung"]
    found = input_findings(bpjs_data, "placeholders")
    assert {f.place for f in found} >= {"judul", "bagian pembuka"} and all(f.severity == "error" for f in found)
    assert found[0].source.startswith("UU 12/2011 Lampiran II BAB I huruf A dan D")
    bpjs_data["draft"] = True
    assert input_findings(bpjs_data, "placeholders") == []


def test_party_label_not_defined(tmp_path: Path) -> None:
    kesatu = NASKAH.replace("PIHAK PERTAMA", "PIHAK KESATU")
    assert text_findings(tmp_path, kesatu, "party_labels") == []
    wrong = kesatu.replace("(2) Tujuan sebagaimana", "(2) Tujuan PIHAK PERTAMA sebagaimana")
    [f] = text_findings(tmp_path, wrong, "party_labels")
    assert f.severity == "error" and f.place == "Pasal 1 ayat (2)" and "BAB III" in f.source


@pytest.mark.parametrize("slip", ["data..", "data;;", "data,,", "data::"])
def test_doubled_punctuation(tmp_path: Path, slip: str) -> None:
    [f] = text_findings(tmp_path, NASKAH.replace("pertukaran data.", f"pertukaran {slip}"), "punctuation")
    assert f.severity == "error" and f.place == "Pasal 1 ayat (1)"
    assert text_findings(tmp_path, NASKAH.replace("pertukaran data.", "pertukaran data..."), "punctuation") == []


LIST = "- (1) Berlaku selama 2 (dua) tahun.\n"
ITEMS = "- (1) Ruang lingkup meliputi:\n- a. pertukaran data; dan\n- b. pelatihan.\n"


def test_single_item_list(tmp_path: Path) -> None:
    assert text_findings(tmp_path, NASKAH.replace(LIST, ITEMS), "single_item_list") == []
    one = NASKAH.replace(LIST, "- (1) Ruang lingkup meliputi:\n- a. pertukaran data.\n")
    [f] = text_findings(tmp_path, one, "single_item_list")
    assert f.severity == "warning" and f.place == "Pasal 2" and "tabulasi" in f.source


def test_list_items_in_capitals(tmp_path: Path) -> None:
    assert text_findings(tmp_path, NASKAH.replace(LIST, ITEMS), "list_capitals") == []
    capitals = ITEMS.replace("a. pertukaran", "a. Penyediaan").replace("b. pelatihan", "b. Pelatihan")
    [f] = text_findings(tmp_path, NASKAH.replace(LIST, capitals), "list_capitals")
    assert f.severity == "warning" and "a., b." in f.message
    # a name or a defined term begins with a capital wherever it stands
    named = ITEMS.replace("a. pertukaran data", "a. Direktorat Jenderal Imigrasi").replace(
        "Ruang lingkup", "Ruang lingkup bersama Direktorat")
    assert text_findings(tmp_path, NASKAH.replace(LIST, named), "list_capitals") == []


def test_kedua_belah_pihak(tmp_path: Path) -> None:
    defined = NASKAH.replace("**PARA PIHAK** sepakat", "Keduanya selanjutnya disebut **PARA PIHAK**. **PARA PIHAK** sepakat")
    [f] = text_findings(tmp_path, defined.replace("adalah pelayanan", "adalah pelayanan kedua belah pihak"),
                        "defined_term_para_pihak")
    assert f.severity == "warning" and f.place == "Pasal 1 ayat (2)"
    undefined = NASKAH.replace("adalah pelayanan", "adalah pelayanan kedua belah pihak")
    assert text_findings(tmp_path, undefined, "defined_term_para_pihak") == []


BASIS = ("Dengan memperhatikan ketentuan peraturan perundang-undangan sebagai berikut:\n\n"
         "1. Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian (Lembaran Negara Republik Indonesia Tahun 2011 "
         "Nomor 52, Tambahan Lembaran Negara Republik Indonesia Nomor 5216);\n"
         "2. Peraturan Menteri Contoh Nomor 1 Tahun 2020 tentang Uji{bn}.\n\n")


def test_regulation_without_its_gazette(tmp_path: Path) -> None:
    anchor = "**PARA PIHAK** sepakat membuat"
    ok = NASKAH.replace(anchor, BASIS.format(bn=" (Berita Negara Republik Indonesia Tahun 2020 Nomor 9)") + anchor)
    assert text_findings(tmp_path, ok, "legal_basis") == []
    [f] = text_findings(tmp_path, NASKAH.replace(anchor, BASIS.format(bn="") + anchor), "legal_basis")
    assert f.severity == "warning" and f.place == "dasar hukum angka 2" and "Peraturan Menteri Contoh" in f.message
    assert f.source == "UU 12/2011 Lampiran II BAB I huruf B.4 (dasar hukum)"


def test_meterai_for_a_foreign_party(tmp_path: Path) -> None:
    msp = NASKAH.replace("**PERJANJIAN KERJA SAMA\n", "**MEMORANDUM SALING PENGERTIAN\n").replace(
        "BADAN CONTOH", "INTERNATIONAL ORGANIZATION FOR MIGRATION")
    assert text_findings(tmp_path, msp, "meterai") == []
    both = msp.replace("| Direktur Utama | Direktur Jenderal Imigrasi |",
                       "| Direktur Utama | Direktur Jenderal Imigrasi |\n| Meterai Rp10.000 | Meterai Rp10.000 |")
    [f] = text_findings(tmp_path, both, "meterai")
    assert f.place == "blok tanda tangan" and f.source == "UU 10/2020 Pasal 3"
    # a domestic naskah has a meterai under each signature
    assert text_findings(tmp_path, both.replace("INTERNATIONAL ORGANIZATION FOR MIGRATION", "BADAN CONTOH").replace(
        "MEMORANDUM SALING PENGERTIAN", "PERJANJIAN KERJA SAMA"), "meterai") == []


def test_old_meterai_rate_judged_by_signing_date(tmp_path: Path) -> None:
    signed_2023 = NASKAH.replace("Pada hari ini Senin,", "Pada hari ini Senin, tanggal 19 Juni 2023,").replace(
        "| Direktur Utama | Direktur Jenderal Imigrasi |", "| Direktur Utama | Direktur Jenderal Imigrasi |\n"
                                                         "| Meterai Rp6.000 | |")
    [f] = text_findings(tmp_path, signed_2023, "meterai")
    assert f.source == "UU 10/2020 Pasal 5"
    signed_2019 = signed_2023.replace("19 Juni 2023", "19 Juni 2019")
    assert text_findings(tmp_path, signed_2019, "meterai") == []  # Rp6.000 was the rate then


@pytest.mark.parametrize("a, b, alike", [
    ("ANGGORO EKO", "ANGGORO EKO CAHYO", True),  # a subset of the words
    ("ANGGORO EKO CAHYO", "ANGGORO EKO CAHJO", True),  # one letter
    ("Dr. H. ANDI, S.H.", "ANDI", False),  # the same words once degrees are set aside: not two spellings
    ("AGUS SANTOSO", "AGUS SUSANTO", False),  # two people
    ("SILMY KARIM", "ANGGORO EKO", False),
])
def test_names_alike(a: str, b: str, alike: bool) -> None:
    assert spelled_alike(a, b) is alike


def test_two_signatories_with_similar_names_are_two_people(tmp_path: Path) -> None:
    text = NASKAH.replace("ANGGORO EKO CAHYO", "AGUS SANTOSO").replace("SILMY KARIM", "AGUS SUSANTO")
    assert text_findings(tmp_path, text, "signatory_names") == []


def test_same_party_spelled_two_ways_is_an_error_with_its_source(tmp_path: Path) -> None:
    text = NASKAH.replace("| **ANGGORO EKO CAHYO** |", "| **ANGGORO EKO** |")
    [f] = text_findings(tmp_path, text, "signatory_names")
    assert f.severity == "error" and "PIHAK PERTAMA" in f.message
    assert f.source == "UU 12/2011 Lampiran II BAB I huruf D (nama pejabat yang menandatangani)"
    other = NASKAH.replace("| **ANGGORO EKO CAHYO** |", "| **BUDI SANTOSO** |")
    [f] = text_findings(tmp_path, other, "signatory_names")
    assert f.severity == "warning"  # another name under the signature: two people, not a slip


def test_every_finding_has_a_source(tmp_path: Path) -> None:
    seed = Path(__file__).parent / "fixtures" / "pks_bpjs_2023_seed003.txt"
    assert all(f.source for f in check_file(seed).findings)
