"""A PDF's text as lines, page by page, read with pdfplumber (pdfminer.six underneath), which
keeps each word's position: a label and its hanging-indented text stay on one line, a blank is
put where the space between two lines is wider than the text's line spacing (a paragraph break),
and a line whose words are split by a wide gap reaching the right half of the page is read as
cells, left to right (the signature table's columns).

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


def read_pdf(data: bytes, source: str) -> list[list[str]]:
    """The lines of each page of the PDF ``source`` whose bytes are ``data``."""
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PDF_PAGES:
                raise InputError(source, [Problem("", f"PDF ini {len(pdf.pages)} halaman; yang dapat diperiksa "
                                                      f"paling banyak {MAX_PDF_PAGES} halaman")])
            pages = [_lines(page) for page in pdf.pages]
    except InputError:
        raise
    except Exception:  # noqa: BLE001 - pdfminer meets a damaged PDF with errors of every kind
        raise InputError(source, [Problem("", "PDF ini rusak atau tidak dapat dibaca; simpan ulang sebagai PDF, atau "
                                              "periksa berkas DOCX-nya")]) from None
    if not any(line.strip() for page in pages for line in page):
        raise ScannedPdf(source, [Problem("", "PDF ini tidak memuat teks, hanya gambar (hasil pindaian): "
                                                 "jadikan teks dengan OCR (mis. ocrmypdf), atau periksa berkas "
                                                 "DOCX-nya")])
    return pages


def _lines(page: pdfplumber.page.Page) -> list[str]:
    words = page.extract_words(x_tolerance=1.5, y_tolerance=2, keep_blank_chars=False)
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - word["top"]) < _SAME_LINE:
            rows[-1].append(word)
        else:
            rows.append([word])
    if not rows:
        return []
    tops = [row[0]["top"] for row in rows]
    gaps = [b - a for a, b in zip(tops, tops[1:]) if b > a]
    spacing = statistics.median(gaps) if gaps else 0.0
    out: list[str] = []
    for n, row in enumerate(rows):
        if n and spacing and tops[n] - tops[n - 1] > spacing * 1.45:
            out.append("")
        out += _cells(sorted(row, key=lambda w: w["x0"]), float(page.width))
    return out


def _cells(row: list[dict], width: float) -> list[str]:
    cells: list[list[str]] = [[row[0]["text"]]]
    for before, word in zip(row, row[1:]):
        if word["x0"] - before["x1"] > _COLUMN_GAP and word["x0"] > width * 0.45:
            cells.append([])
        cells[-1].append(word["text"])
    return [" ".join(cell) for cell in cells]
