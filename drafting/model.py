"""The input model: what a drafter writes in YAML or JSON, validated by pydantic v2.

Field names are English, legal domain words keep their Indonesian names (glossary). Parties are
referred to by their number in ``parties`` (1 = PIHAK PERTAMA). Free text is data: it is never
evaluated as a template and never read as markup.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from collections.abc import Callable
from typing import Annotated, Any, Literal, Optional, Union

from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, Tag, field_validator,
                      model_validator)
from pydantic.json_schema import GenerateJsonSchema
from pydantic_core import PydanticCustomError

from .limits import (FIRST_DATE, LAST_DATE, MAX_DAYS, MAX_ITEM_LEVELS, MAX_ITEMS, MAX_LINE, MAX_MONTHS, MAX_ORIGINALS,
                     MAX_PARTIES, MAX_PER_YEARS, MAX_TEXT, MAX_TIMES, MAX_YEARS)
from .normalise import TextProblem, normalise, normalise_lines
from .schema import IndonesianSchema


def _cleaned(clean: Callable[[str], str]) -> Callable[[Any], Any]:
    """A validator that runs before a text field is checked: its text cleaned by ``clean``
    (normalise.py), so that it prints the same in the title, the body and the signature block,
    and is blank when it is only spaces; anything that is not text is left to the field's type."""
    def validator(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        try:
            return clean(value)
        except TextProblem as exc:
            raise PydanticCustomError("text_invalid", str(exc)) from None
    return validator


_text = _cleaned(normalise)


def _optional_text(value: Any) -> Any:
    value = _text(value)
    return None if value == "" else value  # an optional field of spaces is not given


# Permen Imigrasi dan Pemasyarakatan 8/2025 was ditetapkan on 22 Mei 2025: a naskah signed since
# then (or not yet signed) follows its rules, e.g. the report of Pasal 42 and the Biro of Pasal 37.
PERMEN_8_2025 = dt.date(2025, 5, 22)


# Required text: a name, title, position or number (Line), or a paragraph (Text).
Line = Annotated[str, BeforeValidator(_text), Field(min_length=1, max_length=MAX_LINE)]
Text = Annotated[str, BeforeValidator(_text), Field(min_length=1, max_length=MAX_TEXT)]
# Optional text: spaces only is the same as not given.
OptionalLine = Annotated[Optional[Annotated[str, Field(max_length=MAX_LINE)]], BeforeValidator(_optional_text)]
OptionalText = Annotated[Optional[Annotated[str, Field(max_length=MAX_TEXT)]], BeforeValidator(_optional_text)]
# Clause-format text (extra_pasal.text): each line cleaned like a field, its line breaks and its
# indentation (the list levels) kept.
Lines = Annotated[str, BeforeValidator(_cleaned(normalise_lines)), Field(min_length=1, max_length=MAX_TEXT)]
def _has_letters(value: str | None) -> str | None:
    if value is not None and sum(c.isalpha() for c in value) < 2:
        raise PydanticCustomError("title_letters", "judul Pasal harus memuat paling sedikit dua huruf: tanpa itu, "
                                                   "pembaca (dan pemeriksaan naskah) tidak mengenalinya sebagai judul")
    return value


# A Pasal's title: read as the title under 'Pasal N' only when it has two letters or more, as a
# reader tells a title from a label (read/structure.is_caps): "0" or "A" would be read as the
# Pasal's first paragraph, and the two texts of a bilingual naskah would then differ.
Title = Annotated[Line, AfterValidator(_has_letters)]
OptionalTitle = Annotated[OptionalLine, AfterValidator(_has_letters)]
Date = Annotated[dt.date, Field(ge=FIRST_DATE, le=LAST_DATE, json_schema_extra={
    "formatMinimum": FIRST_DATE.isoformat(), "formatMaximum": LAST_DATE.isoformat(), "examples": ["2025-07-01"]})]
PartyRef = Annotated[int, Field(ge=1, le=MAX_PARTIES, examples=[1, 2],
                                description="Nomor urut pihak: 1 = PIHAK PERTAMA, 2 = PIHAK KEDUA, …")]


class Strict(BaseModel):
    # A number typed where text is expected ("nomor: 0158") is kept as text, not refused.
    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)


class FieldProblem(ValueError):
    """Raised by a validator that knows exactly which field is wrong (the loader reports ``path``)."""

    def __init__(self, path: str, message: str):
        super().__init__(message)
        self.path = path
        self.message = message


class Kind(str, Enum):
    """The kinds of naskah, named as the units' registers name them (seed 002). Permen 8/2025
    Pasal 5 puts Kerja Sama utama in a "nota kesepahaman atau nama lain" (a nota kesepakatan is
    one) and Kerja Sama teknis in a "perjanjian kerja sama atau nama lain" (a surat perjanjian)."""

    perjanjian_kerja_sama = "perjanjian_kerja_sama"
    nota_kesepahaman = "nota_kesepahaman"
    nota_kesepakatan = "nota_kesepakatan"
    surat_perjanjian = "surat_perjanjian"
    # Kerja Sama luar negeri (Permen 8/2025 Pasal 8-10, 26-35): the Memorandum of Understanding with
    # a foreign government body or an international organisation, in Bahasa Indonesia and English.
    memorandum_saling_pengertian = "memorandum_saling_pengertian"

    @property
    def utama(self) -> bool:
        """Kerja Sama utama (Permen 8/2025 Pasal 5 ayat (1)); otherwise Kerja Sama teknis."""
        return self in (Kind.nota_kesepahaman, Kind.nota_kesepakatan)

    @property
    def luar_negeri(self) -> bool:
        """A naskah of Kerja Sama luar negeri (Permen 8/2025 Bab IV), which the domestic division
        into utama and teknis does not apply to."""
        return self is Kind.memorandum_saling_pengertian

    @property
    def family(self) -> Kind:
        """The kind whose rules and clauses this one shares: nota_kesepahaman for Kerja Sama
        utama, perjanjian_kerja_sama for Kerja Sama teknis; a foreign kind its own."""
        if self.luar_negeri:
            return self
        return Kind.nota_kesepahaman if self.utama else Kind.perjanjian_kerja_sama


class MitraType(str, Enum):
    """Partner types of Permen 8/2025: Pasal 3 ayat (4) (domestic) and Pasal 9 (foreign)."""

    kementerian = "kementerian"  # the ministry's own side (Unit Eselon I, Kanwil, UPT)
    lembaga_negara = "lembaga_negara"
    lembaga_pemerintah = "lembaga_pemerintah"
    lembaga_nonpemerintah = "lembaga_nonpemerintah"
    pemerintah_daerah = "pemerintah_daerah"
    lembaga_pemerintah_asing = "lembaga_pemerintah_asing"
    organisasi_internasional = "organisasi_internasional"
    organisasi_internasional_nonpemerintah = "organisasi_internasional_nonpemerintah"
    subjek_hukum_internasional_lainnya = "subjek_hukum_internasional_lainnya"


