"""A Memorandum Saling Pengertian is Kerja Sama luar negeri: made with a Mitra Kerja Sama of a
foreign type, a lembaga pemerintah negara asing, an organisasi internasional (nonpemerintah) or
another subject of international law (Permen 8/2025 Pasal 9). A domestic partner in a naskah of
Kerja Sama luar negeri is reported by mitra_type."""

from __future__ import annotations

from ..model import Agreement
from . import rule
from .analysis import Analysis
from .citations import permen
from .finding import Finding
from .scope import FOREIGN_TYPES, PERMEN_8_2025, Applies

NAME = "foreign_partner"


@rule(NAME, Applies(needs_input=True, kinds=frozenset({"memorandum_saling_pengertian"}), kementerian=True,
                     regulation=PERMEN_8_2025))
def check(agreement: Agreement, analysis: Analysis) -> list[Finding]:
    if any(p.mitra_type in FOREIGN_TYPES for p in agreement.parties):
        return []
    return [Finding(NAME, "error", "Memorandum Saling Pengertian adalah naskah Kerja Sama luar negeri, tetapi tidak ada "
                                   "pihak yang merupakan mitra luar negeri (lembaga_pemerintah_asing, "
                                   "organisasi_internasional, organisasi_internasional_nonpemerintah, atau "
                                   "subjek_hukum_internasional_lainnya); untuk mitra dalam negeri buat Nota "
                                   "Kesepahaman atau Perjanjian Kerja Sama", "parties", permen("Pasal 9"))]
