"""Kerja Sama luar negeri is coordinated with the ministry of foreign affairs (Permen 8/2025 Pasal 10
ayat (1); the draft is discussed with it, Pasal 33 ayat (1) huruf c), and the input records that
coordination (``foreign.coordination``). Where the coordination found that the cooperation needs
an international agreement, it is made under the rules on treaties (Pasal 10 ayat (2); UU
24/2000 tentang Perjanjian Internasional), not as a naskah under this Permen."""

from __future__ import annotations

from ..model import Agreement
from . import rule
from .analysis import Analysis
from .citations import permen
from .finding import Finding
from .scope import PERMEN_8_2025, Applies

NAME = "foreign_coordination"


@rule(NAME, Applies(needs_input=True, kementerian=True, foreign=True, regulation=PERMEN_8_2025))
def check(agreement: Agreement, analysis: Analysis) -> list[Finding]:
    coordination = agreement.foreign.coordination if agreement.foreign else None
    if coordination is None:
        # A draft is discussed with the Kementerian Luar Negeri (Pasal 33); a final text has been.
        return [Finding(NAME, "warning" if agreement.draft else "error",
                        "Kerja Sama luar negeri harus dikoordinasikan dengan kementerian yang menyelenggarakan urusan "
                        "pemerintahan di bidang luar negeri; catat koordinasinya (surat atau rapat, tanggal, hasilnya) "
                        "di foreign.coordination", "foreign.coordination", permen("Pasal 10 ayat (1)"))]
    if coordination.outcome == "perjanjian_internasional":
        return [Finding(NAME, "error",
                        f"menurut hasil koordinasi dengan Kementerian Luar Negeri ({coordination.record}), kerja sama "
                        "ini perlu melalui perjanjian internasional: naskahnya dibuat dan disahkan menurut Undang-Undang "
                        "Nomor 24 Tahun 2000 tentang Perjanjian Internasional, bukan sebagai Memorandum Saling "
                        "Pengertian menurut Permen 8/2025", "foreign.coordination.outcome",
                        f"{permen('Pasal 10 ayat (2)')}; UU 24/2000")]
    return []
