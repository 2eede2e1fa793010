"""Numbers and dates written in Indonesian words (terbilang).

Everything goes through num2words ``lang="id"``, with the one correction it needs:
num2words 0.5.14 writes 1.001.000 as "satu juta satu ribu"; Indonesian says
"satu juta seribu" (a thousand-group of exactly one is "seribu" wherever it stands).
"""

from __future__ import annotations

import re
from datetime import date

from num2words import num2words

HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)

# "satu ribu" is wrong only where the thousand-group is exactly one: at the start or right
# after a larger scale word (juta, miliar and every "-liun" num2words knows, up to desiliun).
# "dua puluh satu ribu" (21.000) and "seratus satu ribu" (101.000) must stay as they are.
_SATU_RIBU = re.compile(r"(^|\b(?:juta|miliar|\w+liun) )satu ribu\b")


def terbilang(n: int) -> str:
    """``n`` in Indonesian words, lower case: 1001000 -> 'satu juta seribu'."""
    if isinstance(n, bool) or not isinstance(n, int):
        # num2words reads floats digit by digit and crashes on strings: integers only.
        raise TypeError(f"terbilang expects an int, got {type(n).__name__}")
    if n < 0:
        return "minus " + terbilang(-n)
    return _SATU_RIBU.sub(r"\1seribu", num2words(n, lang="id"))


def with_words(n: int, unit: str = "") -> str:
    """The body convention of UU 12/2011: digits, then the words in brackets: '3 (tiga) bulan'."""
    text = f"{n} ({terbilang(n)})"
    return f"{text} {unit}" if unit else text


def title_case(words: str) -> str:
    return " ".join(w.capitalize() for w in words.split())


def rupiah(amount: int) -> str:
    """'Rp500.000.000,00 (lima ratus juta rupiah)'."""
    digits = f"{amount:,}".replace(",", ".")
    return f"Rp{digits},00 ({terbilang(amount)} rupiah)"


def tanggal(d: date) -> str:
    """A date in the body: '16 Januari 2027'."""
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


def nama_hari(d: date) -> str:
    return HARI[d.weekday()]


def opening_date(d: date, *, capitalised: bool = True, digits: bool = True) -> str:
    """The opening's date: 'Senin, tanggal Sembilan Belas, bulan Juni, tahun Dua Ribu Dua Puluh
    Tiga (19-06-2023)', or in lower case, with or without the digits."""
    case = title_case if capitalised else (lambda s: s)
    text = (
        f"{nama_hari(d)}, tanggal {case(terbilang(d.day))}, bulan {BULAN[d.month - 1]}, "
        f"tahun {case(terbilang(d.year))}"
    )
    if digits:
        text += f" ({d.day:02d}-{d.month:02d}-{d.year})"
    return text


def ordinal(n: int) -> str:
    """'pertama', 'kedua', 'ketiga', … (the ordinals of party labels)."""
    return "pertama" if n == 1 else "ke" + terbilang(n)
