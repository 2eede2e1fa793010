"""The PDF, read as a person reads the printed naskah: pages, page numbers, Pasal headings that
stay with their text, the paraf box, the signature page, the paper size; and the same text in
DOCX, PDF, HTML and Markdown.

All documents go through ONE LibreOffice run (a session fixture): its start-up is most of the cost.
Without LibreOffice these tests skip, except under CI (CI=true), where they fail."""

from __future__ import annotations

import io
import os
import re
import shutil
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import docx
import pdfplumber
import pypandoc
import pytest
import yaml

from drafting.document import Document
from drafting.layout import signature_text
from drafting.load import load_agreement, validate
from drafting.pipeline import build, render, render_file
from drafting.render.pdf import PdfError, docx_to_pdf

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
BPJS = ROOT / "examples" / "pks_bpjs_ketenagakerjaan_imigrasi.yaml"
PAGES = {"nk_kementerian_pemprov": range(7, 10), "pks_bpjs_ketenagakerjaan_imigrasi": range(8, 11),
         "pks_kanim_pemkab": range(6, 9), "pks_kanim_universitas": range(9, 12), "bpjs_f4": range(7, 10),
         "bpjs_tanpa_paraf": range(8, 11)}
MM = 72 / 25.4  # PDF points per millimetre
HEADER_BOTTOM = 20 * MM  # the text starts 2 cm from the top; the page number sits above
FOOTER_TOP = 25 * MM  # the text ends 2.5 cm from the bottom; the paraf box sits below


@dataclass
class Line:
    text: str
    top: float
    bottom: float


@dataclass
class Page:
    width_mm: float
    height_mm: float
    header: str
    body: list[str]
    footer: str


@dataclass
class Rendered:
    doc: Document
    docx: bytes
    pages: list[Page]

    def body_text(self) -> str:
        """The text of all pages, header and footer left out, lines joined as a reader joins them."""
        return _join([line for page in self.pages for line in page.body])


def _variant(**style: Any) -> Document:
    data = yaml.safe_load(BPJS.read_text(encoding="utf-8"))
    data.setdefault("style", {}).update(style)
    return build(validate(data, source=str(BPJS)))


def _documents() -> dict[str, Document]:
    docs = {p.stem: build(load_agreement(p), source=str(p)) for p in EXAMPLES}
    docs["bpjs_f4"] = _variant(paper="f4")
    docs["bpjs_tanpa_paraf"] = _variant(paraf=False)
    return docs


def _pages(pdf: bytes) -> list[Page]:
    pages = []
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for p in document.pages:
            lines = [Line(x["text"], x["top"], x["bottom"]) for x in p.extract_text_lines()]
            pages.append(Page(
                width_mm=float(p.width) / MM, height_mm=float(p.height) / MM,
                header=" ".join(x.text for x in lines if x.bottom < HEADER_BOTTOM),
                body=[x.text for x in lines if x.bottom >= HEADER_BOTTOM and x.top <= p.height - FOOTER_TOP],
                footer=" ".join(x.text for x in lines if x.top > p.height - FOOTER_TOP)))
    return pages


@pytest.fixture(scope="session")
def rendered() -> dict[str, Rendered]:
    if not shutil.which("soffice") and not shutil.which("libreoffice"):
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is required under CI")
        pytest.skip("LibreOffice (soffice) is not installed")
    docs = _documents()
    docx_files = {name: render(doc, "docx") for name, doc in docs.items()}
    pdfs = docx_to_pdf(list(docx_files.values()))
    return {name: Rendered(docs[name], docx_files[name], _pages(pdf)) for name, pdf in zip(docs, pdfs)}


def _join(lines: list[str]) -> str:
    """Lines joined with a space, except after a line that ends at a hyphen (the line broke at it)."""
    text = ""
    for line in lines:
        text += line if text.endswith("-") or not text else " " + line
    return _norm(text)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


NAMES = sorted(PAGES)


@pytest.mark.parametrize("name", NAMES)
def test_page_count(rendered: dict[str, Rendered], name: str) -> None:
    assert len(rendered[name].pages) in PAGES[name]


@pytest.mark.parametrize("name", NAMES)
def test_page_numbers_from_page_2_at_the_top(rendered: dict[str, Rendered], name: str) -> None:
    pages = rendered[name].pages
    assert pages[0].header == ""
    assert [p.header for p in pages[1:]] == [f"- {n} -" for n in range(2, len(pages) + 1)]


