"""The parties are called by the labels the komparisi defines: a naskah whose parties are PIHAK
KESATU and PIHAK KEDUA does not speak of PIHAK PERTAMA, and the other way round; such a label
names no party of the naskah (UU 12/2011 Lampiran II BAB III: a defined term is used as defined)."""

from __future__ import annotations

import re

from ..model import Agreement
from . import rule
from .analysis import Analysis
from .citations import UU12
from .finding import Finding

NAME = "party_labels"
SOURCE = f"{UU12} BAB III (istilah yang didefinisikan dipakai tetap)"
_DEFINED = re.compile(r"disebut\s+(?:sebagai\s+)?[\"“]?PIHAK\s+(PERTAMA|KESATU)\b")
_USED = re.compile(r"\bPIHAK\s+(PERTAMA|KESATU)\b")


@rule(NAME)
def check(agreement: Agreement | None, analysis: Analysis) -> list[Finding]:
    defined = {m.group(1) for text in analysis.front for m in _DEFINED.finditer(text)}
    if len(defined) != 1:
        return []  # none defined, or both: nothing to hold the text to
    [label] = defined
    findings = []
    for place, p in analysis.places():
        for m in _USED.finditer(p.text):
            if m.group(1) != label:
                findings.append(Finding(NAME, "error", f"'{m.group()}' tidak didefinisikan: naskah ini menyebut pihaknya "
                                                       f"PIHAK {label}", place, SOURCE))
    return list(dict.fromkeys(findings))
