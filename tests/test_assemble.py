"""drafting.assemble (through pipeline.build): which Pasal a naskah gets, variants, input
errors of clause choice, and input text kept exactly as typed (never read as markup)."""

from __future__ import annotations

import html
import io
import re
import zipfile
from typing import Any

import docx
import pytest

from drafting.assemble import assemble
from drafting.document import Ref
from drafting.errors import CrossReferenceError, InputError
from drafting.layout import plain_text
from drafting.load import load_agreement, validate
from drafting.pipeline import build, render

BPJS_TITLES = [
    "KETENTUAN UMUM",
    "MAKSUD DAN TUJUAN",
    "RUANG LINGKUP",
    "PERTUKARAN DATA",
    "PENYEDIAAN DAN PEMELIHARAAN JARINGAN KOMUNIKASI DATA",
    "PENINGKATAN KAPASITAS SUMBER DAYA MANUSIA",
    "PEJABAT PENGHUBUNG",
    "KERAHASIAAN",
    "LARANGAN PEMBERIAN DAN PENERIMAAN HADIAH",
    "PEMBIAYAAN",
    "JANGKA WAKTU",
    "MONITORING DAN EVALUASI",
    "KEADAAN KAHAR",
    "PENYELESAIAN PERSELISIHAN",
    "PERUBAHAN (ADENDUM)",
    "KETENTUAN PENUTUP",
]


def titles(doc) -> list[str]:
    return [s.title for s in doc.pasal]


def pasal_text(doc, title: str) -> list[str]:
    """The lines of the Pasal titled ``title``, heading excluded."""
    lines = plain_text(doc).splitlines()
    start = lines.index(title) + 1
    end = next((i for i in range(start, len(lines)) if re.fullmatch(r"Pasal \d+", lines[i])), len(lines))
    return lines[start:end]


def problems(exc: pytest.ExceptionInfo[InputError]) -> dict[str, str]:
    return {p.path: p.message for p in exc.value.problems}


# --- the example as it is ------------------------------------------------------------------

def test_bpjs_has_sixteen_pasal_in_order(bpjs_path) -> None:
    doc = build(load_agreement(bpjs_path))
    assert titles(doc) == BPJS_TITLES
    assert [s.number for s in doc.pasal] == list(range(1, 17))


def test_bpjs_monitoring_refers_to_pejabat_penghubung_pasal_7(bpjs_path) -> None:
    doc = build(load_agreement(bpjs_path))
    assert pasal_text(doc, "MONITORING DAN EVALUASI")[-1].endswith(
        "disampaikan melalui pejabat penghubung sebagaimana dimaksud dalam Pasal 7.")
    assert pasal_text(doc, "PENYEDIAAN DAN PEMELIHARAAN JARINGAN KOMUNIKASI DATA")[0].endswith(
        "sebagaimana dimaksud dalam Pasal 4.")


def test_assemble_leaves_references_unresolved(bpjs_path) -> None:
    doc = assemble(load_agreement(bpjs_path))
    assert all(s.number is None for s in doc.pasal)
    monitoring = next(s for s in doc.pasal if s.id == "monitoring_evaluasi")
    refs = [x for p in monitoring.paragraphs for x in p.content if isinstance(x, Ref)]
    assert Ref(("pejabat_penghubung",), bare=True) in refs


# --- leaving clauses out -------------------------------------------------------------------

def test_without_data_exchange_its_pasal_go_and_the_rest_renumber(bpjs_data) -> None:
    del bpjs_data["data_exchange"]
    doc = build(validate(bpjs_data))
    expected = [t for t in BPJS_TITLES if t not in
                ("PERTUKARAN DATA", "PENYEDIAAN DAN PEMELIHARAAN JARINGAN KOMUNIKASI DATA")]
    assert titles(doc) == expected
    assert [s.number for s in doc.pasal] == list(range(1, 15))
    assert doc.pasal[4].title == "PEJABAT PENGHUBUNG"
    monev = pasal_text(doc, "MONITORING DAN EVALUASI")
    assert monev[-1].endswith("pejabat penghubung sebagaimana dimaksud dalam Pasal 5.")
    assert "Pasal 7" not in "\n".join(monev)
    # the report is no longer about data exchange
    assert "laporan pelaksanaan Perjanjian Kerja Sama" in monev[-1]


