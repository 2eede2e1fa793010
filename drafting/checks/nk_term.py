"""A PKS does not outlast the Nota Kesepahaman it implements (Permen 8/2025 Pasal 3 ayat (3):
Kerja Sama teknis is the working-out of the Kerja Sama utama; Pasal 6: it exists under it)."""

from __future__ import annotations

from ..model import Agreement, Kind
from ..terbilang import tanggal
from . import rule
from .analysis import Analysis
from .citations import permen
from .finding import Finding
from .scope import PERMEN_8_2025, Applies
from .term_dates import term_end

NAME = "pks_within_nk"
SOURCE = permen("Pasal 3 ayat (3) dan Pasal 6")


@rule(NAME, Applies(needs_input=True, kementerian=True, regulation=PERMEN_8_2025,
                    kinds=frozenset({"perjanjian_kerja_sama"})))
def check(agreement: Agreement, analysis: Analysis) -> list[Finding]:
    nk = agreement.nota_kesepahaman
    if agreement.kind.family is not Kind.perjanjian_kerja_sama or nk is None:
        return []
    if nk.end_date is None:
        return [Finding(NAME, "warning", "tanggal berakhir Nota Kesepahaman tidak diisi, sehingga tidak dapat "
                                         "diperiksa bahwa Perjanjian Kerja Sama ini berakhir paling lambat bersama "
                                         "Nota Kesepahamannya: isi nota_kesepahaman.end_date",
                        "nota_kesepahaman.end_date", SOURCE)]
    end = term_end(agreement)
    if end is None:
        return [Finding(NAME, "info", "tanggal berakhir Perjanjian Kerja Sama belum dapat dihitung (tanggal mulai "
                                      "atau tanggal penandatanganan belum diisi)", "term", SOURCE)]
    if end > nk.end_date:
        return [Finding(NAME, "error", f"Perjanjian Kerja Sama ini berlaku sampai {tanggal(end)}, melewati "
                                       f"berakhirnya Nota Kesepahaman yang dijabarkannya ({tanggal(nk.end_date)})",
                        "term", SOURCE)]
    return []
