from drafting.document import Document, PageOptions, Paragraph, Run, Section, Signatory
from drafting.library import TEMPLATES_DIR
from drafting.typography import emphasise


def _doc(text: str, labels: tuple[str, ...] = ("PIHAK PERTAMA", "PIHAK KEDUA")) -> Document:
    para = Paragraph(content=[Run(text)])
    return Document(kind="perjanjian_kerja_sama", naskah="Perjanjian Kerja Sama", title=[],
                    front=[], pasal=[Section(id="x", title="X", paragraphs=[para])], closing=[],
                    signatories=[Signatory(label, "", ()) for label in labels], paraf_labels=[],
                    page=PageOptions(template=TEMPLATES_DIR / "naskah.docx"))


def runs(text: str, labels: tuple[str, ...] = ("PIHAK PERTAMA", "PIHAK KEDUA")) -> list[Run]:
    return emphasise(_doc(text, labels)).pasal[0].paragraphs[0].content


def test_only_the_labels_the_naskah_defines_are_bold() -> None:
    # PIHAK PERTAMA in a naskah of PIHAK KESATU names no party (drafting check: party_labels): not bolded
    assert runs("PIHAK KESATU dan PIHAK PERTAMA", ("PIHAK KESATU", "PIHAK KEDUA")) == [
        Run("PIHAK KESATU", bold=True), Run(" dan "), Run("PIHAK PERTAMA")]
    assert runs("PIHAK KESATU dan PIHAK PERTAMA") == [
        Run("PIHAK KESATU"), Run(" dan "), Run("PIHAK PERTAMA", bold=True)]


def test_party_labels_bold_and_foreign_words_italic() -> None:
    assert runs("oleh PARA PIHAK melalui web-service secara real time.") == [
        Run("oleh "), Run("PARA PIHAK", bold=True), Run(" melalui "), Run("web-service", italic=True),
        Run(" secara "), Run("real time", italic=True), Run(".")]


def test_lower_case_para_pihak_is_not_the_defined_term() -> None:
    assert runs("kepada para pihak lain") == [Run("kepada para pihak lain")]


def test_whole_words_only_and_case_kept() -> None:
    assert runs("Workshop profile") == [Run("Workshop", italic=True), Run(" profile")]


def test_text_is_unchanged_and_input_untouched() -> None:
    doc = _doc("PIHAK KEDUA memperoleh data dari PIHAK PERTAMA")
    out = emphasise(doc)
    assert "".join(r.text for r in out.pasal[0].paragraphs[0].content) == "PIHAK KEDUA memperoleh data dari PIHAK PERTAMA"
    assert doc.pasal[0].paragraphs[0].content == [Run("PIHAK KEDUA memperoleh data dari PIHAK PERTAMA")]