FOREIGN_MITRA = frozenset({
    MitraType.lembaga_pemerintah_asing, MitraType.organisasi_internasional,
    MitraType.organisasi_internasional_nonpemerintah, MitraType.subjek_hukum_internasional_lainnya,
})


class SignerLevel(str, Enum):
    """Level of the ministry-side signatory: who may sign what (Permen 8/2025 Pasal 4, 23, 34)."""

    menteri = "menteri"
    pimpinan_eselon_1 = "pimpinan_eselon_1"
    kepala_kantor_wilayah = "kepala_kantor_wilayah"
    kepala_upt = "kepala_upt"
    lainnya = "lainnya"


class ListItem(Strict):
    text: Text = Field(description="Teks butir, yang diikuti subbutirnya ('items'), mis. 'pelayanan paspor, meliputi'.")
    items: list[Item] = Field(default_factory=list, max_length=MAX_ITEMS,
                              description="Subbutir: teks, atau lagi {text, items} untuk tingkat berikutnya.")

    @model_validator(mode="after")
    def _levels(self) -> ListItem:
        if _levels([self]) > MAX_ITEM_LEVELS:
            raise ValueError(f"butir bertingkat terlalu dalam: paling banyak {MAX_ITEM_LEVELS} tingkat "
                             "(butir, subbutirnya, dan subbutir dari subbutir itu)")
        return self


def _levels(items: list[Item]) -> int:
    return max((1 + _levels(i.items) if isinstance(i, ListItem) else 1 for i in items), default=0)


def _text_or(text: Any, listed: type[BaseModel]) -> Any:
    """Text, or a mapping ({text, items}, a regulation). Told apart by the value's shape, so that a
    wrong value gets one message (that of the shape it has), not one per shape it could have had."""
    return Annotated[Union[Annotated[text, Tag("str")], Annotated[listed, Tag("map")]],
                     Discriminator(lambda v: "map" if isinstance(v, (dict, listed)) else "str")]


Item = _text_or(Text, ListItem)


class Representative(Strict):
    name: Line = Field(description="Nama penandatangan, ditulis sama persis di komparisi dan tanda tangan.")

    @model_validator(mode="before")
    @classmethod
    def _chosen(cls, data: Any) -> Any:
        """``name: {pilih: [A, B]}``: a naskah read back (drafting extract) wrote the signatory two ways;
        nothing is drafted until the drafter writes the one name that is right."""
        name = data.get("name") if isinstance(data, dict) else None
        if isinstance(name, dict) and "pilih" in name:
            options = " / ".join(str(o) for o in name["pilih"]) if isinstance(name["pilih"], list) else name["pilih"]
            raise FieldProblem("name", f"naskah asalnya menulis nama penandatangan dua cara ({options}): pilih satu "
                                       "dan tulis sebagai 'name'")
        return data
    position: Line = Field(description="Jabatan, mis. 'Direktur Jenderal Imigrasi'.")
    appointment: OptionalLine = Field(None, description="Dasar pengangkatan, mis. 'Keputusan Presiden Nomor 165/TPA Tahun 2022'.")
    nip: OptionalLine = Field(None, description="NIP penandatangan (aparatur sipil negara): dicetak di komparisi bila "
                                              "'nip' ada di style.party_lines, dan di bawah nama pada tanda tangan.")
    acting_for: OptionalLine = Field(
        None, description="Pejabat atau badan yang diwakili bila bukan pihak itu sendiri, mis. 'Menteri Imigrasi dan "
                          "Pemasyarakatan Republik Indonesia' untuk Direktur Jenderal yang menandatangani atas nama "
                          "Menteri: komparisi 'bertindak untuk dan atas nama …', tanda tangan 'a.n. …'.")
    acting_for_basis: OptionalText = Field(
        None, description="Dasar bertindak atas nama pejabat itu, mis. 'Surat Kuasa Menteri Imigrasi dan "
                          "Pemasyarakatan Nomor …'.")


class Correspondence(Strict):
    addressee: Line = Field(description="Jabatan yang menerima pemberitahuan (u.p.), mis. 'Direktur Kerja Sama Keimigrasian'.")
    address: OptionalText = Field(None, description="Alamat surat; kosong = alamat pihak ('address').")
    email: OptionalLine = Field(None, description="Alamat surat elektronik (surel).")
    phone: OptionalLine = Field(None, description="Nomor telepon.")


class Party(Strict):
    name: Line = Field(description="Nama lengkap instansi, sebagaimana ditulis di judul.")
    parent: OptionalLine = Field(None, description="Instansi induk, mis. 'Pemerintah Kabupaten Sumbawa' untuk sebuah dinas.")
    parent_join: Literal["line", "space", "pada", "comma"] = Field(
        "line", description="Cara menyambung nama dan instansi induk: 'line' = induk di baris tersendiri pada judul "
                            "dan disambung spasi di teks ('Direktorat Jenderal Imigrasi Kementerian …'); 'space' = "
                            "disambung spasi, juga pada judul; 'pada' = '… pada Pemerintah Kabupaten …'; 'comma' = "
                            "'…, Pemerintah Kabupaten …'.")
    short_name: Line = Field(description="Nama singkat yang dipakai di dalam teks.")
    mitra_type: MitraType = Field(
        description="Jenis mitra (Permen 8/2025 Pasal 3 ayat (4) dan Pasal 9): kementerian (pihak Kementerian "
                    "sendiri), lembaga_negara, lembaga_pemerintah, lembaga_nonpemerintah, pemerintah_daerah, "
                    "lembaga_pemerintah_asing, organisasi_internasional, organisasi_internasional_nonpemerintah, "
                    "subjek_hukum_internasional_lainnya.")
    legal_status: OptionalText = Field(None, description="Kedudukan pihak untuk konsiderans: 'bahwa PIHAK PERTAMA adalah …'.")
    address: OptionalText = Field(None, description="Alamat kedudukan pihak, dicetak di komparisi ('berkedudukan di …').")
    nomor: OptionalLine = Field(None, description="Nomor naskah pihak ini; kosong = titik-titik untuk draf.")
    representative: Representative = Field(description="Pejabat yang menandatangani untuk pihak ini.")
    signer_level: SignerLevel | None = Field(
        None, description="Untuk pihak Kementerian: tingkat penandatangan (menteri, pimpinan_eselon_1, "
                          "kepala_kantor_wilayah, kepala_upt, lainnya); kosong = disimpulkan dari jabatan.")
    pejabat_penghubung: OptionalLine = Field(None, description="Jabatan pejabat penghubung pihak ini.")
    duties: list[Item] = Field(
        default_factory=list, max_length=MAX_ITEMS,
        description="Pembagian kewenangan dan tanggung jawab: apa yang menjadi tanggung jawab pihak ini (Permen 8/2025 "
                    "Pasal 21 huruf e). Dalam Nota Kesepahaman ditulis sebagai peran yang dapat dilakukan, bukan kewajiban.")
    meterai: bool = Field(True, description="Tanda tangan pihak ini di atas meterai bila bea meterai terutang: "
                                            "Rp10.000 sejak 1 Januari 2021 (UU 10/2020), Rp6.000 sebelumnya; tidak "
                                            "pernah untuk pihak asing. false = tanpa meterai.")
    rights: list[Item] = Field(default_factory=list, max_length=MAX_ITEMS,
                               description="Hak pihak ini (Pasal Hak dan Kewajiban; hanya Perjanjian Kerja Sama).")
    obligations: list[Item] = Field(default_factory=list, max_length=MAX_ITEMS,
                                    description="Kewajiban pihak ini (Pasal Hak dan Kewajiban; hanya Perjanjian Kerja Sama).")
    correspondence: Correspondence | None = Field(
        None, description="Alamat pemberitahuan dan korespondensi pihak ini (Pasal Korespondensi).")

    @model_validator(mode="after")
    def _rights_with_obligations(self) -> Party:
        if self.rights and not self.obligations:
            raise FieldProblem("obligations", "hak tanpa kewajiban: isi juga kewajiban pihak ini (Pasal Hak dan Kewajiban)")
        return self

    @property
    def foreign(self) -> bool:
        """A foreign partner (Permen 8/2025 Pasal 9)."""
        return self.mitra_type in FOREIGN_MITRA