def test_model_copy_without_data_exchange(bpjs_path) -> None:
    agreement = load_agreement(bpjs_path).model_copy(update={"data_exchange": None})
    doc = build(agreement)
    assert "PERTUKARAN DATA" not in titles(doc)
    assert len(doc.pasal) == 14


def test_exclude_a_clause(bpjs_data) -> None:
    bpjs_data["clauses"]["exclude"].append("pejabat_penghubung")
    doc = build(validate(bpjs_data))
    assert titles(doc) == [t for t in BPJS_TITLES if t != "PEJABAT PENGHUBUNG"]
    monev = pasal_text(doc, "MONITORING DAN EVALUASI")
    assert monev[-1] == "(3) PARA PIHAK membuat laporan pertukaran data secara berkala setiap 6 (enam) bulan."
    assert pasal_text(doc, "JANGKA WAKTU")[0].startswith("(1) Perjanjian Kerja Sama ini berlaku")
    assert doc.pasal[6].title == "KERAHASIAAN" and doc.pasal[6].number == 7


def test_exclude_by_model_copy(bpjs_path) -> None:
    agreement = load_agreement(bpjs_path)
    excluded = agreement.clauses.exclude + ["keadaan_kahar", "perubahan"]
    agreement = agreement.model_copy(update={"clauses": agreement.clauses.model_copy(update={"exclude": excluded})})
    doc = build(agreement)
    assert titles(doc) == [t for t in BPJS_TITLES if t not in ("KEADAAN KAHAR", "PERUBAHAN (ADENDUM)")]
    assert doc.pasal[-1].number == 14


def test_exclude_pertukaran_data_with_network(bpjs_data) -> None:
    # the network Pasal stays and stops pointing at the Pasal that is gone
    bpjs_data["clauses"]["exclude"].append("pertukaran_data")
    doc = build(validate(bpjs_data))
    assert "PERTUKARAN DATA" not in titles(doc)
    network = pasal_text(doc, "PENYEDIAAN DAN PEMELIHARAAN JARINGAN KOMUNIKASI DATA")
    assert network[0].endswith("untuk melaksanakan pertukaran data antara PARA PIHAK.")


def test_required_clause_cannot_be_excluded(bpjs_data) -> None:
    bpjs_data["signing"] = {"place": "Jakarta"}  # not signed yet: Permen 8/2025 Pasal 21 applies
    bpjs_data["clauses"] = {"exclude": ["jangka_waktu"]}
    with pytest.raises(InputError) as exc:
        build(validate(bpjs_data))
    assert "JANGKA WAKTU" in problems(exc)["clauses.exclude"]


def test_a_naskah_signed_before_permen_8_2025_may_lack_a_pasal_it_requires(bpjs_data) -> None:
    """Signed in 2023 (seed 003): Pasal 21's minimum was not asked of it, and a naskah read back
    (drafting extract) is rendered as it was signed."""
    bpjs_data["clauses"] = {"exclude": ["jangka_waktu", "pengakhiran", "pelindungan_data_pribadi"]}
    doc = build(validate(bpjs_data))
    assert "JANGKA WAKTU" not in [s.title for s in doc.pasal]


def test_a_signed_naskah_read_back_may_lack_a_required_pasal_a_draft_may_not(bpjs_data) -> None:
    """Signed since Permen 8/2025 and lacking its Jangka Waktu: the input records what was signed
    (check reports the defect); the same input as a draft, a renewal say, is refused."""
    bpjs_data["signing"] = {"date": "2025-07-15", "place": "Sidoarjo"}
    bpjs_data["term"] = {"years": 1}
    bpjs_data["clauses"] = {"exclude": ["jangka_waktu", "pengakhiran"]}
    assert "JANGKA WAKTU" not in [s.title for s in build(validate(bpjs_data)).pasal]
    bpjs_data["draft"] = True
    with pytest.raises(InputError) as exc:
        build(validate(bpjs_data))
    assert "JANGKA WAKTU" in problems(exc)["clauses.exclude"]
    assert "isi term dan hapus jangka_waktu dari clauses.exclude" in problems(exc)["clauses.exclude"]


