"""The originals of a naskah of Kerja Sama luar negeri reach the Sekretaris Jenderal through the
Kepala Biro Hukum dan Kerja Sama within 14 working days of signing (Permen 8/2025 Pasal 39 ayat
(4)): the finding says the day, counting Indonesian national holidays (drafting.workdays), and
what cuti bersama in the period would change."""

from __future__ import annotations

import datetime as dt

from ..model import Agreement
from ..terbilang import tanggal
from ..workdays import deadline
from . import rule
from .analysis import Analysis
from .citations import permen
from .finding import Finding
from .scope import PERMEN_8_2025, Applies

NAME = "originals_due"
WORKING_DAYS = 14


def _days(days: tuple[tuple[dt.date, str], ...]) -> str:
    return ", ".join(f"{tanggal(d)} ({name.removeprefix('Cuti Bersama ')})" for d, name in days)


@rule(NAME, Applies(needs_input=True, kementerian=True, foreign=True, regulation=PERMEN_8_2025))
def check(agreement: Agreement, analysis: Analysis) -> list[Finding]:
    signed = agreement.signing.date
    if signed is None:
        return []
    d = deadline(signed, WORKING_DAYS)
    message = (f"naskah asli Kerja Sama luar negeri wajib disampaikan kepada Sekretaris Jenderal melalui Kepala Biro "
               f"Hukum dan Kerja Sama paling lama {WORKING_DAYS} (empat belas) hari kerja setelah ditandatangani "
               f"({tanggal(signed)}): paling lambat {tanggal(d.due)}")
    message += f", tanpa menghitung hari libur nasional {_days(d.holidays)}" if d.holidays else ""
    if d.cuti_bersama:
        message += (f"; cuti bersama {_days(d.cuti_bersama)} dihitung sebagai hari kerja (cuti bersama bukan hari "
                    f"libur nasional); jika kantor tutup pada hari itu, batasnya {tanggal(d.due_if_cuti_bersama_off)}")
    if d.unknown_years:
        message += (f"; cuti bersama tahun {', '.join(map(str, d.unknown_years))} belum diketahui, periksa keputusan "
                    f"bersama tentang hari libur nasional dan cuti bersama tahun itu")
    return [Finding(NAME, "info", message, "signing.date", permen("Pasal 39 ayat (4)"))]
