"""Start-up: ``drafting --help`` and the light commands do not import the registry, the web server
or the DOCX renderer (``cli.LAZY_COMMANDS``); every lazy command is found where its row says, and
the listing shows the row's line without importing it."""

from __future__ import annotations

import json
import subprocess
import sys

import click
import pytest

from drafting import cli

from .conftest import ROOT

HEAVY = ("sqlalchemy", "alembic", "fastapi", "starlette", "uvicorn", "docxtpl", "docx", "pypandoc", "pdfplumber",
         "openpyxl", "rich")

# Runs the command in a fresh interpreter and prints which packages it had imported by the end.
PROBE = ("import json, sys\nfrom drafting.cli import main\n"
         "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
         "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})), file=sys.stderr)")


def loaded(*args: str) -> set[str]:
    result = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, cwd=ROOT,
                            check=True)
    return set(json.loads(result.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize("args", [["--help"], ["schema"], ["render", "--help"], ["check", "--help"]])
def test_light_commands_import_nothing_heavy(args: list[str]) -> None:
    assert loaded(*args) & set(HEAVY) == set()


def test_bare_help_loads_neither_pydantic_nor_jinja() -> None:
    """``--help`` reads no model and no library: only click and the command table."""
    assert loaded("--help") & {"pydantic", "jinja2", "yaml", "drafting.model"} == set()


def test_checking_an_input_reads_no_word_pdf_or_pandoc() -> None:
    """An input is checked on its assembled paragraphs: no renderer, no reader of existing files."""
    example = ROOT / "examples" / "pks_bpjs_ketenagakerjaan_imigrasi.yaml"
    assert loaded("check", str(example)) & {"docx", "docxtpl", "pypandoc", "pdfplumber", "sqlalchemy"} == set()


def test_a_lazy_command_imports_its_stage_when_run() -> None:
    assert {"sqlalchemy", "rich"} <= loaded("registry", "--help")
    assert "fastapi" not in loaded("registry", "--help")


@pytest.mark.parametrize("name", sorted(cli.LAZY_COMMANDS))
def test_every_row_names_a_command(name: str) -> None:
    command = cli.main.get_command(click.Context(cli.main), name)
    assert isinstance(command, click.Command)
    module, attr = cli.LAZY_COMMANDS[name][0].split(":")
    assert command is getattr(sys.modules[module], attr)


def test_help_lists_every_command_with_its_line() -> None:
    result = subprocess.run([sys.executable, "-c", PROBE, "--help"], capture_output=True, text=True, cwd=ROOT)
    listing = " ".join(result.stdout.split())
    for name, (_, line) in cli.LAZY_COMMANDS.items():
        assert f"{name} {line}" in listing
    for name in ("render", "check", "schema", "clauses"):
        assert f" {name} " in listing


def test_an_unknown_command_is_still_refused_in_indonesian() -> None:
    result = subprocess.run([sys.executable, "-c", PROBE, "bogus"], capture_output=True, text=True, cwd=ROOT)
    assert "Tidak ada perintah 'bogus'" in result.stderr
