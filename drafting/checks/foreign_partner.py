"""A Memorandum Saling Pengertian is Kerja Sama luar negeri: made with a Mitra Kerja Sama of a
foreign type, a lembaga pemerintah negara asing, an organisasi internasional (nonpemerintah) or
another subject of international law (Permen 8/2025 Pasal 9). A domestic partner in a naskah of
Kerja Sama luar negeri is reported by mitra_type."""

from __future__ import annotations

from ..model import Agreement
from . import rule
from .analysis import FOREIGN_TYPES, Analysis
from .citations import permen, under_permen
from .finding import Finding

NAME = "foreign_partner"


@rule(NAME, needs_input=True)
def check(agreement: Agreement, analysis: Analysis) -> list[Finding]:
    if not agreement.kind.luar_negeri or any(p.mitra_type in FOREIGN_TYPES for p in agreement.parties):
        return []
    if not under_permen(agreement.signing.date):
        return []
    return [Finding(NAME, "error", "Memorandum Saling Pengertian adalah naskah Kerja Sama luar negeri, tetapi tidak ada "
                                   "pihak yang merupakan mitra luar negeri (lembaga_pemerintah_asing, "
                                   "organisasi_internasional, organisasi_internasional_nonpemerintah, atau "
                                   "subjek_hukum_internasional_lainnya); untuk mitra dalam negeri buat Nota "
                                   "Kesepahaman atau Perjanjian Kerja Sama", "parties", permen("Pasal 9"))]
