"""The numbered document laid out as a sequence of styled paragraphs.

Every renderer (DOCX, Pandoc for Markdown/HTML, the plain text of the tests) reads this one
sequence, so the formats cannot disagree on a word, a number or a punctuation mark. Style names
here are the paragraph styles of ``templates/naskah.docx``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from .document import Break, Document, Inline, ItemList, Ref, Run, Section, Signatory

TITLE = "Judul"  # title block line: bold, centred, upper case
NUMBER = "Nomor"  # "NOMOR : …" under the title
BODY = "Isi"  # justified body text
PASAL = "PasalNomor"  # "Pasal 7", centred, bold, kept with next
PASAL_TITLE = "PasalJudul"  # "PEJABAT PENGHUBUNG"
LABELLED = "Butir"  # + level 1..BUTIR_LEVELS: a hanging-indented paragraph with its label
# An ayat is level 1 and its list starts at level 2; a list under an unnumbered paragraph starts at
# level 1. The deepest case is an ayat with the four list levels of "a. 1. a) 1)": level 5.
BUTIR_LEVELS = 5
T = TypeVar("T")


@dataclass(frozen=True)
class Block:
    style: str
    content: tuple[Inline, ...]  # Run, Break, Tab (references are already words)
    label: str = ""  # "(1)", "a.", "1)"; set for Butir<n> only
    anchor: str = ""  # a Pasal heading's clause id, for links from findings

    def text(self) -> str:
        """Plain text: labels, tabs as spaces, breaks as new lines."""
        body = "".join(
            x.text if isinstance(x, Run) else ("\n" if isinstance(x, Break) else " ") for x in self.content)
        return f"{self.label} {body}" if self.label else body


def blocks(doc: Document) -> Iterator[Block]:
    yield from body_blocks(doc)
    yield from closing_blocks(doc)


def body_blocks(doc: Document) -> Iterator[Block]:
    """Everything before the signature page: title, numbers, opening, all Pasal but the last."""
    for line in doc.title_lines:
        yield Block(TITLE, (Run(line, bold=True),))
    for number in doc.numbers:
        yield Block(NUMBER, (Run(f"NOMOR : {number}", bold=True),))
    for sec in doc.front:
        yield from _section(sec)
    for sec in doc.pasal[:-1]:
        yield from _pasal(sec)


def closing_blocks(doc: Document) -> Iterator[Block]:
    """What the signature page carries above the signatures: the last Pasal (Ketentuan Penutup)
    and any closing text. A page of signatures alone could be detached and put under another
    text; with the closing Pasal on it, it cannot."""
    for sec in doc.pasal[-1:]:
        yield from _pasal(sec)
    for sec in doc.closing:
        yield from _section(sec)


def _pasal(sec: Section) -> Iterator[Block]:
    yield Block(PASAL, (Run(f"Pasal {sec.number}", bold=True),), anchor=sec.id)
    yield Block(PASAL_TITLE, (Run(sec.title, bold=True),))
    yield from _section(sec)


def _section(sec: Section) -> Iterator[Block]:
    for para in sec.paragraphs:
        level = 1 if para.label else 0
        if para.label:
            yield Block(f"{LABELLED}{level}", _check(para.content), para.label)
        else:
            yield Block(BODY, _check(para.content))
        if para.list:
            yield from _list(para.list, level + 1)


def _list(lst: ItemList, level: int) -> Iterator[Block]:
    for item in lst.items:
        yield Block(f"{LABELLED}{min(level, BUTIR_LEVELS)}", _check(item.content), item.label)
        if item.list:
            yield from _list(item.list, level + 1)


# The lines of a party's column in the signature block, each a paragraph style of the template.
SIGNATURE_LABEL = "TandatanganPihak"  # "PIHAK PERTAMA,"
SIGNATURE_LINE = "Tandatangan"  # the position; the name
METERAI = "Meterai"  # room for the signature, and the meterai stuck on where it goes


def signature_blocks(s: Signatory) -> tuple[Block, Block, Block, Block]:
    """A party's column of the signature block: its label, position, the room for the signature
    (with the meterai where asked for) and the name in bold."""
    return (Block(SIGNATURE_LABEL, (Run(f"{s.label},", bold=True),)),
            Block(SIGNATURE_LINE, (Run(s.position),)),
            Block(METERAI, (Run("Meterai Rp10.000" if s.meterai else ""),)),
            Block(SIGNATURE_LINE, (Run(s.name, bold=True),)))


def signature_rows(parties: Sequence[T]) -> list[list[T]]:
    """How the signature block places the parties: two side by side, three side by side when
    there are exactly three, more in rows of two (the last one alone, centred)."""
    per_row = 3 if len(parties) == 3 else 2
    return [list(parties[i:i + per_row]) for i in range(0, len(parties), per_row)]


def _check(content: list[Inline]) -> tuple[Inline, ...]:
    assert not any(isinstance(x, Ref) for x in content), "layout needs a numbered document"
    return tuple(content)


def plain_text(doc: Document) -> str:
    """The naskah as plain text, one paragraph a line (used by tests and checks)."""
    return "\n".join(b.text() for b in blocks(doc))

