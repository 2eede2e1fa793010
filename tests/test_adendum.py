"""The adendum (drafting/adendum): each amendment form of Pasal I on small changes of the BPJS
example, the numbering an adendum keeps (5A, never a renumbered Pasal), the consolidated text,
successive adenda, and the commands with files and with the registry."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from drafting.adendum.consolidated import consolidated
from drafting.adendum.naskah import adendum, history
from drafting.cli import main
from drafting.document import Document
from drafting.layout import plain_text
from drafting.load import load_agreement, validate
from drafting.pipeline import build
from drafting.redline.changes import compare
from drafting.registry.db import open_registry
from drafting.registry.models import Agreement

ROOT = Path(__file__).parent.parent
SIGNED = ROOT / "examples" / "pks_bpjs_ketenagakerjaan_imigrasi.yaml"
CHANGED = ROOT / "examples" / "adendum" / "pks_bpjs_adendum_pertama.yaml"
INFO = {"reason": "bahwa perlu diubah", "numbers": ["A/1", "B/1"], "signing": {"date": "2025-11-20", "place": "Jakarta"}}


def _changed(data: dict[str, Any], info: dict[str, Any] | None = None) -> dict[str, Any]:
    out = copy.deepcopy(data)
    out["adendum"] = info or INFO
    return out


def _pasal_i(old: dict[str, Any], *new: dict[str, Any]) -> tuple[str, Document]:
    """Pasal I's own text (without the Pasal it quotes) of the last adendum, and the adendum."""
    signed = validate(old)
    changed = [validate(n, source=f"diubah{k}") for k, n in enumerate(new, 1)]
    amendments = history(signed, changed, ["naskah", *(f"diubah{k}" for k in range(1, len(new) + 1))])
    doc = adendum(signed, amendments)
    pasal_i = next(s for s in doc.pasal if s.id == "adendum_pasal_i")
    para = pasal_i.paragraphs[0]
    lines = ["".join(r.text for r in para.content)]
    lines += [f"{i.label} " + "".join(r.text for r in i.content) for i in (para.list.items if para.list else [])]
    return "\n".join(lines), doc


def test_a_term_extension_alone_is_one_point_amending_jangka_waktu(bpjs_data: dict[str, Any]) -> None:
    new = _changed(bpjs_data)
    new["term"]["end"] = "2029-01-16"
    text, doc = _pasal_i(bpjs_data, new)
    assert text == "Ketentuan Pasal 11 ayat (1) diubah sehingga Pasal 11 berbunyi sebagai berikut:"
    quoted = doc.pasal[0].paragraphs[0].quoted
    assert [(s.number, s.title) for s in quoted] == [("11", "JANGKA WAKTU")]
    assert "16 Januari 2029" in plain_text(doc) and "16 Januari 2027" not in plain_text(doc)
    assert [s.number for s in doc.pasal] == ["I", "II"]


def test_an_inserted_pasal_takes_a_letter_and_no_pasal_is_renumbered(bpjs_data: dict[str, Any]) -> None:
    new = _changed(bpjs_data)
    new["extra_pasal"] = [{"id": "sosialisasi", "title": "Sosialisasi", "after": "pejabat_penghubung",
                           "paragraphs": ["PARA PIHAK melakukan sosialisasi Perjanjian Kerja Sama ini."]},
                          {"id": "pelaporan", "title": "Pelaporan", "after": "sosialisasi",
                           "paragraphs": ["PARA PIHAK saling melaporkan pelaksanaan Perjanjian Kerja Sama ini."]}]
    new["term"]["end"] = "2029-01-16"
    text, doc = _pasal_i(bpjs_data, new)
    assert text.splitlines() == [
        "Beberapa ketentuan dalam Perjanjian Kerja Sama tentang Pemanfaatan Data Keimigrasian dalam Program Jaminan "
        "Sosial Ketenagakerjaan Nomor PER/188/062023 dan Nomor IMI-GR.05.01-0158 diubah sebagai berikut:",
        "1. Di antara Pasal 7 dan Pasal 8 disisipkan 2 (dua) pasal, yakni Pasal 7A dan Pasal 7B, sehingga berbunyi "
        "sebagai berikut:",
        "2. Ketentuan Pasal 11 ayat (1) diubah sehingga Pasal 11 berbunyi sebagai berikut:"]
    items = doc.pasal[0].paragraphs[0].list.items
    assert [(s.number, s.title) for s in items[0].quoted] == [("7A", "SOSIALISASI"), ("7B", "PELAPORAN")]
    assert [s.number for s in items[1].quoted] == ["11"]  # the thirteenth Pasal of the new input, still Pasal 11


