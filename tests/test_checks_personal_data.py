"""The personal_data rule of ``drafting check``: a naskah exchanging personal data, signed from 17
Oktober 2024 (UU 27/2022's transition ended) or undated, needs a data-protection Pasal."""

from __future__ import annotations

from typing import Any

from drafting import pipeline
from drafting.checks import Finding, run_checks
from drafting.load import validate


def findings(data: dict[str, Any]) -> list[Finding]:
    agreement = validate(data)
    return [f for f in run_checks(agreement, pipeline.analyse_draft(agreement)) if f.rule == "personal_data"]


def test_fires_when_signed_after_the_transition_without_the_clause(bpjs_data) -> None:
    bpjs_data["signing"]["date"] = "2025-01-06"
    [f] = findings(bpjs_data)
    assert f.severity == "warning" and f.place == "clauses.exclude"
    assert "ditandatangani 06-01-2025" in f.message and "17 Oktober 2024" in f.message
    assert f.source == "UU 27/2022 Pasal 46 dan Pasal 74"


def test_fires_for_an_undated_draft(bpjs_data) -> None:
    del bpjs_data["signing"]["date"]
    bpjs_data["draft"] = True
    [f] = findings(bpjs_data)
    assert "belum bertanggal" in f.message


def test_silent_for_the_2023_agreement_and_when_the_clause_or_no_personal_data(bpjs_data) -> None:
    assert findings(bpjs_data) == []  # signed 19 Juni 2023, before the transition ended
    del bpjs_data["signing"]["date"]
    bpjs_data["draft"] = True
    bpjs_data["clauses"]["exclude"].remove("pelindungan_data_pribadi")
    assert findings(bpjs_data) == []  # the Pasal is there
    bpjs_data["clauses"]["exclude"].append("pelindungan_data_pribadi")
    bpjs_data["data_exchange"]["personal_data"] = False
    assert findings(bpjs_data) == []  # the drafter says the data is not personal


def test_an_extra_pasal_on_personal_data_counts(bpjs_data) -> None:
    del bpjs_data["signing"]["date"]
    bpjs_data["draft"] = True
    bpjs_data["extra_pasal"] = [{"title": "Perlindungan Data Pribadi", "paragraphs": ["Sesuai UU 27/2022."]}]
    assert findings(bpjs_data) == []
