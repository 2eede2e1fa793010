"""The two texts of a bilingual naskah (a Memorandum Saling Pengertian in Bahasa Indonesia and
English, both authentic) say the same things in the same places: as many Pasal as Articles, and
in each Pasal as many paragraphs, ayat and list items as in its Article. A translation that
dropped a paragraph, or an item of a list, is an error: the prevailing text would decide a
question the other text does not even raise.

A draft's two texts come from one numbered structure (assembly refuses a clause whose English is
shaped otherwise), so this rule is for a naskah read back from a file, edited since or made
elsewhere; read.bilingual parts such a file's two texts, laid out either way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Agreement
from ..read.bilingual import ARTICLE_HEADING
from . import rule
from .analysis import Analysis
from .finding import Finding
from .scope import CLOSING, Applies  # the body ends at the closing words

NAME = "bilingual"
SOURCE = "Perpres 63/2019 Pasal 26; Permen 8/2025 Pasal 31"
# A paragraph that begins with a label: ayat "(1)", items "a.", "1)", "a)", "1." (Indonesian);
# paragraphs "1.", items "(a)", "(i)", "(A)", "(1)" (English).
LABEL = re.compile(r"^(?:\(\d+\)|\([a-zA-Z]{1,5}\)|[a-z]{1,2}[.)]|\d+[.)])\s")


@dataclass(frozen=True)
class Shape:
    paragraphs: int
    labelled: int  # ayat and list items


def _body(paragraphs: tuple[str, ...] | list[str]) -> list[str]:
    out = []
    for p in paragraphs:
        if CLOSING.match(p):
            break
        out.append(p)
    return out


def _shape(paragraphs: list[str]) -> Shape:
    return Shape(len(paragraphs), sum(bool(LABEL.match(p)) for p in paragraphs))


def english_articles(paragraphs: list[str]) -> dict[int, Shape]:
    """The Articles of an English text and the shape of each (the first Article of a number)."""
    lines = [" ".join(line.split()) for p in paragraphs for line in p.split("\n")]
    lines = [p for p in lines if p]
    out: dict[int, list[str]] = {}
    current: list[str] | None = None
    titled = False
    for i, text in enumerate(lines):
        m = ARTICLE_HEADING.match(text)
        if m:
            number = int(m.group(1))
            current = out.setdefault(number, []) if number not in out else []
            following = lines[i + 1] if i + 1 < len(lines) else ""
            titled = bool(following) and following.upper() == following and not ARTICLE_HEADING.match(following)
        elif titled:
            titled = False
        elif current is not None:
            current.append(text)
    return {n: _shape(_body(body)) for n, body in out.items()}


def _described(shape: Shape) -> str:
    return f"{shape.paragraphs} paragraf ({shape.labelled} berlabel ayat atau butir)"


@rule(NAME, Applies())
def check(agreement: Agreement | None, analysis: Analysis) -> list[Finding]:
    if analysis.translation is None:
        return []
    ours = {p.number: _shape(_body(p.paragraphs)) for p in analysis.pasal if p.first}
    theirs = english_articles(analysis.translation)
    findings = []
    if len(ours) != len(theirs):
        findings.append(Finding(NAME, "error", f"teks bahasa Indonesia memuat {len(ours)} pasal, sedangkan teks bahasa "
                                               f"Inggris {len(theirs)} article: kedua teks harus sama susunannya",
                                "teks bahasa Inggris", SOURCE))
    for number in sorted(set(ours) & set(theirs)):
        if ours[number] != theirs[number]:
            findings.append(Finding(NAME, "error", f"Pasal {number} memuat {_described(ours[number])}, sedangkan "
                                                   f"Article {number} memuat {_described(theirs[number])}: sebuah "
                                                   f"ayat atau butir tidak diterjemahkan, atau ditambahkan",
                                    f"Pasal {number}", SOURCE))
    return findings