def test_a_deleted_pasal_is_said_deleted_and_leaves_its_number_unused(bpjs_data: dict[str, Any]) -> None:
    new = _changed(bpjs_data)
    new["clauses"]["exclude"].append("peningkatan_kapasitas")
    new["scope"] = new["scope"][:2]
    new["term"]["end"] = "2029-01-16"
    text, doc = _pasal_i(bpjs_data, new)
    lines = text.splitlines()
    assert lines[1:] == ["1. Ketentuan Pasal 3 huruf c dihapus sehingga Pasal 3 berbunyi sebagai berikut:",
                         "2. Pasal 6 dihapus.",
                         "3. Ketentuan Pasal 11 ayat (1) diubah sehingga Pasal 11 berbunyi sebagai berikut:"]
    items = doc.pasal[0].paragraphs[0].list.items
    assert items[1].quoted == ()  # nothing printed under a deletion


@pytest.mark.parametrize(("edit", "expected"), [
    # a list item added at the end, changed, or inserted between (which would renumber: the whole Pasal)
    (lambda d: d["scope"].append("sosialisasi kepada pemangku kepentingan"),
     "Ketentuan Pasal 3 ditambah 1 (satu) huruf, yakni huruf d, sehingga Pasal 3 berbunyi sebagai berikut:"),
    (lambda d: d["scope"].__setitem__(1, "penyediaan, pemeliharaan, dan pengamanan jaringan komunikasi data"),
     "Ketentuan Pasal 3 huruf b diubah sehingga Pasal 3 berbunyi sebagai berikut:"),
    (lambda d: d["scope"].insert(1, "sosialisasi kepada pemangku kepentingan"),
     "Ketentuan Pasal 3 diubah sehingga berbunyi sebagai berikut:"),
    # a definition of Ketentuan Umum: its angka
    (lambda d: d["definitions"][0].__setitem__("meaning", "sistem informasi keimigrasian yang terpadu"),
     "Ketentuan Pasal 1 angka 1 diubah sehingga Pasal 1 berbunyi sebagai berikut:"),
    (lambda d: d["definitions"].append({"term": "Izin Tinggal", "meaning": "izin yang diberikan kepada Orang Asing "
                                                                            "untuk berada di Wilayah Indonesia"}),
     None),
    # a Pasal's title changed: the Pasal as a whole
    (lambda d: d["clauses"].setdefault("titles", {}).__setitem__("pejabat_penghubung", "Narahubung"),
     "Ketentuan Pasal 7 diubah sehingga berbunyi sebagai berikut:"),
])
def test_each_form_within_a_pasal(bpjs_data: dict[str, Any], edit: Any, expected: str | None) -> None:
    new = _changed(bpjs_data)
    edit(new)
    text, _ = _pasal_i(bpjs_data, new)
    if expected is None:  # a definition added at the end of Ketentuan Umum
        n = len(bpjs_data["definitions"]) + 1
        assert text == (f"Ketentuan Pasal 1 ditambah 1 (satu) angka, yakni angka {n}, sehingga Pasal 1 berbunyi "
                        f"sebagai berikut:")
    else:
        assert text == expected


def test_ayat_added_and_removed_at_the_end(bpjs_data: dict[str, Any]) -> None:
    base = copy.deepcopy(bpjs_data)
    base["extra_pasal"] = [{"id": "sosialisasi", "title": "Sosialisasi", "after": "pejabat_penghubung",
                            "paragraphs": ["PARA PIHAK melakukan sosialisasi.", "Sosialisasi dilakukan bersama."]}]
    more = _changed(base)
    more["extra_pasal"][0]["paragraphs"].append("Biaya sosialisasi ditanggung masing-masing PIHAK.")
    text, _ = _pasal_i(base, more)
    assert text == "Ketentuan Pasal 8 ditambah 1 (satu) ayat, yakni ayat (3), sehingga Pasal 8 berbunyi sebagai berikut:"
    fewer = _changed(base)
    fewer["extra_pasal"][0]["paragraphs"].append("Biaya sosialisasi ditanggung masing-masing PIHAK.")
    longer = copy.deepcopy(fewer)
    del longer["adendum"]
    fewer["extra_pasal"][0]["paragraphs"].pop()
    text, _ = _pasal_i(longer, fewer)
    assert text == "Ketentuan Pasal 8 ayat (3) dihapus sehingga Pasal 8 berbunyi sebagai berikut:"


