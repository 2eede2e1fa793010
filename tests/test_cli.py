"""drafting.cli: bad input gives exit 2 and a message (file, field, line), never a traceback and
never an output file; schema and clauses listings; rendering is deterministic."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from drafting import cli, pipeline
from drafting.errors import LibraryError
from drafting.library import CLAUSES_DIR

from .conftest import ROOT


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(cli.main, [str(a) for a in args])


def write_yaml(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def assert_input_error(result: Result, source: Path, *needles: str) -> None:
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert result.stdout == ""  # the message goes to stderr
    assert result.stderr.startswith(f"{source}: isian tidak dapat diproses\n")
    for needle in needles:
        assert needle in result.stderr


# --- bad input -----------------------------------------------------------------------------

def test_missing_party_name(tmp_path: Path, bpjs_data) -> None:
    del bpjs_data["parties"][0]["representative"]["name"]
    src = write_yaml(tmp_path / "naskah.yaml", bpjs_data)
    out = tmp_path / "naskah.docx"
    result = invoke("render", src, "-o", out)
    assert_input_error(result, src, "parties[0].representative.name", "wajib diisi", "(baris ")
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["naskah.yaml"]  # no temporary file left either


def test_missing_party_name_default_output_not_created(tmp_path: Path, bpjs_data) -> None:
    del bpjs_data["parties"][1]["name"]
    src = write_yaml(tmp_path / "naskah.yaml", bpjs_data)
    result = invoke("render", src)
    assert_input_error(result, src, "parties[1].name", "wajib diisi")
    assert not (tmp_path / "naskah.docx").exists()


def test_failed_render_leaves_existing_output_untouched(tmp_path: Path, bpjs_data) -> None:
    del bpjs_data["parties"][0]["representative"]["name"]
    src = write_yaml(tmp_path / "naskah.yaml", bpjs_data)
    out = tmp_path / "lama.docx"
    out.write_bytes(b"versi lama")
    assert invoke("render", src, "-o", out).exit_code == 2
    assert out.read_bytes() == b"versi lama"


def test_end_before_start(tmp_path: Path, bpjs_data) -> None:
    bpjs_data["term"] = {"start": "2025-01-01", "end": "2024-01-01"}
    src = write_yaml(tmp_path / "naskah.yaml", bpjs_data)
    result = invoke("render", src, "-o", tmp_path / "x.docx")
    assert_input_error(result, src, "term.end")
    assert not (tmp_path / "x.docx").exists()


def test_unknown_clause_id(tmp_path: Path, bpjs_data) -> None:
    bpjs_data["clauses"] = {"exclude": ["pasal_tidak_ada"]}
    src = write_yaml(tmp_path / "naskah.yaml", bpjs_data)
    result = invoke("render", src, "-o", tmp_path / "x.docx")
    assert_input_error(result, src, "clauses.exclude[0]", "pasal_tidak_ada")
    assert not (tmp_path / "x.docx").exists()


def test_unknown_variant(tmp_path: Path, bpjs_data) -> None:
    bpjs_data["clauses"] = {"variants": {"penyelesaian_perselisihan": "arbitrase"}}
    src = write_yaml(tmp_path / "naskah.yaml", bpjs_data)
    result = invoke("render", src, "-o", tmp_path / "x.docx")
    assert_input_error(result, src, "clauses.variants.penyelesaian_perselisihan", "arbitrase")
    assert not (tmp_path / "x.docx").exists()


def test_malformed_yaml(tmp_path: Path, bpjs_text: str) -> None:
    text = bpjs_text.replace("tentang: Pemanfaatan Data", "tentang: Pemanfaatan: Data", 1)
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "tentang: Pemanfaatan: Data" in l)
    src = tmp_path / "rusak.yaml"
    src.write_text(text, encoding="utf-8")
    result = invoke("render", src, "-o", tmp_path / "x.docx")
    assert_input_error(result, src, f"baris {line}", "YAML tidak sah")
    assert not (tmp_path / "x.docx").exists()


def test_party_ref_out_of_range(tmp_path: Path, bpjs_data) -> None:
    bpjs_data["data_exchange"]["flows"][1]["provider"] = 3
    src = write_yaml(tmp_path / "naskah.yaml", bpjs_data)
    result = invoke("render", src, "-o", tmp_path / "x.docx")
    assert_input_error(result, src, "data_exchange.flows[1].provider", "pihak nomor 3 tidak ada")
    assert not (tmp_path / "x.docx").exists()


def test_impossible_date(tmp_path: Path, bpjs_text: str) -> None:
    src = tmp_path / "naskah.yaml"
    src.write_text(bpjs_text.replace("  end: 2027-01-16", "  end: 2027-02-30"), encoding="utf-8")
    result = invoke("render", src, "-o", tmp_path / "x.docx")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_missing_input_file(tmp_path: Path) -> None:
    src = tmp_path / "tidak_ada.yaml"
    result = invoke("render", src)
    assert_input_error(result, src, "berkas tidak ditemukan")


def test_library_error_is_exit_1_without_traceback(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def broken(*args: object, **kwargs: object) -> Path:
        raise LibraryError("klausul rusak")

    monkeypatch.setattr(pipeline, "render_file", broken)
    result = invoke("render", tmp_path / "a.yaml")
    assert result.exit_code == 1
    assert result.stderr == "galat: klausul rusak\n"
    assert "Traceback" not in result.output


def test_bad_input_via_the_installed_command(tmp_path: Path, bpjs_data) -> None:
    del bpjs_data["parties"][0]["representative"]["name"]
    src = write_yaml(tmp_path / "naskah.yaml", bpjs_data)
    command = Path(sys.executable).parent / "drafting"  # the console script of the venv
    proc = subprocess.run([str(command), "render", str(src)], capture_output=True, text=True, cwd=tmp_path,
                          timeout=60)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert f"{src}: isian tidak dapat diproses" in proc.stderr
    assert "parties[0].representative.name" in proc.stderr and "wajib diisi" in proc.stderr
    assert proc.stdout == ""
    assert not (tmp_path / "naskah.docx").exists()


# --- rendering -----------------------------------------------------------------------------

def test_render_default_output_name(tmp_path: Path, bpjs_data) -> None:
    src = write_yaml(tmp_path / "bpjs.yaml", bpjs_data)
    result = invoke("render", src)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"ditulis: {tmp_path / 'bpjs.docx'}\n"
    assert (tmp_path / "bpjs.docx").read_bytes()[:2] == b"PK"


def test_json_input_gives_the_same_docx_as_yaml(tmp_path: Path, bpjs_path: Path, bpjs_data) -> None:
    src = tmp_path / "bpjs.json"
    src.write_text(json.dumps(bpjs_data, default=str, ensure_ascii=False), encoding="utf-8")
    assert invoke("render", src, "-o", tmp_path / "json.docx").exit_code == 0
    assert invoke("render", bpjs_path, "-o", tmp_path / "yaml.docx").exit_code == 0
    assert (tmp_path / "json.docx").read_bytes() == (tmp_path / "yaml.docx").read_bytes()


def test_bad_json_input(tmp_path: Path, bpjs_data) -> None:
    del bpjs_data["tentang"]
    src = tmp_path / "bpjs.json"
    src.write_text(json.dumps(bpjs_data, default=str), encoding="utf-8")
    result = invoke("render", src)
    assert_input_error(result, src, "tentang: wajib diisi")
    assert not (tmp_path / "bpjs.docx").exists()


def test_several_inputs_to_out_dir(tmp_path: Path, bpjs_data) -> None:
    a = write_yaml(tmp_path / "a.yaml", bpjs_data)
    b = write_yaml(tmp_path / "b.yaml", bpjs_data)
    result = invoke("render", a, b, "--out-dir", tmp_path / "keluar", "--format", "md")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "keluar").iterdir()) == ["a.md", "b.md"]


def test_output_flag_with_several_inputs_is_a_usage_error(tmp_path: Path, bpjs_data) -> None:
    a = write_yaml(tmp_path / "a.yaml", bpjs_data)
    b = write_yaml(tmp_path / "b.yaml", bpjs_data)
    result = invoke("render", a, b, "-o", tmp_path / "x.docx")
    assert result.exit_code == 2
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.parametrize("fmt", ["docx", "md", "html"])
def test_render_twice_is_byte_identical(fmt: str, tmp_path: Path, bpjs_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / f"1.{fmt}", tmp_path / f"2.{fmt}"
    assert invoke("render", bpjs_path, "-o", first, "--format", fmt).exit_code == 0
    later = time.time() + 40 * 86400  # a clock that has moved on: no timestamp may leak in
    monkeypatch.setattr(time, "time", lambda: later)
    assert invoke("render", bpjs_path, "-o", second, "--format", fmt).exit_code == 0
    data = first.read_bytes()
    assert len(data) > 1000
    assert data == second.read_bytes()


_RENDER_ALL = """
import sys
from pathlib import Path
from drafting.load import load_agreement
from drafting.pipeline import build, render
doc = build(load_agreement(sys.argv[1]))
for fmt in ("docx", "md", "html"):
    Path(sys.argv[2], "out." + fmt).write_bytes(render(doc, fmt))