_PARTIAL_DATE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{1,2}))?$")


class Signing(Strict):
    date: Date | None = Field(None, description="Tanggal penandatanganan (TTTT-BB-HH). Bila baru sebagian "
                                                   "diketahui: TTTT-BB atau TTTT; yang belum diketahui ditulis "
                                                   "titik-titik.")
    year: int | None = Field(None, ge=1945, le=2200, description="Tahun penandatanganan bila tanggalnya belum diketahui.")
    month: int | None = Field(None, ge=1, le=12, description="Bulan penandatanganan bila tanggalnya belum diketahui.")
    place: OptionalLine = Field(None, description="Tempat penandatanganan, mis. 'Jakarta'.")

    @model_validator(mode="before")
    @classmethod
    def _partial_date(cls, data: Any) -> Any:
        """``date: 2025-07`` (or ``2025``) is a date of which only the month and year are known."""
        if isinstance(data, dict) and isinstance(data.get("date"), (str, int)) and not isinstance(data["date"], bool):
            m = _PARTIAL_DATE.match(str(data["date"]).strip())
            if m:
                data = {k: v for k, v in data.items() if k != "date"} | {"year": int(m["year"])}
                if m["month"]:
                    data["month"] = int(m["month"])
        return data

    @model_validator(mode="after")
    def _one_date(self) -> Signing:
        if self.date and (self.year or self.month):
            raise ValueError("isi tanggal lengkap ('date') atau sebagian ('year', 'month'), tidak keduanya")
        if self.month and not self.year:
            raise FieldProblem("year", "bulan tanpa tahun: isi juga tahunnya")
        return self

    def known(self) -> tuple[int | None, int | None, int | None]:
        """Year, month and day, as far as they are known."""
        if self.date:
            return self.date.year, self.date.month, self.date.day
        return self.year, self.month, None


class PriorAgreement(Strict):
    """An earlier agreement cited by number and date: the NK a PKS implements, or the predecessor."""

    kind: Kind = Field(Kind.nota_kesepahaman, description="Jenis naskah itu.")
    tentang: Line = Field(description="Pokok naskah itu, tanpa kata 'tentang'.")
    numbers: list[Line] = Field(min_length=1, max_length=MAX_PARTIES, description="Nomor naskah, satu per pihak.")
    date: Date = Field(description="Tanggal penandatanganannya (TTTT-BB-HH, mis. 2023-06-19).")
    end_date: Date | None = Field(None, description="Tanggal berakhirnya (TTTT-BB-HH), bila diketahui.")


class Renewal(PriorAgreement):
    kind: Kind = Field(Kind.perjanjian_kerja_sama, description="Jenis naskah yang diperpanjang.")
    biro_recommendation: OptionalText = Field(None, description="Rekomendasi Biro Hukum dan Kerja Sama (Permen 8/2025 Pasal 36 ayat (2) huruf b).")


class AdendumInput(Strict):
    """What an adendum needs beyond the changed agreement: why, its own numbers and signing, and
    who signs it now (UU 12/2011 Lampiran II BAB IV: an amendment names what it amends and why)."""

    reason: Text = Field(description="Mengapa naskah diubah, sebagai konsiderans ('bahwa …'), mis. 'bahwa untuk "
                                     "mendukung … perlu menambah data …'.")
    numbers: list[Line] = Field(default_factory=list, max_length=MAX_PARTIES,
                                description="Nomor adendum ini, satu per pihak; kosong = titik-titik.")
    signing: Signing = Field(Signing(), description="Tanggal dan tempat penandatanganan adendum.")
    representatives: list[Representative] = Field(
        default_factory=list, max_length=MAX_PARTIES,
        description="Penandatangan adendum saat ini, satu per pihak; kosong = penandatangan dalam isian.")


class Definition(Strict):
    term: Line = Field(description="Istilah yang didefinisikan, mis. 'Data Kependudukan'.")
    abbreviation: OptionalLine = Field(None, description="Singkatannya, mis. 'SIMKIM'; dicetak '(yang selanjutnya "
                                                         "disingkat …)'.")
    meaning: Text = Field(description="Artinya, tanpa kata 'adalah' di depannya.")


# A regulation's year and the year of the gazette it was placed in: the Republic's, four digits.
_FIRST_YEAR = 1945


def _year(value: int) -> int:
    if not _FIRST_YEAR <= value <= LAST_DATE.year:
        raise PydanticCustomError("year", f"{value} bukan tahun yang mungkin: tulis tahunnya dengan empat angka, "
                                          f"antara {_FIRST_YEAR} dan {LAST_DATE.year} (mis. 2011)")
    return value


Year = Annotated[int, AfterValidator(_year), Field(json_schema_extra={"minimum": _FIRST_YEAR, "maximum": LAST_DATE.year},
                                                   examples=[2011])]


class Promulgation(Strict):
    """Where a regulation was promulgated, as its citation in a legal basis names it (UU 12/2011
    Lampiran II, dasar hukum: the Lembaran Negara and the Tambahan Lembaran Negara of an
    Undang-Undang, the Berita Negara of a Peraturan Menteri, the Lembaran Daerah of a Perda)."""

    lembaran: Line = Field(description="Tempat pengundangan, ditulis lengkap: 'Lembaran Negara Republik Indonesia', "
                                       "'Berita Negara Republik Indonesia', 'Lembaran Daerah Provinsi Jawa Barat', "
                                       "'Berita Daerah Kabupaten …'.")
    tahun: Year = Field(description="Tahun Lembaran Negara (atau Berita Negara, Lembaran Daerah) itu.")
    nomor: OptionalLine = Field(None, description="Nomornya, mis. 52; kosong = titik-titik untuk draf.")
    tambahan: OptionalLine = Field(None, description="Nomor Tambahan Lembaran Negara (atau Tambahan Lembaran Daerah, "
                                                     "Tambahan Berita Negara) yang memuat penjelasannya, mis. 5216.")

    @model_validator(mode="after")
    def _gazette(self) -> Promulgation:
        if self.tambahan and self.lembaran.startswith("Berita Daerah"):
            raise FieldProblem("tambahan", "Berita Daerah tidak mempunyai Tambahan (UU 12/2011 Pasal 81): hapus "
                                           "'tambahan', atau periksa 'lembaran' (Tambahan Lembaran Daerah?)")
        return self


