"""The parties are the Kementerian and Mitra Kerja Sama of the allowed types: lembaga negara,
lembaga pemerintah, lembaga nonpemerintah, pemerintah daerah at home (Permen 8/2025 Pasal 3
ayat (4)); lembaga pemerintah negara asing, organisasi internasional (nonpemerintah), subjek
hukum internasional lainnya abroad (Pasal 9). Kerja Sama is between the Kementerian and a Mitra
(Pasal 1 angka 1 and 2)."""

from __future__ import annotations

from ..model import Agreement, MitraType
from . import rule
from .analysis import FOREIGN_TYPES, Analysis
from .citations import permen
from .finding import Finding

NAME = "mitra_type"


@rule(NAME, needs_input=True)
def check(agreement: Agreement, analysis: Analysis) -> list[Finding]:
    types = [p.mitra_type for p in agreement.parties]
    findings = []
    if MitraType.kementerian not in types:
        findings.append(Finding(NAME, "error", "tidak ada pihak dari Kementerian (mitra_type: kementerian); naskah "
                                               "Kerja Sama dibuat oleh Kementerian dengan Mitra Kerja Sama",
                                "parties", permen("Pasal 1 angka 1")))
    if all(t is MitraType.kementerian for t in types):
        findings.append(Finding(NAME, "error", "semua pihak dari Kementerian; naskah Kerja Sama dibuat dengan Mitra "
                                               "Kerja Sama di luar Kementerian", "parties", permen("Pasal 1 angka 2")))
    if analysis.foreign:
        findings += [Finding(NAME, "warning", f"Kerja Sama luar negeri dibuat dengan mitra Pasal 9; "
                                              f"'{p.short_name}' ({p.mitra_type.value}) adalah mitra dalam negeri "
                                              "(Pasal 3 ayat (4)): buat naskah terpisah untuknya",
                             f"parties[{i}].mitra_type", permen("Pasal 9"))
                     for i, p in enumerate(agreement.parties)
                     if p.mitra_type not in FOREIGN_TYPES and p.mitra_type is not MitraType.kementerian]
    return findings
