"""A naskah's paragraphs with their structure: which part each belongs to (title block, number
lines, the front matter up to the first Pasal, a Pasal heading and title, a Pasal's body, the
signature block), the Pasal it is in, and its label ("(1)", "a.", "1)", "a)") split from its text.

``structure`` reads plain paragraphs in order, whatever file they came from, so a naskah read
from PDF, DOCX, Markdown or text is cut the same way; a draft of this tool is cut the same way
from its laid-out blocks (``checks.analysis.draft_paragraphs``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Part = Literal["title", "number", "front", "heading", "pasal_title", "body", "signature"]

# "Pasal 7", "PASAL 7", "Pasal VII" (an adendum's amending articles, UU 12/2011 Lampiran II BAB IV),
# "Article 7"; a title in capitals may follow on the same line ("PASAL 1 DEFINISI", REAL-AGREEMENTS A5).
HEADING = re.compile(r"^(?:Pasal|PASAL|Article|ARTICLE)\s+(?P<number>\d+|[IVXLC]+)"
                     r"(?:\s+(?P<title>[A-Z][A-Z0-9 ,&/()'’-]*[A-Z)]))?$")
# A Pasal numbered in digits (with a letter, when inserted by an adendum: "Pasal 5A"); inside an
# amending article, the Pasal it quotes.
QUOTED_HEADING = re.compile(r"^(?:Pasal|PASAL|Article|ARTICLE)\s+\d+[A-Z]?$")
# A label in front of an ayat or list item: (1)  1.  1)  a.  a)  I.  (the text follows after blanks)
_LABEL = r"\(\d{1,3}\)|\d{1,3}[.)]|[a-z][.)]|(?:I|II|III|IV|V|VI|VII|VIII|IX|X)\."
# the text follows after blanks; an ayat label may be glued to it ("(1)Maksud", a narrow tab in a PDF)
LABEL = re.compile(rf"^(?P<label>{_LABEL})(?:\s+|$)|^(?P<glued>\(\d{{1,3}}\))(?=[A-Z])")
LABEL_ONLY = re.compile(rf"^(?:{_LABEL})$")
AYAT_LABEL = re.compile(r"^\((\d+)\)$")
# "PIHAK PERTAMA," above a signature (quoted in some templates: “PIHAK PERTAMA”)
SIGNATURE_LABEL = re.compile(r"^[\"“]?PIHAK\s+[A-Z]+[\"”]?\s*,?$")
# "Untuk Kementerian Hukum dan Hak Asasi Manusia Republik Indonesia", "Untuk RWI,": a signature labelled
# with the party's name (REAL-AGREEMENTS C1, D2), every word a name's; not "Untuk melaksanakan …". (An
# MSP of this tool's writes "UNTUK …," in capitals, and its bilingual reading is cut elsewhere.)
_NAME_WORD = r"(?:[A-Z][^\s,]*|dan|atau|of|the|and|for)"
SIGNED_FOR = re.compile(rf"^Untuk(?:\s+{_NAME_WORD})+\s*,?$")
NUMBER_LINE = re.compile(r"^(?:NOMOR|Nomor|TANGGAL|Tanggal)\s*:")  # a "Tanggal : …" line may follow (C1)
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


@dataclass(frozen=True)
class Paragraph:
    text: str  # without its label
    part: Part = "body"
    label: str = ""  # "(1)", "a.", "1)" … as printed (typed, or Word's automatic numbering)
    pasal: int | None = None  # the number of the Pasal it is in; None before the first

    @property
    def full(self) -> str:
        """The paragraph as printed: label and text."""
        return f"{self.label} {self.text}".strip() if self.label else self.text

    @property
    def ayat(self) -> int | None:
        m = AYAT_LABEL.match(self.label)
        return int(m.group(1)) if m else None


def roman(text: str) -> int:
    values = [_ROMAN[c] for c in text]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def heading_number(text: str) -> tuple[int, str] | None:
    """(number, title on the same line) when ``text`` is a Pasal heading."""
    m = HEADING.match(text)
    if not m:
        return None
    number = m.group("number")
    return (int(number) if number.isdigit() else roman(number)), (m.group("title") or "")


def is_caps(text: str) -> bool:
    """Two letters or more, and upper-casing changes nothing: a letter of a script without case,
    or one such as 'º' that has no capital, is as the title block prints it."""
    return sum(c.isalpha() for c in text) >= 2 and text.upper() == text


def successor(label: str) -> str:
    """The label after ``label`` in its sequence: (1) → (2), a. → b., 9) → 10)."""
    m = re.match(r"^(\(?)(\d+|[a-z])([.)])$", label)
    if not m:
        return ""
    opening, value, closing = m.groups()
    following = str(int(value) + 1) if value.isdigit() else chr(ord(value) + 1)
    return f"{opening}{following}{closing}"


def first_of(label: str) -> bool:
    return label in ("(1)", "1.", "1)", "a.", "a)")


def split_label(text: str) -> tuple[str, str]:
    m = LABEL.match(text)
    if not m:
        return "", text
    return m.group("label") or m.group("glued"), text[m.end():].strip()


def structure(paragraphs: Iterable[str]) -> list[Paragraph]:
    """Cut plain paragraphs (a paragraph may hold several lines) into a structured naskah.

    The title block is the lines in capitals at the top; a 'Pasal N' line starts a Pasal (in the
    title block only when not in capitals, so a party or a subject written 'PASAL 1' stays title);
    the next line in capitals is its title; a 'PIHAK PERTAMA,' or 'Untuk <party>,' line after a
    Pasal starts the signature block, which lasts until the next Pasal heading (seed 003 repeats Pasal after it).
    """
    lines = [" ".join(line.split()) for p in paragraphs for line in p.split("\n")]
    lines = [line for line in lines if line]
    out: list[Paragraph] = []
    part: Part = "title"
    pasal: int | None = None
    amending = False  # in an adendum's Pasal I or II: a 'Pasal 7' there is the amended Pasal it quotes
    for i, text in enumerate(lines):
        heading = heading_number(text)
        if heading and amending and QUOTED_HEADING.match(text):
            out.append(Paragraph(text, "body", "", pasal))
            continue
        if heading and not (part == "title" and is_caps(text) and out):
            amending = not QUOTED_HEADING.match(text)  # Roman: an amending article (UU 12/2011 Lampiran II BAB IV)
            pasal, title = heading
            out.append(Paragraph(text, "heading", pasal=pasal))
            following = lines[i + 1] if i + 1 < len(lines) else ""
            if title:
                out.append(Paragraph(title, "pasal_title", pasal=pasal))
                part = "body"
            else:
                part = "pasal_title" if is_caps(following) and not heading_number(following) \
                    and not SIGNATURE_LABEL.match(following) else "body"
            continue
        if part == "pasal_title":
            out.append(Paragraph(text, "pasal_title", pasal=pasal))
            part = "body"
            continue
        if pasal is not None and (SIGNATURE_LABEL.match(text) or SIGNED_FOR.match(text)):
            part = "signature"
        elif part in ("title", "number"):
            # number lines may stand before TENTANG too (REAL-AGREEMENTS A2, A3): capitals go on being title
            part = "number" if NUMBER_LINE.match(text) else "title" if is_caps(text) else "front"
        if part in ("title", "number", "signature"):
            out.append(Paragraph(text, part, pasal=pasal if part == "signature" else None))
            continue
        label, rest = split_label(text)
        out.append(Paragraph(rest, part, label, pasal))
    return out
