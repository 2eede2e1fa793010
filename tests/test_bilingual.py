"""The Memorandum Saling Pengertian: one input, one numbered structure, two texts (Bahasa Indonesia
and English) that agree in every number and reference; both layouts in DOCX, Markdown and HTML;
the refusals that keep the two texts of the same shape."""

from __future__ import annotations

import copy
import io
import re
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml

from drafting.read import read_naskah
from drafting.read.bilingual import split
from drafting.document import Document
from drafting.errors import InputError, LibraryError
from drafting.layout import plain_text, signature_text
from drafting.load import validate
from drafting.pipeline import build, check_file, render

from .conftest import msp_example
from .docx_text import docx_text

ROOT = Path(__file__).resolve().parent.parent


def built(data: dict[str, Any], **style: Any) -> Document:
    data = copy.deepcopy(data)
    data.setdefault("style", {}).update(style)
    return build(validate(data))


def texts(doc: Document) -> tuple[str, str]:
    assert doc.translation is not None
    return plain_text(doc), plain_text(doc.translation)


# --- one structure, two texts -----------------------------------------------------------------

def test_both_texts_have_the_same_articles_numbers_and_references(msp) -> None:
    doc = built(msp)
    en = doc.translation
    assert en is not None and en.language == "en" and doc.language == "id"
    assert [s.id for s in doc.pasal] == [s.id for s in en.pasal]
    assert [s.number for s in doc.pasal] == [s.number for s in en.pasal] == list(range(1, 12))
    ours, theirs = texts(doc)
    # a reference to another Pasal: Pasal 3 ayat (1) is paragraph 1 of Article 3
    assert "pengaturan pelaksanaan sebagaimana dimaksud dalam Pasal 3 ayat (1)" in ours
    assert "implementing arrangements referred to in paragraph 1 of Article 3" in theirs
    # within the same Pasal: "pada ayat (1)" / "in paragraph 1 of this Article"
    assert "sebagaimana dimaksud pada ayat (1) dapat dilaksanakan dalam bentuk" in ours
    assert "referred to in paragraph 1 of this Article may be carried out" in theirs
    # labels: ayat (1) beside paragraph 1., huruf a. beside subparagraph (a); list words per language
    assert "\n(2) Kerja sama sebagaimana" in ours and "\n2. The cooperation referred" in theirs
    assert "\nd. pengembangan sistem pemeriksaan keimigrasian di tempat pemeriksaan imigrasi; dan\n" in ours
    assert "\n(d) development of immigration clearance systems at immigration checkpoints; and\n" in theirs
    assert "\nPasal 11\nMULAI BERLAKU, JANGKA WAKTU, DAN PENGAKHIRAN\n" in ours
    assert "\nArticle 11\nCOMMENCEMENT, DURATION AND TERMINATION\n" in theirs
    # numbers in words in each language
    assert "paling lambat 6 (enam) bulan sebelum" in ours and "at least 6 (six) months before" in theirs


def test_item_references_in_both_languages(msp) -> None:
    msp["extra_pasal"] = [
        {"id": "prioritas", "title": "Prioritas", "after": "msp_ruang_lingkup",
         "text": "[#daftar] Kegiatan prioritas adalah:\n- [#a] pelatihan\n- pertukaran\n"
                 "Kegiatan sebagaimana dimaksud {{ ref(\"a\") }} diadakan setiap tahun."},
        {"id": "laporan", "title": "Laporan", "after": "prioritas",
         "paragraphs": ["Para Pihak melaporkan kegiatan."]},
    ]
    msp["english"]["extra_pasal"] = [
        {"title": "Priorities",
         "text": "[#daftar] The priority activities are:\n- [#a] training\n- exchanges\n"
                 "The activity referred to {{ ref(\"a\") }} will be held every year."},
        {"title": "Reports", "paragraphs": ["The Participants will report on the activities."]},
    ]
    ours, theirs = texts(built(msp))
    assert "Kegiatan sebagaimana dimaksud pada ayat (1) huruf a diadakan setiap tahun." in ours
    assert "The activity referred to in subparagraph (a) of paragraph 1 of this Article will be held" in theirs
    assert "\nPasal 3\nPRIORITAS\n" in ours and "\nArticle 3\nPRIORITIES\n" in theirs
    assert "\nArticle 4\nREPORTS\nThe Participants will report on the activities.\n" in theirs


