"""An adendum's text is not an agreement: it names the parent's Pasal it changes and the new
words, nothing more (UU 12/2011 Lampiran II BAB IV: amending articles Pasal I, Pasal II). Read
alone it would make an input of two Pasal called I and II. It is recognised — a title block
opening with ADENDUM/ADDENDUM/AMANDEMEN, or Pasal numbered in Roman figures — and refused with
what to do instead: read the parent naskah with the adendum's changes (``amend``: ``drafting extract
INDUK --adendum ADENDUM``), or carry them into the parent's input by hand."""

from __future__ import annotations

import re

from ..errors import InputError, Problem
from ..read import Paragraph

_TITLE = re.compile(r"^(?:ADENDUM|ADDENDUM|AMANDEMEN|AMENDEMEN)\b")
_ROMAN_HEADING = re.compile(r"^(?:Pasal|PASAL)\s+[IVXLC]+$")
# "Ketentuan Pasal 5 ayat (2) Perjanjian Induk diubah …", "Pasal 9 dihapus.", "Di antara Pasal 7 dan
# Pasal 8 disisipkan 1 (satu) pasal …": up to the verb, as the adendum writes it
_CHANGE = re.compile(r"^(?:Ketentuan |Di antara )?Pasal \d+.*?\b(?:diubah|dihapus|disisipkan|ditambah(?:kan)?)\b")


def is_adendum(paragraphs: list[Paragraph]) -> bool:
    head = next((p.text for p in paragraphs if p.part == "title"), "")
    return bool(_TITLE.match(head)) or any(p.part == "heading" and _ROMAN_HEADING.match(p.text) for p in paragraphs)


def refuse_adendum(paragraphs: list[Paragraph], source: str) -> None:
    """Raise when ``paragraphs`` are an adendum's; name its changes found."""
    if not is_adendum(paragraphs):
        return
    head = next((p.text for p in paragraphs if p.part == "title"), "")
    changes = [m.group(0) for p in paragraphs if p.part == "body" and (m := _CHANGE.match(p.text))]
    what = f" ({'; '.join(changes)})" if changes else ""
    name = head if _TITLE.match(head) else "naskah ini"
    raise InputError(source, [Problem("", (
        f"{name} adalah adendum, bukan naskah perjanjian utuh: teksnya saja tidak dapat menjadi isian. Baca "
        f"kembali naskah induknya dengan perubahan yang dibuat adendum ini{what}: drafting extract INDUK "
        f"--adendum {source} -o induk.yaml (atau baca induknya saja dan tuliskan perubahan itu sendiri ke "
        f"isiannya), agar perpanjangan dan adendum berikutnya (drafting adendum) berangkat dari teks yang berlaku"))])
