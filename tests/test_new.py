"""``drafting new``: answers on stdin become a commented input that renders at once, with blanks
where nothing was answered; or an example or a registry entry copied; never a file replaced."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from drafting.cli import main
from drafting.starter import SCHEMA_FILE, SCHEMA_LINE

from .conftest import ROOT
from .docx_text import docx_text

KINDS = ["perjanjian_kerja_sama", "nota_kesepahaman", "nota_kesepakatan", "surat_perjanjian",
         "memorandum_saling_pengertian"]


def new(*args: str | Path, answers: list[str] | None = None) -> Result:
    stdin = "\n".join(answers) + "\n" if answers is not None else None
    return CliRunner().invoke(main, ["new", *map(str, args)], input=stdin)


def render(source: Path) -> str:
    """The naskah's text, rendered as a drafter would: the checks must let it through."""
    result = CliRunner().invoke(main, ["render", str(source)])
    assert result.exit_code == 0, result.output
    assert "ditulis:" in result.stdout
    return docx_text(source.with_suffix(".docx").read_bytes())


PKS_ANSWERS = [
    "1",  # Perjanjian Kerja Sama
    "Pelayanan Paspor Keliling",
    "Kantor Imigrasi Kelas I TPI Mataram", "Kantor Imigrasi", "", "LALU ADI", "Kepala Kantor Imigrasi Kelas I TPI Mataram",
    "Dinas Kependudukan dan Pencatatan Sipil Kota Mataram", "Dinas", "5", "", "",  # pemerintah_daerah; no signatory yet
    "y", "data kependudukan",
    "2",
]


def test_answers_on_stdin_become_an_input_that_renders(tmp_path: Path) -> None:
    target = tmp_path / "naskah.yaml"
    result = new(target, answers=PKS_ANSWERS)
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert text.splitlines()[0] == SCHEMA_LINE + SCHEMA_FILE.as_uri()
    assert "# Pokok naskah" in text  # the fields are described where they stand
    data = yaml.safe_load(text)
    assert data["kind"] == "perjanjian_kerja_sama" and data["draft"] is True
    assert data["parties"][1]["mitra_type"] == "pemerintah_daerah"
    assert data["parties"][1]["representative"]["name"] == "……………"
    assert data["data_exchange"]["flows"][0]["data"] == "data kependudukan"
    assert data["term"] == {"years": 2}
    naskah = render(target)
    assert "PELAYANAN PASPOR KELILING" in naskah
    assert "LALU ADI" in naskah and "Kepala Kantor Imigrasi Kelas I TPI Mataram" in naskah
    assert "data kependudukan" in naskah
    assert "jangka waktu 2 (dua) tahun" in naskah
    assert "……………" in naskah  # the signatory not yet known


@pytest.mark.parametrize("kind", KINDS)
def test_no_answers_at_all_still_render(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "kosong.yaml"
    result = new(target, "--kind", kind, answers=[""] * 20)
    assert result.exit_code == 0, result.output
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["kind"] == kind
    assert "……………" in render(target)


def test_an_existing_file_is_never_replaced(tmp_path: Path) -> None:
    target = tmp_path / "ada.yaml"
    target.write_text("punya saya\n", encoding="utf-8")
    for args in ([], ["--from", "pks_kanim_pemkab"]):
        result = new(target, *args, answers=PKS_ANSWERS)
        assert result.exit_code == 2
        assert "sudah ada" in result.stderr and "tidak pernah menimpa" in result.stderr
    assert target.read_text(encoding="utf-8") == "punya saya\n"


def test_an_unknown_kind_is_refused_before_any_question(tmp_path: Path) -> None:
    result = new(tmp_path / "x.yaml", "--kind", "kontrak")
    assert result.exit_code == 2 and "bukan salah satu dari perjanjian_kerja_sama" in result.stderr
    assert not (tmp_path / "x.yaml").exists()


def test_from_an_example_keeps_its_comments_and_its_unit_library(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "universitas.yaml"
    result = new(target, "--from", "pks_kanim_universitas")
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    original = (ROOT / "examples" / "pks_kanim_universitas.yaml").read_text(encoding="utf-8")
    assert text.count("\n#") >= original.count("\n#")  # the example's comments are kept
    assert text.splitlines()[0].startswith(SCHEMA_LINE)
    library = yaml.safe_load(text)["library"]
    assert (target.parent / library).resolve() == (ROOT / "examples" / "pustaka-unit").resolve()
    render(target)


def test_from_a_registry_entry(tmp_path: Path) -> None:
    db = str(tmp_path / "registri.db")
    source = ROOT / "examples" / "pks_kanim_pemkab.yaml"
    assert CliRunner().invoke(main, ["registry", "add", str(source), "--db", db]).exit_code == 0
    target = tmp_path / "dari_registri.yaml"
    result = new(target, "--from-registry", "1", "--db", db)
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert data["tentang"] == yaml.safe_load(source.read_text(encoding="utf-8"))["tentang"]
    render(target)


def test_from_registry_needs_a_registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DRAFTING_DB", raising=False)
    result = new(tmp_path / "x.yaml", "--from-registry", "1")
    assert result.exit_code == 2 and "--db" in result.stderr
