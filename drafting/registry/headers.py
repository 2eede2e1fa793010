"""The columns of a register as units keep it, and the words they write in them.

Every column has one name (the one ``registry export`` writes) and the other headers registers
use for it. A header is compared without regard to case, punctuation or runs of spaces, so
``NOMOR PIHAK KESATU``, ``Nomor Pihak Kesatu:`` and ``nomor  pihak kesatu`` are one header. The
parties' own numbers (``Nomor Pihak Kesatu``, ``Nomor Pihak Kedua``, …) are numbers of the naskah
in party order. The README lists these headers; ``test_registry_import`` keeps the two in step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .models import Kind, Level, Status

# The columns, in the order an export writes them, each with the other headers it goes by.
COLUMNS: dict[str, tuple[str, ...]] = {
    "No": ("no urut", "nomor urut", "urut"),
    "Jenis": ("jenis naskah", "jenis kerja sama", "jenis dokumen", "jenis perjanjian", "bentuk naskah",
              "bentuk kerja sama", "bentuk dokumen"),
    "Nomor": ("nomor naskah", "nomor perjanjian", "nomor kerja sama", "nomor dokumen", "nomor pks", "nomor mou",
              "nomor nk", "nomor nota kesepahaman", "no naskah", "no perjanjian", "nomor para pihak"),
    "Tentang": ("judul", "judul naskah", "judul kerja sama", "judul perjanjian", "judul tentang", "perihal",
                "hal", "nama kerja sama", "tentang judul"),
    "Mitra": ("mitra kerja sama", "nama mitra", "instansi mitra", "pihak mitra"),
    "Satuan Kerja": ("satker", "unit", "unit kerja", "satuan kerja pemrakarsa", "unit kerja pemrakarsa",
                     "unit pemrakarsa", "pemrakarsa"),
    "Tingkat": ("tingkat satuan kerja", "tingkatan", "level"),
    "Tanggal Tanda Tangan": ("tanggal penandatanganan", "tgl penandatanganan", "tanggal ditandatangani",
                             "tanggal ttd", "tgl ttd", "tgl tanda tangan", "tanggal"),
    "Tanggal Berakhir": ("berakhir", "tgl berakhir", "tanggal selesai", "berlaku sampai", "berlaku sampai dengan",
                         "masa berlaku sampai", "akhir masa berlaku", "tanggal berakhirnya"),
    "Jangka Waktu": ("masa berlaku", "jangka waktu berlaku", "lama berlaku"),
    "Status": ("status naskah", "status kerja sama", "keadaan"),
    "Nota Kesepahaman Induk": ("nk induk", "mou induk", "induk", "nota kesepahaman"),
    "Naskah Pendahulu": ("pendahulu", "naskah sebelumnya", "perpanjangan dari"),
    "Ruang Lingkup": ("lingkup", "bidang", "bidang kerja sama", "ruang lingkup kerja sama"),
    "Rencana Strategis": ("renstra",),
    "Urgensi": (),
    "Dukungan": ("dukungan pembiayaan", "pembiayaan"),
    "Keterangan": ("ket", "catatan"),
    "Berkas Isian": ("isian", "berkas input"),
    "SHA-256 Isian": ("sha256 isian",),
    "Berkas Adendum": ("adendum", "berkas adenda", "isian adendum"),
}
HEADERS = list(COLUMNS)
NUMBER_COLUMN = "Nomor"
REQUIRED = ("Jenis", "Tentang", "Mitra", "Satuan Kerja")
IGNORE = "-"  # --columns 'Judul Kolom=-': a column the keeper knows and does not want imported

# Nomor Pihak Kesatu / Pertama / I / 1 … : the party's own number of the naskah.
ORDINALS = (("kesatu", "pertama", "i", "1"), ("kedua", "ii", "2"), ("ketiga", "iii", "3"), ("keempat", "iv", "4"),
            ("kelima", "v", "5"))
PARTY_NUMBER = "Nomor Pihak {}"
_PARTY_WORDS = ("kesatu", "kedua", "ketiga", "keempat", "kelima")


@dataclass(frozen=True)
class Column:
    """What a header means: a column, and for a party's number its place (0 = Pihak Kesatu)."""

    name: str
    party: int | None = None

    @property
    def label(self) -> str:
        return PARTY_NUMBER.format(_PARTY_WORDS[self.party].title()) if self.party is not None else self.name


