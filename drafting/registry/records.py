"""Between an input document (the YAML/JSON a naskah renders from) and its registry row."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from typing import Any

import yaml

from dateutil.relativedelta import relativedelta
from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from ..errors import DraftingError
from ..load import validate
from ..model import Agreement as Input
from ..model import Item, ListItem, MitraType
from .db import drafting_version
from .models import Agreement, AgreementNumber, Kind, Level, Status


class NotInRegistry(DraftingError):
    """No agreement has the id asked for."""


class NotADraft(DraftingError):
    """A signed (or ended) agreement is the record of what was agreed: its input is not replaced."""


def get_record(session: Session, agreement_id: int) -> Agreement:
    record = session.get(Agreement, agreement_id)
    if record is None:
        raise NotInRegistry(f"naskah #{agreement_id} tidak ada dalam registri")
    return record


def input_json(agreement: Input) -> str:
    """The input as the drafter wrote it (fields left out stay left out), as JSON text."""
    return json.dumps(agreement.model_dump(mode="json", exclude_unset=True), ensure_ascii=False)


def input_yaml(agreement: Input) -> str:
    """The input as a YAML file a drafter can open and edit (the form's and renewal's inputs)."""
    return yaml.safe_dump(agreement.model_dump(mode="json", exclude_unset=True), allow_unicode=True,
                          sort_keys=False, width=100)


def set_input(record: Agreement, agreement: Input, text: str | None = None) -> None:
    """Store an input: validated as JSON (rendered from), and as text with its hash (exported and
    imported as it is). ``text`` is the drafter's own file where there is one."""
    record.input_json = input_json(agreement)
    record.input_text = text if text is not None else input_yaml(agreement)
    record.input_sha256 = sha256_of(record.input_text)


def sha256_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def input_of(record: Agreement) -> Input:
    if not record.input_json:
        raise ValueError(f"naskah #{record.id} tidak mempunyai isian")
    return validate(json.loads(record.input_json), source=f"registri #{record.id}")


def end_date_of(a: Input) -> dt.date | None:
    """term.end, or the day before the anniversary of the start (signing) ``years`` later."""
    if a.term is None:
        return None
    if a.term.end:
        return a.term.end
    start = a.term.start or a.signing.date
    assert a.term.years is not None
    return start + relativedelta(years=a.term.years, days=-1) if start else None


def fields_from_input(a: Input) -> dict[str, Any]:
    """What an input says about the registry row. The unit is the ministry's party (mitra_type
    ``kementerian``), else the first; the Mitra are the other parties."""
    ours = next((p for p in a.parties if p.mitra_type is MitraType.kementerian), a.parties[0])
    return {
        "kind": Kind(a.kind.value),
        "tentang": a.tentang,
        "partners": [p.name for p in a.parties if p is not ours],
        "unit": ours.name,
        "numbers": [p.nomor for p in a.parties if p.nomor],
        "signing_date": None if a.draft else a.signing.date,
        "end_date": end_date_of(a),
        "scope": "; ".join(_text(i) for i in a.scope) or None,
    }


def register(session: Session, agreement: Input, *, unit: str | None = None, level: Level | None = None,
             status: Status | None = None, text: str | None = None) -> Agreement:
    """Add an agreement described by its input (``text``: the file it was read from); aktif when it
    has a signing date, else draft. A number already registered is refused (``NumberTaken``)."""
    fields = fields_from_input(agreement) | ({"unit": unit} if unit else {})
    numbers = fields.pop("numbers")
    refuse_taken(session, numbers)
    if not numbers and (same := same_agreement(session, fields["kind"], fields["unit"], fields["partners"],
                                                fields["tentang"], fields["signing_date"])) is not None:
        raise NumberTaken(f"naskah ini sudah terdaftar sebagai #{same.id} (jenis, Satuan Kerja, Mitra, tentang dan "
                          f"tanggal sama, tanpa nomor); ubah naskah itu, jangan mendaftarkannya lagi")
    record = Agreement(**fields, level=level, drafting_version=drafting_version())
    record.status = status or (Status.aktif if record.signing_date else Status.draft)
    set_input(record, agreement, text)
    set_numbers(record, numbers)
    session.add(record)
    session.flush()
    return record