def test_the_parties_or_the_participants_and_the_prevailing_text(msp) -> None:
    _, participants = texts(built(msp))
    assert "“the Participants” and individually as “a Participant”" in participants
    assert "Either Participant may terminate" in participants
    msp["style"]["english_parties"] = "parties"
    msp["prevailing_text"] = "id"
    ours, theirs = texts(built(msp))
    assert "“the Parties” and individually as “a Party”" in theirs
    assert "Either Party may terminate this Memorandum of Understanding" in theirs
    assert "each Party will designate a contact point" in theirs and "each Participant" not in theirs
    assert ours.endswith("naskah bahasa Indonesia yang berlaku.")
    assert theirs.endswith("the Indonesian text will prevail.")
    msp["prevailing_text"] = "none"
    ours, theirs = texts(built(msp))
    assert ours.endswith("semua naskah sama autentiknya.") and theirs.endswith("all texts being equally authentic.")


def test_the_shape_of_an_international_memorandum(msp) -> None:
    doc = built(msp)
    ours, theirs = texts(doc)
    assert ours.startswith("MEMORANDUM SALING PENGERTIAN\nANTARA\nDIREKTORAT JENDERAL IMIGRASI\n")
    assert "\nDAN\nBADAN LAYANAN IMIGRASI JEPANG\nTENTANG\nKERJA SAMA DI BIDANG PENGELOLAAN PERBATASAN" in ours
    assert theirs.startswith("MEMORANDUM OF UNDERSTANDING\nBETWEEN\nTHE DIRECTORATE GENERAL OF IMMIGRATION\n")
    assert "\nAND\nTHE IMMIGRATION SERVICES AGENCY OF JAPAN\nON\nCOOPERATION IN BORDER MANAGEMENT" in theirs
    # no opening "Pada hari ini", no komparisi, no PIHAK PERTAMA; recitals with capitalised leads
    assert "Pada hari ini" not in ours and "PIHAK" not in ours and "bahwa" not in ours
    assert "\nMENYADARI pentingnya kerja sama" in ours and "\nRECOGNISING the importance" in theirs
    assert "\nTELAH MENCAPAI SALING PENGERTIAN sebagai berikut:\nPasal 1\n" in ours
    assert "\nHAVE REACHED THE FOLLOWING UNDERSTANDING:\nArticle 1\n" in theirs
    assert "Ditandatangani di Jakarta pada tanggal 12 Maret 2026 dalam rangkap dua dalam bahasa Indonesia dan " \
           "bahasa Inggris, semua naskah sama autentiknya. Dalam hal terdapat perbedaan penafsiran, naskah bahasa " \
           "Inggris yang berlaku." in ours
    assert "Signed at Jakarta on 12 March 2026 in duplicate in the Indonesian and English languages, all texts " \
           "being equally authentic. In case of any divergence of interpretation, the English text will prevail." \
           in theirs
    # an MoU that is not a treaty speaks of intentions: "akan"/"will", never "wajib"/"shall"
    assert " wajib " not in ours and "shall" not in theirs and " will " in theirs
    # the signatures: UNTUK … / FOR …, the name, the position in each language, no meterai
    assert [signature_text(s) for s in doc.signatories][0] == [
        "UNTUK DIREKTORAT JENDERAL IMIGRASI,", "BUDI PRASETYO", "Direktur Jenderal Imigrasi"]
    assert [signature_text(s) for s in doc.translation.signatories][1] == [
        "FOR THE IMMIGRATION SERVICES AGENCY OF JAPAN:", "TANAKA HIROSHI",
        "Commissioner of the Immigration Services Agency of Japan"]
    assert not any(line.role == "meterai" for d in (doc, doc.translation) for s in d.signatories for line in s.lines)


def test_recitals_lettered_with_bahwa_when_the_style_wants_it(msp) -> None:
    ours, theirs = texts(built(msp, recital_leads=False))
    assert "\nDengan mempertimbangkan hal-hal sebagai berikut:\na. bahwa pentingnya" not in ours  # 'bahwa' + text
    assert "\na. bahwa Menyadari pentingnya kerja sama" in ours
    assert "\n(a) that Recognising the importance" in theirs
    assert "\ntelah mencapai saling pengertian sebagai berikut:\n" in ours
    assert "\nhave reached the following understanding:\n" in theirs


