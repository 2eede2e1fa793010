"""``drafting check`` on agreements this tool did not make (DOCX, Markdown, text): seed 003 with
its real defects, the tool's own renderings with none, and one small naskah per structural rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting.checks import Finding
from drafting.errors import InputError
from drafting.load import load_agreement
from drafting.pipeline import build, check_file, render

from .test_checks import KNOWN

FIXTURES = Path(__file__).parent / "fixtures"
SEED_003 = FIXTURES / "pks_bpjs_2023_seed003.txt"

NASKAH = """\
**PERJANJIAN KERJA SAMA
ANTARA
BADAN CONTOH
DENGAN
DIREKTORAT JENDERAL IMIGRASI
TENTANG
PERTUKARAN DATA**

**NOMOR : 1/2024**

Pada hari ini Senin, kami yang bertanda tangan di bawah ini:

1. **ANGGORO EKO CAHYO** : Direktur Utama, selanjutnya disebut **PIHAK PERTAMA**.
2. **SILMY KARIM** : Direktur Jenderal Imigrasi, selanjutnya disebut **PIHAK KEDUA**.

**PARA PIHAK** sepakat membuat Perjanjian Kerja Sama tentang Pertukaran Data, yang selanjutnya disebut Perjanjian Kerja Sama, dengan ketentuan sebagai berikut:

## **Pasal 1**

### **MAKSUD DAN TUJUAN**

- (1) Maksud Perjanjian Kerja Sama ini adalah pertukaran data.
- (2) Tujuan sebagaimana dimaksud pada ayat (1) adalah pelayanan.

**Pasal 2**
**JANGKA WAKTU**

- (1) Berlaku selama 2 (dua) tahun.
- (2) Koordinasi paling lambat 3 (tiga) bulan sebelum berakhirnya jangka waktu sebagaimana dimaksud pada ayat (1) dan tujuan sebagaimana dimaksud dalam Pasal 1 ayat (2).

