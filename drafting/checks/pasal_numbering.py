"""Pasal are numbered 1, 2, 3 … without gaps or repeats (UU 12/2011, Lampiran II). A run of
repeated numbers is one defect, reported once: a block of Pasal pasted twice (seed 003 repeats its
Pasal 14–16 after the signatures)."""

from __future__ import annotations

from ..model import Agreement
from . import rule
from .analysis import Analysis
from .citations import UU12
from .finding import Finding

NAME = "pasal_numbering"


@rule(NAME)
def check(agreement: Agreement | None, analysis: Analysis) -> list[Finding]:
    pasal = analysis.pasal
    if not pasal and analysis.reference_error is None:
        return [Finding(NAME, "warning", "tidak ada satu pun judul 'Pasal 1', 'Pasal 2', … di baris tersendiri: "
                                         "berkas ini bukan naskah kerja sama, atau pasalnya tidak terbaca", "naskah",
                        UU12)]
    findings = []
    previous, i = 0, 0
    while i < len(pasal):
        if not pasal[i].first:
            j = i
            while j + 1 < len(pasal) and not pasal[j + 1].first and pasal[j + 1].number == pasal[j].number + 1:
                j += 1
            first, last = pasal[i].number, pasal[j].number
            block = f"Pasal {first}" if i == j else f"Pasal {first}–{last}"
            same = all(p.title == analysis.pasal_numbers[p.number].title for p in pasal[i:j + 1])
            what = "mengulang pasal bernomor sama di atasnya: blok pasal yang sama tertulis dua kali" if same \
                else "bernomor sama dengan pasal lain di atasnya"
            findings.append(Finding(NAME, "error", f"{block} muncul lagi sesudah Pasal {previous} dan {what}; "
                                                   "hapus salinannya atau nomori ulang pasal-pasalnya",
                                    block, UU12))
            previous, i = last, j + 1
            continue
        number = pasal[i].number
        if number != previous + 1:
            where = f"sesudah Pasal {previous}" if previous else "sebagai pasal pertama"
            findings.append(Finding(NAME, "error", f"Pasal {number} {where}: pasal harus bernomor urut tanpa "
                                                   f"loncatan (seharusnya Pasal {previous + 1})",
                                    f"Pasal {number}", UU12))
        previous, i = number, i + 1
    return findings