"""


def test_render_is_identical_across_processes(tmp_path: Path, bpjs_path: Path) -> None:
    """Another hash seed (set and dict-of-set order) must not change a byte."""
    outputs = []
    for seed in ("1", "4242"):
        out = tmp_path / seed
        out.mkdir()
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", _RENDER_ALL, str(bpjs_path), str(out)], env=env, cwd=ROOT,
                       check=True, timeout=120)
        outputs.append({p.name: p.read_bytes() for p in out.iterdir()})
    assert sorted(outputs[0]) == ["out.docx", "out.html", "out.md"]
    assert outputs[0] == outputs[1]


# --- schema and clauses --------------------------------------------------------------------

def test_schema_is_json_with_parties() -> None:
    result = invoke("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert "parties" in schema["properties"]
    assert {"kind", "tentang", "parties"} <= set(schema["required"])
    assert schema["properties"]["parties"]["type"] == "array"


def test_clauses_lists_every_file_in_the_library() -> None:
    result = invoke("clauses")
    assert result.exit_code == 0
    files = sorted(p.stem for p in CLAUSES_DIR.glob("*.yaml"))
    assert len(files) >= 20
    listed = [line for line in result.stdout.splitlines() if line and not line.startswith(" ")]
    assert listed == files
    assert "  judul   : PENYELESAIAN PERSELISIHAN" in result.stdout
    assert "  varian  : default, pengadilan" in result.stdout


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert ", versi 0." in result.stdout  # the program name is the console script's (CliRunner: "main")


# --- output: never over an input, the format of its suffix, errors of the file system ------------

def test_the_format_follows_the_suffix_of_the_output(tmp_path: Path, bpjs_path: Path) -> None:
    assert invoke("render", bpjs_path, "-o", tmp_path / "naskah.md").exit_code == 0
    markdown = (tmp_path / "naskah.md").read_text(encoding="utf-8")
    # the title block's lines are bold paragraphs, not headings; the Pasal are the headings
    assert markdown.startswith("**PERJANJIAN KERJA SAMA**\n\n**ANTARA**\n\n")
    assert [line for line in markdown.splitlines() if line.startswith("#")][0] == "## **Pasal 1**"
    assert invoke("render", bpjs_path, "-o", tmp_path / "NASKAH.DOCX").exit_code == 0
    assert (tmp_path / "NASKAH.DOCX").read_bytes()[:2] == b"PK"
    assert invoke("render", bpjs_path, "-o", tmp_path / "n.html", "--format", "html").exit_code == 0


def test_two_inputs_with_one_target_are_refused_before_anything_is_written(tmp_path: Path, bpjs_data) -> None:
    a = write_yaml(tmp_path / "a.yaml", bpjs_data)
    b = tmp_path / "a.json"
    b.write_text(json.dumps(bpjs_data, default=str), encoding="utf-8")
    result = invoke("render", a, b, "--out-dir", tmp_path / "keluar")
    assert result.exit_code == 2 and "akan ditulis ke berkas yang sama" in result.stderr
    assert not (tmp_path / "keluar").exists()


def test_an_input_of_the_same_run_is_never_a_target(tmp_path: Path, bpjs_data) -> None:
    """``render a.yaml a.docx``, where a.docx holds YAML: a.yaml's DOCX would replace the other input."""
    a = write_yaml(tmp_path / "a.yaml", bpjs_data)
    other = write_yaml(tmp_path / "a.docx", bpjs_data)
    before = other.read_bytes()
    result = invoke("render", a, other)
    assert result.exit_code == 2 and "isian tidak pernah ditimpa" in result.stderr
    assert other.read_bytes() == before


