"""The one exception family of drafting.

    DraftingError                  anything the CLI reports as a message, never a traceback
    ├── InputError                 the drafter's input file is unreadable or invalid (exit 2)
    │   └── (carries file, field path, line where known)
    └── LibraryError               a clause or template in the library is broken or misused
        └── CrossReferenceError    a cross-reference names a Pasal/ayat that is not in the document

The CLI alone turns these into messages and exit codes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located as precisely as we can."""

    path: str  # field path as the drafter writes it, e.g. "parties[0].representative.name"
    message: str  # in Indonesian, for a drafter
    line: int | None = None  # 1-based line in the input file, where known

    def describe(self) -> str:
        where = self.path or "(dokumen)"
        if self.line is not None:
            where += f" (baris {self.line})"
        return f"{where}: {self.message}"


class DraftingError(Exception):
    """Base of every error drafting raises on purpose."""


class InputError(DraftingError):
    """The input file cannot be read, or describes an agreement that cannot be drafted."""

    def __init__(self, source: str, problems: list[Problem]):
        self.source = source
        self.problems = problems
        super().__init__(self.describe())

    def describe(self) -> str:
        lines = [f"{self.source}: isian tidak dapat diproses"]
        lines += [f"  - {p.describe()}" for p in self.problems]
        return "\n".join(lines)


class LibraryError(DraftingError):
    """A clause or template file is malformed, or the input asks for one that does not exist."""


class CrossReferenceError(LibraryError):
    """A clause refers to a Pasal, ayat or item that is absent from the assembled document."""