| | |
|:--:|:--:|
| **PIHAK PERTAMA,** | **PIHAK KEDUA,** |
| Direktur Utama | Direktur Jenderal Imigrasi |
| **ANGGORO EKO CAHYO** | **SILMY KARIM** |
"""


def check_text(tmp_path: Path, text: str, rule: str | None = None) -> list[Finding]:
    path = tmp_path / "naskah.md"
    path.write_text(text, encoding="utf-8")
    return [f for f in check_file(path).findings if rule is None or f.rule == rule]


def test_a_sound_naskah_has_no_findings(tmp_path: Path) -> None:
    assert check_text(tmp_path, NASKAH) == []


def test_seed_003_repeated_block_and_two_spellings() -> None:
    findings = check_file(SEED_003).findings
    errors = [(f.rule, f.place) for f in findings if f.severity == "error"]
    assert ("pasal_numbering", "Pasal 14–16") in errors
    [names] = [f for f in findings if f.rule == "signatory_names" and f.severity == "error"]
    assert "'ANGGORO EKO'" in names.message and "'ANGGORO EKO CAHYO'" in names.message
    # its title says one subject and its body another; its first PIHAK KEDUA signature has no name
    assert ("title_subject", "bagian pembuka") in errors
    assert any(f.rule == "signatory_names" and "PIHAK KEDUA" in f.message for f in findings)
    # the repeated block is one finding, not one per Pasal, nor a second report as repeated titles
    assert [f.rule for f in findings if f.rule in ("pasal_numbering", "pasal_titles")] == ["pasal_numbering"]


@pytest.mark.parametrize("fmt", ["docx", "md"])
def test_own_rendering_of_bpjs_is_clean(tmp_path: Path, bpjs_path: Path, fmt: str) -> None:
    path = tmp_path / f"bpjs.{fmt}"
    path.write_bytes(render(build(load_agreement(bpjs_path)), fmt))
    # what the example's data carries (KNOWN), placed in the printed text: a file has no field paths
    known = [("legal_basis", "legal_basis[7].diundangkan"), ("legal_basis", "legal_basis[8].diundangkan")]
    assert sorted(KNOWN["pks_bpjs_ketenagakerjaan_imigrasi"]) == known
    assert sorted((f.rule, f.place) for f in check_file(path).findings) == [("legal_basis", "dasar hukum angka 8"),
                                                                           ("legal_basis", "dasar hukum angka 9")]


def test_pasal_out_of_order(tmp_path: Path) -> None:
    [f] = check_text(tmp_path, NASKAH.replace("Pasal 2**", "Pasal 3**"), "pasal_numbering")
    assert f.severity == "error" and f.place == "Pasal 3" and "seharusnya Pasal 2" in f.message


def test_text_without_pasal_is_not_taken_for_a_naskah(tmp_path: Path) -> None:
    [f] = check_text(tmp_path, NASKAH.replace("Pasal ", "Bagian "), "pasal_numbering")
    assert f.severity == "warning" and f.place == "naskah"


def test_repeated_pasal(tmp_path: Path) -> None:
    text = NASKAH.replace("| | |", "**Pasal 2**\n**JANGKA WAKTU**\n\nBerlaku.\n\n| | |")
    [f] = check_text(tmp_path, text, "pasal_numbering")
    assert f.place == "Pasal 2" and "blok pasal yang sama" in f.message


def test_ayat_gap(tmp_path: Path) -> None:
    text = NASKAH.replace("- (2) Koordinasi", "- (3) Koordinasi")
    [f] = check_text(tmp_path, text, "ayat_numbering")
    assert f.place == "Pasal 2" and "ayat (2) tidak ada" in f.message


def test_reference_to_missing_pasal_or_ayat(tmp_path: Path) -> None:
    text = NASKAH.replace("dalam Pasal 1 ayat (2)", "dalam Pasal 5").replace("pada ayat (1) dan", "pada ayat (4) dan")
    found = {(f.place, f.message.split(",")[0]) for f in check_text(tmp_path, text, "cross_references")}
    assert found == {("Pasal 2 ayat (2)", "merujuk Pasal 5"), ("Pasal 2 ayat (2)", "merujuk ayat (4)")}


def test_reference_to_missing_ayat_of_another_pasal(tmp_path: Path) -> None:
    [f] = check_text(tmp_path, NASKAH.replace("Pasal 1 ayat (2)", "Pasal 1 ayat (3)"), "cross_references")
    assert "Pasal 1 ayat (3)" in f.message and "hanya sampai ayat (2)" in f.message


def test_reference_to_another_regulation_is_not_checked(tmp_path: Path) -> None:
    text = NASKAH.replace("dalam Pasal 1 ayat (2)", "dalam Pasal 17 ayat (3) Undang-Undang Dasar")
    assert check_text(tmp_path, text, "cross_references") == []


def test_terbilang_mismatch(tmp_path: Path) -> None:
    [f] = check_text(tmp_path, NASKAH.replace("3 (tiga) bulan", "3 (empat) bulan"), "terbilang")
    assert f.place == "Pasal 2" and "'tiga'" in f.message


def test_terbilang_of_rupiah_and_thousands(tmp_path: Path) -> None:
    ok = NASKAH.replace("Berlaku selama", "Biaya Rp1.001.000,00 (satu juta seribu rupiah); berlaku selama")
    assert check_text(tmp_path, ok, "terbilang") == []
    wrong = ok.replace("satu juta seribu rupiah", "satu juta satu ribu rupiah")
    assert len(check_text(tmp_path, wrong, "terbilang")) == 1


def test_title_subject_restated_differently(tmp_path: Path) -> None:
    text = NASKAH.replace("tentang Pertukaran Data, yang", "tentang Pemanfaatan Data, yang")
    [f] = check_text(tmp_path, text, "title_subject")
    assert "'Pemanfaatan Data'" in f.message and "'PERTUKARAN DATA'" in f.message


def test_duplicate_pasal_titles(tmp_path: Path) -> None:
    [f] = check_text(tmp_path, NASKAH.replace("**JANGKA WAKTU**", "**MAKSUD DAN TUJUAN**"), "pasal_titles")
    assert f.place == "Pasal 2"


def test_signatory_spelled_two_ways(tmp_path: Path) -> None:
    text = NASKAH.replace("| **ANGGORO EKO CAHYO** |", "| **ANGGORO EKO CAHJO** |")
    [f] = check_text(tmp_path, text, "signatory_names")
    assert f.severity == "error" and "'ANGGORO EKO CAHJO'" in f.message


def test_signatory_missing_under_the_signature(tmp_path: Path) -> None:
    text = NASKAH.replace("| **ANGGORO EKO CAHYO** | **SILMY KARIM** |", "| **ANGGORO EKO CAHYO** | |")
    messages = [f.message for f in check_text(tmp_path, text, "signatory_names")]
    assert len(messages) == 2
    assert any("'SILMY KARIM' disebut di komparisi" in m for m in messages)
    assert any("PIHAK KEDUA tidak memuat nama" in m for m in messages)


def test_plain_text_and_party_block_as_lines(tmp_path: Path) -> None:
    text = NASKAH.replace("1. **ANGGORO EKO CAHYO** : Direktur Utama, selanjutnya",
                          "1. Nama : ANGGORO EKO\nJabatan : Direktur Utama, selanjutnya")
    path = tmp_path / "naskah.txt"
    path.write_text(text, encoding="utf-8")
    assert [f.rule for f in check_file(path).findings] == ["signatory_names"]


@pytest.mark.parametrize("name, content", [("naskah.pdf", b"%PDF"), ("rusak.docx", b"bukan zip"),
                                           ("latin1.txt", "Pasal 1 \xe9".encode("latin-1"))])
def test_unreadable_documents_are_input_errors(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError):
        check_file(path)
