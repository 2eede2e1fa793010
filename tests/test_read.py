"""Reading a naskah this tool did not make (``drafting.read``): lines joined into paragraphs without
taking a wrapped reference for structure, labels split from text, Word's automatic numbering,
PDF with its layout, a scan refused."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from drafting.cli import main
from drafting.read import read_naskah, structure
from drafting.read.lines import join_lines, strip_furniture

CORPUS = Path(__file__).parent / "corpus"


def test_a_reference_wrapped_onto_the_next_line_stays_in_its_sentence() -> None:
    lines = ["Pasal 2", "JANGKA WAKTU", "(1) Berlaku 2 (dua) tahun.",
             "(2) Laporan disampaikan sebagaimana dimaksud dalam", "Pasal 4", "kepada pejabat penghubung",
             "sebagaimana dimaksud pada ayat", "(1) huruf a.", "Pasal 3", "PENUTUP", "Selesai."]
    paragraphs = join_lines(lines)
    assert paragraphs == ["Pasal 2", "JANGKA WAKTU", "(1) Berlaku 2 (dua) tahun.",
                          "(2) Laporan disampaikan sebagaimana dimaksud dalam Pasal 4 kepada pejabat penghubung "
                          "sebagaimana dimaksud pada ayat (1) huruf a.", "Pasal 3", "PENUTUP", "Selesai."]


def test_labels_on_their_own_line_page_numbers_and_paraf_box() -> None:
    pages = [["Pasal 1", "UMUM", "(1)", "", "Isi pertama yang", "berlanjut.", "Paraf PIHAK PERTAMA", "Paraf PIHAK KEDUA"],
             ["-2(2)", "", "Isi kedua.", "Paraf PIHAK PERTAMA", "Paraf PIHAK KEDUA"],
             ["-3-", "Pasal 2", "PENUTUP", "Selesai.", "Paraf PIHAK PERTAMA", "Paraf PIHAK KEDUA"]]
    assert join_lines(strip_furniture(pages)) == ["Pasal 1", "UMUM", "(1) Isi pertama yang berlanjut.",
                                                  "(2) Isi kedua.", "Pasal 2", "PENUTUP", "Selesai."]


def test_the_next_label_starts_an_item_even_after_a_missing_full_stop() -> None:
    assert join_lines(["(1) Isi tanpa titik", "(2) Isi kedua."]) == ["(1) Isi tanpa titik", "(2) Isi kedua."]


def test_structure_parts_pasal_and_labels() -> None:
    paragraphs = structure(["PERJANJIAN KERJA SAMA", "NOMOR : 1", "TENTANG", "UJI", "Pada hari ini.",
                            "PASAL 1 DEFINISI", "(1)Istilah.", "a. satu;", "PIHAK PERTAMA,", "ANI"])
    assert [(p.part, p.pasal, p.label, p.text) for p in paragraphs] == [
        ("title", None, "", "PERJANJIAN KERJA SAMA"), ("number", None, "", "NOMOR : 1"),
        ("title", None, "", "TENTANG"), ("title", None, "", "UJI"), ("front", None, "", "Pada hari ini."),
        ("heading", 1, "", "PASAL 1 DEFINISI"), ("pasal_title", 1, "", "DEFINISI"),
        ("body", 1, "(1)", "Istilah."), ("body", 1, "a.", "satu;"),
        ("signature", 1, "", "PIHAK PERTAMA,"), ("signature", 1, "", "ANI")]


def test_word_automatic_numbering_is_written_out() -> None:
    paragraphs = read_naskah(CORPUS / "format_word_numbering" / "naskah.docx")
    pasal_1 = [(p.label, p.text[:20]) for p in paragraphs if p.pasal == 1 and p.part == "body"]
    assert pasal_1 == [("(1)", "Ruang lingkup Perjan"), ("a.", "pemeriksaan kesehata"), ("b.", "rawat jalan dan rawa"),
                       ("c.", "rujukan ke fasilitas"), ("(2)", "Pelayanan sebagaiman")]
    assert [p.label for p in paragraphs if p.part == "front" and p.label] == ["1.", "2."]


def test_a_pdf_is_read_with_its_layout() -> None:
    paragraphs = read_naskah(CORPUS / "format_pdf_other_tool" / "naskah.pdf")
    assert [p.pasal for p in paragraphs if p.part == "heading"] == [1, 2, 3, 4, 5, 6, 7]
    assert [p.label for p in paragraphs if p.pasal == 6 and p.part == "body"] == ["(1)", "(2)"]


def test_a_scanned_pdf_is_refused_with_exit_status_2() -> None:
    result = CliRunner().invoke(main, ["check", str(CORPUS / "format_scanned_pdf" / "naskah.pdf")])
    assert result.exit_code == 2 and "hanya gambar (hasil pindaian)" in result.output and "OCR" in result.output
    assert "Traceback" not in result.output