@pytest.mark.parametrize("name", NAMES)
def test_every_pasal_heading_has_its_title_and_text_on_the_same_page(rendered: dict[str, Rendered], name: str) -> None:
    r = rendered[name]
    found = []
    for page in r.pages:
        for i, line in enumerate(page.body):
            if re.fullmatch(r"Pasal \d+", line):
                sec = r.doc.pasal[int(line.split()[1]) - 1]
                following = page.body[i + 1:]
                title_lines = 1 if _join(following[:1]) == sec.title else 2  # a long title may wrap
                assert _join(following[:title_lines]) == sec.title, (line, following[:2])
                assert len(following) > title_lines, f"{line} {sec.title}: no text after it on the page"
                found.append(line)
    assert found == [f"Pasal {n}" for n in range(1, len(r.doc.pasal) + 1)]


@pytest.mark.parametrize("name", NAMES)
def test_signature_block_is_on_the_last_page_alone(rendered: dict[str, Rendered], name: str) -> None:
    r = rendered[name]
    last = _join(r.pages[-1].body)
    for s in r.doc.signatories:
        assert f"{s.label}," in last and s.name in last
    meterai = [line.text() for s in r.doc.signatories for line in s.lines if line.role == "meterai"]
    assert last.count("Meterai Rp10.000") == len(meterai) and set(meterai) <= {"Meterai Rp10.000"}
    # the closing Pasal is on the signature page with the signatures, never a page of signatures alone
    assert f"Pasal {len(r.doc.pasal)}" in r.pages[-1].body


@pytest.mark.parametrize("name", NAMES)
def test_paraf_box_on_every_page_but_the_signature_page(rendered: dict[str, Rendered], name: str) -> None:
    r = rendered[name]
    boxes = " ".join(f"Paraf {label}" for label in r.doc.paraf_labels)
    if r.doc.page.paraf:
        assert [p.footer for p in r.pages[:-1]] == [boxes] * (len(r.pages) - 1)
    else:
        assert not any("Paraf" in p.footer for p in r.pages)
    assert r.pages[-1].footer == ""


@pytest.mark.parametrize(("name", "size"), [("pks_bpjs_ketenagakerjaan_imigrasi", (210, 297)), ("bpjs_f4", (215, 330))])
def test_paper_size(rendered: dict[str, Rendered], name: str, size: tuple[int, int]) -> None:
    for page in rendered[name].pages:
        assert (page.width_mm, page.height_mm) == pytest.approx(size, abs=0.5)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self._skip += tag in ("style", "title")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("style", "title")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _html_text(html: bytes) -> str:
    parser = _Text()
    parser.feed(html.decode())
    return _norm("".join(parser.parts))  # pandoc puts a new line between blocks


def _md_text(md: bytes) -> str:
    return _norm(pypandoc.convert_text(md.decode(), "plain", format="gfm", extra_args=["--wrap=none"]))


@pytest.mark.parametrize("name", NAMES)
def test_pdf_html_and_markdown_carry_the_text_of_the_docx(rendered: dict[str, Rendered], name: str) -> None:
    r = rendered[name]
    paragraphs = [_norm(p.text) for p in docx.Document(io.BytesIO(r.docx)).paragraphs if p.text.strip()]
    assert len(paragraphs) > 50
    texts = {"pdf": r.body_text(), "html": _html_text(render(r.doc, "html")), "md": _md_text(render(r.doc, "md"))}
    for fmt, text in texts.items():
        missing = [p for p in paragraphs if p not in text]
        assert not missing, f"{fmt}: {missing[:3]}"
        for s in r.doc.signatories:
            # in the PDF a long line of one column wraps beside the other column's: names only
            lines = signature_text(s) if fmt != "pdf" else [s.name]
            assert all(_norm(line) in text for line in lines), (fmt, lines)


def test_render_file_writes_a_pdf(rendered: dict[str, Rendered], tmp_path: Path) -> None:
    target = render_file(ROOT / "examples" / "pks_kanim_pemkab.yaml", tmp_path / "naskah.pdf", "pdf").target
    assert target is not None
    assert [p.name for p in tmp_path.iterdir()] == ["naskah.pdf"]  # written atomically: no leftovers
    assert len(_pages(target.read_bytes())) == len(rendered["pks_kanim_pemkab"].pages)


def test_without_libreoffice_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(PdfError, match="apt-get install -y libreoffice-writer-nogui"):
        docx_to_pdf([b""])
