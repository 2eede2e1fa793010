"""A unit's own library: clauses and templates in folders of the shipped layout, which override or
add to the shipped ones (--library, or the input's ``library`` relative to the input file), are
checked as strictly as the shipped (an error names the file and the line), and are honoured by
every command that renders: render, check, batch and renew through the registry, the web form."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from drafting import library
from drafting.cli import main
from drafting.errors import InputError, LibraryError
from drafting.layout import plain_text, signature_text
from drafting.load import load_agreement, validate
from drafting.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
UNIT = ROOT / "examples" / "pustaka-unit"
UNIVERSITAS = ROOT / "examples" / "pks_kanim_universitas.yaml"


class _Dumper(yaml.SafeDumper):
    """Texts of several lines as block scalars (``|``), as a drafter writes them."""


_Dumper.add_representer(str, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", v, style="|" if "\n" in v else None))


def write(path: Path, data: dict[str, Any] | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else
                    yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def clause(cid: str, text: str, **kw: Any) -> dict[str, Any]:
    return {"id": cid, "title": cid.upper().replace("_", " "), "kinds": ["perjanjian_kerja_sama", "nota_kesepahaman"],
            "summary": "uji", **kw, "variants": {"default": text}}


def problem_lines(exc: pytest.ExceptionInfo[LibraryError]) -> list[str]:
    return [line.strip() for line in str(exc.value).splitlines()[1:]]


@pytest.fixture
def unit(tmp_path: Path) -> Path:
    """A unit library: its own Kerahasiaan, a new Pasal in its own PKS template."""
    lib = tmp_path / "pustaka"
    write(lib / "clauses" / "kerahasiaan.yaml",
          clause("kerahasiaan", "{{ para_pihak }} menjaga kerahasiaan data menurut standar unit.", title="KERAHASIAAN"))
    write(lib / "clauses" / "sosialisasi.yaml",
          clause("sosialisasi", "[#jadwal] {{ para_pihak }} menyelenggarakan sosialisasi.\n"
                                "Sosialisasi sebagaimana dimaksud {{ ref(\"jadwal\") }} dilaporkan."))
    tpl = yaml.safe_load((library.TEMPLATES_DIR / "perjanjian_kerja_sama" / "template.yaml").read_text())
    tpl["pasal"].insert(tpl["pasal"].index("kerahasiaan") + 1, "sosialisasi")
    write(lib / "templates" / "perjanjian_kerja_sama" / "template.yaml", tpl)
    return lib


def pasal(doc, title: str) -> list[str]:
    lines = plain_text(doc).splitlines()
    i = lines.index(title)
    return lines[i + 1:i + 3]


# --- override and add ----------------------------------------------------------------------

def test_a_unit_clause_overrides_a_shipped_one_and_adds_a_new_one(unit: Path, bpjs_data) -> None:
    doc = build(validate(bpjs_data), libraries=(unit,))
    titles = [s.title for s in doc.pasal]
    assert titles[titles.index("KERAHASIAAN") + 1] == "SOSIALISASI"
    assert pasal(doc, "KERAHASIAAN")[0] == "PARA PIHAK menjaga kerahasiaan data menurut standar unit."
    assert pasal(doc, "SOSIALISASI") == ["(1) PARA PIHAK menyelenggarakan sosialisasi.",
                                         "(2) Sosialisasi sebagaimana dimaksud pada ayat (1) dilaporkan."]
    # without the library: the shipped text
    shipped = build(validate(bpjs_data))
    assert "SOSIALISASI" not in [s.title for s in shipped.pasal]
    assert "standar unit" not in plain_text(shipped)


def test_the_input_names_its_library_relative_to_the_input_file(unit: Path, bpjs_data, tmp_path: Path) -> None:
    bpjs_data["library"] = "pustaka"
    source = write(tmp_path / "naskah.yaml", bpjs_data)
    agreement = load_agreement(source)
    assert agreement.library == [str(unit.resolve())]  # made absolute: a registry or batch renders it alike
    assert "SOSIALISASI" in [s.title for s in build(agreement).pasal]


def test_a_library_that_is_not_there_is_an_input_error(bpjs_data, tmp_path: Path) -> None:
    bpjs_data["library"] = "tidak-ada"
    with pytest.raises(InputError) as exc:
        build(load_agreement(write(tmp_path / "naskah.yaml", bpjs_data)))
    assert exc.value.problems[0].path == "library[0]"


def test_later_folders_win(unit: Path, bpjs_data, tmp_path: Path) -> None:
    second = tmp_path / "kanwil"
    write(second / "clauses" / "kerahasiaan.yaml",
          clause("kerahasiaan", "Kerahasiaan menurut Kanwil.", title="KERAHASIAAN"))
    doc = build(validate(bpjs_data), libraries=(unit, second))
    assert pasal(doc, "KERAHASIAAN")[0] == "Kerahasiaan menurut Kanwil."


def test_front_matter_and_words_are_overridable_too(bpjs_data, tmp_path: Path) -> None:
    lib = tmp_path / "pustaka"
    shipped = yaml.safe_load((library.CLAUSES_DIR / "pengantar.yaml").read_text())
    shipped["variants"]["default"] = "Maka PARA PIHAK bersepakat sebagai berikut:"
    write(lib / "clauses" / "pengantar.yaml", shipped)
    words = yaml.safe_load((library.TEMPLATES_DIR / "kata.yaml").read_text()) | {"pasal": "PASAL"}
    write(lib / "templates" / "kata.yaml", words)
    text = plain_text(build(validate(bpjs_data), libraries=(lib,)))
    assert "Maka PARA PIHAK bersepakat sebagai berikut:" in text.splitlines()
    assert "PASAL 1" in text.splitlines() and "Pasal 1" not in text.splitlines()


def test_libraries_are_read_once_per_set_of_folders(unit: Path, tmp_path: Path) -> None:
    assert library.load(library.with_shipped([unit])) is library.load(library.with_shipped([unit]))
    assert library.load(library.with_shipped([unit])) is not library.shipped()


def test_a_unit_clause_runs_in_the_sandbox(bpjs_data, tmp_path: Path) -> None:
    lib = tmp_path / "pustaka"
    write(lib / "clauses" / "kerahasiaan.yaml",
          clause("kerahasiaan", "{{ a.__class__.__mro__ }}", title="KERAHASIAAN"))
    with pytest.raises(LibraryError) as exc:
        build(validate(bpjs_data), libraries=(lib,))
    assert "kerahasiaan" in str(exc.value) and "__class__" in str(exc.value)


# --- a broken library is refused with file and line ----------------------------------------

def test_unknown_input_path_in_requires(tmp_path: Path) -> None:
    lib = tmp_path / "pustaka"
    path = write(lib / "clauses" / "sosialisasi.yaml",
                 clause("sosialisasi", "Isi.", requires=["parties.*.pejabat_penghubung", "partis.*.nama"]))
    with pytest.raises(LibraryError) as exc:
        library.load(library.with_shipped([lib]))
    line = next(i for i, t in enumerate(path.read_text().splitlines(), 1) if "partis" in t)
    assert problem_lines(exc) == [f"- {path}, baris {line}: 'requires' menyebut isian yang tidak ada: "
                                  f"'partis.*.nama' (lihat 'drafting schema')"]


def test_reference_to_a_missing_clause_and_a_missing_anchor(tmp_path: Path) -> None:
    lib = tmp_path / "pustaka"
    text = "Isi.\nSebagaimana dimaksud {{ ref(\"jangka_wakt\") }}.\nLihat {{ nomor(\"jangka_waktu.tidak_ada\") }}."
    path = write(lib / "clauses" / "sosialisasi.yaml", clause("sosialisasi", text))
    with pytest.raises(LibraryError) as exc:
        library.load(library.with_shipped([lib]))
    first = next(i for i, t in enumerate(path.read_text().splitlines(), 1) if t.strip() == "Isi.")
    assert problem_lines(exc) == [
        f"- {path}, baris {first + 1}: ref(\"jangka_wakt\"): tidak ada klausul atau tanda [#…] bernama demikian",
        f"- {path}, baris {first + 2}: nomor(\"jangka_waktu.tidak_ada\"): klausul 'jangka_waktu' tidak mempunyai "
        f"tanda [#tidak_ada]"]


def test_a_template_naming_a_variant_or_clause_that_does_not_exist(tmp_path: Path) -> None:
    lib = tmp_path / "pustaka"
    tpl = yaml.safe_load((library.TEMPLATES_DIR / "perjanjian_kerja_sama" / "template.yaml").read_text())
    tpl["pasal"][tpl["pasal"].index("kerahasiaan")] = {"kerahasiaan": {"variant": "ketat"}}
    tpl["pasal"].append("tidak_ada")
    path = write(lib / "templates" / "perjanjian_kerja_sama" / "template.yaml", tpl)
    lines = path.read_text().splitlines()
    with pytest.raises(LibraryError) as exc:
        library.load(library.with_shipped([lib]))
    variant_line = next(i for i, t in enumerate(lines, 1) if "kerahasiaan:" in t)
    missing_line = next(i for i, t in enumerate(lines, 1) if "tidak_ada" in t)
    assert problem_lines(exc) == [
        f"- {path}, baris {variant_line}: varian 'ketat' tidak ada untuk klausul 'kerahasiaan'; yang ada: default",
        f"- {path}, baris {missing_line}: klausul 'tidak_ada' tidak ada dalam pustaka"]


def test_jinja_syntax_error_and_unknown_field(tmp_path: Path) -> None:
    lib = tmp_path / "pustaka"
    bad = write(lib / "clauses" / "sosialisasi.yaml", clause("sosialisasi", "Satu.\nDua {% if %}.\n"))
    extra = write(lib / "clauses" / "lain.yaml", clause("lain", "Isi.", judul="X"))
    with pytest.raises(LibraryError) as exc:
        library.load(library.with_shipped([lib]))
    second = next(i for i, t in enumerate(bad.read_text().splitlines(), 1) if "Dua" in t)
    judul = next(i for i, t in enumerate(extra.read_text().splitlines(), 1) if t.startswith("judul"))
    got = problem_lines(exc)
    assert got[0].startswith(f"- {extra}, baris {judul}: klausul tidak sah: judul:")
    assert got[1].startswith(f"- {bad}, baris {second}: teks varian 'default' tidak sah:")


def test_a_variant_the_input_names_must_exist_in_the_unit_clause(unit: Path, bpjs_data) -> None:
    bpjs_data["clauses"] = {"variants": {"kerahasiaan": "ketat"}}
    with pytest.raises(InputError) as exc:
        build(validate(bpjs_data), libraries=(unit,))
    assert exc.value.problems[0].path == "clauses.variants.kerahasiaan"
    assert "pilih salah satu: default" in exc.value.problems[0].message


def test_a_line_role_the_part_does_not_have(tmp_path: Path) -> None:
    lib = tmp_path / "pustaka"
    path = write(lib / "clauses" / "sosialisasi.yaml", clause("sosialisasi", "[.nomor] Isi."))
    with pytest.raises(LibraryError) as exc:
        library.load(library.with_shipped([lib]))
    assert problem_lines(exc)[0].startswith(f"- {path}, baris ")
    assert "peran baris '[.nomor]' tidak dikenal" in problem_lines(exc)[0]


# --- every command honours it --------------------------------------------------------------

def test_cli_render_and_check_with_library(unit: Path, bpjs_path: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "n.md"
    result = runner.invoke(main, ["render", str(bpjs_path), "--format", "md", "-o", str(out), "--library", str(unit)])
    assert result.exit_code == 0, result.output
    assert "menurut standar unit" in out.read_text()
    result = runner.invoke(main, ["check", str(bpjs_path), "--library", str(unit), "--json"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["clauses", "--library", str(unit)])
    assert "sosialisasi" in result.output and library.shown(unit / "clauses" / "sosialisasi.yaml") in result.output


def test_cli_reports_a_broken_library_with_file_and_line(tmp_path: Path, bpjs_path: Path) -> None:
    lib = tmp_path / "pustaka"
    path = write(lib / "clauses" / "sosialisasi.yaml", clause("sosialisasi", "Isi {{ ref(\"tidak_ada\") }}."))
    result = CliRunner().invoke(main, ["render", str(bpjs_path), "-o", str(tmp_path / "n.docx"), "--library", str(lib)])
    assert result.exit_code == 1
    assert f"{path}, baris" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "n.docx").exists()


def test_the_example_uses_the_unit_library(tmp_path: Path) -> None:
    doc = build(load_agreement(UNIVERSITAS))
    assert "KEWAJIBAN PENJAMIN ORANG ASING" in [s.title for s in doc.pasal]
    assert signature_text(doc.signatories[0])[1] == "KEPALA KANTOR IMIGRASI KELAS I TPI YOGYAKARTA,"


def test_batch_and_renew_from_the_registry_honour_the_library(tmp_path: Path) -> None:
    from drafting.registry.batch import run_batch
    from drafting.registry.db import open_registry
    from drafting.registry.queries import Filter
    from drafting.registry.records import register

    copy = tmp_path / "unit"
    shutil.copytree(UNIT, copy / "pustaka-unit")
    source = copy / "naskah.yaml"
    shutil.copy(UNIVERSITAS, source)
    sessions = open_registry(tmp_path / "r.db")
    with sessions.begin() as s:
        register(s, load_agreement(source))
    outcomes = run_batch(sessions, Filter(), tmp_path / "out", workers=1, show_progress=False)
    assert [o.status for o in outcomes] == ["written"], outcomes
    runner = CliRunner()
    md = tmp_path / "n.md"
    source.unlink()  # the registry has the input, with its library folder made absolute
    stored = json.loads(sessions().execute(__import__("sqlalchemy").text("select input_json from agreements")).scalar())
    assert stored["library"] == [str((copy / "pustaka-unit").resolve())]
    write(md.with_suffix(".yaml"), stored)
    assert runner.invoke(main, ["render", str(md.with_suffix(".yaml")), "--format", "md", "-o", str(md)]).exit_code == 0
    assert "KEWAJIBAN PENJAMIN ORANG ASING" in md.read_text()


def test_web_honours_only_the_libraries_it_offers(bpjs_data, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from drafting.web.app import create_app

    client = TestClient(create_app(), base_url="http://127.0.0.1:8000")  # the server answers its own address only
    example = client.get("/api/examples/pks_kanim_universitas").json()
    assert example["library"] == "pustaka-unit"
    shown = client.post("/api/preview", json=example).json()
    assert "KEWAJIBAN PENJAMIN ORANG ASING" in shown["html"]
    bpjs_data["library"] = "/etc"
    refused = client.post("/api/preview", json=json.loads(json.dumps(bpjs_data, default=str)))
    assert refused.status_code == 422
    assert refused.json()["problems"][0]["path"] == "library[0]"
    # a library given to drafting serve --library may be named by its folder name
    lib = tmp_path / "pustaka"
    write(lib / "clauses" / "kerahasiaan.yaml",
          clause("kerahasiaan", "Kerahasiaan menurut unit di server.", title="KERAHASIAAN"))
    served = TestClient(create_app(libraries=(lib,)), base_url="http://127.0.0.1:8000")
    bpjs_data["library"] = "pustaka"
    shown = served.post("/api/preview", json=json.loads(json.dumps(bpjs_data, default=str))).json()
    assert "Kerahasiaan menurut unit di" in shown["html"]
