"""One normalisation of every text field, at validation (normalise.py): what the title block, the
body and the signature block print is the same text, and the checks read it as such."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from drafting import pipeline
from drafting.checks import run_checks
from drafting.checks.analysis import analyse, draft_paragraphs
from drafting.errors import InputError
from drafting.load import validate
from drafting.normalise import TextProblem, normalise


@pytest.mark.parametrize("typed, printed", [
    ("Kerja  Sama", "Kerja Sama"),
    ("  Kerja\tSama\n", "Kerja Sama"),
    ("Kerja Sama Tahun\n2025", "Kerja Sama Tahun 2025"),
    ("Kerja\x01Sama\x02 X", "KerjaSama X"),
    ("Kerja\u00a0Sama", "Kerja Sama"),  # no-break space
    ("Kerja\u200bSama\u202e", "KerjaSama"),  # zero-width space, right-to-left override
    ("Kerja\ufeffSama\uffff", "KerjaSama"),  # byte-order mark, a noncharacter (not allowed in DOCX)
    ("Caf\u0065\u0301", "Caf\u00e9"),  # NFC: one code for é
    ("\u0645\u200c\u0646", "\u0645\u200c\u0646"),  # a joiner some scripts need stays
    ("PT A & B <Tbk> {{ x }} *y*", "PT A & B <Tbk> {{ x }} *y*"),  # markup is text
    ("\t \n", ""),
])
def test_normalise(typed: str, printed: str) -> None:
    assert normalise(typed) == printed
    assert normalise(printed) == printed


def test_a_lone_surrogate_is_refused() -> None:
    with pytest.raises(TextProblem):
        normalise("Kerja \udc80 Sama")


def _set(data: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(data)
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


@pytest.mark.parametrize("path", [("tentang",), ("parties", 0, "name"), ("parties", 0, "short_name"),
                                  ("parties", 1, "representative", "name"), ("legal_basis", 0), ("scope", 0)])
@pytest.mark.parametrize("blank", ["", "   ", "\t\n", "\x01\x02", "\u200b", None])
def test_blank_required_text_is_wajib_diisi(bpjs_data: dict[str, Any], path: tuple[Any, ...], blank: Any) -> None:
    """Issue 19: one message for an empty field, however it is empty."""
    with pytest.raises(InputError) as exc:
        validate(_set(bpjs_data, path, blank))
    [p] = exc.value.problems
    assert p.message == "wajib diisi"
    assert p.path == "".join(f"[{k}]" if isinstance(k, int) else (f".{k}" if i else k) for i, k in enumerate(path))


def test_blank_optional_text_is_not_given(bpjs_data: dict[str, Any]) -> None:
    a = validate(_set(_set(bpjs_data, ("parties", 1, "parent"), "  "), ("parties", 0, "nomor"), "\n"))
    assert a.parties[1].parent is None and a.parties[0].nomor is None


@pytest.mark.parametrize("tentang", ["Kerja Sama Tahun\n2025", "Kerja\x01Sama\x02 Data", "Kerja  Sama\tData",
                                     "Kerja Sama ıi ß", "Pasal 1", "PASAL 12"])
def test_title_and_body_agree(bpjs_data: dict[str, Any], tentang: str) -> None:
    """The subject the title block prints and the one the opening restates are one text, so the
    title-vs-subject check finds nothing, and a subject that reads like a heading is no heading."""
    a = validate(_set(bpjs_data, ("tentang",), tentang))
    analysis = pipeline.analyse_draft(a)
    assert analysis.title_subject == normalise(tentang).upper()
    assert [f for f in run_checks(a, analysis) if f.severity == "error"] == []
    assert [p.number for p in analysis.pasal] == list(range(1, 17))


@pytest.mark.parametrize("path", [("parties", 0, "name"), ("parties", 1, "parent")])
def test_a_party_named_like_a_pasal_is_no_pasal(bpjs_data: dict[str, Any], path: tuple[Any, ...]) -> None:
    a = validate(_set(bpjs_data, path, "PASAL 0"))
    analysis = pipeline.analyse_draft(a)
    assert [p.number for p in analysis.pasal] == list(range(1, 17))
    assert [f for f in run_checks(a, analysis) if f.severity == "error"] == []


def test_a_signatory_prints_as_validated(bpjs_data: dict[str, Any]) -> None:
    a = validate(_set(bpjs_data, ("parties", 1, "representative", "name"), " SILMY\n KARIM\x07 "))
    paragraphs = draft_paragraphs(pipeline.build(a))
    assert "SILMY KARIM" in paragraphs
    assert [s.name for s in analyse(paragraphs).signatures] == ["ANGGORO EKO CAHYO", "SILMY KARIM"]


def test_clause_text_keeps_its_lines_and_their_levels() -> None:
    """extra_pasal.text is written in the clause outline: its lines and indentation are its structure."""
    from drafting.normalise import normalise_lines

    typed = "Ayat\x01 pertama  ini:\r\n- butir\u200b a\n  - subbutir\tb\n\n\x02\n+ angka"
    assert normalise_lines(typed) == "Ayat pertama ini:\n- butir a\n  - subbutir b\n+ angka"
