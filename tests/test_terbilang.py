"""drafting.terbilang: numbers and dates in Indonesian words, the hard cases."""

from __future__ import annotations

from datetime import date

import pytest

from drafting.terbilang import (DateWords, date_words, nama_hari, ordinal, rupiah, tanggal, terbilang, title_case,
                                with_words)


@pytest.mark.parametrize(("n", "words"), [
    (0, "nol"),
    (1, "satu"),
    (10, "sepuluh"),
    (11, "sebelas"),
    (12, "dua belas"),
    (19, "sembilan belas"),
    (20, "dua puluh"),
    (21, "dua puluh satu"),
    (100, "seratus"),
    (101, "seratus satu"),
    (111, "seratus sebelas"),
    (999, "sembilan ratus sembilan puluh sembilan"),
    (1000, "seribu"),
    (1001, "seribu satu"),
    (1100, "seribu seratus"),
    (2023, "dua ribu dua puluh tiga"),
    (11_000, "sebelas ribu"),
    (21_000, "dua puluh satu ribu"),  # must NOT become "dua puluh seribu"
    (31_000, "tiga puluh satu ribu"),
    (101_000, "seratus satu ribu"),  # must NOT become "seratus seribu"
    (111_000, "seratus sebelas ribu"),
    (1_000_000, "satu juta"),
    (1_001_000, "satu juta seribu"),  # the fix over num2words ("satu juta satu ribu")
    (1_001_001, "satu juta seribu satu"),
    (2_001_000, "dua juta seribu"),
    (1_021_000, "satu juta dua puluh satu ribu"),
    (1_101_000, "satu juta seratus satu ribu"),
    (1_000_000_000, "satu miliar"),
    (1_000_001_000, "satu miliar seribu"),
    (1_001_001_000, "satu miliar satu juta seribu"),
    (1_000_000_000_000, "satu triliun"),
    (5_000_000_001_000, "lima triliun seribu"),
    (10**15 + 1000, "satu kuadriliun seribu"),
    (500_000_000, "lima ratus juta"),
])
def test_terbilang(n: int, words: str) -> None:
    assert terbilang(n) == words


@pytest.mark.parametrize("n", [10**18 + 1000, 10**21 + 1000], ids=["kuantiliun", "sekstiliun"])
def test_seribu_after_every_scale_word(n: int) -> None:
    assert terbilang(n).endswith(" seribu")
    assert "satu ribu" not in terbilang(n)


def test_negative() -> None:
    assert terbilang(-1000) == "minus seribu"


@pytest.mark.parametrize("value", [1.0, 3.5, "3", "tiga", True, False, None, [1]])
def test_terbilang_accepts_only_int(value: object) -> None:
    with pytest.raises(TypeError):
        terbilang(value)  # type: ignore[arg-type]


def test_with_words() -> None:
    assert with_words(3, "bulan") == "3 (tiga) bulan"
    assert with_words(1, "kali") == "1 (satu) kali"
    assert with_words(2) == "2 (dua)"
    assert with_words(1000, "tahun") == "1000 (seribu) tahun"


def test_with_words_rejects_float() -> None:
    with pytest.raises(TypeError):
        with_words(2.0, "tahun")  # type: ignore[arg-type]


def test_rupiah() -> None:
    assert rupiah(500_000_000) == "Rp500.000.000,00 (lima ratus juta rupiah)"
    assert rupiah(1_001_000) == "Rp1.001.000,00 (satu juta seribu rupiah)"
    assert rupiah(0) == "Rp0,00 (nol rupiah)"
    assert rupiah(999) == "Rp999,00 (sembilan ratus sembilan puluh sembilan rupiah)"


def test_tanggal() -> None:
    assert tanggal(date(2027, 1, 16)) == "16 Januari 2027"
    assert tanggal(date(2023, 6, 1)) == "1 Juni 2023"  # no leading zero in the body
    assert tanggal(date(2024, 12, 31)) == "31 Desember 2024"


def test_nama_hari() -> None:
    assert nama_hari(date(2023, 6, 19)) == "Senin"
    assert nama_hari(date(2023, 6, 25)) == "Minggu"
    assert nama_hari(date(2023, 6, 23)) == "Jumat"


def test_nama_hari_jumat_as_the_drafter_spells_it() -> None:
    assert nama_hari(date(2023, 6, 23), "Jum'at") == "Jum'at"
    assert nama_hari(date(2023, 6, 19), "Jum'at") == "Senin"


def test_date_words_full_date() -> None:
    assert date_words(2023, 6, 19, capitalised=True) == DateWords(
        "Senin", "Sembilan Belas", "Juni", "Dua Ribu Dua Puluh Tiga", ("19", "06", "2023"))
    assert date_words(2023, 6, 19) == DateWords(
        "Senin", "sembilan belas", "Juni", "dua ribu dua puluh tiga", ("19", "06", "2023"))


def test_date_words_pads_day_and_month_digits() -> None:
    assert date_words(2022, 1, 1, capitalised=True).angka == ("01", "01", "2022")
    assert date_words(2022, 1, 1, capitalised=True).tanggal == "Satu"


def test_date_words_of_a_partial_date_leave_the_unknown_parts_out() -> None:
    assert date_words(2025, 7) == DateWords(None, None, "Juli", "dua ribu dua puluh lima", (None, "07", "2025"))
    assert date_words(2025) == DateWords(None, None, None, "dua ribu dua puluh lima", (None, None, "2025"))
    assert date_words(None) == DateWords(None, None, None, None, (None, None, None))


def test_title_case() -> None:
    assert title_case("dua ribu dua puluh tiga") == "Dua Ribu Dua Puluh Tiga"


@pytest.mark.parametrize(("n", "word"), [(1, "pertama"), (2, "kedua"), (3, "ketiga"), (4, "keempat"),
                                         (11, "kesebelas")])
def test_ordinal(n: int, word: str) -> None:
    assert ordinal(n) == word