class BaseRegulation(Strict):
    """What a regulation and the one that amended it are cited by."""

    jenis: Line = Field(description="Jenis peraturan, dengan pembentuknya bila ada: 'Undang-Undang', 'Peraturan "
                                    "Pemerintah', 'Peraturan Presiden', 'Peraturan Menteri Ketenagakerjaan', "
                                    "'Peraturan Daerah Kabupaten Sumbawa', ….")
    nomor: Line = Field(description="Nomor peraturan, mis. 6.")
    tahun: Year = Field(description="Tahun peraturan, mis. 2011.")
    tentang: Line = Field(description="Judul peraturan, tanpa kata 'tentang'.")
    diundangkan: Promulgation | None = Field(
        None, description="Tempat pengundangannya: Lembaran Negara (dan Tambahan Lembaran Negara), Berita Negara, "
                          "Lembaran Daerah; kosong = tidak disebut (mis. untuk Keputusan).")


class Amendment(BaseRegulation):
    """The regulation that last amended the one cited (UU 12/2011 Lampiran II, dasar hukum)."""

    beberapa_kali: bool = Field(False, description="Peraturan itu telah beberapa kali diubah, dan ini perubahan "
                                                   "terakhirnya: 'sebagaimana telah beberapa kali diubah terakhir "
                                                   "dengan …'; false = 'sebagaimana telah diubah dengan …'.")


class Regulation(BaseRegulation):
    """A regulation cited in the legal basis, with the place of its promulgation and its last
    amendment, each written once and printed as UU 12/2011 Lampiran II cites them (clause dasar_hukum)."""

    perubahan: Amendment | None = Field(None, description="Peraturan yang mengubahnya (yang terakhir, bila "
                                                          "beberapa kali diubah).")


# A legal basis item: a regulation as data, or its citation as text (as inputs before it were written).
LegalBasis = _text_or(Text, Regulation)


class Purpose(Strict):
    maksud: Text = Field(description="Maksud kerja sama, disambung ke 'Maksud Perjanjian ini adalah …'.")
    tujuan: Text = Field(description="Tujuan kerja sama, disambung ke 'Tujuan Perjanjian ini adalah …'.")


class DataFlow(Strict):
    receiver: PartyRef
    provider: PartyRef
    data: Line = Field("data", description="Apa yang diterima, mis. 'data kepesertaan tenaga kerja'.")
    items: list[Item] = Field(min_length=1, max_length=MAX_ITEMS,
                              description="Rincian data yang diterima, mis. 'nama lengkap', 'nomor paspor'.")


class Network(Strict):
    provider: PartyRef
    technology: Line = Field(description="mis. 'Virtual Private Network (VPN)'.")


# UU 27/2022 Pasal 20 ayat (2): the lawful bases of processing, by their letter.
LawfulBasis = Literal["persetujuan", "perjanjian", "kewajiban_hukum", "kepentingan_vital", "kewenangan",
                      "kepentingan_sah"]


class DataProtection(Strict):
    """How personal data is protected (UU 27/2022): the input of the Pelindungan Data Pribadi Pasal."""

    basis: LawfulBasis = Field(
        "kewenangan",
        description="Dasar pemrosesan data pribadi (UU 27/2022 Pasal 20 ayat (2)): persetujuan (huruf a), perjanjian "
                    "(huruf b), kewajiban_hukum (huruf c), kepentingan_vital (huruf d), kewenangan (huruf e: tugas "
                    "kepentingan umum, pelayanan publik, atau kewenangan berdasarkan peraturan), kepentingan_sah (huruf f).")
    processor: PartyRef | None = Field(
        None, description="Pihak yang memproses data pribadi atas nama pihak lain (prosesor, UU 27/2022 Pasal 51); "
                          "kosong = setiap pihak menjadi pengendali atas data pribadi yang diterimanya (Pasal 55).")
    controller: PartyRef | None = Field(None, description="Bersama 'processor': pihak pengendali yang memberi perintah.")
    retention_years: int | None = Field(
        None, ge=1, le=MAX_YEARS, description="Masa retensi data pribadi yang diterima, dalam tahun; kosong = selama diperlukan "
                                "untuk tujuan pemrosesan (UU 27/2022 Pasal 42-44).")

    @model_validator(mode="after")
    def _roles(self) -> DataProtection:
        if (self.processor is None) != (self.controller is None):
            raise ValueError("isi keduanya atau tidak sama sekali: 'processor' (prosesor) dan 'controller' (pengendali)")
        if self.processor is not None and self.processor == self.controller:
            raise FieldProblem("controller", "pengendali dan prosesor harus pihak yang berbeda")
        return self


class DataExchange(Strict):
    mechanism: Line = Field(description="mis. 'layanan web (web-service) secara waktu nyata (real time)'.")
    flows: list[DataFlow] = Field(min_length=1, max_length=MAX_ITEMS,
                                  description="Data yang diterima tiap pihak dari pihak lain: satu per arah.")
    network: Network | None = Field(None, description="Jaringan komunikasi data dan penyedianya (Pasal Jaringan "
                                                      "Komunikasi Data); kosong = pasal itu tidak dimuat.")
    personal_data: bool = Field(
        True, description="Data yang dipertukarkan memuat data pribadi (UU 27/2022): Pasal Pelindungan Data Pribadi "
                          "dimuat. false jika tidak, mis. data statistik tanpa identitas orang.")
    protection: DataProtection = Field(DataProtection(), description="Pelindungan data pribadi (UU 27/2022).")


class Term(Strict):
    start: Date | None = Field(None, description="Tanggal mulai berlaku (TTTT-BB-HH, mis. 2025-07-01); kosong = sejak "
                                                 "tanggal ditandatangani.")
    end: Date | None = Field(None, description="Tanggal berakhir (TTTT-BB-HH, mis. 2030-06-30); isi ini atau 'years'.")
    years: int | None = Field(None, ge=1, le=MAX_YEARS, examples=[5],
                              description="Lama berlaku dalam tahun, mis. 5; isi ini atau 'end'.")
    notice_months: int = Field(3, ge=1, le=MAX_MONTHS, examples=[3],
                               description="Pemberitahuan tertulis sekian bulan sebelum pengakhiran atau "
                                           "perpanjangan, mis. 3.")

    @model_validator(mode="after")
    def _end_or_years(self) -> Term:
        if (self.end is None) == (self.years is None):
            raise ValueError("isi salah satu: 'end' (tanggal berakhir) atau 'years' (lama tahun)")
        if self.end and self.start and self.end <= self.start:
            raise FieldProblem("end", f"tanggal berakhir {self.end} tidak sesudah tanggal mulai {self.start}")
        return self


