"""Whether a file's bytes are an Office package (a Word .docx, an Excel .xlsx) that can be opened
safely: a zip holding the package's main part, of bounded size packed and unpacked (limits.py),
without a DTD. A zip bomb (a few hundred kilobytes unpacking to gigabytes) is refused from the
sizes its directory declares, which Python's zipfile holds every member to, before anything is
unpacked. ``drafting check``, ``compare`` and ``registry import`` open Office files the tool did
not make, and all ask here first."""

from __future__ import annotations

import io
import zipfile
import zlib

from .limits import MAX_NASKAH_BYTES, MAX_PART_BYTES, MAX_UNPACKED_BYTES

_PROLOG = 64 * 1024  # where an XML part's DTD would be (libxml2 bounds entity expansion beyond it)


WORD = ("word/document.xml", "dokumen Word (.docx); simpan dulu sebagai .docx di Word")
EXCEL = ("xl/workbook.xml", "buku kerja Excel (.xlsx); simpan dulu sebagai .xlsx di Excel")


def package_problem(data: bytes, kind: tuple[str, str] = WORD) -> str | None:
    """Why ``data`` cannot be opened as a package of ``kind`` (WORD or EXCEL), in a drafter's
    words; None if it can."""
    if len(data) > MAX_NASKAH_BYTES:
        return f"berkas lebih dari {MAX_NASKAH_BYTES // 2**20} MB"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return _members_problem(package, kind)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, ValueError, EOFError, NotImplementedError):
        return f"bukan {kind[1]}"


def _members_problem(package: zipfile.ZipFile, kind: tuple[str, str]) -> str | None:
    main, what = kind
    members = package.infolist()
    if main not in {m.filename for m in members}:
        return f"bukan {what.split(';')[0]}: tidak ada {main}"
    if sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
        return f"isi berkas lebih dari {MAX_UNPACKED_BYTES // 2**20} MB setelah dibuka"
    for member in members:
        if not member.filename.endswith((".xml", ".rels")):
            continue
        if member.file_size > MAX_PART_BYTES:
            return f"bagian {member.filename} lebih dari {MAX_PART_BYTES // 2**20} MB setelah dibuka"
        with package.open(member) as part:  # Office never writes a DTD; an entity bomb needs one
            if b"<!DOCTYPE" in part.read(_PROLOG):
                return f"bagian {member.filename} memuat deklarasi DTD, yang tidak pernah ditulis Office"
    return None
