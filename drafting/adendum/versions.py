"""An agreement and its amended versions, each numbered as an amendment numbers.

An adendum never renumbers the agreement (UU 12/2011 Lampiran II BAB IV): a Pasal keeps its number
through every adendum, a Pasal inserted takes the number of the one before it with a capital
letter (5A, 5B), a Pasal deleted leaves its number unused. Each version is the changed input's
document numbered so; references in it name those numbers too. Pasal are paired with the version
before by the change model's alignment (redline/changes.py): by clause id, else by text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..assemble import assemble, library_for
from ..document import Document
from ..errors import InputError, Problem
from ..model import Agreement
from ..numbering import number
from ..redline.changes import align
from ..redline.tree import tree
from ..typography import emphasise


@dataclass(frozen=True)
class Version:
    agreement: Agreement
    doc: Document  # numbered with ``labels``
    labels: Mapping[str, str]  # section id → its Pasal number: "7", "5A"
    deleted: tuple[str, ...]  # numbers of the Pasal deleted so far


def original(agreement: Agreement, *, source: str = "<input>") -> Version:
    """The agreement as signed: numbered 1 … n."""
    doc = _numbered(agreement, source, None)
    return Version(agreement, doc, {s.id: str(s.number) for s in doc.pasal}, ())


def amend(before: Version, changed: Agreement, *, source: str = "<input>") -> Version:
    """The changed input's document numbered from ``before``: paired Pasal keep their numbers,
    inserted ones are numbered after the Pasal before them."""
    plain = _numbered(changed, source, None)
    old = tree(before.doc).pasal
    new = tree(plain).pasal
    old_label = {id(node): before.labels[sec.id] for node, sec in zip(old, before.doc.pasal)}
    new_id = {id(node): sec.id for node, sec in zip(new, plain.pasal)}
    used = set(before.labels.values()) | set(before.deleted)
    labels: dict[str, str] = {}
    deleted = list(before.deleted)
    last: str | None = None
    for o, n in align(old, new):
        if o is not None:
            last = old_label[id(o)]
            if n is None:
                deleted.append(last)
            else:
                labels[new_id[id(n)]] = last
            continue
        assert n is not None
        if last is None:
            raise InputError(source, [Problem("extra_pasal", f"'{n.title}' mendahului Pasal 1: adendum tidak "
                                                             "dapat menyisipkan pasal sebelum Pasal 1")])
        last = _after(last, used)
        used.add(last)
        labels[new_id[id(n)]] = last
    return Version(changed, _numbered(changed, source, labels), labels, tuple(deleted))


def _numbered(agreement: Agreement, source: str, labels: Mapping[str, str] | None) -> Document:
    raw = assemble(agreement, source=source, lib=library_for(agreement, source=source))
    return emphasise(number(raw, list_levels=agreement.style.list_levels, labels=labels))


def _after(label: str, used: set[str]) -> str:
    """The number of a Pasal inserted after Pasal ``label``: 5 → 5A, 5A → 5B (a letter not yet
    used, a deleted Pasal's included)."""
    stem, letter = (label[:-1], label[-1]) if label[-1].isalpha() else (label, "")
    code = ord(letter) + 1 if letter else ord("A")
    while f"{stem}{chr(code)}" in used:
        code += 1
    return f"{stem}{chr(code)}"


def sort_key(label: str) -> tuple[int, str]:
    """Where a Pasal number stands among the others: 5 < 5A < 5B < 6."""
    digits = label.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return int(digits), label[len(digits):]