def test_a_renewal_cites_and_supersedes_its_predecessor_in_both_texts(msp) -> None:
    msp["renewal"] = {"kind": "memorandum_saling_pengertian", "tentang": "Kerja Sama Keimigrasian",
                      "numbers": ["IMI-UM.01.01-77"], "date": "2021-03-12", "end_date": "2026-03-11"}
    msp["english"]["renewal"] = {"tentang": "Cooperation in Immigration Matters"}
    ours, theirs = texts(built(msp))
    assert "\nMERUJUK pada Memorandum Saling Pengertian tentang Kerja Sama Keimigrasian yang ditandatangani pada " \
           "tanggal 12 Maret 2021 dan berakhir pada tanggal 11 Maret 2026;\n" in ours
    assert "\nREFERRING to the Memorandum of Understanding on Cooperation in Immigration Matters signed on " \
           "12 March 2021 and ending on 11 March 2026;\n" in theirs
    assert "(5) Dengan mulai berlakunya Memorandum Saling Pengertian ini, Memorandum Saling Pengertian tentang " \
           "Kerja Sama Keimigrasian yang ditandatangani pada tanggal 12 Maret 2021 tidak berlaku lagi." in ours
    assert "5. Upon its coming into effect, this Memorandum of Understanding supersedes the Memorandum of " \
           "Understanding on Cooperation in Immigration Matters signed on 12 March 2021." in theirs


# --- refusals: what would make the two texts differ -------------------------------------------

def test_a_clause_without_english_cannot_be_used(msp, tmp_path: Path) -> None:
    clause = yaml.safe_load((ROOT / "clauses" / "msp_kerahasiaan.yaml").read_text(encoding="utf-8"))
    clause["variants"]["ringkas"] = "Setiap Pihak akan menjaga kerahasiaan informasi yang diterimanya."
    msp["library"] = [str(_unit_library(tmp_path, clause))]
    msp["clauses"] = {"variants": {"msp_kerahasiaan": "ringkas"}}
    with pytest.raises(InputError) as exc:
        built(msp)
    [problem] = exc.value.problems
    assert problem.path == "clauses.variants.msp_kerahasiaan"
    assert "klausul 'msp_kerahasiaan' (varian 'ringkas') tidak mempunyai teks bahasa Inggris" in problem.message
    # a PKS clause is not for a Memorandum at all: it is not in its template
    msp["clauses"] = {"variants": {"kerahasiaan": "default"}}
    with pytest.raises(InputError, match="klausul 'kerahasiaan' tidak ada dalam Memorandum Saling Pengertian"):
        built(msp)


def test_an_untranslated_text_is_named_by_its_field(msp) -> None:
    del msp["english"]["scope"][1]
    msp["english"]["forms"][0] = ""  # as the form adds it, beside its original
    msp["english"]["purpose"].pop("tujuan")
    with pytest.raises(InputError) as exc:
        built(msp)
    assert {(p.path, p.message.split(",")[0]) for p in exc.value.problems} == {
        ("english.scope[4]", "teks bahasa Inggris belum diisi"), ("english.forms[0]", "teks bahasa Inggris belum diisi"),
        ("english.purpose.tujuan", "teks bahasa Inggris belum diisi")}
    # a text that is not printed needs no English: the legal status is not in a Memorandum
    msp = copy.deepcopy(msp_example())
    msp["parties"][0]["legal_status"] = "unit eselon I Kementerian"
    assert built(msp).translation is not None


def test_an_english_list_longer_than_its_original(msp) -> None:
    msp["english"]["forms"].append("joint patrols")
    with pytest.raises(InputError) as exc:
        built(msp)
    [problem] = exc.value.problems
    assert problem.path == "english.forms" and "5 butir dalam bahasa Inggris" in problem.message


def test_english_only_for_a_bilingual_naskah(bpjs_data) -> None:
    bpjs_data["english"] = {"tentang": "Data exchange"}
    with pytest.raises(InputError) as exc:
        build(validate(bpjs_data))
    assert exc.value.problems[0].path == "english"


def _unit_library(tmp_path: Path, clause: dict[str, Any]) -> Path:
    (tmp_path / "clauses").mkdir()
    (tmp_path / "clauses" / f"{clause['id']}.yaml").write_text(yaml.safe_dump(clause, allow_unicode=True),
                                                              encoding="utf-8")
    return tmp_path