def normal(text: str) -> str:
    """A header or a word as compared: lower case, punctuation as space, one space at a time."""
    return re.sub(r"[^0-9a-z]+", " ", text.casefold().replace("kerjasama", "kerja sama")).strip()


_BY_HEADER: dict[str, Column] = {}
for _name, _others in COLUMNS.items():
    for _header in (_name, *_others):
        _BY_HEADER[normal(_header)] = Column(_name)
for _party, _words in enumerate(ORDINALS):
    for _word in _words:
        for _prefix in ("nomor pihak", "no pihak", "nomor naskah pihak", "nomor"):
            _BY_HEADER[f"{_prefix} {_word}"] = Column(NUMBER_COLUMN, _party)


def column_of(header: str) -> Column | None:
    """The column a header names, or None. A trailing explanation in brackets is ignored:
    ``Tanggal Berakhir (dd/mm/yyyy)`` is ``Tanggal Berakhir``."""
    key = normal(header)
    if key in _BY_HEADER:
        return _BY_HEADER[key]
    bare = normal(re.sub(r"\(.*?\)|\[.*?\]", " ", header))
    return _BY_HEADER.get(bare) if bare else None


def recognised_headers() -> dict[str, list[str]]:
    """Column → every header recognised for it, for the README and the error messages."""
    names: dict[str, list[str]] = {name: [name, *others] for name, others in COLUMNS.items()}
    names[NUMBER_COLUMN].append("Nomor Pihak Kesatu/Pertama/I/1, Kedua/II/2, Ketiga/III/3, … (nomor tiap pihak)")
    return names


# The words written in the cells.
KINDS = {"nota kesepahaman": Kind.nota_kesepahaman, "nk": Kind.nota_kesepahaman,
         "perjanjian kerja sama": Kind.perjanjian_kerja_sama, "pks": Kind.perjanjian_kerja_sama,
         "perjanjian kerja sama pks": Kind.perjanjian_kerja_sama, "nota kesepahaman nk": Kind.nota_kesepahaman,
         "nota kesepakatan": Kind.nota_kesepakatan, "surat perjanjian": Kind.surat_perjanjian,
         "mou": Kind.mou, "memorandum of understanding": Kind.mou, "memorandum saling pengertian": Kind.mou,
         "memorandum saling pengertian mou": Kind.mou}
LEVELS = {"kementerian": Level.kementerian, "unit eselon i": Level.unit_eselon_i, "eselon i": Level.unit_eselon_i,
          "kantor wilayah": Level.kantor_wilayah, "kanwil": Level.kantor_wilayah, "upt": Level.upt,
          "unit pelaksana teknis": Level.upt}
STATUSES = {"draft": Status.draft, "draf": Status.draft, "rancangan": Status.draft, "proses": Status.draft,
            "dalam proses": Status.draft,
            "aktif": Status.aktif, "berlaku": Status.aktif, "masih berlaku": Status.aktif,
            "berakhir": Status.berakhir, "tidak berlaku": Status.berakhir, "tidak aktif": Status.berakhir,
            "habis": Status.berakhir, "kedaluwarsa": Status.berakhir, "selesai": Status.berakhir,
            "diperpanjang": Status.diperpanjang, "diakhiri": Status.diakhiri, "dibatalkan": Status.diakhiri}
# A row whose first cell starts with one of these is a total, and ends the table.
FOOTER_WORDS = ("jumlah", "total", "sub total", "subtotal", "grand total")
