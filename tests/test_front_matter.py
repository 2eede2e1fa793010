"""The front matter and the signature block, written from clause templates: the forms of real
agreements reached from the input alone (style options, party fields, kinds of naskah), and the
defects of issue 12 §3 fixed (each with the input that showed it and the fixed text)."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from drafting.cli import main
from drafting.errors import InputError
from drafting.layout import plain_text, signature_text
from drafting.load import load_agreement, validate
from drafting.pipeline import build, render


def doc_of(data: dict[str, Any]):
    return build(validate(data))


def lines_of(data: dict[str, Any]) -> list[str]:
    return plain_text(doc_of(data)).splitlines()


def opening(data: dict[str, Any]) -> str:
    return next(line for line in lines_of(data) if line.startswith(("Pada hari ini", "Perjanjian", "Nota")))


def title_block(data: dict[str, Any]) -> list[str]:
    return [line.text() for line in doc_of(data).title]


def signatures(data: dict[str, Any]) -> list[list[str]]:
    return [signature_text(s) for s in doc_of(data).signatories]


def bridge(data: dict[str, Any]) -> str:
    return next(line for line in lines_of(data) if line.startswith("Berdasarkan hal-hal tersebut"))


# --- the opening sentence -------------------------------------------------------------------

def test_opening_default_as_seed_003(bpjs_data) -> None:
    bpjs_data["style"] = {}
    assert opening(bpjs_data) == ("Pada hari ini Senin, tanggal Sembilan Belas, bulan Juni, tahun Dua Ribu Dua Puluh "
                                  "Tiga (19-06-2023), bertempat di Jakarta, kami yang bertanda tangan di bawah ini:")


def test_opening_lower_case_without_commas_digits_or_place(bpjs_data) -> None:
    bpjs_data["style"] = {"opening_case": "lower", "opening_commas": False, "opening_digits": False,
                          "opening_place": "none"}
    assert opening(bpjs_data) == ("Pada hari ini Senin tanggal sembilan belas bulan Juni tahun dua ribu dua puluh "
                                  "tiga, kami yang bertanda tangan di bawah ini:")


def test_opening_with_the_place_first(bpjs_data) -> None:
    bpjs_data["style"] = {"opening_place": "first", "opening_digits": False}
    assert opening(bpjs_data) == ("Perjanjian Kerja Sama ini dibuat dan ditandatangani di Jakarta, pada hari Senin, "
                                  "tanggal Sembilan Belas, bulan Juni, tahun Dua Ribu Dua Puluh Tiga, oleh dan antara:")


def test_old_inputs_that_said_only_whether_the_place_is_printed_still_read(bpjs_data) -> None:
    bpjs_data["style"] = {"opening_place": False}
    assert "bertempat" not in opening(bpjs_data)
    bpjs_data["style"] = {"opening_place": True}
    assert "bertempat di Jakarta" in opening(bpjs_data)


@pytest.mark.parametrize(("spelling", "day"), [("Jumat", "Jumat"), ("Jum'at", "Jum'at")])
def test_friday_spelled_as_the_drafter_chooses(bpjs_data, spelling: str, day: str) -> None:
    bpjs_data["signing"]["date"] = "2023-06-23"
    bpjs_data["style"] = {"jumat": spelling}
    assert opening(bpjs_data).startswith(f"Pada hari ini {day}, tanggal Dua Puluh Tiga,")


def test_partial_date_prints_what_is_known_and_blanks_the_rest(bpjs_data) -> None:
    bpjs_data["signing"] = {"date": "2025-07", "place": "Jakarta"}
    bpjs_data["draft"] = True
    bpjs_data["style"] = {}
    assert opening(bpjs_data).startswith("Pada hari ini ……………, tanggal ……………, bulan Juli, tahun Dua Ribu Dua Puluh "
                                         "Lima (……-07-2025), bertempat di Jakarta,")
    bpjs_data["signing"] = {"date": 2025}
    assert opening(bpjs_data).startswith("Pada hari ini ……………, tanggal ……………, bulan ……………, tahun Dua Ribu Dua "
                                         "Puluh Lima (……-……-2025), bertempat di ……………,")


def test_partial_date_is_not_a_date_for_the_rest_of_the_program(bpjs_data) -> None:
    bpjs_data["signing"] = {"date": "2025-07"}
    a = validate(bpjs_data)
    assert (a.signing.date, a.signing.year, a.signing.month) == (None, 2025, 7)
    bpjs_data["signing"] = {"date": "2025-13"}
    with pytest.raises(InputError):
        validate(bpjs_data)


def test_unknown_date_prints_blanks_and_no_digits(bpjs_data) -> None:
    del bpjs_data["signing"]["date"]
    assert opening(bpjs_data).startswith("Pada hari ini ……………, tanggal ……………, bulan ……………, tahun ……………, ")


# --- the komparisi --------------------------------------------------------------------------

def komparisi(data: dict[str, Any]) -> list[str]:
    lines = lines_of(data)
    start = next(i for i, line in enumerate(lines) if line.endswith(("di bawah ini:", "oleh dan antara:"))) + 1
    return lines[start:start + len(data["parties"]) * 8]


def test_komparisi_sentence_with_or_without_yang(bpjs_data) -> None:
    first = komparisi(bpjs_data)[0]
    assert ", yang berkedudukan dan berkantor di Plaza BPJAMSOSTEK" in first
    assert first.endswith(", selanjutnya disebut PIHAK PERTAMA.")
    bpjs_data["style"] = {"yang_berkedudukan": False, "yang_selanjutnya": True}
    first = komparisi(bpjs_data)[0]
    assert ", berkedudukan dan berkantor di Plaza BPJAMSOSTEK" in first and "yang berkedudukan" not in first
    assert first.endswith(", yang selanjutnya disebut PIHAK PERTAMA.")


def test_komparisi_lines_in_the_order_the_drafter_chooses(bpjs_data) -> None:
    bpjs_data["parties"][1]["representative"]["nip"] = "197001011990031001"
    bpjs_data["style"] = {"party_block": "lines", "party_lines": ["nama", "nip", "jabatan", "alamat"]}
    second = "\n".join(komparisi(bpjs_data)).split("2. ", 1)[1]
    assert second.splitlines()[:4] == [
        "Nama : SILMY KARIM", "NIP : 197001011990031001",
        "Jabatan : Direktur Jenderal Imigrasi Kementerian Hukum dan Hak Asasi Manusia",
        "Alamat : Jalan H.R. Rasuna Said Blok X-6 Kav. 8, Jakarta Selatan"]
    assert "Dasar" not in second  # not chosen
    # a line whose value is missing is left out: the first party has no NIP
    first = "\n".join(komparisi(bpjs_data)).split("2. ", 1)[0]
    assert first.startswith("1. Nama : ANGGORO EKO CAHYO\nJabatan : Direktur Utama") and "NIP" not in first


def test_komparisi_lines_must_name_the_signatory(bpjs_data) -> None:
    bpjs_data["style"] = {"party_block": "lines", "party_lines": ["jabatan", "jabatan"]}
    with pytest.raises(InputError) as exc:
        validate(bpjs_data)
    assert [p.path for p in exc.value.problems] == ["style.party_lines"]


def test_representative_acting_for_an_official_other_than_the_party(bpjs_data) -> None:
    rep = bpjs_data["parties"][1]["representative"]
    rep["acting_for"] = "Menteri Hukum dan Hak Asasi Manusia Republik Indonesia"
    rep["acting_for_basis"] = "Surat Kuasa Nomor M.HH-1.UM.01.01 Tahun 2023"
    second = komparisi(bpjs_data)[1]
    assert ("dalam hal ini bertindak untuk dan atas nama Menteri Hukum dan Hak Asasi Manusia Republik Indonesia "
            "berdasarkan Surat Kuasa Nomor M.HH-1.UM.01.01 Tahun 2023, yang berkedudukan") in second
    assert "atas nama Direktorat Jenderal Imigrasi" not in second
    assert signatures(bpjs_data)[1][:3] == [
        "PIHAK KEDUA,", "a.n. Menteri Hukum dan Hak Asasi Manusia Republik Indonesia,",
        "Direktur Jenderal Imigrasi Kementerian Hukum dan Hak Asasi Manusia"]
    # two lines of one role in one party's signature: Markdown still has the table (a row a line)
    md = render(doc_of(bpjs_data), "md").decode()
    assert "[TABLE]" not in md
    assert "| **PIHAK PERTAMA,** | **PIHAK KEDUA,** |" in md
    assert "|  | Direktur Jenderal Imigrasi Kementerian Hukum dan Hak Asasi Manusia |" in md


@pytest.mark.parametrize(("join", "title", "text"), [
    ("line", ["DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL", "PEMERINTAH KABUPATEN SUMBAWA"],
     "Dinas Kependudukan dan Pencatatan Sipil Pemerintah Kabupaten Sumbawa"),
    ("space", ["DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL PEMERINTAH KABUPATEN SUMBAWA"],
     "Dinas Kependudukan dan Pencatatan Sipil Pemerintah Kabupaten Sumbawa"),
    ("pada", ["DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL PADA PEMERINTAH KABUPATEN SUMBAWA"],
     "Dinas Kependudukan dan Pencatatan Sipil pada Pemerintah Kabupaten Sumbawa"),
    ("comma", ["DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL, PEMERINTAH KABUPATEN SUMBAWA"],
     "Dinas Kependudukan dan Pencatatan Sipil, Pemerintah Kabupaten Sumbawa"),
])
def test_name_and_parent_joined_as_the_drafter_writes_them(bpjs_data, join: str, title: list[str], text: str) -> None:
    party = bpjs_data["parties"][0]
    party.update(name="Dinas Kependudukan dan Pencatatan Sipil", parent="Pemerintah Kabupaten Sumbawa",
                 parent_join=join)
    block = title_block(bpjs_data)
    assert block[2:2 + len(title)] == title and block[2 + len(title)] == "DENGAN"
    assert f"atas nama {text}, yang berkedudukan" in komparisi(bpjs_data)[0]


# --- the title block ------------------------------------------------------------------------

def test_title_block_default_numbers_under_the_subject(bpjs_data) -> None:
    assert title_block(bpjs_data)[-3:] == [
        "PEMANFAATAN DATA KEIMIGRASIAN DALAM PROGRAM JAMINAN SOSIAL KETENAGAKERJAAN",
        "NOMOR : PER/188/062023", "NOMOR : IMI-GR.05.01-0158"]


def test_numbers_under_each_party_and_a_date_line(bpjs_data) -> None:
    bpjs_data["style"] = {"numbers_place": "parties", "title_date": True}
    doc = doc_of(bpjs_data)
    assert [(line.text(), line.role) for line in doc.title] == [
        ("PERJANJIAN KERJA SAMA", ""), ("ANTARA", ""),
        ("BADAN PENYELENGGARA JAMINAN SOSIAL KETENAGAKERJAAN", ""), ("NOMOR : PER/188/062023", "nomor"),
        ("DENGAN", ""), ("DIREKTORAT JENDERAL IMIGRASI", ""),
        ("KEMENTERIAN HUKUM DAN HAK ASASI MANUSIA REPUBLIK INDONESIA", ""), ("NOMOR : IMI-GR.05.01-0158", "nomor"),
        ("TENTANG", ""), ("PEMANFAATAN DATA KEIMIGRASIAN DALAM PROGRAM JAMINAN SOSIAL KETENAGAKERJAAN", ""),
        ("TANGGAL : 19 Juni 2023", "nomor")]


def test_single_number_under_the_first_party(bpjs_data) -> None:
    bpjs_data["style"] = {"numbers_place": "parties", "numbers": "single"}
    assert [line for line in title_block(bpjs_data) if line.startswith("NOMOR")] == ["NOMOR : PER/188/062023"]


def test_three_parties_joined_by_dengan_then_dan(bpjs_data) -> None:
    third = dict(bpjs_data["parties"][0], name="Pemerintah Provinsi Bali", short_name="Pemprov Bali",
                 mitra_type="pemerintah_daerah", nomor="1/2023")
    bpjs_data["parties"].append(third)
    block = title_block(bpjs_data)
    assert block[block.index("DIREKTORAT JENDERAL IMIGRASI") + 2] == "DAN"


# --- kinds and names of naskah --------------------------------------------------------------

def test_nota_kesepakatan_is_draftable_with_the_nota_kesepahaman_clauses(bpjs_data) -> None:
    nk = {k: bpjs_data[k] for k in ("signing", "parties", "legal_basis", "purpose", "scope")}
    nk.update(kind="nota_kesepakatan", tentang="Sinergi Tugas dan Fungsi", term={"years": 5})
    doc = doc_of(nk)
    assert title_block(nk)[0] == "NOTA KESEPAKATAN"
    assert bridge(nk) == ("Berdasarkan hal-hal tersebut di atas, PARA PIHAK sepakat untuk membuat Nota Kesepakatan "
                          "tentang Sinergi Tugas dan Fungsi, dengan ketentuan sebagai berikut:")
    assert "Nota Kesepakatan ini berlaku untuk jangka waktu 5 (lima) tahun" in plain_text(doc)


def test_surat_perjanjian_is_titled_perjanjian_and_renews_as_such(bpjs_data) -> None:
    bpjs_data["kind"] = "surat_perjanjian"
    bpjs_data["renewal"]["kind"] = "surat_perjanjian"
    text = plain_text(doc_of(bpjs_data))
    assert title_block(bpjs_data)[0] == "PERJANJIAN"
    assert "bahwa PARA PIHAK telah menandatangani Perjanjian tentang Pemanfaatan Data" in text
    assert "Perjanjian ini dibuat dalam rangkap 2 (dua)" in text


def test_the_naskah_named_as_the_drafter_needs(bpjs_data) -> None:
    bpjs_data["naskah"] = "Surat Perjanjian"
    assert title_block(bpjs_data)[0] == "SURAT PERJANJIAN"
    assert "Maksud Surat Perjanjian ini adalah" in plain_text(doc_of(bpjs_data))


# --- the defects of issue 12 §3 in the front matter -----------------------------------------

def test_bridge_after_a_nota_kesepahaman_says_the_parties_agree(bpjs_data) -> None:
    assert bridge(bpjs_data).startswith("Berdasarkan hal-hal tersebut di atas, PARA PIHAK sepakat untuk "
                                        "menindaklanjuti Nota Kesepahaman tentang Penyelenggaraan Program")
    assert "bermaksud menindaklanjuti" not in bridge(bpjs_data)


def test_the_naskah_is_not_defined_as_itself(bpjs_data) -> None:
    text = bridge(bpjs_data)
    assert "selanjutnya disebut Perjanjian Kerja Sama" not in text
    assert text.endswith("dengan membuat Perjanjian Kerja Sama tentang Pemanfaatan Data Keimigrasian dalam Program "
                         "Jaminan Sosial Ketenagakerjaan, dengan ketentuan sebagai berikut:")
    del bpjs_data["nota_kesepahaman"]
    assert "selanjutnya disebut Perjanjian Kerja Sama" not in bridge(bpjs_data)


def test_technical_basis_is_printed_as_the_last_recital(bpjs_data) -> None:
    del bpjs_data["nota_kesepahaman"]
    bpjs_data["technical_basis"] = "kerja sama ini hanya mencakup substansi yang bersifat teknis"
    lines = lines_of(bpjs_data)
    recital = lines[lines.index("Dengan memperhatikan ketentuan peraturan perundang-undangan sebagai berikut:") - 1]
    assert recital == "e. bahwa kerja sama ini hanya mencakup substansi yang bersifat teknis."


def test_technical_basis_is_not_printed_beside_a_nota_kesepahaman(bpjs_data) -> None:
    bpjs_data["technical_basis"] = "kerja sama ini hanya mencakup substansi yang bersifat teknis"
    assert "bersifat teknis" not in plain_text(doc_of(bpjs_data))


def meterai(data: dict[str, Any]) -> list[str]:
    return [next((x for x in s if x.startswith("Meterai")), "") for s in signatures(data)]


def test_meterai_rp10000_for_a_naskah_signed_since_2021_and_for_a_draft(bpjs_data) -> None:
    assert meterai(bpjs_data) == ["Meterai Rp10.000", "Meterai Rp10.000"]
    bpjs_data["signing"]["date"] = "2021-01-01"
    assert meterai(bpjs_data) == ["Meterai Rp10.000", "Meterai Rp10.000"]
    del bpjs_data["signing"]["date"]
    assert meterai(bpjs_data) == ["Meterai Rp10.000", "Meterai Rp10.000"]


def test_meterai_rp6000_for_a_naskah_signed_before_2021(bpjs_data) -> None:
    bpjs_data["signing"]["date"] = "2020-12-31"
    bpjs_data["term"] = {"end": "2025-12-31"}
    assert meterai(bpjs_data) == ["Meterai Rp6.000", "Meterai Rp6.000"]
    bpjs_data["signing"] = {"date": 2020}
    assert meterai(bpjs_data) == ["Meterai Rp6.000", "Meterai Rp6.000"]


def test_no_meterai_for_a_foreign_party_or_a_party_without_one(bpjs_data) -> None:
    bpjs_data["parties"][0]["mitra_type"] = "organisasi_internasional"
    bpjs_data["parties"][1]["meterai"] = False
    assert meterai(bpjs_data) == ["", ""]
    # the room for the signature stays: the meterai row is printed, empty
    assert all(s.lines for s in doc_of(bpjs_data).signatories)


def test_signature_block_as_seed_003(bpjs_data) -> None:
    assert signatures(bpjs_data) == [
        ["PIHAK PERTAMA,", "Direktur Utama BPJS Ketenagakerjaan", "Meterai Rp10.000", "ANGGORO EKO CAHYO"],
        ["PIHAK KEDUA,", "Direktur Jenderal Imigrasi Kementerian Hukum dan Hak Asasi Manusia", "Meterai Rp10.000",
         "SILMY KARIM"]]


def test_signature_with_a_nip_under_the_name(bpjs_data) -> None:
    bpjs_data["parties"][1]["representative"]["nip"] = "197001011990031001"
    assert signatures(bpjs_data)[1][-2:] == ["SILMY KARIM", "NIP 197001011990031001"]


# --- input is data, in the title block and the signatures too --------------------------------

def test_hostile_name_printed_exactly_in_title_komparisi_and_signature(bpjs_data) -> None:
    nasty = "PT A & B {{x}} *y*"
    bpjs_data["parties"][0]["name"] = nasty
    bpjs_data["parties"][0]["representative"]["name"] = nasty
    bpjs_data["parties"][0]["representative"]["position"] = nasty
    assert title_block(bpjs_data)[2] == nasty.upper()
    assert f"1. {nasty} : {nasty}, berdasarkan" in plain_text(doc_of(bpjs_data))
    assert signatures(bpjs_data)[0][:4] == ["PIHAK PERTAMA,", nasty, "Meterai Rp10.000", nasty]


def test_a_nota_kesepakatan_in_the_registry_is_renewed_as_one(bpjs_data, tmp_path) -> None:
    """The registry's kinds are draftable: a signed nota kesepakatan renews into one, its recitals
    and closing ayat naming it by its own name."""
    nk = {k: bpjs_data[k] for k in ("parties", "legal_basis", "purpose", "scope")}
    nk.update(kind="nota_kesepakatan", tentang="Pemanfaatan Data Kependudukan", term={"years": 3},
              signing={"date": "2021-03-15", "place": "Mataram"})
    source = tmp_path / "nota.yaml"
    source.write_text(yaml.safe_dump(nk, allow_unicode=True), encoding="utf-8")
    db = str(tmp_path / "r.db")
    runner = CliRunner()
    assert runner.invoke(main, ["registry", "add", str(source), "--db", db]).exit_code == 0
    result = runner.invoke(main, ["renew", "1", "--years", "3", "-o", str(tmp_path / "out"), "--db", db])
    assert result.exit_code == 0, result.output
    renewed = load_agreement(tmp_path / "out" / "naskah-2.yaml")
    assert renewed.kind.value == "nota_kesepakatan" and renewed.renewal.kind.value == "nota_kesepakatan"
    text = plain_text(build(renewed))
    assert text.splitlines()[0] == "NOTA KESEPAKATAN"
    assert ("bahwa PARA PIHAK telah menandatangani Nota Kesepakatan tentang Pemanfaatan Data Kependudukan Nomor "
            "PER/188/062023 dan Nomor IMI-GR.05.01-0158 pada tanggal 15 Maret 2021") in text
    assert "Nota Kesepakatan tentang Pemanfaatan Data Kependudukan Nomor PER/188/062023" in text.split("Pasal ")[-1]
