"""One result of a check: what is wrong, how badly, where, and which rule of which regulation says so."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

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

    def to_dict(self) -> dict[str, str | int | None]:
        """JSON keeps ``severity`` as the stable key scripts and the form test against, and says it
        in the word the text report prints beside it (``severity_word``: galat, peringatan, info)."""
        out: dict[str, str | int | None] = {}
        for key, value in asdict(self).items():
            out[key] = value
            if key == "severity":
                out["severity_word"] = SEVERITY_WORDS[self.severity]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        """A finding read back from ``to_dict`` (a batch's manifest)."""
        return cls(**{k: v for k, v in data.items() if k != "severity_word"})

    def describe(self) -> str:
        cite = f" ({self.source})" if self.source else ""
        where = f"{self.place} (baris {self.line})" if self.line else self.place
        return f"[{SEVERITY_WORDS[self.severity]}] {where}: {self.message}{cite} [{self.rule}]"
