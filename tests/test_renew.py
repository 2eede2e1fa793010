"""Renewal: a new draft from the predecessor's stored input, with the renewal recitals and closing
ayat, a new term, blank numbers and date, new officials; registered and compared Pasal by Pasal."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafting.cli import main
from drafting.load import load_agreement
from drafting.registry.db import open_registry
from drafting.registry.models import Agreement, Status

from .docx_text import docx_text

BPJS = Path(__file__).parent.parent / "examples" / "pks_bpjs_ketenagakerjaan_imigrasi.yaml"
KANIM = Path(__file__).parent.parent / "examples" / "pks_kanim_pemkab.yaml"


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


@pytest.fixture
def db(tmp_path: Path) -> str:
    db = str(tmp_path / "r.db")
    assert _run("registry", "add", str(BPJS), "--db", db, "--level", "unit_eselon_i") == (0, "terdaftar: #1\n")
    assert _run("registry", "add", str(KANIM), "--db", db) == (0, "terdaftar: #2\n")
    return db


def test_renewal_draft_input_docx_comparison_and_registry(db: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, output = _run("renew", "1", "--years", "3", "-o", str(out), "--db", db,
                        "--representative", "2=JOKO & SONS <X>;Direktur Jenderal Imigrasi")
    assert code == 0, output
    assert "terdaftar: #3 (draft, memperpanjang #1)" in output

    new = load_agreement(out / "naskah-3.yaml")
    assert new.draft and new.signing.date is None and all(p.nomor is None for p in new.parties)
    assert new.renewal.numbers == ["PER/188/062023", "IMI-GR.05.01-0158"]
    assert str(new.renewal.date) == "2023-06-19" and str(new.renewal.end_date) == "2027-01-16"
    assert new.term.years == 3 and new.term.end is None
    assert new.parties[1].representative.name == "JOKO & SONS <X>"
    assert new.parties[1].representative.appointment is None  # the former official's decree
    assert new.parties[0].representative == load_agreement(BPJS).parties[0].representative

    text = docx_text((out / "naskah-3.docx").read_bytes())
    assert "NOMOR : ……………" in text
    assert re.search(r"bahwa PARA PIHAK telah menandatangani Perjanjian Kerja Sama tentang Pemanfaatan Data "
                     r"Keimigrasian .*PER/188/062023.*IMI-GR\.05\.01-0158 pada tanggal 19 Juni 2023 dan akan "
                     r"berakhir pada tanggal 16 Januari 2027", text)
    assert "bermaksud untuk melakukan perpanjangan Perjanjian Kerja Sama" in text
    assert re.search(r"Perjanjian Kerja Sama tentang Pemanfaatan .*PER/188/062023.* tanggal 19 Juni 2023 "
                     r"dinyatakan tidak berlaku\.", text)
    assert "3 (tiga) tahun" in text

    html = (out / "naskah-3-perbandingan.html").read_text(encoding="utf-8")
    # part title → status; the Pasal numbers are the library's business
    sections = {h: s for s, h in re.findall(
        r'<section class="(\w+)"><h2>(?:Pasal \d+ )?(.+?)(?: \(semula [^<]*\))? <small>', html)}
    assert sections["Pembukaan"] == sections["JANGKA WAKTU"] == sections["KETENTUAN PENUTUP"] == "berubah"
    assert sections["PERTUKARAN DATA"] == sections["KERAHASIAAN"] == "tetap"
    # the 2023 text left it out; a naskah signed now carries it (UU 27/2022, transition ended 17 Oktober 2024)
    assert sections["PELINDUNGAN DATA PRIBADI"] == "baru"
    assert "pelindungan_data_pribadi" not in new.clauses.exclude
    assert "paling lambat 3 x 24 (tiga kali dua puluh empat) jam" in text
    # the new signatory, escaped, in the komparisi and in the signature block
    assert html.count("<del>SILMY KARIM</del><ins>JOKO &amp; SONS &lt;X&gt;</ins>") == 2 and "<X>" not in html
    assert f"ditulis: {out / 'naskah-3-perbandingan.docx'}" in output  # the redline: tests/test_redline_docx.py
    assert "<del>PER/188/062023</del>" in html

    sessions = open_registry(db)
    with sessions() as s:
        renewal, old = s.get(Agreement, 3), s.get(Agreement, 1)
        assert renewal.status is Status.draft and renewal.predecessor is old and renewal.number_list == []
        assert old.status is Status.aktif  # until the renewal is signed
        assert [f.sha256 for f in renewal.files] == [hashlib.sha256((out / "naskah-3.docx").read_bytes()).hexdigest()]

    assert _run("registry", "status", "3", "aktif", "--db", db) == (0, "#3: aktif\n")
    with sessions() as s:
        assert s.get(Agreement, 1).status is Status.diperpanjang


@pytest.mark.parametrize("args, message", [
    (["2", "--years", "2"], "naskah #2 belum ditandatangani"),
    (["9", "--years", "2"], "naskah #9 tidak ada dalam registri"),
    (["1"], "sebutkan --until TANGGAL atau --years N"),  # the old term is an end date, not years
    (["1", "--years", "2", "--representative", "5=A;B"], "pihak nomor 5 tidak ada (hanya ada 2 pihak)"),
    (["1", "--until", "2026-01-01"], "2026-01-01 tidak sesudah tanggal berakhir naskah lama 2027-01-16"),
])
def test_renewal_refusals(db: str, tmp_path: Path, args: list[str], message: str) -> None:
    code, output = _run("renew", *args, "-o", str(tmp_path / "out"), "--db", db)
    assert code in (1, 2) and message in output and "Traceback" not in output
    assert not (tmp_path / "out").exists()
    with open_registry(db)() as s:
        assert s.get(Agreement, 3) is None


def test_representative_option_format(db: str, tmp_path: Path) -> None:
    code, output = _run("renew", "1", "--years", "2", "--representative", "BUDI", "--db", db)
    assert code == 2 and "NOMOR_PIHAK=NAMA;JABATAN" in output


def test_renew_prints_the_findings_of_its_draft_as_render_does(db: str, tmp_path: Path) -> None:
    code, output = _run("renew", "1", "--years", "3", "-o", str(tmp_path / "out"), "--db", db)
    assert code == 0
    draft = tmp_path / "out" / "naskah-3.yaml"
    # the old ministry's name copied from the 2023 parties, and the Biro's recommendation still to cite
    assert re.search(rf"{re.escape(str(draft))}: \[peringatan\] parties\[1\]\.legal_status \(baris \d+\): "
                     r"'Kementerian Hukum dan Hak Asasi Manusia' sudah tidak ada", output)
    assert re.search(rf"{re.escape(str(draft))}: \[peringatan\] renewal\.biro_recommendation \(baris \d+\): "
                     r"perpanjangan Kerja Sama memerlukan rekomendasi Biro Hukum", output)
    from drafting.pipeline import check_file
    assert {f.rule for f in check_file(draft).findings} >= {"former_ministry", "renewal"}  # the same as `drafting check`


def test_an_open_renewal_draft_is_opened_instead_unless_again(db: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _run("renew", "1", "--years", "3", "-o", str(out), "--db", db)[0] == 0
    (out / "naskah-3.yaml").unlink()
    code, output = _run("renew", "1", "--years", "5", "-o", str(out), "--db", db)
    assert code == 0
    assert "naskah #1 sudah mempunyai draf perpanjangan #3: draf itu yang dibuka (--until, --years dan " \
           "--representative tidak dipakai); pakai --again untuk menyusun draf baru" in output
    assert load_agreement(out / "naskah-3.yaml").term.years == 3  # the open draft, as it was
    with open_registry(db)() as s:
        assert s.get(Agreement, 4) is None
    code, output = _run("renew", "1", "--years", "5", "-o", str(out), "--db", db, "--again")
    assert code == 0 and "terdaftar: #4 (draft, memperpanjang #1)" in output
    assert load_agreement(out / "naskah-4.yaml").term.years == 5
    assert _run("registry", "status", "4", "aktif", "--db", db)[0] == 0
    with open_registry(db)() as s:  # #3 is still a draft: the next renew of #1 opens it
        assert s.get(Agreement, 3).status is Status.draft


def test_new_officials_with_their_position_and_instansi_induk(db: str, tmp_path: Path) -> None:
    code, output = _run("renew", "1", "--years", "3", "-o", str(tmp_path / "out"), "--db", db, "--representative",
                        "2=BUDI SANTOSO;Direktur Jenderal Imigrasi;Kementerian Imigrasi dan Pemasyarakatan")
    assert code == 0, output
    party = load_agreement(tmp_path / "out" / "naskah-3.yaml").parties[1]
    assert (party.representative.name, party.representative.position, party.parent) == (
        "BUDI SANTOSO", "Direktur Jenderal Imigrasi", "Kementerian Imigrasi dan Pemasyarakatan")
    assert "parties[1].parent" not in output  # the old ministry's name is gone from the parent
    text = docx_text((tmp_path / "out" / "naskah-3.docx").read_bytes())
    assert "KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN" in text.upper() and "BUDI SANTOSO" in text