def test_unknown_excluded_clause(bpjs_data) -> None:
    bpjs_data["clauses"] = {"exclude": ["keadaan_kahar", "pasal_tidak_ada"]}
    with pytest.raises(InputError) as exc:
        build(validate(bpjs_data), source="input.yaml")
    found = problems(exc)
    assert list(found) == ["clauses.exclude[1]"]
    assert "pasal_tidak_ada" in found["clauses.exclude[1]"]
    assert "clauses.exclude[1]" in str(exc.value)
    assert str(exc.value).startswith("input.yaml: ")


def test_unknown_variant(bpjs_data) -> None:
    bpjs_data["clauses"] = {"variants": {"penyelesaian_perselisihan": "arbitrase"}}
    with pytest.raises(InputError) as exc:
        build(validate(bpjs_data))
    message = problems(exc)["clauses.variants.penyelesaian_perselisihan"]
    assert "arbitrase" in message
    assert "default" in message and "pengadilan" in message  # the choices are listed


def test_variant_for_unknown_clause(bpjs_data) -> None:
    bpjs_data["clauses"] = {"variants": {"tidak_ada": "default"}}
    with pytest.raises(InputError) as exc:
        build(validate(bpjs_data))
    assert "tidak_ada" in problems(exc)["clauses.variants.tidak_ada"]


def test_all_clause_problems_reported_at_once(bpjs_data) -> None:
    bpjs_data["clauses"] = {"exclude": ["x1", "x2"], "variants": {"keadaan_kahar": "nope"}}
    with pytest.raises(InputError) as exc:
        build(validate(bpjs_data))
    assert set(problems(exc)) == {"clauses.exclude[0]", "clauses.exclude[1]", "clauses.variants.keadaan_kahar"}


def test_missing_required_term(bpjs_data) -> None:
    del bpjs_data["term"]
    agreement = validate(bpjs_data)  # the model allows it; the template requires it
    with pytest.raises(InputError) as exc:
        build(agreement)
    found = problems(exc)
    assert list(found) == ["term"]
    assert "wajib diisi" in found["term"]
    assert "JANGKA WAKTU" in found["term"]


def test_missing_required_purpose_and_scope(bpjs_data) -> None:
    del bpjs_data["purpose"]
    bpjs_data["scope"] = []
    with pytest.raises(InputError) as exc:
        build(validate(bpjs_data))
    assert {"purpose", "scope"} <= set(problems(exc))


# --- variants ------------------------------------------------------------------------------

def test_default_dispute_clause_is_one_paragraph(bpjs_path) -> None:
    doc = build(load_agreement(bpjs_path))
    lines = pasal_text(doc, "PENYELESAIAN PERSELISIHAN")
    assert len(lines) == 1 and lines[0].endswith("secara musyawarah untuk mufakat.")


def test_variant_pengadilan_gives_two_ayat(bpjs_data) -> None:
    bpjs_data["clauses"]["variants"] = {"penyelesaian_perselisihan": "pengadilan"}
    doc = build(validate(bpjs_data))
    sec = next(s for s in doc.pasal if s.id == "penyelesaian_perselisihan")
    assert [p.label for p in sec.paragraphs] == ["(1)", "(2)"]
    lines = pasal_text(doc, "PENYELESAIAN PERSELISIHAN")
    assert len(lines) == 2
    assert lines[0].startswith("(1) Dalam hal terjadi perselisihan")
    assert lines[1].startswith("(2) Dalam hal penyelesaian secara musyawarah sebagaimana dimaksud pada ayat (1) "
                               "tidak tercapai")
    assert "pengadilan negeri" in lines[1]
    assert titles(doc) == BPJS_TITLES


# --- extra Pasal ---------------------------------------------------------------------------

def test_extra_pasal_placed_and_numbered(bpjs_data) -> None:
    bpjs_data["extra_pasal"] = [
        {"title": "Lain-lain", "paragraphs": ["Satu.", "Dua."]},
        {"title": "Sesudah Penghubung", "after": "pejabat_penghubung", "paragraphs": ["Hanya satu."]},
    ]
    doc = build(validate(bpjs_data))
    got = titles(doc)
    assert len(got) == 18
    assert got[7] == "SESUDAH PENGHUBUNG" and got[6] == "PEJABAT PENGHUBUNG"
    assert got[-2:] == ["LAIN-LAIN", "KETENTUAN PENUTUP"]
    assert pasal_text(doc, "LAIN-LAIN") == ["(1) Satu.", "(2) Dua."]
    # Pejabat penghubung is still Pasal 7, so monitoring still refers to it correctly
    assert pasal_text(doc, "MONITORING DAN EVALUASI")[-1].endswith("dalam Pasal 7.")


