"""No two Pasal carry the same title (a repeated title means a repeated or misplaced article)."""

from __future__ import annotations

from ..model import Agreement
from . import rule
from .analysis import Analysis
from .citations import UU12
from .finding import Finding

NAME = "pasal_titles"


@rule(NAME)
def check(agreement: Agreement | None, analysis: Analysis) -> list[Finding]:
    findings = []
    seen: dict[str, int] = {}
    # Pasal of a repeated number are pasal_numbering's finding, not a second title.
    for p in (p for p in analysis.pasal if p.first and p.title):
        key = " ".join(p.title.upper().split())
        if key in seen:
            findings.append(Finding(NAME, "error", f"judul pasal '{p.title}' sudah dipakai Pasal {seen[key]}; "
                                                   "setiap pasal berjudul lain", p.place, UU12))
        else:
            seen[key] = p.number
    return findings
