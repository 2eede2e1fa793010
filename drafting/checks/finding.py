"""One result of a check: what is wrong, how badly, where, and which rule of which regulation says so."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
# How a drafter reads the severity in the text report.
SEVERITY_WORDS: dict[Severity, str] = {"error": "galat", "warning": "peringatan", "info": "info"}


@dataclass(frozen=True)
class Finding:
    rule: str  # the registered rule name, e.g. "signer_authority"
    severity: Severity
    message: str  # in Indonesian, for a drafter
    place: str  # a field path ("parties[1].representative.position") or "Pasal 4 ayat (2)"
    source: str | None = None  # the article the rule comes from, e.g. "Permen 8/2025 Pasal 21"
    line: int | None = None  # line of ``place`` in the YAML input, where known

    def to_dict(self) -> dict[str, str | None]:
        return asdict(self)

    def describe(self) -> str:
        cite = f" ({self.source})" if self.source else ""
        where = f"{self.place} (baris {self.line})" if self.line else self.place
        return f"[{SEVERITY_WORDS[self.severity]}] {where}: {self.message}{cite} [{self.rule}]"
