"""A read naskah cut into the parts extraction reads: the title block, the front matter, each
Pasal (number, title, body), the signature block. A block of Pasal that appears again after the
last one (seed 003 repeats its Pasal 14–16 after the signatures) is dropped here, the first copy
kept, and a finding says so and what the copies differ in. A bilingual naskah's closing words
('Ditandatangani di … / Signed at …', msp_bahasa) end its last Pasal: they and the signatures after
them are its ``closing``."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from ..checks import Finding
from ..read import Paragraph
from ..read.structure import is_caps


@dataclass
class Pasal:
    number: int
    title: str
    body: list[Paragraph]


@dataclass
class Source:
    title: list[Paragraph] = field(default_factory=list)  # title lines and NOMOR lines, in order
    front: list[Paragraph] = field(default_factory=list)
    pasal: list[Pasal] = field(default_factory=list)
    signature: list[Paragraph] = field(default_factory=list)
    closing: list[Paragraph] = field(default_factory=list)  # a bilingual naskah's closing words and signatures
    findings: list[Finding] = field(default_factory=list)


# the closing words of a naskah in both languages (a legacy naskah's 'Ditandatangani di … dalam dua
# rangkap asli.' stays in its last Pasal, D2)
CLOSING = re.compile(r"^(?:Ditandatangani di .* dalam bahasa Indonesia dan bahasa Inggris|"
                     r"Signed at .* in the Indonesian and English languages)")


def cut(paragraphs: list[Paragraph]) -> Source:
    src = Source()
    blocks: list[list[Pasal]] = [[]]  # runs of Pasal whose numbers go up
    signatures: list[list[Paragraph]] = [[]]
    for p in paragraphs:
        if src.closing or (blocks[-1] and not p.label and p.part == "body" and CLOSING.match(p.text)):
            src.closing.append(p)
        elif p.part in ("title", "number"):
            src.title.append(p)
        elif p.part == "front":
            src.front.append(p)
        elif p.part == "heading":
            run = blocks[-1]
            if run and p.pasal is not None and p.pasal <= run[-1].number:
                blocks.append([])
                signatures.append([])
            blocks[-1].append(Pasal(p.pasal or 0, "", []))
        elif p.part == "pasal_title" or _title_goes_on(blocks[-1], p):
            blocks[-1][-1].title = (blocks[-1][-1].title + " " + p.text).strip()
        elif p.part == "signature":
            signatures[-1].append(p)
        elif blocks[-1]:
            blocks[-1][-1].body.append(p)
    src.pasal = blocks[0]
    src.signature = signatures[0] or next((s for s in signatures if s), [])
    for run in blocks[1:]:
        src.findings.append(_repeat_finding(run, src.pasal))
    return src


def _title_goes_on(run: list[Pasal], p: Paragraph) -> bool:
    """A Pasal title wrapped in a narrow column (a bilingual PDF side by side: 'MULAI BERLAKU, JANGKA'
    / 'WAKTU, DAN PENGAKHIRAN'): the line in capitals right under it, before its text, is its too."""
    return bool(run and run[-1].title and not run[-1].body and p.part == "body" and not p.label
                and is_caps(p.text) and not re.search(r"[.;:]$", run[-1].title))


def _repeat_finding(run: list[Pasal], kept: list[Pasal]) -> Finding:
    numbers = f"Pasal {run[0].number}" + (f"–{run[-1].number}" if len(run) > 1 else "")
    by_number = {p.number: p for p in kept}
    differences = []
    for p in run:
        first = by_number.get(p.number)
        if first is None:
            continue
        a, b = _words(first), _words(p)
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            if op != "equal":
                differences.append(f"Pasal {p.number}: '{' '.join(a[i1:i2])}' / '{' '.join(b[j1:j2])}'")
    same = "sama persis" if not differences else "berbeda: " + "; ".join(differences)
    return Finding("pasal_numbering", "warning",
                   f"{numbers} muncul lagi sesudah Pasal {kept[-1].number if kept else '?'} (blok berulang); salinan "
                   f"kedua dibuang dari isian, yang pertama dipakai (salinan kedua {same})",
                   numbers, "UU 12/2011 Lampiran II (penomoran pasal)")


def _words(p: Pasal) -> list[str]:
    return [w for para in p.body for w in para.full.split()]
