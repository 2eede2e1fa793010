"""Checks of a naskah: the drafting and consistency rules every naskah is held to (UU 12/2011
Lampiran II, UU 10/2020), and Permen 8/2025, which governs the Kementerian Imigrasi dan
Pemasyarakatan's own Kerja Sama (``drafting check``).

One rule per module of this package, registered by name with ``@rule``, each declaring when it
applies (``scope.Applies``: kind, domestic or foreign, the regulation it comes from and so the
signing dates it judges, whether a Kementerian party must be present, whether it needs the
input). A rule takes the agreement (``None`` for an existing document read from a file) and the
shared ``Analysis``, whose facts are computed once, as in CommonForm's critique; it returns a list
of ``Finding``. ``check`` runs the rules that apply and says which ones did not, and why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..model import Agreement
from .analysis import Analysis
from .finding import SEVERITIES, Finding, Severity
from .scope import Applies, Scope

__all__ = ["RULES", "Analysis", "Applies", "Finding", "Report", "Severity", "check", "errors", "rule", "run_checks"]

RuleFunction = Callable[[Any, Analysis], list[Finding]]


@dataclass(frozen=True)
class Rule:
    name: str
    check: RuleFunction
    applies: Applies


RULES: dict[str, Rule] = {}


def rule(name: str, applies: Applies = Applies()) -> Callable[[RuleFunction], RuleFunction]:
    def register(check: RuleFunction) -> RuleFunction:
        if name in RULES:
            raise ValueError(f"rule {name!r} registered twice")
        RULES[name] = Rule(name, check, applies)
        return check

    return register


@dataclass
class Report:
    """What ``check`` did with one naskah: its scope, the rules run and not run, the findings."""

    scope: Scope
    findings: list[Finding]
    ran: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)  # rule → why it does not apply

    def rule_set(self) -> str:
        """One sentence: what the naskah is taken to be and which rules were left out, by reason."""
        reasons: dict[str, list[str]] = {}
        for name, why in self.skipped.items():
            reasons.setdefault(why, []).append(name)
        left_out = "; ".join(f"{why}: {', '.join(names)}" for why, names in reasons.items())
        return (f"naskah: {self.scope.describe()}. Dijalankan {len(self.ran)} aturan"
                + (f"; tidak dijalankan — {left_out}" if left_out else "") + ".")

    def to_dict(self) -> dict[str, Any]:
        return {"rule_set": self.rule_set(), "ran": self.ran, "skipped": self.skipped,
                "findings": [f.to_dict() for f in self.findings]}


def check(agreement: Agreement | None, analysis: Analysis) -> Report:
    """Every applicable rule's findings, errors first, then warnings, then info."""
    report = Report(analysis.scope, [])
    for r in RULES.values():
        why = r.applies.why_not(analysis.scope) if agreement is not None or not r.applies.needs_input else \
            "memerlukan isian (YAML/JSON)"
        if why:
            report.skipped[r.name] = why
            continue
        report.ran.append(r.name)
        report.findings += r.check(agreement, analysis)
    report.findings.sort(key=lambda f: SEVERITIES.index(f.severity))
    return report


def run_checks(agreement: Agreement | None, analysis: Analysis) -> list[Finding]:
    return check(agreement, analysis).findings


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == "error"]


# The rules register themselves on import.
from . import (  # noqa: E402, F401
    ayat_numbering,
    cross_references,
    dates,
    foreign_coordination,
    former_ministry,
    kedua_belah_pihak,
    legal_basis,
    list_capitals,
    meterai,
    minimum_contents,
    mitra_type,
    nk_term,
    party_labels,
    pasal_numbering,
    pasal_titles,
    personal_data,
    pks_basis,
    placeholders,
    punctuation,
    renewal,
    signatory_names,
    signer_authority,
    single_item_list,
    terbilang_pairs,
    title_subject,
)
