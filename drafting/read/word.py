"""A DOCX as paragraphs of text, with the labels of Word's automatic numbering written out.

python-docx gives a paragraph's text but not the '(1)' or 'a.' that Word draws from numbering.xml
for a numbered paragraph; the labels are computed here as Word counts them (ECMA-376 Part 1,
17.9): a counter per abstract list and level, a level's counter restarted when a level above it
advances, ``w:startOverride`` of a ``w:num`` restarting its list, ``w:lvlText`` such as '(%1)' or
'%2.' filled with each level's counter in its ``w:numFmt``. docx2python renders numbering too but
writes every decimal level as '1)', whatever its lvlText says, and '(1)' (ayat) is not '1)' (angka).

A table is read column by column when it holds the signature labels (a column per party: label,
position, name), row by row otherwise (a party block laid out as 'Nama | : | …'); a bilingual
naskah's two columns (Pasal | Article) as two texts, the English one after everything else.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from ..errors import InputError, Problem
from ..office_package import package_problem
from .bilingual import two_texts
from .lines import columns, signature_cells
from .structure import SIGNATURE_LABEL


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass
class _Numbering:
    """numbering.xml: which abstract list each w:num uses, its levels, and the running counters."""

    abstract_of: dict[str, str] = field(default_factory=dict)
    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId → level → start
    counters: dict[str, dict[int, int]] = field(default_factory=dict)  # abstractNumId → level → value
    started: set[str] = field(default_factory=set)  # numIds whose overrides have been applied

    @classmethod
    def of(cls, document: docx.document.Document) -> _Numbering:
        numbering = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return numbering
        for abstract in root.findall(qn("w:abstractNum")):
            levels: dict[int, _Level] = {}
            for lvl in abstract.findall(qn("w:lvl")):
                level = _Level()
                for tag, attr in (("w:start", "start"), ("w:numFmt", "fmt"), ("w:lvlText", "text")):
                    node = lvl.find(qn(tag))
                    if node is not None and node.get(qn("w:val")) is not None:
                        value = node.get(qn("w:val"))
                        setattr(level, attr, int(value) if attr == "start" else value)
                levels[int(lvl.get(qn("w:ilvl"), "0"))] = level
            numbering.levels[abstract.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            num_id = num.get(qn("w:numId"))
            ref = num.find(qn("w:abstractNumId"))
            if ref is None:
                continue
            numbering.abstract_of[num_id] = ref.get(qn("w:val"))
            for override in num.findall(qn("w:lvlOverride")):
                start = override.find(qn("w:startOverride"))
                if start is not None:
                    numbering.overrides.setdefault(num_id, {})[int(override.get(qn("w:ilvl"), "0"))] = \
                        int(start.get(qn("w:val")))
        return numbering

    def label(self, num_id: str, ilvl: int) -> str:
        abstract = self.abstract_of.get(num_id)
        levels = self.levels.get(abstract or "", {})
        if abstract is None or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(abstract, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for level, start in self.overrides.get(num_id, {}).items():
                counters[level] = start - 1
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [lvl for lvl in counters if lvl > ilvl]:
            del counters[deeper]
        text = levels[ilvl].text
        for lvl in range(ilvl + 1):
            if f"%{lvl + 1}" in text:
                value = counters.get(lvl, levels.get(lvl, _Level()).start)
                text = text.replace(f"%{lvl + 1}", _format(value, levels.get(lvl, _Level()).fmt))
        return "" if levels[ilvl].fmt in ("bullet", "none") else text


def _format(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        while value > 0:
            value, rest = divmod(value - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        numerals = (("m", 1000), ("cm", 900), ("d", 500), ("cd", 400), ("c", 100), ("xc", 90), ("l", 50),
                    ("xl", 40), ("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))
        roman = ""
        for numeral, amount in numerals:
            while value >= amount:
                roman, value = roman + numeral, value - amount
        return roman.upper() if fmt == "upperRoman" else roman
    return str(value)


def _num_pr(paragraph: Paragraph) -> tuple[str, int] | None:
    """The paragraph's numbering, set on the paragraph or on its style (or the style's base)."""
    sources = [paragraph._p.pPr]
    style = paragraph.style
    while style is not None:
        sources.append(style.element.pPr)
        style = style.base_style
    for ppr in sources:
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if num_pr is None:
            continue
        num_id = num_pr.find(qn("w:numId"))
        ilvl = num_pr.find(qn("w:ilvl"))
        if num_id is None or num_id.get(qn("w:val")) == "0":
            return None
        return num_id.get(qn("w:val")), int(ilvl.get(qn("w:val"))) if ilvl is not None else 0
    return None


def read_docx(data: bytes, source: str) -> list[str]:
    """The paragraphs of the Word file ``source`` whose bytes are ``data``; an InputError when it
    is no Word file, past the bounds of office_package.py, or its XML is damaged (libxml2 refuses
    an entity expansion bomb on its own; python-docx never resolves external entities)."""
    if (reason := package_problem(data)) is not None:
        raise InputError(source, [Problem("", reason)])
    try:
        document = docx.Document(io.BytesIO(data))
    except (etree.LxmlError, KeyError, ValueError, zipfile.BadZipFile, PackageNotFoundError):
        raise InputError(source, [Problem("", "dokumen Word ini rusak (XML atau isi paketnya tidak dapat dibaca); "
                                              "buka dan simpan ulang di Word")]) from None
    numbering = _Numbering.of(document)
    out: list[str] = []
    english: list[str] = []  # the English column of a bilingual naskah laid out side by side
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            num = _num_pr(paragraph)
            label = numbering.label(*num) if num else ""
            out.append(f"{label}\t{paragraph.text}" if label else paragraph.text)
        elif tag == "tbl":
            rows = [[cell.text for cell in row.cells] for row in Table(child, document).rows]
            if texts := two_texts(rows):
                out += texts[0]
                english += texts[1]
            elif (cells := signature_cells(rows)) is not None:
                out += cells
            else:
                out += columns(rows) if any(SIGNATURE_LABEL.match(" ".join(c.split())) for r in rows for c in r) \
                    else [" ".join(dict.fromkeys(c for c in row if c.strip())) for row in rows]
    return out + english

