"""The numbered document laid out as a sequence of styled paragraphs.

Every renderer (DOCX, Pandoc for Markdown/HTML, the plain text of the tests) reads this one
sequence, so the formats cannot disagree on a word, a number or a punctuation mark. Style names
here are the paragraph styles of ``templates/naskah.docx``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .document import Break, Document, Inline, ItemList, Line, Ref, Run, Section, Signatory, Tab

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
        yield from _section(sec, doc)
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
        yield from _section(sec, doc)


def _pasal(sec: Section, doc: Document, base: int = 0) -> Iterator[Block]:
    """A Pasal: its number, its title (an adendum's Pasal I and II have none), its text; ``base``:
    the level of the amendment point that quotes it, whose text it is indented to."""
    yield Block(PASAL, (Run(f"{doc.words['pasal']} {sec.number}", bold=True),), anchor="" if base else sec.id)
    if sec.title:
        yield Block(PASAL_TITLE, (Run(sec.title, bold=True),))
    yield from _section(sec, doc, base)


def _section(sec: Section, doc: Document | None = None, base: int = 0) -> Iterator[Block]:
    for para in sec.paragraphs:
        level = base + (1 if para.label else 0)
        if para.label:
            yield Block(f"{LABELLED}{min(level, BUTIR_LEVELS)}", _check(para.content), para.label)
        elif base:  # a quoted Pasal's paragraph without a number: at the text of the point quoting it
            yield Block(f"{LABELLED}{min(base, BUTIR_LEVELS)}", (Tab(), *_check(para.content)))
        else:
            yield Block(BODY, _check(para.content))
        yield from _quoted(para.quoted, doc, max(level, 1))
        if para.list:
            yield from _list(para.list, level + 1, doc)


def _list(lst: ItemList, level: int, doc: Document | None = None) -> Iterator[Block]:
    for item in lst.items:
        yield Block(f"{LABELLED}{min(level, BUTIR_LEVELS)}", _check(item.content), item.label)
        yield from _quoted(item.quoted, doc, level)
        if item.list:
            yield from _list(item.list, level + 1, doc)


def _quoted(sections: tuple[Section, ...], doc: Document | None, level: int) -> Iterator[Block]:
    """The Pasal an amendment point inserts or restates, under the point, at its text."""
    for sec in sections:
        assert doc is not None, "a quoted Pasal is laid out within its document"
        yield from _pasal(sec, doc, level)


@dataclass(frozen=True)
class Row:
    """A row of a bilingual naskah laid out side by side: the Indonesian blocks and, beside them,
    the same part of the English text. ``keep``: a Pasal heading with its title, which stays on
    the page of the paragraph after it."""

    cells: tuple[tuple[Block, ...], tuple[Block, ...]]
    keep: bool = False


def column_rows(doc: Document) -> tuple[list[Row], list[Row]]:
    """A bilingual naskah side by side, one row per paragraph or list item, so that each Pasal
    stands beside its Article: the rows of the pages before the signature page (title block, the
    front matter, every Pasal), and of the signature page (the closing words: place, date,
    languages). The two texts have the same shape (assembly saw to it), so their blocks pair one to
    one. Unlike a text in one language, the last Pasal stays before the signature page: side by side
    it fills most of a page by itself, and the signatures, which LibreOffice does not keep with a
    table above them, went to a page of their own; the closing words now keep them company."""
    en = doc.translation
    assert en is not None, "column_rows needs a bilingual naskah"
    body = [Row((tuple(title_blocks(doc)), tuple(title_blocks(en))))]
    for ours, theirs in zip(doc.front, en.front, strict=True):
        body += _rows(list(_section(ours)), list(_section(theirs)))
    for ours, theirs in zip(doc.pasal, en.pasal, strict=True):
        body += _pasal_rows(ours, theirs, doc, en)
    closing: list[Row] = []
    for ours, theirs in zip(doc.closing, en.closing, strict=True):
        closing += _rows(list(_section(ours)), list(_section(theirs)))
    return body, closing


def _rows(ours: list[Block], theirs: list[Block]) -> list[Row]:
    return [Row(((a,), (b,))) for a, b in zip(ours, theirs, strict=True)]


def _pasal_rows(ours: Section, theirs: Section, doc: Document, en: Document) -> list[Row]:
    """A Pasal beside its Article: the heading and title in a row that keeps with the next, then a
    row per paragraph, so that the first paragraphs stay level however the titles wrap."""
    a, b = list(_pasal(ours, doc)), list(_pasal(theirs, en))
    return [Row((tuple(a[:2]), tuple(b[:2])), keep=True)] + _rows(a[2:], b[2:])


def bilingual_signatories(doc: Document) -> list[Signatory]:
    """The signatures of a naskah laid out side by side: one block per party, each role's lines in
    both languages (UNTUK … then FOR …; the position, then its English), a line the same in both
    (the name) once."""
    en = doc.translation
    assert en is not None
    out = []
    for ours, theirs in zip(doc.signatories, en.signatories, strict=True):
        lines: list[Line] = []
        for role, _ in SIGNATURE_ROWS:
            mine = [line for line in ours.lines if line.role == role]
            lines += mine + [line for line in theirs.lines if line.role == role and line.text() not in
                             {m.text() for m in mine}]
        out.append(Signatory(ours.label, ours.name, tuple(lines)))
    return out


def signature_rows(signatories: list[Signatory]) -> list[list[Signatory]]:
    """How the signature block places the parties: two side by side, three side by side when
    there are exactly three, more in rows of two (the last one alone, centred)."""
    per_row = 3 if len(signatories) == 3 else 2
    return [signatories[i:i + per_row] for i in range(0, len(signatories), per_row)]


# The lines of a signature, in the order they are printed, each with its paragraph style: the
# lines of one role sit in one table row, so that (say) the names stay level across the parties.
# The meterai row is always there: it is the room for the signature, with or without a meterai.
SIGNATURE_ROWS = (("pihak", "TandatanganPihak"), ("jabatan", "Tandatangan"), ("meterai", "Meterai"),
                  ("nama", "Tandatangan"), ("nip", "Tandatangan"), ("keterangan", "Tandatangan"))


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
    """The naskah as plain text, one paragraph a line (used by tests and checks); of a bilingual
    naskah, the Indonesian text (its English text is ``plain_text(doc.translation)``)."""
    return "\n".join(b.text() for b in blocks(doc))

