"""A list has at least two items: a single item lettered 'a.' is a sentence to write as such
(UU 12/2011 Lampiran II BAB I huruf C, tabulasi: a lead-in and its items)."""

from __future__ import annotations

from ..model import Agreement
from . import rule
from .analysis import Analysis
from .citations import UU12
from .finding import Finding
from .lists import single_items

NAME = "single_item_list"
SOURCE = f"{UU12} BAB I huruf C (tabulasi)"


@rule(NAME)
def check(agreement: Agreement | None, analysis: Analysis) -> list[Finding]:
    return [Finding(NAME, "warning", f"daftar hanya berisi satu butir ('a. {item.text[:40]}…'): tulis sebagai kalimat, "
                                     "tanpa huruf", place, SOURCE) for place, item in single_items(analysis)]