class Monitoring(Strict):
    times: int = Field(1, ge=1, le=MAX_TIMES, description="Paling sedikit sekian kali …")
    per_years: int = Field(1, ge=1, le=MAX_PER_YEARS, description="… dalam sekian tahun.")
    report_months: int | None = Field(None, ge=1, le=MAX_MONTHS, description="Laporan berkala setiap sekian bulan.")


class Termination(Strict):
    cure_days: int = Field(
        30, ge=1, le=MAX_DAYS, description="Pengakhiran karena pelanggaran: hari kerja untuk memperbaiki pelanggaran sesudah "
                              "teguran tertulis (Pasal Pengakhiran, Permen 8/2025 Pasal 37).")


class Domicile(Strict):
    """Hukum yang berlaku dan domisili hukum: a named court, or BANI (variant 'arbitrase')."""

    court: OptionalLine = Field(None, description="Pengadilan negeri tempat domisili hukum, mis. "
                                                "'Pengadilan Negeri Jakarta Selatan'.")
    arbitration_place: OptionalLine = Field(
        None, description="Untuk varian 'arbitrase': tempat arbitrase oleh Badan Arbitrase Nasional Indonesia, mis. 'Jakarta'.")


class IntellectualProperty(Strict):
    owner: PartyRef | None = Field(None, description="Pemilik hak kekayaan intelektual atas hasil kerja sama; kosong = "
                                                     "milik bersama PARA PIHAK.")
    results: list[Item] = Field(default_factory=list, max_length=MAX_ITEMS, description="Hasil kerja sama yang dapat dilindungi hak kekayaan "
                                                                  "intelektual, mis. 'aplikasi', 'modul pelatihan'.")


class TechnicalTeam(Strict):
    tasks: list[Item] = Field(default_factory=list, max_length=MAX_ITEMS, description="Tugas tim teknis; kosong = tugas baku (rencana kerja, "
                                                                "pelaksanaan, laporan).")
    work_plan_months: int | None = Field(
        None, ge=1, le=MAX_MONTHS, description="Rencana kerja disusun paling lambat sekian bulan sejak naskah ditandatangani.")


class ThirdParties(Strict):
    kinds: list[Item] = Field(default_factory=list, max_length=MAX_ITEMS, description="Pihak ketiga yang dapat diikutsertakan, mis. "
                                                                "'perguruan tinggi'; kosong = tidak dirinci.")


class Annex(Strict):
    title: Line = Field(description="Judul lampiran, mis. 'Spesifikasi Data', 'Standar Operasional Prosedur', "
                                    "'Rencana Kerja'.")


ClauseId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=MAX_LINE)]


class ExtraPasal(Strict):
    id: ClauseId | None = Field(None, description="Nama pasal ini untuk rujukan ({{ ref(\"id\") }}) dan untuk "
                                                  "'after'/'before' pasal tambahan lain; kosong = pasal_tambahan_N.")
    title: Title = Field(description="Judul pasal, mis. 'PENGAMANAN DOKUMEN'.")
    after: OptionalLine = Field(None, description="Id klausul (atau pasal tambahan) yang mendahului pasal ini.")
    before: OptionalLine = Field(None, description="Id klausul (atau pasal tambahan) yang didahului pasal ini.")
    first: bool = Field(False, description="Pasal ini menjadi Pasal 1.")
    replaces: OptionalLine = Field(
        None, description="Id klausul pustaka yang digantikan pasal ini: pasal ini berdiri di tempat klausul itu dan "
                          "dirujuk dengan id-nya, dan klausul itu tidak ditulis (juga klausul wajib). Dipakai "
                          "'drafting extract' untuk pasal naskah lama yang kata-katanya bukan kata pustaka.")
    paragraphs: list[Text] = Field(default_factory=list, max_length=MAX_ITEMS,
                                   description="Satu ayat per butir, teks biasa.")
    text: Lines | None = Field(
        None, description="Isi pasal dalam format klausul: satu paragraf (ayat) per baris; '- ' butir huruf, "
                          "'+ ' butir angka, dua spasi lebih dalam untuk tingkat berikutnya; '[#nama]' menandai "
                          "ayat/butir; '{{ ref(\"nama\") }}' merujuknya; '{{ br }}' memulai baris baru dalam "
                          "ayat atau butir (mis. baris u.p. dan Alamat). Tidak ada yang lain yang dibaca "
                          "sebagai perintah.")

    @model_validator(mode="after")
    def _one_body_one_place(self) -> ExtraPasal:
        if bool(self.paragraphs) == bool(self.text and self.text.strip()):
            raise ValueError("isi salah satu: 'paragraphs' (daftar ayat) atau 'text' (format klausul)")
        if sum((self.after is not None, self.before is not None, self.first, self.replaces is not None)) > 1:
            raise ValueError("pilih satu tempat: 'after', 'before', 'first', atau 'replaces'")
        if self.replaces is not None and self.id is not None and self.id != self.replaces:
            raise FieldProblem("id", "pasal yang menggantikan klausul dirujuk dengan id klausul itu; kosongkan 'id'")
        return self


class ClauseChoice(Strict):
    exclude: list[Line] = Field(default_factory=list, max_length=MAX_ITEMS, description="Id klausul yang tidak dipakai.")
    variants: dict[Line, Line] = Field(default_factory=dict, max_length=MAX_ITEMS, description="Id klausul → nama varian.")
    titles: dict[Line, Title] = Field(default_factory=dict, max_length=MAX_ITEMS,
                                     description="Id klausul → judul pasal pengganti.")
    texts: dict[Line, Annotated[str, BeforeValidator(_cleaned(normalise_lines)), Field(max_length=MAX_TEXT)]] = Field(
        default_factory=dict, max_length=MAX_ITEMS,
        description="Bagian pembuka (pembukaan, konsiderans, dasar_hukum, pengantar) → teksnya sebagaimana ditulis "
                    "naskah asal, dalam format klausul (dibaca sebagai data, seperti extra_pasal.text); kosong = "
                    "bagian itu tidak ada. Ditulis 'drafting extract' untuk naskah lama yang bentuknya bukan bentuk "
                    "pustaka; 'drafting renew' menyusunnya kembali dari isian.")


PartyLine = Literal["nama", "nip", "jabatan", "dasar", "alamat"]


