"""What a signed naskah lacks of the Pasal its template requires (Permen 8/2025 Pasal 21's
minimum: Maksud dan Tujuan, Ruang Lingkup, Jangka Waktu …), said to the drafter.

How it is represented: the input excludes the Pasal (``clauses.exclude``), so that it renders
what was signed, every sentence and every Pasal number as written. Nothing is put in its place:
a Pasal of blanks would add words the parties never signed and renumber the rest (D2's 'Pasal 4'
would become 'Pasal 5'; a 'Pasal 1 ayat (1)' in the text would no longer point where it did), and
``draft: true`` would turn a signed record back into a draft. Assembly accepts the exclusion from a
naskah signed (dated, not a draft) and refuses it from a draft (``assemble._choose``): a naskah
signed before Permen 8/2025 was not asked the minimum; one signed since is the record of a defect,
which ``check`` reports as an error (``minimum_contents``) and ``render`` refuses without
``--force``. A Pasal the naskah has under another title ('LINGKUP KERJASAMA', 'MULAI BERLAKU') is
not lacking: it stands in the clause's place (``extra_pasal.replaces``, ``match.SYNONYMS``).

Either way this finding names the Pasal and the input that writes it. A renewal is a new naskah
and has it: ``drafting renew`` takes it out of ``clauses.exclude`` with a new draft's blanks for
its input (``registry.renew._required_back``); a draft the drafter writes from this input is
refused until they do the same."""

from __future__ import annotations

from ..assemble import library_for
from ..checks import Finding
from ..checks.citations import permen
from ..model import PERMEN_8_2025, Agreement


def lacking(agreement: Agreement, source: str) -> list[Finding]:
    lib = library_for(agreement, source=source)
    tpl = lib.template(agreement.kind.value)
    excluded = set(agreement.clauses.exclude)
    since = agreement.signing.date is not None and agreement.signing.date >= PERMEN_8_2025
    when = ("ditandatangani sesudah Permen 8/2025 berlaku dan tidak memenuhinya" if since
            else "ditandatangani sebelum Permen 8/2025 berlaku (22 Mei 2025)")
    out = []
    for entry in tpl.entries():
        if not entry.required or entry.clause not in excluded:
            continue
        clause = lib.clauses[entry.clause]
        fields = ", ".join(clause.requires)
        out.append(Finding(
            "minimum_contents", "warning",
            f"naskah tidak memuat Pasal {clause.title}, yang wajib ada dalam {tpl.naskah}; naskah {when}, jadi isian "
            f"mencatatnya apa adanya (clauses.exclude: {entry.clause}). Perpanjangan (drafting renew) memuatnya "
            f"lagi dengan titik-titik untuk diisi; draf lain dari isian ini: isi {fields} dan hapus {entry.clause} "
            f"dari clauses.exclude",
            "clauses.exclude", permen("Pasal 21")))
    return out
