"""A naskah that is not a draft has every blank filled: its numbers, the signing date, the
pejabat penghubung. A draft writes what is not known yet as dots (``……………``); with ``draft: false``
the same dots would reach the signed naskah (UU 12/2011 Lampiran II BAB I huruf A: the title
carries the number; huruf D: the closing carries the place and date of signing)."""

from __future__ import annotations

import re

from ..model import Agreement
from . import rule
from .analysis import Analysis
from .citations import UU12
from .finding import Finding
from .scope import Applies

NAME = "placeholders"
SOURCE = f"{UU12} BAB I huruf A dan D (nomor; tempat dan tanggal penandatanganan)"
BLANK = re.compile(r"…{2,}|\.{4,}|_{4,}")
_WHAT = (("NOMOR", "nomor naskah"), ("Pada hari ini", "hari dan tanggal penandatanganan"),
         ("ditandatangani", "tanggal penandatanganan"), ("penghubung", "pejabat penghubung"))


@rule(NAME, Applies(needs_input=True))
def check(agreement: Agreement, analysis: Analysis) -> list[Finding]:
    if agreement.draft:
        return []
    findings = []
    for place, p in analysis.places():
        if BLANK.search(p.text):
            what = next((w for key, w in _WHAT if key.lower() in p.text.lower()), "isian")
            findings.append(Finding(NAME, "error", f"{what} masih titik-titik, padahal naskah ini bukan draf "
                                                   "(draft: false): lengkapi isiannya, atau tandai draft: true",
                                    place, SOURCE))
    return list(dict.fromkeys(findings))
