"""DOCX: the laid-out blocks as WordprocessingML, placed into the Word template.

The template (``templates/naskah.docx``) owns the look: paragraph styles, page size, header,
the paraf box in the footer. This module writes only paragraphs that name those styles and the
signature table, into two places of the template: ``body`` (pages with the paraf box) and
``closing`` (the last Pasal and the signatures, from a new page whose footer is empty). Text is
XML-escaped here, the one place where it becomes XML.

docxtpl renders the template (Jinja over ``paper`` and ``paraf``) once per page setup, into a
frame with a marker where each of the two goes; a document is its XML put at the markers and the
parts zipped. Rendering the whole template per document, docxtpl re-read the package, re-patched,
re-compiled and re-parsed it every time: most of the cost of a document. The XML is written here
as that rendering left it (a tab or line break in the text as a Word tab or break, lxml's
serialisation), so the bytes are the same; tests/test_render_docx.py checks it against docxtpl.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from docxtpl import DocxTemplate

from ..document import Break, Document, Inline, Run, Signatory, Tab
from ..errors import InputError, LibraryError
from ..layout import (Block, Row, bilingual_signatories, body_blocks, closing_blocks, column_rows, signature_rows,
                      signature_table)
from ..limits import MAX_NASKAH_BYTES
from ..load import read_input
from ..office_package import package_problem

# Characters XML 1.0 forbids; a pasted control character must not make Word refuse the file.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Where body and closing go in the frame: comments pass through docxtpl and lxml untouched.
_BODY, _CLOSING = "<!--drafting:body-->", "<!--drafting:closing-->"
_SECTION = re.compile(r"<w:sectPr\b.*?</w:sectPr>", re.DOTALL)


class Xml(str):
    """Already-escaped WordprocessingML: docxtpl's autoescape leaves it as it is."""

    def __html__(self) -> str:
        return self


def _t(text: str, tag: str) -> str:
    # As lxml writes it after parsing: empty self-closed, a CR as the LF the parser makes of it.
    text = escape(text.replace("\r", "\n"))
    return f'<{tag} xml:space="preserve">{text}</{tag}>' if text else f'<{tag} xml:space="preserve"/>'


def attribute(value: str) -> str:
    """A text as an XML attribute value: escaped, without the characters XML forbids."""
    return escape(_INVALID_XML.sub("", value), {'"': "&quot;"})


def _text_runs(text: str, rpr: str = "", tag: str = "w:t") -> str:
    """A text as runs with properties ``rpr``: a tab or a line break typed in it becomes a Word
    tab or line break, as docxtpl's ``resolve_listing`` makes of them."""
    runs = []
    for piece in _INVALID_XML.sub("", text).split("\t"):
        lines = piece.split("\n")
        runs.append(f"<w:r>{rpr}{'<w:br/>'.join(_t(line, tag) for line in lines)}</w:r>")
    return f"<w:r>{rpr}<w:tab/></w:r>".join(runs)


def run_xml(node: Inline, *, deleted: bool = False) -> str:
    """``deleted``: the text as deleted text (w:delText), to go inside a tracked deletion."""
    if isinstance(node, Break):
        return "<w:r><w:br/></w:r>"
    if isinstance(node, Tab):
        return "<w:r><w:tab/></w:r>"
    assert isinstance(node, Run)
    props = ("<w:b/>" if node.bold else "") + ("<w:i/>" if node.italic else "")
    return _text_runs(node.text, f"<w:rPr>{props}</w:rPr>" if props else "", "w:delText" if deleted else "w:t")


def paragraph(style: str, runs: str, props: str = "") -> str:
    """A paragraph of the template's style ``style``; ``props``: further paragraph properties
    (a tracked change's marks)."""
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{props}</w:pPr>{runs}</w:p>'


def paragraph_xml(block: Block) -> str:
    label = _text_runs(block.label) + "<w:r><w:tab/></w:r>" if block.label else ""
    return paragraph(block.style, label + "".join(run_xml(x) for x in block.content))


def _cell(content: str, span: int) -> str:
    span_xml = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
    return f"<w:tc>{span_xml}{content}</w:tc>"


def _row(paragraphs: list[str], per_row: int, halves: bool, props: str) -> str:
    """One line of the signature block. With ``halves`` the grid has two columns per party, so
    that an odd last party can sit in the middle between two half-width empty cells."""
    pad = _cell("<w:p/>", per_row - len(paragraphs)) if len(paragraphs) < per_row else ""
    cells = "".join(_cell(p, 2 if halves else 1) for p in paragraphs)
    return f'<w:tr><w:trPr><w:cantSplit/>{props}</w:trPr>{pad}{cells}{pad}</w:tr>'


