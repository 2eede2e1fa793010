"""The assembled document: plain data passed from stage to stage.

Assembly produces a ``Document`` whose lists carry no labels and whose cross-references are
unresolved ``Ref`` nodes. Numbering returns a new ``Document`` with every label, punctuation
mark and reference filled in; renderers read only that numbered form.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal, Union


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Ref:
    """A cross-reference written in a clause by id: 'pejabat_penghubung', 'jangka_waktu.berlaku',
    or a local id of an ayat or list item in the same Pasal."""

    targets: tuple[str, ...]
    bare: bool = False  # True: "Pasal 7"; False: "dalam Pasal 7" / "pada ayat (1)"


@dataclass(frozen=True)
class Break:
    """A line break inside a paragraph (party blocks written as labelled lines)."""


@dataclass(frozen=True)
class Tab:
    """Aligns the ':' of labelled lines ('Nama<tab>: …')."""


Inline = Union[Run, Ref, Break, Tab]

# How a list ends its items (UU 12/2011 Lampiran II): the conjunction after the second-to-last
# item, or "." when every item is a sentence of its own, or "" when the text is left as typed.
Punctuation = Literal["dan", "atau", "dan/atau", ";", ".", ""]
# Which numbering sequence a list starts: "huruf" (a. → 1) → a)) or "angka" (1. → a. → 1)).
Sequence = Literal["huruf", "angka"]


@dataclass
class Item:
    content: list[Inline]
    list: ItemList | None = None  # the sub-list under this item
    id: str | None = None
    label: str = ""  # filled in by numbering
    # An amendment point of an adendum's Pasal I: the Pasal it inserts or restates, numbered
    # already (as the agreement numbers them), printed under it.
    quoted: tuple[Section, ...] = ()


@dataclass
class ItemList:
    items: list[Item]
    sequence: Sequence = "huruf"
    punctuation: Punctuation = "dan"


@dataclass
class Paragraph:
    """A paragraph; inside a Pasal with more than one paragraph, an ayat."""

    content: list[Inline]
    list: ItemList | None = None
    id: str | None = None
    label: str = ""  # "(1)" when numbered as an ayat
    role: str = ""  # "[.nomor]" in a template: what a line of the title or signature block is
    quoted: tuple[Section, ...] = ()  # as Item.quoted: Pasal I of one point


@dataclass
class Section:
    """A Pasal (``pasal=True``) or a part of the front matter (opening, parties, recitals …)."""

    id: str
    paragraphs: list[Paragraph]
    title: str = ""
    pasal: bool = True
    number: int | str | None = None  # Pasal number, filled in by numbering: 7, or "5A" and "II" in an amendment


@dataclass(frozen=True)
class Line:
    """A line of the title block or of a signature, in words, as its template wrote it. ``role``
    says what the line is: in the title block "" (a title line) or "nomor" (a number or date line);
    in a signature "pihak", "jabatan", "meterai", "nama" or "nip" (see layout.SIGNATURE_ROWS)."""

    content: tuple[Inline, ...]
    role: str = ""

    def text(self) -> str:
        return "".join(x.text if isinstance(x, Run) else ("\n" if isinstance(x, Break) else " ")
                       for x in self.content)


@dataclass(frozen=True)
class Signatory:
    """One party's signature, as the signature template wrote it; ``label`` and ``name`` are the
    values it was written from (the checks compare the name with the komparisi's)."""

    label: str  # "PIHAK PERTAMA"
    name: str
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class PageOptions:
    """How the pages look, from the input's ``style`` and the template: read by the DOCX (and so
    PDF) renderer."""

    template: Path  # the Word template (templates/naskah.docx, or a unit's own)
    paper: Literal["a4", "f4"] = "a4"
    paraf: bool = True  # the paraf box of each party in the footer of every page but the signature page


@dataclass
class Document:
    kind: str
    naskah: str  # "Perjanjian Kerja Sama" / "Nota Kesepahaman", as the naskah calls itself
    title: list[Line]  # the title block: title lines, and the number (and date) lines where they go
    front: list[Section]
    pasal: list[Section]
    closing: list[Section]
    signatories: list[Signatory]
    paraf_labels: list[str]
    page: PageOptions
    # The words numbering writes ("Pasal", "ayat", "huruf", "angka", "pada", "dalam", "dan", …),
    # from the library's templates/kata.yaml: no word of the naskah is written in Python.
    words: Mapping[str, str] = field(default_factory=dict)
    language: str = "id"
    # A bilingual naskah: its English text, assembled from the same clauses into the same shape
    # (sections, ayat, items and anchors), numbered alike, and how the two are laid out: side by
    # side ("columns", one row per paragraph) or one after the other ("sequential").
    translation: Document | None = None
    layout: Literal["columns", "sequential"] = "columns"

    def map_contents(self, f: Callable[[list[Inline]], list[Inline]]) -> Document:
        """A new document whose every paragraph and list item has content ``f(content)``. Sections,
        paragraphs, lists, items and lists of strings are new objects; inline nodes and signatories,
        which are frozen, are shared. Much cheaper than a deep copy, which copies every string too."""
        def items(lst: ItemList | None) -> ItemList | None:
            if lst is None:
                return None
            return ItemList([Item(f(i.content), items(i.list), i.id, i.label, i.quoted) for i in lst.items],
                            lst.sequence, lst.punctuation)

        def sections(secs: list[Section]) -> list[Section]:
            return [Section(s.id, [Paragraph(f(p.content), items(p.list), p.id, p.label, p.role, p.quoted)
                                   for p in s.paragraphs],
                            s.title, s.pasal, s.number) for s in secs]

        return replace(self, title=list(self.title),
                       front=sections(self.front), pasal=sections(self.pasal), closing=sections(self.closing),
                       signatories=list(self.signatories), paraf_labels=list(self.paraf_labels))
