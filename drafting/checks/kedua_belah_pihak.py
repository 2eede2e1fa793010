"""Once the komparisi defines PARA PIHAK, the parties together are PARA PIHAK everywhere: 'kedua
belah pihak' or 'kedua pihak' speaks of them by a term the naskah does not define (UU 12/2011
Lampiran II BAB III: a defined term is used as defined)."""

from __future__ import annotations

import re

from ..model import Agreement
from . import rule
from .analysis import Analysis
from .citations import UU12
from .finding import Finding

NAME = "defined_term_para_pihak"
SOURCE = f"{UU12} BAB III (istilah yang didefinisikan dipakai tetap)"
_DEFINED = re.compile(r"disebut\s+(?:sebagai\s+)?[\"“]?PARA\s+PIHAK\b")
_UNDEFINED = re.compile(r"\bkedua\s+(?:belah\s+)?pihak\b", re.IGNORECASE)


@rule(NAME)
def check(agreement: Agreement | None, analysis: Analysis) -> list[Finding]:
    if not any(_DEFINED.search(text) for text in analysis.front):
        return []
    return list(dict.fromkeys(
        Finding(NAME, "warning", f"'{m.group()}': naskah ini mendefinisikan PARA PIHAK; pakai istilah itu", place, SOURCE)
        for place, p in analysis.places() for m in _UNDEFINED.finditer(p.text)))