def _cell_paragraphs(lines: tuple[Block, ...], style: str) -> str:
    """A cell's lines; a cell needs one paragraph, so an empty one is an empty line of its style
    (the room for a signature where no meterai goes)."""
    return "".join(paragraph_xml(b) for b in lines) or paragraph_xml(Block(style, (Run(""),)))


def signature_xml(signatories: list[Signatory]) -> str:
    """The signature block, placed as layout.signature_rows says, each party's lines as its
    template wrote them (label, position, room for the signature and meterai, name). The lines
    of one role are one table row (layout.signature_table), so names stay level across columns;
    rows never split and their paragraphs keep with the next, so the block holds together."""
    return signature_grid([[[_cell_paragraphs(cell, row.style) for cell in row.cells] for row in signature_table(group)]
                           for group in signature_rows(signatories)])


def signature_grid(groups: list[list[list[str]]], row_props: Callable[[], str] = str) -> str:
    """The signature table from its groups of parties (layout.signature_rows), each a list of
    rows, each row the paragraphs of its cells, one cell per party. The table spans the text
    width (pct), whatever the paper. ``row_props`` gives each row's further properties (a tracked
    insertion or deletion of the row)."""
    per_row = len(groups[0][0])
    halves = len(groups[-1][0]) < per_row
    rows = [_row(cells, per_row, halves, row_props()) for group in groups for cells in group]
    columns = 2 * per_row if halves else per_row
    grid = f'<w:gridCol w:w="{5000 // columns}"/>' * columns
    return (f'<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:jc w:val="center"/></w:tblPr>'
            f'<w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')


def body_xml(doc: Document) -> str:
    return "".join(paragraph_xml(b) for b in body_blocks(doc))


def closing_xml(doc: Document) -> str:
    return "".join(paragraph_xml(b) for b in closing_blocks(doc)) + signature_xml(doc.signatories)


# Text width per paper (page width less the margins of tools/build_naskah_docx.py), in twips; the
# columns of a bilingual naskah share it, with a gap between them.
TEXT_WIDTH = {"a4": 11906 - 1701 - 1134, "f4": 12189 - 1701 - 1134}
COLUMN_GAP = 340  # 0.6 cm between the Indonesian and the English column
_EMPTY = '<w:p><w:pPr><w:pStyle w:val="Kosong"/></w:pPr></w:p>'


def columns_xml(rows: list[Row], paper: str) -> str:
    """A bilingual naskah side by side: a table of two columns, a row per paragraph or list item
    (layout.column_rows), no borders. A row does not break across pages: a paragraph and its
    translation start level and end on the same page, and a Pasal heading's row keeps its title and
    first paragraph with it. (Rows allowed to break did break level, but left a line or two of a
    short paragraph alone at the foot of a page, in LibreOffice's PDF.)"""
    half = TEXT_WIDTH[paper] // 2
    gap = COLUMN_GAP // 2
    margins = (f'<w:tcMar><w:right w:w="{gap}" w:type="dxa"/></w:tcMar>',
               f'<w:tcMar><w:left w:w="{gap}" w:type="dxa"/></w:tcMar>')
    out = []
    for row in rows:
        props = "<w:trPr><w:cantSplit/></w:trPr>"
        # a heading's row: its paragraphs keep with the next (PasalNomor, PasalJudul), and so does the row
        cells = "".join(f'<w:tc><w:tcPr><w:tcW w:w="{half}" w:type="dxa"/>{margin}</w:tcPr>'
                        f'{"".join(paragraph_xml(b) for b in cell) or "<w:p/>"}</w:tc>'
                        for cell, margin in zip(row.cells, margins))
        out.append(f"<w:tr>{props}{cells}</w:tr>")
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{2 * half}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
            f'<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr>'
            f'<w:tblGrid><w:gridCol w:w="{half}"/><w:gridCol w:w="{half}"/></w:tblGrid>{"".join(out)}</w:tbl>')


