"""The DOCX as Word and LibreOffice read it: house style in the template's styles, two sections
(the naskah with the paraf box, then the signature page without it), paper size, the signature
table, and escaping of what the input puts into it."""

from __future__ import annotations

import copy
import io
import zipfile
from typing import Any

import docx
import pytest
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from drafting import library
from drafting.layout import BUTIR_LEVELS, blocks, closing_blocks
from drafting.load import validate
from drafting.pipeline import build, render
from drafting.render.docx import body_xml, closing_xml, page_setup, template_parts

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _doc(data: dict[str, Any], **style: Any) -> docx.document.Document:
    data.setdefault("style", {}).update(style)
    return docx.Document(io.BytesIO(render(build(validate(data)), "docx")))


def _with_parties(data: dict[str, Any], n: int) -> dict[str, Any]:
    for i in range(len(data["parties"]), n):
        party = copy.deepcopy(data["parties"][1])
        party["name"] += f" {i}"
        party["short_name"] += f" {i}"
        party["representative"]["name"] = f"PENANDA TANGAN {i}"
        party["meterai"] = False
        data["parties"].append(party)
    return data


def _rows(table: Any) -> list[list[str]]:
    """Cell texts, a merged cell once (python-docx repeats it per grid column)."""
    return [["".join(t.text or "" for t in tc.iter(f"{W}t")) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]


def test_house_style_lives_in_the_template_styles(bpjs_data: dict[str, Any]) -> None:
    d = _doc(bpjs_data)
    styles = d.styles
    assert styles["Judul"].font.bold and styles["Judul"].font.all_caps
    assert styles["Judul"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    for name in ("Pasal Nomor", "Pasal Judul"):
        fmt = styles[name].paragraph_format
        assert fmt.keep_with_next and fmt.alignment == WD_ALIGN_PARAGRAPH.CENTER and styles[name].font.bold
    assert styles["Isi"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    for level in range(1, BUTIR_LEVELS + 1):
        fmt = styles[f"Butir {level}"].paragraph_format
        # the label hangs in the margin of its level: (1) and a. stand out from their text
        assert fmt.left_indent.twips == 567 * level and fmt.first_line_indent.twips == -567  # 1 cm a level
    rpr = d.styles.element.find(f"{W}docDefaults").find(f"{W}rPrDefault")
    assert rpr.find(f"{W}rPr").find(f"{W}rFonts").get(f"{W}ascii") == "Bookman Old Style"
    assert rpr.find(f"{W}rPr").find(f"{W}sz").get(f"{W}val") == str(int(Pt(12).pt * 2))
    # the body names styles and carries no direct paragraph formatting
    for p in d.paragraphs:
        ppr = p._p.pPr
        assert ppr is None or [c.tag for c in ppr if c.tag not in (f"{W}pStyle", f"{W}sectPr")] == []


def test_list_levels_under_an_ayat_and_under_an_unnumbered_paragraph(bpjs_data: dict[str, Any]) -> None:
    doc = build(validate(bpjs_data))
    laid = list(blocks(doc))
    scope = next(i for i, b in enumerate(laid) if b.text() == "RUANG LINGKUP")
    assert laid[scope + 1].style == "Isi" and laid[scope + 2].style == "Butir1"  # a. under a paragraph
    exchange = next(i for i, b in enumerate(laid) if b.text() == "PERTUKARAN DATA")
    assert [(b.style, b.label) for b in laid[exchange + 2:exchange + 6]] == [
        ("Butir1", "(2)"), ("Butir2", "a."), ("Butir3", "1)"), ("Butir4", "a)")]  # a. under an ayat


def test_deepest_list_of_an_ayat_has_its_own_level(bpjs_data: dict[str, Any]) -> None:
    bpjs_data["style"] = {"list_levels": "a. 1. a) 1)"}
    bpjs_data["data_exchange"]["flows"][0]["items"][0]["items"][0] = {"text": "nama", "items": ["depan", "belakang"]}
    levels = {b.style for b in blocks(build(validate(bpjs_data)))}
    assert f"Butir{BUTIR_LEVELS}" in levels


def test_two_sections_the_signature_page_without_paraf(bpjs_data: dict[str, Any]) -> None:
    d = _doc(bpjs_data)
    main, signature = d.sections
    assert signature.start_type == WD_SECTION.NEW_PAGE
    assert main.different_first_page_header_footer and not signature.different_first_page_header_footer
    paraf = ["Paraf PIHAK PERTAMA", "Paraf PIHAK KEDUA"]
    assert _rows(main.footer.tables[0])[0] == paraf
    assert _rows(main.first_page_footer.tables[0])[0] == paraf  # page 1 is initialled too
    assert not main.first_page_header.paragraphs[0].text  # but carries no page number
    assert signature.footer.tables == [] and signature.footer.paragraphs[0].text == ""
    assert signature.header.paragraphs[0].text.startswith("- ")
    # the signature page carries the closing Pasal above the signatures
    body = d.element.body
    break_at = next(i for i, el in enumerate(body) if el.find(f"{W}pPr/{W}sectPr") is not None)
    after = [docx.text.paragraph.Paragraph(el, d).text.replace("\t", " ") for el in list(body)[break_at + 1:] if el.tag == f"{W}p"]
    closing = [b.text() for b in closing_blocks(build(validate(bpjs_data)))]
    assert after[:len(closing)] == closing and closing[1] == "KETENTUAN PENUTUP"


def test_paraf_off(bpjs_data: dict[str, Any]) -> None:
    main = _doc(bpjs_data, paraf=False).sections[0]
    assert main.footer.tables == [] and main.first_page_footer.tables == []


@pytest.mark.parametrize(("paper", "size"), [("a4", (210, 297)), ("f4", (215, 330))])
def test_paper(bpjs_data: dict[str, Any], paper: str, size: tuple[int, int]) -> None:
    for section in _doc(bpjs_data, paper=paper).sections:
        assert (round(section.page_width.mm), round(section.page_height.mm)) == size
        assert (round(section.left_margin.mm), round(section.right_margin.mm)) == (30, 20)


@pytest.mark.parametrize(("parties", "rows"), [
    (2, [["PIHAK PERTAMA,", "PIHAK KEDUA,"]]),
    (3, [["PIHAK PERTAMA,", "PIHAK KEDUA,", "PIHAK KETIGA,"]]),
    (5, [["PIHAK PERTAMA,", "PIHAK KEDUA,"], ["PIHAK KETIGA,", "PIHAK KEEMPAT,"], ["", "PIHAK KELIMA,", ""]]),
])
def test_signature_table(bpjs_data: dict[str, Any], parties: int, rows: list[list[str]]) -> None:
    d = _doc(_with_parties(bpjs_data, parties))
    table = d.tables[-1]
    cells = _rows(table)
    assert cells[0::4] == rows  # label rows; an odd last party sits in the middle
    names = [p["representative"]["name"] for p in bpjs_data["parties"]]
    assert [c for row in cells[3::4] for c in row if c] == names  # the same strings as in the comparisi
    meterai = [c for row in cells[2::4] for c in row if c]
    assert meterai == ["Meterai Rp10.000"] * sum(p.get("meterai", True) for p in bpjs_data["parties"])
    assert all(tr.trPr.find(f"{W}cantSplit") is not None for tr in table._tbl.tr_lst)
    styles = {p.style.name for row in table.rows for c in row.cells for p in c.paragraphs}
    assert all(_keeps_with_next(d.styles[s]) for s in styles - {"Normal"})


def _keeps_with_next(style: Any) -> bool:
    while style is not None and style.paragraph_format.keep_with_next is None:
        style = style.base_style
    return bool(style and style.paragraph_format.keep_with_next)


def test_signature_names_are_escaped(bpjs_data: dict[str, Any]) -> None:
    name = "PT Maju & Jaya <Tbk> {{ x }} {% if %} {_{ y }_}"  # docxtpl once turned {_{ into {{
    bpjs_data["parties"][1]["representative"]["name"] = name
    assert _rows(_doc(bpjs_data).tables[-1])[3][1] == name


def test_same_input_same_bytes(bpjs_data: dict[str, Any]) -> None:
    bpjs_data["style"] = {"paper": "f4", "paraf": True}
    doc = build(validate(bpjs_data))
    assert render(doc, "docx") == render(build(validate(copy.deepcopy(bpjs_data))), "docx")


def _parts(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return [(info.filename, package.read(info)) for info in package.infolist()]


# Not a CR: render_docx writes it as the LF that docxtpl's XML parser made of it, which docxtpl,
# given that XML again, would turn into a line break.
@pytest.mark.parametrize(("text", "parties", "style"), [
    ('A & B <Tbk> "q" \'s\' {{ x }} {% if %} *y* \\z', 2, {}),
    ("a tab\there, a new\nline, \ttab and line\n\n", 3, {"paper": "f4", "party_label": "kesatu"}),
    ("control \x01\x0b\x0c\x1f\x7f\u0085 émoji 😀 ‘’“”", 5, {"paraf": False}),
])
def test_same_bytes_as_docxtpl_rendering_the_whole_template(bpjs_data: dict[str, Any], text: str, parties: int,
                                                             style: dict[str, Any]) -> None:
    """render_docx puts its XML into a frame that docxtpl rendered once per page setup. The parts
    must be those of docxtpl rendering the whole template with that XML: the frame is right, and
    the XML is already as docxtpl leaves it (tabs and breaks typed in text as Word's, lxml's form)."""
    data = _with_parties(bpjs_data, parties)
    data["style"] = style
    data["tentang"] += f" {text}"
    data["parties"][0]["name"] += f" {text}"
    data["parties"][1]["representative"]["name"] = text
    data["parties"][1]["meterai"] = False  # an empty run
    doc = build(validate(data))
    whole = template_parts(library.template(doc.kind).docx_path(), body_xml(doc), closing_xml(doc), *page_setup(doc))
    assert _parts(render(doc, "docx")) == whole
