"""A legal basis item read back as a regulation (``model.Regulation``): jenis, nomor, tahun and
tentang, where it was promulgated, and its last amendment, as UU 12/2011 Lampiran II cites them.
The item becomes data only when it reads whole and the library's dasar_hukum clause prints that
data in the very same words; otherwise it stays the text it was, and nothing is lost."""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from .. import library
from ..assemble import clause_paragraphs
from ..model import Agreement, Kind, Regulation

# One citation, as the clause writes it: 'Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian
# (Lembaran Negara Republik Indonesia Tahun 2011 Nomor 52, Tambahan Lembaran Negara Republik
# Indonesia Nomor 5216)'; a jenis names a regulation or a decision, not any 'X Nomor …'.
_CITATION = re.compile(
    r"(?P<jenis>(?:Undang-[Uu]ndang|Peraturan|Keputusan|Instruksi|Qanun)\b[^,;()]*?) Nomor (?P<nomor>\S+) "
    r"Tahun (?P<tahun>\d{4}) tentang (?P<tentang>.+?)"
    r"(?: \((?P<lembaran>(?:Lembaran|Berita) (?:Negara|Daerah)\b[^()]*?) Tahun (?P<ltahun>\d{4}) "
    r"Nomor (?P<lnomor>[^\s,()]+)(?:, Tambahan (?P=lembaran) Nomor (?P<tambahan>[^\s,()]+))?\))?")
_AMENDED = re.compile(r" sebagaimana telah (?P<kali>beberapa kali diubah terakhir|diubah) dengan ")
_PLACE = re.compile(r"\((?:Lembaran|Berita) (?:Negara|Daerah)\b")
_BLANK = re.compile(r"^(?:…+|\.{3,})$")


def read_regulation(text: str) -> dict[str, Any] | None:
    """The regulation a legal basis item cites, as input data, or None to keep the item as text."""
    text = " ".join(text.split())
    found = _citation(text)
    for m in _AMENDED.finditer(text) if found is None else ():
        head, amendment = _citation(text[:m.start()]), _citation(text[m.end():])
        if head and amendment:
            found = head | {"perubahan": amendment | ({"beberapa_kali": True} if m["kali"] != "diubah" else {})}
            break
    if found is None:
        return None
    try:
        regulation = Regulation.model_validate(found)
    except ValidationError:
        return None
    return found if _printed(regulation) == text else None


def _citation(text: str) -> dict[str, Any] | None:
    m = _CITATION.fullmatch(text)
    # a title that runs into a place the reading did not take, or that ends in a stray comma
    # ('… Jaminan Sosial, (Lembaran …)', seed 003) is not one regulation's data: kept as written
    if not m or _PLACE.search(m["tentang"]) or _AMENDED.search(m["tentang"]) or m["tentang"][-1] in ",;:":
        return None
    out: dict[str, Any] = {"jenis": m["jenis"], "nomor": m["nomor"], "tahun": int(m["tahun"]), "tentang": m["tentang"]}
    if m["lembaran"]:
        place: dict[str, Any] = {"lembaran": m["lembaran"], "tahun": int(m["ltahun"])}
        if not _BLANK.match(m["lnomor"]):
            place["nomor"] = m["lnomor"]
        if m["tambahan"]:
            place["tambahan"] = m["tambahan"]
        out["diundangkan"] = place
    return out


def _printed(regulation: Regulation) -> str:
    """The item as the shipped dasar_hukum clause prints it, outside any naskah."""
    alone = Agreement.model_construct(kind=Kind.perjanjian_kerja_sama, parties=[], legal_basis=[regulation])
    [lead] = clause_paragraphs(alone, library.shipped(), "dasar_hukum", {}, naskah="")
    assert lead.list is not None
    return "".join(getattr(x, "text", " ") for x in lead.list.items[0].content)
