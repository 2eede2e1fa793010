"""What a naskah contains at the least: Permen 8/2025 Pasal 21 (dalam negeri: judul, tujuan,
ruang lingkup, kegiatan yang akan dilaksanakan, pembagian kewenangan dan tanggung jawab,
pendanaan, jangka waktu) and Pasal 31 ayat (3) (luar negeri: judul, pembukaan, tujuan, ruang
lingkup, subjek Kerja Sama, pembiayaan, jangka waktu). The title block is always written, so
judul is not checked. An element counts as present when a Pasal of the clauses below is in the
draft, or an extra Pasal carries one of the title words."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Agreement
from . import rule
from .analysis import Analysis
from .citations import permen
from .finding import Finding
from .scope import PERMEN_8_2025, Applies

NAME = "minimum_contents"


@dataclass(frozen=True)
class Element:
    words: str  # as the Permen names it
    clauses: frozenset[str]  # clause ids (Pasal, or front parts) that carry it
    titles: tuple[str, ...] = ()  # words of an extra Pasal's title that carry it


def _e(words: str, clauses: str, titles: tuple[str, ...] = ()) -> Element:
    return Element(words, frozenset(clauses.split()), titles)


TUJUAN = _e("tujuan", "maksud_tujuan", ("TUJUAN",))
RUANG_LINGKUP = _e("ruang lingkup", "ruang_lingkup", ("RUANG LINGKUP",))
PEMBIAYAAN = ("PEMBIAYAAN", "PENDANAAN", "BIAYA")
JANGKA_WAKTU = _e("jangka waktu", "jangka_waktu", ("JANGKA WAKTU",))
DOMESTIC = (
    TUJUAN, RUANG_LINGKUP,
    # the data-exchange Pasal says what each party provides and receives: activities and duties at once
    _e("kegiatan yang akan dilaksanakan",
       "pelaksanaan pertukaran_data jaringan_komunikasi_data peningkatan_kapasitas tugas_tanggung_jawab",
       ("PELAKSANAAN", "KEGIATAN")),
    _e("pembagian kewenangan dan tanggung jawab", "tugas_tanggung_jawab pertukaran_data",
       ("TUGAS", "TANGGUNG JAWAB", "KEWENANGAN", "HAK DAN KEWAJIBAN")),
    _e("pendanaan", "pembiayaan", PEMBIAYAAN),
    JANGKA_WAKTU,
)
FOREIGN = (
    _e("pembukaan", "pembukaan"),
    TUJUAN, RUANG_LINGKUP,
    _e("subjek Kerja Sama", "pembukaan"),  # the komparisi of the opening names the parties
    _e("pembiayaan", "pembiayaan", PEMBIAYAAN),
    JANGKA_WAKTU,
)


@rule(NAME, Applies(needs_input=True, kementerian=True, regulation=PERMEN_8_2025))
def check(agreement: Agreement, analysis: Analysis) -> list[Finding]:
    doc = analysis.doc
    if doc is None:
        return []
    present = {s.id for s in doc.front + doc.pasal}
    titles = [s.title for s in doc.pasal]
    elements, article = (FOREIGN, "Pasal 31 ayat (3)") if analysis.foreign else (DOMESTIC, "Pasal 21")
    kind = "luar negeri" if analysis.foreign else "dalam negeri"
    return [Finding(NAME, "error", f"naskah Kerja Sama {kind} paling sedikit memuat {e.words}, dan naskah ini tidak "
                                   f"memuatnya (lengkapi isiannya atau jangan kecualikan pasalnya)",
                    "clauses", permen(article))
            for e in elements
            if not (e.clauses & present or any(w in t for w in e.titles for t in titles))]
