"""Property-based tests (hypothesis) over every text field of the input: whatever text a drafter
puts into one, ``drafting render`` either writes the naskah, with that text in it exactly as the
normalisation says (normalise.py), or refuses with exit status 2 and a message naming the field;
never a traceback, never a check error that the text itself caused, never a file that LibreOffice
cannot open.

A fixed number of examples and a derandomised search keep the run short and the same on every
CI run; ``HYPOTHESIS_PROFILE=deep`` runs many more."""

from __future__ import annotations

import copy
import io
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner
from docx.table import _Cell
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting import cli, pipeline
from drafting.checks.analysis import draft_paragraphs
from drafting.load import validate
from drafting.normalise import normalise

from .conftest import BPJS

settings.register_profile("ci", max_examples=60, derandomize=True, database=None, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.register_profile("deep", max_examples=2000, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")

BASE: dict[str, Any] = json.loads(json.dumps(__import__("yaml").safe_load(BPJS.read_text(encoding="utf-8")),
                                             default=str))
NOT_TEXT = {"kind", "mitra_type", "signer_level", "date", "end_date", "start", "end", "style", "clauses"}


def text_fields(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every free-text value of the example."""
    if isinstance(data, dict):
        return [p for k, v in data.items() if k not in NOT_TEXT for p in text_fields(v, path + (k,))]
    if isinstance(data, list):
        return [p for i, v in enumerate(data) for p in text_fields(v, path + (i,))]
    return [path] if isinstance(data, str) else []


FIELDS = text_fields(BASE)


def with_text(path: tuple[Any, ...], text: str) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = text
    return data


def dotted(path: tuple[Any, ...]) -> str:
    return "".join(f"[{k}]" if isinstance(k, int) else (f".{k}" if i else k) for i, k in enumerate(path))


def printed_fields() -> set[tuple[Any, ...]]:
    """The fields whose text the naskah prints (some, like a Biro recommendation or a place of
    signing the style leaves out, are only checked), found by marking each one."""
    data = copy.deepcopy(BASE)
    for i, path in enumerate(FIELDS):
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = f"Qx{i}x"  # short names must differ, and differ they do
    text = "\n".join(draft_paragraphs(pipeline.build(validate(data))))  # the signatures too
    return {path for i, path in enumerate(FIELDS) if f"Qx{i}x".casefold() in text.casefold()}


PRINTED = printed_fields()


def docx_words(data: bytes) -> str:
    d = docx.Document(io.BytesIO(data))
    cells = [_Cell(tc, t).text for t in d.tables for r in t.rows for tc in r._tr.tc_lst]
    return " ".join(" ".join(t.split()) for t in [p.text for p in d.paragraphs] + cells)


def test_the_example_has_many_text_fields_and_most_are_printed() -> None:
    assert len(FIELDS) > 60 and len(PRINTED) > 50
    assert ("tentang",) in PRINTED and ("parties", 1, "representative", "name") in PRINTED


# Any character but a lone surrogate (which no UTF-8 file can hold: test_catalogue refuses it in
# JSON), with the ones that have broken things before drawn more often.
TRICKY = "\x00\x01\x02\t\n\r \u00a0\u200b\u202e\ufeff\uffff*[]{}<>&\\#|-+_`~^'\"ıßǅ\u0301PASAL 1 "
TEXT = st.text(st.one_of(st.characters(blacklist_categories=("Cs",)), st.sampled_from(TRICKY)), max_size=40)


@settings(settings.get_profile(PROFILE))
@given(path=st.sampled_from(FIELDS), text=TEXT)
def test_any_text_in_any_field_renders_or_is_refused_by_name(path: tuple[Any, ...], text: str,
                                                             tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("prop")
    source = folder / "isian.json"
    source.write_text(json.dumps(with_text(path, text), ensure_ascii=True), encoding="utf-8")
    out = folder / "naskah.docx"
    result = CliRunner().invoke(cli.main, ["render", str(source), "-o", str(out)])
    assert "Traceback" not in result.output
    expected = normalise(text)
    if result.exit_code == 2:
        assert dotted(path) in result.stderr, result.stderr
        assert not out.exists()
        return
    assert result.exit_code == 0, result.output  # exit 1 would be a check error the text caused
    assert sorted(p.name for p in folder.iterdir()) == ["isian.json", "naskah.docx"]
    # A list item's own final ";:,." gives way to the list's punctuation (numbering._finish).
    expected = expected.rstrip(";:,.").rstrip()
    if path in PRINTED and expected:
        words = docx_words(out.read_bytes())
        assert expected in words or expected.upper() in words, (expected, path)


NASTY = "PT A & B <Tbk> {{ x }} *y* [#z] \\n Tahun\n2025 \x01\u202e ıß PASAL 1"


def test_libreoffice_opens_a_naskah_with_every_text_field_hostile(tmp_path: Path) -> None:
    if not shutil.which("soffice") and not shutil.which("libreoffice"):
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is required under CI")
        pytest.skip("LibreOffice (soffice) is not installed")
    data = copy.deepcopy(BASE)
    for i, path in enumerate(FIELDS):
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = f"{NASTY} {i}"  # numbered: the short names must stay distinct
    source = tmp_path / "isian.json"
    source.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")
    result = CliRunner().invoke(cli.main, ["render", str(source), "-o", str(tmp_path / "naskah.docx"), "--force"])
    assert result.exit_code == 0, result.output
    subprocess.run([shutil.which("soffice") or "libreoffice", "--headless", "--convert-to", "pdf", "--outdir",
                    str(tmp_path), str(tmp_path / "naskah.docx")], check=True, capture_output=True, timeout=180,
                   env={**os.environ, "HOME": str(tmp_path)})
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "naskah.pdf"), "-"], check=True,
                          capture_output=True, text=True, timeout=60).stdout
    assert "PT A & B <Tbk> {{ x }} *y* [#z]" in " ".join(text.split())
    assert "Pasal 16" in text
