"""Markdown and plain text as lines: Markdown's markup stripped (headings, bullets, emphasis,
escapes, pandoc's hard line breaks), a pipe table read column by column when it holds the
signature labels ('PIHAK PERTAMA,', 'Untuk …') and row by row otherwise; a text file's form
feeds (``pdftotext``) split pages."""

from __future__ import annotations

import re

from .bilingual import two_texts
from .lines import columns, signature_cells
from .structure import SIGNATURE_LABEL, SIGNED_FOR

_HEADING = re.compile(r"^#{1,6}\s+")
_BULLET = re.compile(r"^(?:[-*+]\s+)+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>\"'])")
_TABLE_RULE = re.compile(r"^\|?[\s:|-]+\|?$")


def read_text(text: str) -> list[list[str]]:
    """The lines of each page (a form feed starts a page)."""
    return [_lines(page) for page in text.split("\f")]


def _lines(text: str) -> list[str]:
    out: list[str] = []
    english: list[str] = []  # the English column of a bilingual naskah laid out side by side
    table: list[list[str]] = []
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("|"):
            if not _TABLE_RULE.match(line):
                table.append([_inline(cell) for cell in line.strip("|").split("|")])
            continue
        if table:
            out += _table(table, english)
            table = []
        out.append(_inline(_BULLET.sub("", _HEADING.sub("", line))))
    return out + _table(table, english) + english


def _table(rows: list[list[str]], english: list[str]) -> list[str]:
    if texts := two_texts(rows):
        english += [line for line in texts[1] if line]
        return [line for line in texts[0] if line]
    if (cells := signature_cells(rows)) is not None:
        return cells
    if any(SIGNATURE_LABEL.match(cell) or SIGNED_FOR.match(cell) for row in rows for cell in row):
        return [cell for cell in columns(rows) if cell]
    return [" ".join(cell for cell in row if cell) for row in rows]


def _inline(text: str) -> str:
    text = text.strip().removesuffix("\\")  # pandoc's hard line break
    # emphasis marks go; a run of three or more underscores is a blank to fill in ("____"), and stays
    text = re.sub(r"(?<!_)__(?!_)", "", text.replace("**", "").replace("*", ""))
    return _ESCAPE.sub(r"\1", text).strip()
