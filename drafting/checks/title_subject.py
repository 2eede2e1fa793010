"""The subject of the title block (after TENTANG) is the subject wherever the text restates it:
'… membuat Perjanjian Kerja Sama tentang X, yang selanjutnya disebut …' (seed 003's title said
one thing and its body another)."""

from __future__ import annotations

import re

from ..model import Agreement
from . import rule
from .analysis import Analysis
from .citations import UU12
from .finding import Finding

NAME = "title_subject"
# the nearest "tentang" before "yang selanjutnya disebut": earlier ones name other agreements
_RESTATED = re.compile(r"(?:Perjanjian Kerja Sama|Nota Kesepahaman)\s+tentang\s+((?:(?!\btentang\b).)+?),?\s+"
                       r"yang\s+selanjutnya\s+disebut", re.IGNORECASE)


def _norm(text: str) -> str:
    # upper() first: the title is the subject in capitals, and "ı".upper() is "I", "ß".upper() "SS"
    return " ".join(text.upper().casefold().split()).strip(" ,.")


@rule(NAME)
def check(agreement: Agreement | None, analysis: Analysis) -> list[Finding]:
    if not analysis.title_subject:
        if analysis.scope.foreign:
            return []  # an international title may name its field without TENTANG ('BIDANG …', C1)
        return [Finding(NAME, "warning", "judul tidak memuat pokok naskah sesudah kata TENTANG", "judul", UU12)]
    findings = []
    places = [("bagian pembuka", analysis.front)] + [(p.place, p.paragraphs) for p in analysis.pasal]
    for place, paragraphs in places:
        for text in paragraphs:
            for m in _RESTATED.finditer(text):
                if _norm(m.group(1)) != _norm(analysis.title_subject):
                    findings.append(Finding(
                        NAME, "error", f"pokok naskah ditulis '{m.group(1)}', sedangkan judulnya "
                                       f"'{analysis.title_subject}'; tulis sama persis", place, UU12))
    return findings
