"""drafting extract INDUK --adendum ADENDUM: the parent naskah read with its adenda applied.

For a signed input S and a changed input C, the parent rendered and the adendum ``drafting
adendum`` writes from them, read back together, give an input whose render has the Pasal of C's
render, title for title and word for word: the BPJS example's Adendum Pertama (Pasal changed), a
Pasal inserted, Pasal and a list item deleted, two adenda in a row; as Markdown and as DOCX. B1's
form (an ayat quoted alone) and a form still refused, named."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from drafting.adendum.naskah import adendum, history
from drafting.checks.analysis import draft_paragraphs
from drafting.cli import main
from drafting.extract import Extraction, extract
from drafting.extract.match import resolved
from drafting.extract.source import cut
from drafting.load import load_agreement, validate
from drafting.pipeline import build, render
from drafting.read import read_naskah

ROOT = Path(__file__).resolve().parent.parent
SIGNED = ROOT / "examples" / "pks_bpjs_ketenagakerjaan_imigrasi.yaml"
CHANGED = ROOT / "examples" / "adendum" / "pks_bpjs_adendum_pertama.yaml"
INFO = {"reason": "bahwa perlu diubah", "numbers": ["A/1", "B/1"],
        "signing": {"date": "2025-11-20", "place": "Jakarta"}}
SOSIALISASI = {"id": "sosialisasi", "title": "Sosialisasi", "after": "maksud_tujuan",
               "text": "PARA PIHAK melakukan sosialisasi pertukaran data sebagaimana dimaksud "
                       "{{ ref(\"pertukaran_data\") }} selama jangka waktu sebagaimana dimaksud "
                       "{{ ref(\"jangka_waktu\") }}."}
PELAPORAN = {"id": "pelaporan", "title": "Pelaporan", "after": "sosialisasi",
             "text": "PARA PIHAK saling melaporkan pelaksanaan sosialisasi.\nLaporan disampaikan melalui pejabat "
                     "penghubung sebagaimana dimaksud {{ ref(\"pejabat_penghubung\") }}."}

# after the last Pasal: 'Sesudah Pasal 16 ditambahkan 1 (satu) pasal, yakni Pasal 16A'
PENUTUP = {"id": "lampiran_teknis", "title": "Petunjuk Teknis", "after": "ketentuan_penutup",
           "paragraphs": ["Petunjuk teknis pertukaran data ditetapkan bersama oleh pejabat penghubung."]}


def _changed(data: dict[str, Any], **info: Any) -> dict[str, Any]:
    out = copy.deepcopy(data)
    out["adendum"] = INFO | info
    return out


def _pasal(path: Path) -> list[tuple[str, list[str]]]:
    return [(p.title, [q.full for q in p.body]) for p in cut(read_naskah(path)).pasal]


def _in_force(tmp_path: Path, fmt: str, signed: dict[str, Any], *changed: dict[str, Any]) -> Extraction:
    """S rendered, each adendum of its changed inputs in turn rendered, read back together: the
    input's render has the Pasal of the last changed input's render."""
    s = validate(signed, source="S")
    versions = [validate(c, source=f"C{k}") for k, c in enumerate(changed, 1)]
    induk = tmp_path / f"induk.{fmt}"
    induk.write_bytes(render(build(s), fmt))
    adenda = []
    for k in range(1, len(versions) + 1):
        amendments = history(s, versions[:k], ["S", *(f"C{j}" for j in range(1, k + 1))])
        adenda.append(tmp_path / f"adendum-{k}.{fmt}")
        adenda[-1].write_bytes(render(adendum(s, amendments), fmt))
    x = extract(induk, adenda=tuple(adenda))
    ours, theirs = tmp_path / f"ours.{fmt}", tmp_path / f"theirs.{fmt}"
    ours.write_bytes(render(build(validate(resolved(x.data))), fmt))
    theirs.write_bytes(render(build(versions[-1]), fmt))
    assert _pasal(ours) == _pasal(theirs)
    return x


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_the_parent_read_with_its_adendum_renders_the_text_in_force(fmt: str, tmp_path: Path) -> None:
    """This tool's Adendum Pertama of the BPJS PKS (three Pasal quoted whole) read into the 2023
    naskah: the input renders every Pasal as the amended input does, its data the amended data."""
    x = _in_force(tmp_path, fmt, yaml.safe_load(SIGNED.read_text(encoding="utf-8")),
                  yaml.safe_load(CHANGED.read_text(encoding="utf-8")))
    assert x.notes[:3] == [f"Pasal {n} sebagaimana diubah oleh ADENDUM PERTAMA" for n in (4, 7, 11)]
    assert not any("dinomori" in note for note in x.notes)  # nothing inserted or deleted: the numbers stay
    agreement = validate(resolved(x.data))
    assert agreement.term is not None and agreement.term.end is not None
    assert agreement.term.end.isoformat() == "2029-01-16"
    assert agreement.parties[0].pejabat_penghubung == "Deputi Direktur Bidang Kepesertaan Korporasi dan Institusi"


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_an_inserted_pasal_is_read_at_its_place_and_the_pasal_numbered_anew(bpjs_data: dict[str, Any], fmt: str,
                                                                               tmp_path: Path) -> None:
    """'Di antara Pasal 2 dan Pasal 3 disisipkan 1 (satu) pasal, yakni Pasal 2A': Pasal 2A is the
    third Pasal of the input, kept word for word after Maksud dan Tujuan; Pasal 11A (Pengakhiran,
    a clause of the library) is that clause; Pasal 16A, after the last ('Sesudah Pasal 16
    ditambahkan …'), is kept after Ketentuan Penutup. The references follow the new numbers, in the
    parent's text ('dalam Pasal 4' of Pasal 5, now Pasal 5 of Pasal 6) and in the Pasal inserted
    (its 'Pasal 11' of the amended naskah, now Pasal 12)."""
    new = _changed(bpjs_data)
    new["extra_pasal"] = [SOSIALISASI, PENUTUP]
    new["clauses"]["exclude"].remove("pengakhiran")
    x = _in_force(tmp_path, fmt, bpjs_data, new)
    assert {f"Pasal {n} disisipkan oleh ADENDUM PERTAMA" for n in ("2A", "11A", "16A")} <= set(x.notes)
    assert [(r.number, r.clause) for r in x.rows if r.title == "PENGAKHIRAN"] == [(13, "pengakhiran")]
    assert any(note.startswith("pasal dinomori urut") and "Pasal 2A menjadi Pasal 3" in note and
               "Pasal 11A menjadi Pasal 13" in note and "Pasal 16 menjadi Pasal 18" in note for note in x.notes)
    kept = x.data["extra_pasal"]
    assert [(e["id"], e["title"], e["after"]) for e in kept] == [("sosialisasi", "SOSIALISASI", "maksud_tujuan"),
                                                                  ("petunjuk_teknis", "PETUNJUK TEKNIS", "ketentuan_penutup")]
    assert '{{ nomor("pertukaran_data") }}' in kept[0]["text"] and '{{ nomor("jangka_waktu") }}' in kept[0]["text"]
    text = " ".join(draft_paragraphs(build(validate(resolved(x.data)))))
    assert "pertukaran data sebagaimana dimaksud dalam Pasal 5." in text  # Pasal 6, Jaringan Komunikasi Data


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_a_deleted_pasal_is_gone_and_a_list_item_deleted_too(bpjs_data: dict[str, Any], fmt: str,
                                                            tmp_path: Path) -> None:
    """'Pasal 6 dihapus.' and 'Ketentuan Pasal 3 huruf c dihapus sehingga Pasal 3 berbunyi …': the
    input has no Peningkatan Kapasitas, its scope two items, and Pasal 7 is Pasal 6, Monitoring's
    reference to it too."""
    new = _changed(bpjs_data)
    new["clauses"]["exclude"].append("peningkatan_kapasitas")
    new["scope"] = new["scope"][:2]
    x = _in_force(tmp_path, fmt, bpjs_data, new)
    assert x.notes[:2] == ["Pasal 3 sebagaimana diubah oleh ADENDUM PERTAMA", "Pasal 6 dihapus oleh ADENDUM PERTAMA"]
    assert len(x.data["scope"]) == 2
    assert not x.data.get("extra_pasal")
    text = " ".join(draft_paragraphs(build(validate(resolved(x.data)))))
    assert "pejabat penghubung sebagaimana dimaksud dalam Pasal 6." in text


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_two_adenda_in_a_row(bpjs_data: dict[str, Any], fmt: str, tmp_path: Path) -> None:
    """The Adendum Kedua names the Pasal by the numbers the Adendum Pertama gave them: 'Di antara
    Pasal 2A dan Pasal 3 disisipkan … Pasal 2B', 'Pasal 10 dihapus.' (Pembiayaan), Jangka Waktu
    changed again; the input renders the second changed input's Pasal."""
    first = _changed(bpjs_data)
    first["extra_pasal"] = [SOSIALISASI]
    first["term"]["end"] = "2029-01-16"
    second = _changed(first, numbers=["A/2", "B/2"], signing={"date": "2026-03-02"})
    second["extra_pasal"].append(PELAPORAN)
    second["clauses"]["exclude"].append("pembiayaan")
    second["term"]["end"] = "2030-01-16"
    x = _in_force(tmp_path, fmt, bpjs_data, first, second)
    assert x.notes[:5] == ["Pasal 2A disisipkan oleh ADENDUM PERTAMA",
                           "Pasal 11 sebagaimana diubah oleh ADENDUM PERTAMA",
                           "Pasal 2B disisipkan oleh ADENDUM KEDUA", "Pasal 10 dihapus oleh ADENDUM KEDUA",
                           "Pasal 11 sebagaimana diubah oleh ADENDUM KEDUA"]
    agreement = validate(resolved(x.data))
    assert agreement.term is not None and agreement.term.end is not None
    assert agreement.term.end.isoformat() == "2030-01-16"
    assert [e["id"] for e in x.data["extra_pasal"]] == ["sosialisasi", "pelaporan"]


ADENDUM_B1_FORM = """ADDENDUM II
PERJANJIAN KERJA SAMA
ANTARA
BADAN PENYELENGGARA JAMINAN SOSIAL KETENAGAKERJAAN
DENGAN
DIREKTORAT JENDERAL IMIGRASI
TENTANG
PEMANFAATAN DATA KEIMIGRASIAN DALAM PROGRAM JAMINAN SOSIAL KETENAGAKERJAAN

PARA PIHAK sepakat untuk menandatangani Addendum II dengan ketentuan sebagai berikut:

Pasal I

{change}

Pasal II

Addendum II ini mulai berlaku sejak tanggal ditandatangani.

PIHAK PERTAMA,

ANGGORO EKO CAHYO

PIHAK KEDUA,

YUDHI PRIYANTO
"""


def test_an_adendum_quoting_one_ayat_replaces_that_ayat_and_other_forms_are_refused(tmp_path: Path) -> None:
    """B1's form: 'Ketentuan Pasal 11 ayat (1) Perjanjian Induk diubah sehingga berbunyi sebagai
    berikut:' and the ayat alone; an ayat added after the last, quoted alone; a change whose new
    words are not given is not applied but named."""
    induk = tmp_path / "induk.md"
    induk.write_bytes(render(build(load_agreement(SIGNED)), "md"))
    adendum = tmp_path / "adendum.txt"
    adendum.write_text(ADENDUM_B1_FORM.format(change=(
        "Beberapa ketentuan dalam Perjanjian Induk diubah sebagai berikut:\n"
        "1. Ketentuan Pasal 11 ayat (1) Perjanjian Induk diubah sehingga berbunyi sebagai berikut:\n"
        "(1) Perjanjian Kerja Sama ini berlaku sejak tanggal ditandatangani sampai dengan tanggal 16 Januari 2030.\n"
        "2. Ketentuan Pasal 11 ditambah 1 (satu) ayat, yakni ayat (3), sehingga berbunyi sebagai berikut:\n"
        "(3) Perpanjangan diajukan paling lambat 3 (tiga) bulan sebelum berakhirnya jangka waktu.")),
        encoding="utf-8")
    x = extract(induk, adenda=(adendum,))
    assert x.notes[:2] == ["Pasal 11 ayat (1) sebagaimana diubah oleh ADDENDUM II",
                           "Pasal 11 ayat (3) sebagaimana diubah oleh ADDENDUM II"]
    agreement = validate(resolved(x.data))
    text = " ".join(draft_paragraphs(build(agreement)))
    assert "sampai dengan tanggal 16 Januari 2030" in text
    assert "dapat diperpanjang atau diakhiri" in text  # ayat (2) kept
    assert "(3) Perpanjangan diajukan paling lambat 3 (tiga) bulan" in text
    for change, named in [("Ketentuan Pasal 9 ayat (2) dihapus.", "(Ketentuan Pasal 9 ayat (2) dihapus.)"),
                          ("1. Semula: Pasal 11 ayat (1) berbunyi …", "Pasal I: '1. Semula: Pasal 11 ayat (1)")]:
        adendum.write_text(ADENDUM_B1_FORM.format(change=change), encoding="utf-8")
        target = tmp_path / "x.yaml"
        result = CliRunner().invoke(main, ["extract", str(induk), "--adendum", str(adendum), "-o", str(target)])
        assert result.exit_code == 2 and named in result.output and "terapkan sendiri" in result.output
        assert "Traceback" not in result.output and not target.exists()


def test_legacy_wordings_of_insertion_and_deletion(tmp_path: Path) -> None:
    """'… yakni Pasal 7A yang berbunyi sebagai berikut:', a later 'Di antara Pasal 7 dan Pasal 8 …
    Pasal 7B' where Pasal 7A already stands (after 7A), 'Pasal 9 dan Pasal 10 dihapus.'; Pasal 7B
    citing the Pasal 10 deleted is reported."""
    induk = tmp_path / "induk.md"
    induk.write_bytes(render(build(load_agreement(SIGNED)), "md"))
    adenda = (tmp_path / "adendum-1.txt", tmp_path / "adendum-2.txt")
    adenda[0].write_text(ADENDUM_B1_FORM.format(change=(
        "Di antara Pasal 7 dan Pasal 8 disisipkan 1 (satu) pasal, yakni Pasal 7A yang berbunyi sebagai berikut:\n\n"
        "Pasal 7A\n\nSOSIALISASI\n\nPARA PIHAK melakukan sosialisasi Perjanjian Kerja Sama ini.")), encoding="utf-8")
    adenda[1].write_text(ADENDUM_B1_FORM.format(change=(
        "Beberapa ketentuan dalam Perjanjian Induk diubah sebagai berikut:\n\n"
        "1. Di antara Pasal 7 dan Pasal 8 disisipkan 1 (satu) pasal, yakni Pasal 7B yang berbunyi sebagai berikut:\n\n"
        "Pasal 7B\n\nPELAPORAN\n\nPARA PIHAK saling melaporkan pelaksanaan sosialisasi sebagaimana dimaksud dalam "
        "Pasal 7A, atas biaya sebagaimana dimaksud dalam Pasal 10.\n\n"
        "2. Pasal 9 dan Pasal 10 dihapus.")), encoding="utf-8")
    x = extract(induk, adenda=adenda)
    assert x.notes[:4] == ["Pasal 7A disisipkan oleh ADDENDUM II", "Pasal 7B disisipkan oleh ADDENDUM II",
                           "Pasal 9 dihapus oleh ADDENDUM II", "Pasal 10 dihapus oleh ADDENDUM II"]
    assert [r.title for r in x.rows][6:11] == ["PEJABAT PENGHUBUNG", "SOSIALISASI", "PELAPORAN", "KERAHASIAAN",
                                               "JANGKA WAKTU"]
    text = " ".join(draft_paragraphs(build(validate(resolved(x.data)))))
    assert "pelaksanaan sosialisasi sebagaimana dimaksud dalam Pasal 8," in text
    assert "Pasal 7B menyebut Pasal 10, yang telah dihapus: rujukan itu tertulis apa adanya dan harus diperbaiki " \
           "di isian" in x.notes


def test_an_adendum_to_a_bilingual_memorandum_is_refused_saying_what_to_do(tmp_path: Path) -> None:
    """Its adenda would change the Indonesian text alone, and the English Articles fall out of step."""
    msp = ROOT / "examples" / "msp_ditjen_imigrasi_isa_jepang.yaml"
    induk = tmp_path / "induk.md"
    induk.write_bytes(render(build(load_agreement(msp)), "md"))
    adendum = tmp_path / "adendum.txt"
    adendum.write_text(ADENDUM_B1_FORM.format(change="Pasal 8 dihapus."), encoding="utf-8")
    target = tmp_path / "x.yaml"
    result = CliRunner().invoke(main, ["extract", str(induk), "--adendum", str(adendum), "-o", str(target)])
    assert result.exit_code == 2 and "dwibahasa" in result.output and "tanpa --adendum" in result.output
    assert not target.exists()
