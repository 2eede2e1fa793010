"""The numbered document laid out as a sequence of styled paragraphs.

Every renderer (DOCX, Pandoc for Markdown/HTML, the plain text of the tests) reads this one
sequence, so the formats cannot disagree on a word, a number or a punctuation mark. Style names
here are the paragraph styles of ``templates/naskah.docx``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .document import Break, Document, Inline, ItemList, Ref, Run, Section, Signatory

TITLE = "Judul"  # title block line: bold, centred, upper case
NUMBER = "Nomor"  # "NOMOR : …" (a title block line of role "nomor"): bold, centred, as written
BODY = "Isi"  # justified body text
PASAL = "PasalNomor"  # "Pasal 7", centred, bold, kept with next
PASAL_TITLE = "PasalJudul"  # "PEJABAT PENGHUBUNG"
LABELLED = "Butir"  # + level 1..BUTIR_LEVELS: a hanging-indented paragraph with its label
# An ayat is level 1 and its list starts at level 2; a list under an unnumbered paragraph starts at
# level 1. The deepest case is an ayat with the four list levels of "a. 1. a) 1)": level 5.
BUTIR_LEVELS = 5


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
    """Everything before the signature page: title block, opening, all Pasal but the last."""
    yield from title_blocks(doc)
    for sec in doc.front:
        yield from _section(sec)
    for sec in doc.pasal[:-1]:
        yield from _pasal(sec, doc)


def title_blocks(doc: Document) -> Iterator[Block]:
    for line in doc.title:
        yield Block(NUMBER if line.role == "nomor" else TITLE, _bold(line.content))


def closing_blocks(doc: Document) -> Iterator[Block]:
    """What the signature page carries above the signatures: the last Pasal (Ketentuan Penutup)
    and any closing text. A page of signatures alone could be detached and put under another
    text; with the closing Pasal on it, it cannot."""
    for sec in doc.pasal[-1:]:
        yield from _pasal(sec, doc)
    for sec in doc.closing:
        yield from _section(sec)


def _pasal(sec: Section, doc: Document) -> Iterator[Block]:
    yield Block(PASAL, (Run(f"{doc.words['pasal']} {sec.number}", bold=True),), anchor=sec.id)
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


def signature_rows(signatories: list[Signatory]) -> list[list[Signatory]]:
    """How the signature block places the parties: two side by side, three side by side when
    there are exactly three, more in rows of two (the last one alone, centred)."""
    per_row = 3 if len(signatories) == 3 else 2
    return [signatories[i:i + per_row] for i in range(0, len(signatories), per_row)]


# The lines of a signature, in the order they are printed, each with its paragraph style: the
# lines of one role sit in one table row, so that (say) the names stay level across the parties.
# The meterai row is always there: it is the room for the signature, with or without a meterai.
SIGNATURE_ROWS = (("pihak", "TandatanganPihak"), ("jabatan", "Tandatangan"), ("meterai", "Meterai"),
                  ("nama", "Tandatangan"), ("nip", "Tandatangan"))


@dataclass(frozen=True)
class SignatureRow:
    role: str
    style: str
    cells: tuple[tuple[Block, ...], ...]  # per party of the group: its lines of this row's role


def signature_table(group: list[Signatory]) -> list[SignatureRow]:
    """One group of parties (see signature_rows) as rows: per role, each party's lines of it."""
    rows = []
    for role, style in SIGNATURE_ROWS:
        cells = tuple(tuple(Block(style, line.content) for line in s.lines if line.role == role) for s in group)
        if role == "meterai" or any(cells):
            rows.append(SignatureRow(role, style, cells))
    return rows


def _bold(content: tuple[Inline, ...]) -> tuple[Inline, ...]:
    return tuple(Run(x.text, True, x.italic) if isinstance(x, Run) else x for x in content)


def _check(content: list[Inline]) -> tuple[Inline, ...]:
    assert not any(isinstance(x, Ref) for x in content), "layout needs a numbered document"
    return tuple(content)


def signature_text(s: Signatory) -> list[str]:
    """A signature's lines as plain text, in the order printed."""
    return [Block("", line.content).text() for role, _ in SIGNATURE_ROWS for line in s.lines if line.role == role]


def plain_text(doc: Document) -> str:
    """The naskah as plain text, one paragraph a line (used by tests and checks)."""
    return "\n".join(b.text() for b in blocks(doc))