def update_draft(record: Agreement, agreement: Input) -> None:
    """Replace a draft's input and what the row says of it. The Satuan Kerja stays as registered
    (``--unit`` may have named it); anything past draft is refused, never overwritten."""
    if record.status is not Status.draft:
        raise NotADraft(f"naskah #{record.id} berstatus {record.status.value} dan tidak ditimpa: "
                        f"hanya naskah berstatus draft yang dapat diubah")
    fields = fields_from_input(agreement)
    numbers = fields.pop("numbers")
    refuse_taken(session_of(record), numbers, record)
    set_numbers(record, numbers)
    del fields["unit"]
    for name, value in fields.items():
        setattr(record, name, value)
    set_input(record, agreement)
    record.drafting_version = drafting_version()


class NumberTaken(DraftingError):
    """A number that already names another agreement in the registry (or, for an agreement
    without numbers, the same kind, Satuan Kerja, Mitra, tentang and date)."""


def refuse_taken(session: Session, numbers: list[str], record: Agreement | None = None) -> None:
    """The check before insert, for a message that names the other agreement; the unique index on
    the numbers is what holds when two commands insert at once."""
    for number in numbers:
        other = find_by_reference(session, number)
        if other is not None and other is not record:
            raise NumberTaken(f"nomor {number} sudah terdaftar untuk naskah #{other.id} ({other.tentang})")


def session_of(record: Agreement) -> Session:
    session = object_session(record)
    assert session is not None, "a registry row outside a session"
    return session


def normal_number(number: str) -> str:
    """A number as compared and stored: spaces around it dropped, runs of spaces made one."""
    return re.sub(r"\s+", " ", number).strip()


def set_numbers(record: Agreement, numbers: list[str]) -> None:
    """Replace the numbers. The old rows are deleted before the new are inserted: a number kept
    across the change would otherwise meet itself in the unique index."""
    wanted = [normal_number(n) for n in numbers]
    if record.number_list == wanted:
        return
    if record.numbers and (session := object_session(record)) is not None:
        record.numbers = []
        session.flush()
    record.numbers = [AgreementNumber(position=i, number=n) for i, n in enumerate(wanted)]


def same_agreement(session: Session, kind: Kind, unit: str, partners: list[str], tentang: str,
                   signing_date: dt.date | None) -> Agreement | None:
    """The registered agreement without numbers that these name, if any (see identity_key)."""
    key = identity_key(kind, unit, partners, tentang, signing_date)
    candidates = session.scalars(select(Agreement).where(
        Agreement.kind == kind, (Agreement.signing_date == signing_date) if signing_date
        else Agreement.signing_date.is_(None), ~Agreement.numbers.any()))
    return next((a for a in candidates
                 if (a.identity_key or identity_key(a.kind, a.unit, a.partners, a.tentang, a.signing_date)) == key),
                None)


def identity_key(kind: Kind, unit: str, partners: list[str], tentang: str, signing_date: dt.date | None) -> str:
    """What names an agreement that has no number: its kind, Satuan Kerja, Mitra, tentang and date,
    compared without regard to case or runs of spaces."""
    def norm(text: str) -> str:
        return re.sub(r"\s+", " ", text).strip().casefold()
    key = [kind.value, norm(unit), [norm(p) for p in partners], norm(tentang),
           signing_date.isoformat() if signing_date else None]
    return hashlib.sha256(json.dumps(key, ensure_ascii=False).encode("utf-8")).hexdigest()


def find_by_reference(session: Session, ref: str) -> Agreement | None:
    """``#12`` is registry id 12; anything else is one of the agreement's numbers."""
    ref = ref.strip()
    if ref.startswith("#") and ref[1:].isdigit():
        return session.get(Agreement, int(ref[1:]))
    return session.scalars(
        select(Agreement).join(AgreementNumber).where(AgreementNumber.number == normal_number(ref)).limit(1)).first()


def reference_of(record: Agreement | None) -> str:
    if record is None:
        return ""
    return record.number_list[0] if record.numbers else f"#{record.id}"


def _text(item: Item) -> str:
    return item.text if isinstance(item, ListItem) else item


def file_stem(record: Agreement) -> str:
    """The name of every file generated for an agreement: stable across runs, renewals and renames."""
    return f"naskah-{record.id}"


def change_status(record: Agreement, status: Status) -> None:
    """A renewal that becomes aktif (is signed) makes its predecessor diperpanjang (Permen 8/2025
    Pasal 36): until then the predecessor stays aktif, linked to the draft that renews it."""
    record.status = status
    if status is Status.aktif and record.predecessor and record.predecessor.status is Status.aktif:
        record.predecessor.status = Status.diperpanjang
