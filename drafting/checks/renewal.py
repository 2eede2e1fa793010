"""A renewal under Permen 8/2025 is of the same kind as the naskah it continues (Pasal 36 ayat
(1)) and has the recommendation of the Biro Hukum dan Kerja Sama (Pasal 36 ayat (2) huruf b), a
step Permen 8/2025 introduced: a renewal signed before it is not judged by it. That the renewed
naskah has not ended before this one is signed is a matter of dates (``dates``), for every naskah."""

from __future__ import annotations

from ..model import Agreement
from . import rule
from .analysis import Analysis
from .citations import permen
from .finding import Finding
from .scope import KINDS, PERMEN_8_2025, Applies

NAME = "renewal"


@rule(NAME, Applies(needs_input=True, kementerian=True, regulation=PERMEN_8_2025))
def check(agreement: Agreement, analysis: Analysis) -> list[Finding]:
    r = agreement.renewal
    if r is None:
        return []
    findings = []
    if not (r.biro_recommendation or "").strip():
        findings.append(Finding(NAME, "warning", "perpanjangan Kerja Sama memerlukan rekomendasi Biro Hukum dan Kerja "
                                                 "Sama: sebutkan rekomendasinya (nomor dan tanggal suratnya) di "
                                                 "renewal.biro_recommendation", "renewal.biro_recommendation",
                                permen("Pasal 36 ayat (2) huruf b")))
    if r.kind is not agreement.kind:
        findings.append(Finding(NAME, "warning", f"naskah yang diperpanjang adalah {KINDS[r.kind.value]}, sedangkan "
                                                 f"naskah ini {KINDS[agreement.kind.value]}; "
                                                 "perpanjangan melanjutkan naskah yang sama",
                                "renewal.kind", permen("Pasal 36 ayat (1)")))
    return findings
