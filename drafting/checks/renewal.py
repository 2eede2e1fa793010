"""A renewal continues an agreement already in force (Permen 8/2025 Pasal 36 ayat (1)), names it
(the model requires its tentang, numbers and date), is of the same kind, and has the
recommendation of the Biro Hukum dan Kerja Sama (Pasal 36 ayat (2) huruf b). That recommendation
is a step Permen 8/2025 introduced: a renewal signed before it is not asked for one."""

from __future__ import annotations

from ..model import Agreement
from . import rule
from .analysis import Analysis
from .citations import permen, under_permen
from .finding import Finding

NAME = "renewal"
_NASKAH = {"perjanjian_kerja_sama": "Perjanjian Kerja Sama", "nota_kesepahaman": "Nota Kesepahaman",
           "nota_kesepakatan": "Nota Kesepakatan", "surat_perjanjian": "Surat Perjanjian",
           "memorandum_saling_pengertian": "Memorandum Saling Pengertian"}


@rule(NAME, needs_input=True)
def check(agreement: Agreement, analysis: Analysis) -> list[Finding]:
    r = agreement.renewal
    if r is None:
        return []
    findings = []
    signed = agreement.signing.date
    if not (r.biro_recommendation or "").strip() and under_permen(signed):
        findings.append(Finding(NAME, "warning", "perpanjangan Kerja Sama memerlukan rekomendasi Biro Hukum dan Kerja "
                                                 "Sama: sebutkan rekomendasinya (nomor dan tanggal suratnya) di "
                                                 "renewal.biro_recommendation", "renewal.biro_recommendation",
                                permen("Pasal 36 ayat (2) huruf b")))
    if r.kind is not agreement.kind:
        findings.append(Finding(NAME, "warning", f"naskah yang diperpanjang adalah {_NASKAH[r.kind.value]}, sedangkan "
                                                 f"naskah ini {_NASKAH[agreement.kind.value]}; "
                                                 "perpanjangan melanjutkan naskah yang sama",
                                "renewal.kind", permen("Pasal 36 ayat (1)")))
    if r.end_date and signed and r.end_date < signed:
        findings.append(Finding(NAME, "warning", f"naskah yang diperpanjang berakhir {r.end_date}, sebelum naskah ini "
                                                 f"ditandatangani ({signed}): yang berakhir tidak dapat diperpanjang, "
                                                 "buat naskah baru", "renewal.end_date", permen("Pasal 36 ayat (1)")))
    return findings
