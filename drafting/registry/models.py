"""The registry's tables: one row per naskah kerja sama, its numbers, and the files generated from it.

Typed SQLAlchemy 2 ORM. Enumerations are stored as their plain values in VARCHAR columns (no
native ENUM type), so the same schema and migrations serve SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint, func
from sqlalchemy import Enum as SqlEnum
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Kind(str, Enum):
    """The names naskah kerja sama go by in the units' own registers (seed 002)."""

    nota_kesepahaman = "nota_kesepahaman"
    perjanjian_kerja_sama = "perjanjian_kerja_sama"
    nota_kesepakatan = "nota_kesepakatan"
    surat_perjanjian = "surat_perjanjian"
    mou = "mou"


class Level(str, Enum):
    """Where the initiating unit sits (Permen 8/2025 Pasal 4 and 18)."""

    kementerian = "kementerian"
    unit_eselon_i = "unit_eselon_i"
    kantor_wilayah = "kantor_wilayah"
    upt = "upt"


class Status(str, Enum):
    draft = "draft"
    aktif = "aktif"
    berakhir = "berakhir"
    diperpanjang = "diperpanjang"  # renewed: a successor has been signed (Permen 8/2025 Pasal 36)
    diakhiri = "diakhiri"  # terminated before its end date (Permen 8/2025 Pasal 37)


KIND_LABELS = {
    Kind.nota_kesepahaman: "Nota Kesepahaman",
    Kind.perjanjian_kerja_sama: "Perjanjian Kerja Sama",
    Kind.nota_kesepakatan: "Nota Kesepakatan",
    Kind.surat_perjanjian: "Surat Perjanjian",
    Kind.mou: "MoU",
}
LEVEL_LABELS = {
    Level.kementerian: "Kementerian",
    Level.unit_eselon_i: "Unit Eselon I",
    Level.kantor_wilayah: "Kantor Wilayah",
    Level.upt: "UPT",
}


def _values(enum: type[Enum]) -> list[str]:
    return [m.value for m in enum]


def _enum(enum: type[Enum]) -> SqlEnum:
    return SqlEnum(enum, native_enum=False, length=32, values_callable=_values, validate_strings=True)


class Base(DeclarativeBase):
    pass


class Agreement(Base):
    __tablename__ = "agreements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[Kind] = mapped_column(_enum(Kind), index=True)
    tentang: Mapped[str] = mapped_column(Text)
    partners: Mapped[list[str]] = mapped_column(JSON, default=list)  # the Mitra, in party order
    unit: Mapped[str] = mapped_column(String(300), index=True)  # Satuan Kerja pemrakarsa
    level: Mapped[Level | None] = mapped_column(_enum(Level), nullable=True)
    signing_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    end_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True, index=True)
    status: Mapped[Status] = mapped_column(_enum(Status), index=True, default=Status.draft)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("agreements.id"), nullable=True)
    predecessor_id: Mapped[int | None] = mapped_column(ForeignKey("agreements.id"), nullable=True)
    # The input document, validated, as JSON text: what batch and renew render from.
    input_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    # The same input as the drafter wrote it (YAML, comments and all), and the SHA-256 of its UTF-8
    # bytes: what an export writes beside the sheet and an import brings back.
    input_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    input_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # For an agreement without numbers that came in through an import: the hash of its kind,
    # Satuan Kerja, Mitra, tentang and signing date, unique, so that no second import (nor two at
    # once) can add it again. Agreements with numbers are told apart by their numbers.
    identity_key: Mapped[str | None] = mapped_column(String(64), nullable=True, unique=True)
    drafting_version: Mapped[str | None] = mapped_column(String(40), nullable=True)
    # The Lampiran formats of Permen 8/2025 ask for these; a unit's register may carry them.
    scope: Mapped[str | None] = mapped_column(Text, nullable=True)  # ruang lingkup / bidang kerja sama
    strategic_plan: Mapped[str | None] = mapped_column(Text, nullable=True)  # rencana strategis
    urgency: Mapped[str | None] = mapped_column(Text, nullable=True)  # urgensi
    support: Mapped[str | None] = mapped_column(Text, nullable=True)  # dukungan (pembiayaan)
    remarks: Mapped[str | None] = mapped_column(Text, nullable=True)  # keterangan
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now())

    numbers: Mapped[list[AgreementNumber]] = relationship(
        back_populates="agreement", cascade="all, delete-orphan", order_by="AgreementNumber.position")
    files: Mapped[list[GeneratedFile]] = relationship(
        back_populates="agreement", cascade="all, delete-orphan", order_by="GeneratedFile.id")
    adenda: Mapped[list[Adendum]] = relationship(
        back_populates="agreement", cascade="all, delete-orphan", order_by="Adendum.position")
    parent: Mapped[Agreement | None] = relationship(remote_side=[id], foreign_keys=[parent_id])
    predecessor: Mapped[Agreement | None] = relationship(remote_side=[id], foreign_keys=[predecessor_id])

    @property
    def number_list(self) -> list[str]:
        return [n.number for n in self.numbers]

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def level_label(self) -> str:
        return LEVEL_LABELS[self.level] if self.level else ""


class AgreementNumber(Base):
    """One party's number of a naskah (one NOMOR line per party), indexed for look-up."""

    __tablename__ = "agreement_numbers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    # Unique: one number names one agreement, whoever inserts it and however many at once.
    number: Mapped[str] = mapped_column(String(200), index=True, unique=True)

    agreement: Mapped[Agreement] = relationship(back_populates="numbers")


class GeneratedFile(Base):
    """A file written from an agreement's input: where, its SHA-256, and by which drafting version."""

    __tablename__ = "generated_files"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"), index=True)
    path: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    drafting_version: Mapped[str] = mapped_column(String(40))
    generated_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now())

    agreement: Mapped[Agreement] = relationship(back_populates="files")


class Adendum(Base):
    """An adendum of an agreement (drafting adendum): its place in order (1: Adendum Pertama) and
    the agreement's input as this adendum changes it, with the adendum's own part (``adendum``)."""

    __tablename__ = "adenda"
    __table_args__ = (UniqueConstraint("agreement_id", "position", name="uq_adenda_agreement_position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    input_json: Mapped[str] = mapped_column(Text)
    signing_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now())

    agreement: Mapped[Agreement] = relationship(back_populates="adenda")
