"""The adendum's document, and the history it amends.

``history`` applies the changed inputs in order to the signed agreement (versions.py) and says
what each changes (points.py); ``adendum`` writes the last of them as a naskah: the template
``templates/adendum`` from the changed input, whose title block, opening, komparisi and
signatures are the agreement's own clauses in its style, with the adendum's numbers, date and
signatories (``adendum`` of the input), and Pasal I with each point followed by the Pasal it
inserts or restates, numbered as the agreement numbers them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..assemble import BLANK, assemble_as, library_for
from ..document import Document
from ..errors import InputError, Problem
from ..model import Agreement, ClauseChoice
from ..numbering import number
from ..redline.changes import Comparison, compare
from ..terbilang import ordinal
from ..typography import emphasise
from .points import Point, points
from .versions import Version, amend, original

# The parts of the agreement's template an adendum writes again: a variant chosen for them carries over.
_SHARED = ("judul", "pembukaan", "tanda_tangan")
# Pasal I and Pasal II: an amendment's own Pasal are numbered in Roman numerals (UU 12/2011 Lampiran II BAB IV).
_LABELS = {"adendum_pasal_i": "I", "adendum_pasal_ii": "II"}


@dataclass(frozen=True)
class Amendment:
    ke: int  # 1 for the Adendum Pertama
    before: Version
    after: Version
    comparison: Comparison
    points: tuple[Point, ...]


def history(signed: Agreement, changed: Sequence[Agreement], sources: Sequence[str]) -> list[Amendment]:
    """Each changed input applied in order to the signed agreement (``sources``: the signed
    input's name, then each changed one's)."""
    version = original(signed, source=sources[0])
    out = []
    for ke, (agreement, source) in enumerate(zip(changed, sources[1:], strict=True), 1):
        if agreement.adendum is None:
            raise InputError(source, [Problem("adendum", "wajib diisi: alasan perubahan (adendum.reason), dan bila "
                                                         "sudah ada, nomor dan tanggal adendum")])
        if agreement.kind != signed.kind or len(agreement.parties) != len(signed.parties):
            raise InputError(source, [Problem("kind", "adendum mengubah naskah yang sama: jenis naskah dan jumlah "
                                                      "pihaknya tidak berubah")])
        after = amend(version, agreement, source=source)
        comparison = compare(version.doc, after.doc)
        found = tuple(points(comparison, after.doc.words))
        if not found:
            raise InputError(source, [Problem("", "isian yang diubah tidak mengubah satu pasal pun; adendum "
                                                  "mengubah pasal naskah")])
        out.append(Amendment(ke, version, after, comparison, found))
        version = after
    return out


def adendum(signed: Agreement, amendments: Sequence[Amendment], *, source: str = "<input>") -> Document:
    """The naskah of the last amendment, citing the agreement and the adenda before it."""
    last = amendments[-1]
    changed = last.after.agreement
    info = changed.adendum
    assert info is not None, "history requires it"
    parties = [p.model_copy(update={
        "nomor": info.numbers[i] if i < len(info.numbers) else None,
        "representative": info.representatives[i] if i < len(info.representatives) else p.representative,
    }) for i, p in enumerate(changed.parties)]
    written = changed.model_copy(update={
        "parties": parties, "signing": info.signing, "naskah": None, "renewal": None, "extra_pasal": [],
        "clauses": ClauseChoice(variants={k: v for k, v in changed.clauses.variants.items() if k in _SHARED})})
    lib = library_for(changed, source=source)
    context = {"adendum": {
        "ke": ordinal(last.ke),
        "naskah": signed.naskah or lib.template(signed.kind.value).naskah,
        "numbers": agreement_numbers(signed),
        "date": signed.signing.date,
        "earlier": cited(amendments[:-1]),
        "pasal_perubahan": last.before.labels.get("perubahan"),
        "reason": info.reason,
        "points": last.points,
    }}
    doc = assemble_as(written, lib.template("adendum"), lib, context, source=source)
    _quote(doc, last.points)
    return emphasise(number(doc, list_levels=changed.style.list_levels, labels=_LABELS))


def _quote(doc: Document, found: Sequence[Point]) -> None:
    """Each point of Pasal I with the Pasal it inserts or restates under it."""
    pasal_i = next(s for s in doc.pasal if s.id == "adendum_pasal_i")
    para = pasal_i.paragraphs[0]
    if len(found) == 1:
        para.quoted = found[0].quoted
        return
    assert para.list is not None and len(para.list.items) == len(found), "one item per point"
    for item, point in zip(para.list.items, found):
        item.quoted = point.quoted


def agreement_numbers(agreement: Agreement) -> list[str]:
    """The agreement's numbers as its recitals cite them (a blank where it has none)."""
    return [p.nomor for p in agreement.parties if p.nomor] or [BLANK]


def cited(amendments: Sequence[Amendment]) -> list[dict[str, Any]]:
    """Adenda as a text cites them: which (``ke``: "pertama"), their numbers and date."""
    out = []
    for a in amendments:
        info = a.after.agreement.adendum
        assert info is not None, "history requires it"
        out.append({"ke": ordinal(a.ke), "numbers": list(info.numbers) or [BLANK], "date": info.signing.date})
    return out
