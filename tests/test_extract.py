"""drafting extract: a naskah read back into an input that renders the same agreement.

Round trip: every example and every corpus input the tool renders (with the fields its manifest
sets or deletes), the bilingual Memorandum Saling Pengertian in both its layouts among them,
rendered as Markdown, DOCX and PDF, extracted, rendered again in the same
format: the same paragraphs, word for word, in both texts. Seed 003, the signed text of 2023: its
16 Pasal with their titles and words, its defects reported."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from click.testing import CliRunner

from drafting.checks.analysis import draft_paragraphs
from drafting.cli import main
from drafting.extract import extract
from drafting.extract.match import resolved
from drafting.extract.regulation import read_regulation
from drafting.extract.source import cut
from drafting.library import anchored
from drafting.load import load_agreement, validate
from drafting.model import Agreement
from drafting.pipeline import build, render
from drafting.read import read_naskah

from .word_forms import write_docx

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "pks_bpjs_2023_seed003.txt"
_spec = importlib.util.spec_from_file_location("check_score", ROOT / "bench" / "check_score.py")
assert _spec and _spec.loader
check_score = importlib.util.module_from_spec(_spec)
sys.modules["check_score"] = check_score  # its dataclasses look their module up
_spec.loader.exec_module(check_score)
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
MSP = ROOT / "examples" / "msp_ditjen_imigrasi_isa_jepang.yaml"


def _corpus_inputs() -> dict[str, tuple[Path, dict[str, Any], list[str]]]:
    """The corpus entries that are an input (an example with fields set or deleted): name → input,
    fields set, fields deleted."""
    out = {}
    for expect in sorted((ROOT / "tests" / "corpus").glob("*/expect.yaml")):
        spec = yaml.safe_load(expect.read_text(encoding="utf-8"))
        if spec.get("input"):
            out[expect.parent.name] = ((expect.parent / spec["input"]).resolve(), spec.get("set", {}),
                                       spec.get("delete", []))
    return out


CORPUS = _corpus_inputs()
INPUTS = {p.stem: (p, {}, []) for p in EXAMPLES} | CORPUS


def _input(name: str) -> Agreement:
    source, values, deleted = INPUTS[name]
    return anchored(validate(check_score.changed(source, values, deleted), source=str(source)), source.parent)


def _paragraphs(path: Path) -> list[str]:
    return [" ".join(p.full.split()) for p in read_naskah(path)]


def _round_trip(name: str, fmt: str, tmp: Path) -> tuple[list[str], list[str], Agreement]:
    source = INPUTS[name][0]
    agreement = _input(name)
    first = tmp / f"naskah.{fmt}"
    first.write_bytes(render(build(agreement, source=str(source)), fmt))
    x = extract(first, tuple((source.parent / lib).resolve() for lib in agreement.library))
    again = validate(resolved(x.data))
    second = tmp / f"lagi.{fmt}"
    second.write_bytes(render(build(again), fmt))
    return _paragraphs(first), _paragraphs(second), again


@pytest.mark.parametrize("fmt", ["md", "docx"])
@pytest.mark.parametrize("name", sorted(INPUTS))
def test_what_the_tool_rendered_extracts_to_an_input_that_renders_the_same_text(name: str, fmt: str,
                                                                                 tmp_path: Path) -> None:
    before, after, _ = _round_trip(name, fmt, tmp_path)
    assert after == before


@pytest.mark.parametrize(("name", "draft"), [("pks_kanim_pemkab", True), ("input_final_with_blanks", False)])
def test_korespondensi_is_its_clause_with_its_blanks_left_blank(name: str, draft: bool, tmp_path: Path) -> None:
    """A draft prints every party's Alamat and Surel, '……………' where not known; a naskah marked
    final only the lines it has, whatever else is blank (its numbers, date, a pejabat penghubung):
    read back, each is the clause again, a blank an empty field and the input a draft or not."""
    _, _, again = _round_trip(name, "md", tmp_path)
    assert again.draft is draft
    assert "korespondensi" not in [e.replaces for e in again.extra_pasal]
    second = again.parties[1]
    assert second.correspondence is not None and second.correspondence.email is None
    assert second.pejabat_penghubung == _input(name).parties[1].pejabat_penghubung


def _edited(path: Path, old: str, new: str) -> None:
    """The naskah with a word changed, as a drafter edits a rendered naskah before it is signed."""
    if path.suffix == ".md":
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
        return
    document = docx.Document(str(path))
    runs = [r for p in document.paragraphs for r in p.runs if old in r.text]
    assert runs, old
    for run in runs:
        run.text = run.text.replace(old, new)
    document.save(str(path))


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_a_korespondensi_kept_word_for_word_keeps_its_address_lines(fmt: str, tmp_path: Path) -> None:
    """Its words edited, Pasal Korespondensi is kept word for word: each party's u.p., Alamat and
    Surel stay lines of its item, as printed."""
    source = ROOT / "examples" / "pks_kanim_pemkab.yaml"
    path = tmp_path / f"naskah.{fmt}"
    path.write_bytes(render(build(load_agreement(source), source=str(source)), fmt))
    _edited(path, "disampaikan melalui surat atau", "dikirim melalui surat atau")
    x = extract(path)
    kept = next(e for e in x.data["extra_pasal"] if e.get("replaces") == "korespondensi")
    assert "- PIHAK KEDUA{{ br }}u.p. : Sekretaris Daerah Kabupaten Sumbawa{{ br }}Alamat : " in kept["text"]
    again = tmp_path / f"lagi.{fmt}"
    again.write_bytes(render(build(validate(resolved(x.data))), fmt))
    assert _paragraphs(again) == _paragraphs(path)


def test_the_corpus_has_both_layouts_of_the_memorandum() -> None:
    layouts = {_input(name).style.layout for name in INPUTS if _input(name).kind.value == "memorandum_saling_pengertian"}
    assert layouts == {"columns", "sequential"}


# Every example and corpus input from its PDF too, as LibreOffice lays it out (about a minute)
@pytest.mark.parametrize("name", sorted(INPUTS))
def test_round_trip_from_pdf(name: str, tmp_path: Path) -> None:
    if not shutil.which("soffice") and not shutil.which("libreoffice"):
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is required under CI")
        pytest.skip("LibreOffice (soffice) is not installed")
    before, after, again = _round_trip(name, "pdf", tmp_path)
    assert after == before
    if again.english is not None:  # both texts, and the signatures' positions in both languages
        agreement = _input(name)
        assert [p.representative for p in again.parties] == [p.representative for p in agreement.parties]
        assert [p.representative for p in again.english.parties] == \
            [p.representative for p in agreement.english.parties]  # type: ignore[union-attr]


def test_a_memorandum_whose_columns_were_read_across_is_refused_with_exit_status_2(tmp_path: Path) -> None:
    """Side by side, its lines read across both columns (as another tool's text of a PDF reads them)."""
    text = render(build(load_agreement(MSP), source=str(MSP)), "md").decode()
    across = [" ".join(cell.strip() for cell in row.strip("|").split("|")) if row.startswith("|") else row
              for row in text.split("\n") if not re.match(r"^\|[\s:|-]+\|$", row)]
    path = tmp_path / "naskah.md"
    path.write_text("\n".join(across), encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path), "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 2 and "baca DOCX-nya" in result.output, result.output
    assert not (tmp_path / "x.yaml").exists()


@pytest.mark.parametrize("source", EXAMPLES, ids=lambda p: p.stem)
def test_the_examples_pasal_become_their_clauses_with_their_data(source: Path, tmp_path: Path) -> None:
    """Every Pasal of an example is a library clause again, but the example's own extra Pasal."""
    agreement = load_agreement(source)
    path = tmp_path / "naskah.md"
    path.write_bytes(render(build(agreement, source=str(source)), "md"))
    x = extract(path, tuple((source.parent / lib).resolve() for lib in agreement.library))
    kept = [row.title for row in x.rows if row.kept]
    assert kept == [e.title.upper() for e in agreement.extra_pasal]
    again = validate(resolved(x.data))
    assert again.term == agreement.term
    assert [p.pejabat_penghubung for p in again.parties] == [p.pejabat_penghubung for p in agreement.parties]
    assert again.signing.date == agreement.signing.date
    assert again.legal_basis == agreement.legal_basis
    if agreement.english is None:
        return
    # the Memorandum: its data, and its English text but the short names (printed in the paraf boxes alone)
    for field in ("tentang", "purpose", "scope", "forms", "non_binding", "prevailing_text", "recitals",
                  "intellectual_property"):
        assert getattr(again, field) == getattr(agreement, field), field
    assert [(p.name, p.parent, p.representative) for p in again.parties] == \
        [(p.name, p.parent, p.representative) for p in agreement.parties]
    assert again.style.english_parties == agreement.style.english_parties
    unprinted = {"parties": {"__all__": {"short_name"}}}
    assert again.english is not None
    assert again.english.model_dump(exclude=unprinted) == agreement.english.model_dump(exclude=unprinted)


@pytest.mark.parametrize("layout", ["columns", "sequential"])
def test_a_memorandums_own_pasal_and_edited_words_are_kept_in_both_texts(layout: str, tmp_path: Path) -> None:
    """An extra Pasal, a Pasal retitled, and a clause whose Indonesian words were edited after
    rendering: kept word for word in both texts (the English beside the Indonesian), the retitled
    one still its clause, with its English title."""
    data = load_agreement(MSP).model_dump(mode="json", exclude_defaults=True)
    data["style"]["layout"] = layout
    data["extra_pasal"] = [{"id": "personel", "title": "PERTUKARAN PERSONEL", "after": "msp_pelaksanaan",
                            "text": "[#penugasan] Para Pihak dapat saling menugaskan personel.\n"
                                    "Penugasan sebagaimana dimaksud {{ ref(\"penugasan\") }} meliputi:\n"
                                    "- pelatihan\n- magang"}]
    data["english"]["extra_pasal"] = [{"title": "EXCHANGE OF PERSONNEL",
                                       "text": "[#penugasan] The Participants may assign personnel to each other.\n"
                                               "The assignment referred to {{ ref(\"penugasan\") }} comprises:\n"
                                               "- training\n- internships"}]
    data["clauses"] = {"titles": {"msp_pembiayaan": "BIAYA"}}
    data["english"]["titles"] = {"msp_pembiayaan": "COSTS"}
    path = tmp_path / "naskah.md"
    text = render(build(validate(data), source=str(MSP)), "md").decode()
    path.write_text(text.replace("Setiap Pihak akan menjaga", "Setiap Pihak wajib menjaga"), encoding="utf-8")
    x = extract(path)
    rows = {row.title: row for row in x.rows}
    assert rows["PERTUKARAN PERSONEL"].kept and rows["KERAHASIAAN"].replaces == "msp_kerahasiaan"
    assert rows["BIAYA"].clause == "msp_pembiayaan" and x.data["english"]["titles"] == {"msp_pembiayaan": "COSTS"}
    assert [e["title"] for e in x.data["english"]["extra_pasal"]] == ["EXCHANGE OF PERSONNEL", "CONFIDENTIALITY"]
    assert x.differences == []
    again = tmp_path / "lagi.md"
    again.write_bytes(render(build(validate(resolved(x.data))), "md"))
    assert _paragraphs(again) == _paragraphs(path)


@pytest.mark.parametrize(("text", "written"), [
    ("sebagaimana dimaksud dalam Pasal 7 ayat (1)", 'sebagaimana dimaksud dalam {{ nomor("p7") }} ayat (1)'),
    ("Pasal 5 Perjanjian Kerja Sama ini", '{{ nomor("p5") }} Perjanjian Kerja Sama ini'),
    ("Pasal 7 ayat (1) Peraturan Pemerintah Nomor 31 Tahun 2013", None),
    ("Pasal 5 huruf a Undang-Undang Nomor 6 Tahun 2011", None),
    ("Pasal 5 Perjanjian Induk", None),
    ("Article 5 of this Memorandum", '{{ nomor("p5") }} of this Memorandum'),
    ("Article 5 of the Vienna Convention", None),
])
def test_a_cited_pasal_is_a_reference_when_it_is_this_naskahs(text: str, written: str | None) -> None:
    from drafting.extract.pasal import _refs

    assert _refs(text, 1, {5: "p5", 7: "p7"}, set()) == (written or text)


def test_a_kept_pasal_refers_to_this_naskahs_pasal_by_reference_in_both_texts_and_cites_others_as_written(
        tmp_path: Path) -> None:
    """'Pasal 7' / 'Article 7' of this naskah in a Pasal kept word for word become references, so
    that renumbering keeps them right in both texts; 'Pasal 3 Konvensi Wina' / 'Article 3 of the
    Vienna Convention' cite another instrument and stay as written."""
    data = load_agreement(MSP).model_dump(mode="json", exclude_defaults=True)
    data["extra_pasal"] = [{"id": "personel", "title": "PERTUKARAN PERSONEL", "after": "msp_pelaksanaan",
                            "text": "Personel menjaga kerahasiaan sebagaimana dimaksud dalam "
                                    "{{ nomor(\"msp_kerahasiaan\") }} dan Pasal 3 Konvensi Wina."}]
    data["english"]["extra_pasal"] = [{"title": "EXCHANGE OF PERSONNEL",
                                       "text": "Personnel keep the confidentiality referred to in "
                                               "{{ nomor(\"msp_kerahasiaan\") }} and Article 3 of the Vienna "
                                               "Convention."}]
    path = tmp_path / "naskah.docx"
    path.write_bytes(render(build(validate(data), source=str(MSP)), "docx"))
    x = extract(path)
    ours, theirs = x.data["extra_pasal"][0]["text"], x.data["english"]["extra_pasal"][0]["text"]
    assert ours == ("Personel menjaga kerahasiaan sebagaimana dimaksud dalam {{ nomor(\"msp_kerahasiaan\") }} dan "
                    "Pasal 3 Konvensi Wina.")
    assert theirs == ("Personnel keep the confidentiality referred to in {{ nomor(\"msp_kerahasiaan\") }} and "
                      "Article 3 of the Vienna Convention.")
    # one Pasal fewer before it: both texts follow, the Convention's article does not
    assert "sebagaimana dimaksud dalam Pasal 7 dan" in render(build(validate(resolved(x.data))), "md").decode()
    x.data.setdefault("clauses", {})["exclude"] = ["msp_pembiayaan"]
    text = render(build(validate(resolved(x.data))), "md").decode()
    assert "sebagaimana dimaksud dalam Pasal 6 dan Pasal 3 Konvensi Wina." in text
    assert "referred to in Article 6 and Article 3 of the Vienna Convention." in text


def test_an_article_whose_paragraphs_do_not_pair_leaves_its_english_blank_and_says_so(tmp_path: Path) -> None:
    """The English of Article 4's first item lost: the Article is not read, its English fields are
    left as blanks for the drafter, and the report names them."""
    text = render(build(load_agreement(MSP), source=str(MSP)), "md").decode()
    item = r"| \(a\) for the Directorate General of Immigration: Director of Immigration Cooperation; and |"
    assert item in text
    path = tmp_path / "naskah.md"
    path.write_text(text.replace(item, "| |"), encoding="utf-8")
    x = extract(path)
    assert "english.parties[0].pejabat_penghubung: teks bahasa Inggris tidak terbaca; diisi ……………" in x.differences
    assert [p["pejabat_penghubung"] for p in x.data["english"]["parties"]] == ["……………", "……………"]
    assert validate(resolved(x.data)).english is not None


def test_a_memorandum_whose_texts_differ_in_their_pasal_is_refused_with_exit_status_2(tmp_path: Path) -> None:
    """An Article left out of the English text: extraction says so, and which counts differ."""
    path = tmp_path / "naskah.md"
    text = render(build(load_agreement(MSP), source=str(MSP)), "md").decode()
    rows = text.split("\n")
    article = next(i for i, row in enumerate(rows) if "**Pasal 6**" in row)
    end = next(i for i in range(article + 1, len(rows)) if "**Pasal 7**" in rows[i])
    rows[article:end] = [re.sub(r"\|[^|]*\|$", "| |", row) for row in rows[article:end]]  # the English cells emptied
    path.write_text("\n".join(rows), encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path), "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 2, result.output
    assert "11 Pasal, teks bahasa Inggris 10 Article" in result.output
    assert not (tmp_path / "x.yaml").exists()


def test_seed_003_extracts_to_its_16_pasal_word_for_word_with_its_defects_reported(tmp_path: Path) -> None:
    x = extract(SEED)
    source = cut(read_naskah(SEED))
    assert [r.title for r in x.rows] == [p.title for p in source.pasal] and len(x.rows) == 16
    # the report: each Pasal matched or kept, and the defects
    assert all(r.kept and r.replaces for r in x.rows if r.title != "PEMBIAYAAN")
    messages = [f.message for f in x.findings]
    assert any("Pasal 14–16 muncul lagi" in m and "musafakat" in m for m in messages)
    assert any("ANGGORO EKO CAHYO" in m and f.severity == "error" for f, m in zip(x.findings, messages))
    assert any("PERTUKARAN DATA DALAM RANGKA MENDUKUNG TUGAS DAN FUNGSI" in m for m in messages)
    # the name is a choice render refuses; chosen, the input renders the 16 Pasal as signed
    assert x.data["parties"][0]["representative"]["name"] == {"pilih": ["ANGGORO EKO CAHYO", "ANGGORO EKO"]}
    with pytest.raises(Exception, match="dua cara"):
        validate(x.data)
    data = resolved(x.data)
    agreement = validate(data)
    assert agreement.renewal is not None and agreement.renewal.numbers == ["PER/164/082018", "IMI-UM.01.01-3139"]
    assert agreement.nota_kesepahaman is not None and agreement.nota_kesepahaman.date.isoformat() == "2022-01-17"
    assert agreement.signing.date is not None and agreement.signing.date.isoformat() == "2023-06-19"
    assert [p.pejabat_penghubung for p in agreement.parties] == [
        "Deputi Direktur Bidang Hubungan Masyarakat dan Antar Lembaga", "Direktur Kerja Sama Keimigrasian"]
    rendered = tmp_path / "lagi.md"
    rendered.write_bytes(render(build(agreement), "md"))
    again = cut(read_naskah(rendered))
    assert [p.title for p in again.pasal] == [p.title for p in source.pasal]
    for want, got in zip(source.pasal, again.pasal, strict=True):
        assert " ".join(" ".join(p.full.split()) for p in got.body) == \
            " ".join(" ".join(p.full.split()) for p in want.body), want.title


def test_the_command_writes_the_input_reports_and_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "isian.yaml"
    result = CliRunner().invoke(main, ["extract", str(SEED), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "Pasal 7 PEJABAT PENGHUBUNG: disimpan kata demi kata (menggantikan klausul pejabat_penghubung" in result.output
    assert "pemeriksaan:" in result.output and "[pasal_numbering]" in result.output
    written = target.read_bytes()
    again = CliRunner().invoke(main, ["extract", str(SEED), "-o", str(target)])
    assert again.exit_code == 2 and "tidak ditimpa" in again.output
    assert target.read_bytes() == written
    refused = CliRunner().invoke(main, ["render", str(target), "-o", str(tmp_path / "x.docx")])
    assert refused.exit_code == 2 and "pilih satu" in refused.output
    assert not (tmp_path / "x.docx").exists()


def test_the_input_can_go_to_standard_output_and_the_report_to_standard_error(tmp_path: Path) -> None:
    path = tmp_path / "naskah.md"
    path.write_bytes(render(build(load_agreement(EXAMPLES[0]), source=str(EXAMPLES[0])), "md"))
    result = CliRunner().invoke(main, ["extract", str(path), "-o", "-"])
    assert result.exit_code == 0, result.output
    assert validate(resolved(yaml.safe_load(result.stdout))).tentang == load_agreement(EXAMPLES[0]).tentang
    assert "Pasal 1 " in result.stderr and "Pasal 1 " not in result.stdout
    assert list(tmp_path.iterdir()) == [path]


def test_a_scanned_pdf_is_refused_with_exit_status_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(ROOT / "tests" / "corpus" / "format_scanned_pdf" / "naskah.pdf"),
                                       "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 2 and "OCR" in result.output
    assert not (tmp_path / "x.yaml").exists()


def test_a_naskah_in_english_alone_is_refused_with_exit_status_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(ROOT / "tests" / "corpus" / "form_d10_mou_english" / "naskah.txt"),
                                       "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 2 and "tidak mempunyai teks bahasa Indonesia" in result.output, result.output
    assert not (tmp_path / "x.yaml").exists()


# Agreements in forms the tool did not produce (REAL-AGREEMENTS.md A1, A2, A3, A4 and A6, as the
# corpus holds them), as text and as Word files with Word's own list numbering.
FORMS = ["form_a1_pemkab_pertanahan_2019", "form_a2_three_parties_2016", "form_a3_bumn_polri_2015",
         "form_a4_ministry_pemda_template_2024", "form_a6_puskesmas_2015"]


def _sentences(paragraphs: list) -> list[str]:
    """The sentences of the title-less text: opening, komparisi, recitals, basis, every Pasal."""
    out = []
    for p in paragraphs:
        if p.part in ("title", "number", "signature", "heading"):
            continue
        out += [s for s in re.split(r"(?<=[.;:])\s+", " ".join(p.text.split())) if s]
    return out


@pytest.mark.parametrize("fmt", ["txt", "docx"])
@pytest.mark.parametrize("form", FORMS)
def test_a_naskah_in_a_form_of_its_own_extracts_with_nothing_lost(form: str, fmt: str, tmp_path: Path) -> None:
    folder = ROOT / "tests" / "corpus" / form
    original = next(folder.glob("naskah.*"))
    text = "\n\n".join(p.full for p in read_naskah(original))
    path = tmp_path / f"naskah.{fmt}"
    if fmt == "docx":
        write_docx(text, path)
    else:
        path.write_text(text, encoding="utf-8")
    paragraphs = read_naskah(path)
    x = extract(path)
    doc = build(validate(resolved(x.data)))
    rendered = " ".join(" ".join(t.split()) for t in draft_paragraphs(doc))
    lost = [s for s in _sentences(paragraphs) if s not in rendered]
    assert lost == []
    # the parties and Pasal are still data: names of the signatories, every Pasal in its place
    assert [p.title for p in cut(paragraphs).pasal] == [s.title for s in doc.pasal]
    assert all(p.representative.name != "……………" for p in validate(resolved(x.data)).parties)


def test_a_legal_basis_item_becomes_a_regulation_only_when_it_prints_the_same_words() -> None:
    """UU 12/2011 Lampiran II (dasar hukum) read back: jenis, nomor, tahun, tentang, where it was
    promulgated and its last amendment; anything else stays the text it was."""
    pp = ("Peraturan Pemerintah Nomor 31 Tahun 2013 tentang Peraturan Pelaksanaan Undang-Undang Nomor 6 Tahun 2011 "
          "tentang Keimigrasian (Lembaran Negara Republik Indonesia Tahun 2013 Nomor 68, Tambahan Lembaran Negara "
          "Republik Indonesia Nomor 5409) sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 48 Tahun 2021 "
          "tentang Perubahan Ketiga (Lembaran Negara Republik Indonesia Tahun 2021 Nomor 58)")
    assert read_regulation(pp) == {
        "jenis": "Peraturan Pemerintah", "nomor": "31", "tahun": 2013,
        "tentang": "Peraturan Pelaksanaan Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian",
        "diundangkan": {"lembaran": "Lembaran Negara Republik Indonesia", "tahun": 2013, "nomor": "68",
                        "tambahan": "5409"},
        "perubahan": {"jenis": "Peraturan Pemerintah", "nomor": "48", "tahun": 2021, "tentang": "Perubahan Ketiga",
                      "diundangkan": {"lembaran": "Lembaran Negara Republik Indonesia", "tahun": 2021, "nomor": "58"}}}
    blank = "Peraturan Menteri Contoh Nomor 8 Tahun 2025 tentang Uji (Berita Negara Republik Indonesia Tahun 2025 Nomor ……)"
    assert read_regulation(blank)["diundangkan"] == {"lembaran": "Berita Negara Republik Indonesia", "tahun": 2025}
    assert read_regulation("Peraturan Daerah Kota Bogor Nomor 7 Tahun 2015 tentang Uji") == {
        "jenis": "Peraturan Daerah Kota Bogor", "nomor": "7", "tahun": 2015, "tentang": "Uji"}
    for text in [
        "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945",  # no nomor
        # the Tambahan named otherwise than its Lembaran (seed 000): not taken into the title
        "Undang-Undang Nomor 39 Tahun 2008 tentang Kementerian Negara (Lembaran Negara Republik Tahun 2008 Nomor 166, "
        "Tambahan Lembaran Republik Indonesia Nomor 4916)",
        # 'sebagaimana beberapa kali diubah' is not Lampiran II's formula (seed 003)
        pp.replace("telah diubah", "beberapa kali diubah"),
        # a stray comma before the place (seed 003)
        "Peraturan Pemerintah Nomor 85 Tahun 2013 tentang Tata Cara, (Lembaran Negara Republik Indonesia Tahun 2013 "
        "Nomor 229)",
        # a year that is none, a Tambahan of a Berita Daerah: the model refuses them
        "Undang-Undang Nomor 1 Tahun 0999 tentang Uji",
        "Peraturan Wali Kota Bogor Nomor 1 Tahun 2020 tentang Uji (Berita Daerah Kota Bogor Tahun 2020 Nomor 1, "
        "Tambahan Berita Daerah Kota Bogor Nomor 2)",
        "Nota Kesepahaman Nomor 1 Tahun 2020 tentang Uji",  # not a regulation
    ]:
        assert read_regulation(text) is None, text


def test_seed_003s_legal_basis_is_read_as_data_but_what_it_wrote_otherwise() -> None:
    laws = extract(SEED).data["legal_basis"]
    assert [isinstance(law, dict) for law in laws] == [True] * 5 + [False, False, True, True]
    assert laws[0]["jenis"] == "Undang-undang" and laws[0]["diundangkan"]["tambahan"] == "4456"
    # 'sebagaimana beberapa kali telah diubah terakhir dengan … Tentang …': kept as the seed wrote it
    assert "sebagaimana beberapa kali telah diubah terakhir dengan Peraturan Pemerintah Nomor 48 Tahun 2021 Tentang" in laws[5]
    assert laws[6].startswith("Peraturan Pemerintah Nomor 85 Tahun 2013") and "Jaminan Sosial, (Lembaran" in laws[6]


def test_an_adendum_alone_is_refused_with_what_to_do_instead(tmp_path: Path) -> None:
    """B1's ADDENDUM II (Pasal I and II): its text is not an agreement; the drafter is told to read
    the parent naskah and carry the adendum's change into that input."""
    target = tmp_path / "x.yaml"
    naskah = ROOT / "tests" / "corpus" / "form_b1_addendum_2019" / "naskah.txt"
    result = CliRunner().invoke(main, ["extract", str(naskah), "-o", str(target)])
    assert result.exit_code == 2, result.output
    assert "ADDENDUM II adalah adendum" in result.output and "naskah induknya" in result.output
    assert "Ketentuan Pasal 5 ayat (2) Perjanjian Induk diubah" in result.output
    assert "Traceback" not in result.output and not target.exists()


# Legacy naskah in forms the tool does not write and lacking what Permen 8/2025 asks (REAL-AGREEMENTS
# C1, D2, and a Word file with Word's own numbering), each with what its report must name as
# missing: a Pasal the template requires, or a number or position the naskah does not give.
LEGACY = {
    "form_c1_nk_foreign_2013": ["tidak memuat Pasal JANGKA WAKTU", "isi term dan hapus jangka_waktu",
                                "position penandatangan tidak terbaca"],
    "form_d2_msp_institute_2008": ["nomor naskah masih titik-titik", "position penandatangan tidak terbaca"],
    "format_word_numbering": ["tidak memuat Pasal MAKSUD DAN TUJUAN", "isi purpose dan hapus maksud_tujuan",
                              "tidak memuat Pasal JANGKA WAKTU", "sesudah Permen 8/2025 berlaku"],
}


@pytest.mark.parametrize("form", sorted(LEGACY))
def test_a_legacy_naskah_extracts_with_nothing_lost_and_what_it_lacks_reported(form: str, tmp_path: Path) -> None:
    from drafting.extract.cli import report

    original = next((ROOT / "tests" / "corpus" / form).glob("naskah.*"))
    paragraphs = read_naskah(original)
    x = extract(original)
    doc = build(validate(resolved(x.data)))
    rendered = " ".join(" ".join(t.split()) for t in draft_paragraphs(doc))
    assert [s for s in _sentences(paragraphs) if s not in rendered] == []
    assert [p.title for p in cut(paragraphs).pasal] == [s.title for s in doc.pasal]
    lines = "\n".join(report(x))
    for missing in LEGACY[form]:
        assert missing in lines, missing


def test_the_kind_of_partner_is_guessed_from_the_name_and_the_guess_shown() -> None:
    """The naskah does not say it; check's rules draw on it: an RSUD is its Pemerintah Daerah's, a
    body named by another state is foreign, and the report shows each guess to be checked."""
    from drafting.extract.cli import report

    cases = {"format_word_numbering": ["kementerian", "pemerintah_daerah"],
             "form_c1_nk_foreign_2013": ["kementerian", "lembaga_pemerintah_asing"]}
    for form, kinds in cases.items():
        x = extract(next((ROOT / "tests" / "corpus" / form).glob("naskah.*")))
        assert [p["mitra_type"] for p in x.data["parties"]] == kinds
        lines = "\n".join(report(x))
        assert all(f"{p['name']}: {p['mitra_type']}" in lines for p in x.data["parties"]), lines


def test_legacy_signing_dates_and_signatures_are_read_where_the_form_writes_them() -> None:
    """C1 dates the naskah on a 'Tanggal 9 April 2013' line and signs 'Untuk <party>' in a table;
    D2 says 'Ditandatangani di Jakarta pada tanggal 12 Maret 2008' at its end: both signed before
    Permen 8/2025, without meterai."""
    c1 = validate(resolved(extract(ROOT / "tests" / "corpus" / "form_c1_nk_foreign_2013" / "naskah.md").data))
    assert c1.kind.value == "nota_kesepahaman" and c1.signing.date.isoformat() == "2013-04-09"
    assert [p.name for p in c1.parties] == ["Kementerian Hukum dan Hak Asasi Manusia Republik Indonesia",
                                            "Kantor Kekayaan Intelektual Republik Rakyat China"]
    assert [p.representative.name for p in c1.parties] == ["AMIR SYAMSUDIN", "TIAN LIPU"]
    d2 = extract(ROOT / "tests" / "corpus" / "form_d2_msp_institute_2008" / "naskah.txt")
    agreement = validate(resolved(d2.data))
    assert agreement.signing.date.isoformat() == "2008-03-12" and agreement.signing.place == "Jakarta"
    assert not any(p.meterai for p in [*c1.parties, *agreement.parties])
    # its Pasal titled otherwise stand in the required clauses' places, the term read from them
    assert [(r.title, r.replaces) for r in d2.rows] == [
        ("TUJUAN", "maksud_tujuan"), ("LINGKUP KERJASAMA", "ruang_lingkup"), ("PEMBIAYAAN", "pembiayaan"),
        ("MULAI BERLAKU", "jangka_waktu")]
    assert agreement.term is not None and agreement.term.years == 3


def test_a_naskah_signed_since_permen_without_its_minimum_renders_only_saying_why(tmp_path: Path) -> None:
    """The input records the naskah as signed; render refuses it for the Pasal it lacks, saying so,
    and writes it with --force."""
    source = tmp_path / "isian.yaml"
    naskah = ROOT / "tests" / "corpus" / "format_word_numbering" / "naskah.docx"
    result = CliRunner().invoke(main, ["extract", str(naskah), "-o", str(source)])
    assert result.exit_code == 0, result.output
    refused = CliRunner().invoke(main, ["render", str(source), "-o", str(tmp_path / "n.md")])
    assert refused.exit_code == 1 and "paling sedikit memuat tujuan" in refused.output
    forced = CliRunner().invoke(main, ["render", str(source), "-o", str(tmp_path / "n.md"), "--force"])
    assert forced.exit_code == 0, forced.output
    written = (tmp_path / "n.md").read_text(encoding="utf-8")
    assert "Biaya pelayanan sebagaimana dimaksud dalam Pasal 1 ayat (1)" in written
