"""The input model: what a drafter writes in YAML or JSON, validated by pydantic v2.

Field names are English, legal domain words keep their Indonesian names (glossary). Parties are
referred to by their number in ``parties`` (1 = PIHAK PERTAMA). Free text is data: it is never
evaluated as a template and never read as markup.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Any, Literal, Optional, Union

from pydantic import (BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, Tag, field_validator,
                      model_validator)
from pydantic_core import PydanticCustomError

from .limits import (FIRST_DATE, LAST_DATE, MAX_ITEM_LEVELS, MAX_ITEMS, MAX_LINE, MAX_MONTHS, MAX_ORIGINALS,
                     MAX_PARTIES, MAX_PER_YEARS, MAX_TEXT, MAX_TIMES, MAX_YEARS)
from .normalise import TextProblem, normalise


def _text(value: Any) -> Any:
    """Every text field is normalised before it is checked (normalise.py): printed the same way
    in the title, the body and the signature block, and blank when it is only spaces."""
    if isinstance(value, str):
        try:
            return normalise(value)
        except TextProblem as exc:
            raise PydanticCustomError("text_invalid", str(exc)) from None
    return value


def _optional_text(value: Any) -> Any:
    value = _text(value)
    return None if value == "" else value  # an optional field of spaces is not given


# Required text: a name, title, position or number (Line), or a paragraph (Text).
Line = Annotated[str, BeforeValidator(_text), Field(min_length=1, max_length=MAX_LINE)]
Text = Annotated[str, BeforeValidator(_text), Field(min_length=1, max_length=MAX_TEXT)]
# Optional text: spaces only is the same as not given.
OptionalLine = Annotated[Optional[Annotated[str, Field(max_length=MAX_LINE)]], BeforeValidator(_optional_text)]
OptionalText = Annotated[Optional[Annotated[str, Field(max_length=MAX_TEXT)]], BeforeValidator(_optional_text)]
Date = Annotated[dt.date, Field(ge=FIRST_DATE, le=LAST_DATE, json_schema_extra={
    "formatMinimum": FIRST_DATE.isoformat(), "formatMaximum": LAST_DATE.isoformat()})]
PartyRef = Annotated[int, Field(ge=1, le=MAX_PARTIES,
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
    perjanjian_kerja_sama = "perjanjian_kerja_sama"
    nota_kesepahaman = "nota_kesepahaman"


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


class SignerLevel(str, Enum):
    """Level of the ministry-side signatory: who may sign what (Permen 8/2025 Pasal 4, 23, 34)."""

    menteri = "menteri"
    pimpinan_eselon_1 = "pimpinan_eselon_1"
    kepala_kantor_wilayah = "kepala_kantor_wilayah"
    kepala_upt = "kepala_upt"
    lainnya = "lainnya"


class ListItem(Strict):
    text: Text
    items: list[Item] = Field(default_factory=list, max_length=MAX_ITEMS)

    @model_validator(mode="after")
    def _levels(self) -> ListItem:
        if _levels([self]) > MAX_ITEM_LEVELS:
            raise ValueError(f"butir bertingkat terlalu dalam: paling banyak {MAX_ITEM_LEVELS} tingkat "
                             "(butir, subbutirnya, dan subbutir dari subbutir itu)")
        return self


def _levels(items: list[Item]) -> int:
    return max((1 + _levels(i.items) if isinstance(i, ListItem) else 1 for i in items), default=0)


# Text, or {text, items}. Told apart by the value's shape, so that a wrong value gets one message
# (that of the shape it has), not one per shape it could have had.
Item = Annotated[Union[Annotated[Text, Tag("str")], Annotated[ListItem, Tag("ListItem")]],
                 Discriminator(lambda v: "ListItem" if isinstance(v, (dict, ListItem)) else "str")]


class Representative(Strict):
    name: Line = Field(description="Nama penandatangan, ditulis sama persis di komparisi dan tanda tangan.")
    position: Line = Field(description="Jabatan, mis. 'Direktur Jenderal Imigrasi'.")
    appointment: OptionalLine = Field(None, description="Dasar pengangkatan, mis. 'Keputusan Presiden Nomor 165/TPA Tahun 2022'.")


class Party(Strict):
    name: Line = Field(description="Nama lengkap instansi, sebagaimana ditulis di judul.")
    parent: OptionalLine = Field(None, description="Instansi induk yang ditulis di bawah nama pada judul.")
    short_name: Line = Field(description="Nama singkat yang dipakai di dalam teks.")
    mitra_type: MitraType
    legal_status: OptionalText = Field(None, description="Kedudukan pihak untuk konsiderans: 'bahwa PIHAK PERTAMA adalah …'.")
    address: OptionalText = None
    nomor: OptionalLine = Field(None, description="Nomor naskah pihak ini; kosong = titik-titik untuk draf.")
    representative: Representative
    signer_level: SignerLevel | None = Field(
        None, description="Untuk pihak Kementerian: tingkat penandatangan (menteri, pimpinan_eselon_1, "
                          "kepala_kantor_wilayah, kepala_upt, lainnya); kosong = disimpulkan dari jabatan.")
    pejabat_penghubung: OptionalLine = Field(None, description="Jabatan pejabat penghubung pihak ini.")
    duties: list[Item] = Field(default_factory=list, max_length=MAX_ITEMS, description="Tugas dan tanggung jawab pihak ini.")
    meterai: bool = Field(True, description="Tanda tangan pihak ini di atas meterai Rp10.000.")


class Signing(Strict):
    date: Date | None = None
    place: OptionalLine = None


class PriorAgreement(Strict):
    """An earlier agreement cited by number and date: the NK a PKS implements, or the predecessor."""

    tentang: Line
    numbers: list[Line] = Field(min_length=1, max_length=MAX_PARTIES, description="Nomor naskah, satu per pihak.")
    date: Date
    end_date: Date | None = None


class Renewal(PriorAgreement):
    kind: Kind = Kind.perjanjian_kerja_sama
    biro_recommendation: OptionalText = Field(None, description="Rekomendasi Biro Hukum dan Kerja Sama (Permen 8/2025 Pasal 36 ayat (2) huruf b).")


class Definition(Strict):
    term: Line
    abbreviation: OptionalLine = None
    meaning: Text


class Purpose(Strict):
    maksud: Text
    tujuan: Text


class DataFlow(Strict):
    receiver: PartyRef
    provider: PartyRef
    data: Line = Field("data", description="Apa yang diterima, mis. 'data kepesertaan tenaga kerja'.")
    items: list[Item] = Field(min_length=1, max_length=MAX_ITEMS)


class Network(Strict):
    provider: PartyRef
    technology: Line = Field(description="mis. 'Virtual Private Network (VPN)'.")


class DataExchange(Strict):
    mechanism: Line = Field(description="mis. 'layanan web (web-service) secara waktu nyata (real time)'.")
    flows: list[DataFlow] = Field(min_length=1, max_length=MAX_ITEMS)
    network: Network | None = None


class Term(Strict):
    start: Date | None = Field(None, description="Kosong = sejak tanggal ditandatangani.")
    end: Date | None = None
    years: int | None = Field(None, ge=1, le=MAX_YEARS)
    notice_months: int = Field(3, ge=1, le=MAX_MONTHS)

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


class ExtraPasal(Strict):
    title: Line
    after: OptionalLine = Field(None, description="Id klausul yang mendahului pasal ini; kosong = sebelum ketentuan penutup.")
    paragraphs: list[Text] = Field(min_length=1, max_length=MAX_ITEMS, description="Satu ayat per butir.")


class ClauseChoice(Strict):
    exclude: list[Line] = Field(default_factory=list, max_length=MAX_ITEMS, description="Id klausul yang tidak dipakai.")
    variants: dict[Line, Line] = Field(default_factory=dict, max_length=MAX_ITEMS, description="Id klausul → nama varian.")


class Style(Strict):
    party_label: Literal["pertama", "kesatu"] = "pertama"
    opening_case: Literal["title", "lower"] = "title"
    opening_digits: bool = True
    opening_place: bool = True
    party_block: Literal["sentence", "lines"] = "sentence"
    numbers: Literal["per_party", "single"] = "per_party"
    list_levels: Literal["a. 1) a)", "a. 1. a) 1)"] = "a. 1) a)"
    paper: Literal["a4", "f4"] = Field("a4", description="A4, atau F4/folio (215 × 330 mm).")
    paraf: bool = Field(True, description="Kotak paraf para pihak di kaki setiap halaman kecuali halaman tanda tangan.")


class Agreement(Strict):
    """One naskah kerja sama, as the drafter describes it."""

    kind: Kind
    tentang: Line = Field(description="Pokok naskah, tanpa kata 'tentang'.")
    draft: bool = Field(False, description="Draf: yang belum diketahui ditulis titik-titik.")
    signing: Signing = Signing()
    parties: list[Party] = Field(min_length=2, max_length=MAX_PARTIES)
    recitals: list[Text] = Field(default_factory=list, max_length=MAX_ITEMS, description="Konsiderans tambahan ('bahwa …').")
    legal_basis: list[Text] = Field(default_factory=list, max_length=MAX_ITEMS)
    nota_kesepahaman: PriorAgreement | None = Field(None, description="Nota Kesepahaman yang dilaksanakan PKS ini.")
    technical_basis: OptionalText = Field(None, description="Jika PKS tanpa Nota Kesepahaman: dasarnya (Permen 8/2025 Pasal 7).")
    renewal: Renewal | None = Field(None, description="Naskah yang diperpanjang oleh naskah ini.")
    definitions: list[Definition] = Field(default_factory=list, max_length=MAX_ITEMS)
    purpose: Purpose | None = None
    scope: list[Item] = Field(default_factory=list, max_length=MAX_ITEMS)
    data_exchange: DataExchange | None = None
    capacity_building: list[Text] = Field(default_factory=list, max_length=MAX_ITEMS)
    financing: OptionalText = Field(None, description="Kalimat tambahan tentang pembiayaan, mis. sumber APBN.")
    term: Term | None = None
    monitoring: Monitoring | None = None
    originals: int | None = Field(None, ge=1, le=MAX_ORIGINALS, description="Rangkap; kosong = sebanyak pihak.")
    extra_pasal: list[ExtraPasal] = Field(default_factory=list, max_length=MAX_ITEMS)
    clauses: ClauseChoice = ClauseChoice()
    style: Style = Style()

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
        for path, ref in refs:
            if ref > n:
                raise FieldProblem(path, f"pihak nomor {ref} tidak ada (hanya ada {n} pihak)")
        if self.term and self.term.end and self.term.start is None and self.signing.date:
            if self.term.end <= self.signing.date:
                raise FieldProblem("term.end", f"tanggal berakhir {self.term.end} tidak sesudah "
                                               f"tanggal penandatanganan {self.signing.date}")
        return self

    @field_validator("parties")
    @classmethod
    def _distinct_short_names(cls, parties: list[Party]) -> list[Party]:
        seen = set()
        for p in parties:
            if p.short_name in seen:
                raise ValueError(f"nama singkat '{p.short_name}' dipakai lebih dari satu pihak")
            seen.add(p.short_name)
        return parties
