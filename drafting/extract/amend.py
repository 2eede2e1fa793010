"""An adendum's changes applied to its parent naskah before the parent is read back, so that the
input (and the renewal made from it) starts from the text in force.

Pasal I of an adendum says 'Ketentuan Pasal 5 ayat (2) … diubah sehingga berbunyi sebagai
berikut:' and quotes the new words: the whole Pasal ('Pasal 5', its title, its ayat: this tool's
adenda, UU 12/2011 Lampiran II BAB IV) or the ayat alone ('(2) …': B1). Each quoted Pasal takes
the place of the parent's, each quoted ayat the place of the parent's ayat of that number. Other
forms (a Pasal deleted or inserted) change what the parent's Pasal are, not their words: they
are refused, named, for the drafter to write into the input."""

from __future__ import annotations

import re

from ..errors import InputError, Problem
from ..read import Paragraph
from ..read.structure import AYAT_LABEL, QUOTED_HEADING, is_caps
from .adendum import is_adendum
from .source import Pasal, Source

_CHANGED = re.compile(r"^Ketentuan Pasal (?P<pasal>\d+)\b.*\bberbunyi sebagai berikut\s*:$")
_POINT = re.compile(r"^(?:Ketentuan Pasal \d+|Pasal \d+[A-Z]? .*dihapus|Di antara Pasal|Sesudah Pasal)\b")


def amend(src: Source, adendum: list[Paragraph], source: str) -> list[str]:
    """Apply ``adendum``'s changes to ``src`` (the parent, cut); return the report's notes."""
    if not is_adendum(adendum):
        raise InputError(source, [Problem("", "bukan adendum (judulnya tidak ADENDUM/ADDENDUM dan pasalnya tidak "
                                              "bernomor Romawi): --adendum hanya untuk naskah adendum")])
    name = next((p.text for p in adendum if p.part == "title"), "adendum")
    first = next((p.pasal for p in adendum if p.part == "heading"), None)
    body = [p for p in adendum if p.part == "body" and p.pasal == first]
    points: list[tuple[str, list[Paragraph]]] = []
    for p in body:
        if _POINT.match(p.text):
            points.append((p.text, []))
        elif points:
            points[-1][1].append(p)
    refused = [text for text, _ in points if not _CHANGED.match(text)]
    if refused or not points:
        what = "; ".join(refused) if refused else "tidak ada 'Ketentuan Pasal … diubah sehingga berbunyi sebagai berikut:'"
        raise InputError(source, [Problem("", f"perubahan {name} ini belum dapat diterapkan pada naskah induk ({what}): "
                                              "terapkan sendiri pada isian hasil drafting extract")])
    by_number = {p.number: p for p in src.pasal}
    notes = []
    for text, quoted in points:
        number = int(re.findall(r"\d+", text)[0])  # 'Ketentuan Pasal 5 …' (_CHANGED)
        target = by_number.get(number)
        if target is None or not quoted:
            raise InputError(source, [Problem("", f"{name}: '{text}' — Pasal {number} tidak ada dalam naskah induk, "
                                                  "atau teks barunya tidak terbaca")])
        notes.append(_apply(target, quoted, name, text, source))
    return notes


def _apply(target: Pasal, quoted: list[Paragraph], name: str, sentence: str, source: str) -> str:
    new = [Paragraph(p.text, "body", p.label, target.number) for p in quoted]
    if QUOTED_HEADING.match(new[0].text):  # the whole Pasal, its title on the next line
        new = new[1:]
        if new and not new[0].label and is_caps(new[0].text):
            target.title, new = new[0].text, new[1:]
        target.body = new
        return f"Pasal {target.number} sebagaimana diubah oleh {name}"
    labels = [p.label for p in new if AYAT_LABEL.match(p.label)]  # the ayat quoted: '(2)', or '(2)' and '(3)'
    at = [k for k, p in enumerate(target.body) if p.label in labels]
    if not labels or labels[0] != new[0].label or not at:
        raise InputError(source, [Problem("", f"{name}: '{sentence}': ayat {new[0].label or '?'} tidak ada dalam "
                                              f"Pasal {target.number} naskah induk")])
    end = next((k for k in range(at[-1] + 1, len(target.body)) if AYAT_LABEL.match(target.body[k].label)),
               len(target.body))
    target.body[at[0]:end] = new
    return f"Pasal {target.number} {' dan '.join(f'ayat {label}' for label in labels)} sebagaimana diubah oleh {name}"
