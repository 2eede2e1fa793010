"""Everything the command line says is Indonesian, click's own words included (cli_messages.py):
help texts and headings, usage errors, --version; and every sentence click can print has a
translation, so that a click release with new sentences fails here rather than in front of a
drafter."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest

from drafting import cli_messages

from .conftest import ROOT

# English that click prints when a sentence or word is left untranslated.
ENGLISH = ["Usage", "Options", "Commands", "Show this", "Show the", "Error", "Missing", "No such", "Try ",
           "is a directory", "is a file", "does not exist", "not one of", "default:", "required", "Invalid value",
           "[OPTIONS]", "COMMAND", "ARGS", "TEXT", "INTEGER", "PATH", ", version", "Did you mean", "Got unexpected",
           "requires an argument", "Aborted", "is not a valid", "env var", "Errno", "No such file"]


def click_sentences() -> set[str]:
    """Every literal that click passes to gettext (``_``) or ``ngettext``, read from its source."""
    found: set[str] = set()
    folder = Path(click.__file__).parent
    for name in cli_messages.MODULES:
        path = folder / f"{name}.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
                found.update(a.value for a in node.args[:2] if isinstance(a, ast.Constant) and isinstance(a.value, str))
    return found


def test_every_sentence_click_can_print_has_a_translation() -> None:
    sentences = click_sentences()
    assert len(sentences) > 60  # the reading found them (click 8.x has about 70)
    assert sentences <= set(cli_messages.CATALOGUE), sorted(sentences - set(cli_messages.CATALOGUE))


def test_translations_keep_their_placeholders() -> None:
    placeholder = re.compile(r"\{[^}]*\}|%\([^)]*\)s")
    for english, indonesian in cli_messages.CATALOGUE.items():
        assert sorted(placeholder.findall(indonesian)) == sorted(placeholder.findall(english)), english


# Run in a new interpreter that imports the command as its console script does, so that the
# translation is installed in the real order (before the commands are declared).
_RUN = """
import json, sys
from click.testing import CliRunner
from drafting.cli import main
out = []
for args in json.loads(sys.argv[1]):
    r = CliRunner().invoke(main, args, prog_name="drafting")
    out.append({"args": args, "code": r.exit_code, "out": r.output})
print(json.dumps(out))
"""

INVOCATIONS = [
    ["--help"], ["--version"], ["render", "--help"], ["check", "--help"], ["schema", "--help"], ["serve", "--help"],
    ["registry", "--help"], ["registry", "list", "--help"], ["registry", "import", "--help"], ["renew", "--help"],
    ["batch", "--help"], ["render"], ["rendr", "x.yaml"], ["render", "--format", "exe", "x.yaml"],
    ["render", "-o", ".", "x.yaml"], ["render", "--out-dir", "pyproject.toml", "x.yaml"],
    ["render", "--nope", "x.yaml"], ["render", "-o"], ["serve", "--port", "0"], ["serve", "--port", "abc"],
    ["registry", "list", "--as-of", "kemarin"], ["registry", "list", "--kind", "x"], ["renew"], ["registry"],
    ["check"], ["registry", "import", "tidak_ada.csv"],
]


@pytest.fixture(scope="module")
def outputs() -> list[dict[str, object]]:
    done = subprocess.run([sys.executable, "-c", _RUN, json.dumps(INVOCATIONS)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, check=True)
    return json.loads(done.stdout)


@pytest.mark.parametrize("index", range(len(INVOCATIONS)), ids=[" ".join(a) or "-" for a in INVOCATIONS])
def test_the_command_line_speaks_indonesian(outputs: list[dict[str, object]], index: int) -> None:
    result = outputs[index]
    text = str(result["out"])
    assert text.strip()
    assert [word for word in ENGLISH if word in text] == [], text
    if "--help" not in result["args"] and "--version" not in result["args"] and result["args"] != ["registry"]:
        assert result["code"] == 2, text


def test_help_and_usage_words(outputs: list[dict[str, object]]) -> None:
    by_args = {" ".join(o["args"]): str(o["out"]) for o in outputs}  # type: ignore[arg-type]
    assert by_args["--help"].startswith("Penggunaan: drafting [OPSI] PERINTAH [ARGUMEN]...")
    assert "Tampilkan pesan ini lalu keluar." in by_args["--help"] and "Perintah:" in by_args["--help"]
    assert by_args["--version"].startswith("drafting, versi ")
    assert "Lihat 'drafting render --help' untuk bantuan." in by_args["render"]
    assert "Galat: Argumen belum diberikan 'INPUT...'." in by_args["render"]
    assert "Tidak ada perintah 'rendr'." in by_args["rendr x.yaml"]
    assert "adalah folder, bukan berkas" in by_args["render -o . x.yaml"]
    assert "[bawaan: 8000; 1<=x<=65535]" in by_args["serve --help"]
    assert "'abc' bukan bilangan yang sah" in by_args["serve --port abc"]