def test_a_clause_whose_english_is_shaped_otherwise_is_refused(msp, tmp_path: Path) -> None:
    clause = yaml.safe_load((ROOT / "clauses" / "msp_kerahasiaan.yaml").read_text(encoding="utf-8"))
    en = clause["variants"]["default"]["en"].splitlines()
    del en[2]  # the English drops the paragraph on personal data
    clause["variants"]["default"]["en"] = "\n".join(en)
    msp["library"] = [str(_unit_library(tmp_path, clause))]
    with pytest.raises(LibraryError, match=r"klausul msp_kerahasiaan: teks bahasa Inggris tidak sama bentuknya dengan "
                                           r"teks bahasa Indonesia \(4 paragraf dalam bahasa Indonesia, 3 dalam "
                                           r"bahasa Inggris\)"):
        built(msp)


def test_english_with_other_anchors_is_refused_when_the_library_is_read(msp, tmp_path: Path) -> None:
    clause = yaml.safe_load((ROOT / "clauses" / "msp_kerahasiaan.yaml").read_text(encoding="utf-8"))
    clause["variants"]["default"]["en"] = clause["variants"]["default"]["en"].replace("[#rahasia]", "[#secret]")
    msp["library"] = [str(_unit_library(tmp_path, clause))]
    with pytest.raises(LibraryError, match=r"msp_kerahasiaan.yaml, baris \d+: teks bahasa Inggris varian 'default' harus "
                                           r"mempunyai tanda \[#…\] yang sama .*\(rahasia, secret\)"):
        built(msp)


# --- the layouts ----------------------------------------------------------------------------------

@cache
def _rendered(layout: str, fmt: str) -> bytes:
    return render(built(msp_example(), layout=layout), fmt)


def test_columns_docx_sets_each_pasal_beside_its_article() -> None:
    d = docx.Document(io.BytesIO(_rendered("columns", "docx")))
    body, closing, signatures = d.tables
    assert len(d.tables) == 3 and all(len(t.columns) == 2 for t in d.tables)
    rows = [[c.text for c in r.cells] for r in body.rows]
    assert rows[0][0].startswith("MEMORANDUM SALING PENGERTIAN") and rows[0][1].startswith("MEMORANDUM OF UNDERSTANDING")
    heads = [(a.split("\n")[:2], b.split("\n")[:2]) for a, b in rows if a.startswith("Pasal ")]
    assert heads[4] == (["Pasal 5", "PEMBIAYAAN"], ["Article 5", "FINANCIAL ARRANGEMENTS"])
    assert len(heads) == 11
    # one row per paragraph or item: every label stands beside its counterpart
    labelled = [(a.split("\t")[0], b.split("\t")[0]) for a, b in rows if "\t" in a and not a.startswith("Pasal")]
    assert ("(2)", "2.") in labelled and ("c.", "(c)") in labelled
    assert all(re.fullmatch(r"\((\d)\)", a) and b == f"{a[1]}." or re.fullmatch(r"[a-z]\.", a) and b == f"({a[0]})"
               for a, b in labelled)
    # rows never break across pages: a paragraph and its translation start and end together
    xml = zipfile.ZipFile(io.BytesIO(_rendered("columns", "docx"))).read("word/document.xml").decode()
    assert xml.count("<w:cantSplit/>") >= len(body.rows) + len(closing.rows)
    assert closing.rows[0].cells[0].text.startswith("Ditandatangani di Jakarta")
    assert [c.text.split("\n")[:2] for c in signatures.rows[0].cells] == [
        ["UNTUK DIREKTORAT JENDERAL IMIGRASI,", "FOR THE DIRECTORATE GENERAL OF IMMIGRATION:"],
        ["UNTUK BADAN LAYANAN IMIGRASI JEPANG,", "FOR THE IMMIGRATION SERVICES AGENCY OF JAPAN:"]]
    assert "Rp10.000" not in xml and "Rp6.000" not in xml


def test_sequential_docx_gives_each_text_its_own_pages_and_signatures() -> None:
    data = _rendered("sequential", "docx")
    d = docx.Document(io.BytesIO(data))
    assert [t.rows[0].cells[0].text for t in d.tables] == ["UNTUK DIREKTORAT JENDERAL IMIGRASI,",
                                                          "FOR THE DIRECTORATE GENERAL OF IMMIGRATION:"]
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    # four sections: Indonesian body (paraf), its signature page, English body (paraf, pages from 1),
    # its signature page
    sections = re.findall(r"<w:sectPr\b.*?</w:sectPr>", xml, re.DOTALL)
    assert len(sections) == 4
    assert ["rIdFooterParaf" in s for s in sections] == [True, False, True, False]
    assert ['w:pgNumType w:start="1"' in s for s in sections] == [False, False, True, False]
    text = docx_text(data)
    assert text.index("[Judul] MEMORANDUM OF UNDERSTANDING") > text.index("Ditandatangani di Jakarta")