@dataclass(frozen=True)
class _Frame:
    """The package docxtpl renders from the template for one page setup, without body and closing:
    ``main`` names the part that holds them, ``pieces`` are its bytes around the two markers."""

    members: tuple[tuple[str, bytes], ...]
    main: str
    pieces: tuple[bytes, bytes, bytes]

    def section_break(self, *, paraf: bool, restart: bool = False) -> str:
        """A paragraph that ends a section laid out as the template's body (``paraf``: its footer
        with the paraf box) or closing section (no paraf box); ``restart``: the section's pages are
        numbered from 1. For a naskah whose English text follows the Indonesian one, each text
        complete with its own signature page."""
        piece = self.pieces[1] if paraf else self.pieces[2]
        found = _SECTION.search(piece.decode("utf-8"))
        assert found is not None, "the template's sections carry their properties"
        props = found.group(0)
        if restart:
            at = props.find("<w:titlePg/>")
            at = at if at >= 0 else props.rindex("</w:sectPr>")
            props = props[:at] + '<w:pgNumType w:start="1"/>' + props[at:]
        return f'<w:p><w:pPr><w:pStyle w:val="Kosong"/>{props}</w:pPr></w:p>'

    def fill(self, body: str, closing: str) -> bytes:
        head, middle, tail = self.pieces
        main = b"".join((head, body.encode("utf-8"), middle, closing.encode("utf-8"), tail))
        return zip_parts((name, main if name == self.main else data) for name, data in self.members)


def page_setup(doc: Document) -> tuple[str, tuple[str, ...]]:
    """What the template's Jinja reads besides body and closing: the paper and the paraf labels
    (none when style.paraf is off)."""
    return doc.page.paper, tuple(doc.paraf_labels) if doc.page.paraf else ()


def template_parts(template: Path, body: str, closing: str, paper: str,
                   paraf: tuple[str, ...]) -> list[tuple[str, bytes]]:
    """The parts of the package docxtpl renders from the template, in its order. Autoescape is on:
    docxtpl escapes the paraf labels, and body and closing (``Xml``) pass as they are."""
    tpl = DocxTemplate(io.BytesIO(_template_bytes(template)))
    tpl.render({"body": Xml(body), "closing": Xml(closing), "paper": paper, "paraf": list(paraf)}, autoescape=True)
    out = io.BytesIO()
    tpl.save(out)
    with zipfile.ZipFile(out) as package:
        return [(info.filename, package.read(info)) for info in package.infolist()]


def _template_bytes(template: Path) -> bytes:
    """A Word template's bytes, read as a naskah the tool did not make is (a unit's library may
    come from anywhere): a regular file of bounded size, a Word package without a bomb in it."""
    try:
        data = read_input(template, MAX_NASKAH_BYTES)
    except InputError as exc:
        raise LibraryError(f"{template}: templat Word: {exc.problems[0].message}") from None
    if (reason := package_problem(data)) is not None:
        raise LibraryError(f"{template}: templat Word: {reason}")
    return data


# A handful of page setups occur (paper × party labels); each is rendered once per process.
@lru_cache(maxsize=32)
def _frame(template: Path, paper: str, paraf: tuple[str, ...]) -> _Frame:
    members = tuple(template_parts(template, _BODY, _CLOSING, paper, paraf))
    main, data = next((name, data) for name, data in members if _BODY.encode() in data)
    head, rest = data.split(_BODY.encode())
    middle, tail = rest.split(_CLOSING.encode())
    return _Frame(members, main, (head, middle, tail))


def render_docx(doc: Document, template: Path) -> bytes:
    frame = _frame(template, *page_setup(doc))
    english = doc.translation
    if english is None:
        return frame.fill(body_xml(doc), closing_xml(doc))
    if doc.layout == "columns":
        body, closing = column_rows(doc)
        return frame.fill(columns_xml(body, doc.page.paper),
                          columns_xml(closing, doc.page.paper) + _EMPTY + signature_xml(bilingual_signatories(doc)))
    # One text after the other: the Indonesian body and signature page, then the English text in a
    # section of its own whose pages count from 1, and its signature page.
    closing = (closing_xml(doc) + frame.section_break(paraf=False) + body_xml(english)
               + frame.section_break(paraf=True, restart=True) + closing_xml(english))
    return frame.fill(body_xml(doc), closing)


def fill_template(template: Path, doc: Document, body: str, closing: str) -> bytes:
    """The template in ``doc``'s page setup, with ``body`` (pages with the paraf box) and
    ``closing`` (the signature page) put in."""
    return _frame(template, *page_setup(doc)).fill(body, closing)


def zip_parts(members: Iterable[tuple[str, bytes]]) -> bytes:
    """The package of these parts, with fixed timestamps so that the same input gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            package.writestr(info, data, zipfile.ZIP_DEFLATED)
    return out.getvalue()
