"""DOCX: the laid-out blocks as WordprocessingML, placed into the Word template by docxtpl.

The template (``templates/naskah.docx``) owns the look: paragraph styles, page size, header,
the paraf box in the footer. This module writes only paragraphs that name those styles and the
signature table, into two places of the template: ``body`` (pages with the paraf box) and
``closing`` (the last Pasal and the signatures, from a new page whose footer is empty). Text is
XML-escaped here, the one place where it becomes XML; docxtpl renders with autoescape on, and our
XML passes through it as already-safe markup (``__html__``).
"""

from __future__ import annotations

import io
import re
import zipfile
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from docxtpl import DocxTemplate

from ..document import Break, Document, Inline, Run, Signatory, Tab
from ..layout import Block, body_blocks, closing_blocks, signature_rows

# Characters XML 1.0 forbids; a pasted control character must not make Word refuse the file.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class Xml(str):
    """Already-escaped WordprocessingML: docxtpl's autoescape leaves it as it is."""

    def __html__(self) -> str:
        return self


def _text(s: str) -> str:
    return escape(_INVALID_XML.sub("", s))


def run_xml(node: Inline) -> str:
    if isinstance(node, Break):
        return "<w:r><w:br/></w:r>"
    if isinstance(node, Tab):
        return "<w:r><w:tab/></w:r>"
    assert isinstance(node, Run)
    props = ("<w:b/>" if node.bold else "") + ("<w:i/>" if node.italic else "")
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{_text(node.text)}</w:t></w:r>'


def paragraph_xml(block: Block) -> str:
    label = f'<w:r><w:t xml:space="preserve">{_text(block.label)}</w:t></w:r><w:r><w:tab/></w:r>' if block.label else ""
    body = "".join(run_xml(x) for x in block.content)
    return f'<w:p><w:pPr><w:pStyle w:val="{block.style}"/></w:pPr>{label}{body}</w:p>'


def _cell(content: str, span: int) -> str:
    span_xml = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
    return f"<w:tc>{span_xml}{content}</w:tc>"


def _row(paragraphs: list[str], per_row: int, halves: bool) -> str:
    """One line of the signature block. With ``halves`` the grid has two columns per party, so
    that an odd last party can sit in the middle between two half-width empty cells."""
    pad = _cell("<w:p/>", per_row - len(paragraphs)) if len(paragraphs) < per_row else ""
    cells = "".join(_cell(p, 2 if halves else 1) for p in paragraphs)
    return f'<w:tr><w:trPr><w:cantSplit/></w:trPr>{pad}{cells}{pad}</w:tr>'


def _para(node: Run, style: str) -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{run_xml(node)}</w:p>'


def signature_xml(signatories: list[Signatory]) -> str:
    """The signature block, placed as layout.signature_rows says: per party its label, position,
    room for the signature and meterai, and the name in bold. Each line is a table row, so names
    stay level across columns; rows never split and their paragraphs keep with the next, so the
    block holds together. The table spans the text width (pct), whatever the paper."""
    groups = signature_rows(signatories)
    per_row = len(groups[0])
    halves = len(groups[-1]) < per_row
    rows = []
    for group in groups:
        rows += [
            _row([_para(Run(f"{s.label},", bold=True), "TandatanganPihak") for s in group], per_row, halves),
            _row([_para(Run(s.position), "Tandatangan") for s in group], per_row, halves),
            # Room for the signature; the meterai is stuck on where the signature goes.
            _row([_para(Run("Meterai Rp10.000" if s.meterai else ""), "Meterai") for s in group], per_row, halves),
            _row([_para(Run(s.name, bold=True), "Tandatangan") for s in group], per_row, halves),
        ]
    columns = 2 * per_row if halves else per_row
    grid = f'<w:gridCol w:w="{5000 // columns}"/>' * columns
    return (f'<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:jc w:val="center"/></w:tblPr>'
            f'<w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')


def body_xml(doc: Document) -> str:
    return "".join(paragraph_xml(b) for b in body_blocks(doc))


def closing_xml(doc: Document) -> str:
    return "".join(paragraph_xml(b) for b in closing_blocks(doc)) + signature_xml(doc.signatories)


@cache
def _template_bytes(path: Path) -> bytes:
    return path.read_bytes()


def template_context(doc: Document) -> dict[str, object]:
    """What the template's Jinja reads: the two runs of paragraphs, the paper, the paraf labels
    (an empty list when style.paraf is off). docxtpl escapes the labels."""
    return {
        "body": Xml(body_xml(doc)),
        "closing": Xml(closing_xml(doc)),
        "paper": doc.page.paper,
        "paraf": doc.paraf_labels if doc.page.paraf else [],
    }


def render_docx(doc: Document, template: Path) -> bytes:
    tpl = DocxTemplate(io.BytesIO(_template_bytes(template)))
    tpl.render(template_context(doc), autoescape=True)
    out = io.BytesIO()
    tpl.save(out)
    return normalise_zip(out.getvalue())


def normalise_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed timestamps so that the same input gives the same bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename), zipfile.ZIP_DEFLATED)
    return out.getvalue()

