"""Kerja Sama luar negeri is coordinated with the ministry of foreign affairs, and follows the
rules on international agreements where that coordination says so (Permen 8/2025 Pasal 10)."""

from __future__ import annotations

from ..model import Agreement
from . import rule
from .analysis import Analysis
from .citations import permen
from .finding import Finding
from .scope import FOREIGN_TYPES, PERMEN_8_2025, Applies

NAME = "foreign_coordination"


@rule(NAME, Applies(needs_input=True, kementerian=True, foreign=True, regulation=PERMEN_8_2025))
def check(agreement: Agreement, analysis: Analysis) -> list[Finding]:
    return [Finding(NAME, "warning", f"'{p.short_name}' adalah mitra luar negeri: Kerja Sama ini harus "
                                     "dikoordinasikan dengan kementerian yang menyelenggarakan urusan pemerintahan di "
                                     "bidang luar negeri, dan mengikuti ketentuan perjanjian internasional jika "
                                     "koordinasi itu menyatakannya", f"parties[{i}].mitra_type", permen("Pasal 10"))
            for i, p in enumerate(agreement.parties) if p.mitra_type in FOREIGN_TYPES]
