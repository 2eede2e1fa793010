"""Dates that agree with one another: an earlier agreement ends after it was signed, this naskah
is signed after the Nota Kesepahaman it implements and after the agreement it renews, its term
does not start before signing unless the drafter means it, and the notice to extend or end it
('paling lambat N bulan sebelum berakhirnya jangka waktu') fits in the term."""

from __future__ import annotations

from dateutil.relativedelta import relativedelta

from ..model import Agreement
from . import rule
from .analysis import Analysis
from .citations import permen
from .finding import Finding
from .term_dates import term_end, term_start

NAME = "dates"
TERM = permen("Pasal 21 huruf g")


@rule(NAME, needs_input=True)
def check(agreement: Agreement, analysis: Analysis) -> list[Finding]:
    findings = []
    signed = agreement.signing.date
    for field, prior in (("nota_kesepahaman", agreement.nota_kesepahaman), ("renewal", agreement.renewal)):
        if prior is None:
            continue
        if prior.end_date and prior.end_date <= prior.date:
            findings.append(Finding(NAME, "error", f"tanggal berakhir {prior.end_date} tidak sesudah tanggal naskah "
                                                   f"{prior.date}", f"{field}.end_date", TERM))
        if signed and prior.date >= signed:
            findings.append(Finding(NAME, "error", f"naskah yang dirujuk bertanggal {prior.date}, tidak sebelum "
                                                   f"penandatanganan naskah ini ({signed})", f"{field}.date", TERM))
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
