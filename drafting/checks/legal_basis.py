"""A regulation cited in the legal basis carries its place of promulgation: an Undang-Undang,
Peraturan Pemerintah or Peraturan Presiden its Lembaran Negara (and Tambahan Lembaran Negara)
numbers, a Peraturan Menteri or of a lembaga its Berita Negara number, a Peraturan Daerah its
Lembaran Daerah number (UU 12/2011 Lampiran II BAB I huruf B.4, dasar hukum). The Undang-Undang
Dasar and decisions (Keputusan), which are not so promulgated, are not asked for one.

A draft's regulations written as data (``legal_basis[i]``, model.Regulation) are judged from their
data, and the finding names the field to fill; an item written as text, and every naskah read from
a file, from the text as printed."""

from __future__ import annotations

import re

from ..model import Agreement, BaseRegulation, Regulation
from . import rule
from .analysis import Analysis
from .citations import UU12
from .finding import Finding

NAME = "legal_basis"
SOURCE = f"{UU12} BAB I huruf B.4 (dasar hukum)"
# the lead-in of the legal basis: "Dengan memperhatikan …", "Mengingat …", "berdasarkan … sebagai berikut:"
_LEAD = re.compile(r"^(?:Dengan\s+memperhatikan|Mengingat|Memperhatikan|Berdasarkan\s+ketentuan\s+peraturan)\b",
                   re.IGNORECASE)
_REGULATION = re.compile(r"^(?:Undang-Undang(?!\s+Dasar)|Peraturan\s+Pemerintah|Peraturan\s+Presiden|"
                         r"Peraturan\s+(?:Menteri|Badan|Lembaga|Kepala|Bank|Otoritas)|Peraturan\s+Daerah)\b",
                         re.IGNORECASE)
_PLACE = re.compile(r"Lembaran\s+Negara|Berita\s+Negara|Lembaran\s+Daerah|Berita\s+Daerah", re.IGNORECASE)
# the gazettes a regulation is placed in, named in full (UU 12/2011 Pasal 81)
_GAZETTE = re.compile(r"^(?:Lembaran|Berita) (?:Negara|Daerah) \w")
_UNPLACED = "dikutip tanpa nomor Lembaran Negara/Berita Negara tempat diundangkannya"


@rule(NAME)
def check(agreement: Agreement | None, analysis: Analysis) -> list[Finding]:
    as_data = _printed_from_data(agreement, analysis)
    findings = [Finding(NAME, "warning", f"{r.jenis} Nomor {r.nomor} Tahun {r.tahun} {_UNPLACED}: isi 'diundangkan'",
                        f"{path}.diundangkan", SOURCE)
                for _, path, r in as_data if _REGULATION.match(r.jenis) and r.diundangkan is None]
    findings += [Finding(NAME, "warning", f"'{r.diundangkan.lembaran}' bukan nama tempat pengundangan: tulis lengkap, "
                                          "mis. 'Lembaran Negara Republik Indonesia', 'Berita Negara Republik Indonesia', "
                                          "'Lembaran Daerah Provinsi …' (UU 12/2011 Pasal 81)",
                         f"{path}.diundangkan.lembaran", SOURCE)
                 for _, path, r in as_data if r.diundangkan and not _GAZETTE.match(r.diundangkan.lembaran)]
    judged = {f"{i + 1}." for i, _, _ in as_data}  # the items printed from their data, by their label
    inside = False
    for p in (p for p in analysis.paragraphs if p.part == "front"):
        if not p.label:
            inside = bool(_LEAD.match(p.text))
            continue
        if inside and p.label not in judged and _REGULATION.match(p.text) and not _PLACE.search(p.text):
            name = re.split(r"\s+tentang\s+", p.text, maxsplit=1, flags=re.IGNORECASE)[0]
            findings.append(Finding(NAME, "warning", f"{name} {_UNPLACED}", f"dasar hukum angka {p.label.rstrip('.')}",
                                    SOURCE))
    return findings


def _printed_from_data(agreement: Agreement | None, analysis: Analysis) -> list[tuple[int, str, BaseRegulation]]:
    """Each regulation of the input's legal basis, and the one that amended it, with its item's
    index and its field path, where the draft prints the legal basis from the input (not a naskah
    read from a file, nor one whose legal basis is kept as the naskah read back wrote it)."""
    if agreement is None or analysis.doc is None or "dasar_hukum" in agreement.clauses.texts \
            or "dasar_hukum" not in {s.id for s in analysis.doc.front}:
        return []
    out: list[tuple[int, str, BaseRegulation]] = []
    for i, law in enumerate(agreement.legal_basis):
        if isinstance(law, Regulation):
            out.append((i, f"legal_basis[{i}]", law))
            if law.perubahan:
                out.append((i, f"legal_basis[{i}].perubahan", law.perubahan))
    return out
