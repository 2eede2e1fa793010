"""DOCX: the laid-out blocks as WordprocessingML, placed into the Word template by docxtpl.

The template (``templates/naskah.docx``) owns the look: paragraph styles, page, header. This
module writes only paragraphs that name those styles, and the signature table. Text is XML-escaped
here, the one place where it becomes XML; docxtpl renders with autoescape on, and our XML passes
through it as already-safe markup (``__html__``).
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
from ..layout import Block, blocks

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


def _row(cells: list[str], width: int, pad: int = 0) -> str:
    empty = f'<w:tc><w:tcPr><w:tcW w:w="{width // 2}" w:type="dxa"/></w:tcPr><w:p/></w:tc>'
    tcs = "".join(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{c}</w:tc>' for c in cells)
    return f'<w:tr><w:trPr><w:cantSplit/></w:trPr>{empty * pad}{tcs}</w:tr>'


def _para(content: str, extra: str = "") -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="Tandatangan"/>{extra}</w:pPr>{content}</w:p>'


def signature_xml(signatories: list[Signatory], text_width: int = 9071) -> str:
    """The signature block: a column per party (two per row, three side by side when there are
    exactly three), with label, position, room for signature and meterai, and the name in bold.
    Each line is a table row, so names stay level across columns; rows never split and keep
    together (Tandatangan paragraphs keep with the next), so the block never breaks across pages."""
    per_row = 3 if len(signatories) == 3 else 2
    width = text_width // per_row
    rows = []
    for i in range(0, len(signatories), per_row):
        chunk = signatories[i:i + per_row]
        pad = 1 if len(chunk) < per_row else 0  # an odd last party sits in the middle
        rows += [
            _row([_para(run_xml(Run(f"{s.label},", bold=True))) for s in chunk], width, pad),
            _row([_para(run_xml(Run(s.position))) for s in chunk], width, pad),
            # Room for the signature; the meterai is stuck on where the signature goes.
            _row([_para('<w:r><w:rPr><w:color w:val="808080"/><w:sz w:val="16"/></w:rPr>'
                        f'<w:t>{"Meterai Rp10.000" if s.meterai else ""}</w:t></w:r>',
                        '<w:spacing w:before="600" w:after="600"/>') for s in chunk], width, pad),
            _row([_para(run_xml(Run(s.name, bold=True)), "") for s in chunk], width, pad),
        ]
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for _ in range(per_row))
    spacer = '<w:p><w:pPr><w:keepNext/></w:pPr></w:p>'
    return (f'{spacer}<w:tbl><w:tblPr><w:tblW w:w="{text_width}" w:type="dxa"/><w:jc w:val="center"/>'
            f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')


def body_xml(doc: Document) -> str:
    return "".join(paragraph_xml(b) for b in blocks(doc)) + signature_xml(doc.signatories)


@cache
def _template_bytes(path: Path) -> bytes:
    return path.read_bytes()


def render_docx(doc: Document, template: Path) -> bytes:
    tpl = DocxTemplate(io.BytesIO(_template_bytes(template)))
    tpl.render({"body": Xml(body_xml(doc))}, autoescape=True)
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

