"""A readable text form of a DOCX, read back from the file itself (not from our own model), so a
snapshot reviews what Word and LibreOffice will show: one paragraph a line, table rows as
'cell | cell', the style name in brackets where it carries meaning."""

from __future__ import annotations

import io

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph


def docx_text(data: bytes) -> str:
    d = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    for child in d.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            p = Paragraph(child, d)
            if p.text.strip():
                lines.append(f"[{p.style.name}] {p.text}")
        elif tag == "tbl":
            for row in Table(child, d).rows:
                lines.append(" | ".join(c.text for c in row.cells))
    return "\n".join(lines) + "\n"