def test_markdown_and_html_show_both_texts_in_either_layout() -> None:
    for layout in ("columns", "sequential"):
        md, html = _rendered(layout, "md").decode(), _rendered(layout, "html").decode()
        for text in (md, html):
            assert "Pasal 11" in text and "Article 11" in text and "[TABLE]" not in text
            assert "FOR THE IMMIGRATION SERVICES AGENCY OF JAPAN:" in text
    # side by side: a table row pairs a Pasal with its Article
    assert "| **Pasal 5** | **Article 5** |" in _rendered("columns", "md").decode()
    assert '<table class="naskah-dwibahasa">' in _rendered("columns", "html").decode()
    seq = _rendered("sequential", "md").decode()
    assert seq.index("Ditandatangani di Jakarta") < seq.index("\n**MEMORANDUM OF UNDERSTANDING**\n")


def test_the_same_input_gives_the_same_bytes() -> None:
    for layout in ("columns", "sequential"):
        assert render(built(msp_example(), layout=layout), "docx") == _rendered(layout, "docx")


@pytest.mark.parametrize("layout", ["columns", "sequential"])
def test_a_bilingual_docx_is_read_back_as_two_texts(layout: str, tmp_path: Path) -> None:
    path = tmp_path / f"msp-{layout}.docx"
    path.write_bytes(_rendered(layout, "docx"))
    original, translation = split([p.full for p in read_naskah(path)])
    assert translation is not None
    assert original[0] == "MEMORANDUM SALING PENGERTIAN" and translation[0] == "MEMORANDUM OF UNDERSTANDING"
    assert sum(p == "Pasal 7" for p in original) == 1 and "Article 7" in translation
    report = check_file(path)
    assert [f for f in report.findings if f.severity == "error"] == [] and "bilingual" in report.ran


def test_sequential_layout_snapshot(snapshot) -> None:
    """The English text after the Indonesian one, each with its signatures (the side-by-side DOCX
    is the example's own snapshot in test_examples)."""
    assert docx_text(_rendered("sequential", "docx")) == snapshot


# --- the registry: an MoU renews like any other naskah ---------------------------------------------

def _signed_msp(tmp_path: Path) -> Path:
    data = copy.deepcopy(msp_example())
    data["draft"] = False
    data["parties"][0]["nomor"] = "IMI-UM.01.01-0012"
    data["parties"][1]["nomor"] = "ISA-2026-07"
    path = tmp_path / "msp.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_an_mou_renews_in_both_texts(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from drafting.cli import main

    db = str(tmp_path / "r.db")
    run = CliRunner().invoke
    added = run(main, ["registry", "add", str(_signed_msp(tmp_path)), "--db", db])
    assert added.exit_code == 0, added.output
    listed = run(main, ["registry", "list", "--kind", "mou", "--db", db])
    assert "Kerja Sama di Bidang Pengelolaan Perbatasan" in listed.output
    out = tmp_path / "baru"
    renewed = run(main, ["renew", "1", "--years", "5", "-o", str(out), "--db", db, "--representative",
                         "1=AGUS SALIM;Direktur Jenderal Imigrasi;;Director General of Immigration"])
    assert renewed.exit_code == 0, renewed.output
    draft = yaml.safe_load((out / "naskah-2.yaml").read_text(encoding="utf-8"))
    assert draft["english"]["renewal"] == {"tentang": msp_example()["english"]["tentang"]}
    assert draft["english"]["parties"][0]["representative"] == {"position": "Director General of Immigration"}
    text = docx_text((out / "naskah-2.docx").read_bytes())
    assert "MERUJUK pada Memorandum Saling Pengertian tentang Kerja Sama di Bidang Pengelolaan Perbatasan" in text
    assert "REFERRING to the Memorandum of Understanding on Cooperation in Border Management" in text
    assert "supersedes the Memorandum of Understanding on Cooperation in Border Management" in text
    assert "AGUS SALIM" in text and "BUDI PRASETYO" not in text
    # a new position without its English: the draft is not made, and the field to fill is named
    refused = run(main, ["renew", "1", "--years", "5", "-o", str(out), "--db", db, "--again", "--representative",
                         "1=AGUS SALIM;Sekretaris Jenderal"])
    assert refused.exit_code == 2
    assert "english.parties[0].representative.position: teks bahasa Inggris belum diisi" in refused.output
