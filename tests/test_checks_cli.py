"""``drafting check`` and the checks inside ``drafting render``: output, JSON, exit status, and
nothing written on an error unless --force."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner

from drafting.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.yaml"))


def run(*args: str | Path):
    return CliRunner().invoke(main, [str(a) for a in args])


def write(tmp_path: Path, data: dict[str, Any], name: str = "naskah.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def without_nk(data: dict[str, Any]) -> dict[str, Any]:
    del data["nota_kesepahaman"]  # a PKS with neither a Nota Kesepahaman nor a technical basis: an error
    del data["signing"]["date"]  # under Permen 8/2025, which asks for one (the example was signed in 2023)
    data["renewal"]["biro_recommendation"] = "Surat Nomor ……………"
    return data


def test_check_examples_exit_0() -> None:
    result = run("check", *EXAMPLES)
    assert result.exit_code == 0, result.output
    assert "examples/pks_kanim_pemkab.yaml: 0 galat, 0 peringatan, 0 info" in result.output.replace("\\", "/")


def test_check_error_exit_1_with_rule_place_and_article(tmp_path: Path, bpjs_data) -> None:
    result = run("check", write(tmp_path, without_nk(bpjs_data)))
    assert result.exit_code == 1
    assert ("[galat] nota_kesepahaman: Perjanjian Kerja Sama menjabarkan Nota Kesepahaman" in result.output
            and "(Permen 8/2025 Pasal 6 dan Pasal 7 ayat (1)) [pks_basis]" in result.output)


def test_check_json(tmp_path: Path, bpjs_data) -> None:
    result = run("check", "--json", write(tmp_path, without_nk(bpjs_data)), FIXTURES / "pks_bpjs_2023_seed003.txt")
    assert result.exit_code == 1
    reports = json.loads(result.stdout)
    assert [Path(r["input"]).name for r in reports] == ["naskah.yaml", "pks_bpjs_2023_seed003.txt"]
    finding = next(f for f in reports[0]["findings"] if f["rule"] == "pks_basis")
    assert finding == {"rule": "pks_basis", "severity": "error", "severity_word": "galat", "message": finding["message"],
                       "place": "nota_kesepahaman", "source": "Permen 8/2025 Pasal 6 dan Pasal 7 ayat (1)",
                       "line": None}  # the key is absent: no line to point at
    assert {"rule": "pasal_numbering", "place": "Pasal 14–16"}.items() <= reports[1]["findings"][0].items()
    # the rule set, once per input; the severity words of the text report, mapped in --help
    assert reports[1]["rule_set"].startswith("naskah: Perjanjian Kerja Sama, dalam negeri, ditandatangani 19 Juni 2023")
    assert reports[1]["skipped"]["signer_authority"] == "memerlukan isian (YAML/JSON)"
    assert {f["severity"] for r in reports for f in r["findings"]} <= {"error", "warning", "info"}


def test_json_names_each_severity_as_the_text_does(tmp_path: Path, bpjs_data) -> None:
    """The word of the text report's '[galat]' is in the JSON too, finding by finding."""
    source = write(tmp_path, without_nk(bpjs_data))
    text = run("check", source).output
    [report] = json.loads(run("check", "--json", source).stdout)
    assert report["findings"]
    for f in report["findings"]:
        assert {"error": "galat", "warning": "peringatan", "info": "info"}[f["severity"]] == f["severity_word"]
        assert f"[{f['severity_word']}] {f['place']}" in text


def test_check_help_says_severities_and_exit_status() -> None:
    text = " ".join(run("check", "--help").output.split())
    for words in ("galat / error", "peringatan / warning", "info / info", "Status keluar: 0 tanpa galat; 1 ada galat; 2",
                  "Permen 8/2025", "22 Mei 2025"):
        assert words in text


def test_check_names_the_yaml_line_of_a_field(tmp_path: Path, bpjs_data) -> None:
    bpjs_data = without_nk(bpjs_data)
    bpjs_data["technical_basis"] = "Kerja sama bersifat teknis semata."
    bpjs_data["parties"][1]["representative"]["position"] = "Kepala Kantor Wilayah Bali"
    source = write(tmp_path, bpjs_data)
    line = next(i for i, text in enumerate(source.read_text(encoding="utf-8").splitlines(), 1)
                if "Kepala Kantor Wilayah Bali" in text)
    result = run("check", source)
    assert f"[galat] parties[1].representative.position (baris {line}): " in result.output


def test_check_unreadable_input_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "rusak.yaml"
    bad.write_text("kind: [", encoding="utf-8")
    result = run("check", bad)
    assert result.exit_code == 2 and "YAML tidak sah" in result.output and "Traceback" not in result.output
    assert run("check", tmp_path / "tidak_ada.docx").exit_code == 2


def test_render_refuses_to_write_on_error(tmp_path: Path, bpjs_data) -> None:
    source = write(tmp_path, without_nk(bpjs_data))
    result = run("render", source)
    assert result.exit_code == 1
    assert "tidak ditulis" in result.output and "[pks_basis]" in result.output
    assert not source.with_suffix(".docx").exists()


def test_render_force_writes_and_says_so(tmp_path: Path, bpjs_data) -> None:
    source = write(tmp_path, without_nk(bpjs_data))
    result = run("render", "--force", source, "--format", "md")
    assert result.exit_code == 0, result.output
    assert "ditulis meskipun ada galat (--force)" in result.output
    assert source.with_suffix(".md").read_text(encoding="utf-8").startswith("**PERJANJIAN KERJA SAMA**\n\n**ANTARA**")


def test_render_writes_with_warnings_shown(tmp_path: Path, bpjs_data) -> None:
    bpjs_data["renewal"]["end_date"] = "2023-01-01"
    source = write(tmp_path, bpjs_data)
    result = run("render", source, "--format", "md")
    assert result.exit_code == 0, result.output
    assert "[peringatan] renewal.end_date" in result.output
    assert source.with_suffix(".md").exists()


def test_render_bad_input_still_exit_2_nothing_written(tmp_path: Path, bpjs_data) -> None:
    del bpjs_data["parties"][0]["representative"]["name"]
    source = write(tmp_path, bpjs_data)
    result = run("render", source)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "parties[0].representative.name" in result.output
    assert list(tmp_path.iterdir()) == [source]
