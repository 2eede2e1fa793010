"""Who signs a naskah of Kerja Sama luar negeri for the Kementerian. Permen 8/2025 Pasal 34: the
Menteri or the pimpinan of the Unit Eselon I that carries it out (signer_authority checks the
level). Pasal 8: cooperation at the level of the Kementerian, or of two or more Unit Eselon I
with an equal foreign partner, is the Menteri's (ayat (2) and (3)); of one Unit Eselon I, that
unit's (ayat (4)). The SOP of seed 001 (kegiatan 7): one unit, its head; two or more, the Menteri
or the Sekretaris Jenderal. The units are ``foreign.units``."""

from __future__ import annotations

import re

from ..model import Agreement, SignerLevel
from . import rule
from .analysis import Analysis
from .citations import permen
from .finding import Finding
from .scope import PERMEN_8_2025, Applies
from .signer_authority import kementerian_signers

NAME = "foreign_signatory"
SOP = "SOP Pelaksanaan Kerja Sama Luar Negeri (seed 001) kegiatan 7"
_ACTING = re.compile(r"^(?:Plt\.?|Plh\.?|Pelaksana Tugas|Pelaksana Harian)\s+", re.IGNORECASE)
# A unit of Eselon I and the title of its head: Direktorat Jenderal X → Direktur Jenderal X.
_HEADS = ((re.compile(r"^Direktorat Jenderal\b", re.IGNORECASE), "Direktur Jenderal"),
          (re.compile(r"^Sekretariat Jenderal\b", re.IGNORECASE), "Sekretaris Jenderal"),
          (re.compile(r"^Inspektorat Jenderal\b", re.IGNORECASE), "Inspektur Jenderal"),
          (re.compile(r"^Badan\b", re.IGNORECASE), "Kepala Badan"))


def head_of(unit: str) -> str:
    """The title of a unit's head: 'Direktorat Jenderal Imigrasi' → 'Direktur Jenderal Imigrasi'."""
    unit = " ".join(unit.split())
    for pattern, head in _HEADS:
        if pattern.match(unit):
            return pattern.sub(head, unit)
    return f"pimpinan {unit}"


def _norm(text: str) -> str:
    return " ".join(_ACTING.sub("", text.strip()).casefold().split())


@rule(NAME, Applies(needs_input=True, kementerian=True, foreign=True, regulation=PERMEN_8_2025))
def check(agreement: Agreement, analysis: Analysis) -> list[Finding]:
    units = agreement.foreign.units if agreement.foreign else []
    findings = []
    for i, position, level in kementerian_signers(agreement):
        place = f"parties[{i}].representative.position"
        if not units:
            findings.append(Finding(NAME, "info", "sebutkan Unit Eselon I yang melaksanakan kerja sama ini di "
                                                  "foreign.units, agar penandatangannya dapat diperiksa: satu unit "
                                                  "ditandatangani pimpinannya, dua unit atau lebih oleh Menteri",
                                    "foreign.units", f"{permen('Pasal 8 dan Pasal 34')}; {SOP}"))
        elif level is SignerLevel.menteri:
            continue
        elif len(units) > 1:
            if _norm(position).startswith("sekretaris jenderal"):
                findings.append(Finding(NAME, "info", f"kerja sama {len(units)} Unit Eselon I dengan mitra luar negeri "
                                                      "dilaksanakan oleh Menteri (Permen 8/2025 Pasal 8 ayat (3)); "
                                                      "SOP membolehkan Sekretaris Jenderal menandatanganinya",
                                        place, f"{permen('Pasal 8 ayat (3)')}; {SOP}"))
            else:
                findings.append(Finding(NAME, "error", f"kerja sama ini dilaksanakan oleh {len(units)} Unit Eselon I "
                                                       f"({', '.join(units)}): ditandatangani oleh Menteri (atau, "
                                                       f"menurut SOP, Sekretaris Jenderal), bukan oleh '{position}'",
                                        place, f"{permen('Pasal 8 ayat (3) dan Pasal 34')}; {SOP}"))
        elif level is SignerLevel.pimpinan_eselon_1 and _norm(position) != _norm(head_of(units[0])):
            findings.append(Finding(NAME, "warning", f"kerja sama satu Unit Eselon I ({units[0]}) ditandatangani oleh "
                                                     f"pimpinan unit itu ({head_of(units[0])}), bukan oleh "
                                                     f"'{position}'", place,
                                    f"{permen('Pasal 8 ayat (4) dan Pasal 34 huruf b')}; {SOP}"))
    return findings