def test_a_symlink_to_the_input_is_the_input(tmp_path: Path, bpjs_data) -> None:
    src = write_yaml(tmp_path / "a.yaml", bpjs_data)
    (tmp_path / "a.docx").symlink_to(src)
    result = invoke("render", src)
    assert result.exit_code == 2 and "isian tidak pernah ditimpa" in result.stderr
    assert yaml.safe_load(src.read_text(encoding="utf-8"))["tentang"] == bpjs_data["tentang"]


@pytest.mark.parametrize("error, words", [(PermissionError(13, "Permission denied"), "izin ditolak"),
                                          (OSError(30, "Read-only file system"), "sistem berkas hanya dapat dibaca"),
                                          (OSError(28, "No space left on device"), "ruang penyimpanan penuh")])
def test_a_folder_that_cannot_be_written(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, bpjs_path: Path,
                                         error: OSError, words: str) -> None:
    """Root writes into a read-only folder anyway: the operating system's refusal is simulated
    where the temporary file is written (the catalogue has a real one, /sys)."""
    import drafting.output

    def refuse(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(drafting.output.os, "fsync", refuse)
    out = tmp_path / "keluar" / "naskah.docx"
    result = invoke("render", bpjs_path, "-o", out)
    assert result.exit_code == 2
    assert result.stderr == f"{out}: tidak dapat ditulis: {words}\n"
    assert list((tmp_path / "keluar").iterdir()) == []  # the temporary file is gone too


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder")
def test_a_read_only_folder(tmp_path: Path, bpjs_path: Path) -> None:
    folder = tmp_path / "baca_saja"
    folder.mkdir(mode=0o555)
    result = invoke("render", bpjs_path, "-o", folder / "naskah.docx")
    assert result.exit_code == 2 and result.stderr.endswith("tidak dapat ditulis: izin ditolak\n")


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_output_dash_writes_the_naskah_to_standard_output(fmt: str, tmp_path: Path, bpjs_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """``-o -``: for a pipe. The same bytes as the file, the messages on stderr, nothing written."""
    monkeypatch.chdir(tmp_path)
    piped = invoke("render", bpjs_path, "-o", "-", "--format", fmt)
    filed = invoke("render", bpjs_path, "-o", tmp_path / f"naskah.{fmt}")
    assert piped.exit_code == 0 and filed.exit_code == 0, piped.output
    assert piped.stdout_bytes == (tmp_path / f"naskah.{fmt}").read_bytes()
    assert piped.stderr.endswith("ditulis: -\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"naskah.{fmt}"]


def test_output_dash_onto_a_full_disk_is_a_message(tmp_path: Path, bpjs_path: Path) -> None:
    """In a child process: its standard output is /dev/full, as a shell's ``> /dev/full`` makes it."""
    with open("/dev/full", "wb") as full:
        done = subprocess.run([str(Path(sys.executable).parent / "drafting"), "render", str(bpjs_path), "-o", "-",
                               "--format", "md"], stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.endswith("-: tidak dapat ditulis: ruang penyimpanan penuh\n"), done.stderr
