"""Reading an agreement this tool did not make (DOCX, Markdown or plain text) into paragraphs of
plain text, for ``analysis.analyse``: markup stripped, a table read column by column (a signature
table has a column per party: label, position, name)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph

from ..errors import InputError, Problem
from . import bilingual

SUFFIXES = (".docx", ".md", ".txt")
_HEADING = re.compile(r"^#{1,6}\s+")
_BULLET = re.compile(r"^(?:[-*+]\s+)+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>\"'])")
_TABLE_RULE = re.compile(r"^\|?[\s:|-]+\|?$")


def read_paragraphs(path: Path) -> list[str]:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(str(path), [Problem("", f"jenis berkas '{suffix}' tidak dikenal; yang dapat diperiksa: "
                                                 ".yaml, .yml, .json (isian) dan " + ", ".join(SUFFIXES))])
    if not path.is_file():
        raise InputError(str(path), [Problem("", "berkas tidak ditemukan")])
    try:
        if suffix == ".docx":
            return _docx(path)
        return _markdown(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise InputError(str(path), [Problem("", f"berkas tidak dapat dibaca ({exc})")]) from None


def _docx(path: Path) -> list[str]:
    """The paragraphs in order; the tables of a bilingual naskah laid out side by side give their
    Indonesian column in place and their English column after everything else, so that the
    English text follows the Indonesian one as in a naskah laid out one text after the other."""
    d = docx.Document(str(path))
    out: list[str] = []
    english: list[str] = []
    for child in d.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(Paragraph(child, d).text)
        elif tag == "tbl":
            rows = [[c.text for c in row.cells] for row in Table(child, d).rows]
            texts = bilingual.columns(rows)
            if texts:
                out += texts[0]
                english += texts[1]
            else:
                out += _columns(rows)
    return out + english


def _columns(rows: list[list[str]]) -> list[str]:
    width = max((len(r) for r in rows), default=0)
    return [r[col] for col in range(width) for r in rows if col < len(r)]


def _markdown(text: str) -> list[str]:
    out: list[str] = []
    table: list[list[str]] = []
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("|"):
            if not _TABLE_RULE.match(line):
                table.append([_inline(cell) for cell in line.strip("|").split("|")])
            continue
        if table:
            out += _columns(table)
            table = []
        out.append(_inline(_BULLET.sub("", _HEADING.sub("", line))))
    return out + _columns(table)


def _inline(text: str) -> str:
    text = text.strip().removesuffix("\\")  # pandoc's hard line break
    text = text.replace("**", "").replace("__", "").replace("*", "")
    return _ESCAPE.sub(r"\1", text).strip()
