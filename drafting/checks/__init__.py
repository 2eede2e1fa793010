"""Checks of a naskah: Permen 8/2025 compliance and internal consistency (``drafting check``).

One rule per module of this package, registered by name with ``@rule``. A rule takes the
agreement (``None`` for an existing document read from a file) and the shared ``Analysis``, whose
facts (Pasal, ayat, names, the numbered document) are computed once, as in CommonForm's
critique; it returns a list of ``Finding``. Rules registered with ``needs_input=True`` judge the
input itself and run on drafts only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..model import Agreement
from .analysis import Analysis
from .finding import SEVERITIES, Finding, Severity

__all__ = ["RULES", "Analysis", "Finding", "Severity", "errors", "rule", "run_checks"]

RuleFunction = Callable[[Any, Analysis], list[Finding]]


@dataclass(frozen=True)
class Rule:
    name: str
    check: RuleFunction
    needs_input: bool


RULES: dict[str, Rule] = {}


def rule(name: str, *, needs_input: bool = False) -> Callable[[RuleFunction], RuleFunction]:
    def register(check: RuleFunction) -> RuleFunction:
        if name in RULES:
            raise ValueError(f"rule {name!r} registered twice")
        RULES[name] = Rule(name, check, needs_input)
        return check

    return register


def run_checks(agreement: Agreement | None, analysis: Analysis) -> list[Finding]:
    """Every applicable rule's findings, errors first, then warnings, then info."""
    findings: list[Finding] = []
    for r in RULES.values():
        if agreement is None and r.needs_input:
            continue
        findings += r.check(agreement, analysis)
    return sorted(findings, key=lambda f: SEVERITIES.index(f.severity))


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == "error"]


# The rules register themselves on import.
from . import (  # noqa: F401
    ayat_numbering,
    cross_references,
    dates,
    foreign_coordination,
    former_ministry,
    minimum_contents,
    mitra_type,
    nk_term,
    pasal_numbering,
    pasal_titles,
    personal_data,
    pks_basis,
    renewal,
    signatory_names,
    signer_authority,
    terbilang_pairs,
    title_subject,
)
