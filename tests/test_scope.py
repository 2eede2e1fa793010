"""What check takes a naskah to be (``checks.scope``), from the forms of opening sentence real
agreements use (REAL-AGREEMENTS F.2) and the title block; and when a rule applies."""

from __future__ import annotations

import datetime as dt

import pytest

from drafting.checks.scope import PERMEN_8_2025, UU_10_2020, Applies, Scope, of_text, signing_of_text
from drafting.read import structure

D = dt.date


def opening(sentence: str) -> list:
    return structure(["PERJANJIAN KERJA SAMA", "TENTANG", "UJI COBA", sentence, "Pasal 1", "UMUM", "Isi."])


@pytest.mark.parametrize("sentence, signing, earliest, latest", [
    ("Pada hari ini Senin, tanggal Sembilan Belas, bulan Juni, tahun Dua Ribu Dua Puluh Tiga (19-06-2023), kami",
     "signed", D(2023, 6, 19), D(2023, 6, 19)),
    ("Pada hari ini Jum'at tanggal dua puluh bulan September tahun dua ribu sembilan belas bertempat di Kendari",
     "signed", D(2019, 9, 20), D(2019, 9, 20)),
    ("Pada hari ini Jumat Tanggal dua puluh bulan September Tahun 2019 (20-09-2019)", "signed",
     D(2019, 9, 20), D(2019, 9, 20)),
    ("Perjanjian ini dibuat dan ditandatangani di Maumere, pada hari Rabu tanggal Empat Bulan September tahun "
     "Duaribu Sembilanbelas, oleh", "signed", D(2019, 9, 4), D(2019, 9, 4)),
    ("Pada hari ini Jumat tanggal 02-01-2015 ( dua bulan Januari tahun dua ribu lima belas )", "signed",
     D(2015, 1, 2), D(2015, 1, 2)),
    ("Pada hari ini ……………, tanggal ……………, bulan Juni, tahun 2025, bertempat di Jakarta", "signed",
     D(2025, 6, 1), D(2025, 6, 30)),
    ("Pada hari ini ____ tanggal ____ bulan ____ tahun dua ribu dua puluh empat ( - -2024)", "signed",
     D(2024, 1, 1), D(2024, 12, 31)),
    ("Pada hari ini ……………, tanggal ……………, bulan ……………, tahun ……………, bertempat di Mataram", "unsigned", None, None),
    ("Kami yang bertanda tangan di bawah ini", "unknown", None, None),
])
def test_signing_date_of_the_opening(sentence: str, signing: str, earliest, latest) -> None:
    assert signing_of_text(opening(sentence)) == (signing, earliest, latest)


def test_a_partial_date_straddling_the_regulation_does_not_settle_it() -> None:
    may = Scope("perjanjian_kerja_sama", False, True, "signed", D(2025, 5, 1), D(2025, 5, 31))
    assert may.under(PERMEN_8_2025) is None
    assert Applies(regulation=PERMEN_8_2025).why_not(may).startswith("tanggal penandatanganan tidak cukup")
    assert may.under(UU_10_2020) is True


@pytest.mark.parametrize("title, kind, foreign, kementerian", [
    (["PERJANJIAN KERJA SAMA", "ANTARA", "KANTOR IMIGRASI KELAS I TPI BATAM", "DENGAN", "PEMERINTAH KOTA BATAM"],
     "perjanjian_kerja_sama", False, True),
    (["NOTA KESEPAHAMAN ANTARA", "KEMENTERIAN HUKUM DAN HAK ASASI MANUSIA REPUBLIK INDONESIA DAN",
      "KANTOR KEKAYAAN INTELEKTUAL REPUBLIK RAKYAT CHINA"], "nota_kesepahaman", True, False),
    (["MEMORANDUM OF UNDERSTANDING", "BETWEEN", "LAN", "AND", "INAP"], "memorandum_saling_pengertian", True, False),
    (["ADDENDUM II", "PERJANJIAN KERJA SAMA", "ANTARA", "BPJS KESEHATAN", "DENGAN", "RSUD LEWOLEBA"],
     "adendum", False, False),
])
def test_kind_and_parties_from_the_title(title: list[str], kind: str, foreign: bool, kementerian: bool) -> None:
    scope = of_text(structure([*title, "Isi."]))
    assert (scope.kind, scope.foreign, scope.kementerian) == (kind, foreign, kementerian)


def test_applicability_is_declared_and_easy_to_extend() -> None:
    msp = Scope("memorandum_saling_pengertian", True, True, "unsigned")
    foreign_msp_rule = Applies(kinds=frozenset({"memorandum_saling_pengertian"}), foreign=True, kementerian=True)
    assert foreign_msp_rule.why_not(msp) is None
    assert Applies(foreign=False).why_not(msp) == "bukan naskah dalam negeri"
    assert Applies(kinds=frozenset({"nota_kesepahaman"})).why_not(msp) == "bukan Nota Kesepahaman"
    other_agency = Scope("perjanjian_kerja_sama", False, False, "unsigned")
    assert Applies(kementerian=True).why_not(other_agency) == "tanpa pihak Kementerian Imigrasi dan Pemasyarakatan"


@pytest.mark.parametrize("closing, signing, earliest", [
    ("Ditandatangani di Jakarta pada tanggal 12 Maret 2026 dalam rangkap dua dalam bahasa Indonesia dan bahasa "
     "Inggris, semua naskah sama autentiknya.", "signed", D(2026, 3, 12)),
    ("Ditandatangani di Jakarta pada tanggal …………… dalam rangkap dua dalam bahasa Indonesia dan bahasa Inggris, "
     "semua naskah sama autentiknya.", "unsigned", None),
])
def test_signing_date_of_the_closing_words(closing: str, signing: str, earliest) -> None:
    """A Memorandum Saling Pengertian is dated in its closing words after the last Pasal (msp_bahasa;
    REAL-AGREEMENTS D2), its opening names no date."""
    naskah = structure(["MEMORANDUM SALING PENGERTIAN", "TENTANG", "UJI COBA", "Para Pihak telah mencapai saling "
                        "pengertian sebagai berikut:", "Pasal 1", "UMUM", "(1) Isi.", closing])
    assert signing_of_text(naskah) == (signing, earliest, earliest)


def test_the_opening_dates_a_naskah_before_its_closing_words() -> None:
    naskah = structure(["PERJANJIAN KERJA SAMA", "TENTANG", "UJI COBA", "Pada hari ini Jumat tanggal 02-01-2015 ( dua "
                        "bulan Januari tahun dua ribu lima belas )", "Pasal 1", "UMUM", "Isi.",
                        "Ditandatangani di Jakarta pada tanggal 12 Maret 2026 dalam rangkap dua."])
    assert signing_of_text(naskah) == ("signed", D(2015, 1, 2), D(2015, 1, 2))