class Style(Strict):
    party_label: Literal["pertama", "kesatu"] = Field("pertama", description="PIHAK PERTAMA atau PIHAK KESATU.")
    opening_case: Literal["title", "lower"] = Field(
        "title", description="Tanggal dan tahun dalam huruf pada kalimat pembuka: 'title' = Sembilan Belas, "
                             "'lower' = sembilan belas.")
    opening_digits: bool = Field(True, description="Tanggal dalam angka di dalam kurung: (19-06-2023).")
    opening_commas: bool = Field(True, description="Koma di antara hari, tanggal, bulan, dan tahun.")
    opening_place: Literal["end", "first", "none"] = Field(
        "end", description="Tempat penandatanganan pada kalimat pembuka: 'end' = '…, bertempat di Jakarta', "
                           "'first' = '… dibuat dan ditandatangani di Jakarta, pada hari …', 'none' = tanpa tempat.")
    jumat: Literal["Jumat", "Jum'at"] = Field("Jumat", description="Ejaan hari Jumat.")
    party_block: Literal["sentence", "lines"] = Field(
        "sentence", description="Komparisi sebagai kalimat, atau sebagai baris berlabel (Nama : …).")
    party_lines: list[PartyLine] = Field(
        ["nama", "jabatan", "dasar", "alamat"], min_length=1, max_length=MAX_ITEMS,
        description="Untuk komparisi berbaris: baris-baris dan urutannya (nama, nip, jabatan, dasar, alamat).")
    yang_berkedudukan: bool = Field(True, description="'yang berkedudukan …' (true) atau 'berkedudukan …' (false).")
    yang_selanjutnya: bool = Field(False, description="'yang selanjutnya disebut …' (true) atau 'selanjutnya "
                                                      "disebut …' (false).")
    numbers: Literal["per_party", "single"] = Field("per_party", description="Satu nomor per pihak, atau satu nomor.")
    numbers_place: Literal["subject", "parties", "before_subject"] = Field(
        "subject", description="Baris NOMOR pada judul: di bawah pokok naskah ('subject'), di bawah nama tiap pihak "
                               "('parties'), atau sesudah para pihak sebelum TENTANG ('before_subject').")
    title_date: bool = Field(False, description="Baris 'Tanggal : …' di bawah nomor pada judul.")
    list_levels: Literal["a. 1. a) 1)", "a. 1) a)"] = Field(
        "a. 1. a) 1)", description="Urutan label daftar: UU 12/2011 Lampiran II (a. 1. a) 1)), atau a. 1) a) seperti "
                                  "banyak naskah, mis. PKS BPJS Ketenagakerjaan 2023.")
    paper: Literal["a4", "f4"] = Field("a4", description="A4, atau F4/folio (215 × 330 mm).")
    paraf: bool = Field(True, description="Kotak paraf para pihak di kaki setiap halaman kecuali halaman tanda tangan.")
    layout: Literal["columns", "sequential"] = Field(
        "columns", description="Naskah dwibahasa: 'columns' = teks bahasa Indonesia dan bahasa Inggris berdampingan "
                               "dalam dua kolom, satu baris per paragraf (Pasal di samping Article-nya); "
                               "'sequential' = teks bahasa Indonesia lalu teks bahasa Inggris, masing-masing lengkap "
                               "dengan halaman tanda tangannya.")
    english_parties: Literal["parties", "participants"] = Field(
        "parties", description="Naskah dwibahasa: sebutan para pihak dalam teks bahasa Inggris: 'parties' = the "
                               "Parties (seperti MSP Indonesia pada umumnya), 'participants' = the Participants "
                               "(lazim bagi MoU yang bukan perjanjian internasional, mis. dengan Australia atau "
                               "Inggris). Teks bahasa Indonesia tetap 'Para Pihak'.")
    recital_leads: bool = Field(
        True, description="Naskah luar negeri: pertimbangan diawali kata kapital ('MENYADARI …;'), seperti MSP "
                          "Indonesia; false = dengan huruf dan 'bahwa' ('a. bahwa …;').")

    @field_validator("opening_place", mode="before")
    @classmethod
    def _place_was_a_switch(cls, v: Any) -> Any:
        """Inputs written before the place could come first said only whether it is printed."""
        return {True: "end", False: "none"}.get(v, v) if isinstance(v, bool) else v

    @field_validator("party_lines")
    @classmethod
    def _lines_once_with_name(cls, v: list[str]) -> list[str]:
        if len(set(v)) != len(v):
            raise ValueError("setiap baris cukup disebut sekali")
        if "nama" not in v:
            raise ValueError("baris 'nama' harus ada")
        return v


# An English text while it may still be empty: the form adds it empty beside its original, and
# an empty one is reported where it is printed untranslated (translation.py).
EnglishText = Annotated[str, BeforeValidator(_text), Field(max_length=MAX_TEXT)]


class EnglishListItem(Strict):
    text: EnglishText = ""
    items: list[EnglishItem] = Field(default_factory=list, max_length=MAX_ITEMS)


# A list item in English: as the Indonesian one (a text, or {text, items}); empty while it is
# not translated yet (the form adds it empty beside its original).
EnglishItem = _text_or(EnglishText, EnglishListItem)


class EnglishRepresentative(Strict):
    position: OptionalLine = Field(None, description="Jabatan dalam bahasa Inggris, mis. 'Director General of Immigration'.")
    acting_for: OptionalLine = None
    acting_for_basis: OptionalLine = None


class EnglishCorrespondence(Strict):
    addressee: OptionalLine = None
    address: OptionalText = None


class EnglishParty(Strict):
    name: OptionalLine = Field(None, description="Nama instansi dalam bahasa Inggris.")
    parent: OptionalLine = None
    short_name: OptionalLine = Field(None, description="Nama singkat dalam teks bahasa Inggris; kosong = sama.")
    legal_status: OptionalText = None
    address: OptionalText = Field(None, description="Alamat dalam teks bahasa Inggris; kosong = sama.")
    pejabat_penghubung: OptionalLine = None
    representative: EnglishRepresentative = EnglishRepresentative()
    duties: list[EnglishItem] = Field(default_factory=list, max_length=MAX_ITEMS)
    correspondence: EnglishCorrespondence | None = None


class EnglishPrior(Strict):
    tentang: OptionalLine = Field(None, description="Pokok naskah itu dalam bahasa Inggris.")


class EnglishDefinition(Strict):
    term: OptionalLine = None
    abbreviation: OptionalLine = None
    meaning: OptionalText = None


class EnglishPurpose(Strict):
    maksud: OptionalText = None
    tujuan: OptionalText = None


class EnglishSigning(Strict):
    place: OptionalLine = Field(None, description="Tempat penandatanganan dalam bahasa Inggris bila lain, mis. 'The Hague'.")


class EnglishIntellectualProperty(Strict):
    results: list[EnglishItem] = Field(default_factory=list, max_length=MAX_ITEMS)


class EnglishTechnicalTeam(Strict):
    tasks: list[EnglishItem] = Field(default_factory=list, max_length=MAX_ITEMS)


class EnglishThirdParties(Strict):
    kinds: list[EnglishItem] = Field(default_factory=list, max_length=MAX_ITEMS)


class EnglishAnnex(Strict):
    title: OptionalLine = None


class EnglishExtraPasal(Strict):
    title: OptionalTitle = None
    paragraphs: list[EnglishText] = Field(default_factory=list, max_length=MAX_ITEMS)
    text: Lines | None = None


