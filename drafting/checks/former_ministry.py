"""A party named after the Kementerian Hukum dan Hak Asasi Manusia, which no longer exists: in
2024 its imigrasi and pemasyarakatan functions went to the Kementerian Imigrasi dan
Pemasyarakatan (Perpres 157/2024, which Permen 8/2025 rests on). A renewal copies its
predecessor's parties, so a renewal of an older agreement is where the old name comes back.
Asked of naskah signed since Permen 8/2025, and of undated drafts: an older naskah rightly bears
the name of its day."""

from __future__ import annotations

import re

from ..model import Agreement
from . import rule
from .analysis import Analysis
from .finding import Finding
from .scope import PERMEN_8_2025, Applies

NAME = "former_ministry"
_OLD = re.compile(r"Kementerian\s+Hukum\s+dan\s+(?:Hak\s+Asasi\s+Manusia|HAM)\b|Kemenkumham", re.IGNORECASE)


@rule(NAME, Applies(needs_input=True, regulation=PERMEN_8_2025))
def check(agreement: Agreement, analysis: Analysis) -> list[Finding]:
    findings = []
    for i, party in enumerate(agreement.parties):
        fields = {"name": party.name, "parent": party.parent, "short_name": party.short_name,
                  "legal_status": party.legal_status, "representative.position": party.representative.position,
                  "pejabat_penghubung": party.pejabat_penghubung}
        for field, text in fields.items():
            if text and (m := _OLD.search(text)):
                findings.append(Finding(
                    NAME, "warning",
                    f"'{m.group()}' sudah tidak ada: unsur imigrasi dan pemasyarakatan kini berada di Kementerian "
                    "Imigrasi dan Pemasyarakatan; perbarui nama ini (juga jabatan dan kedudukan pihak)",
                    f"parties[{i}].{field}", "Perpres 157/2024"))
    return findings
