"""Every number written twice, '3 (tiga) bulan', says the same thing in digits and in words
(UU 12/2011, Lampiran II); the words are compared with drafting.terbilang."""

from __future__ import annotations

import re

from ..model import Agreement
from ..terbilang import terbilang
from . import rule
from .analysis import Analysis
from .citations import UU12
from .finding import Finding

NAME = "terbilang"
# digits (thousands dots, ",00" allowed), then words in brackets: "6 (enam)", "Rp1.500,00 (seribu lima ratus rupiah)"
_PAIR = re.compile(r"(?<![\d.,/-])(\d{1,3}(?:\.\d{3})+|\d+)(?:,00)?\s*\(([A-Za-z][A-Za-z ]*)\)")
# The words terbilang writes: a bracket made only of these is a number in words, not a name.
_VOCABULARY = frozenset([
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas",
    "belas", "puluh", "seratus", "ratus", "seribu", "ribu", "juta", "miliar", "triliun",
])


@rule(NAME)
def check(agreement: Agreement | None, analysis: Analysis) -> list[Finding]:
    findings = []
    places = [("bagian pembuka", analysis.front)] + [(p.place, p.paragraphs) for p in analysis.pasal]
    for place, paragraphs in places:
        for text in paragraphs:
            for m in _PAIR.finditer(text):
                words = m.group(2).lower().split()
                if words and words[-1] == "rupiah":
                    words = words[:-1]
                if not words or not set(words) <= _VOCABULARY:
                    continue
                number = int(m.group(1).replace(".", ""))
                expected = terbilang(number)
                if " ".join(words) != expected:
                    findings.append(Finding(
                        NAME, "error", f"'{m.group(0)}': angka {m.group(1)} dibaca '{expected}', "
                                       f"bukan '{' '.join(words)}'", place, UU12))
    return findings
