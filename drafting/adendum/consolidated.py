"""The naskah konsolidasi: the agreement with its adenda applied in order, marked as such.

It is the last version's document (versions.py: every Pasal under the number the agreement and
its adenda gave it, references too), with each deleted Pasal under its number as "Dihapus." and a
note first that it is not an authentic text (clauses/naskah_konsolidasi.yaml, pasal_dihapus.yaml).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..assemble import clause_paragraphs, library_for
from ..document import Document, Section
from ..model import Agreement
from ..typography import emphasise
from .naskah import Amendment, agreement_numbers, cited
from .versions import sort_key


def consolidated(signed: Agreement, amendments: Sequence[Amendment], *, source: str = "<input>") -> Document:
    last = amendments[-1].after
    doc = last.doc
    agreement = last.agreement
    lib = library_for(agreement, source=source)
    context = {"konsolidasi": {
        "numbers": agreement_numbers(signed), "date": signed.signing.date, "adenda": cited(amendments)}}
    note = Section("naskah_konsolidasi", clause_paragraphs(agreement, lib, "naskah_konsolidasi", context,
                                                           naskah=doc.naskah), pasal=False)
    pasal = list(doc.pasal)
    for label in last.deleted:
        text = clause_paragraphs(agreement, lib, "pasal_dihapus", {}, naskah=doc.naskah)
        gone = Section(f"pasal_dihapus_{label}", text, number=label)
        at = next((k for k, s in enumerate(pasal) if sort_key(str(s.number)) > sort_key(label)), len(pasal))
        pasal.insert(at, gone)
    # the note and "Dihapus." have no references: numbering has nothing to do in them
    return emphasise(replace(doc, front=[note, *doc.front], pasal=pasal))
