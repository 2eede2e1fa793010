"""A regulation cited in the legal basis carries its place of promulgation: an Undang-Undang,
Peraturan Pemerintah or Peraturan Presiden its Lembaran Negara (and Tambahan Lembaran Negara)
numbers, a Peraturan Menteri or of a lembaga its Berita Negara number, a Peraturan Daerah its
Lembaran Daerah number (UU 12/2011 Lampiran II BAB I huruf B.4, dasar hukum). The Undang-Undang
Dasar and decisions (Keputusan), which are not so promulgated, are not asked for one."""

from __future__ import annotations

import re

from ..model import Agreement
from . import rule
from .analysis import Analysis
from .citations import UU12
from .finding import Finding

NAME = "legal_basis"
SOURCE = f"{UU12} BAB I huruf B.4 (dasar hukum)"
# the lead-in of the legal basis: "Dengan memperhatikan …", "Mengingat …", "berdasarkan … sebagai berikut:"
_LEAD = re.compile(r"^(?:Dengan\s+memperhatikan|Mengingat|Memperhatikan|Berdasarkan\s+ketentuan\s+peraturan)\b",
                   re.IGNORECASE)
_REGULATION = re.compile(r"^(?:Undang-Undang(?!\s+Dasar)|Peraturan\s+Pemerintah|Peraturan\s+Presiden|"
                         r"Peraturan\s+(?:Menteri|Badan|Lembaga|Kepala|Bank|Otoritas)|Peraturan\s+Daerah)\b",
                         re.IGNORECASE)
_PLACE = re.compile(r"Lembaran\s+Negara|Berita\s+Negara|Lembaran\s+Daerah|Berita\s+Daerah", re.IGNORECASE)


@rule(NAME)
def check(agreement: Agreement | None, analysis: Analysis) -> list[Finding]:
    findings = []
    inside = False
    for p in (p for p in analysis.paragraphs if p.part == "front"):
        if not p.label:
            inside = bool(_LEAD.match(p.text))
            continue
        if inside and _REGULATION.match(p.text) and not _PLACE.search(p.text):
            name = re.split(r"\s+tentang\s+", p.text, maxsplit=1, flags=re.IGNORECASE)[0]
            findings.append(Finding(NAME, "warning", f"{name} dikutip tanpa nomor Lembaran Negara/Berita Negara "
                                                     "tempat diundangkannya", f"dasar hukum angka {p.label.rstrip('.')}",
                                    SOURCE))
    return findings
