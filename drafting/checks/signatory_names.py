"""Each signatory is written one way: the name in the komparisi is the name under the signature,
letter for letter (seed 003: 'ANGGORO EKO' above, 'ANGGORO EKO CAHYO' below), and every
signature has a name."""

from __future__ import annotations

from difflib import SequenceMatcher

from ..model import Agreement
from . import rule
from .analysis import Analysis
from .finding import Finding

NAME = "signatory_names"
_SIMILAR = 0.8  # difflib ratio from which two spellings are taken for one name (typos, a missing letter)


def _same_person(a: str, b: str) -> bool:
    wa, wb = a.split(), b.split()
    shorter, longer = sorted((wa, wb), key=len)
    return longer[:len(shorter)] == shorter or SequenceMatcher(None, a, b).ratio() >= _SIMILAR


@rule(NAME)
def check(agreement: Agreement | None, analysis: Analysis) -> list[Finding]:
    findings = []
    signed = list(dict.fromkeys(s.name for s in analysis.signatures if s.name))
    for name in dict.fromkeys(analysis.komparisi_names):
        if name in signed:
            continue
        variants = [s for s in signed if _same_person(name, s)]
        if variants:
            findings.append(Finding(NAME, "error", f"penandatangan ditulis dua cara: '{name}' di komparisi dan "
                                                   f"'{variants[0]}' di blok tanda tangan; tulis sama persis",
                                    "komparisi dan blok tanda tangan"))
        elif signed:
            findings.append(Finding(NAME, "warning", f"'{name}' disebut di komparisi tetapi tidak ada di blok "
                                                     "tanda tangan", "blok tanda tangan"))
    for a_index, a in enumerate(signed):
        findings += [Finding(NAME, "error", f"penandatangan ditulis dua cara di blok tanda tangan: '{a}' dan '{b}'",
                             "blok tanda tangan") for b in signed[a_index + 1:] if _same_person(a, b)]
    for label in dict.fromkeys(s.label for s in analysis.signatures if s.name is None):
        findings.append(Finding(NAME, "warning", f"blok tanda tangan {label} tidak memuat nama penandatangan",
                                "blok tanda tangan"))
    return findings
