"""The form in a real browser: load the BPJS example, edit it, see the preview follow, see a
problem beside its field, download the DOCX, renew a registry entry and save it, make an adendum of
one; and nothing typed runs as script or template."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml

if not os.environ.get("CI"):  # under CI a missing Playwright fails the run
    pytest.importorskip("playwright", reason="playwright tidak terpasang (pip install playwright)")
from playwright.sync_api import expect

from drafting.load import load_agreement
from drafting.registry.db import open_registry
from drafting.pipeline import build, render
from drafting.registry.models import Agreement, Kind, Status
from drafting.registry.records import register

PAYLOAD = "<script>alert(1)</script> {{ 7*7 }}"
BPJS = Path(__file__).parent.parent.parent / "examples" / "pks_bpjs_ketenagakerjaan_imigrasi.yaml"
KANIM = BPJS.with_name("pks_kanim_pemkab.yaml")


def load_bpjs(page: Any) -> Any:
    page.select_option("#example", "pks_bpjs_ketenagakerjaan_imigrasi")
    page.click("#load-example")
    preview = page.frame_locator("#preview")
    expect(preview.locator("#pejabat_penghubung")).to_have_text("Pasal 7")
    return preview


def test_editing_a_party_name_shows_in_the_preview(page: Any) -> None:
    preview = load_bpjs(page)
    page.fill("#f-parties-0-name", "Badan Uji Coba Jaminan Sosial")
    expect(preview.locator("body")).to_contain_text("atas nama Badan Uji Coba Jaminan Sosial, yang")
    expect(preview.locator("body")).not_to_contain_text("atas nama Badan Penyelenggara")
    expect(page.locator("#status")).to_contain_text("Pratinjau diperbarui")


def test_removing_data_exchange_renumbers_the_pasal(page: Any) -> None:
    preview = load_bpjs(page)
    expect(preview.locator("body")).to_contain_text("PERTUKARAN DATA")
    page.locator('fieldset[data-path="data_exchange"]').get_by_role("button", name="Hapus pertukaran data", exact=True).click()
    expect(preview.locator("#pejabat_penghubung")).to_have_text("Pasal 5")
    expect(preview.locator("body")).not_to_contain_text("PERTUKARAN DATA")


def test_an_emptied_required_field_shows_its_problem_beside_it(page: Any) -> None:
    load_bpjs(page)
    page.fill("#f-parties-0-representative-name", "")
    field = page.locator('[data-path="parties[0].representative.name"]')
    expect(field.locator("label")).to_have_text("Nama *")
    expect(field.locator(".error")).to_have_text("wajib diisi")
    expect(field).to_contain_class("invalid")
    expect(page.locator("#problem-list")).to_contain_text("parties[0].representative.name: wajib diisi")
    page.fill("#f-parties-0-representative-name", "ANGGORO EKO CAHYO")
    expect(page.locator("#problems")).to_be_hidden()


def test_downloaded_docx_has_the_edited_text(page: Any) -> None:
    preview = load_bpjs(page)
    page.fill("#f-parties-1-representative-name", "NAMA PENANDATANGAN UJI")
    expect(preview.locator("body")).to_contain_text("NAMA PENANDATANGAN UJI")
    with page.expect_download() as download:
        page.get_by_role("button", name="Unduh DOCX").click()
    assert download.value.suggested_filename == "naskah.docx"
    d = docx.Document(io.BytesIO(download.value.path().read_bytes()))
    text = "\n".join(p.text for p in d.paragraphs)
    text += "\n".join(c.text for t in d.tables for r in t.rows for c in r.cells)
    assert "NAMA PENANDATANGAN UJI" in text and "SILMY KARIM" not in text
    assert "Pasal 7\nPEJABAT PENGHUBUNG" in text


def test_typed_script_and_template_syntax_stay_text(page: Any) -> None:
    preview = load_bpjs(page)
    baseline = preview.locator("body").inner_text().count("49")
    fields = page.locator("#form input[type=text]:not(.date), #form textarea")  # dates: below
    for i in range(fields.count()):
        field = fields.nth(i)
        field.fill(f"{field.input_value()} {PAYLOAD}".strip())
    expect(page.locator("#status")).to_contain_text("Pratinjau diperbarui")
    expect(preview.locator("body")).to_contain_text(f"Jakarta Selatan {PAYLOAD}, selanjutnya")
    text = preview.locator("body").inner_text()
    assert text.count(PAYLOAD) >= 30 and text.count("49") == baseline
    assert page.evaluate("document.scripts.length") == 1  # app.js, nothing injected
    assert preview.locator("script").count() == 0
    assert page.locator("#form").get_by_text("alert(1)").count() == 0  # values, not markup


def open_nk(page: Any, folder: Path, tentang: str, legal_basis: str) -> Any:
    """A small Nota Kesepahaman opened as a YAML file, with this legal basis (a YAML list)."""
    saved = folder / "draf.yaml"
    saved.write_text(f"kind: nota_kesepahaman\ntentang: {tentang}\nparties:\n"
                     "  - {name: Instansi Satu, short_name: Satu, mitra_type: kementerian,"
                     " representative: {name: ANI, position: Kepala}}\n"
                     "  - {name: Instansi Dua, short_name: Dua, mitra_type: pemerintah_daerah,"
                     " representative: {name: BUDI, position: Gubernur}}\n"
                     f"legal_basis: {legal_basis}\n"
                     "purpose: {maksud: bekerja sama, tujuan: berhasil}\nscope: [uji coba]\nterm: {years: 5}\n",
                     encoding="utf-8")
    page.set_input_files("#open", str(saved))
    return page.frame_locator("#preview")


def test_an_opened_yaml_file_fills_the_form_and_rows_reorder(page: Any, tmp_path: Any) -> None:
    preview = open_nk(page, tmp_path, "Uji Buka Berkas",
                      "[Undang-Undang Nomor 1 Tahun 2001, Undang-Undang Nomor 2 Tahun 2002]")
    expect(preview.locator("body")).to_contain_text("UJI BUKA BERKAS")
    expect(page.locator("#f-tentang")).to_have_value("Uji Buka Berkas")
    page.locator('fieldset[data-path="legal_basis"] .row').nth(1).get_by_title("naikkan").click()
    expect(page.locator("#f-legal-basis-0-")).to_have_value("Undang-Undang Nomor 2 Tahun 2002")
    expect(preview.locator("body")).to_contain_text(re.compile(r"Nomor 2 Tahun 2002.*Nomor 1 Tahun 2001", re.DOTALL))


def test_the_legal_basis_edits_a_regulation_as_data_and_keeps_an_older_text_item(page: Any, tmp_path: Any) -> None:
    preview = open_nk(page, tmp_path, "Uji Dasar Hukum", "[Undang-Undang Dasar Negara Republik Indonesia Tahun 1945]")
    expect(preview.locator("body")).to_contain_text("Undang-Undang Dasar Negara Republik Indonesia Tahun 1945")
    basis = page.locator('fieldset[data-path="legal_basis"]')
    expect(page.locator("#f-legal-basis-0-")).to_have_value("Undang-Undang Dasar Negara Republik Indonesia Tahun 1945")
    basis.get_by_role("button", name="+ Tambah peraturan").click()
    page.fill("#f-legal-basis-1-jenis", "Undang-Undang")
    page.fill("#f-legal-basis-1-nomor", "6")
    page.fill("#f-legal-basis-1-tahun", "11")
    page.fill("#f-legal-basis-1-tentang", "Keimigrasian")
    page.locator("#f-legal-basis-1-tentang").blur()
    expect(page.locator('[data-path="legal_basis[1].tahun"] .error')).to_contain_text("bukan tahun yang mungkin")
    page.fill("#f-legal-basis-1-tahun", "2011")
    item = page.locator('fieldset[data-path="legal_basis[1]"]')
    item.get_by_role("button", name="+ Tambahkan tempat pengundangan").first.click()
    page.fill("#f-legal-basis-1-diundangkan-lembaran", "Lembaran Negara Republik Indonesia")
    page.fill("#f-legal-basis-1-diundangkan-tahun", "2011")
    page.fill("#f-legal-basis-1-diundangkan-nomor", "52")
    page.fill("#f-legal-basis-1-diundangkan-tambahan", "5216")
    expect(preview.locator("body")).to_contain_text(
        "Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian (Lembaran Negara Republik Indonesia Tahun 2011 "
        "Nomor 52, Tambahan Lembaran Negara Republik Indonesia Nomor 5216)")
    with page.expect_download() as download:
        page.click("#save-yaml")
    data = yaml.safe_load(download.value.path().read_text(encoding="utf-8"))
    assert data["legal_basis"] == [
        "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945",
        {"jenis": "Undang-Undang", "nomor": "6", "tahun": 2011, "tentang": "Keimigrasian",
         "diundangkan": {"lembaran": "Lembaran Negara Republik Indonesia", "tahun": 2011, "nomor": "52",
                         "tambahan": "5216"}}]


def test_a_check_finding_links_to_its_pasal_in_the_preview(page: Any) -> None:
    preview = load_bpjs(page)
    # the example has no galat (its data still carries warnings: regulations without Berita Negara numbers)
    expect(page.locator("#finding-list")).not_to_contain_text("[galat]")
    page.fill("#f-scope-2-", "peningkatan kapasitas sumber daya manusia setiap 6 (tujuh) bulan")
    finding = page.locator("#finding-list a", has_text="Pasal 3: '6 (tujuh)'")
    expect(finding).to_contain_text("angka 6 dibaca 'enam'")
    expect(preview.locator("#ruang_lingkup")).not_to_be_in_viewport()
    finding.click()
    expect(preview.locator("#ruang_lingkup")).to_be_in_viewport()


def test_a_registry_entry_is_renewed_in_the_form_and_saved_as_a_draft(page: Any, registry_db: Path) -> None:
    sessions = open_registry(registry_db)
    with sessions.begin() as session:
        old_id = register(session, load_agreement(BPJS)).id
    page.get_by_role("button", name="Dari registri").click()
    row = page.locator(f'#registry-rows tr[data-id="{old_id}"]')
    expect(row).to_contain_text("PER/188/062023")
    page.fill("#renew-years", "3")
    row.get_by_role("button", name="Perpanjang").click()
    preview = page.frame_locator("#preview")
    expect(preview.locator("body")).to_contain_text(re.compile(
        r"bahwa PARA PIHAK telah menandatangani Perjanjian Kerja Sama tentang Pemanfaatan Data Keimigrasian .*"
        r"PER/188/062023.* pada tanggal 19 Juni 2023 dan akan berakhir pada tanggal 16 Januari 2027", re.DOTALL))
    expect(preview.locator("body")).to_contain_text("3 (tiga) tahun")
    expect(page.locator("#registry")).to_be_hidden()
    expect(page.locator("#registry-note")).to_have_text(f"perpanjangan #{old_id}: belum disimpan")
    page.get_by_role("button", name="Simpan ke registri").click()
    note = page.locator("#registry-note")
    expect(note).to_have_text(re.compile(r"tersimpan: #\d+ \(draft\)"))
    new_id = int(re.search(r"#(\d+)", note.inner_text())[1])
    with sessions() as session:
        new = session.get(Agreement, new_id)
        assert new.predecessor_id == old_id and new.status is Status.draft and new.number_list == []
        assert session.get(Agreement, old_id).status is Status.aktif


def test_a_blank_form_is_quiet_until_a_field_is_touched_or_a_file_asked_for(page: Any) -> None:
    """The form opens blank: required fields are empty, but nothing is red until the drafter has
    left a field empty or pressed a download."""
    expect(page.locator("#status")).to_contain_text("isian wajib belum diisi")
    expect(page.locator(".field.invalid")).to_have_count(0)
    expect(page.locator("#problems")).to_be_hidden()
    page.focus("#f-tentang")
    page.focus("#f-parties-0-name")  # tentang left empty: its problem, and only its own
    tentang = page.locator('[data-path="tentang"]')
    expect(tentang.locator(".error")).to_have_text("wajib diisi")
    expect(page.locator(".field.invalid")).to_have_count(1)
    page.get_by_role("button", name="Unduh DOCX").click()
    expect(page.locator('[data-path="parties[0].name"] .error')).to_have_text("wajib diisi")
    expect(page.locator("#problem-list")).to_contain_text("parties[1].short_name: wajib diisi")
    assert page.locator(".field.invalid").count() > 5


def test_dates_are_typed_and_shown_in_indonesian(page: Any) -> None:
    preview = load_bpjs(page)
    date = page.locator("#f-signing-date")
    assert date.get_attribute("type") == "text"
    expect(date).to_have_value("19 Juni 2023")
    for typed in ("1 Juli 2025", "01-07-2025", "1/7/2025"):
        date.fill(typed)
        expect(preview.locator("body")).to_contain_text("tanggal Satu, bulan Juli, tahun Dua Ribu Dua Puluh Lima (01-07-2025)")
        date.fill("")
    date.fill("31-02-2025")  # no such day: sent as typed, and the server says what is wrong
    expect(page.locator('[data-path="signing.date"] .error')).to_contain_text("bukan tanggal yang sah")
# ---- a bilingual naskah: the Memorandum Saling Pengertian ----------------------------------------

MSP = "msp_ditjen_imigrasi_isa_jepang"


def load_msp(page: Any) -> Any:
    page.select_option("#example", MSP)
    page.click("#load-example")
    preview = page.frame_locator("#preview")
    expect(preview.locator("body")).to_contain_text("MEMORANDUM OF UNDERSTANDING")
    return preview


def beside(page: Any, indonesian: str, english: str) -> None:
    """The English input is in the same row as its Indonesian one, to its right, labelled English."""
    # both measured at once: the form may still move (a toolbar that wraps) between two calls
    top, right, other_top, left = page.locator(indonesian).evaluate(
        "(ours, selector) => { const a = ours.getBoundingClientRect();"
        " const b = document.querySelector(selector).getBoundingClientRect();"
        " return [a.top, a.right, b.top, b.left]; }", english)
    assert abs(top - other_top) < 2 and left > right
    expect(page.locator(f'label[for="{english[1:]}"]')).to_have_text("English")


def test_choosing_the_msp_shows_english_fields_beside_the_indonesian_and_its_own_fields(page: Any) -> None:
    expect(page.locator("#f-english-tentang")).to_have_count(0)
    expect(page.locator("#f-parties-0-meterai")).to_be_visible()
    page.select_option("#f-kind", "memorandum_saling_pengertian")
    beside(page, "#f-tentang", "#f-english-tentang")
    beside(page, "#f-parties-1-name", "#f-english-parties-1-name")
    beside(page, "#f-parties-0-representative-position", "#f-english-parties-0-representative-position")
    expect(page.locator("#f-english-parties-0-representative-name")).to_have_count(0)  # names are not translated
    for own in ("#f-foreign-coordination-record", "#f-prevailing-text", "#f-non-binding", "#f-style-layout",
                "#f-style-english-parties"):
        expect(page.locator(own)).to_be_visible()
    for unused in ("#f-parties-0-meterai", "#f-parties-0-legal-status", "#f-parties-0-representative-appointment",
                   "#f-technical-basis", "#f-style-opening-case", '[data-path="data_exchange"]'):
        expect(page.locator(unused)).to_have_count(0)
    page.fill("#f-english-tentang", "Border Management")
    page.select_option("#f-kind", "perjanjian_kerja_sama")  # its English is kept aside, not refused
    expect(page.locator("#f-english-tentang")).to_have_count(0)
    expect(page.locator("#f-prevailing-text")).to_have_count(0)
    expect(page.locator("#f-parties-0-meterai")).to_be_visible()
    expect(page.locator("#problem-list")).not_to_contain_text("english")
    page.select_option("#f-kind", "memorandum_saling_pengertian")
    expect(page.locator("#f-english-tentang")).to_have_value("Border Management")


def test_a_foreign_partner_asks_for_the_coordination_in_any_kind(page: Any) -> None:
    """drafting check wants foreign.coordination of any naskah with a foreign partner (Pasal 10)."""
    expect(page.locator("#f-foreign-coordination-record")).to_have_count(0)
    page.select_option("#f-parties-1-mitra-type", "organisasi_internasional")
    expect(page.locator("#f-foreign-coordination-record")).to_be_visible()
    expect(page.locator("#f-prevailing-text")).to_have_count(0)  # still a naskah in Indonesian only
    expect(page.locator("#f-english-tentang")).to_have_count(0)
    page.select_option("#f-parties-1-mitra-type", "pemerintah_daerah")
    expect(page.locator("#f-foreign-coordination-record")).to_have_count(0)


def test_msp_example_fills_both_columns_and_an_english_edit_shows_in_the_english_text(page: Any) -> None:
    preview = load_msp(page)
    expect(page.locator("#status")).to_contain_text("Pratinjau diperbarui")
    expect(page.locator("#problems")).to_be_hidden()
    expect(page.locator("#f-scope-2-")).to_have_value(re.compile("^pertukaran informasi mengenai modus"))
    expect(page.locator("#f-english-scope-2-")).to_have_value(re.compile("^exchange of information on the methods"))
    expect(page.locator("#f-english-parties-1-pejabat-penghubung")).to_have_value(
        "Director of the International Affairs Division")
    expect(page.locator("#f-foreign-coordination-outcome")).to_have_value("naskah_kerja_sama")
    beside(page, "#f-scope-2-", "#f-english-scope-2-")
    page.fill("#f-english-scope-2-", "exchange of information on document fraud typologies")
    english, indonesian = preview.locator("td:nth-child(2)"), preview.locator("td:nth-child(1)")
    expect(english.filter(has_text="(c) exchange of information on document fraud typologies;")).to_have_count(1)
    expect(indonesian.filter(has_text="c. pertukaran informasi mengenai modus")).to_have_count(1)
    expect(page.locator("#problems")).to_be_hidden()
    with page.expect_download() as download:
        page.get_by_role("button", name="Unduh DOCX").click()
    d = docx.Document(io.BytesIO(download.value.path().read_bytes()))
    text = "\n".join(c.text for t in d.tables for r in t.rows for c in r.cells)
    assert "exchange of information on document fraud typologies" in text
    assert "pertukaran informasi mengenai modus penggunaan dokumen perjalanan palsu" in text
    assert "methods of using fraudulent travel documents" not in text


def test_an_english_problem_shows_beside_the_english_input_and_lists_move_in_step(page: Any) -> None:
    preview = load_msp(page)
    page.locator('fieldset[data-path="scope"]').get_by_role("button", name="+ Tambah butir").click()
    page.fill("#f-scope-5-", "pertukaran petugas penghubung")
    field = page.locator('[data-path="english.scope[5]"]')
    expect(field.locator(".error")).to_contain_text("teks bahasa Inggris belum diisi")
    expect(field).to_contain_class("invalid")
    expect(page.locator('[data-path="scope[5]"]')).not_to_contain_class("invalid")
    page.fill("#f-english-scope-5-", "exchange of liaison officers")
    expect(page.locator("#problems")).to_be_hidden()
    expect(preview.locator("td:nth-child(2)").filter(has_text="(f) exchange of liaison officers.")).to_have_count(1)
    # the first item moved down: its English goes with it
    page.locator('fieldset[data-path="scope"] .row').first.get_by_title("turunkan").click()
    expect(page.locator("#f-scope-1-")).to_have_value(re.compile("^pertukaran informasi mengenai spesimen"))
    expect(page.locator("#f-english-scope-1-")).to_have_value(re.compile("^exchange of information on specimens"))
    expect(preview.locator("td:nth-child(2)").filter(has_text="(b) exchange of information on specimens")).to_have_count(1)
    # a sub-item: the English item takes the same shape and keeps its text
    page.locator('fieldset[data-path="scope"] .row').first.get_by_title("tambah sub-butir").click()
    expect(page.locator("#f-english-scope-0-text")).to_have_value(re.compile("^exchange of information on lost"))
    page.fill("#f-scope-0-items-0-", "paspor")
    field = page.locator('[data-path="english.scope[0].items[0]"]')
    expect(field.locator(".error")).to_contain_text("teks bahasa Inggris belum diisi")
    page.fill("#f-english-scope-0-items-0-", "passports")
    expect(page.locator("#problems")).to_be_hidden()
    expect(preview.locator("td:nth-child(2)").filter(has_text="passports")).to_have_count(1)


def test_an_opened_entry_changed_becomes_its_adendum(page: Any, registry_db: Path) -> None:
    sessions = open_registry(registry_db)
    signed = load_agreement(BPJS)  # numbers of its own: the BPJS example may be in this registry already
    signed = signed.model_copy(update={"parties": [p.model_copy(update={"nomor": f"{p.nomor}-ADENDUM"})
                                                   for p in signed.parties]})
    with sessions.begin() as session:
        entry = register(session, signed).id
    expect(page.locator("#make-adendum")).to_be_hidden()  # a new naskah has nothing to amend
    page.get_by_role("button", name="Dari registri").click()
    page.locator(f'#registry-rows tr[data-id="{entry}"]').get_by_role("button", name="Buka").click()
    page.fill("#f-term-end", "2029-01-16")
    page.get_by_role("button", name=re.compile(r"Tambahkan adendum")).click()
    page.fill("#f-adendum-reason", "bahwa jangka waktu Perjanjian Kerja Sama perlu diperpanjang")
    with page.expect_download() as download:
        page.get_by_role("button", name="Buat adendum").click()
    assert download.value.suggested_filename == f"naskah-{entry}-adendum-1.docx"
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(download.value.path().read_bytes())).paragraphs)
    assert "ADENDUM PERTAMA" in text and "Ketentuan Pasal 11 ayat (1) diubah sehingga Pasal 11 berbunyi" in text
    expect(page.locator("#registry-note")).to_have_text(f"adendum ke-1 naskah #{entry} dicatat")
    with sessions() as session:
        assert [a.position for a in session.get(Agreement, entry).adenda] == [1]


def test_an_imported_entry_gets_its_signed_naskah_attached_then_opens(page: Any, registry_db: Path,
                                                                     tmp_path: Path) -> None:
    """A row imported from a register sheet has no input: it cannot be opened until its signed
    naskah is read back into one."""
    kanim = load_agreement(KANIM)
    naskah = tmp_path / "pks-ditandatangani.md"
    naskah.write_bytes(render(build(kanim), "md"))
    with open_registry(registry_db).begin() as session:
        row = Agreement(kind=Kind.perjanjian_kerja_sama, tentang=kanim.tentang, partners=["Pemerintah Kabupaten Sumbawa"],
                        unit="Kantor Imigrasi Kelas II TPI Sumbawa Besar", status=Status.aktif)
        session.add(row)
        session.flush()
        entry = row.id
    page.get_by_role("button", name="Dari registri").click()
    actions = page.locator(f'#registry-rows tr[data-id="{entry}"] td.actions')
    expect(actions.get_by_role("button", name="Buka")).to_have_count(0)
    with page.expect_file_chooser() as chooser:
        actions.get_by_role("button", name="Lampirkan naskah bertanda tangan").click()
    chooser.value.set_files(naskah)
    report = page.locator("#attach-report")
    expect(report).to_contain_text(f"naskah #{entry} kini berisian, dibaca dari pks-ditandatangani.md")
    expect(report).to_contain_text("klausul korespondensi")
    expect(actions.get_by_role("button", name="Lampirkan naskah bertanda tangan")).to_have_count(0)
    actions.get_by_role("button", name="Buka").click()
    expect(page.locator("#f-tentang")).to_have_value(kanim.tentang)
    expect(page.locator("#registry-note")).to_have_text(f"dibuka dari registri: #{entry} (aktif)")


def pages(page: Any) -> list[dict[str, Any]]:
    """The preview's pages: size in cm (at the frame's zoom), page number, paraf box, first words."""
    return page.evaluate("""() => {
      const d = document.getElementById('preview').contentDocument;
      const cm = 2.54 / 96;
      return [...d.querySelectorAll('.page')].map((p) => ({
        width: Math.round(parseFloat(p.style.width) * 10) / 10, height: Math.round(parseFloat(p.style.height) * 10) / 10,
        number: p.querySelector('.page-number')?.textContent ?? null,
        paraf: [...p.querySelectorAll('.paraf td')].map((c) => c.textContent).filter(Boolean),
        text: p.querySelector('.page-area').innerText.trim().split(/\\s+/).slice(0, 4).join(' '),
        overflow: p.querySelector('.page-area').scrollHeight * cm > parseFloat(p.style.height) - 4.5 + 0.05,
      }));
    }""")


def test_the_preview_is_laid_out_on_pages_as_the_pdf_is(page: Any) -> None:
    """A4 pages with the house margins, '- 2 -' from the second page, the paraf box of both parties
    at the foot of every page but the signature page, which begins with the closing Pasal; no
    page overflows. The BPJS example has 9 pages, as its PDF (bench/page_breaks.py)."""
    preview = load_bpjs(page)
    expect(preview.locator(".page")).to_have_count(9)
    shown = pages(page)
    assert {(p["width"], p["height"]) for p in shown} == {(21.0, 29.7)}
    assert [p["number"] for p in shown] == [None] + [f"- {i} -" for i in range(2, 10)]
    assert all(p["paraf"] == ["Paraf PIHAK PERTAMA", "Paraf PIHAK KEDUA"] for p in shown[:-1])
    assert shown[-1]["paraf"] == [] and shown[-1]["text"] == "Pasal 16 KETENTUAN PENUTUP"
    assert shown[0]["text"] == "PERJANJIAN KERJA SAMA ANTARA"
    assert not any(p["overflow"] for p in shown)
    # every word once: a paragraph split between pages is cut, not repeated
    body = preview.locator("body").inner_text()
    assert body.count("IMI-GR.05.01-0158") == 1


def test_f4_paper_gives_taller_pages_and_fewer_of_them(page: Any) -> None:
    preview = load_bpjs(page)
    expect(preview.locator(".page")).to_have_count(9)
    page.select_option("#f-style-paper", "f4")
    expect(preview.locator(".page").first).to_have_attribute("style", re.compile("height: 33"))
    shown = pages(page)
    assert {(p["width"], p["height"]) for p in shown} == {(21.5, 33.0)}
    assert len(shown) < 9
