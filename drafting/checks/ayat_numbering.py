"""Within a Pasal, ayat are numbered (1), (2), (3) … in order, none missing or repeated
(UU 12/2011, Lampiran II)."""

from __future__ import annotations

from ..model import Agreement
from . import rule
from .analysis import Analysis
from .citations import UU12
from .finding import Finding

NAME = "ayat_numbering"


@rule(NAME)
def check(agreement: Agreement | None, analysis: Analysis) -> list[Finding]:
    findings = []
    for p in analysis.pasal:
        expected = tuple(range(1, len(p.ayat) + 1))
        if p.ayat != expected:
            found = ", ".join(f"({n})" for n in p.ayat)
            missing = sorted(set(range(1, max(p.ayat) + 1)) - set(p.ayat))
            repeated = sorted({n for n in p.ayat if p.ayat.count(n) > 1})
            what = [f"ayat {', '.join(f'({n})' for n in missing)} tidak ada"] if missing else []
            what += [f"ayat {', '.join(f'({n})' for n in repeated)} ganda"] if repeated else []
            what = what or ["urutannya tidak runtut"]
            findings.append(Finding(NAME, "error", f"ayat bernomor {found}: {'; '.join(what)}", p.place, UU12))
    return findings