def test_extra_pasal_after_unknown_clause(bpjs_data) -> None:
    bpjs_data["extra_pasal"] = [{"title": "Tambahan", "after": "tidak_ada", "paragraphs": ["Y."]}]
    with pytest.raises(InputError) as exc:
        build(validate(bpjs_data))
    assert "extra_pasal[0].after" in problems(exc)


def test_extra_pasal_after_the_same_clause_keep_the_input_order(bpjs_data) -> None:
    bpjs_data["extra_pasal"] = [{"title": t, "after": "kerahasiaan", "paragraphs": ["Isi."]}
                                for t in ("Pertama", "Kedua", "Ketiga")]
    got = titles(build(validate(bpjs_data)))
    i = got.index("KERAHASIAAN")
    assert got[i + 1:i + 4] == ["PERTAMA", "KEDUA", "KETIGA"]


def test_extra_pasal_first_before_and_after_another_extra(bpjs_data) -> None:
    bpjs_data["extra_pasal"] = [
        {"id": "definisi_unit", "title": "Istilah Unit", "first": True, "paragraphs": ["Satu."]},
        {"title": "Sesudah Istilah", "after": "definisi_unit", "paragraphs": ["Dua."]},
        {"title": "Pembuka Lain", "first": True, "paragraphs": ["Tiga."]},
        {"title": "Sebelum Jangka Waktu", "before": "jangka_waktu", "paragraphs": ["Empat."]},
    ]
    got = titles(build(validate(bpjs_data)))
    assert got[:4] == ["ISTILAH UNIT", "PEMBUKA LAIN", "SESUDAH ISTILAH", "KETENTUAN UMUM"]
    assert got[got.index("JANGKA WAKTU") - 1] == "SEBELUM JANGKA WAKTU"


def test_extra_pasal_takes_the_full_outline_read_as_data(bpjs_data) -> None:
    bpjs_data["extra_pasal"] = [{
        "id": "pelaporan", "title": "Pelaporan", "after": "monitoring_evaluasi", "text": (
            "[#isi] Laporan memuat:\n"
            "-[dan/atau] data yang diterima:\n"
            "  - jumlah; dan\n"  # pasted with its punctuation: numbering puts its own

            "  - [#jenis] jenis\n"
            "- kendala {{x}} *y* PT A & B\n"
            "Laporan sebagaimana dimaksud {{ ref(\"isi\") }} disampaikan melalui pejabat penghubung sebagaimana "
            "dimaksud dalam {{ nomor(\"pejabat_penghubung\") }}, memuat {{ nomor(\"jenis\") }}.")}]
    doc = build(validate(bpjs_data))
    assert pasal_text(doc, "PELAPORAN") == [
        "(1) Laporan memuat:", "a. data yang diterima:", "1) jumlah; dan", "2) jenis; dan/atau",
        "b. kendala {{x}} *y* PT A & B.",
        "(2) Laporan sebagaimana dimaksud pada ayat (1) disampaikan melalui pejabat penghubung sebagaimana "
        "dimaksud dalam Pasal 7, memuat ayat (1) huruf a angka 2."]


def test_extra_pasal_referred_to_from_another(bpjs_data) -> None:
    bpjs_data["extra_pasal"] = [
        {"id": "tim", "title": "Tim Teknis", "after": "pejabat_penghubung", "text": "[#bentuk] Dibentuk tim.\nTim bekerja."},
        {"title": "Laporan Tim", "after": "tim", "text": "Tim sebagaimana dimaksud {{ ref(\"tim.bentuk\") }} melapor."},
    ]
    doc = build(validate(bpjs_data))
    assert pasal_text(doc, "LAPORAN TIM") == ["Tim sebagaimana dimaksud dalam Pasal 8 ayat (1) melapor."]


def test_extra_pasal_outline_error_names_the_field(bpjs_data) -> None:
    bpjs_data["extra_pasal"] = [{"title": "Tambahan", "text": "- butir tanpa paragraf"}]
    with pytest.raises(InputError) as exc:
        build(validate(bpjs_data))
    assert "extra_pasal[0].text" in problems(exc)