class English(Strict):
    """The English text of what a bilingual naskah prints from the input, field by field as in the
    Indonesian input (same names, lists of the same length and nesting): the English text of
    ``tentang`` is ``english.tentang``, of ``parties[1].representative.position``
    ``english.parties[1].representative.position``. Names of persons, numbers and dates are not
    translated; a short name, an address or a place left empty is the same in both texts."""

    naskah: OptionalLine = None
    tentang: OptionalLine = Field(None, description="Pokok naskah dalam bahasa Inggris (judul: 'ON …').")
    signing: EnglishSigning | None = None
    parties: list[EnglishParty] = Field(default_factory=list, max_length=MAX_PARTIES)
    recitals: list[EnglishText] = Field(default_factory=list, max_length=MAX_ITEMS)
    renewal: EnglishPrior | None = None
    definitions: list[EnglishDefinition] = Field(default_factory=list, max_length=MAX_ITEMS)
    purpose: EnglishPurpose | None = None
    scope: list[EnglishItem] = Field(default_factory=list, max_length=MAX_ITEMS)
    forms: list[EnglishItem] = Field(default_factory=list, max_length=MAX_ITEMS)
    capacity_building: list[EnglishText] = Field(default_factory=list, max_length=MAX_ITEMS)
    financing: OptionalText = None
    intellectual_property: EnglishIntellectualProperty | None = None
    technical_team: EnglishTechnicalTeam | None = None
    third_parties: EnglishThirdParties | None = None
    annexes: list[EnglishAnnex] = Field(default_factory=list, max_length=MAX_ITEMS)
    extra_pasal: list[EnglishExtraPasal] = Field(default_factory=list, max_length=MAX_ITEMS)
    titles: dict[str, Title] = Field(default_factory=dict, max_length=MAX_ITEMS, description="Judul pasal pengganti (clauses.titles) "
                                                                      "dalam bahasa Inggris.")


class Coordination(Strict):
    """Coordination with the Kementerian Luar Negeri (Permen 8/2025 Pasal 10 ayat (1))."""

    record: Text = Field(description="Catatan koordinasinya, mis. 'Surat Direktur Perjanjian Ekonomi dan Sosial "
                                     "Budaya Kementerian Luar Negeri Nomor … tanggal …' atau notula rapat.")
    date: Date | None = Field(None, description="Tanggal koordinasi (TTTT-BB-HH, mis. 2026-01-15).")
    outcome: Literal["naskah_kerja_sama", "perjanjian_internasional"] = Field(
        "naskah_kerja_sama", description="Hasilnya: 'naskah_kerja_sama' = dapat dibuat sebagai naskah Kerja Sama "
                                         "(MSP); 'perjanjian_internasional' = harus melalui perjanjian internasional "
                                         "(Pasal 10 ayat (2), UU 24/2000).")


class Foreign(Strict):
    """Kerja Sama luar negeri: its level and units (Permen 8/2025 Pasal 8), and the coordination
    with the Kementerian Luar Negeri (Pasal 10)."""

    units: list[Line] = Field(
        default_factory=list, max_length=MAX_ITEMS, description="Unit Eselon I Kementerian yang melaksanakan kerja sama ini, mis. "
                                          "'Direktorat Jenderal Imigrasi'. Satu unit: ditandatangani pimpinannya; dua "
                                          "unit atau lebih: oleh Menteri (Permen 8/2025 Pasal 8 ayat (3)), menurut SOP "
                                          "juga Sekretaris Jenderal.")
    coordination: Coordination | None = Field(None, description="Koordinasi dengan Kementerian Luar Negeri "
                                                                "(Permen 8/2025 Pasal 10).")


