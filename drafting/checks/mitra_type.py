"""The parties of a Kerja Sama of the Kementerian are the Kementerian and at least one Mitra Kerja
Sama from outside it (Permen 8/2025 Pasal 1 angka 1 and 2). A naskah without a party of the
Kementerian is not the Kementerian's Kerja Sama: Permen 8/2025 does not govern it, so this rule
(like every rule of the Permen) does not run on it. In a naskah luar negeri, the Indonesian
parties besides the Kementerian are the Indonesian side, not Mitra."""

from __future__ import annotations

from ..model import Agreement, MitraType
from . import rule
from .analysis import Analysis
from .citations import permen
from .finding import Finding
from .scope import PERMEN_8_2025, Applies

NAME = "mitra_type"


@rule(NAME, Applies(needs_input=True, kementerian=True, regulation=PERMEN_8_2025))
def check(agreement: Agreement, analysis: Analysis) -> list[Finding]:
    if all(p.mitra_type is MitraType.kementerian for p in agreement.parties):
        return [Finding(NAME, "error", "semua pihak dari Kementerian; naskah Kerja Sama dibuat dengan Mitra Kerja Sama "
                                       "di luar Kementerian", "parties", permen("Pasal 1 angka 2"))]
    return []
