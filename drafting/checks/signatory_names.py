"""Each signatory is written one way: the name the komparisi gives a party's signatory is the name
under that party's signature, letter for letter (seed 003: 'ANGGORO EKO' above, 'ANGGORO EKO
CAHYO' below), and every signature has a name.

Two spellings are taken for one person only on evidence: the same party and role (the komparisi
names the signatory of PIHAK PERTAMA, the signature of PIHAK PERTAMA bears the other spelling) and
names that differ as a slip does: one a subset of the other's words, or a small edit distance over
the same number of words. Then it is an error. Without the party to pair them, a similar name is a
warning; two signatories of different parties are two people, however alike their names
('AGUS SANTOSO' and 'AGUS SUSANTO').
"""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from ..model import Agreement
from . import rule
from .analysis import Analysis
from .citations import UU12
from .finding import Finding

NAME = "signatory_names"
SOURCE = f"{UU12} BAB I huruf D (nama pejabat yang menandatangani)"
_SLIP = 2  # letters: at most this many edits (and at most a fifth of the name) is a typing slip


def _words(name: str) -> list[str]:
    """The name's words without degrees and abbreviations ('Dr.', 'S.H.')."""
    return [w for w in name.replace(",", " ").split() if "." not in w]


def spelled_alike(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ as one name written two ways does."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    if set(wa) < set(wb) or set(wb) < set(wa):
        return True
    if len(wa) != len(wb):
        return False
    ja, jb = " ".join(wa), " ".join(wb)
    distance = Levenshtein.distance(ja, jb)
    return 0 < distance <= min(_SLIP, max(len(ja), len(jb)) // 5)


@rule(NAME)
def check(agreement: Agreement | None, analysis: Analysis) -> list[Finding]:
    findings = []
    signed = {s.label: s.name for s in analysis.signatures if s.name}
    names = set(signed.values())
    for name, label in dict.fromkeys(analysis.komparisi):
        if name in names and (label is None or signed.get(label) in (name, None)):
            continue
        under = signed.get(label) if label else None
        if under and spelled_alike(name, under):
            findings.append(Finding(NAME, "error", f"penandatangan {label} ditulis dua cara: '{name}' di komparisi dan "
                                                   f"'{under}' di blok tanda tangan; tulis sama persis",
                                    "komparisi dan blok tanda tangan", SOURCE))
        elif under:
            findings.append(Finding(NAME, "warning", f"komparisi menyebut '{name}' sebagai penandatangan {label}, "
                                                     f"tetapi yang tertulis di bawah tanda tangan {label} '{under}'",
                                    "komparisi dan blok tanda tangan", SOURCE))
        elif alike := [s for s in names if spelled_alike(name, s)]:
            findings.append(Finding(NAME, "warning", f"'{name}' di komparisi mirip '{alike[0]}' di blok tanda tangan: "
                                                     "jika orang yang sama, tulis sama persis",
                                    "komparisi dan blok tanda tangan", SOURCE))
        elif names:
            findings.append(Finding(NAME, "warning", f"'{name}' disebut di komparisi tetapi tidak ada di blok "
                                                     "tanda tangan", "blok tanda tangan", SOURCE))
    for label in dict.fromkeys(s.label for s in analysis.signatures if s.name is None):
        findings.append(Finding(NAME, "warning", f"blok tanda tangan {label} tidak memuat nama penandatangan",
                                "blok tanda tangan", SOURCE))
    return list(dict.fromkeys(findings))
