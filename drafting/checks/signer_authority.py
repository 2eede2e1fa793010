"""Who signs for the Kementerian (Permen 8/2025): a Nota Kesepahaman (Kerja Sama utama) the
Menteri, a Kepala Kantor Wilayah Ditjen Imigrasi or Ditjen Pemasyarakatan (Pasal 4 ayat (1)),
or a pimpinan Unit Eselon I (Pasal 23 huruf a); a PKS (Kerja Sama teknis) a pimpinan Unit
Eselon I or a Kepala UPT (Pasal 4 ayat (2), Pasal 23 huruf b); a naskah luar negeri the Menteri
or a pimpinan Unit Eselon I (Pasal 34). The level is ``Party.signer_level``, or read from the
position's first words when they leave no doubt."""

from __future__ import annotations

import re

from ..model import Agreement, MitraType, SignerLevel
from . import rule
from .analysis import Analysis
from .citations import permen
from .finding import Finding
from .scope import PERMEN_8_2025, Applies

NAME = "signer_authority"
_ACTING = re.compile(r"^(?:Plt\.?|Plh\.?|Pelaksana Tugas|Pelaksana Harian)\s+", re.IGNORECASE)
_LEVELS: tuple[tuple[re.Pattern[str], SignerLevel], ...] = tuple((re.compile(p, re.IGNORECASE), level) for p, level in (
    (r"^Menteri\b", SignerLevel.menteri),
    (r"^(?:Direktur Jenderal|Sekretaris Jenderal|Inspektur Jenderal|Kepala Badan)\b", SignerLevel.pimpinan_eselon_1),
    (r"^Kepala Kantor Wilayah\b", SignerLevel.kepala_kantor_wilayah),
    ((r"^Kepala (?:Kantor Imigrasi|Rumah Detensi Imigrasi|Lembaga Pemasyarakatan|Lapas\b|Rumah Tahanan|Rutan\b|"
     r"Balai Pemasyarakatan|Bapas\b|Lembaga Pembinaan Khusus Anak|LPKA\b|Rumah Penyimpanan Benda Sitaan|"
     r"Rupbasan\b|Unit Pelaksana Teknis|UPT\b)"), SignerLevel.kepala_upt),
))
_WORDS = {
    SignerLevel.menteri: "Menteri",
    SignerLevel.pimpinan_eselon_1: "pimpinan Unit Eselon I",
    SignerLevel.kepala_kantor_wilayah: "Kepala Kantor Wilayah",
    SignerLevel.kepala_upt: "Kepala UPT Kementerian",
    SignerLevel.lainnya: "pejabat lain",
}


def infer_level(position: str) -> SignerLevel | None:
    position = _ACTING.sub("", position.strip())
    return next((level for pattern, level in _LEVELS if pattern.match(position)), None)


def _allowed(agreement: Agreement, foreign: bool) -> tuple[set[SignerLevel], str]:
    if foreign:
        return {SignerLevel.menteri, SignerLevel.pimpinan_eselon_1}, "Pasal 34"
    if agreement.kind.utama:
        return ({SignerLevel.menteri, SignerLevel.kepala_kantor_wilayah, SignerLevel.pimpinan_eselon_1},
                "Pasal 4 ayat (1) dan Pasal 23 huruf a")
    return {SignerLevel.pimpinan_eselon_1, SignerLevel.kepala_upt}, "Pasal 4 ayat (2) dan Pasal 23 huruf b"


@rule(NAME, Applies(needs_input=True, kementerian=True, regulation=PERMEN_8_2025))
def check(agreement: Agreement, analysis: Analysis) -> list[Finding]:
    allowed, article = _allowed(agreement, analysis.foreign)
    may_sign = " atau ".join(_WORDS[level] for level in SignerLevel if level in allowed)
    naskah = "naskah Kerja Sama luar negeri" if analysis.foreign else (
        "Nota Kesepahaman" if agreement.kind.utama else "Perjanjian Kerja Sama")
    findings = []
    for i, party in enumerate(agreement.parties):
        if party.mitra_type is not MitraType.kementerian:
            continue
        position = party.representative.position
        level = party.signer_level or infer_level(position)
        place = f"parties[{i}].signer_level" if party.signer_level else f"parties[{i}].representative.position"
        if level is None:
            findings.append(Finding(NAME, "info", f"tingkat penandatangan '{position}' tidak dapat ditentukan dari "
                                                  f"jabatannya; isi signer_level agar kewenangannya dapat diperiksa "
                                                  f"({naskah} ditandatangani oleh {may_sign})", place, permen(article)))
        elif level not in allowed:
            findings.append(Finding(NAME, "error", f"{naskah} ditandatangani oleh {may_sign}, bukan oleh "
                                                   f"{_WORDS[level]} ('{position}')", place, permen(article)))
    return findings
