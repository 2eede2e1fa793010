"""Numbers and dates written in Indonesian words (terbilang): values only. The sentences they
stand in (the opening's "Pada hari ini …", the body's "3 (tiga) bulan") are the library's.

Everything goes through num2words ``lang="id"``, with the one correction it needs:
num2words 0.5.14 writes 1.001.000 as "satu juta satu ribu"; Indonesian says
"satu juta seribu" (a thousand-group of exactly one is "seribu" wherever it stands).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
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


def nama_hari(d: date, jumat: str = "Jumat") -> str:
    """The day's name; Friday as the drafter spells it (``Jumat`` is KBBI's, ``Jum'at`` common)."""
    name = HARI[d.weekday()]
    return jumat if name == "Jumat" else name


@dataclass(frozen=True)
class DateWords:
    """The parts of a date as the opening writes them; a part not (yet) known is ``None``."""

    hari: str | None  # "Senin"
    tanggal: str | None  # "sembilan belas"
    bulan: str | None  # "Juni"
    tahun: str | None  # "dua ribu dua puluh tiga"
    angka: tuple[str | None, str | None, str | None]  # ("19", "06", "2023")


def date_words(year: int | None, month: int | None = None, day: int | None = None, *,
               capitalised: bool = False, jumat: str = "Jumat") -> DateWords:
    """A date, or as much of it as is known (a year, or a year and month), in words: the day and
    year in words (in Title Case when ``capitalised``), the names of the day and month."""
    case = title_case if capitalised else (lambda s: s)
    full = date(year, month, day) if year and month and day else None
    return DateWords(
        hari=nama_hari(full, jumat) if full else None,
        tanggal=case(terbilang(day)) if full and day else None,
        bulan=BULAN[month - 1] if month else None,
        tahun=case(terbilang(year)) if year else None,
        angka=(f"{day:02d}" if full and day else None, f"{month:02d}" if month else None,
               str(year) if year else None),
    )


def ordinal(n: int) -> str:
    """'pertama', 'kedua', 'ketiga', … (the ordinals of party labels)."""
    return "pertama" if n == 1 else "ke" + terbilang(n)
