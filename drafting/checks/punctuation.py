"""A punctuation mark is written once: 'uji..', ';;', ',,' and '::' are typing slips (UU 12/2011
Lampiran II BAB III: the language of a regulation follows Indonesian spelling and punctuation).
An ellipsis ('...', '…') is not a doubled full stop."""

from __future__ import annotations

import re

from ..model import Agreement
from . import rule
from .analysis import Analysis
from .citations import UU12
from .finding import Finding

NAME = "punctuation"
SOURCE = f"{UU12} BAB III (ejaan dan tanda baca)"
_DOUBLED = re.compile(r"(?<![.…])(\.\.)(?![.…])|(,,|;;|::)")


@rule(NAME)
def check(agreement: Agreement | None, analysis: Analysis) -> list[Finding]:
    findings = []
    for place, p in analysis.places():
        for m in _DOUBLED.finditer(p.text):
            start = max(0, m.start() - 20)
            findings.append(Finding(NAME, "error", f"tanda baca ganda '{m.group()}' dalam '…{p.text[start:m.end() + 5]}…'",
                                    place, SOURCE))
    return findings
