"""No word of a naskah is written in Python: every word comes from the library (clauses,
templates, templates/kata.yaml) or from the input, and Python supplies only values (numbers and
dates in words, names, the party labels).

The test renders every example with a copy of the shipped library in which every word of every
clause text, Pasal title, naskah name and numbering word is replaced by "zz". What is left in
the document that is not "zz" must then be a word of the input, a word of a string constant in a
clause's Jinja (library text too), or a value: terbilang, a day or month name, a party label.
A phrase typed in a Python module ("Pada hari ini", "NOMOR :", "Meterai Rp10.000", "Pasal")
would survive the replacement and fail the test.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jinja2
import pytest
import yaml

from drafting import library
from drafting.layout import plain_text, signature_text
from drafting.load import load_agreement
from drafting.pipeline import build
from drafting.terbilang import BULAN, HARI, ordinal, terbilang

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
WORD = re.compile(r"[^\W\d_]+")
# What the outline reads as structure, kept as it is: list markers, anchors, line roles.
_STRUCTURE = re.compile(r"^[ \t]*[-+](?:\[[^\]\n]*\])? |\[#[a-z0-9_]*\]?|\[\.[a-z]+\]", re.MULTILINE)
_LEXER = jinja2.Environment(lstrip_blocks=True)


def _zz_words(text: str) -> str:
    return WORD.sub("zz", text)


def _zz_data(text: str) -> str:
    """Every word of text outside markup structure replaced by zz."""
    out, pos = [], 0
    for m in _STRUCTURE.finditer(text):
        out += [_zz_words(text[pos:m.start()]), m.group()]
        pos = m.end()
    return "".join(out + [_zz_words(text[pos:])])


def _zz_template(source: str, constants: set[str]) -> str:
    """The Jinja source with the words of its literal text replaced; its string constants (choices
    compared with input values, and printed words) kept, and collected in ``constants``."""
    out = []
    for _, kind, value in _LEXER.lex(source):
        if kind == "data":
            out.append(_zz_data(value))
        else:
            if kind == "string":
                constants.update(w.lower() for w in WORD.findall(value))
            out.append(value)
    return "".join(out)




def zz_library(tmp: Path) -> tuple[Path, set[str]]:
    constants: set[str] = set()
    (tmp / "clauses").mkdir()
    for path in sorted(library.CLAUSES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["variants"] = {k: _zz_template(v, constants) for k, v in data["variants"].items()}
        if data.get("title"):
            data["title"] = _zz_words(data["title"])
        (tmp / "clauses" / path.name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    for path in sorted(library.TEMPLATES_DIR.glob("*/template.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["naskah"] = _zz_words(data["naskah"])
        (tmp / "templates" / path.parent.name).mkdir(parents=True)
        (tmp / "templates" / path.parent.name / "template.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    words = yaml.safe_load((library.TEMPLATES_DIR / "kata.yaml").read_text(encoding="utf-8"))
    (tmp / "templates" / "kata.yaml").write_text(yaml.safe_dump({k: "zz" for k in words}), encoding="utf-8")
    return tmp, constants


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


VALUES = ({w.lower() for n in [*range(0, 101), 1000, 1001, 2000, 2023, 2024, 2025, 2026, 2027]
           for w in WORD.findall(terbilang(n))}
          | {w.lower() for name in HARI + BULAN for w in WORD.findall(name)}
          | {"pihak", "para"} | {ordinal(n) for n in range(1, 7)} | {"kesatu", "rp", "rupiah", "zz"}
          | set("abcdefghijklmnopqrstuvwxyz"))  # list labels: a., b), huruf c


def stray_words(example: Path, lib: Path, constants: set[str]) -> set[str]:
    """The words of the example's document, rendered with the zz library, that are neither zz, nor
    a value, nor from the input, nor a string constant of the library."""
    agreement = load_agreement(example)
    doc = build(agreement, libraries=(lib,))
    text = "\n".join([plain_text(doc)] + [line for s in doc.signatories for line in signature_text(s)])
    assert "zz" in text  # the replaced library was used
    given = {w.lower() for s in _strings(agreement.model_dump(mode="json")) for w in WORD.findall(s)}
    return {w for w in WORD.findall(text) if w.lower() not in VALUES | given | constants}


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_word_comes_from_the_library_or_the_input(example: Path, tmp_path: Path) -> None:
    stray = stray_words(example, *zz_library(tmp_path))
    assert not stray, f"words not from the library or the input: {sorted(stray)}"


def test_the_check_sees_a_phrase_written_in_python(tmp_path: Path, monkeypatch) -> None:
    """The test above can fail: a label that Python wrote with a word of its own is caught."""
    from drafting import assemble

    monkeypatch.setattr(assemble.Helpers, "label", lambda self, n: f"PIHAK PENANDATANGAN {n}")
    assert stray_words(EXAMPLES[0], *zz_library(tmp_path)) == {"PENANDATANGAN"}
