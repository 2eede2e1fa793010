"""Dates that agree with one another, in every naskah: an earlier agreement ends after it was
signed, this naskah is signed after the Nota Kesepahaman it implements and after the agreement
it renews, and before that one ends (what has ended cannot be extended); its term does not start
before signing unless the drafter means it (berlaku surut, UU 12/2011 Lampiran II on when a
provision takes effect), and the notice to extend or end it ('paling lambat N bulan sebelum
berakhirnya jangka waktu') fits in the term. The term is a minimum content of a naskah under
Permen 8/2025 (Pasal 21 huruf g), which the findings cite for a naskah it governs."""

from __future__ import annotations

from dateutil.relativedelta import relativedelta

from ..model import Agreement
from . import rule
from .analysis import Analysis
from .citations import UU12, permen
from .finding import Finding
from .scope import PERMEN_8_2025, Applies
from .term_dates import term_end, term_start

NAME = "dates"
EFFECT = f"{UU12} BAB I huruf C.5 (saat mulai berlaku)"


@rule(NAME, Applies(needs_input=True))
def check(agreement: Agreement, analysis: Analysis) -> list[Finding]:
    findings = []
    signed = agreement.signing.date
    governed = analysis.scope.kementerian and analysis.scope.under(PERMEN_8_2025)
    TERM = permen("Pasal 21 huruf g") if governed else EFFECT
    for field, prior in (("nota_kesepahaman", agreement.nota_kesepahaman), ("renewal", agreement.renewal)):
        if prior is None:
            continue
        if prior.end_date and prior.end_date <= prior.date:
            findings.append(Finding(NAME, "error", f"tanggal berakhir {prior.end_date} tidak sesudah tanggal naskah "
                                                   f"{prior.date}", f"{field}.end_date", TERM))
        if signed and prior.date >= signed:
            findings.append(Finding(NAME, "error", f"naskah yang dirujuk bertanggal {prior.date}, tidak sebelum "
                                                   f"penandatanganan naskah ini ({signed})", f"{field}.date", TERM))
    r = agreement.renewal
    if r is not None and r.end_date and signed and r.end_date < signed:
        findings.append(Finding(NAME, "warning", f"naskah yang diperpanjang berakhir {r.end_date}, sebelum naskah ini "
                                                 f"ditandatangani ({signed}): yang berakhir tidak dapat diperpanjang, "
                                                 "buat naskah baru", "renewal.end_date", TERM))
    term = agreement.term
    if term is None:
        return findings
    if term.start and signed and term.start < signed:
        findings.append(Finding(NAME, "warning", f"jangka waktu mulai {term.start}, sebelum penandatanganan "
                                                 f"({signed}): berlaku surut; pastikan memang dikehendaki",
                                "term.start", TERM))
    start, end = term_start(agreement), term_end(agreement)
    too_short = (term.years is not None and term.years * 12 <= term.notice_months) or (
        start is not None and end is not None and start + relativedelta(months=term.notice_months) > end)
    if too_short:
        findings.append(Finding(NAME, "error", f"koordinasi perpanjangan atau pengakhiran paling lambat "
                                               f"{term.notice_months} bulan sebelum berakhir tidak muat dalam jangka "
                                               "waktu naskah ini", "term.notice_months", TERM))
    return findings