class Agreement(Strict):
    """One naskah kerja sama, as the drafter describes it."""

    kind: Kind = Field(
        description="Jenis naskah: perjanjian_kerja_sama, nota_kesepahaman, nota_kesepakatan (Kerja Sama utama dengan "
                    "nama lain), surat_perjanjian (Kerja Sama teknis berjudul PERJANJIAN), atau "
                    "memorandum_saling_pengertian (Kerja Sama luar negeri, dwibahasa).")
    naskah: OptionalLine = Field(
        None, description="Sebutan naskah di judul dan di teks bila lain dari jenisnya, mis. 'Perjanjian' atau "
                          "'Surat Perjanjian' (Permen 8/2025 Pasal 5: '… atau nama lain'); kosong = sebutan jenisnya.")
    library: list[Line] = Field(
        default_factory=list, max_length=MAX_ITEMS, description="Folder pustaka unit (klausul dan templat sendiri, dengan susunan seperti "
                                          "clauses/ dan templates/), relatif terhadap berkas isian; yang disebut "
                                          "kemudian menimpa yang lebih dahulu.")
    tentang: Line = Field(description="Pokok naskah, tanpa kata 'tentang'.")
    draft: bool = Field(False, description="Draf: yang belum diketahui ditulis titik-titik.")
    signing: Signing = Field(Signing(), description="Tanggal dan tempat penandatanganan; kosong pada draf.")
    parties: list[Party] = Field(min_length=2, max_length=MAX_PARTIES,
                                 description="Para pihak, paling sedikit dua, berurutan: PIHAK PERTAMA, PIHAK KEDUA, …")
    recitals: list[Text] = Field(default_factory=list, max_length=MAX_ITEMS, description="Konsiderans tambahan ('bahwa …').")
    legal_basis: list[LegalBasis] = Field(
        default_factory=list, max_length=MAX_ITEMS,
        description="Dasar hukum: peraturan perundang-undangan, masing-masing {jenis, nomor, tahun, tentang, "
                    "diundangkan (Lembaran Negara, Tambahan Lembaran Negara), perubahan}, atau teks lengkapnya.")
    nota_kesepahaman: PriorAgreement | None = Field(None, description="Nota Kesepahaman yang dilaksanakan PKS ini.")
    technical_basis: OptionalText = Field(
        None, description="Jika PKS tanpa Nota Kesepahaman: dasarnya (Permen 8/2025 Pasal 7 ayat (1)), ditulis sebagai "
                          "konsiderans terakhir ('bahwa …'), mis. 'kerja sama ini hanya mencakup substansi yang "
                          "bersifat teknis'.")
    renewal: Renewal | None = Field(None, description="Naskah yang diperpanjang oleh naskah ini.")
    definitions: list[Definition] = Field(default_factory=list, max_length=MAX_ITEMS,
                                          description="Istilah yang didefinisikan di Pasal Ketentuan Umum.")
    purpose: Purpose | None = Field(None, description="Maksud dan tujuan kerja sama (Permen 8/2025 Pasal 21).")
    scope: list[Item] = Field(default_factory=list, max_length=MAX_ITEMS,
                              description="Ruang lingkup kerja sama, satu butir per kegiatan, mis. 'pertukaran data'.")
    forms: list[Item] = Field(default_factory=list, max_length=MAX_ITEMS,
                              description="Bentuk kerja sama, mis. 'pertukaran informasi', 'kunjungan kerja', "
                                          "'pelatihan'.")
    data_exchange: DataExchange | None = Field(None, description="Pertukaran data antara para pihak; kosong = tidak "
                                                                "ada, dan pasal-pasalnya tidak dimuat.")
    capacity_building: list[Text] = Field(default_factory=list, max_length=MAX_ITEMS,
                                          description="Kegiatan peningkatan kapasitas, mis. 'pelatihan teknis bagi "
                                                      "petugas'.")
    financing: OptionalText = Field(None, description="Kalimat tambahan tentang pembiayaan, mis. sumber APBN.")
    term: Term | None = Field(None, description="Jangka waktu berlakunya naskah: lama dalam tahun ('years', mis. 5) "
                                                "atau tanggal berakhir ('end').")
    monitoring: Monitoring | None = Field(None, description="Pemantauan dan evaluasi: berapa kali dalam berapa "
                                                            "tahun, dan laporan berkala.")
    termination: Termination = Field(Termination(), description="Pengakhiran (Permen 8/2025 Pasal 37).")
    domicile: Domicile | None = Field(None, description="Hukum yang berlaku dan domisili hukum: pengadilan negeri, "
                                                        "atau tempat arbitrase BANI.")
    intellectual_property: IntellectualProperty | None = Field(None, description="Hak kekayaan intelektual atas hasil "
                                                                                 "kerja sama.")
    technical_team: TechnicalTeam | None = Field(None, description="Tim teknis dan rencana kerja.")
    third_parties: ThirdParties | None = Field(None, description="Keikutsertaan pihak ketiga.")
    annexes: list[Annex] = Field(default_factory=list, max_length=10,
                                 description="Lampiran yang merupakan bagian tidak terpisahkan (Lampiran I, II, …).")
    non_binding: bool = Field(False, description="Nota Kesepahaman: nyatakan bahwa naskah ini tidak menimbulkan hak "
                                                 "dan kewajiban yang mengikat secara hukum.")
    originals: int | None = Field(None, ge=1, le=MAX_ORIGINALS, description="Rangkap; kosong = sebanyak pihak.")
    extra_pasal: list[ExtraPasal] = Field(default_factory=list, max_length=MAX_ITEMS,
                                          description="Pasal tambahan yang ditulis sendiri, di tempat yang dipilih "
                                                      "('after', 'before', 'first').")
    clauses: ClauseChoice = Field(ClauseChoice(), description="Klausul yang tidak dipakai, varian yang dipilih, dan "
                                                              "judul pasal pengganti.")
    style: Style = Field(Style(), description="Gaya naskah: sebutan pihak, kalimat pembuka, komparisi, judul, "
                                              "kertas, paraf.")
    foreign: Foreign | None = Field(None, description="Kerja Sama luar negeri: unit pelaksana dan koordinasi dengan "
                                                      "Kementerian Luar Negeri (Permen 8/2025 Pasal 8 dan 10).")
    english: English | None = Field(None, description="Naskah dwibahasa: teks bahasa Inggris dari isian yang dicetak, "
                                                      "dengan nama dan susunan yang sama dengan isian bahasa Indonesia.")
    adendum: AdendumInput | None = Field(
        None, description="Untuk 'drafting adendum': isian ini adalah naskah sesudah diubah; di sini alasan, nomor, "
                          "tanggal, dan penandatangan adendumnya.")
    prevailing_text: Literal["en", "id", "none"] = Field(
        "en", description="Naskah dwibahasa: teks yang berlaku bila terdapat perbedaan penafsiran: 'en' = bahasa "
                          "Inggris, 'id' = bahasa Indonesia, 'none' = tidak disebut (semua naskah sama autentiknya).")

    @classmethod
    def model_json_schema(cls, *args: Any, schema_generator: type[GenerateJsonSchema] = IndonesianSchema,
                          **kwargs: Any) -> dict[str, Any]:
        """The schema in the drafter's words (``schema.py``): what ``drafting schema`` prints."""
        return super().model_json_schema(*args, schema_generator=schema_generator, **kwargs)

    @model_validator(mode="after")
    def _party_refs(self) -> Agreement:
        n = len(self.parties)
        refs: list[tuple[str, int]] = []
        if self.data_exchange:
            for i, flow in enumerate(self.data_exchange.flows):
                refs += [(f"data_exchange.flows[{i}].receiver", flow.receiver),
                         (f"data_exchange.flows[{i}].provider", flow.provider)]
            if self.data_exchange.network:
                refs.append(("data_exchange.network.provider", self.data_exchange.network.provider))
            protection = self.data_exchange.protection
            for role in ("processor", "controller"):
                if getattr(protection, role) is not None:
                    refs.append((f"data_exchange.protection.{role}", getattr(protection, role)))
        if self.intellectual_property and self.intellectual_property.owner:
            refs.append(("intellectual_property.owner", self.intellectual_property.owner))
        for path, ref in refs:
            if ref > n:
                raise FieldProblem(path, f"pihak nomor {ref} tidak ada (hanya ada {n} pihak)")
        self._kind_fields()
        self._domicile()
        if self.term and self.term.end and self.term.start is None and self.signing.date:
            if self.term.end <= self.signing.date:
                raise FieldProblem("term.end", f"tanggal berakhir {self.term.end} tidak sesudah "
                                               f"tanggal penandatanganan {self.signing.date}")
        return self

    def _kind_fields(self) -> None:
        if self.non_binding and not (self.kind.utama or self.kind.luar_negeri):
            raise FieldProblem("non_binding", "hanya untuk Nota Kesepahaman atau Memorandum Saling Pengertian: "
                                              "Perjanjian Kerja Sama menimbulkan hak dan kewajiban (Permen 8/2025 "
                                              "Pasal 3 ayat (3))")
        if self.kind.utama:
            for i, p in enumerate(self.parties):
                if p.rights or p.obligations:
                    raise FieldProblem(f"parties[{i}].obligations",
                                       "hak dan kewajiban dituangkan dalam Perjanjian Kerja Sama, bukan Nota Kesepahaman "
                                       "(Permen 8/2025 Pasal 3); tulis peran pihak di 'duties'")

    def _domicile(self) -> None:
        d = self.domicile
        if d is None:
            return
        if self.clauses.variants.get("hukum_yang_berlaku") == "arbitrase":
            if not d.arbitration_place:
                raise FieldProblem("domicile.arbitration_place", "varian arbitrase: sebutkan tempat arbitrase BANI")
        elif not d.court:
            raise FieldProblem("domicile.court", "sebutkan pengadilan negeri tempat domisili hukum (atau pilih varian "
                                                 "'arbitrase' untuk klausul hukum_yang_berlaku)")

    @property
    def under_permen_8_2025(self) -> bool:
        """Signed since Permen 8/2025 was ditetapkan, or not signed yet: its rules apply."""
        return self.signing.date is None or self.signing.date >= PERMEN_8_2025

    @field_validator("library", mode="before")
    @classmethod
    def _one_library(cls, v: Any) -> Any:
        return [v] if isinstance(v, str) else v

    @field_validator("parties")
    @classmethod
    def _distinct_short_names(cls, parties: list[Party]) -> list[Party]:
        seen = set()
        for p in parties:
            if p.short_name in seen:
                raise ValueError(f"nama singkat '{p.short_name}' dipakai lebih dari satu pihak")
            seen.add(p.short_name)
        return parties
