"""A PKS (Kerja Sama teknis) implements a Nota Kesepahaman (Permen 8/2025 Pasal 6), unless it is
purely technical or rests on a pimpinan Unit Eselon I's consideration (Pasal 7 ayat (1)), which
the input then states in ``technical_basis``. Chapter III: domestic cooperation only."""

from __future__ import annotations

from ..model import Agreement
from . import rule
from .analysis import Analysis
from .citations import permen
from .finding import Finding
from .scope import PERMEN_8_2025, Applies

NAME = "pks_basis"


@rule(NAME, Applies(needs_input=True, kementerian=True, regulation=PERMEN_8_2025, foreign=False,
                    kinds=frozenset({"perjanjian_kerja_sama"})))
def check(agreement: Agreement, analysis: Analysis) -> list[Finding]:
    if agreement.nota_kesepahaman or (agreement.technical_basis or "").strip():
        return []
    return [Finding(NAME, "error", "Perjanjian Kerja Sama menjabarkan Nota Kesepahaman: isi nota_kesepahaman "
                                   "(tentang, nomor, tanggal), atau, jika kerja sama ini bersifat teknis semata atau "
                                   "didasarkan pada pertimbangan pimpinan Unit Eselon I, nyatakan dasarnya di "
                                   "technical_basis", "nota_kesepahaman", permen("Pasal 6 dan Pasal 7 ayat (1)"))]
