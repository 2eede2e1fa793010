"""Emphasis that real agreements apply everywhere, also inside text typed by the drafter:
the party labels in bold (PIHAK PERTAMA, PARA PIHAK, …, as in seed 003) and foreign words in
italics (UU 12/2011, Lampiran II). Applied to the numbered document, so every output format
shows the same emphasis; the text itself is not changed."""

from __future__ import annotations

import re
from functools import cache

import yaml

from .document import Document, Inline, Run
from .library import TEMPLATES_DIR

_ORDINALS = "PERTAMA|KESATU|KEDUA|KETIGA|KEEMPAT|KELIMA|KEENAM"


@cache
def _pattern(labels: tuple[str, ...]) -> re.Pattern[str]:
    """Bold for the labels this naskah defines (its signatories' and PARA PIHAK, PIHAK), in upper
    case only ("para pihak" in running text is not the defined term); a label it does not define
    (PIHAK PERTAMA in a naskah of PIHAK KESATU) stays plain, as ``drafting check`` reports it."""
    defined = "|".join(re.escape(label) for label in sorted({*labels, "PARA PIHAK", "PIHAK"}, key=len, reverse=True))
    terms = yaml.safe_load((TEMPLATES_DIR / "istilah_asing.yaml").read_text(encoding="utf-8"))
    foreign = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    # A match starts with one of these letters (P: every label); looking for them first halves the scan.
    first = re.escape("".join(sorted({t[0] for t in terms} | {"P"})))
    # a label other than the defined ones is matched whole, so that its "PIHAK" is not bolded alone
    return re.compile(rf"(?=(?i:[{first}]))(?:(?P<label>\b(?:{defined})\b(?! (?:{_ORDINALS})\b))"
                      rf"|(?P<other>\bPIHAK (?:{_ORDINALS})\b)|(?P<foreign>(?i:\b(?:{foreign})\b)))")


def emphasise(doc: Document) -> Document:
    """A new document with the emphasis; ``doc`` is left as it was."""
    pattern = _pattern(tuple(s.label for s in doc.signatories))
    return doc.map_contents(lambda content: _runs(content, pattern))


def _runs(content: list[Inline], pattern: re.Pattern[str]) -> list[Inline]:
    out: list[Inline] = []
    for node in content:
        if not isinstance(node, Run):
            out.append(node)
            continue
        pos = 0
        for m in pattern.finditer(node.text):
            if m.start() > pos:
                out.append(Run(node.text[pos:m.start()], node.bold, node.italic))
            out.append(Run(m.group(), node.bold or bool(m["label"]), node.italic or bool(m["foreign"])))
            pos = m.end()
        if pos < len(node.text):
            out.append(Run(node.text[pos:], node.bold, node.italic))
    return out