def test_nothing_changed_in_a_pasal_is_refused(bpjs_data: dict[str, Any]) -> None:
    from drafting.errors import InputError
    with pytest.raises(InputError, match="tidak mengubah satu pasal pun"):
        _pasal_i(bpjs_data, _changed(bpjs_data))


def test_a_second_adendum_counts_and_cites_the_first(bpjs_data: dict[str, Any]) -> None:
    first = _changed(bpjs_data)
    first["extra_pasal"] = [{"id": "sosialisasi", "title": "Sosialisasi", "after": "pejabat_penghubung",
                             "paragraphs": ["PARA PIHAK melakukan sosialisasi Perjanjian Kerja Sama ini."]}]
    second = _changed(first, INFO | {"numbers": ["A/2", "B/2"], "signing": {"date": "2026-03-02"}})
    second["extra_pasal"].append({"id": "pelaporan", "title": "Pelaporan", "after": "sosialisasi",
                                  "paragraphs": ["PARA PIHAK saling melaporkan pelaksanaan kerja sama."]})
    second["clauses"]["exclude"].append("pembiayaan")
    text, doc = _pasal_i(bpjs_data, first, second)
    body = plain_text(doc)
    assert body.startswith("ADENDUM KEDUA\nATAS\nPERJANJIAN KERJA SAMA")
    assert "telah diubah dengan Adendum Pertama Nomor A/1 dan Nomor B/1 pada tanggal 20 November 2025" in body
    assert "Di antara Pasal 7A dan Pasal 8 disisipkan 1 (satu) pasal, yakni Pasal 7B" in text
    assert "Pasal 10 dihapus." in text  # pembiayaan: Pasal 10 of the agreement, the 11th Pasal of the input


def test_the_consolidated_text_is_the_changed_input_with_the_agreement_numbers(bpjs_data: dict[str, Any]) -> None:
    new = _changed(bpjs_data)
    new["extra_pasal"] = [{"id": "sosialisasi", "title": "Sosialisasi", "after": "pejabat_penghubung",
                           "text": "PARA PIHAK melakukan sosialisasi selama jangka waktu sebagaimana dimaksud dalam "
                                   "{{ ref(\"jangka_waktu\") }}."}]
    new["clauses"]["exclude"].append("pembiayaan")
    new["term"]["end"] = "2029-01-16"
    signed, changed = validate(bpjs_data), validate(new)
    amendments = history(signed, [changed], ["naskah", "diubah"])
    merged = consolidated(signed, amendments)
    assert merged.front[0].id == "naskah_konsolidasi"
    assert "NASKAH KONSOLIDASI." in plain_text(merged) and "bukan naskah autentik" in plain_text(merged)
    assert [str(s.number) for s in merged.pasal] == [*map(str, range(1, 8)), "7A", *map(str, range(8, 17))]
    gone = next(s for s in merged.pasal if s.number == "10")
    assert plain_text(Document(**{**merged.__dict__, "title": [], "front": [], "pasal": [gone], "closing": [],
                                  "signatories": []})).endswith("Dihapus.")
    # without the note and the deleted Pasal, the changed input's own naskah: only the numbers differ
    from dataclasses import replace
    kept = replace(merged, front=merged.front[1:], pasal=[s for s in merged.pasal if s.number != "10"])
    assert not compare(build(changed), kept).changed
    assert "dalam Pasal 11." in plain_text(kept)  # a reference names the agreement's number
    assert plain_text(kept) != plain_text(build(changed))


def test_the_example_adendum(snapshot: Any) -> None:
    signed, changed = load_agreement(SIGNED), load_agreement(CHANGED)
    amendments = history(signed, [changed], [str(SIGNED), str(CHANGED)])
    assert [(p.form, p.pasal) for p in amendments[0].points] == [
        ("diubah", ("Pasal 4",)), ("diubah", ("Pasal 7",)), ("diubah", ("Pasal 11",))]
    doc = adendum(signed, amendments)
    assert plain_text(doc) == snapshot
    merged = consolidated(signed, amendments)
    from dataclasses import replace
    assert not compare(build(changed), replace(merged, front=merged.front[1:])).changed


