"""The Memorandum Saling Pengertian in LibreOffice's PDF, read as a person reads the printed pages:
side by side, each paragraph level with its translation on every page, the headings of a Pasal
and its Article on one line; one text after the other, each with its own page numbers and
signature page. Both layouts go through one LibreOffice run. Without LibreOffice these tests
skip, except under CI (CI=true), where they fail."""

from __future__ import annotations

import io
import itertools
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest
import yaml

from drafting.document import Document
from drafting.extract.source import CLOSING
from drafting.load import validate
from drafting.pipeline import build, render
from drafting.read import read_naskah
from drafting.read.bilingual import split
from drafting.render.pdf import docx_to_pdf

from .test_pdf import FOOTER_TOP, HEADER_BOTTOM, Page, _join, _pages

MSP = Path(__file__).resolve().parent.parent / "examples" / "msp_ditjen_imigrasi_isa_jepang.yaml"
LAYOUTS = ("columns", "sequential")


@dataclass
class Printed:
    doc: Document
    pdf: bytes
    pages: list[Page]


@pytest.fixture(scope="module")
def printed() -> dict[str, Printed]:
    if not shutil.which("soffice") and not shutil.which("libreoffice"):
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is required under CI")
        pytest.skip("LibreOffice (soffice) is not installed")
    docs = {}
    for layout in LAYOUTS:
        data = yaml.safe_load(MSP.read_text(encoding="utf-8"))
        data["style"]["layout"] = layout
        docs[layout] = build(validate(data))
    pdfs = docx_to_pdf([render(doc, "docx") for doc in docs.values()])
    return {layout: Printed(docs[layout], pdf, _pages(pdf)) for layout, pdf in zip(LAYOUTS, pdfs)}


def test_side_by_side_pages(printed: dict[str, Printed]) -> None:
    p = printed["columns"]
    assert len(p.pages) in range(8, 11)
    assert p.pages[0].header == "" and [x.header for x in p.pages[1:]] == [f"- {n} -" for n in range(2, len(p.pages) + 1)]
    assert [x.footer for x in p.pages[:-1]] == ["Paraf DITJEN IMIGRASI Paraf ISA"] * (len(p.pages) - 1)
    last = _join(p.pages[-1].body)
    assert p.pages[-1].footer == "" and "Ditandatangani di Jakarta" in last and "Signed at Jakarta" in last
    for line in ("UNTUK DIREKTORAT JENDERAL", "FOR THE DIRECTORATE", "BUDI PRASETYO", "TANAKA HIROSHI",
                 "Director General of Immigration"):
        assert line in last
    assert "Meterai" not in last


def test_each_pasal_heading_stands_beside_its_article(printed: dict[str, Printed]) -> None:
    p = printed["columns"]
    headings = []
    for page in p.pages:
        for i, line in enumerate(page.body):
            if re.fullmatch(r"Pasal \d+ Article \d+", line):
                headings.append(line)
                # its title and the first lines of its text follow on the same page (the row keeps with the next)
                assert len(page.body) - i >= 4, f"{line}: stranded at the foot of the page"
    assert headings == [f"Pasal {n} Article {n}" for n in range(1, 12)]


def _labels(pdf: bytes) -> list[tuple[int, list[tuple[float, str]], list[tuple[float, str]]]]:
    """Per page, the labels that begin a line in the left (Indonesian) and right (English) column,
    with their height on the page."""
    out = []
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for number, page in enumerate(document.pages, 1):
            middle = float(page.width) / 2
            words = [w for w in page.extract_words() if w["bottom"] >= HEADER_BOTTOM
                     and w["top"] <= float(page.height) - FOOTER_TOP]
            starts: dict[tuple[bool, int], tuple[float, str]] = {}
            for w in words:
                key = (w["x0"] > middle, round(w["top"]))
                if key not in starts or w["x0"] < starts[key][0]:
                    starts[key] = (w["x0"], w["text"])
            left = sorted((top, t) for (right, top), (_, t) in starts.items() if not right and re.fullmatch(
                r"\(\d+\)|[a-z]\.", t))
            right = sorted((top, t) for (is_right, top), (_, t) in starts.items() if is_right and re.fullmatch(
                r"\d+\.|\([a-z]\)", t))
            out.append((number, left, right))
    return out


def test_every_ayat_and_item_is_level_with_its_translation_on_every_page(printed: dict[str, Printed]) -> None:
    """The columns stay aligned across page breaks: a label (1), a. on the left has its 1., (a) on
    the right at the same height, page after page."""
    pairs = 0
    for number, left, right in _labels(printed["columns"].pdf):
        assert len(left) == len(right), f"page {number}: {left} | {right}"
        for (top, ours), (other, theirs) in zip(left, right):
            assert abs(top - other) <= 1, f"page {number}: {ours} at {top}, {theirs} at {other}"
            expected = f"{ours[1:-1]}." if ours.startswith("(") else f"({ours[0]})"
            assert theirs == expected, f"page {number}: {ours} beside {theirs}"
            pairs += 1
    assert pairs == 36  # every ayat and item of the example


def test_one_text_after_the_other(printed: dict[str, Printed]) -> None:
    p = printed["sequential"]
    assert len(p.pages) in range(8, 13)
    english = next(i for i, page in enumerate(p.pages) if page.body and page.body[0] == "MEMORANDUM OF UNDERSTANDING")
    ours, theirs = p.pages[:english], p.pages[english:]
    for text in (ours, theirs):  # each numbered from its first page, its last page the signature page
        assert text[0].header == "" and [x.header for x in text[1:]] == [f"- {n} -" for n in range(2, len(text) + 1)]
        assert [x.footer for x in text[:-1]] == ["Paraf DITJEN IMIGRASI Paraf ISA"] * (len(text) - 1)
        assert text[-1].footer == ""
    # the closing Pasal on the signature page, the two parties' signatures side by side
    assert "Pasal 11" in ours[-1].body and "UNTUK DIREKTORAT JENDERAL UNTUK BADAN LAYANAN" in ours[-1].body
    assert "Article 11" in theirs[-1].body and "FOR THE DIRECTORATE FOR THE IMMIGRATION" in theirs[-1].body
    assert not any("Article" in line for page in ours for line in page.body)


def test_side_by_side_its_lines_in_capitals_read_as_where_they_do_not_wrap(printed: dict[str, Printed],
                                                                          tmp_path: Path) -> None:
    """A title wrapped in its narrow column ('MEMORANDUM SALING' / 'PENGERTIAN', 'INTELLECTUAL
    PROPERTY' / 'RIGHTS') reads as one line: both texts up to their closing words read from the PDF
    as from the DOCX, where nothing wraps, paragraph by paragraph."""
    pdf, docx = tmp_path / "naskah.pdf", tmp_path / "naskah.docx"
    pdf.write_bytes(printed["columns"].pdf)
    docx.write_bytes(render(printed["columns"].doc, "docx"))

    def texts(path: Path) -> list[list[str]]:
        original, translation = split(read_naskah(path), lambda p: p.full)
        assert translation is not None
        return [[p.full for p in itertools.takewhile(lambda p: not CLOSING.match(p.text), text)]
                for text in (original, translation)]

    read, wanted = texts(pdf), texts(docx)
    assert "MEMORANDUM SALING PENGERTIAN" in read[0] and "INTELLECTUAL PROPERTY RIGHTS" in read[1]
    assert read == wanted
