"""A PDF's text as lines, page by page, read with pdfplumber (pdfminer.six underneath), which
keeps each word's position: a label and its hanging-indented text stay on one line, a blank is
put where the space between two lines is wider than the text's line spacing (a paragraph break),
and a line whose words are split by a wide gap reaching the right half of the page is read as
cells, left to right (the signature table's columns). A bilingual naskah laid out side by side is
read a column after the other (the English column after everything else, as the other readers
read it), and so are the two signatures of a bilingual naskah, whose narrow columns wrap.

A PDF without a text layer (a scan) is refused with a message that says so: reading it needs OCR.
"""

from __future__ import annotations

import io
import statistics

import pdfplumber

from ..errors import InputError, Problem
from ..limits import MAX_PDF_PAGES

_SAME_LINE = 3.0  # points: words whose tops differ by less are on one line
_COLUMN_GAP = 36.0  # points (half an inch): a gap this wide between words separates table cells


class ScannedPdf(InputError):
    """A PDF whose pages carry no text, only images."""

    def describe(self) -> str:
        return "\n".join([f"{self.source}: naskah tidak dapat dibaca"] + [f"  - {p.message}" for p in self.problems])


def read_pdf(data: bytes, source: str) -> tuple[list[list[str]], list[list[str]]]:
    """The lines of each page of the PDF ``source`` whose bytes are ``data``; and, of a bilingual
    naskah laid out side by side, the lines of each page of its English column (the first its
    Indonesian column), to be read after everything else as the other readers read it."""
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PDF_PAGES:
                raise InputError(source, [Problem("", f"PDF ini {len(pdf.pages)} halaman; yang dapat diperiksa "
                                                      f"paling banyak {MAX_PDF_PAGES} halaman")])
            rows = [_rows(page) for page in pdf.pages]
            middle = _middle(rows)
            pages = [_lines(r, float(page.width), middle) for r, page in zip(rows, pdf.pages)]
    except InputError:
        raise
    except Exception:  # noqa: BLE001 - pdfminer meets a damaged PDF with errors of every kind
        raise InputError(source, [Problem("", "PDF ini rusak atau tidak dapat dibaca; simpan ulang sebagai PDF, atau "
                                              "periksa berkas DOCX-nya")]) from None
    if not any(line.strip() for left, _ in pages for line in left):
        raise ScannedPdf(source, [Problem("", "PDF ini tidak memuat teks, hanya gambar (hasil pindaian): "
                                                 "jadikan teks dengan OCR (mis. ocrmypdf), atau periksa berkas "
                                                 "DOCX-nya")])
    return [left for left, _ in pages], [right for _, right in pages if right]


Row = list[dict]


def _rows(page: pdfplumber.page.Page) -> list[Row]:
    """The page's words in lines, top to bottom (a line's top: its first word's)."""
    words = page.extract_words(x_tolerance=1.5, y_tolerance=2, keep_blank_chars=False)
    rows: list[Row] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - word["top"]) < _SAME_LINE:
            rows[-1].append(word)
        else:
            rows.append([word])
    return rows


def _middle(pages: list[list[Row]]) -> float | None:
    """Where the two columns of a bilingual naskah laid out side by side part: between the title
    'MEMORANDUM SALING …' and 'MEMORANDUM OF …' on the line beside it (the evidence ``two_texts``
    takes from a table); None for a naskah in one column."""
    for rows in pages:
        for row in rows:
            words = sorted(row, key=lambda w: w["x0"])
            text = [w["text"] for w in words]
            for k in range(2, len(words) - 1):
                if text[:2] == ["MEMORANDUM", "SALING"] and text[k:k + 2] == ["MEMORANDUM", "OF"]:
                    return _between(words[:k], words[k:])
    return None


def _between(left: Row, right: Row) -> float:
    """Where two cells of the same width part, each line centred in its cell: half way between
    the lines' centres."""
    return ((left[0]["x0"] + left[-1]["x1"]) / 2 + (right[0]["x0"] + right[-1]["x1"]) / 2) / 2


def _lines(rows: list[Row], width: float, middle: float | None) -> tuple[list[str], list[str]]:
    """A page's lines, and (side by side: ``middle`` parts the columns) those of its right column.
    A line across the middle (a page number) stays whole, on the left. A bilingual naskah's two
    signatures side by side ('UNTUK …' beside 'UNTUK …') are read a column after the other, so that
    a label or a position wrapped in its narrow column stays with its party."""
    if not rows:
        return [], []
    tops = [row[0]["top"] for row in rows]
    gaps = [b - a for a, b in zip(tops, tops[1:]) if b > a]
    spacing = statistics.median(gaps) if gaps else 0.0
    text: tuple[list[str], list[str]] = ([], [])
    signatures: tuple[list[str], list[str]] = ([], [])
    signing: float | None = None  # where the two signatures part
    last: list[float | None] = [None, None]  # the top of each column's line before
    for row, top in zip(rows, tops):
        words = sorted(row, key=lambda w: w["x0"])
        signing = signing or _signatures_middle(words)
        cut = signing or middle
        across = cut is None or any(w["x0"] < cut < w["x1"] for w in words)
        sides = [words] if across else [[w for w in words if w["x1"] <= cut], [w for w in words if w["x0"] >= cut]]
        out = signatures if signing and not across else text
        for side, cell in enumerate(sides):
            if not cell:
                continue
            if last[side] is not None and spacing and top - last[side] > spacing * 1.45:
                out[side].append("")
            last[side] = top
            out[side].extend(_cells(cell, width) if across else [" ".join(w["text"] for w in cell)])
    left, right = text
    if signatures[0] or signatures[1]:
        left += [""] + signatures[0] + [""] + signatures[1]
    return left, right


def _signatures_middle(words: Row) -> float | None:
    """Where a line that opens two signatures of a bilingual naskah ('UNTUK A, UNTUK B,' or 'FOR THE
    A: FOR THE B:', msp_tanda_tangan) parts them; None for any other line."""
    starts = [k for k, w in enumerate(words) if w["text"] == "UNTUK"
              or w["text"] == "FOR" and k + 1 < len(words) and words[k + 1]["text"] == "THE"]
    if len(starts) != 2 or starts[0] != 0:
        return None
    return _between(words[:starts[1]], words[starts[1]:])


def _cells(row: list[dict], width: float) -> list[str]:
    cells: list[list[str]] = [[row[0]["text"]]]
    for before, word in zip(row, row[1:]):
        if word["x0"] - before["x1"] > _COLUMN_GAP and word["x0"] > width * 0.45:
            cells.append([])
        cells[-1].append(word["text"])
    return [" ".join(cell) for cell in cells]
