"""The tool on agreements it was not built from: inputs written in the forms of real agreements
(REAL-AGREEMENTS.md), and the forms no style option reaches produced by a unit's library."""

from __future__ import annotations

from pathlib import Path

import yaml

from drafting import library
from drafting.layout import plain_text, signature_rows, signature_text
from drafting.load import load_agreement, validate
from drafting.pipeline import build

FIXTURES = Path(__file__).parent / "fixtures" / "real"


def test_three_regional_governments_2016_in_the_form_of_a2() -> None:
    doc = build(load_agreement(FIXTURES / "pks_tiga_pemda_air_minum_2016.yaml"))
    assert [line.text() for line in doc.title] == [
        "PERJANJIAN KERJA SAMA", "ANTARA", "PEMERINTAH PROVINSI BALI", "DENGAN", "PEMERINTAH KABUPATEN BULELENG",
        "DAN", "PEMERINTAH KABUPATEN JEMBRANA",
        "NOMOR : 075/12/KB/B.PEM", "NOMOR : 075/45/HK/2016", "NOMOR : 075/8/HK/2016", "TENTANG",
        "PENYELENGGARAAN SISTEM PENYEDIAAN AIR MINUM REGIONAL KABUPATEN BULELENG DAN KABUPATEN JEMBRANA"]
    lines = plain_text(doc).splitlines()
    assert lines[12] == ("Pada hari ini Selasa tanggal dua puluh dua bulan Maret tahun dua ribu enam belas bertempat "
                         "di Denpasar, kami yang bertanda tangan di bawah ini:")
    assert lines[13].endswith("dalam hal ini bertindak untuk dan atas nama Pemerintah Provinsi Bali, berkedudukan dan "
                              "berkantor di Jalan Basuki Rahmat Nomor 1, Denpasar, selanjutnya disebut PIHAK PERTAMA.")
    assert lines[15].endswith("selanjutnya disebut PIHAK KETIGA.")
    assert lines[16].startswith("PIHAK PERTAMA, PIHAK KEDUA, dan PIHAK KETIGA, secara bersama-sama")
    # signed before the Rp10.000 meterai: Rp6.000, under each of the three signatures side by side
    assert [len(row) for row in signature_rows(doc.signatories)] == [3]
    assert [signature_text(s)[2] for s in doc.signatories] == ["Meterai Rp6.000"] * 3


def _unit_pembukaan(tmp: Path, edit) -> Path:  # noqa: ANN001 - a function of the shipped data
    data = yaml.safe_load((library.CLAUSES_DIR / "pembukaan.yaml").read_text(encoding="utf-8"))
    edit(data)
    path = tmp / "pustaka" / "clauses" / "pembukaan.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return tmp / "pustaka"


def test_a1_year_in_digits_reached_by_a_units_opening(bpjs_data, tmp_path: Path) -> None:
    """A1 (Pemkab Konawe Utara – Kantor Pertanahan, 2019) writes the year in digits, 'Tanggal' and
    'Tahun' capitalised: no option of the input, one line of a unit's pembukaan."""
    def year_in_digits(data: dict) -> None:
        data["variants"]["default"] = data["variants"]["default"].replace(
            "Pada hari ini {{ t.hari }}{{ k }} tanggal {{ t.tanggal }}{{ k }} bulan {{ t.bulan }}{{ k }} tahun {{ t.tahun }}",
            "Pada hari ini {{ t.hari }} Tanggal {{ t.tanggal }} bulan {{ t.bulan }} Tahun {{ t.angka_tahun }}")

    bpjs_data["signing"] = {"date": "2019-09-20", "place": "Wanggudu"}
    bpjs_data["style"] = {"opening_case": "lower", "opening_place": "none"}
    bpjs_data["term"] = {"end": "2024-09-19"}
    doc = build(validate(bpjs_data), libraries=(_unit_pembukaan(tmp_path, year_in_digits),))
    assert plain_text(doc).splitlines()[10] == ("Pada hari ini Jumat Tanggal dua puluh bulan September Tahun 2019 "
                                                "(20-09-2019), kami yang bertanda tangan di bawah ini:")


def test_a3_selaku_komparisi_as_a_variant_the_input_chooses(bpjs_data, tmp_path: Path) -> None:
    """A3 (PT Garuda Indonesia – Polri, 2015): 'NAME, selaku JABATAN, dalam hal ini …' and the
    opening in Title-Case words without digits or place: a variant of the unit's pembukaan."""
    def selaku(data: dict) -> None:
        text = data["variants"]["default"]
        data["variants"]["selaku"] = text.replace(
            "**{{ r.name }}** : {{ r.position }}{% if r.appointment %}, berdasarkan {{ r.appointment }}{% endif %}, ",
            "**{{ r.name }}**, selaku {{ r.position }}, ")

    bpjs_data["signing"] = {"date": "2015-11-11", "place": "Jakarta"}
    bpjs_data["style"] = {"opening_digits": False, "opening_commas": False, "opening_place": "none"}
    bpjs_data["term"] = {"end": "2020-11-10"}
    bpjs_data["clauses"]["variants"] = {"pembukaan": "selaku"}
    doc = build(validate(bpjs_data), libraries=(_unit_pembukaan(tmp_path, selaku),))
    lines = plain_text(doc).splitlines()
    assert lines[10] == ("Pada hari ini Rabu tanggal Sebelas bulan November tahun Dua Ribu Lima Belas, kami yang "
                         "bertanda tangan di bawah ini:")
    assert lines[11].startswith("1. ANGGORO EKO CAHYO, selaku Direktur Utama BPJS Ketenagakerjaan, dalam hal ini "
                                "bertindak untuk dan atas nama Badan Penyelenggara Jaminan Sosial Ketenagakerjaan")
    assert [signature_text(s)[2] for s in doc.signatories] == ["Meterai Rp6.000"] * 2