def test_extra_pasal_needs_one_body_and_one_place(bpjs_data) -> None:
    bpjs_data["extra_pasal"] = [{"title": "Tambahan", "text": "Y.", "paragraphs": ["Z."]},
                                {"title": "Tambahan", "first": True, "after": "kerahasiaan", "text": "Y."}]
    with pytest.raises(InputError) as exc:
        validate(bpjs_data)
    assert set(problems(exc)) == {"extra_pasal[0]", "extra_pasal[1]"}


def test_extra_pasal_id_must_not_repeat_a_clause(bpjs_data) -> None:
    bpjs_data["extra_pasal"] = [{"id": "kerahasiaan", "title": "Tambahan", "text": "Y."}]
    with pytest.raises(InputError) as exc:
        build(validate(bpjs_data))
    assert "extra_pasal[0].id" in problems(exc)


def test_any_pasal_retitled_from_the_input_required_ones_too(bpjs_data) -> None:
    bpjs_data["clauses"] = {"titles": {"maksud_tujuan": "Maksud, Tujuan, dan Sasaran",
                                       "monitoring_evaluasi": "Pemantauan dan Evaluasi"}}
    got = titles(build(validate(bpjs_data)))
    assert got[1] == "MAKSUD, TUJUAN, DAN SASARAN" and "PEMANTAUAN DAN EVALUASI" in got
    bpjs_data["clauses"] = {"titles": {"tidak_ada": "X"}}
    with pytest.raises(InputError) as exc:
        build(validate(bpjs_data))
    assert "clauses.titles.tidak_ada" in problems(exc)


# --- input text is data, never markup ------------------------------------------------------

NASTY = "PT Maju & Jaya <Tbk> {{ x }} *y* [#z] - +"


def docx_texts(data: bytes) -> tuple[list[str], list[str]]:
    d = docx.Document(io.BytesIO(data))
    paragraphs = [p.text for p in d.paragraphs]
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    return paragraphs, cells


def xml_text(data: bytes) -> str:
    """The text of word/document.xml: tags removed, then XML entities unescaped."""
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    return html.unescape(re.sub(r"<[^>]+>", "", xml))


@pytest.fixture
def nasty_doc(bpjs_data: dict[str, Any]):
    bpjs_data["parties"][0]["name"] = NASTY
    return build(validate(bpjs_data))


def test_party_name_printed_exactly_in_plain_text(nasty_doc) -> None:
    text = plain_text(nasty_doc)
    assert f"dalam hal ini bertindak untuk dan atas nama {NASTY}, yang berkedudukan" in text
    assert NASTY.upper() in text.splitlines()  # the title block line
    assert nasty_doc.title[2].text() == NASTY.upper()
    # nothing in it became markup: no stray bold/italic from *y*, no structure from - +
    assert "[#z]" in text and "*y*" in text and "{{ x }}" in text


def test_party_name_printed_exactly_in_docx(nasty_doc) -> None:
    data = render(nasty_doc, "docx")
    paragraphs, _ = docx_texts(data)  # opens with python-docx
    assert any(f"atas nama {NASTY}," in p for p in paragraphs)
    assert NASTY.upper() in paragraphs
    text = xml_text(data)
    assert f"atas nama {NASTY}," in text
    assert NASTY.upper() in text


def test_markup_in_list_items_and_signatures(bpjs_data) -> None:
    item = "[#z] - + *a* {{ y }} **b** C:\\data {% raw %}"
    signer = "ANGGORO <&> *X* {# c #}"
    bpjs_data["scope"][0] = item
    bpjs_data["parties"][0]["representative"]["name"] = signer
    doc = build(validate(bpjs_data))
    text = plain_text(doc)
    assert f"a. {item};" in text.splitlines()
    assert f"1. {signer} : Direktur Utama" in text
    data = render(doc, "docx")
    paragraphs, cells = docx_texts(data)
    assert f"a.\t{item};" in paragraphs
    assert signer in cells
    assert item in xml_text(data) and signer in xml_text(data)


def test_newlines_in_input_do_not_create_structure(bpjs_data) -> None:
    bpjs_data["scope"][0] = "satu\n- dua\n[#x] tiga"
    doc = build(validate(bpjs_data))
    ruang = next(s for s in doc.pasal if s.id == "ruang_lingkup")
    assert len(ruang.paragraphs) == 1
    assert len(ruang.paragraphs[0].list.items) == 3
    assert pasal_text(doc, "RUANG LINGKUP")[1] == "a. satu - dua [#x] tiga;"