def test_commands_with_files_and_with_the_registry(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "adendum.docx"
    result = runner.invoke(main, ["adendum", str(SIGNED), str(CHANGED), "-o", str(out), "--consolidated",
                                  str(tmp_path / "k.md"), "--redline", str(tmp_path / "r.docx"),
                                  "--date", "2025-11-20", "--db", str(tmp_path / "unused.db")])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:2] == b"PK" and (tmp_path / "r.docx").is_file()
    # the ministry's new name changes the title and the komparisi, which an adendum does not amend
    assert "catatan: berubah di luar pasal, tidak dituangkan dalam adendum: Judul, Pembukaan, Konsiderans" \
        in result.output
    assert "NASKAH KONSOLIDASI" in (tmp_path / "k.md").read_text(encoding="utf-8")
    # the registry: the agreement, then its adenda, counted
    db = str(tmp_path / "registri.db")
    assert runner.invoke(main, ["registry", "add", str(SIGNED), "--db", db]).exit_code == 0
    result = runner.invoke(main, ["adendum", "1", str(CHANGED), "-o", str(tmp_path / "a1.md"), "--db", db])
    assert result.exit_code == 0, result.output
    assert "dicatat: adendum ke-1 naskah #1" in result.output
    second = tmp_path / "kedua.yaml"
    second.write_text(CHANGED.read_text(encoding="utf-8").replace("2029-01-16", "2030-01-16")
                      .replace("PER/41/112025", "PER/7/022026").replace("IMI-GR.05.01-0412", "IMI-GR.05.01-0077"),
                      encoding="utf-8")
    result = runner.invoke(main, ["adendum", "1", str(second), "-o", str(tmp_path / "a2.md"), "--db", db])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "a2.md").read_text(encoding="utf-8")
    assert "ADENDUM KEDUA" in text and "Adendum Pertama Nomor PER/41/112025" in text
    result = runner.invoke(main, ["konsolidasi", "1", "-o", str(tmp_path / "k2.md"), "--db", db])
    assert result.exit_code == 0, result.output
    assert "16 Januari 2030" in (tmp_path / "k2.md").read_text(encoding="utf-8")
    # the registry knows the extended term, and a renewal starts from the agreement as amended
    listed = runner.invoke(main, ["registry", "list", "--db", db])
    assert "2030-01-16" in listed.output and "2027-01-16" not in listed.output
    result = runner.invoke(main, ["renew", "1", "--years", "3", "-o", str(tmp_path / "renew"), "--db", db])
    assert result.exit_code == 0, result.output
    renewal = load_agreement(tmp_path / "renew" / "naskah-2.yaml")
    assert renewal.renewal is not None and renewal.renewal.end_date.isoformat() == "2030-01-16"
    assert renewal.adendum is None and renewal.parties[0].pejabat_penghubung == (
        "Deputi Direktur Bidang Kepesertaan Korporasi dan Institusi")
    # an input is never overwritten
    result = runner.invoke(main, ["adendum", str(SIGNED), str(second), "-o", str(second)])
    assert result.exit_code == 2 and "tidak pernah ditimpa" in result.output


@pytest.mark.parametrize("suffix", [".docx", ".md"])
def test_check_reads_an_adendum_as_one(tmp_path: Path, suffix: str) -> None:
    """Its Pasal I and II are amending articles: the Pasal they quote are the agreement's (no gap
    in the numbering, no reference to a Pasal missing here), its points are sentences."""
    from drafting.pipeline import check_file, render
    signed, changed = load_agreement(SIGNED), load_agreement(CHANGED)
    path = tmp_path / f"adendum{suffix}"
    path.write_bytes(render(adendum(signed, history(signed, [changed], [str(SIGNED), str(CHANGED)])), suffix[1:]))
    report = check_file(path)
    assert report.findings == []
    assert "Adendum" in report.rule_set() and "rujukannya menunjuk pasal naskah yang diubahnya" in report.rule_set()


def test_a_pasal_after_the_last_is_added_and_none_goes_before_pasal_1(bpjs_data: dict[str, Any]) -> None:
    from drafting.errors import InputError
    last = _changed(bpjs_data)
    last["extra_pasal"] = [{"id": "lain_lain", "title": "Lain-lain", "after": "ketentuan_penutup",
                            "paragraphs": ["Hal lain diatur kemudian oleh PARA PIHAK."]}]
    text, doc = _pasal_i(bpjs_data, last)
    assert text == "Sesudah Pasal 16 ditambahkan 1 (satu) pasal, yakni Pasal 16A, sehingga berbunyi sebagai berikut:"
    assert [s.number for s in doc.pasal[0].paragraphs[0].quoted] == ["16A"]
    first = _changed(bpjs_data)
    first["extra_pasal"] = [{"id": "pembuka", "title": "Pembuka", "first": True, "paragraphs": ["Teks."]}]
    with pytest.raises(InputError, match="adendum tidak dapat menyisipkan pasal sebelum Pasal 1"):
        _pasal_i(bpjs_data, first)


