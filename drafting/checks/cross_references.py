"""Every 'Pasal 7' and 'ayat (2)' the text refers to exists (UU 12/2011, Lampiran II). For a
draft, numbering already refuses a reference to a clause left out: that refusal is reported here
as a finding instead of stopping the check."""

from __future__ import annotations

import re

from ..model import Agreement
from . import rule
from .analysis import Analysis, PasalText
from .citations import UU12
from .finding import Finding
from .scope import Applies

NAME = "cross_references"
_AYAT = r"ayat\s*\((\d+)\)"
# "Pasal 7", "Pasal 7 ayat (1)", "Pasal 9 ayat (1) dan ayat (2)"
_PASAL_REF = re.compile(rf"\bPasal\s+(\d+)((?:\s*(?:,|dan|atau)?\s*{_AYAT})*)")
_AYAT_REF = re.compile(rf"\b{_AYAT}")
# A Pasal of another regulation or agreement: "Pasal 17 ayat (3) Undang-Undang Dasar …"
_EXTERNAL = re.compile(r"^\s*(?:huruf\s+\w+\s*)?(?:Undang|Peraturan|Keputusan|Instruksi|UU\b|PP\b|Perpres|Permen|"
                       r"Kitab|KUH|Konvensi|Nota Kesepahaman|Perjanjian(?! Kerja Sama ini))")


@rule(NAME, Applies(except_kinds=(("adendum", "adendum: rujukannya menunjuk pasal naskah yang diubahnya"),)))
def check(agreement: Agreement | None, analysis: Analysis) -> list[Finding]:
    findings = []
    if analysis.reference_error:
        findings.append(Finding(NAME, "error", analysis.reference_error, "rujukan silang", UU12))
    for p in analysis.pasal:
        ayat = ""
        for item in p.items:
            ayat = f" ayat ({item.ayat})" if item.ayat is not None else ayat
            for problem in _broken(item.text, p, analysis):
                findings.append(Finding(NAME, "error", problem, f"{p.place}{ayat}", UU12))
    return list(dict.fromkeys(findings))


def _broken(text: str, here: PasalText, analysis: Analysis) -> list[str]:
    problems = []
    local = text
    for m in _PASAL_REF.finditer(text):
        local = local.replace(m.group(0), " " * len(m.group(0)), 1)
        if _EXTERNAL.match(text[m.end():]):
            continue
        target = analysis.pasal_numbers.get(int(m.group(1)))
        if target is None:
            problems.append(f"merujuk Pasal {m.group(1)}, yang tidak ada dalam naskah ini")
            continue
        problems += [f"merujuk Pasal {target.number} ayat ({n}), yang tidak ada (Pasal {target.number} "
                     f"{_ayat_words(target)})" for n in map(int, re.findall(_AYAT, m.group(2))) if n not in target.ayat]
    # What is left of 'ayat (n)' is a reference within this Pasal ("sebagaimana dimaksud pada ayat (1)").
    problems += [f"merujuk ayat ({n}), yang tidak ada dalam {here.place} ({_ayat_words(here)})"
                 for n in map(int, _AYAT_REF.findall(local)) if n not in here.ayat]
    return problems


def _ayat_words(p: PasalText) -> str:
    return f"hanya sampai ayat ({max(p.ayat)})" if p.ayat else "tidak berayat"
