"""A bilingual naskah read from a file (a Memorandum Saling Pengertian in Bahasa Indonesia and
English): its two texts. Laid out one after the other, the English text starts with its title
(MEMORANDUM OF UNDERSTANDING …) before the first 'Article N'; side by side, a table of two columns
sets each Pasal beside its Article, and its columns are the two texts. The readers put the English
column after everything else, so that both layouts read as one text after the other, and ``split``
parts them."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

# a heading, its title perhaps on the same line ("Article 1 OBJECTIVE", as a PDF's lines join)
PASAL_HEADING = re.compile(r"^(?:Pasal|PASAL)\s+\d+\b")
ARTICLE_HEADING = re.compile(r"^(?:Article|ARTICLE)\s+(\d+)\b")
ENGLISH_TITLE = re.compile(r"^(?:MEMORANDUM\s+OF\s+(?:UNDERSTANDING|COOPERATION)|ARRANGEMENT|AGREEMENT)\b")

T = TypeVar("T")


def split(paragraphs: Sequence[T], text: Callable[[T], str] = str) -> tuple[list[T], list[T] | None]:
    """The Indonesian text and, when the naskah has one after it, the English text. ``text`` gives
    a paragraph's words (a structured paragraph's ``full``)."""
    lines = [" ".join(text(p).split()) for p in paragraphs]
    first = next((i for i, p in enumerate(lines) if ARTICLE_HEADING.match(p)), None)
    if first is None:
        return list(paragraphs), None
    # the title perhaps wrapped ('MEMORANDUM OF' / 'UNDERSTANDING', a PDF's narrow column)
    start = next((j for j in range(first - 1, -1, -1) if ENGLISH_TITLE.match(" ".join(lines[j:j + 2]))), None)
    if start is None or not any(PASAL_HEADING.match(p) for p in lines[:start]):
        return list(paragraphs), None
    return list(paragraphs[:start]), list(paragraphs[start:])


def two_texts(rows: list[list[str]]) -> tuple[list[str], list[str]] | None:
    """A table of two columns that sets a Pasal beside its Article (Indonesian | English), or the
    two titles side by side: its two texts, a line a paragraph; None for any other table."""
    if not rows or any(len(r) != 2 for r in rows):
        return None
    first = [(a.strip().split("\n")[0].strip(), b.strip().split("\n")[0].strip()) for a, b in rows]
    paired = any(PASAL_HEADING.match(a) and ARTICLE_HEADING.match(b) for a, b in first)
    titled = any(a.upper().startswith("MEMORANDUM SALING PENGERTIAN") and ENGLISH_TITLE.match(b) for a, b in first)
    if not (paired or titled):
        return None
    # a cell holds a paragraph, or a Pasal heading with its title: one a line
    return ([line for a, _ in rows for line in a.split("\n")], [line for _, b in rows for line in b.split("\n")])
