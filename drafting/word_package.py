"""Whether a file's bytes are a Word package (.docx) that can be opened safely: a zip holding
``word/document.xml``, of bounded size packed and unpacked (limits.py). A zip bomb (a few hundred kilobytes
unpacking to gigabytes) is refused from the sizes its directory declares, which Python's zipfile
holds every member to, before anything is unpacked. ``drafting check`` and ``drafting compare``
both open Word files the tool did not make, and both ask here first."""

from __future__ import annotations

import io
import zipfile
import zlib

from .limits import MAX_NASKAH_BYTES, MAX_PART_BYTES, MAX_UNPACKED_BYTES

_PROLOG = 64 * 1024  # where an XML part's DTD would be (libxml2 bounds entity expansion beyond it)


def package_problem(data: bytes) -> str | None:
    """Why ``data`` cannot be opened as a Word document, in a drafter's words; None if it can."""
    if len(data) > MAX_NASKAH_BYTES:
        return f"berkas lebih dari {MAX_NASKAH_BYTES // 2**20} MB"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return _members_problem(package)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, ValueError, EOFError, NotImplementedError):
        return "bukan dokumen Word (.docx); simpan dulu sebagai .docx di Word"


def _members_problem(package: zipfile.ZipFile) -> str | None:
    members = package.infolist()
    if "word/document.xml" not in {m.filename for m in members}:
        return "bukan dokumen Word (.docx): tidak ada word/document.xml"
    if sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
        return f"isi berkas lebih dari {MAX_UNPACKED_BYTES // 2**20} MB setelah dibuka"
    for member in members:
        if not member.filename.endswith((".xml", ".rels")):
            continue
        if member.file_size > MAX_PART_BYTES:
            return f"bagian {member.filename} lebih dari {MAX_PART_BYTES // 2**20} MB setelah dibuka"
        with package.open(member) as part:  # Word never writes a DTD; an entity bomb needs one
            if b"<!DOCTYPE" in part.read(_PROLOG):
                return f"bagian {member.filename} memuat deklarasi DTD, yang tidak pernah ditulis Word"
    return None
