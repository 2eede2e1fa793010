"""The one exception family of drafting.

    DraftingError                  anything the CLI reports as a message, never a traceback
    ├── InputError                 the drafter's input file is unreadable or invalid (exit 2)
    │   │                          (carries file, field path, line where known)
    │   └── LimitError             past one of the bounds of limits.py (size, values, nesting)
    ├── OutputError                a file cannot be written where it was asked for (exit 2)
    └── LibraryError               a clause or template in the library is broken or misused
        └── CrossReferenceError    a cross-reference names a Pasal/ayat that is not in the document

The CLI alone turns these into messages and exit codes. They cross process boundaries (the web
server renders in a process pool), so each pickles with its own arguments.
"""

from __future__ import annotations

import errno
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

    def __reduce__(self) -> tuple[type, tuple[str, list[Problem]]]:
        return type(self), (self.source, self.problems)

    def describe(self, most: int = 30) -> str:
        """The message: the file, then each problem on its own line (the first ``most`` of them)."""
        lines = [f"{self.source}: isian tidak dapat diproses"]
        lines += [f"  - {p.describe()}" for p in self.problems[:most]]
        if len(self.problems) > most:
            lines.append(f"  … dan {len(self.problems) - most} masalah lain")
        return "\n".join(lines)


class LimitError(InputError):
    """The input is past one of the bounds of ``limits.py``: too large, too many values, too deep.
    Refused before it is built into anything (the web form answers 413 or 422)."""


class OutputError(DraftingError):
    """A file cannot be written: a read-only folder, a path through a file, an input in the way."""

    def __init__(self, target: str, reason: str):
        self.target = target
        self.reason = reason
        super().__init__(self.describe())

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        return type(self), (self.target, self.reason)

    def describe(self) -> str:
        return f"{self.target}: tidak dapat ditulis: {self.reason}"


class LibraryError(DraftingError):
    """A clause or template file is malformed, or the input asks for one that does not exist."""


class CrossReferenceError(LibraryError):
    """A clause refers to a Pasal, ayat or item that is absent from the assembled document."""


# What the operating system says, in a drafter's words. Anything not listed keeps its errno name,
# which is enough to look up; never the English sentence.
_OS_REASONS = {
    errno.ENOENT: "berkas atau folder tidak ditemukan",
    errno.EACCES: "izin ditolak",
    errno.EPERM: "izin ditolak",
    errno.EROFS: "sistem berkas hanya dapat dibaca",
    errno.EISDIR: "adalah folder, bukan berkas",
    errno.ENOTDIR: "sebagian jalurnya adalah berkas, bukan folder",
    errno.EEXIST: "sudah ada sesuatu dengan nama itu",
    errno.ENAMETOOLONG: "nama terlalu panjang",
    errno.ELOOP: "tautan simbolik berputar",
    errno.ENOSPC: "ruang penyimpanan penuh",
    errno.EDQUOT: "kuota penyimpanan habis",
    errno.EIO: "galat baca/tulis perangkat",
    errno.EBUSY: "sedang dipakai",
    errno.ETXTBSY: "sedang dipakai",
    errno.EXDEV: "folder berada di sistem berkas lain",
    errno.EMFILE: "terlalu banyak berkas terbuka",
    errno.EINVAL: "jalur tidak sah untuk berkas ini",
    errno.EPIPE: "program penerima keluaran sudah berhenti membaca",
}


def os_reason(exc: OSError) -> str:
    """An OSError in Indonesian, without Python's or the C library's English."""
    reason = _OS_REASONS.get(exc.errno or 0)
    if reason is None:
        reason = f"galat sistem ({errno.errorcode.get(exc.errno or 0, exc.errno)})"
    return reason
