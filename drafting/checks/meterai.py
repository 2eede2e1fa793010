"""Bea meterai (UU 10/2020): Rp10.000 on a naskah signed from 1 Januari 2021, when the law came
into force (Pasal 5; Rp6.000 before, under UU 13/1985); and none for a party abroad, whose
original is not a document used in Indonesia (Pasal 3): a Memorandum Saling Pengertian's foreign
party signs without one. A draft's signature block already leaves a foreign party's meterai out
(clauses/tanda_tangan.yaml); an existing naskah is read for it."""

from __future__ import annotations

import re

from ..model import Agreement
from . import rule
from .analysis import Analysis
from .citations import UU10
from .finding import Finding
from .scope import UU_10_2020

NAME = "meterai"
_OLD_RATE = re.compile(r"\bm[ae]terai\b[^.;]{0,40}?Rp\.?\s*6\.000", re.IGNORECASE)


@rule(NAME)
def check(agreement: Agreement | None, analysis: Analysis) -> list[Finding]:
    findings = []
    if analysis.scope.foreign and len(analysis.signatures) >= 2 and all(s.meterai for s in analysis.signatures):
        findings.append(Finding(NAME, "warning", "setiap tanda tangan di atas meterai, juga tanda tangan pihak luar "
                                                 "negeri, yang tidak memerlukannya", "blok tanda tangan",
                                f"{UU10} Pasal 3"))
    if analysis.scope.under(UU_10_2020):
        findings += [Finding(NAME, "warning", "meterai Rp6.000 tidak berlaku lagi sejak 1 Januari 2021: meterai Rp10.000",
                             place, f"{UU10} Pasal 5") for place, p in analysis.places() if _OLD_RATE.search(p.text)]
    return list(dict.fromkeys(findings))