def test_an_export_moves_the_adenda_with_their_agreement(registry_url: str, tmp_path: Path) -> None:
    """export → import into a fresh registry: the adenda come back in order, so the agreement's
    current text and its renewal are as amended; a recorded adendum is never rewritten by a sheet."""
    runner = CliRunner()
    old = str(tmp_path / "lama.db")
    second = tmp_path / "kedua.yaml"
    second.write_text(CHANGED.read_text(encoding="utf-8").replace("2029-01-16", "2030-01-16")
                      .replace("PER/41/112025", "PER/7/022026").replace("IMI-GR.05.01-0412", "IMI-GR.05.01-0077"),
                      encoding="utf-8")
    assert runner.invoke(main, ["registry", "add", str(SIGNED), "--db", old]).exit_code == 0
    for n, changed in enumerate((CHANGED, second), 1):
        result = runner.invoke(main, ["adendum", "1", str(changed), "-o", str(tmp_path / f"a{n}.md"), "--db", old])
        assert result.exit_code == 0, result.output
    sheet = tmp_path / "pindah" / "registri.xlsx"
    assert runner.invoke(main, ["registry", "export", str(sheet), "--db", old]).exit_code == 0
    folder = sheet.parent / "registri-isian"
    assert sorted(p.name for p in folder.iterdir()) == ["naskah-1-adendum-1.yaml", "naskah-1-adendum-2.yaml",
                                                        "naskah-1.yaml"]

    result = runner.invoke(main, ["registry", "import", str(sheet), "--db", registry_url])
    assert result.exit_code == 0, result.output
    assert "tidak ada yang berubah" in runner.invoke(main, ["registry", "import", str(sheet), "--db",
                                                            registry_url]).output
    with open_registry(registry_url)() as s, open_registry(old)() as o:
        moved, kept = s.get(Agreement, 1), o.get(Agreement, 1)
        assert [(a.position, a.input_json, a.signing_date) for a in moved.adenda] == \
               [(a.position, a.input_json, a.signing_date) for a in kept.adenda]
        assert moved.end_date == kept.end_date == dt.date(2030, 1, 16)
    result = runner.invoke(main, ["konsolidasi", "1", "-o", str(tmp_path / "k.md"), "--db", registry_url])
    assert result.exit_code == 0, result.output
    assert "16 Januari 2030" in (tmp_path / "k.md").read_text(encoding="utf-8")

    # the same sheet with its first adendum changed: refused, the registry's adenda untouched
    first = folder / "naskah-1-adendum-1.yaml"
    first.write_text(first.read_text(encoding="utf-8").replace("2029-01-16", "2029-06-30"), encoding="utf-8")
    result = runner.invoke(main, ["registry", "import", str(sheet), "--update", "--db", registry_url])
    assert result.exit_code == 2 and "adendum yang telah tercatat tidak diubah melalui impor" in result.output
    with open_registry(registry_url)() as s:
        assert len(s.get(Agreement, 1).adenda) == 2


def test_an_adendum_file_without_its_agreements_input_is_refused(tmp_path: Path) -> None:
    sheet = tmp_path / "registri.csv"
    sheet.write_text("Jenis,Nomor,Tentang,Mitra,Satuan Kerja,Tanggal Tanda Tangan,Berkas Adendum\n"
                     f"PKS,X/1,Uji,Mitra,Direktorat,2023-06-19,{CHANGED}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["registry", "import", str(sheet), "--db", str(tmp_path / "r.db")])
    assert result.exit_code == 2 and "adendum tanpa Berkas Isian naskah yang diubahnya" in result.output


def test_three_inserted_pasal_are_listed_as_the_house_lists_them(bpjs_data: dict[str, Any]) -> None:
    """A list of three or more in a sentence: 'A, B, dan C' (join_and, as the komparisi and the numbers)."""
    new = _changed(bpjs_data)
    new["extra_pasal"] = [{"id": f"baru{k}", "title": f"Ketentuan Baru {k}", "after": "pejabat_penghubung"
                           if k == 1 else f"baru{k - 1}", "paragraphs": [f"Ketentuan baru ke-{k}."]} for k in (1, 2, 3)]
    text, _ = _pasal_i(bpjs_data, new)
    assert text == ("Di antara Pasal 7 dan Pasal 8 disisipkan 3 (tiga) pasal, yakni Pasal 7A, Pasal 7B, dan Pasal 7C, "
                    "sehingga berbunyi sebagai berikut:")
