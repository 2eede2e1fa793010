"""The legacy renewal path: an agreement imported from a register sheet has no input; ``registry
attach`` reads it back from the signed naskah (or takes the extracted, chosen input), and then
``renew`` drafts its renewal from it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from drafting.cli import main
from drafting.load import load_agreement
from drafting.pipeline import build, render
from drafting.registry.db import open_registry
from drafting.registry.models import Agreement

from .docx_text import docx_text

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "pks_bpjs_2023_seed003.txt"
SHEET = """No,Jenis,Nomor,Tentang,Mitra,Satuan Kerja,Tingkat,Tanggal Tanda Tangan,Tanggal Berakhir,Status
1,Perjanjian Kerja Sama,PER/188/062023;IMI-GR.05.01-0158,Pemanfaatan Data Keimigrasian dalam Program Jaminan Sosial Ketenagakerjaan,Badan Penyelenggara Jaminan Sosial Ketenagakerjaan,Direktorat Jenderal Imigrasi,Unit Eselon I,2023-06-19,2027-01-16,aktif
2,Perjanjian Kerja Sama,,Pelayanan Paspor Simpatik bagi Masyarakat Kabupaten Sumbawa,Pemerintah Kabupaten Sumbawa,Kantor Imigrasi Kelas II TPI Sumbawa Besar,UPT,,,draft
"""


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


@pytest.fixture
def db(tmp_path: Path) -> str:
    sheet = tmp_path / "rekap.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    db = str(tmp_path / "r.db")
    code, output = _run("registry", "import", str(sheet), "--db", db)
    assert code == 0, output
    return db


def test_attach_the_signed_text_then_renew(db: str, tmp_path: Path) -> None:
    code, output = _run("renew", "1", "--years", "5", "-o", str(tmp_path / "out"), "--db", db)
    assert code != 0 and "tidak mempunyai isian" in output
    # the seed writes its first signatory two ways: attach says to choose first
    code, output = _run("registry", "attach", "1", str(SEED), "--db", db)
    assert code != 0 and "ANGGORO EKO CAHYO / ANGGORO EKO" in output and "pilih" in output
    extracted = tmp_path / "isian.yaml"
    assert _run("extract", str(SEED), "-o", str(extracted))[0] == 0
    data = yaml.safe_load(extracted.read_text(encoding="utf-8"))
    data["parties"][0]["representative"]["name"] = "ANGGORO EKO CAHYO"
    extracted.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    code, output = _run("registry", "attach", "1", str(extracted), "--db", db)
    assert code == 0, output
    assert "#1: isian disimpan" in output
    code, output = _run("registry", "attach", "1", str(extracted), "--db", db)
    assert code != 0 and "sudah mempunyai isian" in output

    out = tmp_path / "out"
    code, output = _run("renew", "1", "--years", "5", "-o", str(out), "--db", db)
    assert code == 0, output
    renewal = next(out.glob("*.yaml"))
    new = load_agreement(renewal)
    assert new.renewal is not None and new.renewal.numbers == ["PER/188/062023", "IMI-GR.05.01-0158"]
    assert new.term is not None and new.term.years == 5
    assert not new.clauses.texts  # the opening and recitals written anew, from the input
    text = docx_text(next(out.glob("*.docx")).read_bytes())
    assert "ANGGORO EKO CAHYO" in text and "Deputi Direktur Bidang Hubungan Masyarakat dan Antar Lembaga" in text
    assert re.search(r"bahwa PARA PIHAK telah menandatangani Perjanjian Kerja Sama .*PER/188/062023.* pada "
                     r"tanggal 19 Juni 2023 dan akan berakhir pada tanggal 16 Januari 2027", text)
    assert "jangka waktu 5 (lima) tahun" in text
    # the signed text's own words stay where the renewal does not rewrite them
    assert "kecuali ditentukan lain dalam Peraturan Perundang-Undangan" in text


def test_attach_a_naskah_directly_then_batch(db: str, tmp_path: Path) -> None:
    kanim = load_agreement(ROOT / "examples" / "pks_kanim_pemkab.yaml")
    naskah = tmp_path / "pks.docx"
    naskah.write_bytes(render(build(kanim), "docx"))
    code, output = _run("registry", "attach", "2", str(naskah), "--db", db)
    assert code == 0, output
    assert "Pasal 5 KORESPONDENSI: klausul korespondensi" in output
    with open_registry(db).begin() as session:
        assert session.get(Agreement, 2).input_json is not None
    code, output = _run("batch", "-o", str(tmp_path / "batch"), "--db", db, "--quiet", "-j", "1")
    assert code == 0, output
    assert list((tmp_path / "batch").glob("*.docx"))


def test_the_form_attaches_an_uploaded_naskah_to_an_entry_without_input(db: str, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from drafting.web.app import create_app

    client = TestClient(create_app(db), base_url="http://127.0.0.1:8000")
    kanim = load_agreement(ROOT / "examples" / "pks_kanim_pemkab.yaml")
    content = render(build(kanim), "docx")
    url = "/api/registry/2/attach"
    assert client.post(url, params={"filename": "pks.docx"}, content=content,
                       headers={"Content-Type": "text/plain"}).status_code == 415
    refused = client.post(url, params={"filename": "pks.exe"}, content=content,
                          headers={"Content-Type": "application/octet-stream"})
    assert refused.status_code == 422 and "tidak dikenal" in refused.json()["problems"][0]["message"]
    done = client.post(url, params={"filename": "../../pks.docx"}, content=content,
                       headers={"Content-Type": "application/octet-stream"})
    assert done.status_code == 200, done.text
    body = done.json()
    assert body["entry"]["id"] == 2 and any("klausul korespondensi" in line for line in body["report"])
    assert client.get("/api/registry/2").json()["data"]["tentang"] == kanim.tentang
    again = client.post(url, params={"filename": "pks.docx"}, content=content,
                        headers={"Content-Type": "application/octet-stream"})
    assert again.status_code == 422 and "sudah mempunyai isian" in again.text


def test_a_renewal_has_the_required_pasal_the_signed_naskah_lacked_as_blanks(tmp_path: Path) -> None:
    """The 2025 PKS in Word lacks Maksud dan Tujuan and Jangka Waktu; its input records that
    (clauses.exclude). Its renewal is a new naskah: Jangka Waktu with the new term, Maksud dan
    Tujuan with a new draft's blanks for the drafter to fill in."""
    extracted, db = tmp_path / "isian.yaml", str(tmp_path / "r.db")
    assert _run("extract", str(ROOT / "tests" / "corpus" / "format_word_numbering" / "naskah.docx"),
                "-o", str(extracted))[0] == 0
    assert {"maksud_tujuan", "jangka_waktu"} <= set(load_agreement(extracted).clauses.exclude)
    code, output = _run("registry", "add", str(extracted), "--db", db)
    assert code == 0, output
    out = tmp_path / "out"
    code, output = _run("renew", "1", "--years", "2", "-o", str(out), "--db", db)
    assert code == 0, output
    new = load_agreement(next(out.glob("*.yaml")))
    assert not {"maksud_tujuan", "jangka_waktu"} & set(new.clauses.exclude)
    assert new.purpose is not None and new.purpose.maksud == "……………"
    text = docx_text(next(out.glob("*.docx")).read_bytes())
    assert "MAKSUD DAN TUJUAN" in text and "jangka waktu 2 (dua) tahun" in text
